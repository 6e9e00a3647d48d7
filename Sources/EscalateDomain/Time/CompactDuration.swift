/// Durations written as numbers and unit letters run together: `3h30m`,
/// `90m`, `2d`, `1h15m30s`. Every number needs its unit.
public enum CompactDuration {
    /// Hours, minutes and seconds: the units a span of business time takes.
    public static let clockUnits: [Character: Int64] = ["h": 3600, "m": 60, "s": 1]
    /// Weeks and days as well, on the wall clock (`:advance 2d`).
    public static let wallUnits: [Character: Int64] = ["w": 7 * 86_400, "d": 86_400, "h": 3600, "m": 60, "s": 1]

    /// The seconds `text` stands for, or `nil` when it is not that form or a
    /// number reaches `limit`.
    public static func seconds(_ text: String, units: [Character: Int64], limit: Int64) -> Int64? {
        var total: Int64 = 0
        var number: Int64 = 0
        var sawDigit = false
        var sawUnit = false
        for character in text {
            if let digit = character.wholeNumberValue, character.isASCII {
                number = number * 10 + Int64(digit)
                guard number < limit else { return nil }
                sawDigit = true
                continue
            }
            guard sawDigit, let unit = units[character] else { return nil }
            total += number * unit
            number = 0
            sawDigit = false
            sawUnit = true
        }
        return sawUnit && !sawDigit ? total : nil
    }
}
