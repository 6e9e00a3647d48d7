/// How long a line the matcher reads. Understanding costs time in
/// proportion to a line's length; past this, a line is answered with a
/// sentence saying so instead of being read, at every way in (`parse`,
/// `ask`, the REPL).
public enum UtteranceLimits {
    /// The most characters (Unicode code points) a line may have.
    public static let maximumCharacters = 4_000

    /// Whether `text` has more than `maximumCharacters`; it looks at no more
    /// of the text than that, however long it is.
    public static func isTooLong(_ text: String) -> Bool {
        // A code point takes at least one byte: a short text needs no counting.
        guard text.utf8.count > maximumCharacters else { return false }
        var count = 0
        for _ in text.unicodeScalars {
            count += 1
            if count > maximumCharacters { return true }
        }
        return false
    }

    /// What to say to a line that is too long.
    public static var tooLongMessage: String {
        var figure = String(maximumCharacters)
        if figure.count > 3 { figure.insert(",", at: figure.index(figure.endIndex, offsetBy: -3)) }
        return "That line is longer than \(figure) characters, more than I read at once. Please say it in shorter lines."
    }
}
