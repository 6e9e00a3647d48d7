import Foundation

/// Matches what people type to the intents of the `intents/` files.
///
/// An utterance is tokenised, its typos corrected against the words the
/// files use, and its entities recognised. Structural entities (tickets,
/// times, durations, levels, people, phones, e-mails) stand in as `{type}`;
/// enumerated ones (roles, categories …) count as their words and their type.
/// The features are compared, IDF-weighted, with every phrasing and with
/// each intent's centre; the blend is the score. Input that matches nothing
/// well, or matches the out-of-scope examples, is not understood.
public final class IntentMatcher: Sendable {
    /// Below this, an intent is not acted on ("did you mean …?").
    public static let actionThreshold = 0.42
    /// Below this, the input is not understood at all.
    public static let rejectThreshold = 0.28
    /// The pseudo-intent whose phrasings are examples of what is out of scope.
    public static let outOfScope = "out_of_scope"

    struct Example: Sendable {
        var intent: Int
        var phrasing: Phrasing
        var norm: Double
    }

    let intentNames: [String]
    /// Each feature's inverse intent frequency, by feature id.
    let idf: [Double]
    /// Postings in compressed rows: feature `f`'s examples and weights are
    /// `postingExamples[postingOffsets[f]..<postingOffsets[f + 1]]`.
    let postingOffsets: [Int32]
    let postingExamples: [Int32]
    /// In single precision: half the memory to stream through per utterance.
    /// Each is the feature's IDF over the example's norm.
    let postingWeights: [Float]
    let exampleIntent: [Int32]
    /// Each intent's examples, `exampleRanges[i]`: examples are numbered
    /// intent by intent, so each intent's are one stretch of ids.
    let exampleRanges: [Range<Int>]
    let exampleNorms: [Double]
    /// Each feature's postings fall into runs of one intent (examples are
    /// numbered intent by intent): feature `f`'s runs are
    /// `runIntent/runEnd[runOffsets[f]..<runOffsets[f + 1]]`, each run ending
    /// at `runEnd` and starting where the one before ended.
    let runOffsets: [Int32]
    /// The facts of the words the files use, worked out once.
    let lexicon: Lexicon
    /// Feature names by id, for reporting the distinctive words found.
    let featureNames: [String]
    /// Each intent's distinctive features that are features, as sorted ids.
    let distinctiveIDs: [[Int32]]
    /// Each intent's own words, worked out once.
    let ownWordsByIntent: [String: Set<String>]
    /// Whether each intent is small talk (`smallTalk`), by intent index.
    let isSmallTalk: [Bool]
    let runIntent: [Int32]
    let runEnd: [Int32]
    /// Each feature's weight in the intents' centres, and the centres' norms.
    let centreWeights: [[(intent: Int32, weight: Double)]]
    let centreNorms: [Double]
    let extractor: FeatureExtractor
    let recogniser: EntityRecogniser
    let corrector: TypoCorrector
    let known: Set<String>
    /// The words of the in-scope intents, entities and concepts: what counts
    /// as understood when judging how much of an utterance is familiar.
    let inScope: Set<String>
    public let slotsByIntent: [String: Set<String>]
    /// The slots filled for each intent: its own, and the organisation, the
    /// topic and the customer's segment, which count wherever they are said
    /// ("when can I go above my CCM with CenturyLink?", "when can I escalate
    /// a support request?").
    let wantedSlots: [String: Set<String>]
    /// For each intent, the words of its phrasings that few intents share.
    let distinctive: [String: SortedWords]
    /// For each intent, its phrasings with a free-text slot, as the stems
    /// and slots that line an utterance up with them (worked out once).
    let alignments: [String: [SlotAlignment]]
    /// The phrasings as written, by intent, for help and "did you mean";
    /// a matcher read from compiled tables reads them on first use.
    public var phrasings: [String: [Phrasing]] { phrasingStore.phrasings }
    let phrasingStore: PhrasingStore
    /// Each intent's `# e.g.` examples, for help.
    public let helpExamples: [String: [String]]
    /// Below this inverse intent frequency a feature is left out of the
    /// example sums, though it still counts in the intent centres and the
    /// norm: a feature more than 60% of the intents share barely moves the
    /// best example, and its list is the longest. Small sets of intents keep
    /// every feature.
    let commonFeatureIDF: Double
    /// Reused working memory for scoring, so that an utterance does not
    /// allocate and clear a slot for every example.
    let scratch = ScoreScratch()

    /// Builds the matcher from the texts of `.intent`, `.entity` and `.voc`
    /// files, keyed by path. Problems are reported as `file:line`.
    public init(files: [String: String]) throws {
        var intents: [String: [Phrasing]] = [:]
        var entities: [String: [EntityValue]] = [:]
        var helpExamples: [String: [String]] = [:]
        var concepts: [String: [String]] = [:]
        var intentSources: [String: String] = [:]
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            let name = Self.fileName(path)
            if path.hasSuffix(".intent") {
                intentSources[path] = text
                intents[name] = try IntentFile.parse(text, file: path)
                let examples = IntentFile.examples(in: text)
                if !examples.isEmpty { helpExamples[name] = examples }
            } else if path.hasSuffix(".entity") {
                entities[name] = try EntityFile.parse(text, file: path)
            } else if path.hasSuffix(".voc") {
                concepts[name] = try VocabularyFile.parse(text, file: path)
            }
        }
        let extractor = FeatureExtractor(concepts: concepts)
        let recogniser = EntityRecogniser(enumerated: EnumeratedRecogniser(entities: entities))
        let names = intents.keys.sorted()
        var exampleFeatures: [(Int, Phrasing, [String])] = []
        var inScope = recogniser.enumerated.vocabulary
        var mentionedTypes: [String: Set<String>] = [:]
        var vocabulary = recogniser.enumerated.vocabulary
        for (index, name) in names.enumerated() {
            for phrasing in intents[name]! {
                var words: [String] = []
                var rawWords: [String] = []
                var extras: [String] = []
                var literal: [String] = []
                func flushLiteral() {
                    guard !literal.isEmpty else { return }
                    let spans = recogniser.enumerated.recognise(literal)
                    let chosen = EntityRecogniser.nonOverlapping(spans)
                    var i = 0
                    let ownWords = Set(name.split(separator: "_").map { Stemmer.stem(String($0)) })
                    for span in chosen {
                        // The intent's own verb ("escalate", "close") is not a slot it takes.
                        if !Set(literal[span.start..<span.end]).isSubset(of: ownWords) {
                            mentionedTypes[name, default: []].insert(span.type)
                        }
                        words += literal[i..<span.start]
                        words.append("{\(span.type)}")
                        extras += literal[span.start..<span.end]
                        i = span.end
                    }
                    words += literal[i...]
                    literal = []
                }
                for part in phrasing.parts {
                    switch part {
                    case .text(let text):
                        let tokens = Tokenizer.tokens(text)
                        rawWords += tokens.map(\.text)
                        literal += tokens.map { Stemmer.stem($0.text) }
                    case .slot(let slot):
                        flushLiteral()
                        words.append("{\(Self.featureName(ofSlot: slot))}")
                    }
                }
                flushLiteral()
                vocabulary.formUnion(rawWords)
                vocabulary.formUnion(rawWords.map(Stemmer.stem))
                if name != Self.outOfScope {
                    inScope.formUnion(rawWords)
                    inScope.formUnion(rawWords.map(Stemmer.stem))
                }
                exampleFeatures.append((index, phrasing, extractor.features(words, extras: extras)))
            }
        }
        // The words the recognisers read are known too, so that "mins" is
        // never "corrected" into "mind".
        vocabulary.formUnion(Self.recognisedWords)
        inScope.formUnion(Self.recognisedWords)
        for phrases in concepts.values {
            for phrase in phrases {
                let words = Tokenizer.tokens(phrase).map(\.text)
                vocabulary.formUnion(words)
                inScope.formUnion(words)
            }
        }
        // IDF over intents: a feature every intent uses says nothing.
        var intentsUsing: [String: Set<Int>] = [:]
        for (intent, _, features) in exampleFeatures {
            for feature in features { intentsUsing[feature, default: []].insert(intent) }
        }
        let count = Double(max(names.count, 1))
        var idf: [String: Double] = [:]
        for (feature, users) in intentsUsing { idf[feature] = log(1 + count / Double(users.count)) }
        var examples: [Example] = []
        var postings: [String: [(example: Int, weight: Double)]] = [:]
        var centres = Array(repeating: [String: Double](), count: names.count)
        var perIntent = Array(repeating: 0, count: names.count)
        var seen: Set<[String]> = []
        for (intent, phrasing, features) in exampleFeatures {
            let unique = Set(features).sorted()
            // Sampled sentences that differ only in little words are one example.
            guard seen.insert([names[intent]] + unique).inserted else { continue }
            let norm = sqrt(unique.reduce(0) { $0 + pow(idf[$1] ?? 0, 2) })
            guard norm > 0 else { continue }
            let id = examples.count
            examples.append(Example(intent: intent, phrasing: phrasing, norm: norm))
            for feature in unique {
                let weight = (idf[feature] ?? 0) / norm
                postings[feature, default: []].append((id, weight))
                centres[intent][feature, default: 0] += weight
            }
            perIntent[intent] += 1
        }
        for intent in centres.indices where perIntent[intent] > 0 {
            for feature in centres[intent].keys.sorted() { centres[intent][feature]! /= Double(perIntent[intent]) }
        }
        let features = idf.keys.sorted()
        var featureIDs: [String: Int32] = [:]
        var offsets: [Int32] = [0]
        var postingExamples: [Int32] = []
        var postingWeights: [Float] = []
        var centreWeights: [[(intent: Int32, weight: Double)]] = []
        var runOffsets: [Int32] = [0]
        var runIntent: [Int32] = []
        var runEnd: [Int32] = []
        for (index, feature) in features.enumerated() {
            featureIDs[feature] = Int32(index)
            for (example, weight) in postings[feature] ?? [] {
                let intent = Int32(examples[example].intent)
                if runIntent.count == Int(runOffsets.last!) || runIntent.last != intent {
                    runIntent.append(intent)
                    runEnd.append(Int32(postingExamples.count))
                }
                postingExamples.append(Int32(example))
                postingWeights.append(Float(weight))
                runEnd[runEnd.count - 1] = Int32(postingExamples.count)
            }
            offsets.append(Int32(postingExamples.count))
            runOffsets.append(Int32(runIntent.count))
            centreWeights.append(centres.indices.compactMap { intent in centres[intent][feature].map { (Int32(intent), $0) } })
        }
        self.intentNames = names
        self.commonFeatureIDF = Self.commonFeatureIDF(intentCount: names.count)
        self.idf = features.map { idf[$0]! }
        self.postingOffsets = offsets
        self.postingExamples = postingExamples
        self.postingWeights = postingWeights
        self.exampleIntent = examples.map { Int32($0.intent) }
        self.exampleRanges = Self.exampleRanges(self.exampleIntent, intents: names.count)
        self.runOffsets = runOffsets
        self.ownWordsByIntent = Self.ownWordsByIntent(names)
        self.isSmallTalk = names.map { Self.smallTalk.contains($0) }
        self.lexicon = Lexicon(
            known: vocabulary, inScope: inScope, index: FeatureIndex(extractor: extractor, featureIDs: featureIDs), entities: recogniser.enumerated)
        self.featureNames = features
        self.runIntent = runIntent
        self.runEnd = runEnd
        self.centreWeights = centreWeights
        self.centreNorms = centres.map { centre in sqrt(centre.keys.sorted().reduce(0) { $0 + centre[$1]! * centre[$1]! }) }
        self.extractor = extractor
        self.recogniser = recogniser
        self.corrector = TypoCorrector(vocabulary: vocabulary)
        self.known = vocabulary
        self.inScope = inScope
        // An intent's slots are those its phrasings name, and the enumerated
        // types its words mention ("I called my CCM" mentions a channel).
        self.slotsByIntent = Dictionary(uniqueKeysWithValues: intents.map { name, phrasings in
            (name, Set(phrasings.flatMap(\.slots)).union(mentionedTypes[name] ?? []))
        })
        self.wantedSlots = slotsByIntent.mapValues { $0.union(Self.slotsAlwaysWanted) }
        self.phrasingStore = PhrasingStore(intents, sources: intentSources)
        self.exampleNorms = examples.map(\.norm)
        self.helpExamples = helpExamples
        var distinctive: [String: Set<String>] = [:]
        for (intent, _, features) in exampleFeatures {
            // A word, or a pair with at least one real word in it
            // ("open {org}"); never a bare placeholder or a first word.
            for feature in features where feature.split(separator: " ").contains(where: { !$0.hasPrefix("{") && !$0.hasPrefix("^") }) {
                // Used by at most a fifth of the intents.
                if let users = intentsUsing[feature], users.count * 5 <= names.count {
                    distinctive[names[intent], default: []].insert(feature)
                }
            }
        }
        // An intent's own name is distinctive for it, however many others
        // use the word: "close #1" is a closing.
        for name in names where name != Self.outOfScope {
            distinctive[name, default: []].formUnion(name.split(separator: "_").map { Stemmer.stem(String($0)) })
        }
        self.distinctive = distinctive.mapValues(SortedWords.init)
        self.distinctiveIDs = names.map { name in (distinctive[name] ?? []).compactMap { featureIDs[$0] }.sorted() }
        var alignments: [String: [SlotAlignment]] = [:]
        for (name, phrasings) in intents {
            var seenItems: Set<[AlignmentItem]> = []
            let itemLists = phrasings.filter { phrasing in phrasing.slots.contains { Self.freeSlots.contains($0) } }
                .map(AlignmentItem.items)
                .filter { seenItems.insert($0).inserted }
            // Worked out once per phrasing and free slot: where the slot is and
            // the word just before it, which the utterance must contain.
            for items in itemLists {
                for slot in Self.freeSlots {
                    guard let index = items.firstIndex(of: .free(slot)) else { continue }
                    var anchor: String?
                    if index > 0, case .word(let word) = items[index - 1] { anchor = word }
                    let afterTicket = index > 0 && items[index - 1] == .typed("ticket")
                    alignments["\(name)/\(slot)", default: []].append(SlotAlignment(items: items, anchor: anchor, afterTicket: afterTicket))
                }
            }
        }
        self.alignments = alignments
    }

    /// Reads a matcher from the bytes `compiledTables()` gave: the same
    /// matcher, to the last bit of every score, without the work of building
    /// it. Tables that are damaged, or of another format, are refused.
    public init(compiledTables bytes: [UInt8]) throws {
        var reader = try TableReader(bytes)
        intentNames = try reader.strings()
        exampleIntent = try reader.ints()
        featureNames = try reader.strings()
        idf = try reader.doubles()
        postingOffsets = try reader.ints()
        postingExamples = try Self.readPostings(&reader, offsets: postingOffsets)
        exampleNorms = try reader.doubles()
        postingWeights = try Self.postingWeights(idf: idf, offsets: postingOffsets, examples: postingExamples, norms: exampleNorms)
        runOffsets = try reader.ints()
        runIntent = try reader.ints()
        runEnd = try reader.ints()
        distinctiveIDs = try reader.array { try $0.ints() }
        let intentCount = intentNames.count
        centreWeights = try reader.array { reader in
            try reader.array { (intent: Int32(try $0.index(below: intentCount)), weight: try $0.double()) }
        }
        centreNorms = try reader.doubles()
        extractor = try FeatureExtractor(reading: &reader)
        recogniser = EntityRecogniser(enumerated: try EnumeratedRecogniser(reading: &reader))
        known = try reader.stringSet()
        inScope = try reader.stringSet()
        let index = try FeatureIndex(reading: &reader, featureCount: featureNames.count)
        lexicon = try Lexicon(reading: &reader, known: known, inScope: inScope, index: index, entities: recogniser.enumerated)
        slotsByIntent = try reader.dictionary { try $0.stringSet() }
        distinctive = try reader.dictionary { SortedWords(sorted: try $0.strings()) }
        alignments = try reader.dictionary { reader in try reader.array { try SlotAlignment(reading: &$0) } }
        helpExamples = try reader.dictionary { try $0.strings() }
        phrasingStore = PhrasingStore(sources: try reader.dictionary { try $0.string() })
        try reader.expectEnd()
        // Worked out from what was read, as `init(files:)` works them out.
        commonFeatureIDF = Self.commonFeatureIDF(intentCount: intentNames.count)
        ownWordsByIntent = Self.ownWordsByIntent(intentNames)
        isSmallTalk = intentNames.map { Self.smallTalk.contains($0) }
        wantedSlots = slotsByIntent.mapValues { $0.union(Self.slotsAlwaysWanted) }
        corrector = TypoCorrector(vocabulary: known)
        exampleRanges = Self.exampleRanges(exampleIntent, intents: intentNames.count)
        try checkShapes()
    }

    /// The stretch of example ids of each intent (empty for an intent with
    /// none). `checkShapes` refuses tables whose examples are not numbered
    /// intent by intent.
    static func exampleRanges(_ exampleIntent: [Int32], intents: Int) -> [Range<Int>] {
        var lower = Array(repeating: Int.max, count: intents)
        var upper = Array(repeating: 0, count: intents)
        for (example, intent) in exampleIntent.enumerated() where intent >= 0 && Int(intent) < intents {
            lower[Int(intent)] = min(lower[Int(intent)], example)
            upper[Int(intent)] = example + 1
        }
        return (0..<intents).map { lower[$0] == Int.max ? 0..<0 : lower[$0]..<upper[$0] }
    }

    /// Feature ids by name.
    var featureIDs: [String: Int32] {
        Dictionary(uniqueKeysWithValues: featureNames.enumerated().map { ($1, Int32($0)) })
    }

    /// An intent's, entity type's or concept's name: its file's name.
    static func fileName(_ path: String) -> String {
        let last = path.split(separator: "/").last ?? Substring(path)
        return String(last.split(separator: ".").first ?? last)
    }

    static func commonFeatureIDF(intentCount: Int) -> Double { intentCount >= 10 ? log(1 + 1 / 0.6) : 0 }

    static func ownWordsByIntent(_ names: [String]) -> [String: Set<String>] {
        Dictionary(uniqueKeysWithValues: names.map { ($0, Self.ownWords(of: $0)) })
    }

    static let recognisedWords: Set<String> = Set(TimeRecogniser.units.keys)
        .union(Numbers.words.keys).union(Numbers.ordinals.keys)
        .union(["am", "pm", "noon", "midday", "midnight", "eod", "cob", "ago", "today", "tomorrow", "yesterday", "tonight",
                "morning", "afternoon", "evening", "night", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                "sunday", "weekend", "weekends", "january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december", "hourly", "daily", "every", "business", "working", "level",
                "tier", "top", "next", "order", "ticket", "case", "repair", "issue", "number", "half"])

    /// Slots filled whatever the intent.
    static let slotsAlwaysWanted: Set<String> = ["segment", "org", "category"]

    /// Names of people and customers look alike in an utterance (a
    /// capitalised name), so their slots share one feature.
    static func featureName(ofSlot slot: String) -> String {
        slot == "name" || slot == "customer" ? "person" : slot
    }

    /// The words the intent files use, for Tab completion.
    public var vocabularyWords: [String] {
        known.filter { $0.count >= 4 && $0.allSatisfy(\.isLetter) }.sorted()
    }

    /// The intents the files define, out-of-scope examples excepted.
    public var intents: [String] { intentNames.filter { $0 != Self.outOfScope } }
}
