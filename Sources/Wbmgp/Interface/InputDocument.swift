/// What every reader of an input document does first: parse the JSON within the limits, then
/// read it, naming the document's `id` in any error so a batch error record can say which input
/// it was.
enum InputDocument {
    /// The JSON of a document: over ``InputLimits/documentBytes`` it is refused before it is
    /// parsed, and nesting beyond ``InputLimits/nestingDepth`` is an `E-LIMIT` naming the JSON path
    /// of the value that goes too deep. Other malformed text is `E-JSON` with line and column.
    static func parse(_ bytes: [UInt8]) throws(InputError) -> JSONValue {
        try tape(bytes).tree()
    }

    /// The document checked and written down as a tape, with the errors of ``parse(_:)``; into
    /// `storage` when given (``JSONTape/Storage/take()``).
    static func tape(_ bytes: [UInt8], into storage: JSONTape.Storage? = nil) throws(InputError) -> JSONTape {
        try InputLimits.checkDocument(bytes.count)
        do {
            return try JSONTape(bytes, into: storage)
        } catch {
            if let path = error.limitPath { throw InputError.limit(path: path, message: error.message) }
            throw InputError(code: "E-JSON", path: "$", message: "invalid JSON at line \(error.line), column \(error.column): \(error.message)")
        }
    }

    /// Runs `read` on `value`; an error it throws carries the document's `id` when readable.
    static func read<Node: JSONNode, T>(_ value: Node, _ read: (Node) throws(InputError) -> T) throws(InputError) -> T {
        do {
            return try read(value)
        } catch {
            var error = error
            if let id = value.member("id")?.stringValue { error.applicationId = id }
            throw error
        }
    }
}
