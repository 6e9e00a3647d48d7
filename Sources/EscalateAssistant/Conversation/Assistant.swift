import EscalateBuiltInIntents
import EscalateCatalog
import EscalateDomain
import EscalateUnderstanding

/// What every conversation works with: the data, the engine over it, the
/// intent matcher and the handlers. Built once and shared.
public struct Assistant: Sendable {
    public var catalog: Catalog
    public var engine: EscalationEngine
    public var registry: HandlerRegistry
    var matcherHandle: MatcherHandle
    /// The documents' facts, indexed by their question forms.
    let facts: FactIndex

    public init(catalog: Catalog, matcher: IntentMatcher, registry: HandlerRegistry = .standard) {
        self.catalog = catalog
        self.engine = catalog.engine
        self.registry = registry
        self.facts = FactIndex(catalog.facts, names: catalog.organisations.flatMap { [$0.name] + $0.aliases }, phrases: Self.portals(in: catalog))
        self.matcherHandle = MatcherHandle(matcher)
    }

    /// The built-in intents, read from the catalog, with the names its data
    /// adds (a new organisation, segment or role).
    public init(catalog: Catalog, registry: HandlerRegistry = .standard) {
        self.catalog = catalog
        self.engine = catalog.engine
        self.registry = registry
        self.facts = FactIndex(catalog.facts, names: catalog.organisations.flatMap { [$0.name] + $0.aliases }, phrases: Self.portals(in: catalog))
        // The matcher compiled at build time is ready at once; files with
        // names the data adds, or another set, are built in the background.
        let files = Self.matcherFiles(catalog.intentFiles, catalog: catalog)
        self.matcherHandle = BuiltInIntents.matcher(for: files).map(MatcherHandle.init) ?? MatcherHandle(building: files)
    }

    /// The intent files with the entity values the data names and they do
    /// not: a sixth organisation needs data files only.
    public static func matcherFiles(_ files: [String: String], catalog: Catalog) -> [String: String] {
        var files = files
        for (type, lines) in catalog.entityLines.sorted(by: { $0.key < $1.key }) {
            guard let path = files.keys.first(where: { $0.hasSuffix("/\(type).entity") || $0 == "\(type).entity" }) else { continue }
            let text = files[path]!
            let known = Set(text.split(separator: "\n").compactMap { line -> String? in
                let id = line.split(separator: "|").first?.trimmingCharacters(in: .whitespaces) ?? ""
                guard !id.isEmpty, !id.hasPrefix("#") else { return nil }
                return id.hasSuffix("!") ? String(id.dropLast()) : id
            })
            let missing = lines.filter { line in !known.contains(line.split(separator: "|")[0].trimmingCharacters(in: .whitespaces)) }
            if !missing.isEmpty { files[path] = text + (text.hasSuffix("\n") ? "" : "\n") + missing.joined(separator: "\n") + "\n" }
        }
        return files
    }

    /// The intent matcher (waits while it is still being built). The built-in
    /// intent files are checked by the tests, so building them cannot fail.
    public var matcher: IntentMatcher {
        get {
            do { return try matcherHandle.get() } catch { fatalError("the built-in intent files do not load: \(error)") }
        }
        set { matcherHandle = MatcherHandle(newValue) }
    }

    /// Portal names: what a line names, not what it asks.
    static func portals(in catalog: Catalog) -> [String] {
        catalog.organisations.flatMap { organisation in
            organisation.routes.flatMap(\.contacts).compactMap { route in
                if case .portal(let name, _) = route { return name } else { return nil }
            }
        }
    }

    /// The holidays of every calendar by name, each at its next date from
    /// `today` on ("Thanksgiving" in November means this year's), and the
    /// days named after them ("Christmas Eve"), for the time recogniser. A
    /// name with a year ("New Year's Eve 2027") means that year's.
    public func namedDays(from today: LocalDate) -> [String: LocalDate] {
        var days: [String: LocalDate] = [:]
        func add(_ name: String, _ date: LocalDate, year: Int) {
            days["\(name) \(year)"] = date
            if name.hasSuffix(" Day") { days["\(name.dropLast(4)) \(year)"] = date }
            guard date >= today else { return }
            if let known = days[name], known <= date { return }
            days[name] = date
        }
        for calendar in catalog.calendars.values {
            // By the year the holiday falls in, whichever year it is observed in.
            for holiday in (today.year - 1...today.year + 3).flatMap(calendar.holidays(in:)) {
                let year = holiday.actual.year
                add(holiday.name, holiday.actual, year: year)
                for named in catalog.namedDays where named.holiday == holiday.name {
                    let date = holiday.actual.adding(days: named.offset)
                    add(named.name, date, year: date.year)
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
