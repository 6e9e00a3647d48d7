/// What lining an utterance up with phrasings asks of it, worked out once
/// per utterance: where each stem and each entity type occurs, which tokens
/// lie in a structural entity, and where a name could start. Every phrasing
/// then finds its parts by halving a list instead of walking the line, so
/// a long line costs its length once, not once per phrasing.
struct AlignmentIndex {
    /// Each stem's token positions, in order.
    private var positions = WordTable<[Int]>()
    /// Each entity type's spans, in the order of the utterance's spans (by start).
    private var spansByType = WordTable<[(start: Int, end: Int)]>()
    /// How many of the tokens before each position lie in a structural
    /// entity, in an entity other than a name, or are words of their own
    /// (neither the request's own words nor stopwords).
    private var structuralBefore: [Int]
    private var inEntityBefore: [Int]
    private var plainWordsBefore: [Int]

    init(stems: [String], spans: [EntitySpan], ownWords: Set<String>) {
        for (index, stem) in stems.enumerated() { positions.update(stem, initial: []) { $0.append(index) } }
        for span in spans { spansByType.update(span.type, initial: []) { $0.append((span.start, span.end)) } }
        var structural = Array(repeating: false, count: stems.count)
        var inEntity = Array(repeating: false, count: stems.count)
        // The spans do not overlap: marking each one's tokens takes the line's length.
        for span in spans where span.start < span.end && span.end <= stems.count {
            for index in span.start..<span.end {
                if EntityRecogniser.structural.contains(span.type) { structural[index] = true }
                if span.type != "person" { inEntity[index] = true }
            }
        }
        func runningCount(_ flags: [Bool]) -> [Int] {
            var counts = [0]
            counts.reserveCapacity(flags.count + 1)
            for flag in flags { counts.append(counts[counts.count - 1] + (flag ? 1 : 0)) }
            return counts
        }
        structuralBefore = runningCount(structural)
        inEntityBefore = runningCount(inEntity)
        plainWordsBefore = runningCount(stems.map { !ownWords.contains($0) && !FeatureExtractor.stopwordSet.contains($0) })
        WorkMeter.add(2 * stems.count + spans.count)
    }

    func contains(_ stem: String) -> Bool { positions[stem] != nil }

    /// The first position of `stem` at or after `from`.
    func first(_ stem: String, from: Int) -> Int? {
        guard let list = positions[stem] else { return nil }
        let index = Self.firstIndex(in: list.count) { list[$0] >= from }
        return index < list.count ? list[index] : nil
    }

    /// The first span of `type` (in the spans' order) that starts at or after `from`.
    func firstSpan(ofType type: String, from: Int) -> (start: Int, end: Int)? {
        guard let list = spansByType[type] else { return nil }
        let index = Self.firstIndex(in: list.count) { list[$0].start >= from }
        return index < list.count ? list[index] : nil
    }

    /// How many tokens of `range` lie in a structural entity.
    func structuralTokens(in range: Range<Int>) -> Int { structuralBefore[range.upperBound] - structuralBefore[range.lowerBound] }

    /// Whether an entity other than a name covers any token of `range`.
    func hasEntityOtherThanName(in range: Range<Int>) -> Bool { inEntityBefore[range.upperBound] > inEntityBefore[range.lowerBound] }

    /// Whether every token of `range` is one of the request's own words or a stopword.
    func isOnlyOwnAndLittleWords(_ range: Range<Int>) -> Bool { plainWordsBefore[range.upperBound] == plainWordsBefore[range.lowerBound] }

    /// The first of `0..<count` for which `isAtOrPast` holds, all after it holding too.
    static func firstIndex(in count: Int, where isAtOrPast: (Int) -> Bool) -> Int {
        WorkMeter.add(1)
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if isAtOrPast(middle) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

/// Where a name can start in a line, for the customer's and contact's
/// names: worked out once per line rather than for every stretch of words.
struct NameStarts {
    /// Whether each token may be part of a name.
    let isNameWord: [Bool]
    /// For each position, the first token at or after it that may start a name.
    private let nextStart: [Int]

    init(isNameWord: [Bool], isLeadWord: [Bool]) {
        self.isNameWord = isNameWord
        var next = Array(repeating: isNameWord.count, count: isNameWord.count + 1)
        for index in isNameWord.indices.reversed() {
            next[index] = !isLeadWord[index] && isNameWord[index] ? index : next[index + 1]
        }
        nextStart = next
        WorkMeter.add(isNameWord.count)
    }

    func start(from index: Int) -> Int { nextStart[index] }
}
