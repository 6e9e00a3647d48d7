import EscalateDomain

/// A reference to a ticket, as typed.
public enum TicketRef: Hashable, Sendable, CustomStringConvertible {
    /// `#12`, `ticket 12`, `case 12`.
    case number(Int)
    /// An outside number: `ims:482913`, `order:N123456`, `gcr:12345678`, `repair:98765`, `issue:AB12`.
    case external(kind: String, value: String)
    /// `the Acme order`.
    case customer(String)
    /// `it`, `that one`, `this ticket`: the ticket in focus.
    case context

    public var description: String {
        switch self {
        case .number(let n): return "#\(n)"
        case .external(let kind, let value): return "\(kind):\(value)"
        case .customer(let name): return "customer:\(name.lowercased())"
        case .context: return "it"
        }
    }
}

/// A time the user mentioned, resolved against the clock in their zone.
public enum ResolvedTime: Hashable, Sendable, CustomStringConvertible {
    case instant(Instant, Zone)
    /// A day with no time of day ("on Nov 20").
    case date(LocalDate, Zone)

    /// `2026-11-24T09:00`, or `2026-11-20` for a day.
    public var description: String {
        switch self {
        case .instant(let instant, let zone):
            let local = zone.local(instant)
            return "\(local.date.isoString)T\(local.time)"
        case .date(let date, _):
            return date.isoString
        }
    }

    /// The instant meant: a bare day means the start of it.
    public var instant: Instant {
        switch self {
        case .instant(let instant, _): return instant
        case .date(let date, let zone): return zone.instant(for: LocalDateTime(date: date, time: TimeOfDay(seconds: 0)))
        }
    }
}

/// A level of a ladder, as typed.
public enum LevelRef: Hashable, Sendable, CustomStringConvertible {
    case number(Int)
    case next
    case top

    public var description: String {
        switch self {
        case .number(let n): return String(n)
        case .next: return "next"
        case .top: return "top"
        }
    }
}

/// The value of one slot.
public enum SlotValue: Hashable, Sendable, CustomStringConvertible {
    case ticket(TicketRef)
    case time(ResolvedTime)
    case duration(BusinessSpan)
    case level(LevelRef)
    /// An enumerated value's canonical id (`ccm`, `billing`, `email`).
    case entity(String)
    /// Free text and names, as typed.
    case text(String)

    /// The canonical form: `#12`, `2026-11-24T09:00`, `4h`, `3 business days`, `2`, `ccm`.
    public var description: String {
        switch self {
        case .ticket(let ref): return ref.description
        case .time(let time): return time.description
        case .duration(let span): return span.storedText
        case .level(let level): return level.description
        case .entity(let id): return id
        case .text(let text): return text
        }
    }
}

/// A recognised stretch of an utterance.
public struct EntitySpan: Hashable, Sendable {
    /// The slot type: `ticket`, `time`, `duration`, `level`, `person`, `phone`,
    /// `email`, or an entity file's name (`role`, `category` …).
    public var type: String
    public var value: SlotValue
    /// Token indices, `[start, end)`.
    public var start: Int
    public var end: Int

    public var length: Int { end - start }
}

/// What recognisers may know: the clock, the reader's zone, and the names
/// the assistant hands over (people in the matrices and contacts, customers
/// of tickets).
public struct RecognitionContext: Sendable {
    public var now: Instant { didSet { today = zone.local(now).date } }
    public var zone: Zone { didSet { today = zone.local(now).date } }
    /// The reader's date now, worked out once rather than at every word
    /// that might start a date.
    private(set) var today: LocalDate
    public var people: [String] { didSet { prepareNames() } }
    public var customers: [String] { didSet { prepareNames() } }
    /// The names as lowercase words, worked out once rather than per utterance.
    private(set) var peopleWords: [[String]] = []
    /// The people's names by their first word.
    private(set) var peopleByFirstWord: [String: [[String]]] = [:]
    private(set) var customerWords: [[String]] = []
    /// Each customer's name as it was given, by its words: "at t" is "AT&T".
    private(set) var customerNames: [[String]: String] = [:]
    private(set) var nameWords: Set<String> = []
    /// Days known by name ("Thanksgiving Day", "Christmas Day") and the
    /// date each name means: the holidays of the calendars, handed over by
    /// the assistant.
    public var namedDays: [String: LocalDate] { didSet { prepareNamedDays() } }
    /// The named days as lowercase words, by their first word.
    private(set) var namedDaysByFirstWord: [String: [(words: [String], date: LocalDate)]] = [:]
    /// The kinds of outside number the organisations define, whose words
    /// introduce a reference ("IMS 482913").
    public var referenceKinds: [ReferenceKind] = [] { didSet { prepareKinds() } }
    /// What the first words of the names above can start (see `WordKinds`).
    private(set) var kindsByWord = WordTable<WordKinds>()

    public init(now: Instant, zone: Zone, people: [String] = [], customers: [String] = [], namedDays: [String: LocalDate] = [:],
                referenceKinds: [ReferenceKind] = []) {
        self.now = now
        self.zone = zone
        self.today = zone.local(now).date
        self.people = people
        self.customers = customers
        self.namedDays = namedDays
        self.referenceKinds = referenceKinds
        prepareNames()
        prepareNamedDays()
    }

    private mutating func prepareNamedDays() {
        var index: [String: [(words: [String], date: LocalDate)]] = [:]
        for (name, date) in namedDays.sorted(by: { $0.key < $1.key }) {
            let words = Tokenizer.tokens(name).map(\.text)
            guard let first = words.first else { continue }
            index[first, default: []].append((words, date))
        }
        namedDaysByFirstWord = index
        prepareKinds()
    }

    private mutating func prepareKinds() {
        var kinds = WordKinds.named(customers: customerWords, people: peopleWords, days: Array(namedDaysByFirstWord.keys))
        for kind in referenceKinds {
            for word in kind.words { kinds[word, default: []].insert(.ticket) }
        }
        kindsByWord = WordTable(kinds)
    }

    private mutating func prepareNames() {
        peopleWords = people.map { Tokenizer.tokens($0).map(\.text) }.filter { !$0.isEmpty }
        peopleByFirstWord = Dictionary(grouping: peopleWords, by: { $0[0] })
        customerWords = customers.map { Tokenizer.tokens($0).map(\.text) }.filter { !$0.isEmpty }
        customerNames = [:]
        for name in customers {
            let words = Tokenizer.tokens(name).map(\.text)
            if !words.isEmpty, customerNames[words] == nil { customerNames[words] = name }
        }
        nameWords = Set(peopleWords.joined()).union(customerWords.joined())
        prepareKinds()
    }
}
