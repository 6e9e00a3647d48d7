/// A set of words kept as a sorted list and searched by halving: as quick
/// as a hashed set for the few hundred words of one intent, and read from
/// compiled tables without hashing every word of every intent.
struct SortedWords: Sendable {
    /// Sorted, without repeats.
    let words: [String]

    init(_ words: Set<String> = []) {
        self.words = words.sorted()
    }

    /// `words` as written by `words` of another: already sorted.
    init(sorted words: [String]) {
        self.words = words
    }

    func contains(_ word: String) -> Bool {
        var low = 0
        var high = words.count
        while low < high {
            let middle = (low + high) / 2
            if words[middle] < word { low = middle + 1 } else { high = middle }
        }
        return low < words.count && words[low] == word
    }
}
