/// Reading, deciding and writing in one place, so a single file and every line of a batch take
/// the same code path.
public struct DecisionService: Sendable {
    public let engine: Engine
    public let reader: ApplicationReader
    public let engineInfo: DecisionWriter.EngineInfo
    public let lawDate: CalendarDate?

    public init(engine: Engine, engineInfo: DecisionWriter.EngineInfo, lawDate: CalendarDate? = nil) {
        self.engine = engine
        self.reader = ApplicationReader(law: engine.law)
        self.engineInfo = engineInfo
        self.lawDate = lawDate
    }

    /// Reads and decides one application document.
    public func decide(_ bytes: [UInt8]) throws(InputError) -> Decision {
        try engine.decide(try reader.read(bytes), lawDate: lawDate)
    }

    /// One batch line in, one compact output line out (without newline): a decision, or the
    /// error record of interface §4 naming the 1-based line number.
    public func decideLine(_ bytes: [UInt8], number: Int) -> (line: String, error: InputError?) {
        do {
            let decision = try decide(bytes)
            return (JSONWriter.compact(DecisionWriter.json(decision, engine: engineInfo)), nil)
        } catch {
            return (JSONWriter.compact(DecisionWriter.errorRecord(line: number, error: error)), error)
        }
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
