import EscalateDomain

/// Recognises times and dates, resolved against the clock in the user's zone:
/// `at 9`, `9:30am`, `yesterday at 3pm`, `Monday morning`, `2 hours ago`,
/// `just now`, `tomorrow noon`, `Nov 24`.
///
/// - A bare hour reads as business hours would: 1–6 is afternoon, 7–11 morning.
/// - A bare weekday is the most recent one (today included); `last Monday` is
///   the one before today, `next Monday` the one after.
/// - Morning is 09:00, afternoon 14:00, evening 18:00, night 21:00; end of day 17:00.
/// - A month and day without a year is the nearest such date.
enum TimeRecogniser {
    static let units: [String: Int64] = [
        "second": 1, "seconds": 1, "sec": 1, "secs": 1,
        "minute": 60, "minutes": 60, "min": 60, "mins": 60,
        "hour": 3600, "hours": 3600, "hr": 3600, "hrs": 3600, "h": 3600,
        "day": 86_400, "days": 86_400, "week": 604_800, "weeks": 604_800,
    ]
    static let justVerbs: Set<String> = [
        "called", "rang", "phoned", "emailed", "e-mailed", "mailed", "spoke", "talked", "messaged", "pinged", "left",
        "sent", "got", "heard", "contacted", "reached", "texted", "dialled", "dialed",
    ]
    /// Words of a street address: a number before them is no time.
    static let streetWords: Set<String> = [
        "st", "street", "ave", "avenue", "rd", "road", "blvd", "boulevard", "ln", "lane", "dr", "drive", "way", "pkwy", "parkway",
        "hwy", "highway", "plaza", "suite", "ste", "floor", "fl", "main", "broadway",
    ]
    static let dayParts: [String: Int] = ["morning": 9, "afternoon": 14, "evening": 18, "night": 21, "tonight": 20]

    /// Words a time can begin with; anything else starting with a letter is skipped at once.
    static let startWords: Set<String> = {
        var words: Set<String> = [
            "just", "right", "moments", "today", "yesterday", "tomorrow", "tonight", "this", "last", "next", "on", "since",
            "at", "around", "about", "by", "@", "noon", "midday", "midnight", "eod", "cob", "end", "close", "half",
        ]
        words.formUnion(Numbers.words.keys)
        for name in LocalDate.monthNames { let lower = name.lowercased(); words.insert(lower); words.insert(String(lower.prefix(3))) }
        words.insert("sept")
        for day in ["mon", "monday", "tue", "tues", "tuesday", "wed", "weds", "wednesday", "thu", "thur", "thurs", "thursday",
                    "fri", "friday", "sat", "saturday", "sun", "sunday", "mondays", "fridays"] { words.insert(day) }
        return words
    }()

    static func recognise(_ tokens: [Token], context: RecognitionContext, kinds: [WordKinds]? = nil) -> [EntitySpan] {
        let kinds = kinds ?? WordKinds.of(tokens, named: context.kindsByWord)
        var spans: [EntitySpan] = []
        var index = 0
        while index < tokens.count {
            // Only a number, a start word or a holiday's name starts a time.
            guard kinds[index].contains(.time) else {
                index += 1
                continue
            }
            if let (value, end) = match(tokens, at: index, context: context) {
                spans.append(EntitySpan(type: "time", value: .time(value), start: index, end: end))
                index = end
            } else {
                index += 1
            }
        }
        return spans
    }

    private static func word(_ tokens: [Token], _ index: Int) -> String? {
        index < tokens.count ? tokens[index].text : nil
    }

    static func match(_ tokens: [Token], at start: Int, context: RecognitionContext) -> (ResolvedTime, Int)? {
        let zone = context.zone
        let now = context.now
        let first = tokens[start].text
        // just now, right now
        if (first == "just" || first == "right") && word(tokens, start + 1) == "now" {
            return (.instant(now, zone), start + 2)
        }
        if first == "moments" && word(tokens, start + 1) == "ago" { return (.instant(now, zone), start + 2) }
        // "just rang", "just emailed": the moment is now.
        if first == "just", let verb = word(tokens, start + 1), justVerbs.contains(verb) {
            return (.instant(now, zone), start + 1)
        }
        // N units ago
        if let (seconds, end) = amount(tokens, at: start), word(tokens, end) == "ago" {
            return (.instant(now - seconds, zone), end + 1)
        }
        // A day, then perhaps a part of it and a clock time; or a clock time, then perhaps a day.
        if var (day, afterDay) = self.day(tokens, at: start, context: context) {
            var end = afterDay
            // "until Monday", "by Friday": a weekday that ends a wait is the
            // next one, not the last.
            let forward = start > 0 && ["until", "till", "til", "by"].contains(tokens[start - 1].text) && isWeekdayWord(tokens[start].text)
            if forward, let weekday = Weekday(name: tokens[start].text) {
                let ahead = (weekday.rawValue - context.today.weekday.rawValue + 7) % 7
                day = context.today.adding(days: ahead == 0 ? 7 : ahead)
            }
            var hour: TimeOfDay?
            // A bare weekday ("ETA Friday", "the new Friday date") is not a
            // time unless something marks it as one: on, last, this, a part
            // of the day or a clock time.
            // "Is it open Friday?": after a word about opening hours, it is.
            let afterHoursWord = start > 0 && ["open", "closed", "staffed", "available", "working"].contains(tokens[start - 1].text)
            let bareWeekday = afterDay == start + 1 && isWeekdayWord(tokens[start].text) && !afterHoursWord
            if let part = word(tokens, end), let h = dayParts[part] {
                hour = TimeOfDay(hour: h)
                end += 1
            }
            if let (clock, afterClock) = self.clock(tokens, at: end, requirePreposition: false) {
                hour = clock
                end = afterClock
            }
            guard let hour else {
                if bareWeekday && !forward { return nil }
                return (.date(day, zone), end)
            }
            let (typedZone, afterZone) = zoneNamed(tokens, at: end) ?? (zone, end)
            return (.instant(typedZone.instant(for: LocalDateTime(date: day, time: hour)), zone), afterZone)
        }
        if let (clock, afterClock) = self.clock(tokens, at: start, requirePreposition: true) {
            var end = afterClock
            // "at 3pm CT", "at 10am Chicago time": the clock is read in that zone.
            let (typedZone, afterZone) = zoneNamed(tokens, at: end) ?? (zone, end)
            end = afterZone
            var date = typedZone.local(now).date
            if let (day, afterDay) = self.day(tokens, at: end, context: context) {
                date = day
                end = afterDay
            }
            return (.instant(typedZone.instant(for: LocalDateTime(date: date, time: clock)), zone), end)
        }
        return nil
    }

    /// `2 hours`, `an hour`, `half an hour`, `a couple of days`, `a few minutes`.
    static func amount(_ tokens: [Token], at start: Int) -> (Int64, Int)? {
        var index = start
        var number: Double
        if word(tokens, index) == "half", word(tokens, index + 1) == "an" || word(tokens, index + 1) == "a" {
            number = 0.5
            index += 2
        } else if word(tokens, index) == "a", let next = word(tokens, index + 1), next == "couple" || next == "few" {
            number = next == "couple" ? 2 : 3
            index += 2
            if word(tokens, index) == "of" { index += 1 }
        } else if let value = word(tokens, index).flatMap(Numbers.decimal) {
            number = value
            index += 1
        } else if let text = word(tokens, index), let (value, unit) = compact(text) {
            return (Int64((value * Double(unit)).rounded()), index + 1)
        } else {
            return nil
        }
        guard let unitWord = word(tokens, index), let unit = units[unitWord] else { return nil }
        index += 1
        if word(tokens, index) == "and", word(tokens, index + 1) == "a", word(tokens, index + 2) == "half" {
            number += 0.5
            index += 3
        }
        return (Int64((number * Double(unit)).rounded()), index)
    }

    /// `2h`, `30m`, `10mins`, `3hrs`.
    static func compact(_ text: String) -> (Double, Int64)? {
        // Nearly every word starts with a letter: no amount there.
        guard let first = text.utf8.first, (first >= 48 && first <= 57) || first == 46 else { return nil }
        let digits = text.prefix { $0.isNumber || $0 == "." }
        guard !digits.isEmpty, let value = Double(digits) else { return nil }
        let unit = text.dropFirst(digits.count)
        guard let seconds = units[String(unit)] ?? (unit == "m" ? 60 : nil) else { return nil }
        return (value, seconds)
    }

    static let zoneWords: [String: String] = [
        "ct": "America/Chicago", "cst": "America/Chicago", "cdt": "America/Chicago", "central": "America/Chicago", "chicago": "America/Chicago",
        "et": "America/New_York", "est": "America/New_York", "edt": "America/New_York", "eastern": "America/New_York", "atlanta": "America/New_York",
        "mt": "America/Denver", "mst": "America/Denver", "mdt": "America/Denver", "mountain": "America/Denver", "denver": "America/Denver",
        "pt": "America/Los_Angeles", "pst": "America/Los_Angeles", "pdt": "America/Los_Angeles", "pacific": "America/Los_Angeles",
        "gmt": "Europe/London", "bst": "Europe/London", "london": "Europe/London", "uk": "Europe/London",
        "utc": "UTC", "aest": "Australia/Sydney", "aedt": "Australia/Sydney", "sydney": "Australia/Sydney",
    ]

    /// A zone named after a time: `CT`, `Central`, `Chicago time`, `America/Chicago`, `New York time`.
    static func zoneNamed(_ tokens: [Token], at start: Int) -> (Zone, Int)? {
        func at(_ i: Int) -> String? { i < tokens.count ? tokens[i].text : nil }
        guard let first = at(start) else { return nil }
        if first == "new", at(start + 1) == "york" {
            return Zone(identifier: "America/New_York").map { ($0, start + (at(start + 2) == "time" ? 3 : 2)) }
        }
        if let second = at(start + 1), second.count > 2, first.count > 2, !["time", "today"].contains(second) {
            let identifier = first.prefix(1).uppercased() + first.dropFirst() + "/" + second.prefix(1).uppercased() + second.dropFirst()
            if let zone = Zone(identifier: identifier) { return (zone, start + 2) }
        }
        guard let identifier = zoneWords[first], let zone = Zone(identifier: identifier) else { return nil }
        return (zone, start + (at(start + 1) == "time" ? 2 : 1))
    }

    /// today, yesterday, tomorrow, this morning, last night, (on) (last|next|this) Monday,
    /// Nov 24, 24 November, 11/24, 2026-11-24.
    static func day(_ tokens: [Token], at start: Int, context: RecognitionContext) -> (LocalDate, Int)? {
        let today = context.today
        var index = start
        if word(tokens, index) == "on" || word(tokens, index) == "since" { index += 1 }
        guard let first = word(tokens, index) else { return nil }
        switch first {
        case "today": return (today, index + 1)
        case "yesterday": return (today.adding(days: -1), index + 1)
        case "tomorrow": return (today.adding(days: 1), index + 1)
        case "tonight": return nil
        default: break
        }
        if let (date, end) = namedDay(tokens, at: index, context: context) { return (date, end) }
        if first == "this", let part = word(tokens, index + 1), dayParts[part] != nil {
            return (today, index + 1)  // the part itself is read by the caller
        }
        if first == "last", word(tokens, index + 1) == "night" { return (today.adding(days: -1), index + 1) }
        var modifier: String?
        if first == "last" || first == "next" || first == "this" {
            modifier = first
            index += 1
        }
        if let name = word(tokens, index), isWeekdayWord(name), let weekday = Weekday(name: name) {
            let back = (today.weekday.rawValue - weekday.rawValue + 7) % 7
            let date: LocalDate
            switch modifier {
            case "last": date = today.adding(days: -(back == 0 ? 7 : back))
            case "next": date = today.adding(days: back == 0 ? 7 : 7 - back)
            case "this": date = today.adding(days: weekday.rawValue - today.weekday.rawValue)
            default: date = today.adding(days: -back)
            }
            return (date, index + 1)
        }
        if modifier != nil { return nil }
        // Month and day, in either order.
        if let month = month(first), let day = dayNumber(word(tokens, index + 1)) {
            return nearest(month: month, day: day, today: today).map { ($0, index + 2) }
        }
        if let day = dayNumber(first), let monthWord = word(tokens, index + (word(tokens, index + 1) == "of" ? 2 : 1)), let month = month(monthWord) {
            return nearest(month: month, day: day, today: today).map { ($0, index + (word(tokens, index + 1) == "of" ? 3 : 2)) }
        }
        // The rest are all digits: 2026-11-24 and 11/24.
        guard Numbers.startsWithDigit(first) else { return nil }
        if let date = LocalDate(iso: Substring(first)) { return (date, index + 1) }
        let slashed = first.split(separator: "/")
        if slashed.count == 2, let m = Int(slashed[0]), let d = Int(slashed[1]) {
            return nearest(month: m, day: d, today: today).map { ($0, index + 1) }
        }
        return nil
    }

    /// `Thanksgiving`, `Christmas Day`, `on New Year's Day`: a holiday by
    /// name. The final "day" may be left out; a one-word name that is also
    /// an ordinary word ("labor", "memorial") counts only after a preposition
    /// ("on Labor Day" still works, "labor costs" is not a date).
    static func namedDay(_ tokens: [Token], at index: Int, context: RecognitionContext) -> (LocalDate, Int)? {
        guard let first = word(tokens, index), let candidates = context.namedDaysByFirstWord[first] else { return nil }
        let afterPreposition = index > 0 && ["on", "over", "for", "before", "after", "during", "until", "till", "at", "by"].contains(tokens[index - 1].text)
        var best: (date: LocalDate, end: Int, matched: Int)?
        for (words, date) in candidates {
            var matched = 0
            while matched < words.count, word(tokens, index + matched) == words[matched] { matched += 1 }
            let whole = matched == words.count
            let withoutDay = matched == words.count - 1 && words.last == "day"
            guard whole || withoutDay else { continue }
            // One distinctive word ("thanksgiving", "christmas") stands alone.
            if !afterPreposition, matched == 1, first.count < 9 { continue }
            if best == nil || matched > best!.matched { best = (date, index + matched, matched) }
        }
        return best.map { ($0.date, $0.end) }
    }

    static func isWeekdayWord(_ word: String) -> Bool { weekdayWords.contains(word) }

    static let weekdayWords: WordSet = [
        "mon", "monday", "tue", "tues", "tuesday", "wed", "weds", "wednesday", "thu", "thur", "thurs", "thursday",
        "fri", "friday", "sat", "saturday", "sun", "sunday", "mondays", "fridays",
    ]

    /// The month names in lowercase, worked out once.
    static let lowercaseMonthNames = LocalDate.monthNames.map { $0.lowercased() }

    /// Every beginning of a month's name of three letters or more ("sep",
    /// "sept", "septe" …), with its month: no two months share one.
    static let monthsByBeginning: WordTable<Int> = {
        var table: [String: Int] = [:]
        for (index, name) in lowercaseMonthNames.enumerated() {
            for length in 3...name.count { table[String(name.prefix(length))] = table[String(name.prefix(length))] ?? index + 1 }
        }
        return WordTable(table)
    }()

    /// The month a word names or begins ("nov", "november", "sept").
    static func month(_ word: String) -> Int? { monthsByBeginning[word] }

    static func dayNumber(_ word: String?) -> Int? {
        guard let word, Numbers.startsWithDigit(word) else { return nil }
        let digits = word.hasSuffix("st") || word.hasSuffix("nd") || word.hasSuffix("rd") || word.hasSuffix("th") ? String(word.dropLast(2)) : word
        guard let n = Int(digits), (1...31).contains(n) else { return nil }
        return n
    }

    static func nearest(month: Int, day: Int, today: LocalDate) -> LocalDate? {
        let candidates = [today.year - 1, today.year, today.year + 1].compactMap { LocalDate(validYear: $0, month: month, day: day) }
        return candidates.min { abs($0.dayNumber - today.dayNumber) < abs($1.dayNumber - today.dayNumber) }
    }

    /// "9.15" or "0915" written as "9:15" or "09:15"; nil for anything else.
    static func otherClockForm(_ body: Substring) -> String? {
        let dotted = body.split(separator: ".", omittingEmptySubsequences: false)
        if dotted.count == 2, (1...2).contains(dotted[0].count), dotted[1].count == 2, dotted.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) {
            return dotted.joined(separator: ":")
        }
        if body.count == 4, body.allSatisfy({ $0.isASCII && $0.isNumber }), let hour = Int(body.prefix(2)), let minute = Int(body.suffix(2)), hour < 24, minute < 60 {
            return body.prefix(2) + ":" + body.suffix(2)
        }
        return nil
    }

    /// `at 9`, `9am`, `9 am`, `9:30`, `9:30pm`, `noon`, `midnight`, `end of day`.
    static func clock(_ tokens: [Token], at start: Int, requirePreposition: Bool) -> (TimeOfDay, Int)? {
        var index = start
        var hadPreposition = false
        // "On hold since 10": "since" sets off a bare hour as "at" does.
        if let first = word(tokens, index), ["at", "around", "about", "by", "@", "since"].contains(first) {
            index += 1
            hadPreposition = true
        }
        guard let text = word(tokens, index) else { return nil }
        switch text {
        case "noon", "midday": return (TimeOfDay(hour: 12), index + 1)
        case "midnight": return (TimeOfDay(hour: 0), index + 1)
        case "eod", "cob": return (TimeOfDay(hour: 17), index + 1)
        case "end", "close":
            if word(tokens, index + 1) == "of" {
                var end = index + 2
                if word(tokens, end) == "the" { end += 1 }
                if let last = word(tokens, end), last == "day" || last == "business" { return (TimeOfDay(hour: 17), end + 1) }
            }
            return nil
        default: break
        }
        // What is left is a number: 9, 9am, 9:30pm.
        guard Numbers.startsWithDigit(text) else { return nil }
        var suffix: String?
        var body = Substring(text)
        for meridiem in ["am", "pm", "a", "p"] where body.hasSuffix(meridiem) && body.dropLast(meridiem.count).allSatisfy({ $0.isNumber || $0 == ":" }) && body.count > meridiem.count {
            suffix = meridiem.hasPrefix("a") ? "am" : "pm"
            body = body.dropLast(meridiem.count)
            break
        }
        // "at 9.15" and "at 0915" (after a preposition only: "9.15" alone
        // may be an amount, "0915" a number) are 9:15.
        if hadPreposition, let written = Self.otherClockForm(body) { body = Substring(written) }
        guard !body.isEmpty, body.allSatisfy({ $0.isNumber || $0 == ":" }) else { return nil }
        let parts = body.split(separator: ":")
        guard (1...2).contains(parts.count), let rawHour = Int(parts[0]), parts[0].count <= 2 else { return nil }
        var minute = 0
        if parts.count == 2 {
            guard parts[1].count == 2, let m = Int(parts[1]), m < 60 else { return nil }
            minute = m
        }
        var end = index + 1
        if suffix == nil, let next = word(tokens, end), next == "am" || next == "pm" {
            suffix = next
            end += 1
        }
        // A bare number is a time only after a preposition: "at 9", never "9 people".
        if suffix == nil && parts.count == 1 && !hadPreposition { return nil }
        // "at 12 Main St" is an address.
        if suffix == nil && parts.count == 1, (end..<(end + 2)).contains(where: { word(tokens, $0).map(streetWords.contains) ?? false }) {
            return nil
        }
        var hour = rawHour
        switch suffix {
        case "am": guard (1...12).contains(hour) else { return nil }; if hour == 12 { hour = 0 }
        case "pm": guard (1...12).contains(hour) else { return nil }; if hour != 12 { hour += 12 }
        default:
            guard hour < 24 else { return nil }
            if (1...6).contains(hour) { hour += 12 }
        }
        return (TimeOfDay(hour: hour, minute: minute), end)
    }
}
