/// What every reader of an input document does first: parse the JSON (E-JSON with line and
/// column), then read it, naming the document's `id` in any error so a batch error record can
/// say which input it was.
enum InputDocument {
    static func parse(_ bytes: [UInt8]) throws(InputError) -> JSONValue {
        do {
            return try JSONReader.parse(bytes)
        } catch {
            throw InputError(code: "E-JSON", path: "$", message: "invalid JSON at line \(error.line), column \(error.column): \(error.message)")
        }
    }

    /// Runs `read` on `value`; an error it throws carries the document's `id` when readable.
    static func read<T>(_ value: JSONValue, _ read: (JSONValue) throws(InputError) -> T) throws(InputError) -> T {
        do {
            return try read(value)
        } catch {
            var error = error
            if case .string(let id) = value["id"] ?? .null { error.applicationId = id }
            throw error
        }
    }
}
