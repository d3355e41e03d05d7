import Glibc
import Testing

@testable import Wbmgp

/// A batch is decided from the buffers its input was read into (``LentLines``): no line is
/// copied into an array of its own. What it decides must be what each line decided alone gives,
/// and the buffers must be held exactly as long as a block needs them, so that the command
/// line's reader reads into a buffer again only once nobody reads its lines.
@Suite("Batch lines lent where they were read")
struct LentLinesTests {
    /// `lines` as the line reader lends them: one after another in one chunk, each ended by a
    /// newline (not part of the line), the lines pointing into it.
    static func lent(_ lines: ArraySlice<[UInt8]>, into chunk: InputChunk) -> [UnsafeBufferPointer<UInt8>] {
        var lent: [UnsafeBufferPointer<UInt8>] = []
        for line in lines {
            let place = UnsafeMutableBufferPointer(start: chunk.base + chunk.count, count: line.count)
            _ = place.initialize(from: line)
            lent.append(UnsafeBufferPointer(place))
            chunk.base[chunk.count + line.count] = 0x0A
            chunk.count += line.count + 1
        }
        return lent
    }

    @Test("lines copied into one chunk keep their bytes, empty ones included")
    func copying() {
        let lines: [[UInt8]] = [Array("{\"a\":1}".utf8), [], Array("x".utf8), Array(repeating: 0x41, count: 300)]
        let lent = LentLines(copying: lines)
        #expect(lent.count == 4)
        #expect(!lent.isEmpty)
        #expect(lent.lines.map { Array($0) } == lines)
        #expect(LentLines(copying: [[UInt8]]()).isEmpty)
    }

    @Test("a block decided from one chunk, or read ahead from it, writes what each line gives alone")
    func decidedInPlace() throws {
        let (module, service) = try ReadAheadTests.reviewing()
        let lines = ReadAheadTests.lines(module, count: 300)
        let alone = ReadAheadTests.alone(service, lines[...])
        let chunk = InputChunk(capacity: lines.reduce(0) { $0 + $1.count + 1 })
        let lent = LentLines(Self.lent(lines[...], into: chunk), keptBy: [chunk])
        for jobs in [1, 2, 3] {
            let batch = BatchDecider(service: service, jobs: jobs)
            let slices = batch.start(lent, firstLine: 1, logging: true).finish()
            #expect(slices.flatMap(\.bytes) == alone.bytes, "jobs \(jobs)")
            #expect(slices.flatMap { $0.errors.map(\.error) } == alone.errors, "jobs \(jobs)")
            #expect(slices.flatMap(\.records) == alone.records, "jobs \(jobs)")
        }
        let batch = BatchDecider(service: service, jobs: 1)
        let read = batch.read(lent)
        #expect(batch.start(read, firstLine: 1, logging: true).finish().flatMap(\.bytes) == alone.bytes)
    }

    @Test("the chunk is held while its block is in flight and let go once it is finished")
    func chunkHeldForTheBlock() throws {
        let (module, service) = try ReadAheadTests.reviewing()
        let lines = ReadAheadTests.lines(module, count: 120)
        var chunk = InputChunk(capacity: lines.reduce(0) { $0 + $1.count + 1 })
        for jobs in [1, 2] {
            chunk.count = 0
            var block: BatchDecider.BlockInFlight? = BatchDecider(service: service, jobs: jobs).start(
                LentLines(Self.lent(lines[...], into: chunk), keptBy: [chunk]), firstLine: 1)
            // Only the block refers to the chunk besides this test: the reader would not read into it.
            #expect(!isKnownUniquelyReferenced(&chunk), "jobs \(jobs)")
            let slices = block?.finish() ?? []
            #expect(slices.flatMap(\.bytes) == ReadAheadTests.alone(service, lines[...]).bytes, "jobs \(jobs)")
            block = nil
            // A worker lets go of its share of the block just after it says it is done: waited
            // for, a second at most.
            for _ in 0..<1000 where !isKnownUniquelyReferenced(&chunk) { usleep(1000) }
            #expect(isKnownUniquelyReferenced(&chunk), "jobs \(jobs)")
        }
    }
}
