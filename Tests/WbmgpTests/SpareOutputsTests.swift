import Testing

@testable import Wbmgp

/// A batch's slices, once written, hand their output buffers back (``BatchDecider/recycle(_:)``,
/// ``SpareOutputs``) and the next block's slices write into them. What they write must be what
/// each line decided alone gives, and a slice someone still holds must keep its bytes.
@Suite("Output buffers handed back to the batch")
struct SpareOutputsTests {
    @Test("a block written into the buffers of the block before writes what its lines give alone")
    func recycledBlocks() throws {
        let (module, service) = try ReadAheadTests.reviewing()
        for jobs in [1, 2] {
            let batch = BatchDecider(service: service, jobs: jobs)
            let lines = ReadAheadTests.lines(module, count: 450)
            var bytes: [UInt8] = []
            var handedBack = 0
            for start in stride(from: 0, to: lines.count, by: 150) {
                let slices = batch.decide(lines[start..<start + 150], firstLine: start + 1)
                // Every slice of the block before took a buffer handed back.
                #expect(batch.spareOutputs.count == max(handedBack - slices.count, 0))
                bytes += slices.flatMap(\.bytes)
                handedBack = slices.count
                batch.recycle(consume slices)
                #expect(batch.spareOutputs.count == handedBack)
            }
            #expect(handedBack == (jobs == 1 ? 1 : 64))
            #expect(bytes == ReadAheadTests.alone(service, lines[...]).bytes, "jobs \(jobs)")
        }
    }

    @Test("a slice still held when its block is handed back keeps its bytes")
    func heldSliceKept() throws {
        let (module, service) = try ReadAheadTests.reviewing()
        let batch = BatchDecider(service: service, jobs: 2)
        let lines = ReadAheadTests.lines(module, count: 200)
        let first = batch.decide(lines[0..<100])
        let held = first[3]
        let heldBytes = held.bytes
        #expect(!heldBytes.isEmpty)
        batch.recycle(consume first)
        #expect(batch.spareOutputs.count == 63)
        _ = batch.decide(lines[100..<200], firstLine: 101)
        #expect(held.bytes == heldBytes)
        #expect(batch.spareOutputs.count == 0)
    }
}
