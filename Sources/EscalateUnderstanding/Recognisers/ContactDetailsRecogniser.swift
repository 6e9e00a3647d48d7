import Foundation

/// Recognises phone numbers (`555-0142`, `877-453-8353`, `(404) 555-0160`,
/// `877.877.8748`) and e-mail addresses.
enum ContactDetailsRecogniser {
    static func recognise(_ tokens: [Token], text: String) -> [EntitySpan] {
        recognise(tokens, text: text, units: text.utf16Units)
    }

    /// `units` are the line's UTF-16 code units (`text.utf16Units`).
    static func recognise(_ tokens: [Token], text: String, units: [UInt16]) -> [EntitySpan] {
        let numbers = phones(tokens, units: units)
        let addresses = emails(tokens, text: text, units: units)
        // Most lines have neither: nothing is joined.
        return addresses.isEmpty ? numbers : numbers + addresses
    }

    static func phones(_ tokens: [Token], units: [UInt16]) -> [EntitySpan] {
        var spans: [EntitySpan] = []
        // Most lines have no number at all.
        guard tokens.contains(where: { Numbers.startsWithDigit($0.text) }) else { return spans }
        for (index, token) in tokens.enumerated() {
            // Most words start with a letter: no phone number there.
            guard let first = token.text.utf8.first, first >= 48, first <= 57 else { continue }
            let groups = token.text.split(whereSeparator: { $0 == "-" || $0 == "." }).map(String.init)
            guard groups.allSatisfy({ $0.allSatisfy(\.isNumber) }) else { continue }
            let shape = groups.map(\.count)
            var start = index
            switch shape {
            case [3, 4]:
                if index > 0, tokens[index - 1].text.count == 3, tokens[index - 1].text.allSatisfy(\.isNumber) { start = index - 1 }
            case [3, 3, 4], [1, 3, 3, 4], [10]:
                break
            default:
                continue
            }
            let value = String(decoding: units[tokens[start].start..<token.end], as: UTF16.self)
            let cleaned = value.replacingOccurrences(of: "(", with: "").replacingOccurrences(of: ")", with: "").replacingOccurrences(of: " ", with: "-")
            spans.append(EntitySpan(type: "phone", value: .text(cleaned), start: start, end: index + 1))
        }
        return spans
    }

    static func emails(_ tokens: [Token], text: String, units: [UInt16]) -> [EntitySpan] {
        var spans: [EntitySpan] = []
        guard text.utf8.contains(64) else { return spans }
        func isAddressUnit(_ u: UInt16) -> Bool {
            (u >= 48 && u <= 57) || (u >= 65 && u <= 90) || (u >= 97 && u <= 122) || u == 46 || u == 95 || u == 45 || u == 43 || u == 37
        }
        for (at, unit) in units.enumerated() where unit == 64 {  // "@"
            var lower = at
            while lower > 0, isAddressUnit(units[lower - 1]) { lower -= 1 }
            var upper = at + 1
            while upper < units.count, isAddressUnit(units[upper]) { upper += 1 }
            while upper > at + 1, units[upper - 1] == 46 { upper -= 1 }  // a sentence's full stop
            let domain = String(decoding: units[(at + 1)..<upper], as: UTF16.self)
            guard lower < at, domain.contains("."), !domain.hasPrefix(".") else { continue }
            // The tokens the address covers: from the first that ends inside
            // it (tokens end in order), while they start inside it.
            var first = 0
            var beyond = tokens.count
            while first < beyond {
                let middle = (first + beyond) / 2
                if tokens[middle].end > lower { beyond = middle } else { first = middle + 1 }
            }
            var last = first - 1
            while last + 1 < tokens.count, tokens[last + 1].start < upper { last += 1 }
            WorkMeter.add(upper - lower + last - first + 2)
            guard first <= last else { continue }
            let address = String(decoding: units[lower..<upper], as: UTF16.self)
            spans.append(EntitySpan(type: "email", value: .text(address), start: first, end: last + 1))
        }
        return spans
    }
}
