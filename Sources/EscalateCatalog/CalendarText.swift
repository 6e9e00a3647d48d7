import Foundation
import EscalateDomain

/// The small phrases calendar files are written in.
enum CalendarText {
    /// `mon`, `mon-fri`, `sat–sun`, `daily`, `weekdays`, `weekends`, `mon,wed,fri`.
    static func weekdays(_ text: String) -> [Weekday]? {
        let lowered = text.lowercased().replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: " ", with: "")
        switch lowered {
        case "daily", "every-day", "everyday", "all": return Weekday.allCases
        case "weekdays": return Weekday.allCases.filter { !$0.isWeekend }
        case "weekends": return [.saturday, .sunday]
        default: break
        }
        var result: [Weekday] = []
        for part in lowered.split(separator: ",") {
            let ends = part.split(separator: "-")
            if ends.count == 1, let day = Weekday(name: String(ends[0])) {
                result.append(day)
            } else if ends.count == 2, let first = Weekday(name: String(ends[0])), let last = Weekday(name: String(ends[1])),
                      first <= last {
                result += Weekday.allCases.filter { $0 >= first && $0 <= last }
            } else {
                return nil
            }
        }
        return result.isEmpty ? nil : result
    }

    /// `08:00-17:00`, `8:00 – 17:00`, `22:00-26:00`.
    static func interval(_ text: String) -> OpenInterval? {
        let cleaned = text.replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: " ", with: "")
        let parts = cleaned.split(separator: "-")
        guard parts.count == 2, let start = TimeOfDay(parsing: parts[0]), var end = TimeOfDay(parsing: parts[1]) else { return nil }
        if end <= start && end.seconds + 86_400 > start.seconds && end.seconds < 86_400 {
            // `22:00-02:00` crosses midnight.
            end = TimeOfDay(seconds: end.seconds + 86_400)
        }
        guard start < end, start.seconds < 86_400, end.seconds - start.seconds <= 86_400 else { return nil }
        return OpenInterval(start: start, end: end)
    }

    static func month(_ text: Substring) -> Int? {
        let lowered = text.lowercased()
        guard lowered.count >= 3 else { return nil }
        return LocalDate.monthNames.firstIndex { $0.lowercased().hasPrefix(lowered) }.map { $0 + 1 }
    }

    static let ordinals = ["first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5, "5th": 5]

    /// `December 25`, `Dec 25`, `12-25`, `fourth Thursday of November`,
    /// `last Monday of May`, `day after Thanksgiving Day`, `2026-12-24`.
    static func holidayDate(_ text: String) -> HolidayDate? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let lowered = trimmed.lowercased()
        if lowered.hasPrefix("day after ") {
            let other = trimmed.dropFirst("day after ".count).trimmingCharacters(in: .whitespaces)
            return other.isEmpty ? nil : .dayAfter(other)
        }
        if let date = LocalDate(iso: Substring(trimmed)) { return .once(date) }
        let words = lowered.split(separator: " ").filter { $0 != "the" }
        if words.count == 4, words[2] == "of" || words[2] == "in", let weekday = Weekday(name: String(words[1])),
           let month = month(words[3]) {
            if words[0] == "last" { return .lastWeekday(weekday, month: month) }
            if let n = ordinals[String(words[0])] { return .nthWeekday(n, weekday, month: month) }
            return nil
        }
        if words.count == 2, let month = month(words[0]), let day = Int(words[1]),
           LocalDate(validYear: 2024, month: month, day: day) != nil {
            return .fixed(month: month, day: day, observance: .none)
        }
        let dashed = lowered.split(separator: "-")
        if dashed.count == 2, let month = Int(dashed[0]), let day = Int(dashed[1]),
           LocalDate(validYear: 2024, month: month, day: day) != nil {
            return .fixed(month: month, day: day, observance: .none)
        }
        return nil
    }
}
