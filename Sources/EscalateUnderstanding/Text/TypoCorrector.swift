/// Corrects a misspelt word to the nearest word of a vocabulary, by
/// Damerau–Levenshtein distance: one edit, for words of four letters or
/// more. (Two edits turned ordinary English words the vocabulary lacks,
/// such as "currently", into unrelated ones such as "correctly".) Lookups go through an index of deletions
/// (the SymSpell idea), so a correction costs a few hash lookups, not a
/// scan of the vocabulary.
public struct TypoCorrector: Sendable {
    private var words: Set<String>
    private var deletions: [String: [String]] = [:]

    public init(vocabulary: Set<String>) {
        words = vocabulary
        for word in vocabulary where word.count >= 4 && word.isAllLetters {
            for variant in Self.deletes(of: word, depth: 1) {
                deletions[variant, default: []].append(word)
            }
        }
    }

    public func contains(_ word: String) -> Bool { words.contains(word) }

    /// The vocabulary word nearest `word`, or `nil` if none is close enough.
    public func correct(_ word: String) -> String? {
        if words.contains(word) { return word }
        guard word.count >= 4, word.isAllLetters else { return nil }
        let limit = 1
        var candidates: Set<String> = []
        // The word and each of its single deletions (`deletes(of:depth: 1)`,
        // made here without building a set of them).
        for variant in [word] + Self.singleDeletions(of: word) {
            if words.contains(variant) { candidates.insert(variant) }
            for original in deletions[variant] ?? [] { candidates.insert(original) }
        }
        var best: (word: String, distance: Int)?
        for candidate in candidates.sorted() {
            let distance = Self.distance(word, candidate, limit: limit)
            guard distance <= limit, candidate.count >= 4 else { continue }
            // Keep the first letter: people rarely mistype it, and it keeps
            // "call" from turning into "tall".
            guard candidate.first == word.first || distance == 0 else { continue }
            if best == nil || distance < best!.distance { best = (candidate, distance) }
        }
        return best?.word
    }

    /// `word` with each one of its letters left out in turn; an ASCII word
    /// is cut byte by byte, with no array of characters in between.
    static func singleDeletions(of word: String) -> [String] {
        let bytes = Array(word.utf8)
        guard bytes.allSatisfy({ $0 < 128 }) else { return Array(deletes(of: word, depth: 1).subtracting([word])) }
        return bytes.indices.map { skipped in
            String(unsafeUninitializedCapacity: bytes.count - 1) { buffer in
                var written = 0
                for (index, byte) in bytes.enumerated() where index != skipped {
                    buffer[written] = byte
                    written += 1
                }
                return written
            }
        }
    }

    static func deletes(of word: String, depth: Int) -> Set<String> {
        var result: Set<String> = [word]
        var frontier: Set<String> = [word]
        for _ in 0..<depth {
            var next: Set<String> = []
            for item in frontier where item.count > 1 {
                let characters = Array(item)
                for index in characters.indices {
                    var copy = characters
                    copy.remove(at: index)
                    next.insert(String(copy))
                }
            }
            result.formUnion(next)
            frontier = next
        }
        return result
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
