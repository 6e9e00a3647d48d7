import EscalateBuiltInIntents
import EscalateCatalog
import EscalateDomain
import EscalateUnderstanding

/// What the conversation works with: the data, the engine over it, the
/// intent matcher, and the store. Built once and shared.
public struct Assistant: Sendable {
    public var catalog: Catalog
    public var engine: EscalationEngine
    var matcherHandle: MatcherHandle

    public init(catalog: Catalog, matcher: IntentMatcher) {
        self.catalog = catalog
        self.engine = catalog.engine
        self.matcherHandle = MatcherHandle(matcher)
    }

    /// The built-in intents, read from the catalog: the matcher compiled at
    /// build time, ready at once; other files' matcher is built in the
    /// background and ready by the time the first line is typed.
    public init(catalog: Catalog) {
        self.catalog = catalog
        self.engine = catalog.engine
        self.matcherHandle = BuiltInIntents.matcher(for: catalog.intentFiles).map(MatcherHandle.init) ?? MatcherHandle(building: catalog.intentFiles)
    }

    /// The intent matcher (waits while it is still being built). The built-in
    /// intent files are checked by the tests, so building them cannot fail.
    public var matcher: IntentMatcher {
        get {
            do { return try matcherHandle.get() } catch { fatalError("the built-in intent files do not load: \(error)") }
        }
        set { matcherHandle = MatcherHandle(newValue) }
    }

    /// The holidays of every calendar by name, each at its next date from
    /// `today` on ("Thanksgiving" in November means this year's), for the
    /// time recogniser.
    public func namedDays(from today: LocalDate) -> [String: LocalDate] {
        var days: [String: LocalDate] = [:]
        for calendar in catalog.calendars.values {
            for year in [today.year, today.year + 1] {
                for holiday in calendar.holidays(in: year) where holiday.actual >= today {
                    if let known = days[holiday.name], known <= holiday.actual { continue }
                    days[holiday.name] = holiday.actual
                }
            }
        }
        return days
    }

    /// Everyone named in the matrices, for the name recogniser.
    public var peopleInMatrices: [String] {
        var names: Set<String> = []
        for organisation in catalog.organisations {
            for list in organisation.contactLists { names.formUnion(list.people.map(\.name)) }
            for process in organisation.processes { names.formUnion(process.ladder.compactMap { $0.person?.name }) }
        }
        return names.sorted()
    }
}
