extension StringProtocol {
    /// Whether every character is a letter. Words are nearly always ASCII,
    /// so their bytes are checked first: asking Unicode about each
    /// `Character` costs more than the rest of reading a word.
    var isAllLetters: Bool {
        var ascii = true
        for byte in utf8 {
            if byte >= 128 { ascii = false; break }
            if !((byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90)) { return false }
        }
        return ascii || allSatisfy(\.isLetter)
    }

    /// Whether any character is a letter, ASCII first as in `isAllLetters`.
    var hasLetter: Bool {
        for byte in utf8 {
            if byte >= 128 { return contains(where: \.isLetter) }
            if (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) { return true }
        }
        return false
    }
}
