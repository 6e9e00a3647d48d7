/// Corrects a misspelt word to the nearest word of a vocabulary, by
/// Damerau–Levenshtein distance: one edit, for words of four letters or
/// more. (Two edits turned ordinary English words the vocabulary lacks,
/// such as "currently", into unrelated ones such as "correctly".)
///
/// A word one edit from another is at most one letter longer or shorter,
/// and people rarely mistype the first letter, so the only candidates are
/// the vocabulary words of the same first letter and a length one either
/// side: a few dozen at most, kept together by first letter and length. A
/// word longer than every candidate by more than a letter is a typo of
/// nothing, and is not looked at letter by letter.
public struct TypoCorrector: Sendable {
    private var words: Set<String>
    private struct Bucket: Hashable {
        var first: Character
        var length: Int
    }
    /// The words a typo may be corrected to (letters only, four or more).
    private var candidates: [Bucket: [String]] = [:]
    /// The length of the longest of them.
    private var longest = 0

    public init(vocabulary: Set<String>) {
        words = vocabulary
        for word in vocabulary where word.isAllLetters {
            // Nearly every word is ASCII: one byte, one letter.
            let ascii = word.utf8.allSatisfy { $0 < 128 }
            let length = ascii ? word.utf8.count : word.count
            guard length >= 4, let first = ascii ? Character(Unicode.Scalar(word.utf8.first!)) : word.first else { continue }
            candidates[Bucket(first: first, length: length), default: []].append(word)
            longest = max(longest, length)
        }
    }

    public func contains(_ word: String) -> Bool { words.contains(word) }

    /// The vocabulary word nearest `word`, or `nil` if none is close enough.
    public func correct(_ word: String) -> String? {
        if words.contains(word) { return word }
        // A character takes at most four bytes: a longer word is surely too long to count.
        guard word.utf8.count >= 4, word.utf8.count <= 4 * (longest + 1) else { return nil }
        let length = word.count
        guard length >= 4, length <= longest + 1, word.isAllLetters, let first = word.first else { return nil }
        var best: String?
        for candidateLength in (length - 1)...(length + 1) {
            for candidate in candidates[Bucket(first: first, length: candidateLength)] ?? [] {
                // Of the words one edit away, the first in order: as stable as the vocabulary.
                if let found = best, found <= candidate { continue }
                if Self.distance(word, candidate, limit: 1) <= 1 { best = candidate }
            }
        }
        return best
    }

    /// Optimal-string-alignment distance, stopping early past `limit`.
    public static func distance(_ a: String, _ b: String, limit: Int = .max) -> Int {
        let x = Array(a), y = Array(b)
        if abs(x.count - y.count) > limit { return limit + 1 }
        var previous2 = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...max(1, x.count) where !x.isEmpty {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...max(1, y.count) where !y.isEmpty {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            previous2 = previous
            previous = current
        }
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        return previous[y.count]
    }
}
