import EscalateDomain
import Foundation

/// The data `escalate` works from: calendars, holiday sets, organisations
/// with their escalation matrices, the role glossary, and the intent files.
/// The built-in set is compiled into the binary; a user's own files add to
/// it or override it by name.
public struct Catalog: Sendable {
    public private(set) var calendars: [String: BusinessCalendar] = [:]
    public private(set) var holidaySets: [String: HolidaySet] = [:]
    public private(set) var organisations: [Organisation] = []
    public private(set) var roles: [RoleDescription] = []
    /// What the source documents say beyond the ladders, with their sources.
    public private(set) var facts: [Fact] = []
    /// Days named after holidays ("Christmas Eve", "Black Friday").
    public private(set) var namedDays: [NamedDay] = []
    /// Intent-file texts by path (`intents/who_next.intent`).
    public private(set) var intentFiles: [String: String] = [:]
    /// What `zone: local` means.
    public let localZone: Zone

    static let topKeys: Set<String> = ["calendars", "holiday-sets", "organisations", "roles", "document", "facts", "named-days"]

    public init(localZone: Zone) {
        self.localZone = localZone
    }

    /// Calendars sorted by name.
    public var calendarNames: [String] { calendars.keys.sorted() }

    public func calendar(named name: String) -> BusinessCalendar? { calendars[name] }

    public func organisation(_ id: String) -> Organisation? { organisations.first { $0.id == id } }

    public func role(_ id: String) -> RoleDescription? { roles.first { $0.id == id } }

    /// Every process of every organisation.
    public var processes: [EscalationProcess] { organisations.flatMap(\.processes) }

    public func process(_ id: String) -> EscalationProcess? { processes.first { $0.id == id } }

    /// The escalation engine over this data.
    public var engine: EscalationEngine { EscalationEngine(calendars: calendars, organisations: organisations) }

    /// The built-in data, with `zone: local` meaning `localZone`.
    public static func builtIn(localZone: Zone) throws -> Catalog {
        var catalog = Catalog(localZone: localZone)
        let files = EmbeddedFiles.encoded.map { ($0.path, String(decoding: Data(base64Encoded: $0.base64) ?? Data(), as: UTF8.self)) }
        for folder in ["holidays/", "calendars/", "roles/", "matrices/", "facts/"] {
            for (path, text) in files where path.hasPrefix(folder) {
                try catalog.loadDataFile(text, file: path)
            }
        }
        for (path, text) in files where path.hasPrefix("intents/") {
            catalog.intentFiles[path] = text
        }
        return catalog
    }

    /// Adds the calendars, holiday sets, organisations and roles in a YAML
    /// text. Something with the name of an existing one replaces it; an
    /// organisation's processes and contact lists replace those of the same id.
    public mutating func loadDataFile(_ text: String, file: String) throws {
        guard let root = try YAMLValue.parse(text, file: file) else {
            throw DataFileError(file: file, line: 1, message: "the file is empty")
        }
        let top = try root.mapping("a data file", allowed: Catalog.topKeys)
        let decoded = try CalendarFile.decode(top, knownSets: holidaySets, localZone: localZone)
        for set in decoded.holidaySets { holidaySets[set.name] = set }
        for (calendar, _) in decoded.calendars { calendars[calendar.name] = calendar }
        let matrices = try MatrixFile.decode(top, calendars: Set(calendars.keys))
        for role in matrices.roles {
            roles.removeAll { $0.id == role.id }
            roles.append(role)
        }
        for organisation in matrices.organisations { merge(organisation) }
        let (facts, named) = try FactFile.decode(top, calendars: Set(calendars.keys))
        for fact in facts {
            self.facts.removeAll { $0.id == fact.id }
            self.facts.append(fact)
        }
        for day in named {
            namedDays.removeAll { $0.name == day.name }
            namedDays.append(day)
        }
    }

    /// Kept for callers that only load calendars; a data file may hold both.
    public mutating func loadCalendarFile(_ text: String, file: String) throws {
        try loadDataFile(text, file: file)
    }

    private mutating func merge(_ organisation: Organisation) {
        guard let index = organisations.firstIndex(where: { $0.id == organisation.id }) else {
            organisations.append(organisation)
            return
        }
        var merged = organisations[index]
        merged.name = organisation.name
        if !organisation.summary.isEmpty { merged.summary = organisation.summary }
        for process in organisation.processes {
            merged.processes.removeAll { $0.id == process.id }
            merged.processes.append(process)
        }
        if !organisation.routes.isEmpty { merged.routes = organisation.routes }
        for list in organisation.contactLists {
            merged.contactLists.removeAll { $0.id == list.id }
            merged.contactLists.append(list)
        }
        if !organisation.notes.isEmpty { merged.notes = organisation.notes }
        organisations[index] = merged
    }

    /// Replaces the intent files with those of a working copy.
    public mutating func replaceIntentFiles(_ files: [String: String]) {
        intentFiles = files
    }
}
