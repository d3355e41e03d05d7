/// A stacked bar chart in SVG for the self-contained pages of `impact` and `report`: one column
/// per label, one segment per series, a legend naming each colour in words (colour is never the
/// only carrier of meaning), a title and a description for screen readers. No script, no font,
/// nothing loaded from elsewhere.
struct StackedBarChart {
    enum Scale {
        /// Each column to 100 %: shares (impact: the outcomes of the same applications).
        case shares
        /// To the tallest column, ticks in whole numbers (report: decisions per period).
        case counts
    }

    struct Column {
        var label: String
        var counts: [Int]
    }

    var title: String
    /// The series' names, in the order of each column's counts.
    var series: [String]
    var colours: [String]
    var scale: Scale

    /// The figure: the SVG and its legend. A segment of 0 is not drawn.
    func figure(_ columns: [Column]) -> String {
        guard !columns.isEmpty else { return "" }
        let barWidth = 40, gap = 20, height = 220, top = 10, left = 48
        // Labels slope down to the right: room below and after the last column.
        let width = left + columns.count * (barWidth + gap) + gap + 140, below = 130
        let tallest = max(1, columns.map { $0.counts.reduce(0, +) }.max() ?? 1)
        // The count axis runs to a multiple of four, so its five ticks are whole numbers.
        let axis = scale == .shares ? 100 : (tallest + 3) / 4 * 4
        var svg = "<svg role=\"img\" aria-labelledby=\"chart-title chart-desc\" width=\"\(width)\" height=\"\(height + top + below)\" viewBox=\"0 0 \(width) \(height + top + below)\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        svg += "<title id=\"chart-title\">\(MarkupText.escaped(title))</title>\n"
        let description = columns.map { column in
            "\(column.label): " + zip(series, column.counts).map { "\($0.0) \($0.1)" }.joined(separator: ", ")
        }.joined(separator: "; ")
        svg += "<desc id=\"chart-desc\">\(MarkupText.escaped(description))</desc>\n"
        for step in 0...4 {
            let y = top + height - height * step / 4
            let label = scale == .shares ? "\(25 * step)%" : String(axis * step / 4)
            svg += "<line x1=\"\(left - 4)\" x2=\"\(width - 140)\" y1=\"\(y)\" y2=\"\(y)\" stroke=\"#ddd\"/><text x=\"\(left - 8)\" y=\"\(y + 4)\" font-size=\"11\" text-anchor=\"end\">\(label)</text>\n"
        }
        for (i, column) in columns.enumerated() {
            let total = scale == .shares ? max(1, column.counts.reduce(0, +)) : axis
            let x = left + gap / 2 + i * (barWidth + gap)
            var y = top + height
            for (k, count) in column.counts.enumerated() where count > 0 && k < colours.count {
                let bar = max(1, height * count / total)
                y -= bar
                svg += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(barWidth)\" height=\"\(bar)\" fill=\"\(colours[k])\"><title>\(MarkupText.escaped(column.label)): \(MarkupText.escaped(series[k])) \(count)</title></rect>\n"
            }
            svg += "<text x=\"\(x + barWidth / 2)\" y=\"\(top + height + 16)\" font-size=\"11\" text-anchor=\"start\" transform=\"rotate(35 \(x + barWidth / 2) \(top + height + 16))\">\(MarkupText.escaped(column.label))</text>\n"
        }
        svg += "</svg>\n"
        let legend = zip(series, colours).map { "<span><i style=\"background:\($1)\"></i>\(MarkupText.escaped($0))</span>" }.joined()
        return "<figure>\n" + svg + "<figcaption class=\"legend\">\(legend)</figcaption>\n</figure>\n"
    }

    /// The head of a report page: its language and title, and the one stylesheet both pages use.
    static func pageHead(title: String, language: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language)">
        <head>
        <meta charset="utf-8">
        <title>\(MarkupText.escaped(title))</title>
        <style>
        body { font-family: system-ui, sans-serif; margin: 2rem; color: #1a1a1a; max-width: 62rem; }
        h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
        table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.9rem; }
        th, td { border: 1px solid #ccc; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
        td.n { text-align: right; }
        .meta { color: #555; font-size: 0.85rem; word-break: break-all; }
        .legend span { display: inline-block; margin-right: 1rem; font-size: 0.9rem; }
        .legend i { display: inline-block; width: 0.9rem; height: 0.9rem; margin-right: 0.3rem; vertical-align: -0.1rem; }
        </style>
        </head>
        <body>
        <h1>\(MarkupText.escaped(title))</h1>

        """
    }
}
