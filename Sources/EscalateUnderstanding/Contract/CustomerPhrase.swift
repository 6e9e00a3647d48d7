/// "Open a CMS billing ticket for Bank of America: duplicate charges": the
/// customer's name as typed, whole (several words, "&", digits, a leading
/// "The", one letter), and the summary after it, verbatim. The name runs
/// from the word after "for" to the first thing that ends it: a colon, a
/// comma, a dash, "about", "because", a time or a ticket number. With none
/// of those and more than four words, where the name ends is unclear.
enum CustomerPhrase {
    struct Found {
        var customer: String
        var summary: String?
        var isClear: Bool
        /// "… for Acme at 9am: …": the time said straight after the name is
        /// when the ticket was opened.
        var openingTime = false
        /// A time inside the summary ("tech arrives at 3pm") is the summary's.
        var timeInSummary = false
    }

    /// Words that end a name and start what is said about it.
    static let endingWords: Set<String> = [
        "about", "regarding", "re", "because", "since", "concerning", "who", "which", "whose", "saying", "after", "where", "that's", "whose",
    ]
    /// Abbreviations a full stop does not end a name after.
    static let abbreviations: Set<String> = ["inc", "co", "corp", "ltd", "llc", "bros", "st", "mt", "ft", "mr", "mrs", "ms", "dr", "jr", "sr", "no", "plc", "assn"]
    /// Entity types that start after a name, never inside one.
    static let endingTypes: Set<String> = ["ticket", "time", "phone", "email", "duration", "level", "closure_code", "condition"]

    static func find(tokens: [Token], spans: [EntitySpan], text: String) -> Found? {
        guard let forIndex = tokens.firstIndex(where: { $0.text == "for" }), forIndex + 1 < tokens.count else { return nil }
        let units = text.utf16Units
        var start = tokens[forIndex].end
        while start < units.count, units[start] == 32 { start += 1 }
        // The first token of the name and the tokens after it.
        let first = forIndex + 1
        // "for #2" or "for 9am" names no customer; "for 3M" does.
        // "for Level 3 Communications" does: a level followed by a capitalised word is a name.
        if let span = spans.first(where: { $0.start == first && ["ticket", "phone", "email", "level"].contains($0.type) }) {
            let capitalisedAfter = span.type == "level" && span.end < tokens.count && units[tokens[span.end].start] >= 65 && units[tokens[span.end].start] <= 90
            if !capitalisedAfter { return nil }
        }
        var end = units.count
        var clear = false
        var summaryStart: Int?
        var index = first
        while index < tokens.count {
            let token = tokens[index]
            // Punctuation between this token and the next.
            if index > first || index == first {
                if index > first, endingWords.contains(token.text) || spans.contains(where: { $0.start == index && endingTypes.contains($0.type) }) {
                    end = tokens[index - 1].end
                    // "about the Dallas store" is about the Dallas store.
                    let introduces = ["about", "regarding", "re", "concerning"].contains(token.text) && index + 1 < tokens.count
                    summaryStart = introduces ? tokens[index + 1].start : token.start
                    clear = true
                    break
                }
                // "with a fibre cut": what the customer has, not its name.
                if index > first, token.text == "with", index + 1 < tokens.count, ["a", "an", "the", "their", "our", "its", "no"].contains(tokens[index + 1].text) {
                    end = tokens[index - 1].end
                    summaryStart = token.start
                    clear = true
                    break
                }
            }
            let gapEnd = index + 1 < tokens.count ? tokens[index + 1].start : units.count
            let gap = units[token.end..<max(token.end, gapEnd)]
            if let separator = separatorOffset(gap, after: token, units: units) {
                end = token.end + separator
                clear = true
                summaryStart = index + 1 < tokens.count ? tokens[index + 1].start : nil
                // The name's own closing quote stays with it.
                if let quote = gap.first, [34, 39, 8217, 8221].contains(quote) { end = token.end + 1 }
                break
            }
            index += 1
        }
        var customer = String(decoding: units[start..<min(end, units.count)], as: UTF16.self).trimmingCharacters(in: .whitespaces)
        // A name in quotes is the name without them.
        if customer.count >= 2, let open = customer.first, let close = customer.last, "\"“'‘".contains(open), "\"”'’".contains(close) {
            customer = String(customer.dropFirst().dropLast())
        }
        guard customer.contains(where: { $0.isLetter || $0.isNumber }) else { return nil }
        // Trailing words of politeness are not the name ("for Acme please").
        for tail in [" please", " thanks", " pls", " asap", " now"] where customer.lowercased().hasSuffix(tail) { customer = String(customer.dropLast(tail.count)) }
        let words = customer.split(separator: " ").count
        var summary: String?
        // "for Pied Piper, National Wholesale": what follows only says the
        // segment, organisation or topic, which are slots of their own.
        if let from = summaryStart {
            let after = tokens.indices.filter { tokens[$0].start >= from }
            let restated = after.allSatisfy { index in
                ["a", "an", "the", "customer", "client", "account", "one"].contains(tokens[index].text)
                    || spans.contains { ["segment", "org", "category"].contains($0.type) && $0.start <= index && index < $0.end }
            }
            if restated { summaryStart = nil }
        }
        var openingTime = false
        if let from = summaryStart, let time = spans.first(where: { $0.type == "time" && tokens[$0.start].start == from }) {
            openingTime = true
            // The summary is what follows the time and its separator.
            var next = time.end < tokens.count ? tokens[time.end].start : units.count
            let separatorEnd = time.end < tokens.count ? tokens[time.end].start : units.count
            if time.end > 0 {
                let gap = units[tokens[time.end - 1].end..<separatorEnd]
                if gap.contains(58) || gap.contains(44) { clear = true }
            }
            if time.end < tokens.count, ["about", "regarding", "re"].contains(tokens[time.end].text), time.end + 1 < tokens.count {
                next = tokens[time.end + 1].start
            }
            summaryStart = next < units.count ? next : nil
        }
        let timeInSummary = !openingTime && summaryStart.map { from in spans.contains { $0.type == "time" && tokens[$0.start].start >= from } } == true
        if let summaryStart {
            summary = String(decoding: units[summaryStart...], as: UTF16.self).trimmingCharacters(in: .whitespaces)
            if summary?.isEmpty == true { summary = nil }
        }
        return Found(customer: customer, summary: summary, isClear: clear || words <= 4, openingTime: openingTime, timeInSummary: timeInSummary)
    }

    /// Where, in the gap after `token`, a separator ends the name: a colon,
    /// a comma, a semicolon, an opening bracket, a dash set off by spaces,
    /// or a full stop and a space that do not follow an abbreviation.
    static func separatorOffset(_ gap: ArraySlice<UInt16>, after token: Token, units: [UInt16]) -> Int? {
        let chars = Array(gap)
        for (offset, unit) in chars.enumerated() {
            switch unit {
            case 58, 44, 59, 40: return offset  // : , ; (
            case 45, 8211, 8212:  // - – —
                let spacedBefore = offset > 0 && chars[offset - 1] == 32
                let spacedAfter = offset + 1 < chars.count && chars[offset + 1] == 32
                if spacedBefore && spacedAfter { return offset }
            case 46, 33, 63:  // . ! ?
                let followedBySpace = offset + 1 < chars.count && chars[offset + 1] == 32
                // "U.S. Bank", "J.P. Morgan": a stop after an initial is not the end.
                let typed = String(decoding: units[token.start..<token.end], as: UTF16.self)
                let initial = unit == 46 && typed.split(separator: ".").allSatisfy { $0.count == 1 }
                if followedBySpace && !initial && !abbreviations.contains(token.text.lowercased()) { return offset }
            default: continue
            }
        }
        return nil
    }
}

import Foundation
