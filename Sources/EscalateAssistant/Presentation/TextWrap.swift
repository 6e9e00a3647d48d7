/// Wraps text to the reader's width, keeping words whole.
enum TextWrap {
    /// `text` wrapped to `width` columns; continuation lines start with `indent`.
    static func wrap(_ text: String, width: Int, firstIndent: String = "", indent: String = "") -> [String] {
        var lines: [String] = []
        var current = firstIndent
        var currentIsEmpty = true
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let candidate = currentIsEmpty ? current + word : current + " " + word
            if candidate.count > width && !currentIsEmpty {
                lines.append(current)
                current = indent + word
            } else {
                current = candidate
            }
            currentIsEmpty = false
        }
        if !currentIsEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    /// Each paragraph wrapped, as one list of lines.
    static func wrap(_ paragraphs: [String], width: Int) -> [String] {
        paragraphs.flatMap { paragraph -> [String] in
            let leading = String(paragraph.prefix { $0 == " " })
            let bullet = paragraph.dropFirst(leading.count).hasPrefix("- ") ? leading + "  " : leading
            return wrap(String(paragraph.dropFirst(leading.count)), width: width, firstIndent: leading, indent: bullet)
        }
    }
}
