import Testing
@testable import EscalateUnderstanding

/// The interned features must be exactly the string features the
/// phrasings were indexed by, or scores would drift.
@Suite struct FeatureIndexTests {
    private var matcher: IntentMatcher { PhrasingSet.matcher }

    /// The ids `FeatureExtractor` gives for `words` and `extras`, looked up.
    private func stringFeatures(_ words: [String], extras: [String]) -> [Int32] {
        Set(matcher.extractor.features(words, extras: extras).compactMap { matcher.featureIDs[$0] }).sorted()
    }

    private func internedFeatures(_ words: [String], extras: [String]) -> [Int32] {
        let index = matcher.lexicon.index
        return index.features(words.map(index.term), extras: extras.map(index.term))
    }

    @Test(arguments: [
        (["who", "do", "i", "escal", "to", "now"], [String]()),
        (["um", "who", "the", "next", "level"], []),
        (["{ticket}", "overdu", "plz", "zzqx", "next"], []),
        (["i", "call", "my", "{role}", "at", "{time}"], ["ccm"]),
        (["what", "is", "the", "weather", "like", "today"], []),
        (["{note}"], []),
        ([], []),
    ])
    func givesTheIdsOfTheStringFeatures(words: [String], extras: [String]) {
        let expected = stringFeatures(words, extras: extras)
        #expect(internedFeatures(words, extras: extras) == expected)
        if words.count > 2 { #expect(!expected.isEmpty) }
    }

    /// A slot type's term, looked up by the type alone, is its `{type}`'s:
    /// for every slot type the phrasings use, and none for other words.
    @Test func aSlotTypesTermIsItsBracedTerm() {
        let index = matcher.lexicon.index
        let types = index.terms.keys.filter { $0.hasPrefix("{") && $0.hasSuffix("}") }.map { String($0.dropFirst().dropLast()) }
        #expect(types.count >= 5)
        for type in types + ["ticket", "time", "person", "nosuchtype", "escal", ""] {
            #expect(index.slotTerm(type) == index.term("{\(type)}"), "\(type)")
        }
    }

    /// Random runs of words the phrasings use, fillers, slot types, concept
    /// words and words nobody uses: the two ways agree on every one.
    @Test func agreesOnRandomWordSequences() {
        let index = matcher.lexicon.index
        var pool = Array(index.terms.keys.sorted().prefix(400)) + ["um", "the", "please", "{note}", "{ticket}", "xyzzy", "qwertz"]
        pool += matcher.extractor.conceptPhrases.prefix(40).flatMap { $0.phrases.flatMap(\.stems) }
        var generator = SeededGenerator(seed: 2026)
        var disagreements = 0
        var nonEmpty = 0
        for _ in 0..<2000 {
            let words = (0..<Int(generator.next() % 9)).map { _ in pool[Int(generator.next() % UInt64(pool.count))] }
            let extras = (0..<Int(generator.next() % 3)).map { _ in pool[Int(generator.next() % UInt64(pool.count))] }
            let expected = stringFeatures(words, extras: extras)
            if !expected.isEmpty { nonEmpty += 1 }
            if internedFeatures(words, extras: extras) != expected { disagreements += 1 }
        }
        #expect(disagreements == 0)
        #expect(nonEmpty > 1000)
    }
}
