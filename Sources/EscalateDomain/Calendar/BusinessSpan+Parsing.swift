import Foundation

/// Why a duration could not be read.
public struct DurationParseError: Error, Hashable, Sendable, CustomStringConvertible {
    public var text: String
    public var reason: String
    public var description: String { "cannot read duration '\(text)': \(reason)" }
}

extension BusinessSpan {
    /// Reads `4h`, `90m`, `3h30m`, `4 business hours`, `1.5 hours`,
    /// `3 business days`, `2 working days`, `2 weeks` (ten business days).
    ///
    /// Plain "days" are business days. A negative amount is refused.
    public init(parsing text: String) throws {
        let lowered = text.lowercased().trimmingCharacters(in: .whitespaces)
        guard !lowered.isEmpty else { throw DurationParseError(text: text, reason: "it is empty") }
        if lowered.hasPrefix("-") {
            throw DurationParseError(text: text, reason: "a duration cannot be negative")
        }
        if let seconds = BusinessSpan.compactSeconds(lowered) {
            self = .hours(seconds: seconds)
            return
        }
        let words = lowered.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
        guard let first = words.first else { throw DurationParseError(text: text, reason: "it is empty") }
        let amount: Double
        if let number = Double(first) {
            amount = number
        } else if first == "a" || first == "an" || first == "one" {
            amount = 1
        } else if first == "half" {
            amount = 0.5
        } else {
            throw DurationParseError(text: text, reason: "expected a number such as '4h' or '3 business days'")
        }
        guard amount >= 0, amount.isFinite, amount < 1_000_000 else {
            throw DurationParseError(text: text, reason: amount < 0 ? "a duration cannot be negative" : "the amount is out of range")
        }
        let rest = Set(words.dropFirst())
        let unitWord = words.dropFirst().last ?? ""
        let isWorking = rest.contains("working") || rest.contains("work")
        func wholeDays() throws -> Int {
            guard amount == amount.rounded() else {
                throw DurationParseError(text: text, reason: "days must be a whole number")
            }
            return Int(amount)
        }
        switch unitWord {
        case "h", "hr", "hrs", "hour", "hours":
            self = .hours(seconds: Int64((amount * 3600).rounded()))
        case "m", "min", "mins", "minute", "minutes":
            self = .hours(seconds: Int64((amount * 60).rounded()))
        case "d", "day", "days":
            self = isWorking ? .workingDays(try wholeDays()) : .businessDays(try wholeDays())
        case "w", "wk", "wks", "week", "weeks":
            let days = amount * 5
            guard days == days.rounded() else {
                throw DurationParseError(text: text, reason: "weeks must come to whole days")
            }
            self = isWorking ? .workingDays(Int(days)) : .businessDays(Int(days))
        default:
            throw DurationParseError(text: text, reason: "unknown unit '\(unitWord)'; use h, m, business days or working days")
        }
    }

    /// `4h`, `90m`, `3h30m`, `1h15m30s`; `nil` when `text` is not that form.
    static func compactSeconds(_ text: String) -> Int64? {
        CompactDuration.seconds(text, units: CompactDuration.clockUnits, limit: 100_000_000)
    }
}
