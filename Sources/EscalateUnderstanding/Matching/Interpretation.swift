/// How one utterance was understood: the typed contract between
/// understanding and the assistant. Everything a handler needs is here, so
/// that nothing downstream reads the raw line again.
public struct Interpretation: Sendable {
    /// The intent, or `nil` when the input is not understood.
    public var intent: IntentName?
    /// How strongly it matched, 0 to 1.
    public var score: Double
    public var slots: Slots
    /// The next-best intent and its score.
    public var runnerUp: (intent: IntentName, score: Double)?
    /// The best intents even when they were rejected, for "did you mean …?".
    public var nearest: [(intent: IntentName, score: Double)]
    /// Everything the recognisers found.
    public var entities: [EntitySpan]
    /// The words, after typo correction (for `:why`).
    public var correctedWords: [String]
    /// The share of its content words the intent files know.
    public var coverage: Double = 1
    /// How many content words the intent files do not know.
    public var unknownWords: Int = 0
    /// The best-scoring intent, out-of-scope examples included.
    public var topIntent: IntentName?
    /// The line was longer than `UtteranceLimits.maximumCharacters` and was
    /// not read at all: say `UtteranceLimits.tooLongMessage` instead.
    public var isTooLong = false
    /// How the line is put, and the phrases that matter beside its intent.
    public var cues = Cues()
    /// The line as typed, trimmed: the free text of an answer to "What's
    /// the update?" or "Which customer is it for?".
    public var typed = ""
    /// For a line not understood: the intent it came closest to, with the
    /// slots it would fill, for "Did you mean …? (yes/no)".
    public var suggestion: (intent: IntentName, slots: Slots)?
    /// Each token's place in the line as typed, for `surface(of:)`.
    var tokenRanges: [Range<Int>] = []
    var utf16: [UInt16] = []

    /// Features of the utterance that are distinctive for the chosen intent:
    /// words few intents use ("escalate", "pause", "acknowledged"), or a pair
    /// of neighbours such as "open {org}"; never a slot on its own.
    public var distinctiveWords: [String] = []

    /// How many familiar content words the utterance has outside tickets,
    /// times, levels and contact details ("called", "CCM").
    public var topicWords: Int = 0

    public init(intent: IntentName?, score: Double, slots: Slots, runnerUp: (intent: IntentName, score: Double)?,
                nearest: [(intent: IntentName, score: Double)], entities: [EntitySpan], correctedWords: [String]) {
        self.intent = intent
        self.score = score
        self.slots = slots
        self.runnerUp = runnerUp
        self.nearest = nearest
        self.entities = entities
        self.correctedWords = correctedWords
    }

    /// Whether the match is strong enough to act on: a weak match never
    /// triggers an action, and neither does one resting only on slots and a
    /// common word ("level 2", "#1", "the customer"). It takes a distinctive
    /// feature or at least two familiar content words.
    public var isConfident: Bool {
        intent != nil && score >= IntentMatcher.actionThreshold && (!distinctiveWords.isEmpty || topicWords >= 2)
    }

    /// The slots as canonical strings, sorted by name.
    public var slotDescriptions: [(String, String)] { slots.descriptions }

    /// Whether the line's words (after typo correction) include `word`.
    public func mentions(_ word: String) -> Bool { correctedWords.contains(word) }

    /// An entity's words as the user typed them ("CSM", "Bank of America").
    public func surface(of span: EntitySpan) -> String {
        guard span.start < tokenRanges.count, span.end - 1 < tokenRanges.count, span.start < span.end else { return "" }
        let range = tokenRanges[span.start].lowerBound..<tokenRanges[span.end - 1].upperBound
        return String(decoding: utf16[range], as: UTF16.self)
    }

    /// The first entity of a kind.
    public func entity(_ kind: SlotName) -> EntitySpan? { entities.first { $0.kind == kind } }

    /// The outside numbers (IMS, GCR, order …) the line names.
    public var externalReferences: [(kind: String, value: String)] {
        entities.compactMap { span in
            guard case .ticket(.external(let kind, let value)) = span.value else { return nil }
            return (kind, value)
        }
    }
}

extension EntitySpan {
    /// The slot or entity type, typed.
    public var kind: SlotName { SlotName(rawValue: type) }
}
