import Testing

@testable import Wbmgp

/// With one job, `decide --jsonl` reads each block's JSON into applications on the calling
/// thread while the worker decides the block before (``BatchDecider/read(_:recycling:)``,
/// ``ReadAhead``), and each block read takes the arrays of the block decided before it. What
/// the worker writes must be what each line decided alone gives: the same bytes, the same
/// error records in place, the same log records, and nothing of one application in the next.
@Suite("Blocks read ahead of their deciding (one job)")
struct ReadAheadTests {
    static let shipped: (module: RuleModule?, diagnostics: [Diagnostic]) = RuleModule.load(rules: TestSupport.rulesDirectory)

    /// The shipped rules and a service deciding in the reviewer's role (police records read).
    static func reviewing() throws -> (module: RuleModule, service: DecisionService) {
        let module = try #require(shipped.module, "\(shipped.diagnostics.map { $0.rendered() })")
        return (module, DecisionService(engine: module.engine, engineInfo: module.engineInfo(version: "test"), role: .review))
    }

    /// An application the reader accepts and the engine cannot decide: no law is in force on
    /// its date (the rules start on 30 December 2005), so its error record is written when the
    /// line is decided, not when it is read.
    static let beforeTheLaw = """
        {"id":"early","applicationDate":"1999-03-01","dwelling":{"municipality":"Rotterdam","category":"rental"},\
        "household":[{"id":"c","role":"applicant","birthDate":"1970-03-03"}]}
        """

    /// `count` generated lines of the reviewer's mix (police records included), with lines the
    /// reader refuses (broken JSON, a member name of the wrong kind, an empty line) and lines
    /// the engine refuses among them.
    static func lines(_ module: RuleModule, count: Int) -> [[UInt8]] {
        var generator = ApplicationGenerator(law: module.law, designations: module.designations, seed: 11)
        return (0..<count).map { i in
            switch i % 37 {
            case 5: return Array("{\"id\": \"cut".utf8)
            case 12: return Array("{\"id\": 3}".utf8)
            case 20: return []
            case 29: return Array(beforeTheLaw.utf8)
            default: return Array(generator.next(index: i).utf8)
            }
        }
    }

    /// Each line decided alone: its output line, error and log record.
    static func alone(_ service: DecisionService, _ lines: ArraySlice<[UInt8]>) -> (bytes: [UInt8], errors: [InputError], records: [JSONValue]) {
        var bytes: [UInt8] = []
        var errors: [InputError] = []
        var records: [JSONValue] = []
        for i in lines.indices {
            let (line, error, record) = service.decideLine(lines[i], number: i + 1, logging: true)
            bytes += Array(line.utf8) + [0x0A]
            if let error { errors.append(error) }
            if let record { records.append(record) }
        }
        return (bytes, errors, records)
    }

    @Test("three blocks read ahead, each into the arrays of the one before, decide every line as it is decided alone")
    func blocksAsAlone() throws {
        let (module, service) = try Self.reviewing()
        let batch = BatchDecider(service: service, jobs: 1)
        #expect(batch.readsAhead)
        #expect(!BatchDecider(service: service, jobs: 2).readsAhead)
        let lines = Self.lines(module, count: 600)
        var bytes: [UInt8] = []
        var errors: [InputError] = []
        var records: [JSONValue] = []
        var decided: ReadAhead?
        for start in stride(from: 0, to: lines.count, by: 200) {
            let block = lines[start..<start + 200]
            let read = batch.read(block, recycling: decided)
            #expect(read.count == 200)
            // Read into recycled arrays, each application is the one its line gives alone.
            for i in 0..<read.count {
                // Read alone as a batch line (whose syntax errors name the column only).
                let fresh = Result { () throws(InputError) in
                    var spares = LineSpares()
                    return try block[start + i].withUnsafeBufferPointer { (bytes) throws(InputError) in
                        try service.reader.read(lent: bytes, reusing: &spares, isBatchLine: true)
                    }
                }
                switch (read.copy(i), fresh) {
                case (.success(let application), .success(let alone)): #expect(application == alone)
                case (.failure(let error), .failure(let alone)): #expect(error == alone)
                default: Issue.record("line \(start + i + 1): read ahead and alone disagree")
                }
            }
            let slices = batch.start(read, firstLine: start + 1, logging: true).finish()
            bytes += slices.flatMap(\.bytes)
            errors += slices.flatMap { $0.errors.map(\.error) }
            records += slices.flatMap(\.records)
            decided = read
        }
        let alone = Self.alone(service, lines[...])
        #expect(bytes == alone.bytes)
        #expect(errors == alone.errors)
        #expect(records == alone.records)
        // Both kinds of error are among them, in place: the reader's and the engine's.
        #expect(errors.contains { $0.code == "E-LAW-DATE" })
        #expect(errors.contains { $0.code == "E-JSON" })
        #expect(errors.count == lines.indices.filter { [5, 12, 20, 29].contains($0 % 37) }.count)
    }

    @Test("a block read ahead that is never decided is let go, and its arrays still serve the next")
    func abandonedBlock() throws {
        let (module, service) = try Self.reviewing()
        let batch = BatchDecider(service: service, jobs: 1)
        let lines = Self.lines(module, count: 120)
        // Never decided, and let go with its applications (a run stopped by a failed write).
        _ = batch.read(lines[0..<40])
        // Never decided either, but recycled by the next block read.
        let skipped = batch.read(lines[40..<80])
        let read = batch.read(lines[80..<120], recycling: skipped)
        let slices = batch.start(read, firstLine: 81, logging: false).finish()
        #expect(slices.flatMap(\.bytes) == Self.alone(service, lines[80..<120]).bytes)
        // A block recycled twice gives nothing the second time.
        let again = batch.read(lines[80..<120], recycling: skipped)
        #expect(batch.start(again, firstLine: 81).finish().flatMap(\.bytes) == Self.alone(service, lines[80..<120]).bytes)
    }
}
