import Foundation

extension IntentMatcher {
    /// Free-text slots, filled by lining the utterance up with a phrasing.
    static let freeSlots: [String] = ["customer", "name", "note"]

    /// The slots `text` fills when read as `intent`: for a suggestion the
    /// user accepted ("Did you mean …?" "yes").
    public func slots(of text: String, as intent: String, context: RecognitionContext) -> [String: SlotValue] {
        guard !UtteranceLimits.isTooLong(text) else { return [:] }
        let (tokens, facts, units) = correctedTokens(text, context: context)
        let stems = facts.map(\.stem)
        let (spans, alternates) = recogniser.recogniseAll(tokens, stems: stems, text: text, units: units, context: context, known: known,
                                                          kinds: facts.map(\.kinds))
        let noteFrom = noteStart(tokens: tokens, spans: spans, units: units)
        let filled = fillSlots(intent: intent, tokens: tokens, stems: stems, spans: spans, alternates: alternates, units: units, noteFrom: noteFrom)
        return Dictionary(uniqueKeysWithValues: filled.map { ($0.key.rawValue, $0.value) })
    }

    /// The tokens of `text`, with typos corrected against the files' words,
    /// the facts of each, and the line's UTF-16 code units, which every
    /// later stage reads rather than making its own copy.
    func correctedTokens(_ text: String, context: RecognitionContext) -> (tokens: [Token], facts: [WordFacts], units: [UInt16]) {
        let units = text.utf16Units
        var tokens = Tokenizer.tokens(units)
        var facts = tokens.map { lexicon.facts($0.text) }
        WorkMeter.add(tokens.count)
        let names = context.nameWords
        for index in tokens.indices {
            let word = tokens[index].text
            // Everyday English is never a typo ("being" is not "bring"). The
            // cheap tests go first: most words are short or known.
            guard word.utf8.count >= 4, !facts[index].isKnown, !facts[index].isCommon, word.isAllLetters, !names.contains(word) else { continue }
            // A capitalised word inside a sentence is more likely a name than a
            // typo, and so is one that starts a line before another ("Dana Lee").
            if let first = units[tokens[index].start...].first, first >= 65 && first <= 90 {
                if index > 0 { continue }
                if index + 1 < tokens.count, let next = units[tokens[index + 1].start...].first, next >= 65 && next <= 90 { continue }
                // "Dana acknowledged #1", "Mary said…": a capitalised word that
                // starts a line before a past-tense verb is someone's name.
                if index + 1 < tokens.count {
                    let next = tokens[index + 1].text
                    if next.hasSuffix("ed") || ["said", "says", "rang", "sent", "spoke", "wrote", "is", "was", "has", "will"].contains(next) { continue }
                }
            }
            if let correction = corrector.correct(word) {
                tokens[index].text = correction
                facts[index] = lexicon.facts(correction)
            }
        }
        return (tokens, facts, units)
    }

    /// Understands one utterance, before its cues are read; with its
    /// tokens and its UTF-16 code units.
    func interpretWords(_ text: String, context: RecognitionContext) -> (Interpretation, [Token], [UInt16]) {
        let (tokens, facts, units) = correctedTokens(text, context: context)
        let stems = facts.map(\.stem)
        let (spans, alternates) = recogniser.recogniseAll(tokens, stems: stems, text: text, units: units, context: context, known: known,
                                                          kinds: facts.map(\.kinds))
        let noteFrom = noteStart(tokens: tokens, spans: spans, units: units)
        let scored = scoreBySentence(tokens: tokens, facts: facts, spans: spans, units: units, noteFrom: noteFrom)
        var interpretation = Interpretation(
            intent: nil, score: 0, slots: Slots(), runnerUp: nil, nearest: [], entities: spans, correctedWords: tokens.map(\.text))
        // The ranking is a few intents long: the real ones are picked out in place.
        let isReal = { (entry: (intent: Int, score: Double)) in self.intentNames[entry.intent] != Self.outOfScope }
        var ranked = scored.ranked
        if !ranked.allSatisfy(isReal) { ranked.removeAll { !isReal($0) } }
        interpretation.nearest = ranked.prefix(3).map { (IntentName(rawValue: intentNames[$0.intent]), $0.score) }
        guard let best = scored.ranked.first else { return (interpretation, tokens, units) }
        let name = intentNames[best.intent]
        if let second = ranked.first(where: { intentNames[$0.intent] != name }) {
            interpretation.runnerUp = (IntentName(rawValue: intentNames[second.intent]), second.score)
        }
        // When the out-of-scope examples win, report the best real intent's score.
        interpretation.score = name == Self.outOfScope ? (ranked.first?.score ?? 0) : best.score
        interpretation.topIntent = IntentName(rawValue: name)
        interpretation.coverage = scored.coverage
        interpretation.unknownWords = scored.unknown
        // Not understood: out of scope, too weak, or too much of it unfamiliar
        // (rare words the intent files never use) without a strong match.
        guard name != Self.outOfScope, best.score >= Self.rejectThreshold, scored.coverage >= 0.6 || best.score >= 0.6 else {
            return (interpretation, tokens, units)
        }
        interpretation.intent = IntentName(rawValue: name)
        let own = distinctive[name] ?? SortedWords()
        let ownIDs = distinctiveIDs[best.intent]
        // Distinctive features of the chosen intent: both lists are sorted ids.
        // Gathered as a list, sorted and made unique at the end.
        var found: [String] = []
        found.reserveCapacity(8)
        var next = 0
        for feature in scored.features {
            while next < ownIDs.count && ownIDs[next] < feature { next += 1 }
            if next < ownIDs.count && ownIDs[next] == feature { found.append(featureNames[Int(feature)]) }
        }
        // Distinctive words and concepts, and the words that carry a topic.
        // A token inside a structural entity counts only when no concept
        // covers it ("ticket" in "ticket 12").
        let structural = structuralTokens(spans, count: tokens.count)
        WorkMeter.add(2 * tokens.count)
        var index = 0
        lexicon.index.forEachConceptRun(facts.map(\.stemTerm)) { term, length in
            if length == 0 {
                if own.contains(stems[index]) { found.append(stems[index]) }
                index += 1
                return
            }
            if let concept = lexicon.index.unigramFeatureName(term, names: featureNames), own.contains(concept) { found.append(concept) }
            for covered in index..<(index + length) where !structural[covered] && own.contains(stems[covered]) { found.append(stems[covered]) }
            index += length
        }
        var spanIndex = 0
        for index in tokens.indices {
            while spanIndex < spans.count && spans[spanIndex].end <= index { spanIndex += 1 }
            if structural[index] {
                // A named person is content ("I called Dana at 9am"); a number or a time is not.
                if spanIndex < spans.count, spans[spanIndex].type == "person", spans[spanIndex].start == index { interpretation.topicWords += 1 }
                continue
            }
            let fact = facts[index]
            if !fact.stemIsStopword, !fact.isFunctionWord, fact.hasLetter, fact.isInScope { interpretation.topicWords += 1 }
        }
        // Sorted, and each word once, in place.
        found.sort()
        var unique = 0
        for position in found.indices where position == 0 || found[position] != found[unique - 1] {
            found.swapAt(unique, position)
            unique += 1
        }
        found.removeLast(found.count - unique)
        interpretation.distinctiveWords = found
        let filled = fillSlots(intent: name, tokens: tokens, stems: stems, spans: spans, alternates: alternates, units: units, noteFrom: noteFrom)
        interpretation.slots = Slots(filled)
        return (interpretation, tokens, units)
    }

    /// Whether each token lies inside a structural entity (a ticket, a
    /// time, a person …), whose words stand in as `{type}`.
    func structuralTokens(_ spans: [EntitySpan], count: Int) -> [Bool] {
        var result = Array(repeating: false, count: count)
        for span in spans where EntityRecogniser.structural.contains(span.type) {
            for index in span.start..<span.end { result[index] = true }
        }
        return result
    }
}
