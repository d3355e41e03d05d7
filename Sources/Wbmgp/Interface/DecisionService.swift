/// Reading, deciding and writing in one place, so a single file and every line of a batch take
/// the same code path.
public struct DecisionService: Sendable {
    public let engine: Engine
    public let reader: ApplicationReader
    public let engineInfo: DecisionWriter.EngineInfo
    /// ``engineInfo`` encoded once, for the batch hot path.
    let engineBlock: DecisionWriter.EngineBlock
    public let lawDate: CalendarDate?
    /// Whether output carries the canonical input, making each decision a record for replay.
    public let record: Bool
    /// Whether JSON decisions carry "from when" (`--counterfactuals`, interface §11). Records and
    /// log entries never do: they are derived from the record, and replay derives them again.
    public var counterfactuals: Bool

    /// - Parameter role: who is deciding, and so what may be read (interface §2); `desk` by default.
    public init(engine: Engine, engineInfo: DecisionWriter.EngineInfo, lawDate: CalendarDate? = nil, record: Bool = false, role: Role = .desk, counterfactuals: Bool = false) {
        self.counterfactuals = counterfactuals
        self.engine = engine
        self.reader = ApplicationReader(law: engine.law, role: role)
        self.engineInfo = engineInfo
        self.engineBlock = DecisionWriter.EngineBlock(engineInfo)
        self.lawDate = lawDate
        self.record = record
    }

    /// Reads and decides one application; the JSON of the decision, with `input` when `withInput`.
    public func decideJSON(_ bytes: [UInt8], withInput: Bool) throws(InputError) -> JSONValue {
        let (decision, record) = try decideWithRecord(bytes, recording: withInput)
        return withInput ? record ?? .null : DecisionWriter.json(decision, engine: engineInfo)
    }

    /// ``decideJSON(_:withInput:)`` as the pretty bytes `wbmgp decide` prints, written by
    /// ``DecisionWriter`` and laid out from its compact bytes (no `JSONValue` tree in between).
    public func decidePretty(_ bytes: [UInt8], withInput: Bool) throws(InputError) -> [UInt8] {
        let application = try reader.read(bytes)
        var decision = try engine.decide(application, lawDate: lawDate, counterfactuals: counterfactuals && !withInput)
        var out = JSONBytes(capacity: 8 * 1024)
        let input = withInput ? ApplicationWriter.json(application, keeping: decision.usedPoliceRecords) : nil
        if withInput { decision.counterfactuals = nil }
        DecisionWriter.compact(decision, engine: engineBlock, input: input, into: &out)
        return out.buffer.withUnsafeBytes { JSONWriter.prettyLine(compact: $0) }
    }

    /// Reads and decides once; with `recording`, also the decision record (with its input).
    public func decideWithRecord(_ bytes: [UInt8], recording: Bool) throws(InputError) -> (decision: Decision, record: JSONValue?) {
        let application = try reader.read(bytes)
        let decision = try engine.decide(application, lawDate: lawDate, counterfactuals: counterfactuals && !recording)
        guard recording else { return (decision, nil) }
        let input = ApplicationWriter.json(application, keeping: decision.usedPoliceRecords)
        return (decision, DecisionWriter.json(decision, engine: engineInfo, input: input))
    }

    /// Reads and decides once for people (text output, letters): the decision whose texts name
    /// people by their `name` where given, the application it decides, and with `recording` the
    /// decision record, whose texts name people by role only (interface §4).
    public func decideForPeople(_ bytes: [UInt8], recording: Bool) throws(InputError) -> (application: Application, decision: Decision, record: JSONValue?) {
        let application = try reader.read(bytes)
        // People read "from when" always (interface §11); the record does not carry it.
        let named = try engine.decide(application, lawDate: lawDate, peopleByName: true, counterfactuals: true)
        guard recording else { return (application, named, nil) }
        let byRole = try engine.decide(application, lawDate: lawDate)
        let input = ApplicationWriter.json(application, keeping: byRole.usedPoliceRecords)
        return (application, named, DecisionWriter.json(byRole, engine: engineInfo, input: input))
    }

    /// Reads and decides one application document.
    public func decide(_ bytes: [UInt8]) throws(InputError) -> Decision {
        try engine.decide(try reader.read(bytes), lawDate: lawDate, counterfactuals: counterfactuals)
    }

    /// The output for one application and, when `logging`, the decision record for the log.
    public func decideOutput(_ bytes: [UInt8], logging: Bool) throws(InputError) -> (output: JSONValue, record: JSONValue?) {
        let application = try reader.read(bytes)
        var decision = try engine.decide(application, lawDate: lawDate, counterfactuals: counterfactuals && !record)
        guard record || logging else { return (DecisionWriter.json(decision, engine: engineInfo), nil) }
        let output = record ? nil : DecisionWriter.json(decision, engine: engineInfo)
        decision.counterfactuals = nil
        let full = DecisionWriter.json(decision, engine: engineInfo, input: ApplicationWriter.json(application, keeping: decision.usedPoliceRecords))
        return (output ?? full, logging ? full : nil)
    }

    /// One batch line in, one compact output line out (without newline): a decision, or the
    /// error record of interface §4 naming the 1-based line number; with `logging`, the record too.
    public func decideLine(_ bytes: [UInt8], number: Int, logging: Bool = false) -> (line: String, error: InputError?, record: JSONValue?) {
        var out = JSONBytes()
        let (error, record) = decideLine(bytes, number: number, logging: logging, into: &out)
        return (String(decoding: out.bytes, as: UTF8.self), error, record)
    }

    /// The batch hot path: the output line is appended to `out` as bytes, written directly by
    /// ``DecisionWriter``.
    public func decideLine(_ bytes: [UInt8], number: Int, logging: Bool, into out: inout JSONBytes) -> (error: InputError?, record: JSONValue?) {
        var spares = LineSpares()
        return bytes.withUnsafeBufferPointer { decideLine(lent: $0, number: number, logging: logging, into: &out, reusing: &spares) }
    }

    /// ``decideLine(_:number:logging:into:)`` for one of a worker's lines, lent where it was read:
    /// the application is read into the arrays of the lines before (`spares`) and handed back to
    /// them once written.
    func decideLine(
        lent bytes: UnsafeBufferPointer<UInt8>, number: Int, logging: Bool, into out: inout JSONBytes, reusing spares: inout LineSpares
    ) -> (error: InputError?, record: JSONValue?) {
        do throws(InputError) {
            var application = try reader.read(lent: bytes, reusing: &spares, isBatchLine: true)
            defer { spares.recycle(&application) }
            let dwelling = AreaMatcher.DwellingKey(application.dwelling)
            return withUnsafePointer(to: application) { decide(lent: $0, dwelling: dwelling, number: number, logging: logging, into: &out, reusing: &spares) }
        } catch {
            return failed(error, number: number, into: &out)
        }
    }

    /// Reads one batch line ahead of its deciding (``ReadAhead``) into `place`, which is
    /// initialized only when the application was read: then the key of its dwelling (made here,
    /// on the reading thread, from the application as a value), else the error that stopped the
    /// reading (written as the line's error record when it is decided).
    func readLine(lent bytes: UnsafeBufferPointer<UInt8>, into place: UnsafeMutablePointer<Application>, reusing spares: inout LineSpares) -> Result<AreaMatcher.DwellingKey, InputError> {
        do throws(InputError) {
            let application = try reader.read(lent: bytes, reusing: &spares, isBatchLine: true)
            let dwelling = AreaMatcher.DwellingKey(application.dwelling)
            place.initialize(to: application)
            return .success(dwelling)
        } catch {
            return .failure(error)
        }
    }

    /// Decides line `number`'s application, lent where it lies, and writes its output line (a
    /// decision, or the error record of a decision that could not be made), with the record
    /// when `logging`. `dwelling` is its dwelling's key, made where the application was a value.
    func decide(
        lent application: UnsafePointer<Application>, dwelling: borrowing AreaMatcher.DwellingKey, number: Int, logging: Bool, into out: inout JSONBytes,
        reusing spares: inout LineSpares
    ) -> (error: InputError?, record: JSONValue?) {
        do {
            var decision = try engine.decide(
                lent: application, dwelling: dwelling, lawDate: lawDate, counterfactuals: counterfactuals && !record, reasonsInto: spares.takeReasons())
            let input = record || logging ? ApplicationWriter.json(application.pointee, keeping: decision.usedPoliceRecords) : nil
            DecisionWriter.compact(decision, engine: engineBlock, input: record ? input : nil, into: &out)
            decision.counterfactuals = nil
            let logged = logging ? DecisionWriter.json(decision, engine: engineInfo, input: input) : nil
            spares.recycle(&decision)
            return (nil, logged)
        } catch {
            return failed(error, number: number, into: &out)
        }
    }

    /// Line `number`'s error record, for a line that could not be read or decided.
    func failed(_ error: InputError, number: Int, into out: inout JSONBytes) -> (error: InputError?, record: JSONValue?) {
        DecisionWriter.errorRecord(line: number, error: error, into: &out)
        return (error, nil)
    }

    /// Splits JSON Lines input into lines: a final newline ends the last line rather than
    /// starting an empty one; a `\r` before the newline is dropped.
    public static func lines(of bytes: [UInt8]) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var start = 0
        for (i, byte) in bytes.enumerated() where byte == 0x0A {
            var end = i
            if end > start, bytes[end - 1] == 0x0D { end -= 1 }
            lines.append(Array(bytes[start..<end]))
            start = i + 1
        }
        if start < bytes.count { lines.append(Array(bytes[start...])) }
        return lines
    }
}
