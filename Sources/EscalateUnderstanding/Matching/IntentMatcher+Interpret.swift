import Foundation

extension IntentMatcher {
    /// Free-text slots, filled by lining the utterance up with a phrasing.
    static let freeSlots: [String] = ["customer", "name", "note"]

    /// Understands one utterance.
    public func interpret(_ text: String, context: RecognitionContext) -> Interpretation {
        var tokens = Tokenizer.tokens(text)
        let names = Set((context.people + context.customers).flatMap { Tokenizer.tokens($0).map(\.text) })
        let units = Array(text.utf16)
        for index in tokens.indices {
            let word = tokens[index].text
            guard !known.contains(word), !names.contains(word), word.count >= 4, word.allSatisfy(\.isLetter) else { continue }
            // A capitalised word inside a sentence is more likely a name than a typo.
            if index > 0, let first = units[tokens[index].start...].first, first >= 65 && first <= 90 { continue }
            if let correction = corrector.correct(word) { tokens[index].text = correction }
        }
        let stems = tokens.map { Stemmer.stem($0.text) }
        let (spans, alternates) = recogniser.recogniseAll(tokens, stems: stems, text: text, context: context, known: known)
        let scored = score(tokens: tokens, stems: stems, spans: spans, text: text)
        var interpretation = Interpretation(
            intent: nil, score: 0, slots: [:], runnerUp: nil, nearest: [], entities: spans, correctedWords: tokens.map(\.text))
        let ranked = scored.ranked.filter { intentNames[$0.intent] != Self.outOfScope }
        interpretation.nearest = ranked.prefix(3).map { (intentNames[$0.intent], $0.score) }
        guard let best = scored.ranked.first else { return interpretation }
        let name = intentNames[best.intent]
        if let second = ranked.first(where: { intentNames[$0.intent] != name }) {
            interpretation.runnerUp = (intentNames[second.intent], second.score)
        }
        interpretation.score = best.score
        guard name != Self.outOfScope, best.score >= Self.rejectThreshold, scored.coverage >= 0.5 || best.score >= 0.6 else {
            return interpretation
        }
        interpretation.intent = name
        interpretation.slots = fillSlots(intent: name, tokens: tokens, stems: stems, spans: spans, alternates: alternates, text: text)
        return interpretation
    }

    struct Scored {
        var ranked: [(intent: Int, score: Double)]
        /// The share of content words the intent files know.
        var coverage: Double
    }

    func score(tokens: [Token], stems: [String], spans: [EntitySpan], text: String) -> Scored {
        // A colon with words on both sides usually introduces a note.
        var noteFrom: Int?
        if let colon = text.utf16.firstIndex(of: 58) {
            let offset = text.utf16.distance(from: text.utf16.startIndex, to: colon)
            if let index = tokens.firstIndex(where: { $0.start > offset }), index > 0 { noteFrom = index }
        }
        var words: [String] = []
        var extras: [String] = []
        var content = 0
        var unknown = 0
        var index = 0
        var spanIndex = 0
        while index < tokens.count {
            if let from = noteFrom, index >= from {
                words.append("{note}")
                break
            }
            while spanIndex < spans.count && spans[spanIndex].end <= index { spanIndex += 1 }
            if spanIndex < spans.count, spans[spanIndex].start == index {
                let span = spans[spanIndex]
                words.append("{\(span.type)}")
                if !EntityRecogniser.structural.contains(span.type) { extras += stems[span.start..<span.end] }
                index = span.end
                continue
            }
            let word = tokens[index].text
            if !FeatureExtractor.stopwords.contains(stems[index]), word.contains(where: \.isLetter) {
                content += 1
                if !known.contains(word) && !known.contains(stems[index]) { unknown += 1 }
            }
            words.append(stems[index])
            index += 1
        }
        let features = Set(extractor.features(words, extras: extras))
        let unknownWeight = log(1 + Double(intentNames.count))
        var norm2 = Double(unknown) * unknownWeight * unknownWeight
        for feature in features { if let weight = idf[feature] { norm2 += weight * weight } }
        let coverage = content == 0 ? 1 : Double(content - unknown) / Double(content)
        guard norm2 > 0 else { return Scored(ranked: [], coverage: coverage) }
        let norm = sqrt(norm2)
        var best = Array(repeating: 0.0, count: intentNames.count)
        var dots = [Double](repeating: 0, count: examples.count)
        var centre = Array(repeating: 0.0, count: intentNames.count)
        for feature in features {
            guard let weight = idf[feature] else { continue }
            let mine = weight / norm
            if let list = postings[feature] {
                for (example, theirs) in list { dots[example] += mine * theirs }
            }
            for intent in centres.indices {
                if let theirs = centres[intent][feature] { centre[intent] += mine * theirs }
            }
        }
        for (example, dot) in dots.enumerated() where dot > best[examples[example].intent] {
            best[examples[example].intent] = dot
        }
        var ranked: [(intent: Int, score: Double)] = []
        for intent in intentNames.indices {
            let centreScore = centreNorms[intent] > 0 ? centre[intent] / centreNorms[intent] : 0
            ranked.append((intent, min(1, 0.65 * best[intent] + 0.35 * centreScore)))
        }
        ranked.sort { $0.score != $1.score ? $0.score > $1.score : $0.intent < $1.intent }
        return Scored(ranked: ranked, coverage: coverage)
    }
}
