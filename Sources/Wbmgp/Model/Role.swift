/// Who is deciding, and so which personal data may be read (interface §2–§3).
///
/// - `desk`: B&W's housing desk deciding the permit on the woonverklaring (the default);
/// - `mayor`: the mayor preparing the woonverklaring, who alone may use the police data
///   (Wbmgp art. 10b lid 7);
/// - `review`: a lawyer or court re-checking a dossier.
///
/// Which roles may read police records is data: `codes policeDataReaders` in
/// `Rules/wbmgp/vocabulary.rules`, with its citation. ``ApplicationReader`` is the one place that
/// applies it.
public enum Role: String, Hashable, Sendable, CaseIterable {
    case desk, mayor, review
}
