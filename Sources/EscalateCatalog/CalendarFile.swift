import Foundation
import EscalateDomain

/// Reads calendars and holiday sets from YAML.
///
/// ```yaml
/// holiday-sets:
///   - name: us-federal
///     holidays:
///       - { name: Thanksgiving Day, on: fourth Thursday of November }
/// calendars:
///   - name: lumen-management
///     title: Lumen and CenturyLink management engagement
///     zone: America/Chicago          # or `local`: the user's own zone
///     hours:
///       mon-fri: 08:00-17:00         # or a list: [08:00-12:00, 13:00-17:00]
///     holidays:
///       - us-federal                 # a holiday set, by name
///       - { name: Christmas Eve, on: December 24, closed: 12:00-24:00 }
/// ```
struct CalendarFile {
    var holidaySets: [HolidaySet] = []
    var calendars: [(calendar: BusinessCalendar, line: Int)] = []

    static let calendarKeys: Set<String> = ["name", "title", "zone", "hours", "holidays", "notes"]
    static let ruleKeys: Set<String> = ["name", "on", "observed", "closed", "from", "until"]

    /// Decodes the calendar parts of a data file. `knownSets` resolves
    /// holiday-set names used by the calendars; `localZone` is what
    /// `zone: local` means.
    static func decode(_ top: YAMLMapping, knownSets: [String: HolidaySet], localZone: Zone) throws -> CalendarFile {
        var result = CalendarFile()
        var sets = knownSets
        if let list = top["holiday-sets"] {
            for item in try list.list("'holiday-sets'") {
                let set = try decodeSet(item)
                sets[set.name] = set
                result.holidaySets.append(set)
            }
        }
        if let list = top["calendars"] {
            for item in try list.list("'calendars'") {
                result.calendars.append((try decodeCalendar(item, sets: sets, localZone: localZone), item.line))
            }
        }
        return result
    }

    static func decodeSet(_ value: YAMLValue) throws -> HolidaySet {
        let map = try value.mapping("a holiday set", allowed: ["name", "title", "holidays"])
        let name = try map.string("name")
        let rules = try map.required("holidays").list("'holidays'").map { try decodeRule($0) }
        let set = HolidaySet(name: name, title: try map.optionalString("title") ?? name, rules: rules)
        if let problem = HolidayRules(rules).validationProblem() {
            let line = try map.required("holidays").list("'holidays'").first { (try? $0.mapping("").string("name")) == problem.rule }?.line
            throw DataFileError(file: value.file, line: line ?? value.line, message: problem.problem)
        }
        return set
    }

    static func decodeCalendar(_ value: YAMLValue, sets: [String: HolidaySet], localZone: Zone) throws -> BusinessCalendar {
        let map = try value.mapping("a calendar", allowed: calendarKeys)
        let name = try map.string("name")
        guard name.range(of: #"^[a-z0-9][a-z0-9-]*$"#, options: .regularExpression) != nil else {
            throw try map.required("name").error("calendar name '\(name)' should be lowercase letters, digits and dashes")
        }
        let zoneValue = try map.required("zone")
        let zoneText = try zoneValue.string("'zone'")
        let zone: Zone
        if zoneText == "local" {
            zone = localZone
        } else if let named = Zone(identifier: zoneText) {
            zone = named
        } else {
            throw zoneValue.error("unknown time zone '\(zoneText)' (use an IANA name such as America/Chicago, or 'local')")
        }
        let hours = try decodeHours(try map.required("hours"))
        var rules: [HolidayRule] = []
        var ruleLines: [String: Int] = [:]
        var holidayNames: [String] = []
        if let list = map["holidays"], !list.isNull {
            for item in try list.listOrSingle("'holidays'") {
                if case .scalar = item.node {
                    let setName = try item.string("a holiday set")
                    guard let set = sets[setName] else {
                        let known = sets.keys.sorted().joined(separator: ", ")
                        throw item.error("unknown holiday set '\(setName)' (known: \(known))")
                    }
                    rules += set.rules
                    // "US federal holidays, observed …" is called "US federal holidays".
                    holidayNames.append(String(set.title.split(separator: ",")[0]))
                } else {
                    let rule = try decodeRule(item)
                    ruleLines[rule.name] = item.line
                    rules.append(rule)
                    holidayNames.append(rule.name)
                }
            }
        }
        if let problem = HolidayRules(rules).validationProblem() {
            throw DataFileError(file: value.file, line: ruleLines[problem.rule] ?? value.line, message: problem.problem)
        }
        var calendar = BusinessCalendar(
            name: name, title: try map.optionalString("title") ?? name, zone: zone, hours: hours,
            holidays: rules, notes: try map.optionalStrings("notes"))
        calendar.holidaysName = holidayNames.isEmpty ? nil : holidayNames.joined(separator: " and ")
        calendar.isInReadersZone = zoneText == "local"
        return calendar
    }

    static func decodeHours(_ value: YAMLValue) throws -> WeeklyHours {
        if case .scalar = value.node {
            let text = try value.string("'hours'").lowercased()
            if text == "24/7" || text == "always" { return .alwaysOpen }
            throw value.error("'hours' should be '24/7' or a mapping such as 'mon-fri: 08:00-17:00'")
        }
        let map = try value.mapping("'hours'")
        var byDay: [Weekday: [OpenInterval]] = [:]
        for entry in map.entries {
            guard let days = CalendarText.weekdays(entry.key) else {
                throw DataFileError(file: value.file, line: entry.keyLine,
                                    message: "unknown days '\(entry.key)' (use mon, tue, … sun, ranges such as mon-fri, daily or weekends)")
            }
            var intervals: [OpenInterval] = []
            for item in try entry.value.listOrSingle("opening hours") {
                let text = try item.string("opening hours")
                if text.lowercased() == "closed" { continue }
                guard let interval = CalendarText.interval(text) else {
                    throw item.error("cannot read opening hours '\(text)' (write them as 08:00-17:00; an end past 24:00 crosses midnight)")
                }
                intervals.append(interval)
            }
            if let problem = WeeklyHours([.monday: intervals]).validationProblem() {
                let detail = problem.replacingOccurrences(of: "Monday ", with: "")
                throw DataFileError(file: value.file, line: entry.keyLine, message: "\(entry.key): \(detail)")
            }
            for day in days {
                if byDay[day] != nil {
                    throw DataFileError(file: value.file, line: entry.keyLine, message: "\(day.name) is given hours twice")
                }
                byDay[day] = intervals
            }
        }
        let hours = WeeklyHours(byDay)
        if let problem = hours.validationProblem() { throw value.error(problem) }
        return hours
    }

    static func decodeRule(_ value: YAMLValue) throws -> HolidayRule {
        let map = try value.mapping("a holiday", allowed: ruleKeys)
        let name = try map.string("name")
        let onValue = try map.required("on")
        let onText = try onValue.string("'on'")
        guard var date = CalendarText.holidayDate(onText) else {
            throw onValue.error("cannot read holiday date '\(onText)' (try 'December 25', 'fourth Thursday of November', 'last Monday of May', 'day after Thanksgiving Day' or '2026-12-24')")
        }
        if let observedValue = map["observed"] {
            let text = try observedValue.string("'observed'").lowercased()
            guard let observance = Observance(rawValue: text) else {
                let known = Observance.allCases.map(\.rawValue).joined(separator: ", ")
                throw observedValue.error("unknown observance '\(text)' (expected one of: \(known))")
            }
            guard case .fixed(let month, let day, _) = date else {
                throw observedValue.error("only a fixed date such as 'July 4' can move when it falls on a weekend")
            }
            date = .fixed(month: month, day: day, observance: observance)
        }
        var closed = ClosedHours.allDay
        if let closedValue = map["closed"] {
            let text = try closedValue.string("'closed'")
            if text.lowercased() != "all day" {
                guard let interval = CalendarText.interval(text) else {
                    throw closedValue.error("cannot read closed hours '\(text)' (write them as 12:00-24:00, or 'all day')")
                }
                closed = .between(interval.start, interval.end)
            }
        }
        var years: ClosedRange<Int>?
        let from = try map["from"].map { try $0.int("'from'") }
        let until = try map["until"].map { try $0.int("'until'") }
        if from != nil || until != nil {
            let lower = from ?? BusinessCalendar.supportedYears.lowerBound
            let upper = until ?? BusinessCalendar.supportedYears.upperBound
            guard lower <= upper else { throw value.error("'from' \(lower) is after 'until' \(upper)") }
            years = lower...upper
        }
        return HolidayRule(name: name, date: date, closed: closed, years: years)
    }
}

/// A named, reusable list of holiday rules (`us-federal`).
public struct HolidaySet: Sendable {
    public var name: String
    public var title: String
    public var rules: [HolidayRule]
}
