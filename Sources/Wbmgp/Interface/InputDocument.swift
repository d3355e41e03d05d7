/// What every reader of an input document does first: parse the JSON within the limits, then
/// read it, naming the document's `id` in any error so a batch error record can say which input
/// it was.
enum InputDocument {
    /// The JSON of a document: over ``InputLimits/documentBytes`` it is refused before it is
    /// parsed, and nesting beyond ``InputLimits/nestingDepth`` is an `E-LIMIT` naming the JSON path
    /// of the value that goes too deep. Other malformed text is `E-JSON` with line and column.
    static func parse(_ bytes: [UInt8]) throws(InputError) -> JSONValue {
        try InputLimits.checkDocument(bytes.count)
        do {
            return try JSONReader.parse(bytes)
        } catch {
            throw inputError(error)
        }
    }

    /// The root of the document in `bytes`, checked and written down in `storage`
    /// (``JSONTape/Storage/take()``), with the errors of ``parse(_:)``. The bytes are lent: a
    /// batch line is read where the input was read into, not copied into an array of its own.
    /// The root is valid while both the bytes and the storage are.
    ///
    /// - Parameter isBatchLine: whether the document is one line of a batch, whose error record
    ///   gives its line number: malformed JSON then names only the column (its "line 1" read as
    ///   the batch's first line beside the record's own number).
    static func root(lent bytes: UnsafeBufferPointer<UInt8>, in storage: JSONTape.Storage, isBatchLine: Bool = false) throws(InputError) -> JSONTapeNode {
        try InputLimits.checkDocument(bytes.count)
        do {
            _ = try JSONReader.entries(of: bytes, capacity: JSONTape.initialCapacity(bytes.count), into: storage)
        } catch {
            throw inputError(error, isBatchLine: isBatchLine)
        }
        return JSONTapeNode(entries: UnsafeBufferPointer(start: storage.entries, count: storage.count), bytes: bytes, index: 0)
    }

    /// The input error for malformed JSON: `E-LIMIT` with its path for nesting too deep, else
    /// `E-JSON` with line and column (the column alone in a batch line, as the readers of
    /// populations and logs give it).
    private static func inputError(_ error: JSONSyntaxError, isBatchLine: Bool = false) -> InputError {
        if let path = error.limitPath { return InputError.limit(path: path, message: error.message) }
        let place = isBatchLine ? "column \(error.column)" : "line \(error.line), column \(error.column)"
        return InputError(code: "E-JSON", path: "$", message: "invalid JSON at \(place): \(error.message)")
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
