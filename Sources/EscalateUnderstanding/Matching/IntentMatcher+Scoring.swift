import Foundation

/// How a line is scored against the intents: by sentence, by the intents'
/// centres, then example by example for the few best candidates.
extension IntentMatcher {
    /// The largest of `sums`, or 0 when none is positive, four at a time:
    /// one at a time, each comparison waits for the one before.
    static func largest(_ sums: UnsafeMutableBufferPointer<Float>) -> Float {
        var (a, b, c, d): (Float, Float, Float, Float) = (0, 0, 0, 0)
        var index = 0
        while index + 4 <= sums.count {
            a = sums[index] > a ? sums[index] : a
            b = sums[index + 1] > b ? sums[index + 1] : b
            c = sums[index + 2] > c ? sums[index + 2] : c
            d = sums[index + 3] > d ? sums[index + 3] : d
            index += 4
        }
        while index < sums.count {
            a = sums[index] > a ? sums[index] : a
            index += 1
        }
        let (first, second) = (a > b ? a : b, c > d ? c : d)
        return first > second ? first : second
    }

    /// How many intents, best by their centres, are compared example by example.
    static let candidateIntents = 8

    struct Scored {
        /// The intents' scores: all of them in intent order as one stretch
        /// of tokens scores them; once `scoreBySentence` has ranked them,
        /// the best `rankedKept`, best first (ties by intent).
        var ranked: [(intent: Int, score: Double)]
        /// The share of content words the intent files know.
        var coverage: Double
        var unknown: Int = 0
        /// The features of the whole utterance, as sorted ids.
        var features: [Int32] = []
    }

    /// Words that carry no topic: they do not count for or against familiarity.
    static let functionWords: Set<String> = [
        "what", "how", "who", "whom", "whose", "when", "where", "why", "which", "do", "does", "can", "will", "should",
        "shall", "may", "might", "must", "need", "want", "like", "get", "go", "make", "take", "give", "tell", "say",
        "long", "last", "since", "much", "many", "more", "most", "some", "other", "new", "good", "best", "one", "thing",
    ]

    /// Small talk loses to a request in another sentence ("Good afternoon.
    /// Could you tell me when I can escalate?").
    static let smallTalk: Set<String> = ["greet", "thanks", "bye"]
    /// What small talk's score counts for in a line of several sentences.
    static let smallTalkWeight = 0.45

    /// Scores the whole utterance and each of its sentences; an intent takes
    /// its best showing, so that a preamble cannot drown the request. The
    /// words from `noteFrom` on (see `noteStart`) are free text.
    func scoreBySentence(tokens: [Token], facts: [WordFacts], spans: [EntitySpan], units: [UInt16], noteFrom: Int?) -> Scored {
        var whole = score(tokens: tokens, facts: facts, spans: spans, noteFrom: noteFrom, range: 0..<tokens.count)
        // Each sentence scored costs a pass over the postings of its words;
        // past the first few, a request is not hiding in one of its own.
        let ranges = sentences(tokens: tokens, units: units).prefix(Self.sentencesScoredAlone)
        guard ranges.count > 1 else {
            whole.ranked = Self.best(Self.rankedKept, of: whole.ranked)
            return whole
        }
        // Small talk beside a request loses to it, in the whole line too
        // ("thanks! when can I go up a level on #1"). Every part's scores
        // come in intent order, so an intent's best is kept at its index.
        // A stretch with no known feature scores no intent at all (an empty
        // list); one that scores lists every intent.
        var best = whole.ranked.isEmpty
            ? intentNames.indices.map { (intent: $0, score: 0.0) }
            : whole.ranked.map { entry in
                (intent: entry.intent, score: isSmallTalk[entry.intent] ? entry.score * Self.smallTalkWeight : entry.score)
            }
        var scored = !whole.ranked.isEmpty
        var coverage = whole.coverage
        for range in ranges {
            let part = score(tokens: tokens, facts: facts, spans: spans, noteFrom: noteFrom, range: range)
            coverage = max(coverage, part.coverage)
            scored = scored || !part.ranked.isEmpty
            for (intent, value) in part.ranked {
                // A lone greeting sentence does not outrank the request beside it.
                let weight = isSmallTalk[intent] ? Self.smallTalkWeight : 0.97
                best[intent].score = max(best[intent].score, value * weight)
            }
        }
        let ranked = scored ? Self.best(Self.rankedKept, of: best) : []
        return Scored(ranked: ranked, coverage: coverage, unknown: whole.unknown, features: whole.features)
    }

    /// How many intents a line's ranking keeps: the best, and the three
    /// best that are not out of scope (the nearest, and the runner-up).
    static let rankedKept = 4

    /// The first `count` of `entries` as `betterFirst` orders them, found in
    /// one pass: cheaper than sorting every intent to read the first few.
    static func best(_ count: Int, of entries: [(intent: Int, score: Double)]) -> [(intent: Int, score: Double)] {
        var kept: [(intent: Int, score: Double)] = []
        kept.reserveCapacity(count + 1)
        for entry in entries {
            guard kept.count < count || betterFirst(entry, kept[kept.count - 1]) else { continue }
            let place = kept.firstIndex { betterFirst(entry, $0) } ?? kept.count
            kept.insert(entry, at: place)
            if kept.count > count { kept.removeLast() }
        }
        return kept
    }

    /// How many sentences of a line are scored on their own, besides the whole line.
    static let sentencesScoredAlone = 24

    /// Higher scores first; equal scores by intent, so that the order never
    /// depends on hashing.
    static func betterFirst(_ a: (intent: Int, score: Double), _ b: (intent: Int, score: Double)) -> Bool {
        a.score != b.score ? a.score > b.score : a.intent < b.intent
    }

    /// Words that start a question of one's own after a comma, before "I"
    /// or "we" ("the rep never called back, can I escalate?").
    static let questionStarts: Set<String> = ["can", "should", "could", "may", "do", "shall", "must"]

    /// Verbs that start a command after a comma.
    static let commandWords: Set<String> = [
        "escalate", "esc", "resume", "unpause", "close", "reopen", "pause", "undo", "de-escalate", "deescalate", "please", "pls", "so",
    ]

    /// Token ranges of the sentences: split after `.`, `?`, `!` or `;`
    /// followed by a space, and at a comma before a command ("the customer
    /// confirmed the demarc, resume #1"). Other commas do not split: "pause
    /// #3, note: …" is one request.
    func sentences(tokens: [Token], units: [UInt16]) -> [Range<Int>] {
        WorkMeter.add(units.count + tokens.count)
        var ranges: [Range<Int>] = []
        var start = 0
        for index in tokens.indices.dropLast() {
            let gap = units[tokens[index].end..<max(tokens[index].end, tokens[index + 1].start)]
            let beforeCommand = gap.contains(44) && (Self.commandWords.contains(tokens[index + 1].text)
                || (Self.questionStarts.contains(tokens[index + 1].text) && index + 2 < tokens.count && ["i", "we"].contains(tokens[index + 2].text)))
            if (gap.contains(where: { $0 == 46 || $0 == 63 || $0 == 33 || $0 == 59 }) || beforeCommand) && gap.contains(32) {
                ranges.append(start..<(index + 1))
                start = index + 1
            }
        }
        if start < tokens.count { ranges.append(start..<tokens.count) }
        return ranges
    }

    /// Scores the tokens in `range` against every intent; the words from
    /// `noteFrom` on are free text and count as one `{note}`.
    func score(tokens: [Token], facts: [WordFacts], spans: [EntitySpan], noteFrom: Int?, range: Range<Int>) -> Scored {
        let index = lexicon.index
        var words: [Int32] = []
        words.reserveCapacity(range.count)
        var extras: [Int32] = []
        var content = 0
        var unknown = 0
        var position = range.lowerBound
        var spanIndex = 0
        while position < range.upperBound {
            if let from = noteFrom, position >= from {
                words.append(index.term("{note}"))
                break
            }
            while spanIndex < spans.count && spans[spanIndex].end <= position { spanIndex += 1 }
            if spanIndex < spans.count, spans[spanIndex].start == position, spans[spanIndex].end <= range.upperBound {
                let span = spans[spanIndex]
                // A recognised entity is familiar content.
                content += 1
                words.append(index.slotTerm(span.type))
                if !EntityRecogniser.structural.contains(span.type) { extras += facts[span.start..<span.end].map(\.stemTerm) }
                position = span.end
                continue
            }
            let fact = facts[position]
            if !fact.stemIsStopword, !fact.isFunctionWord, !fact.isCommon, fact.hasLetter {
                content += 1
                if !fact.isInScope { unknown += 1 }
            }
            words.append(fact.stemTerm)
            position += 1
        }
        // Feature ids, sorted, so that sums come out the same on every run.
        let sortedIDs = index.features(words, extras: extras)
        // The postings of a feature are as many as the intent files make
        // them, whatever the line: a feature counts once.
        WorkMeter.add(range.count + extras.count + sortedIDs.count)
        let features = sortedIDs
        let unknownWeight = log(1 + Double(intentNames.count))
        var norm2 = Double(unknown) * unknownWeight * unknownWeight
        for id in sortedIDs { norm2 += idf[Int(id)] * idf[Int(id)] }
        let coverage = content == 0 ? 1 : Double(content - unknown) / Double(content)
        guard norm2 > 0 else { return Scored(ranked: [], coverage: coverage, unknown: unknown, features: features) }
        let norm = sqrt(norm2)
        var centre = Array(repeating: 0.0, count: intentNames.count)
        // The intents' centres first: they are cheap, and they pick the few
        // intents whose examples are worth comparing one by one.
        for id in sortedIDs {
            let mine = idf[Int(id)] / norm
            for (intent, theirs) in centreWeights[Int(id)] { centre[Int(intent)] += mine * theirs }
        }
        // The best few by centre, kept in order as they are found (as `best`
        // does) without listing every intent first.
        var byCentre: [(intent: Int, score: Double)] = []
        byCentre.reserveCapacity(Self.candidateIntents + 1)
        for intent in intentNames.indices where centre[intent] > 0 && centreNorms[intent] > 0 {
            let entry = (intent: intent, score: centre[intent] / centreNorms[intent])
            guard byCentre.count < Self.candidateIntents || Self.betterFirst(entry, byCentre[byCentre.count - 1]) else { continue }
            let place = byCentre.firstIndex { Self.betterFirst(entry, $0) } ?? byCentre.count
            byCentre.insert(entry, at: place)
            if byCentre.count > Self.candidateIntents { byCentre.removeLast() }
        }
        // Every intent's score from its centre alone: an intent that is not
        // a candidate has no best example (0) to add to it.
        var ranked = intentNames.indices.map { intent -> (intent: Int, score: Double) in
            (intent, min(1, 0.35 * (centreNorms[intent] > 0 ? centre[intent] / centreNorms[intent] : 0)))
        }
        withUnsafeTemporaryAllocation(of: Bool.self, capacity: intentNames.count) { candidates in
            candidates.initialize(repeating: false)
            for entry in byCentre { candidates[entry.intent] = true }
            sumCandidateExamples(sortedIDs, norm: norm, candidates: UnsafeBufferPointer(candidates)) { intent, best in
                let centreScore = centreNorms[intent] > 0 ? centre[intent] / centreNorms[intent] : 0
                ranked[intent].score = min(1, 0.65 * best + 0.35 * centreScore)
            }
        }
        // In intent order: `scoreBySentence` ranks them once.
        return Scored(ranked: ranked, coverage: coverage, unknown: unknown, features: features)
    }

    /// Compares the line with every example of the `candidates` intents: the
    /// dot product of its features (`sortedIDs`, weighed by idf over `norm`)
    /// with each example's, and hands `found` each candidate's best.
    func sumCandidateExamples(_ sortedIDs: [Int32], norm: Double, candidates: UnsafeBufferPointer<Bool>,
                              found: (_ intent: Int, _ best: Double) -> Void) {
        scratch.with(count: exampleIntent.count) { dots in
            postingExamples.withUnsafeBufferPointer { postingExamples in
                postingWeights.withUnsafeBufferPointer { postingWeights in
                    for id in sortedIDs {
                        // Features most intents share barely move the best
                        // example, and their lists are the longest.
                        if idf[Int(id)] < commonFeatureIDF { continue }
                        let mine = Float(idf[Int(id)] / norm)
                        var runStart = Int(postingOffsets[Int(id)])
                        for run in Int(runOffsets[Int(id)])..<Int(runOffsets[Int(id) + 1]) {
                            let runStop = Int(runEnd[run])
                            defer { runStart = runStop }
                            guard candidates[Int(runIntent[run])] else { continue }
                            // No test per example: only the candidates' examples
                            // are summed, and they are read (and cleared) below as
                            // stretches, which costs less than listing them.
                            for index in runStart..<runStop {
                                dots[Int(postingExamples[index])] += mine * postingWeights[index]
                            }
                        }
                    }
                }
            }
            // The best per intent is a maximum, the same in any order. The
            // sums are all positive, so an example no feature reached (0)
            // never beats one that was.
            for intent in candidates.indices where candidates[intent] {
                let examples = exampleRanges[intent]
                guard !examples.isEmpty else { continue }
                let sums = UnsafeMutableBufferPointer(rebasing: dots[examples])
                found(intent, Double(Self.largest(sums)))
                sums.update(repeating: 0)
            }
        }
    }
}
