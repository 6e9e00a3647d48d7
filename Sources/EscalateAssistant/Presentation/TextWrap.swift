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

    /// Each paragraph wrapped, as one list of lines. An indented paragraph
    /// or a "- " item continues with a hanging indent two columns deeper.
    static func wrap(_ paragraphs: [String], width: Int) -> [String] {
        paragraphs.flatMap { paragraph -> [String] in
            let leading = String(paragraph.prefix { $0 == " " })
            let body = paragraph.dropFirst(leading.count)
            let hanging = leading.isEmpty && !body.hasPrefix("- ") ? "" : leading + "  "
            return wrap(String(body), width: width, firstIndent: leading, indent: hanging)
        }
    }
}
