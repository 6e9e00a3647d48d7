/// How a fixed-date holiday that falls on a weekend is observed.
public enum Observance: String, Hashable, Sendable, CaseIterable {
    /// Kept on its date, whatever the day.
    case none
    /// Saturday moves to the Friday before, Sunday to the Monday after
    /// (the US federal rule, 5 U.S.C. 6103).
    case nearestWeekday = "nearest weekday"
    /// Sunday moves to Monday; Saturday is not observed separately.
    case sundayToMonday = "sunday to monday"
    /// Saturday and Sunday both move to the Monday after.
    case nextMonday = "next monday"
}

/// When in the year a holiday falls.
public enum HolidayDate: Hashable, Sendable {
    /// Every year on this month and day (`12-25`), observed as `observance` says.
    case fixed(month: Int, day: Int, observance: Observance)
    /// The nth weekday of a month (`4th Thursday of November`); n is 1–5.
    case nthWeekday(Int, Weekday, month: Int)
    /// The last weekday of a month (`last Monday of May`).
    case lastWeekday(Weekday, month: Int)
    /// The day after another holiday of the same calendar, by name
    /// (`day after Thanksgiving Day`).
    case dayAfter(String)
    /// Once only.
    case once(LocalDate)
}

/// Which part of a holiday's date is closed.
public enum ClosedHours: Hashable, Sendable, CustomStringConvertible {
    case allDay
    /// Closed from `from` to `to` wall-clock time on the date (`12:00–24:00`
    /// for an early close on Christmas Eve).
    case between(TimeOfDay, TimeOfDay)

    public var description: String {
        switch self {
        case .allDay: return "all day"
        case .between(let from, let to): return "closed \(from)–\(to == TimeOfDay(hour: 24) ? "24:00" : to.description)"
        }
    }
}

/// A holiday or closure rule of a calendar.
public struct HolidayRule: Hashable, Sendable {
    public var name: String
    public var date: HolidayDate
    public var closed: ClosedHours
    /// The first and last years the rule applies (Juneteenth from 2021).
    public var years: ClosedRange<Int>?

    public init(name: String, date: HolidayDate, closed: ClosedHours = .allDay, years: ClosedRange<Int>? = nil) {
        self.name = name
        self.date = date
        self.closed = closed
        self.years = years
    }
}

/// One holiday on one date: the result of applying a rule to a year.
public struct Holiday: Hashable, Sendable {
    public var name: String
    /// The date the holiday falls on.
    public var actual: LocalDate
    /// The date it is observed (closed); differs from `actual` when a weekend moves it.
    public var observed: LocalDate
    public var closed: ClosedHours
}

extension HolidayRule {
    /// The holiday this rule gives in `year`, before its observance moves it
    /// (it may move into a neighbouring year: New Year's Day 2022 is observed
    /// on Friday 31 December 2021). `named` resolves `dayAfter` rules.
    func holiday(in year: Int, named: (String, Int) -> Holiday?) -> Holiday? {
        if let years, !years.contains(year) { return nil }
        switch date {
        case .fixed(let month, let day, let observance):
            guard let actual = LocalDate(validYear: year, month: month, day: day) else { return nil }
            return Holiday(name: name, actual: actual, observed: observance.observed(actual), closed: closed)
        case .nthWeekday(let n, let weekday, let month):
            let first = LocalDate(year: year, month: month, day: 1)
            let shift = (weekday.rawValue - first.weekday.rawValue + 7) % 7
            let day = 1 + shift + (n - 1) * 7
            guard day <= LocalDate.daysIn(month: month, year: year) else { return nil }
            let date = LocalDate(year: year, month: month, day: day)
            return Holiday(name: name, actual: date, observed: date, closed: closed)
        case .lastWeekday(let weekday, let month):
            let last = LocalDate(year: year, month: month, day: LocalDate.daysIn(month: month, year: year))
            let shift = (last.weekday.rawValue - weekday.rawValue + 7) % 7
            let date = last.adding(days: -shift)
            return Holiday(name: name, actual: date, observed: date, closed: closed)
        case .dayAfter(let other):
            guard let base = named(other, year) else { return nil }
            let date = base.observed.adding(days: 1)
            return Holiday(name: name, actual: date, observed: date, closed: closed)
        case .once(let date):
            guard date.year == year else { return nil }
            return Holiday(name: name, actual: date, observed: date, closed: closed)
        }
    }
}

extension Observance {
    func observed(_ date: LocalDate) -> LocalDate {
        switch (self, date.weekday) {
        case (.nearestWeekday, .saturday): return date.adding(days: -1)
        case (.nearestWeekday, .sunday), (.sundayToMonday, .sunday): return date.adding(days: 1)
        case (.nextMonday, .saturday): return date.adding(days: 2)
        case (.nextMonday, .sunday): return date.adding(days: 1)
        default: return date
        }
    }
}

/// Applies a list of rules to years, resolving references between them.
public struct HolidayRules: Hashable, Sendable {
    public var rules: [HolidayRule]

    public init(_ rules: [HolidayRule]) { self.rules = rules }

    /// The holidays observed in `year`, sorted by observed date. Rules of the
    /// neighbouring years are applied too, so that a holiday moved across the
    /// new year lands in the right one.
    public func observed(in year: Int) -> [Holiday] {
        var result: [Holiday] = []
        for ruleYear in (year - 1)...(year + 1) {
            for holiday in holidays(ofRuleYear: ruleYear) where holiday.observed.year == year {
                result.append(holiday)
            }
        }
        return result.sorted { ($0.observed, $0.name) < ($1.observed, $1.name) }
    }

    /// Every holiday the rules give for `year` (by the year of the rule, not of observance).
    func holidays(ofRuleYear year: Int) -> [Holiday] {
        var visiting: Set<String> = []
        func resolve(_ name: String, _ year: Int) -> Holiday? {
            guard !visiting.contains(name),
                  let rule = rules.first(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame })
            else { return nil }
            visiting.insert(name)
            defer { visiting.remove(name) }
            return rule.holiday(in: year, named: resolve)
        }
        return rules.compactMap { rule in
            visiting = [rule.name]
            return rule.holiday(in: year, named: resolve)
        }
    }

    /// A problem with the rules (a `dayAfter` naming no rule, or a cycle), or `nil`.
    public func validationProblem() -> (rule: String, problem: String)? {
        let names = Set(rules.map { $0.name.lowercased() })
        for rule in rules {
            if case .dayAfter(let other) = rule.date {
                if !names.contains(other.lowercased()) {
                    return (rule.name, "'\(rule.name)' is the day after '\(other)', but no holiday has that name")
                }
                var seen: Set<String> = [rule.name.lowercased()]
                var current = other.lowercased()
                while let next = rules.first(where: { $0.name.lowercased() == current }) {
                    if seen.contains(current) {
                        return (rule.name, "'\(rule.name)' refers to itself through 'day after'")
                    }
                    seen.insert(current)
                    guard case .dayAfter(let further) = next.date else { break }
                    current = further.lowercased()
                }
            }
        }
        return nil
    }
}
