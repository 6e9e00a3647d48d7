/// How one utterance was understood.
public struct Interpretation: Sendable {
    /// The intent's name, or `nil` when the input is not understood.
    public var intent: String?
    /// How strongly it matched, 0 to 1.
    public var score: Double
    public var slots: [String: SlotValue]
    /// The next-best intent and its score.
    public var runnerUp: (intent: String, score: Double)?
    /// The best intent even when it was rejected, for "did you mean …?".
    public var nearest: [(intent: String, score: Double)]
    /// Everything the recognisers found.
    public var entities: [EntitySpan]
    /// The words, after typo correction (for `:why`).
    public var correctedWords: [String]
    /// The share of its content words the intent files know.
    public var coverage: Double = 1
    /// How many content words the intent files do not know.
    public var unknownWords: Int = 0
    /// The best-scoring intent, out-of-scope examples included.
    public var topIntent: String?
    /// The line was longer than `UtteranceLimits.maximumCharacters` and was
    /// not read at all: say `UtteranceLimits.tooLongMessage` instead.
    public var isTooLong = false

    /// Features of the utterance that are distinctive for the chosen intent:
    /// words few intents use ("escalate", "pause", "acknowledged"), or a pair
    /// of neighbours such as "open {org}"; never a slot on its own.
    public var distinctiveWords: [String] = []

    /// How many familiar content words the utterance has outside tickets,
    /// times, levels and contact details ("called", "CCM").
    public var topicWords: Int = 0

    /// Whether the match is strong enough to act on: a weak match never
    /// triggers an action, and neither does one resting only on slots and a
    /// common word ("level 2", "#1", "the customer"). It takes a distinctive
    /// feature or at least two familiar content words.
    public var isConfident: Bool {
        intent != nil && score >= IntentMatcher.actionThreshold && (!distinctiveWords.isEmpty || topicWords >= 2)
    }

    /// The slots as canonical strings, sorted by name.
    public var slotDescriptions: [(String, String)] {
        slots.map { ($0.key, $0.value.description) }.sorted { $0.0 < $1.0 }
    }
}
