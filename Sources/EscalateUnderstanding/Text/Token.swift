/// A word of an utterance, lowercased, with where it came from.
public struct Token: Hashable, Sendable {
    /// The normalised word (`escalate`, `12`, `#12`).
    public var text: String
    /// Its range in the original utterance, in UTF-16 offsets.
    public var start: Int
    public var end: Int

    public init(text: String, start: Int, end: Int) {
        self.text = text
        self.start = start
        self.end = end
    }
}

/// Splits text into lowercase word tokens, keeping their offsets, and
/// expands the contractions people type ("what's" → "what is").
public enum Tokenizer {
    /// Lowercases a word, ASCII on a fast path; a curly apostrophe becomes "'".
    static func lowercase(_ units: ArraySlice<UInt16>) -> String {
        if units.allSatisfy({ $0 < 128 }) {
            // Written straight into the string: no array in between.
            return String(unsafeUninitializedCapacity: units.count) { buffer in
                for (offset, unit) in units.enumerated() { buffer[offset] = unit >= 65 && unit <= 90 ? UInt8(unit + 32) : UInt8(unit) }
                return units.count
            }
        }
        let apostrophe = units.map { $0 == 0x2019 ? 39 : $0 }
        return String(decoding: apostrophe, as: UTF16.self).lowercased()
    }

    static let contractions = WordTable<[String]>([
        "what's": ["what", "is"], "whats": ["what", "is"], "who's": ["who", "is"], "whos": ["who", "is"],
        "where's": ["where", "is"], "wheres": ["where", "is"], "when's": ["when", "is"], "how's": ["how", "is"],
        "it's": ["it", "is"], "that's": ["that", "is"], "there's": ["there", "is"], "here's": ["here", "is"],
        "can't": ["can", "not"], "cant": ["can", "not"], "won't": ["will", "not"], "wont": ["will", "not"],
        "don't": ["do", "not"], "dont": ["do", "not"], "doesn't": ["does", "not"], "doesnt": ["does", "not"],
        "didn't": ["did", "not"], "didnt": ["did", "not"], "isn't": ["is", "not"], "isnt": ["is", "not"],
        "hasn't": ["has", "not"], "hasnt": ["has", "not"], "haven't": ["have", "not"], "havent": ["have", "not"],
        "wasn't": ["was", "not"], "aren't": ["are", "not"], "shouldn't": ["should", "not"], "couldn't": ["could", "not"],
        "how'd": ["how", "did"], "what'd": ["what", "did"], "where'd": ["where", "did"], "who'd": ["who", "would"],
        "i'm": ["i", "am"], "im": ["i", "am"], "i've": ["i", "have"], "ive": ["i", "have"], "i'll": ["i", "will"],
        "i'd": ["i", "would"], "we're": ["we", "are"], "we've": ["we", "have"], "they're": ["they", "are"],
        "you're": ["you", "are"], "let's": ["let", "us"], "lets": ["let", "us"], "y'all": ["you"],
        "gonna": ["going", "to"], "wanna": ["want", "to"], "gotta": ["got", "to"], "pls": ["please"], "plz": ["please"],
        "thx": ["thanks"], "ty": ["thanks"], "u": ["you"], "ur": ["your"], "r": ["are"], "msg": ["message"], "mgr": ["manager"], "dept": ["department"], "acct": ["account"], "num": ["number"], "no.": ["number"],
        "asap": ["as", "soon", "as", "possible"], "wat": ["what"], "wats": ["what", "is"], "wot": ["what"], "abt": ["about"],
        "b4": ["before"], "bc": ["because"], "cuz": ["because"], "coz": ["because"], "vm": ["voicemail"], "tmrw": ["tomorrow"],
        "tmr": ["tomorrow"], "tmrrw": ["tomorrow"], "wen": ["when"], "hrs": ["hours"], "mgrs": ["managers"], "yday": ["yesterday"], "yest": ["yesterday"], "shd": ["should"], "cld": ["could"], "wd": ["would"], "bcs": ["because"], "rn": ["right", "now"], "atm": ["at", "the", "moment"],
        "ppl": ["people"], "w": ["with"], "thru": ["through"], "tho": ["though"], "ya": ["you"], "e-mail": ["email"], "e-mails": ["emails"], "e-mailed": ["emailed"],
    ])

    /// `text` without the terminal escape sequences in it, for judging what
    /// a word looks like ("Dana\u{1B}[5m" looks like "Dana").
    static func withoutEscapes(_ text: String) -> String {
        guard text.unicodeScalars.contains("\u{1B}") else { return text }
        var result = ""
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\u{1B}" else { result.unicodeScalars.append(scalar); continue }
            guard let kind = scalars.next() else { break }
            if kind == "[" {
                while let next = scalars.next(), !(0x40...0x7E).contains(next.value) {}
            } else if kind == "]" {
                while let next = scalars.next(), next != "\u{07}", next != "\u{1B}" {}
            }
        }
        return result
    }

    /// The tokens of `text`. Letters, digits, `#`, `'` and other non-ASCII
    /// characters but U+FFFD make words, as do `-` inside a word and `.`, `:` or `/`
    /// between digits; everything else separates them. A terminal escape
    /// sequence stays inside the word it was typed in, so that a name with
    /// one in it is kept whole (and shown neutralised).
    public static func tokens(_ text: String) -> [Token] {
        tokens(text.utf16Units)
    }

    /// The tokens of a line given as its UTF-16 code units (`utf16Units`),
    /// for a reader that has them already.
    static func tokens(_ units: [UInt16]) -> [Token] {
        var tokens: [Token] = []
        // About one word in five characters: one allocation for most lines
        // instead of one each time the list doubles.
        tokens.reserveCapacity(units.count / 4 + 2)
        var index = 0
        // U+FFFD stands for bytes that were not UTF-8 (see `InputText`): it
        // separates words and is never one, so that noise scores nothing.
        func isWordUnit(_ u: UInt16) -> Bool {
            (u >= 48 && u <= 57) || (u >= 65 && u <= 90) || (u >= 97 && u <= 122) || u == 35 || u == 39 || u == 0x2019
                || u > 127 && u != 0x2013 && u != 0x2014 && u != 0xFFFD
        }
        /// The end of the escape sequence that starts at `start` (an ESC).
        func escapeEnd(_ start: Int) -> Int {
            var end = start + 1
            guard end < units.count else { return end }
            switch units[end] {
            case 91:  // CSI: ESC [ parameters, intermediates, a final byte
                end += 1
                while end < units.count, units[end] >= 0x20, units[end] <= 0x3F { end += 1 }
                if end < units.count, units[end] >= 0x40, units[end] <= 0x7E { end += 1 }
            case 93:  // OSC: ESC ] … ended by BEL or ESC \
                end += 1
                while end < units.count, units[end] != 7, units[end] != 27 { end += 1 }
                if end < units.count { end += units[end] == 7 ? 1 : min(2, units.count - end) }
            default:
                end += 1
            }
            return end
        }
        while index < units.count {
            // An escape sequence between words is no word at all.
            if units[index] == 27 {
                index = escapeEnd(index)
                continue
            }
            guard isWordUnit(units[index]) else { index += 1; continue }
            let start = index
            while index < units.count {
                let u = units[index]
                if isWordUnit(u) { index += 1; continue }
                if u == 27 {
                    index = escapeEnd(index)
                    continue
                }
                // Keep "-" inside a word (e-mail, de-escalate, N-12), and ".",
                // ":" and "/" between digits (877.877.8748, 9:30, 11/24).
                if index > start, index + 1 < units.count, isWordUnit(units[index + 1]) {
                    let digitBefore = units[index - 1] >= 48 && units[index - 1] <= 57
                    let digitAfter = units[index + 1] >= 48 && units[index + 1] <= 57
                    if u == 45 || ((u == 46 || u == 58 || u == 47) && digitBefore && digitAfter) {
                        index += 1
                        continue
                    }
                }
                break
            }
            var word = lowercase(units[start..<index])
            // Apostrophes are rare: the checks for them are skipped without one.
            let apostrophe = units[start..<index].contains { $0 == 39 || $0 == 0x2019 }
            if apostrophe {
                while word.hasSuffix("'") { word.removeLast() }
                while word.hasPrefix("'") { word.removeFirst() }
            }
            guard !word.isEmpty else { continue }
            if let expansion = contractions[word] {
                for part in expansion { tokens.append(Token(text: part, start: start, end: index)) }
            } else if !apostrophe {
                tokens.append(Token(text: word, start: start, end: index))
            } else if word.hasSuffix("'s") {
                tokens.append(Token(text: String(word.dropLast(2)), start: start, end: index))
            } else if word.hasSuffix("n't") {
                tokens.append(Token(text: String(word.dropLast(3)), start: start, end: index))
                tokens.append(Token(text: "not", start: start, end: index))
            } else {
                tokens.append(Token(text: word, start: start, end: index))
            }
        }
        return tokens
    }
}

extension Array where Element == UInt16 {
    /// The text between two tokens in a row: empty for the words one was
    /// split into ("I'm" → "i", "am"), which share their text.
    func between(_ first: Token, _ second: Token) -> ArraySlice<UInt16> {
        first.end <= second.start ? self[first.end..<second.start] : []
    }
}
