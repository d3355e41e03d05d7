/// A citation of the rules ("Wbmgp art. 8 lid 1 onder a–f") in the form a letter writes it:
/// "artikel 8, eerste lid, onder a–f, van de Wbmgp" / "article 8(1)(a–f) of the Wbmgp". A
/// citation of another form (another act, several parts) is returned as written.
public enum CitationWords {
    public static func written(_ citation: String, _ language: Language) -> String {
        // Parts separated by "; ", each "ACT art. …" or "art. …" (the act of the part before).
        var act: String?
        var groups: [(act: String, articles: [String])] = []
        for part in citation.split(separator: "; ", omittingEmptySubsequences: false) {
            guard let at = part.firstRange(of: "art. ") else { return citation }
            let named = part[..<at.lowerBound].trimmingCharacters(in: " ")
            if !named.isEmpty { act = named }
            guard let act, let words = article(String(part[at.lowerBound...]), language) else { return citation }
            if let last = groups.last, last.act == act {
                groups[groups.count - 1].articles.append(words)
            } else {
                groups.append((act, [words]))
            }
        }
        let en = language == .en
        let written = groups.map { group -> String in
            let list = PlainWords.list(group.articles, language)
            // "artikel 8, eerste lid, van de Wbmgp" but "artikel 5 van de Wbmgp".
            return en ? "\(list) of the \(group.act)" : "\(list)\(list.contains(",") ? "," : "") van de \(group.act)"
        }
        return PlainWords.list(written, language)
    }

    /// "art. 8 lid 1 onder a–f (oud)" → "artikel 8, eerste lid, onder a–f (oud)".
    static func article(_ text: String, _ language: Language) -> String? {
        var words = text.split(separator: " ").map(String.init)
        guard words.count >= 2, words[0] == "art." else { return nil }
        let number = words[1]
        words.removeFirst(2)
        var paragraph: String?
        var point: String?
        var old = false
        while !words.isEmpty {
            let word = words.removeFirst()
            switch word {
            case "lid":
                guard !words.isEmpty else { return nil }
                paragraph = words.removeFirst()
            case "onder":
                guard !words.isEmpty else { return nil }
                point = words.removeFirst()
            case "(oud)", "(oud),": old = true
            default: return nil
            }
        }
        let en = language == .en
        if en {
            var text = "article \(number)"
            if let paragraph { text += "(\(paragraph))" }
            if let point { text += "(\(point))" }
            return old ? text + " (former)" : text
        }
        var text = "artikel \(number)"
        if let paragraph {
            guard let ordinal = Int(paragraph).flatMap(ordinalNL) else { text += ", lid \(paragraph)"; return text }
            text += ", \(ordinal) lid"
        }
        if let point { text += ", onder \(point)" }
        return old ? text + " (oud)" : text
    }

    static func ordinalNL(_ number: Int) -> String? {
        let words = ["eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste", "negende", "tiende"]
        return (1...words.count).contains(number) ? words[number - 1] : nil
    }
}
