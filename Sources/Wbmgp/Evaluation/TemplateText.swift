/// Walking a compiled ``Template``: its literals and the values of its placeholders, in order.
/// Reason texts, request findings' texts and their technical messages are all written this way.
extension Template {
    /// Calls `literal` with each literal's bytes and `value` with each placeholder's expression,
    /// in the template's order. The steps are plain numbers, so the walk counts no reference.
    @inline(__always)
    func forEachStep(literal: (UnsafeBufferPointer<UInt8>) -> Void, value: (CodeRef) -> Void) {
        let literals = UnsafeBufferPointer(start: storage.literals.base, count: storage.literals.count)
        for step in UnsafeBufferPointer(start: storage.steps.base, count: storage.steps.count) {
            if let expression = step.value {
                value(expression)
            } else {
                literal(UnsafeBufferPointer(rebasing: literals[Int(step.start)..<Int(step.end)]))
            }
        }
    }

    /// Appends the text for people: literals as written, each value in words
    /// (``ValueRendering/appendText(_:_:to:)``), and a value that opens a sentence ("{p} woont …",
    /// or after ". ") capitalised.
    ///
    /// The context is lent `inout` (nothing changes it): a decision's run keeps it in a field, and
    /// a field of a class passed as a value is copied first.
    func appendText(_ evaluator: ExpressionEvaluator, _ context: inout TextContext, to bytes: inout ByteBuffer) {
        withUnsafePointer(to: self) { Template.appendText($0, evaluator, &context, to: &bytes) }
    }

    /// ``appendText(_:_:to:)`` of a template lent where it lies (a reason's, in its rule's list),
    /// which its holder keeps while the text is written: passed as a value, its storage was
    /// counted and released around every call, twice a reason.
    static func appendText(_ template: UnsafePointer<Template>, _ evaluator: ExpressionEvaluator, _ context: inout TextContext, to bytes: inout ByteBuffer) {
        let textStart = bytes.count
        // The walk of ``forEachStep(literal:value:)`` written out: through its two closures,
        // both writing to `bytes`, a decision cost about 200 instructions more.
        // The storage's fields read where they lie: the storage bound to a local was counted.
        let literals = UnsafeBufferPointer(start: template.pointee.storage.literals.base, count: template.pointee.storage.literals.count)
        let steps = UnsafeBufferPointer(start: template.pointee.storage.steps.base, count: template.pointee.storage.steps.count)
        for step in steps {
            guard let expression = step.value else {
                bytes.append(UnsafeBufferPointer(rebasing: literals[Int(step.start)..<Int(step.end)]))
                continue
            }
            let start = bytes.count
            // Only this text's own bytes say whether a sentence ended.
            let opensSentence = start == textStart || Template.endsSentence(bytes, after: textStart)
            ValueRendering.appendText(evaluator.value(of: expression), context, to: &bytes)
            if opensSentence { PlainWords.capitaliseText(in: &bytes, from: start) }
        }
    }

    /// Whether the bytes written after `start` end with ". ".
    private static func endsSentence(_ bytes: borrowing ByteBuffer, after start: Int) -> Bool {
        bytes.withUnsafeBytes { written in
            written.count - start >= 2 && written[written.count - 2] == UInt8(ascii: ".") && written[written.count - 1] == UInt8(ascii: " ")
        }
    }
}
