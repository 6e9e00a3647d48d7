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
    /// Words by their first letter (its first scalar) and length in letters:
    /// two integers hash faster than a `Character`.
    private struct Bucket: Hashable {
        var first: UInt32
        var length: Int
    }
    private struct Candidate {
        var word: String
        /// The word's bytes when it is ASCII, where a byte is a letter.
        var ascii: [UInt8]?
    }
    /// The words a typo may be corrected to (letters only, four or more).
    private var candidates: [Bucket: [Candidate]] = [:]
    /// The length of the longest of them.
    private var longest = 0

    public init(vocabulary: Set<String>) {
        words = vocabulary
        for word in vocabulary where word.isAllLetters {
            // Nearly every word is ASCII: one byte, one letter.
            let ascii = word.utf8.allSatisfy { $0 < 128 }
            let length = ascii ? word.utf8.count : word.count
            guard length >= 4, let first = word.unicodeScalars.first else { continue }
            candidates[Bucket(first: first.value, length: length), default: []].append(Candidate(word: word, ascii: ascii ? Array(word.utf8) : nil))
            longest = max(longest, length)
        }
    }

    public func contains(_ word: String) -> Bool { words.contains(word) }

    /// The vocabulary word nearest `word`, or `nil` if none is close enough.
    public func correct(_ word: String) -> String? {
        if words.contains(word) { return word }
        // A character takes at most four bytes: a longer word is surely too long to count.
        guard word.utf8.count >= 4, word.utf8.count <= 4 * (longest + 1) else { return nil }
        let ascii = word.utf8.allSatisfy { $0 < 128 }
        let length = ascii ? word.utf8.count : word.count
        guard length >= 4, length <= longest + 1, word.isAllLetters, let first = word.first, let scalar = word.unicodeScalars.first else { return nil }
        let bytes = ascii ? Array(word.utf8) : []
        let letters = ascii ? [] : Array(word)
        var best: String?
        for candidateLength in (length - 1)...(length + 1) {
            for candidate in candidates[Bucket(first: scalar.value, length: candidateLength)] ?? [] {
                // Of the words one edit away, the first in order: as stable as the vocabulary.
                if let found = best, found <= candidate.word { continue }
                let distance: Int
                if ascii, let other = candidate.ascii {
                    distance = Self.distance(bytes, other, limit: 1)
                } else {
                    guard candidate.word.first == first else { continue }
                    distance = Self.distance(letters.isEmpty ? Array(word) : letters, Array(candidate.word), limit: 1)
                }
                if distance <= 1 { best = candidate.word }
            }
        }
        return best
    }

    /// Optimal-string-alignment distance, stopping early past `limit`.
    public static func distance(_ a: String, _ b: String, limit: Int = .max) -> Int {
        // Nearly every word is ASCII, where a byte is a letter: comparing
        // bytes spares breaking both words into characters.
        if a.utf8.allSatisfy({ $0 < 128 }) && b.utf8.allSatisfy({ $0 < 128 }) {
            return distance(Array(a.utf8), Array(b.utf8), limit: limit)
        }
        return distance(Array(a), Array(b), limit: limit)
    }

    static func distance<Letter: Equatable>(_ x: [Letter], _ y: [Letter], limit: Int) -> Int {
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
