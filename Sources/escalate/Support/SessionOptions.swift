import ArgumentParser
import EscalateCatalog
import EscalateDomain
import Foundation

/// Options shared by the commands that read the data: the user's own data
/// files and the reader's zone.
struct DataOptions: ParsableArguments {
    @Option(name: .customLong("matrix"), help: ArgumentHelp("A YAML file of matrices or calendars to add (repeatable).", valueName: "file"))
    var matrixFiles: [String] = []

    @Option(name: .customLong("calendar"), help: ArgumentHelp("A YAML file of calendars to add (repeatable).", valueName: "file"))
    var calendarFiles: [String] = []

    @Flag(name: .customLong("no-config"), help: "Ignore the files in $XDG_CONFIG_HOME/escalate/.")
    var noConfig = false

    @Option(help: ArgumentHelp("The zone times are shown in (default: $TZ or the system's).", valueName: "zone"))
    var zone: String?

    /// The instant `--now` pins, read in `zone` unless it names its own;
    /// `nil` when the option is not given.
    func pinnedInstant(_ now: String?, zone: Zone) throws -> Instant? {
        guard let now else { return nil }
        do { return try ZonedTime(parsing: now, defaultZone: zone).instant } catch { throw CLIError("--now: \(error)") }
    }

    /// The reader's zone: `--zone`, else the zone `now` names (a pinned
    /// "2026-11-23T09:00 America/Chicago" reads as someone in Chicago), else
    /// `$TZ`, else the system's, else UTC.
    func readerZone(now: String? = nil) throws -> Zone {
        if zone == nil, let now, let named = Self.explicitZone(in: now) { return named }
        if let zone {
            guard let named = Zone(identifier: zone) else {
                throw CLIError("unknown time zone '\(zone)' (use an IANA name such as America/Chicago)")
            }
            return named
        }
        let environment = ProcessInfo.processInfo.environment
        if let tz = environment["TZ"], let named = Zone(identifier: tz.hasPrefix(":") ? String(tz.dropFirst()) : tz) {
            return named
        }
        return Zone(identifier: TimeZone.current.identifier) ?? .utc
    }

    /// The zone a time names itself, if it names one.
    static func explicitZone(in time: String) -> Zone? {
        // Read with two different defaults: only a zone in the text itself
        // gives the same answer both times.
        guard let first = try? ZonedTime(parsing: time, defaultZone: .utc),
              let tokyo = Zone(identifier: "Asia/Tokyo"),
              let second = try? ZonedTime(parsing: time, defaultZone: tokyo),
              first.zone == second.zone else { return nil }
        return first.zone
    }

    /// The built-in data plus the user's files, in this order: the config
    /// folder (sorted by name), then `--calendar` and `--matrix` files.
    func loadCatalog(zone: Zone) throws -> Catalog {
        var catalog = try Catalog.builtIn(localZone: zone)
        var files: [String] = []
        if !noConfig {
            let folder = Paths().configFolder
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            files += names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { folder + "/" + $0 }
        }
        files += calendarFiles + matrixFiles
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CLIError("\(file): cannot read the file")
            }
            try catalog.loadCalendarFile(String(decoding: data, as: UTF8.self), file: file)
        }
        return catalog
    }
}
