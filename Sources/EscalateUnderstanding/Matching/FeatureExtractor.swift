/// Turns words into the features intents are matched on: stems, concepts
/// from the `.voc` files, neighbouring pairs, and slot types.
struct FeatureExtractor: Sendable {
    /// Concept phrases as stem sequences, by their first stem, longest first.
    var concepts: [String: [(stems: [String], concept: String)]] = [:]

    /// Words too common to tell intents apart on their own. Question words
    /// and negations are kept: they are what separates "who" from "when".
    /// `stopwords` with `WordTable`'s cheaper hashing, for reading a line.
    static let stopwordSet = WordSet(stopwords)

    static let stopwords: Set<String> = [
        "a", "an", "the", "to", "of", "for", "on", "in", "at", "and", "or", "be", "do", "please", "pls", "just", "so",
        "that", "this", "with", "about", "me", "my", "our", "we", "us", "you", "your", "i", "it", "is", "are", "am",
        "ok", "okay", "um", "uh", "quick", "q", "really", "now", "then", "there", "here", "some", "any",
        "from", "by", "as", "up", "out", "into", "was", "were", "have", "has", "had", "got", "get", "still", "yet",
        "also", "again", "too", "very", "all", "am", "its",
        // Politeness and filler, which say nothing about what is wanted.
        "grateful", "wondering", "wonder", "kindly", "possibly", "exactly", "actually", "basically", "sorry",
        "honestly", "literally", "quite", "rather", "perhaps", "maybe", "currently", "really", "right", "already",
        "appreciate", "if", "could", "would", "wa", "let", "know",
    ]

    init(concepts: [String: [String]]) {
        for (concept, phrases) in concepts.sorted(by: { $0.key < $1.key }) {
            for phrase in phrases {
                let stems = Tokenizer.tokens(phrase).map { Stemmer.stem($0.text) }
                guard let first = stems.first else { continue }
                self.concepts[first, default: []].append((stems, concept))
            }
        }
        // Longest first; ties in a fixed order, so that matching never depends on hashing.
        for key in self.concepts.keys {
            self.concepts[key]!.sort { ($0.stems.count, $1.concept, $1.stems.joined(separator: " ")) > ($1.stems.count, $0.concept, $0.stems.joined(separator: " ")) }
        }
    }

    /// Every concept phrase as stems, with its concept, in the order
    /// `mapConcepts` tries them: by first stem, longest first.
    var conceptPhrases: [(first: String, phrases: [(stems: [String], concept: String)])] {
        concepts.keys.sorted().map { ($0, concepts[$0]!) }
    }

    /// The words that never break a neighbouring pair.
    static let pairFillers: Set<String> = ["a", "an", "the", "please", "just", "so", "um"]

    /// Replaces concept phrases with `@concept` tokens.
    func mapConcepts(_ stems: [String]) -> [String] {
        var result: [String] = []
        result.reserveCapacity(stems.count)
        var index = 0
        while index < stems.count {
            var matched = false
            if let candidates = concepts[stems[index]] {
                for candidate in candidates {
                    let end = index + candidate.stems.count
                    if end <= stems.count, candidate.stems.indices.allSatisfy({ stems[index + $0] == candidate.stems[$0] }) {
                        result.append("@" + candidate.concept)
                        index = end
                        matched = true
                        break
                    }
                }
            }
            if !matched {
                result.append(stems[index])
                index += 1
            }
        }
        return result
    }

    /// The features of a sequence of normalised words (stems, concepts and
    /// `{slot}` tokens), plus `extras`: the words of recognised entities,
    /// which count on their own as well as through their `{type}`.
    func features(_ words: [String], extras: [String]) -> [String] {
        let mapped = mapConcepts(words)
        var features: [String] = []
        for word in mapped where !Self.stopwords.contains(word) {
            features.append(word)
        }
        for word in mapConcepts(extras) where !Self.stopwords.contains(word) && !features.contains(word) {
            features.append(word)
        }
        // Neighbouring pairs of all words keep word order ("who ... next" versus "next ... who").
        let pairs = mapped.filter { !Self.pairFillers.contains($0) }
        if pairs.count > 1 {
            for index in 0..<(pairs.count - 1) { features.append(pairs[index] + " " + pairs[index + 1]) }
        }
        if let first = pairs.first { features.append("^" + first) }
        return features
    }
}
