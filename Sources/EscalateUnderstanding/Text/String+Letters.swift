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

extension String {
    /// The UTF-16 code units, as `Array(utf16)` gives them. A line is read
    /// by code unit in a dozen places; for ASCII, nearly every line, each
    /// byte is its unit, which is far cheaper than walking the UTF-16 view.
    var utf16Units: [UInt16] {
        var text = self
        return text.withUTF8 { bytes in
            guard !bytes.contains(where: { $0 >= 128 }) else { return Array(self.utf16) }
            return Array(unsafeUninitializedCapacity: bytes.count) { units, count in
                for index in bytes.indices { units[index] = UInt16(bytes[index]) }
                count = bytes.count
            }
        }
    }
}
