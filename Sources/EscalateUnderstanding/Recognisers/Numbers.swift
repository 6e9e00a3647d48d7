/// Numbers as people type them: digits, words and ordinals.
enum Numbers {
    static let words: [String: Int] = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
        "forty-eight": 48, "fortyeight": 48, "sixty": 60, "ninety": 90, "couple": 2, "few": 3,
    ]

    static let ordinals: [String: Int] = [
        "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5, "5th": 5,
        "zeroth": 0, "0th": 0,
    ]

    /// Whether `word` starts with a digit: only then is it worth parsing as
    /// one (most words are not numbers, and parsing costs more than this).
    static func startsWithDigit(_ word: String) -> Bool {
        guard let first = word.utf8.first else { return false }
        return first >= 48 && first <= 57
    }

    /// `12`, `twelve`, `a`; `nil` otherwise.
    static func value(_ word: String) -> Int? {
        if startsWithDigit(word), let n = Int(word), word.count <= 9 { return n }
        return words[word]
    }

    /// `12`, `1.5`, `half`; `nil` otherwise.
    static func decimal(_ word: String) -> Double? {
        if startsWithDigit(word), let n = Double(word), word.count <= 9, n >= 0 { return n }
        if word == "half" { return 0.5 }
        return words[word].map(Double.init)
    }
}
