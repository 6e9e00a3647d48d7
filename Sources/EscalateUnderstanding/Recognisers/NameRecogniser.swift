/// Recognises names the assistant has never heard of: a run of one to three
/// capitalised words that are not words the intent files use ("Marcus Lee",
/// "Initech", "Stark Industries"). Short all-capital words are read as
/// acronyms (LOA, FOC), not names.
enum NameRecogniser {
    /// `taken` says, for each token, whether another entity already holds it.
    /// `units` are the line's UTF-16 code units (`text.utf16Units`).
    static func recognise(_ tokens: [Token], text: String, units: [UInt16], known: Set<String>, taken: [Bool]) -> [EntitySpan] {
        // A name starts with a capital or a non-ASCII letter: without one, none.
        guard text.utf8.contains(where: { ($0 >= 65 && $0 <= 90) || $0 >= 128 }) else { return [] }
        func isName(_ index: Int, continuing: Bool = false) -> Bool {
            let token = tokens[index]
            // Cheap first: a name starts with a capital (or a non-ASCII letter).
            guard token.start < units.count, units[token.start] >= 65, units[token.start] <= 90 || units[token.start] > 127 else { return false }
            guard !taken[index] else { return false }
            let typed = units[token.start..<token.end]
            if typed.allSatisfy({ $0 < 128 && $0 != 27 }) {
                // Plain ASCII, as nearly every word is: judged on its bytes.
                func isLetter(_ u: UInt16) -> Bool { (u >= 65 && u <= 90) || (u >= 97 && u <= 122) }
                let letters = typed.filter(isLetter)
                guard letters.count >= 2, typed.allSatisfy({ isLetter($0) || $0 == 39 || $0 == 45 || $0 == 46 }) else { return false }
                if letters.count <= 4 && letters.allSatisfy({ $0 <= 90 }) { return false }
            } else {
                let original = Tokenizer.withoutEscapes(String(decoding: typed, as: UTF16.self))
                guard let first = original.unicodeScalars.first, first.properties.isUppercase else { return false }
                let letters = original.filter(\.isLetter)
                guard letters.count >= 2, original.allSatisfy({ $0.isLetter || $0 == "'" || $0 == "’" || $0 == "-" || $0 == "." }) else { return false }
                if letters.count <= 4 && letters.allSatisfy(\.isUppercase) { return false }
            }
            let word = Tokenizer.withoutEscapes(token.text)
            if Self.commonWords.contains(word) { return false }
            // After a name, a capitalised known word still belongs to it ("Wayne Enterprises").
            if continuing { return !Self.neverInNames.contains(word) && !Self.neverInNames.contains(Stemmer.stem(word)) }
            return !known.contains(word) && !known.contains(Stemmer.stem(word))
        }
        var spans: [EntitySpan] = []
        var index = 0
        while index < tokens.count {
            guard isName(index) else { index += 1; continue }
            // A capital that starts the line is sentence case ("Typical
            // timeline for …"), unless another capital or a verb follows
            // ("Dana Reyes", "Dana acknowledged #1", "Globex is wholesale").
            if index == 0, tokens.count > 1, !isName(1, continuing: true), !Self.followsAName(tokens[1].text) { index += 1; continue }
            var end = index + 1
            // Words of one name are separated by spaces only (an escape
            // sequence typed between them does not split the name).
            func spaced(_ gap: ArraySlice<UInt16>) -> Bool {
                gap.allSatisfy { $0 == 32 } || Tokenizer.withoutEscapes(String(decoding: gap, as: UTF16.self)).allSatisfy { $0 == " " }
            }
            while end < tokens.count, end - index < 3, isName(end, continuing: true), spaced(units[tokens[end - 1].end..<max(tokens[end - 1].end, tokens[end].start)]) { end += 1 }
            var typed = String(decoding: units[tokens[index].start..<tokens[end - 1].end], as: UTF16.self)
            if typed.hasSuffix("'s") || typed.hasSuffix("’s") { typed.removeLast(2) }
            spans.append(EntitySpan(type: "person", value: .text(typed), start: index, end: end))
            index = end
        }
        return spans
    }

    /// Words that show the capitalised word before them is someone's name.
    static func followsAName(_ word: String) -> Bool {
        word.hasSuffix("ed") || word.hasSuffix("'s") || word == "s" || word == "," || [
            "said", "says", "rang", "sent", "spoke", "wrote", "is", "was", "has", "had", "will", "came", "got", "gave", "told", "called",
            "replied", "responded", "acknowledged", "emailed", "phoned", "left", "confirmed", "asked", "wants", "needs", "at", "on", "from",
            "and", "&", "of", "for", "to", "about", "in", "just", "finally", "still", "never", "hasn't", "didn't", "isn't", "can", "cannot",
        ].contains(word)
    }

    /// Words that end a name even when capitalised.
    static let neverInNames: Set<String> = [
        "ccm", "order", "ticket", "case", "billing", "repair",
    ]

    /// Capitalised words that start sentences but are never names.
    static let commonWords: Set<String> = [
        "i", "we", "they", "he", "she", "you", "it", "the", "a", "an", "my", "our", "their", "his", "her", "hi", "hey",
        "hello", "thanks", "ok", "okay", "yes", "no", "please", "also", "just", "so", "but", "and", "or", "fyi", "btw",
        "can", "could", "would", "should", "will", "is", "are", "was", "what", "who", "when", "where", "why", "how",
        "which", "do", "does", "did", "has", "have", "had", "let", "lets", "let's", "today", "tomorrow", "yesterday",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "am", "pm", "ceo", "cto",
        "great", "cool", "sure", "sorry", "oops", "actually", "anyway", "wait", "hmm", "there", "this", "that", "these",
        "those", "any", "some", "all", "nothing", "everything", "mr", "ms", "mrs", "dr", "not", "nah", "yeah", "yep",
    ]
}
