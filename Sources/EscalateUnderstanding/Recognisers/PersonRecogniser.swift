/// Recognises the people the assistant knows of, by full or first name,
/// keeping the name as typed (`Dana`, `Dana Reyes`).
enum PersonRecogniser {
    /// People named in `tokens`: a full name ("Dana Reyes"), or a first name
    /// that only one known person has ("Dana", "danas number").
    static func recognise(_ tokens: [Token], text: String, people byFirstWord: [String: [[String]]], kinds: [WordKinds]? = nil) -> [EntitySpan] {
        recognise(tokens, units: text.utf16Units, people: byFirstWord, kinds: kinds)
    }

    /// The same, for a line given as its UTF-16 code units.
    static func recognise(_ tokens: [Token], units: [UInt16], people byFirstWord: [String: [[String]]], kinds: [WordKinds]? = nil) -> [EntitySpan] {
        guard !byFirstWord.isEmpty else { return [] }
        var spans: [EntitySpan] = []
        var index = 0
        while index < tokens.count {
            if let kinds, !kinds[index].contains(.person) {
                index += 1
                continue
            }
            var matched = 0
            // "danas number": a possessive typed without its apostrophe.
            let word = tokens[index].text
            let bare = word.utf8.last == 115 && word.count > 3 ? String(word.dropLast()) : nil
            for first in [word, bare] {
                guard let first, let names = byFirstWord[first] else { continue }
                for name in names {
                    if index + name.count <= tokens.count, name.indices.allSatisfy({ tokens[index + $0].text == name[$0] }) {
                        matched = max(matched, name.count)
                    } else if name.count > 1, names.count == 1, word.count >= 3 {
                        matched = max(matched, 1)
                    }
                }
            }
            if matched > 0 {
                var typed = String(decoding: units[tokens[index].start..<tokens[index + matched - 1].end], as: UTF16.self)
                if typed.hasSuffix("'s") || typed.hasSuffix("’s") { typed.removeLast(2) }
                if matched == 1, byFirstWord[tokens[index].text] == nil, typed.hasSuffix("s") { typed.removeLast() }
                spans.append(EntitySpan(type: "person", value: .text(typed), start: index, end: index + matched))
                index += matched
            } else {
                index += 1
            }
        }
        return spans
    }
}
