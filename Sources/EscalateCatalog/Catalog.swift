import EscalateDomain
import Foundation

/// The data `escalate` works from: calendars, holiday sets, escalation
/// matrices and the intent files. The built-in set is compiled into the
/// binary; a user's own files add to it or override it by name.
public struct Catalog: Sendable {
    public private(set) var calendars: [String: BusinessCalendar] = [:]
    public private(set) var holidaySets: [String: HolidaySet] = [:]
    /// Intent-file texts by path (`intents/who_next.intent`).
    public private(set) var intentFiles: [String: String] = [:]
    /// What `zone: local` means.
    public let localZone: Zone

    public init(localZone: Zone) {
        self.localZone = localZone
    }

    /// Calendars sorted by name.
    public var calendarNames: [String] { calendars.keys.sorted() }

    public func calendar(named name: String) -> BusinessCalendar? { calendars[name] }

    /// The built-in data, with `zone: local` meaning `localZone`.
    public static func builtIn(localZone: Zone) throws -> Catalog {
        var catalog = Catalog(localZone: localZone)
        let files = EmbeddedFiles.encoded.map { ($0.path, String(decoding: Data(base64Encoded: $0.base64) ?? Data(), as: UTF8.self)) }
        for (path, text) in files where path.hasPrefix("holidays/") {
            try catalog.loadCalendarFile(text, file: path)
        }
        for (path, text) in files where path.hasPrefix("calendars/") {
            try catalog.loadCalendarFile(text, file: path)
        }
        for (path, text) in files where path.hasPrefix("intents/") {
            catalog.intentFiles[path] = text
        }
        return catalog
    }

    /// Adds the calendars and holiday sets in a YAML text; a calendar of the
    /// same name as an existing one replaces it.
    public mutating func loadCalendarFile(_ text: String, file: String) throws {
        guard let root = try YAMLValue.parse(text, file: file) else {
            throw DataFileError(file: file, line: 1, message: "the file is empty")
        }
        let decoded = try CalendarFile.decode(root, knownSets: holidaySets, localZone: localZone)
        for set in decoded.holidaySets { holidaySets[set.name] = set }
        for (calendar, _) in decoded.calendars { calendars[calendar.name] = calendar }
    }

    /// Replaces the intent files with those of a working copy.
    public mutating func replaceIntentFiles(_ files: [String: String]) {
        intentFiles = files
    }
}
