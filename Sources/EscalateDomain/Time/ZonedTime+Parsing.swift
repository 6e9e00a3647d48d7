/// Why a time could not be read.
public struct TimeParseError: Error, Hashable, Sendable, CustomStringConvertible {
    public var text: String
    public var reason: String
    public var description: String { "cannot read time '\(text)': \(reason)" }
}

extension ZonedTime {
    /// Reads an explicit time:
    ///
    /// - `2026-11-23T09:00:00-06:00`, `2026-11-23T09:00-06:00`, `2026-11-23T15:00Z`
    /// - `2026-11-23T09:00 America/Chicago`, `2026-11-23 09:00 America/Chicago`
    /// - `2026-11-23 09:00` or `2026-11-23`, in `defaultZone` when one is given.
    ///
    /// A time with an offset is shown in that fixed offset; one with a zone
    /// name in that zone. Without either and without `defaultZone`, it is
    /// refused: every instant carries its zone.
    public init(parsing text: String, defaultZone: Zone? = nil) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var words = trimmed.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard !words.isEmpty else { throw TimeParseError(text: text, reason: "it is empty") }
        var zone: Zone?
        if words.count > 1, let last = words.last, last.contains("/") || last == "UTC" {
            guard let named = Zone(identifier: last) else {
                throw TimeParseError(text: text, reason: "unknown time zone '\(last)' (use an IANA name such as America/Chicago)")
            }
            zone = named
            words.removeLast()
        }
        var stamp = words.joined(separator: "T")
        var offset: Int?
        if stamp.hasSuffix("Z") || stamp.hasSuffix("z") {
            offset = 0
            stamp.removeLast()
        } else if let signIndex = stamp.lastIndex(where: { $0 == "+" || $0 == "-" }),
                  let tIndex = stamp.firstIndex(of: "T"), signIndex > tIndex {
            let offsetText = stamp[stamp.index(after: signIndex)...]
            let parts = offsetText.split(separator: ":")
            let digits = parts.count == 1 && offsetText.count == 4
                ? [offsetText.prefix(2), offsetText.suffix(2)] : parts
            guard (1...2).contains(digits.count), let h = Int(digits[0]), h <= 14,
                  let m = digits.count == 2 ? Int(digits[1]) : 0, m < 60
            else { throw TimeParseError(text: text, reason: "cannot read the UTC offset '\(offsetText)' (write it as -06:00)") }
            offset = (stamp[signIndex] == "-" ? -1 : 1) * (h * 3600 + m * 60)
            stamp = String(stamp[..<signIndex])
        }
        if offset != nil && zone != nil {
            throw TimeParseError(text: text, reason: "give either a UTC offset or a zone name, not both")
        }
        let pieces = stamp.split(separator: "T", maxSplits: 1)
        guard let date = LocalDate(iso: pieces[0]) else {
            throw TimeParseError(text: text, reason: "expected a date such as 2026-11-23")
        }
        guard BusinessCalendar.supportedYears.contains(date.year) else { throw UnsupportedTimeError(text) }
        var time = TimeOfDay(seconds: 0)
        if pieces.count == 2 {
            let clock = pieces[1].split(separator: ":")
            guard (2...3).contains(clock.count), clock.allSatisfy({ $0.count == 2 }),
                  let h = Int(clock[0]), h < 24, let m = Int(clock[1]), m < 60,
                  let s = clock.count == 3 ? Int(clock[2]) : 0, s < 60
            else { throw TimeParseError(text: text, reason: "expected a time such as 09:00 or 09:00:00") }
            time = TimeOfDay(hour: h, minute: m, second: s)
        }
        let local = LocalDateTime(date: date, time: time)
        if let offset {
            let instant = Instant(secondsSinceEpoch: local.wallSeconds - Int64(offset))
            self.init(instant, in: Zone(fixedOffsetSeconds: offset))
            return
        }
        guard let resolvedZone = zone ?? defaultZone else {
            throw TimeParseError(text: text, reason: "add a UTC offset (2026-11-23T09:00-06:00) or a zone name (2026-11-23T09:00 America/Chicago)")
        }
        self.init(resolvedZone.instant(for: local), in: resolvedZone)
    }
}
