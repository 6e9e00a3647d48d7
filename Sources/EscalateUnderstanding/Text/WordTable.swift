/// A read-mostly table keyed by words, hashed by their bytes eight at a
/// time, with open addressing. Reading a line asks a few hundred questions of word
/// sets and tables; through `Hasher` each costs a SipHash of the word, more
/// than the rest of the question. Keys are compared whole, so the answers
/// are `Dictionary`'s.
struct WordTable<Value: Sendable>: Sendable {
    /// Each slot's hash, 0 when the slot is empty (a word's hash is never 0).
    private var hashes: [UInt64]
    private var keys: [String]
    private var values: [Value?]
    private(set) var count = 0

    init() {
        hashes = Array(repeating: 0, count: 8)
        keys = Array(repeating: "", count: 8)
        values = Array(repeating: nil, count: 8)
    }

    init(_ dictionary: [String: Value]) {
        self.init()
        // In key order, so that the table's layout never depends on hashing.
        for key in dictionary.keys.sorted() { self[key] = dictionary[key] }
    }

    static func hash(_ word: String) -> UInt64 {
        var word = word
        // A word's bytes in place (a short word's are inside the string itself).
        return word.withUTF8 { bytes in
            // Eight bytes at a time, each multiplied in and its high bits
            // folded down: most words are one or two such steps.
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
            var index = 0
            let raw = UnsafeRawBufferPointer(bytes)
            while index + 8 <= bytes.count {
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0x9e37_79b9_7f4a_7c15
                hash ^= hash >> 32
                index += 8
            }
            var rest: UInt64 = 0
            var shift: UInt64 = 0
            while index < bytes.count {
                rest |= UInt64(bytes[index]) << shift
                shift += 8
                index += 1
            }
            hash = (hash ^ rest) &* 0x9e37_79b9_7f4a_7c15
            hash ^= hash >> 29
            return hash == 0 ? 1 : hash
        }
    }

    /// Applies `change` to the value for `word`, starting from `initial`
    /// when there is none: in place, so a list grows without being copied.
    mutating func update(_ word: String, initial: Value, _ change: (inout Value) -> Void) {
        let hash = Self.hash(word)
        var slot = slot(of: word, hash: hash)
        if hashes[slot] == 0 {
            self[word] = initial
            slot = self.slot(of: word, hash: hash)
        }
        change(&values[slot]!)
    }

    private func slot(of word: String, hash: UInt64) -> Int {
        let mask = hashes.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while hashes[slot] != 0 {
            if hashes[slot] == hash && keys[slot] == word { return slot }
            slot = (slot + 1) & mask
        }
        return slot
    }

    subscript(word: String) -> Value? {
        get {
            let hash = Self.hash(word)
            let slot = slot(of: word, hash: hash)
            return hashes[slot] == 0 ? nil : values[slot]
        }
        set {
            // Kept at most half full, so that a miss ends soon.
            if newValue != nil, (count + 1) * 2 > hashes.count { grow() }
            let hash = Self.hash(word)
            let slot = slot(of: word, hash: hash)
            if hashes[slot] != 0 {
                if let newValue { values[slot] = newValue } else { remove(at: slot) }
            } else if let newValue {
                hashes[slot] = hash
                keys[slot] = word
                values[slot] = newValue
                count += 1
            }
        }
    }

    func contains(_ word: String) -> Bool {
        let hash = Self.hash(word)
        return hashes[slot(of: word, hash: hash)] != 0
    }

    private mutating func grow() {
        let old = (hashes, keys, values)
        hashes = Array(repeating: 0, count: old.0.count * 2)
        keys = Array(repeating: "", count: old.0.count * 2)
        values = Array(repeating: nil, count: old.0.count * 2)
        count = 0
        for slot in old.0.indices where old.0[slot] != 0 { self[old.1[slot]] = old.2[slot] }
    }

    /// Removes by re-inserting the run after the slot: linear probing has no tombstones.
    private mutating func remove(at slot: Int) {
        let mask = hashes.count - 1
        hashes[slot] = 0
        keys[slot] = ""
        values[slot] = nil
        count -= 1
        var next = (slot + 1) & mask
        while hashes[next] != 0 {
            let (key, value) = (keys[next], values[next])
            hashes[next] = 0
            keys[next] = ""
            values[next] = nil
            count -= 1
            self[key] = value
            next = (next + 1) & mask
        }
    }

    /// The words, in no particular order.
    var words: [String] { hashes.indices.filter { hashes[$0] != 0 }.map { keys[$0] } }
}

/// A set of words with `WordTable`'s cheaper hashing.
struct WordSet: Sendable, ExpressibleByArrayLiteral, Sequence {
    private var table = WordTable<Bool>()

    init() {}
    init(arrayLiteral words: String...) { self.init(words) }
    init<Words: Sequence>(_ words: Words) where Words.Element == String {
        for word in words.sorted() { table[word] = true }
    }

    var count: Int { table.count }
    var isEmpty: Bool { table.count == 0 }
    func contains(_ word: String) -> Bool { table.contains(word) }
    mutating func insert(_ word: String) { table[word] = true }
    func makeIterator() -> IndexingIterator<[String]> { table.words.makeIterator() }

    /// Whether no word of `words` is in the set.
    func isDisjoint<Words: Sequence>(with words: Words) -> Bool where Words.Element == String {
        !words.contains { contains($0) }
    }
}
