/// Makes text safe to print on a terminal.
///
/// Anything that came from a user or a file (a stored note, an imported
/// ticket, a calendar's name) goes through here before it reaches the
/// screen, so that it cannot move the cursor, change colours, set the window
/// title or reorder text. Control characters are shown in caret notation
/// (`ESC` as `^[`); C1 controls, invisible formatting characters such as
/// the bidirectional overrides and zero-width spaces, and the Unicode line
/// separators as `<U+202E>`.
public enum SafeText {
    /// `text` with every control character and escape sequence neutralised.
    /// Newlines are kept as line breaks; a tab becomes a space.
    public static func neutralised(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A:
                result.append(scalar)
            case 0x09:
                result.append(" ")
            case 0x00...0x1F:
                result.append("^")
                result.append(Unicode.Scalar(UInt8(scalar.value + 0x40)))
            case 0x7F:
                result.append(contentsOf: "^?".unicodeScalars)
            case 0x80...0x9F:
                result.append(contentsOf: visible(scalar).unicodeScalars)
            default:
                // Invisible formatting (bidirectional marks and overrides,
                // zero-width spaces, soft hyphens, byte-order marks) and the
                // Unicode line and paragraph separators are shown, not obeyed.
                // The zero-width joiner stays: emoji sequences need it.
                switch scalar.properties.generalCategory {
                case .format where scalar.value != 0x200D, .lineSeparator, .paragraphSeparator:
                    result.append(contentsOf: visible(scalar).unicodeScalars)
                default:
                    result.append(scalar)
                }
            }
        }
        return String(result)
    }

    /// `<U+202E>` for a scalar that must not act on the terminal.
    static func visible(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "<U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex)>"
    }

    /// As `neutralised`, and newlines too become visible: for one-line fields.
    public static func singleLine(_ text: String) -> String {
        neutralised(text.replacingNewlines())
    }
}

extension String {
    fileprivate func replacingNewlines() -> String {
        var result = ""
        for character in self {
            if character == "\n" || character == "\r\n" { result += "^J" } else { result.append(character) }
        }
        return result
    }
}

extension SafeText {
    /// `text` neutralised and fitted to `width` columns: a longer line wraps
    /// at spaces, continuing two columns deeper than its own indent (an
    /// indented line or a "- " item) or flush for a plain sentence. E-mail
    /// headers (`To:`, `Cc:`, `Subject:`) are left whole, for copying.
    public static func fitted(_ text: String, width: Int) -> String {
        neutralised(text).split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
            wrap(String(line), width: width)
        }.joined(separator: "\n")
    }

    /// `line` broken at spaces into lines of at most `width` columns (a
    /// longer word stands alone). Spacing inside a line is kept, so that
    /// aligned columns stay aligned; an indented line or a "- " item
    /// continues two columns deeper.
    static func wrap(_ line: String, width: Int) -> [String] {
        guard line.count > width, width > 20 else { return [line] }
        for header in ["To: ", "Cc: ", "Subject: "] where line.hasPrefix(header) { return [line] }
        let leading = String(line.prefix { $0 == " " })
        let body = line.dropFirst(leading.count)
        let hanging = leading.isEmpty && !body.hasPrefix("- ") ? "" : leading + "  "
        var lines: [String] = []
        var current = leading
        var empty = true
        for (gap, word) in words(body) {
            let candidate = empty ? current + word : current + gap + word
            if candidate.count > width && !empty {
                lines.append(current)
                current = hanging + word
            } else {
                current = candidate
            }
            empty = false
        }
        lines.append(current)
        return lines
    }

    /// The words of `text`, each with the spaces before it.
    static func words(_ text: Substring) -> [(gap: Substring, word: Substring)] {
        var result: [(Substring, Substring)] = []
        var index = text.startIndex
        while index < text.endIndex {
            let gapEnd = text[index...].firstIndex { $0 != " " } ?? text.endIndex
            guard gapEnd < text.endIndex else { break }
            let wordEnd = text[gapEnd...].firstIndex(of: " ") ?? text.endIndex
            result.append((text[index..<gapEnd], text[gapEnd..<wordEnd]))
            index = wordEnd
        }
        return result
    }
}
