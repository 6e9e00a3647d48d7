/// Reads a line's cues (see `Cues`) from its tokens, its punctuation and
/// its entities, for the intent the matcher chose.
enum CueReader {
    static func read(tokens: [Token], text: String, entities: [EntitySpan], intent: IntentName?, customers: [[String]],
                     customerNames: [[String]: String] = [:]) -> Cues {
        read(tokens: tokens, words: tokens.map(\.text), text: text, units: text.utf16Units, entities: entities, intent: intent, customers: customers,
             customerNames: customerNames)
    }

    /// The same, with the tokens' words (`tokens.map(\.text)`) and the
    /// line's UTF-16 code units (`text.utf16Units`) given.
    static func read(tokens: [Token], words: [String], text: String, units: [UInt16], entities: [EntitySpan], intent: IntentName?,
                     customers: [[String]], customerNames: [[String]: String] = [:]) -> Cues {
        var cues = Cues()
        cues.wordCount = words.count
        cues.endsWithQuestionMark = text.utf8.last(where: { $0 != 32 && $0 != 9 }) == UInt8(ascii: "?")
        cues.questionWord = words.first.flatMap { questionWords.contains($0) ? $0 : nil }
        cues.asksPermission = asksPermission(words)
        cues.hasWhQuestion = hasWhQuestion(tokens: tokens, units: units)
        cues.asksWhatHappens = words.count >= 2 && words[0] == "what" && words[1] == "happens"
        cues.hypothetical = words.contains { hypotheticalWords.contains($0) }
            || (words.contains("say") && !words.contains("says") && words.firstIndex(of: "say").map { $0 > 0 } == true && intent == .whoNext)
        if let intent { cues.negated = isNegated(tokens: tokens, units: units, intent: intent, entities: entities) }
        cues.shortAnswer = shortAnswer(words)
        // "no wait, #2" or "yes at 9:30" carry more than a yes or a no.
        if let answer = cues.shortAnswer, answer == .yes || answer == .no,
           entities.contains(where: { [SlotName.ticket, .time, .level].contains($0.kind) }) { cues.shortAnswer = nil }
        cues.listedTickets = listedTickets(entities: entities, words: words)
        cues.customer = customerNamed(words: words, customers: customers, names: customerNames)
        cues.bareTopic = !entities.isEmpty && entities.allSatisfy { [SlotName.org, .category, .segment].contains($0.kind) }
            && words.count <= entities.reduce(0) { $0 + $1.length } + 1
        // Most lines name no attendees: their words say so before any searching.
        cues.attendees = words.contains("with") || words.contains("attendees") ? attendees(in: text) : []
        cues.phrases = phrases(words, intent: intent)
        cues.phrases.formUnion(timeCues(words, entities: entities))
        return cues
    }

    // MARK: How the line is put

    /// Words, each looked up once per line (or per word): a set costs one
    /// hash where a list costs a comparison per entry.
    static let questionWords: WordSet = ["who", "what", "when", "where", "which", "why", "how", "whom"]
    static let hypotheticalWords: WordSet = ["if", "suppose", "supposing", "hypothetically"]
    static let howAsks: WordSet = ["do", "can", "should", "would", "often", "does"]
    static let whenAsks: WordSet = ["will", "should", "would", "do", "does", "can", "might"]
    static let yesNoOpeners: WordSet = ["would", "could", "should", "is", "are", "will", "may", "might", "shall", "am", "does", "did", "have", "has"]

    /// Whether a line asks for permission or advice ("can I…", "should we…",
    /// "am I allowed to…") rather than giving an instruction ("can you…").
    static func asksPermission(_ words: [String]) -> Bool {
        // "How do I de-escalate?", "how often …?" ask how, not to do it;
        // "when will they acknowledge?" asks when.
        if words.first == "how", words.count > 2, howAsks.contains(words[1]) { return true }
        if words.first == "when", words.count > 2, whenAsks.contains(words[1]) { return true }
        // "Would updates every 2 hours be reasonable?", "is it OK to close #1?":
        // a yes/no question about a change, unless it asks *you* to make it
        // ("can you close #1?").
        // "Did I call the customer at 9:40?" asks what the record says; it reports nothing.
        if let first = words.first, yesNoOpeners.contains(first),
           words.count > 1, !["you", "u"].contains(words[1]) { return true }
        for index in words.indices.prefix(8) where permissionAskers.contains(words[index]) {
            guard index + 1 < words.count else { break }
            let subject = words[index + 1]
            if subject == "i" || subject == "we" { return true }
            if subject == "you" || subject == "u" { return false }
        }
        return false
    }

    /// Words that ask, before "I" or "we": "can I…", "should we…".
    static let permissionAskers: WordSet = ["can", "may", "could", "should", "shall", "am", "do", "must", "is", "are", "would"]

    /// `.`, `!`, `?` and `;`.
    static func endsSentence(_ unit: UInt16) -> Bool { unit == 46 || unit == 33 || unit == 63 || unit == 59 }

    /// Whether a sentence of the line asks who, what, where or which.
    static func hasWhQuestion(tokens: [Token], units: [UInt16]) -> Bool {
        for index in tokens.indices {
            let startsSentence = index == 0
                || units[tokens[index - 1].end..<max(tokens[index - 1].end, tokens[index].start)].contains(where: endsSentence)
            guard startsSentence, index + 1 < tokens.count, ["who", "what", "where", "which", "whom"].contains(tokens[index].text) else { continue }
            let next = index + 1
            // The next word must be in the same sentence.
            if units[tokens[index].end..<max(tokens[index].end, tokens[next].start)].contains(where: endsSentence) { continue }
            if ["do", "does", "should", "can", "is", "are", "to", "would", "will", "shall"].contains(tokens[next].text) { return true }
        }
        return false
    }

    /// Words that, in the same clause as a negation, say the request itself
    /// is negated ("don't *close* it", "hasn't *called* back"); the negation
    /// of a reason beside it ("no reply, escalate #1") is not.
    static let negatedActionWords: [IntentName: [String]] = [
        .escalate: ["escal", "esc"], .close: ["clos"], .pause: ["pause", "hold"], .resume: ["resum", "unpause"],
        .reopen: ["reopen"], .undo: ["undo"], .deescalate: ["de-escal", "deescal"],
        .acknowledge: ["call", "rang", "repl", "respond", "answer", "acknowledg", "back", "email", "e-mail", "wrote", "heard", "got"],
        .logContact: ["call", "rang", "phon", "email", "e-mail", "contact", "reach", "spoke", "talk", "messag", "left"],
    ]

    static func isNegated(tokens: [Token], units: [UInt16], intent: IntentName, entities: [EntitySpan]) -> Bool {
        guard let actionWords = negatedActionWords[intent] else { return false }
        // Negations inside a recognised reason ("didn't follow up") are part of it.
        let inEntity = { (index: Int) in entities.contains { $0.start <= index && index < $0.end } }
        var clauseStart = 0
        for index in tokens.indices {
            let endsClause = index + 1 == tokens.count
                || units[tokens[index].end..<max(tokens[index].end, tokens[index + 1].start)].contains { [44, 58, 59, 46, 33, 63].contains($0) }
            guard endsClause else { continue }
            let clause = clauseStart...index
            let negated = clause.contains { (tokens[$0].text == "not" || tokens[$0].text == "never") && !inEntity($0) }
            if negated, clause.contains(where: { i in actionWords.contains { tokens[i].text.hasPrefix($0) } }) { return true }
            clauseStart = index + 1
        }
        return false
    }

    // MARK: Answers and references

    static let yesWords: WordSet = ["y", "yes", "yep", "yeah", "yup", "sure", "confirm", "correct", "affirmative", "yea", "aye"]
    static let noWords: WordSet = ["n", "no", "nope", "nah", "wrong", "negative"]
    static let cancelPhrases: WordSet = ["cancel", "never mind", "nevermind", "nvm", "forget it", "stop", "abort", "skip it", "forget about it", "scrap that"]
    static let okayPhrases: WordSet = ["ok", "okay", "k", "got it", "cool", "great", "right", "fine", "alright", "noted", "understood", "ok thanks", "okay thanks", "ok thank you", "okay thank you"]

    static let shortAnswerFiller: WordSet = ["the", "one", "number", "option", "ticket", "please", "it", "is", "that"]
    static let ordinals = ["first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9]

    static let redoPhrases: Set<String> = ["redo", "redo that", "redo it"]
    static let goAheadPhrases: Set<String> = ["do it", "go ahead", "yes please", "go for it", "please do"]
    static let notNowPhrases: Set<String> = ["do not", "no thanks", "not yet", "do not do it", "no thank you"]
    /// The first word of every short answer but a number: any other first
    /// word is a request.
    static let shortAnswerStarts: WordSet = {
        var phrases: [String] = Array(cancelPhrases) + Array(okayPhrases) + Array(yesWords) + Array(noWords)
        phrases += Array(redoPhrases) + Array(goAheadPhrases) + Array(notNowPhrases) + ["ok", "okay", "n", "no", "nope", "nah"]
        return WordSet(phrases.compactMap { $0.split(separator: " ").first.map(String.init) })
    }()

    /// A line that is nothing but a short answer.
    static func shortAnswer(_ words: [String]) -> ShortAnswer? {
        // Every answer but a number among filler words is at most six words:
        // a longer line is a request, and joining its words costs.
        guard words.count <= 6, let first = words.first, shortAnswerStarts.contains(first) else { return numberAnswer(words) }
        let phrase = words.joined(separator: " ")
        if cancelPhrases.contains(phrase) { return .cancel }
        if redoPhrases.contains(phrase) { return .redo }
        if okayPhrases.contains(phrase) { return .okay }
        if let number = numberAnswer(words) { return number }
        if goAheadPhrases.contains(phrase) { return .yes }
        if notNowPhrases.contains(phrase) { return .no }
        // "yes", and also "yep, go ahead": a yes word first and no "no" or "not" after it.
        if yesWords.contains(first) || (["ok", "okay"].contains(first) && words.count > 1) {
            let rest = words.dropFirst()
            if rest.count <= 5, !rest.contains(where: { ["no", "not", "wait", "but"].contains($0) }) { return .yes }
        }
        if noWords.contains(phrase) || (["n", "no", "nope", "nah"].contains(first) && words.count <= 5) { return .no }
        return nil
    }

    /// "2", "#2", "the second one", "option 3".
    static func numberAnswer(_ words: [String]) -> ShortAnswer? {
        var core: String?
        for word in words where !shortAnswerFiller.contains(word) {
            guard core == nil else { return nil }
            core = word
        }
        guard let core else { return nil }
        let word = core.hasPrefix("#") ? String(core.dropFirst()) : core
        if !word.isEmpty, word.allSatisfy(\.isNumber), let n = Int(word) { return .number(n) }
        return ordinals[word].map { .number($0) }
    }

    /// Ticket numbers listed together ("#1 and #2", "#3, #4 & #5"), in order.
    static func listedTickets(entities: [EntitySpan], words: [String]) -> [Int] {
        let tickets = entities.filter { $0.kind == .ticket }
        var run: [Int] = []
        for span in tickets {
            guard case .ticket(.number(let id)) = span.value else { continue }
            if let last = tickets.last(where: { $0.end <= span.start }), case .ticket(.number(let previous)) = last.value, run.last == previous {
                // Only "and", "&" or nothing (a comma) between them.
                let between = words[last.end..<span.start]
                guard between.allSatisfy({ ["and", "&", "plus"].contains($0) }), between.count <= 1 else { break }
                run.append(id)
            } else if run.isEmpty {
                run = [id]
            }
        }
        return run
    }

    /// The known customer whose name the line contains as whole words, the
    /// longest first (the first listed among equals). One pass, no sorting:
    /// this runs on every line, against every customer of the store.
    static func customerNamed(words: [String], customers: [[String]], names: [[String]: String] = [:]) -> String? {
        // A line's words as a set only when there are many names to try:
        // for a few, looking through the words costs less than hashing them.
        let present = customers.count > 8 ? WordSet(words) : nil
        var best: [String]?
        for name in customers where !name.isEmpty && name.count <= words.count && (present?.contains(name[0]) ?? words.contains(name[0])) {
            guard (0...(words.count - name.count)).contains(where: { words[$0..<$0 + name.count].elementsEqual(name) }) else { continue }
            if best.map({ name.joined(separator: " ").count > $0.joined(separator: " ").count }) ?? true { best = name }
        }
        // The name as it was given ("AT&T"), not its words ("at t").
        return best.map { names[$0] ?? $0.joined(separator: " ") }
    }

    /// The people a plan names after "with" or "attendees:" ("with the
    /// Initech IT director and the Escalation Engineer"), as typed.
    static func attendees(in text: String) -> [String] {
        let lower = text.lowercased()
        guard let range = lower.range(of: "attendees:") ?? lower.range(of: " with ") else { return [] }
        let offset = lower.distance(from: lower.startIndex, to: range.upperBound)
        let rest = String(text.dropFirst(offset))
        return rest.replacingOccurrences(of: " and ", with: ",")
            .split(separator: ",")
            .map { String($0).trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters)) }
            .map { $0.lowercased().hasPrefix("the ") ? String($0.dropFirst(4)) : $0 }
            .filter { !$0.isEmpty && !$0.lowercased().hasPrefix("update") }
    }

    // MARK: Phrases

    /// The cues said in so many words, and their phrases.
    static let phraseCues: [(cue: Cue, phrases: [String])] = [
        (.assigned, ["assigned"]),
        (.spoke, ["spoke", "spoken", "talked", "speak", "got through", "met"]),
        (.voicemail, ["voicemail", "voice mail", "left a message", "left them a message", "left him a message", "left her a message",
            "left a vm"]),
        (.noAnswer, ["no answer", "did not answer", "not answer", "no one answered", "nobody answered", "could not reach", "can not reach",
            "no response", "no reply", "not reach"]),
        (.updateWord, ["update", "updated", "updates"]),
        (.asksEmail, ["email", "mail", "address", "e-mail"]),
        (.asksPhone, ["number", "phone", "call"]),
        (.contactsList, ["contacts"]),
        (.doesNotKnow, ["do not know", "not know", "not sure who"]),
        (.replied, ["replied", "responded", "answered", "acknowledged", "got back", "called back", "rang back", "wrote back", "came back",
            "heard back"]),
        (.until, ["until", "till", "til"]),
        (.aroundTheClock, ["around the clock", "24/7", "24x7", "clock hours", "wall clock", "round the clock", "hours a day"]),
        (.openWord, ["open", "opened"]),
        (.pronoun, ["it", "they", "them", "their", "there", "he", "she", "him", "her", "his", "that desk", "that team", "that one"]),
        (.withCustomer, ["customer called", "customer rang", "customer emailed", "customer phoned", "customer replied", "customer wrote",
            "customer sent", "called the customer", "rang the customer", "emailed the customer", "phoned the customer",
            "the client called", "called the client", "emailed the client", "customer messaged", "messaged the customer",
            "sent the customer", "update to the customer", "updated the customer", "customer contacted", "contacted the customer",
            "left the customer", "the customer a", "customer got back", "client got back", "client emailed", "client rang",
            "client phoned", "client wrote", "customer update", "client update", "update to the client", "called the client",
            "left the client", "spoke with the customer", "spoke to the customer", "talked to the customer", "talked with the customer",
            "met the customer", "met with the customer", "spoke with the client", "spoke to the client", "talked to the client",
            "talked with the client", "reached the customer", "reached the client"]),
        (.fromCustomer, ["customer called", "customer rang", "customer emailed", "customer phoned", "customer replied", "customer wrote",
            "customer messaged", "customer contacted", "customer got back", "client called", "client emailed", "client rang",
            "client phoned", "client wrote", "client got back"]),
        (.inbound, ["called me", "rang me", "phoned me", "emailed me", "mailed me", "messaged me", "contacted me", "reached me",
            "texted me", "pinged me", "called us", "rang us", "phoned us", "emailed us", "mailed us", "messaged us", "contacted us",
            "reached us", "texted us", "pinged us"]),
        (.registering, ["sign up"]),
    ]

    /// `phraseCues` by each phrase's first word, with the phrase's words.
    static let phraseIndex: WordTable<[(cue: Cue, parts: [String])]> = {
        var index: [String: [(cue: Cue, parts: [String])]] = [:]
        for (cue, phrases) in phraseCues {
            for phrase in phrases {
                let parts = phrase.split(separator: " ").map(String.init)
                index[parts[0], default: []].append((cue, parts))
            }
        }
        return WordTable(index)
    }()

    static func phrases(_ words: [String], intent: IntentName?) -> Set<Cue> {
        var found: Set<Cue> = []
        // Every cue whose phrase is in the line, found from the line's words
        // (a lookup per word) rather than by trying every phrase.
        for (index, word) in words.enumerated() {
            guard let candidates = phraseIndex[word] else { continue }
            for (cue, parts) in candidates where index + parts.count <= words.count && !found.contains(cue) {
                if parts.count == 1 || zip(parts.dropFirst(), words[(index + 1)...]).allSatisfy({ $0 == $1 }) { found.insert(cue) }
            }
        }
        // From the customer is said only of a contact with the customer.
        if !found.contains(.withCustomer) { found.remove(.fromCustomer) }
        // One pass over the words' bytes for the cues said inside words.
        var mail = false, registering = false, escalation = false, checklist = false, businessHours = false
        for word in words {
            let bytes = word.utf8
            // A prefix is compared only with a word that starts as it does.
            guard let first = bytes.first else { continue }
            mail = mail || bytes.contains(subsequence: mailBytes)
            registering = registering || registerPrefixes.contains { $0[0] == first && bytes.starts(with: $0) }
            escalation = escalation || (first == escalatPrefix[0] && bytes.starts(with: escalatPrefix))
            checklist = checklist || (first == checklistPrefix[0] && bytes.starts(with: checklistPrefix))
            businessHours = businessHours || businessHourWords.contains(word)
        }
        if mail { found.insert(.mail) }
        if asksToMakeContact(words) { found.insert(.requestToContact) }
        if asksForCustomerUpdate(words) { found.insert(.customerUpdate) }
        if let access = words.firstIndex(of: "access") {
            let before = Set(words[..<access])
            let after = Set(words[(access + 1)...])
            if !before.isDisjoint(with: ["no", "without", "lost", "cannot", "not"]) || !after.isDisjoint(with: ["denied", "revoked", "problem"]) {
                found.insert(.portalAccessProblem)
            }
        }
        if registering { found.insert(.registering) }
        if escalation { found.insert(.escalationWord) }
        if checklist { found.insert(.checklistWord) }
        if let first = words.first, ["what", "show", "which", "list", "display", "see"].contains(first) { found.insert(.asksToSee) }
        if businessHours { found.insert(.businessHours) }
        return found
    }

    /// "mail" inside a word ("emailed", "voicemail").
    static let mailBytes = Array("mail".utf8)
    static let registerPrefixes = ["regist", "enrol", "signup"].map { Array($0.utf8) }
    static let escalatPrefix = Array("escalat".utf8)
    static let checklistPrefix = Array("checklist".utf8)
    static let businessHourWords: WordSet = ["business", "working", "work", "office", "day", "daily"]

    static let dayWords: WordSet = [
        "yesterday", "today", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed",
        "thu", "fri", "sat", "sun", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "january", "february",
        "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ]
    static let partsOfDay: WordSet = ["morning", "afternoon", "evening", "tonight", "earlier", "lunchtime", "lunch", "overnight", "night"]

    /// How precisely the line says when: a clock time without am or pm, a
    /// part of a day, a day named.
    static func timeCues(_ words: [String], entities: [EntitySpan]) -> Set<Cue> {
        var found: Set<Cue> = []
        let time = entities.first { $0.kind == .time }
        let inTime = time.map { Array(words[$0.start..<$0.end]) } ?? []
        if !inTime.isEmpty {
            let hasMeridiem = inTime.contains { $0 == "am" || $0 == "pm" || $0.hasSuffix("am") || $0.hasSuffix("pm") || $0 == "noon" || $0 == "midnight" }
            let clock = inTime.first { word in
                // "9.15" is read as "9:15"; "0915" names its hour on the 24-hour clock.
                let parts = word.split(whereSeparator: { $0 == ":" || $0 == "." })
                return (1...2).contains(parts.count) && parts.allSatisfy { $0.allSatisfy(\.isNumber) } && (Int(parts[0]).map { (1...12).contains($0) } ?? false)
            }
            if clock != nil && !hasMeridiem { found.insert(.ambiguousClock) }
            // "-" and "/" by byte: a String's own search goes through Foundation.
            if inTime.contains(where: { dayWords.contains($0) || $0.utf8.contains(45) || $0.utf8.contains(47) }) { found.insert(.dayNamed) }
            let hasClock = clock != nil || hasMeridiem
            if !hasClock, inTime.contains(where: { partsOfDay.contains($0) }) { found.insert(.vagueTime) }
        } else if words.contains(where: { $0 == "earlier" || $0 == "recently" || $0 == "lunchtime" }) || (words.contains("this") && words.contains(where: { partsOfDay.contains($0) })) {
            found.insert(.vagueTime)
        }
        return found
    }

    /// "email my CCM for me", "can you call the director?": a request to
    /// make contact, not a report that it happened.
    static func asksToMakeContact(_ words: [String]) -> Bool {
        guard let first = words.first(where: { !politeWords.contains($0) }) else { return false }
        return contactVerbs.contains(first)
            || (words.count >= 2 && words[words.count - 2] == "for" && words[words.count - 1] == "me")
    }

    static let politeWords: WordSet = ["please", "can", "could", "would", "will", "you", "kindly", "go", "ahead", "and", "hi", "hey", "hello"]
    static let contactVerbs: WordSet = ["email", "e-mail", "mail", "call", "phone", "ring", "contact", "message", "text", "ping", "reach"]

    /// Whether a draft is asked for the customer rather than for the ladder.
    static func asksForCustomerUpdate(_ words: [String]) -> Bool {
        guard words.contains(where: { $0 == "customer" || $0 == "client" }) else { return false }
        let words = words.filter { !["the", "our", "my", "a"].contains($0) }
        guard let customer = words.firstIndex(where: { $0 == "customer" || $0 == "client" }) else { return false }
        // "the customer update", "update for the customer", "e-mail to the customer".
        return words.contains("update") || words.contains("status") || (customer > 0 && ["to", "for"].contains(words[customer - 1]))
    }
}

import Foundation

extension String.UTF8View {
    /// Whether `needle` occurs in these bytes, compared byte by byte: a
    /// String's own search goes through Foundation, slowly.
    func contains(subsequence needle: [UInt8]) -> Bool {
        var start = startIndex
        while start != endIndex {
            var here = start, matched = 0
            while matched < needle.count, here != endIndex, self[here] == needle[matched] {
                formIndex(after: &here)
                matched += 1
            }
            if matched == needle.count { return true }
            formIndex(after: &start)
        }
        return false
    }
}
