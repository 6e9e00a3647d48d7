/// The features of `FeatureExtractor`, worked out on integers.
///
/// Every word a feature can be made of (a stem, a `{type}`, an `@concept`)
/// is a *term* with a number, and every feature the phrasings have is
/// found from terms by indexing arrays, not by building strings and
/// hashing them. An utterance's features come out as the same feature ids
/// that `FeatureExtractor.features` would give once looked up; words no
/// phrasing uses have no term, and so make no feature, as their strings
/// would have made none that any phrasing has.
struct FeatureIndex: Sendable {
    /// The term of a word, if any phrasing, concept or filler uses it.
    let terms: [String: Int32]
    /// The term of each slot type's `{type}`, by the type alone: looked up
    /// for every entity of a line, without making its `{type}` string.
    let slotTerms: WordTable<Int32>
    let isStopword: [Bool]
    let isPairFiller: [Bool]
    /// Concept phrases as terms, by the term of their first word, longest first.
    let concepts: [[(terms: [Int32], concept: Int32)]]
    /// The feature id of a term on its own, of a term first in the
    /// utterance (`^term`), and of two terms side by side; -1 when no
    /// phrasing has that feature.
    let unigram: [Int32]
    let first: [Int32]
    let pairs: [Int64: Int32]

    /// Builds the index for `featureIDs`, the features the phrasings have.
    /// The words of those features, the concepts' words and the stopwords
    /// are the terms: any other word makes no feature a phrasing has.
    init(extractor: FeatureExtractor, featureIDs: [String: Int32]) {
        var vocabulary = FeatureExtractor.stopwords
        // Fillers must have terms even when no phrasing uses them: they are
        // skipped, so they must not break a pair as an unknown word does.
        vocabulary.formUnion(FeatureExtractor.pairFillers)
        let phrases = extractor.conceptPhrases
        for (_, list) in phrases {
            for phrase in list {
                vocabulary.formUnion(phrase.stems)
                vocabulary.insert("@" + phrase.concept)
            }
        }
        for feature in featureIDs.keys {
            for part in feature.split(separator: " ") {
                vocabulary.insert(part.hasPrefix("^") ? String(part.dropFirst()) : String(part))
            }
        }
        let names = vocabulary.sorted()
        var terms: [String: Int32] = [:]
        for (index, name) in names.enumerated() { terms[name] = Int32(index) }
        self.terms = terms
        slotTerms = Self.slotTerms(of: terms)
        isStopword = names.map { FeatureExtractor.stopwords.contains($0) }
        isPairFiller = names.map { FeatureExtractor.pairFillers.contains($0) }
        var concepts = Array(repeating: [(terms: [Int32], concept: Int32)](), count: names.count)
        for (firstStem, list) in phrases {
            concepts[Int(terms[firstStem]!)] = list.map { phrase in
                (phrase.stems.map { terms[$0]! }, terms["@" + phrase.concept]!)
            }
        }
        self.concepts = concepts
        unigram = names.map { featureIDs[$0] ?? -1 }
        first = names.map { featureIDs["^" + $0] ?? -1 }
        var pairs: [Int64: Int32] = [:]
        for (feature, id) in featureIDs where !feature.hasPrefix("^") {
            let parts = feature.split(separator: " ")
            guard parts.count == 2, let a = terms[String(parts[0])], let b = terms[String(parts[1])] else { continue }
            pairs[Self.pairKey(a, b)] = id
        }
        self.pairs = pairs
    }

    static func pairKey(_ a: Int32, _ b: Int32) -> Int64 { Int64(a) << 32 | Int64(UInt32(bitPattern: b)) }

    /// The term of `word`, or -1.
    func term(_ word: String) -> Int32 { terms[word] ?? -1 }

    /// The term of `{type}`, or -1: the same as `term("{\(type)}")`.
    func slotTerm(_ type: String) -> Int32 { slotTerms[type] ?? -1 }

    static func slotTerms(of terms: [String: Int32]) -> WordTable<Int32> {
        var table: [String: Int32] = [:]
        for (name, term) in terms where name.count > 2 && name.hasPrefix("{") && name.hasSuffix("}") {
            table[String(name.dropFirst().dropLast())] = term
        }
        return WordTable(table)
    }

    /// `FeatureExtractor.mapConcepts` on terms.
    func mapConcepts(_ words: [Int32]) -> [Int32] {
        var result: [Int32] = []
        result.reserveCapacity(words.count)
        forEachConceptRun(words) { term, _ in result.append(term) }
        return result
    }

    /// `mapConcepts` as runs: each concept found, with how many words it
    /// covers, and every other word as itself with a length of 0.
    func conceptRuns(_ words: [Int32]) -> [(term: Int32, length: Int)] {
        var result: [(term: Int32, length: Int)] = []
        result.reserveCapacity(words.count)
        forEachConceptRun(words) { term, length in result.append((term, length)) }
        return result
    }

    /// Hands each run of `conceptRuns` to `body` in order, without listing them.
    func forEachConceptRun(_ words: [Int32], _ body: (_ term: Int32, _ length: Int) -> Void) {
        var index = 0
        while index < words.count {
            var matched = false
            if words[index] >= 0 {
                for candidate in concepts[Int(words[index])] {
                    let end = index + candidate.terms.count
                    if end <= words.count, candidate.terms.indices.allSatisfy({ words[index + $0] == candidate.terms[$0] }) {
                        body(candidate.concept, candidate.terms.count)
                        index = end
                        matched = true
                        break
                    }
                }
            }
            if !matched {
                body(words[index], 0)
                index += 1
            }
        }
    }

    /// The name of a term's feature on its own, if it is one.
    func unigramFeatureName(_ term: Int32, names: [String]) -> String? {
        let id = unigramFeature(term)
        return id >= 0 ? names[Int(id)] : nil
    }

    /// The feature id of a term alone, or -1.
    func unigramFeature(_ term: Int32) -> Int32 { term >= 0 ? unigram[Int(term)] : -1 }

    /// The ids of `FeatureExtractor.features(words, extras:)` that the
    /// phrasings have, sorted and without repeats.
    func features(_ words: [Int32], extras: [Int32]) -> [Int32] {
        let mapped = mapConcepts(words)
        var ids: [Int32] = []
        ids.reserveCapacity(mapped.count * 2 + extras.count + 1)
        for term in mapped where term >= 0 && !isStopword[Int(term)] && unigram[Int(term)] >= 0 {
            ids.append(unigram[Int(term)])
        }
        if !extras.isEmpty {
            forEachConceptRun(extras) { term, _ in
                if term >= 0 && !isStopword[Int(term)] && unigram[Int(term)] >= 0 { ids.append(unigram[Int(term)]) }
            }
        }
        var previous: Int32?
        var isFirst = true
        for term in mapped where term < 0 || !isPairFiller[Int(term)] {
            if isFirst, term >= 0, first[Int(term)] >= 0 { ids.append(first[Int(term)]) }
            isFirst = false
            if let previous, previous >= 0, term >= 0, let id = pairs[Self.pairKey(previous, term)] { ids.append(id) }
            previous = term
        }
        ids.sort()
        var unique = 0
        for index in ids.indices where index == 0 || ids[index] != ids[index - 1] {
            ids[unique] = ids[index]
            unique += 1
        }
        ids.removeLast(ids.count - unique)
        return ids
    }
}
