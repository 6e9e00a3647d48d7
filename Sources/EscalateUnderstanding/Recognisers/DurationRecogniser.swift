import EscalateDomain

/// Recognises amounts of business time: `4 hours`, `3 business days`,
/// `2 working days`, `half an hour`, `90 minutes`, `4h`, `every 4 hours`,
/// `hourly`, `daily`. Plain days are business days; a week is five of them.
enum DurationRecogniser {
    static func recognise(_ tokens: [Token], kinds: [WordKinds]? = nil) -> [EntitySpan] {
        let kinds = kinds ?? WordKinds.of(tokens)
        var spans: [EntitySpan] = []
        var index = 0
        while index < tokens.count {
            if kinds[index].contains(.duration), let (span, end) = match(tokens, at: index) {
                spans.append(EntitySpan(type: "duration", value: .duration(span), start: index, end: end))
                index = end
            } else {
                index += 1
            }
        }
        return spans
    }

    static func match(_ tokens: [Token], at start: Int) -> (BusinessSpan, Int)? {
        func at(_ i: Int) -> String? { i < tokens.count ? tokens[i].text : nil }
        let word = tokens[start].text
        switch word {
        case "hourly": return (.hours(1), start + 1)
        case "daily": return (.businessDays(1), start + 1)
        default: break
        }
        var index = start
        var every = false
        if word == "every" || word == "each" {
            every = true
            index += 1
            if at(index) == "day" || at(index) == "morning" { return (.businessDays(1), index + 1) }
            if at(index) == "hour" {
                if at(index + 1) == "and", at(index + 2) == "a", at(index + 3) == "half" { return (.minutes(90), index + 4) }
                return (.hours(1), index + 1)
            }
            if at(index) == "other", at(index + 1) == "day" { return (.businessDays(2), index + 2) }
        }
        if word == "once", at(start + 1) == "a" || at(start + 1) == "an" || at(start + 1) == "per" {
            if at(start + 2) == "day" { return (.businessDays(1), start + 3) }
            if at(start + 2) == "hour" { return (.hours(1), start + 3) }
        }
        // "twice a day", "three times a day", "4 times daily": a business day
        // (8 hours, as for a fraction of a day) shared out; likewise an hour.
        if let (times, afterTimes) = frequency(tokens, at: start) {
            var index = afterTimes
            if let per = at(index), ["a", "an", "per", "each", "every"].contains(per) { index += 1 }
            switch at(index) {
            case "day", "daily" where index == afterTimes: return (.hours(seconds: 8 * 3600 / times), index + 1)
            case "hour", "hourly" where index == afterTimes: return (.hours(seconds: 3600 / times), index + 1)
            default: break
            }
        }
        // 4h, 30m, 1h30m
        if let text = at(index), let seconds = compactSeconds(text) {
            if at(index + 1) == "ago" { return nil }
            return (.hours(seconds: seconds), index + 1)
        }
        var number: Double
        if at(index) == "half", at(index + 1) == "an" || at(index + 1) == "a" {
            number = 0.5
            index += 2
        } else if let value = at(index).flatMap(Numbers.decimal) {
            number = value
            index += 1
        } else if every {
            number = 1
        } else {
            return nil
        }
        var qualifier: String?
        if let q = at(index), q == "business" || q == "working" || q == "work" || q == "calendar" {
            qualifier = q
            index += 1
        }
        guard let unit = at(index) else { return nil }
        index += 1
        if at(index) == "and", at(index + 1) == "a", at(index + 2) == "half" {
            number += 0.5
            index += 3
        }
        if at(index) == "ago" { return nil }
        switch unit {
        case "hour", "hours", "hr", "hrs", "h":
            return (.hours(seconds: Int64((number * 3600).rounded())), index)
        case "minute", "minutes", "min", "mins":
            return (.hours(seconds: Int64((number * 60).rounded())), index)
        case "day", "days":
            guard number == number.rounded() else { return (.hours(seconds: Int64(number * 8 * 3600)), index) }
            return (qualifier == "working" || qualifier == "work" ? .workingDays(Int(number)) : .businessDays(Int(number)), index)
        case "week", "weeks", "wk", "wks":
            let days = Int((number * 5).rounded())
            return (qualifier == "working" ? .workingDays(days) : .businessDays(days), index)
        default:
            return nil
        }
    }

    /// How many times: `twice` or `N times`, and where the words after it start.
    static func frequency(_ tokens: [Token], at start: Int) -> (Int64, Int)? {
        let word = tokens[start].text
        if word == "twice" { return (2, start + 1) }
        guard start + 1 < tokens.count, tokens[start + 1].text == "times", let times = Numbers.value(word), times >= 2, times <= 12 else { return nil }
        return (Int64(times), start + 2)
    }

    /// `4h`, `30m`, `1h30m`, `48hrs`, `10mins`.
    static func compactSeconds(_ text: String) -> Int64? {
        guard Numbers.startsWithDigit(text) else { return nil }
        var total: Int64 = 0
        var number = ""
        var unit = ""
        var sawUnit = false
        func flush() -> Bool {
            guard let value = Int64(number) else { return false }
            switch unit {
            case "h", "hr", "hrs", "hour", "hours": total += value * 3600
            case "m", "min", "mins": total += value * 60
            default: return false
            }
            number = ""
            unit = ""
            sawUnit = true
            return true
        }
        for character in text {
            if character.isNumber {
                if !unit.isEmpty { guard flush() else { return nil } }
                number.append(character)
            } else if character.isLetter {
                guard !number.isEmpty else { return nil }
                unit.append(character)
            } else {
                return nil
            }
        }
        guard !number.isEmpty, !unit.isEmpty, flush() else { return nil }
        return sawUnit ? total : nil
    }
}
