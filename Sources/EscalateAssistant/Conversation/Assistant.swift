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

    public init(catalog: Catalog, matcher: IntentMatcher, registry: HandlerRegistry = .standard) {
        self.catalog = catalog
        self.engine = catalog.engine
        self.registry = registry
        self.matcherHandle = MatcherHandle(matcher)
    }

    /// The built-in intents, read from the catalog, with the names its data
    /// adds (a new organisation, segment or role).
    public init(catalog: Catalog, registry: HandlerRegistry = .standard) {
        self.catalog = catalog
        self.engine = catalog.engine
        self.registry = registry
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
