import Foundation

extension IntentMatcher {
    /// Words of small talk and politeness that may stand before a request
    /// ("hi, …", "ok so …", "please …") without being part of it.
    static let leadingCourtesy: Set<String> = [
        "hi", "hello", "hey", "hiya", "howdy", "yo", "greetings", "morning", "afternoon", "evening", "good", "there", "team", "all",
        "thanks", "thank", "you", "cheers", "ok", "okay", "so", "please", "um", "uh", "well", "right", "alright", "oh", "and",
    ]
    /// Words of politeness that may end a request ("escalate #1 please").
    static let trailingCourtesy: Set<String> = ["please", "thanks", "thank", "you", "cheers", "ty"]

    /// Understands one utterance: its intent, slots and entities, and its
    /// cues. Greetings, thanks, "ok", "please" and "so" around a request
    /// never hide it: when the line is more than courtesy, the request
    /// inside it is what is understood.
    /// A line over `UtteranceLimits.maximumCharacters` is not read: it comes
    /// back not understood and marked `isTooLong`.
    public func interpret(_ text: String, context: RecognitionContext) -> Interpretation {
        guard !UtteranceLimits.isTooLong(text) else {
            var interpretation = Interpretation(intent: nil, score: 0, slots: Slots(), runnerUp: nil, nearest: [], entities: [], correctedWords: [])
            interpretation.isTooLong = true
            return interpretation
        }
        let (whole, tokens, units) = interpretWords(text, context: context)
        if let inner = requestInside(units: units, tokens: tokens) {
            let (request, innerTokens, innerUnits) = interpretWords(inner, context: context)
            // One word left ("hi, help") counts when it is a clear request of its own.
            if let intent = request.intent, !IntentName.smallTalk.contains(intent),
               innerTokens.count >= 2 || request.score >= Self.actionThreshold {
                var result = finished(request, tokens: innerTokens, text: inner, units: innerUnits, context: context)
                result.cues.leadingSmallTalk = true
                result.cues.startsWithAnd = tokens.first?.text == "and"
                return result
            }
        }
        var result = finished(scoredWithPlainName(whole, tokens: tokens, text: text, context: context), tokens: tokens, text: text, units: units,
                              context: context)
        result.cues.startsWithAnd = tokens.first?.text == "and"
        return result
    }

    /// "Open a ticket for 3M: …" is as clear a request as "… for Acme: …":
    /// how sure the match is must not depend on the shape of the customer's
    /// name (digits, "&", capitals), so a new ticket's line is also scored
    /// with a plain name in the customer's place.
    func scoredWithPlainName(_ interpretation: consuming Interpretation, tokens: [Token], text: String, context: RecognitionContext) -> Interpretation {
        guard !interpretation.isConfident, interpretation.intent == .openTicket || interpretation.intent == nil,
              tokens.contains(where: { $0.text == "ticket" || $0.text == "case" || $0.text == "open" }),
              let found = CustomerPhrase.find(tokens: tokens, spans: interpretation.entities, text: text), found.isClear,
              let range = text.range(of: "for " + found.customer) else { return interpretation }
        let plain = text.replacingCharacters(in: range, with: "for Acme")
        let (proxy, _, _) = interpretWords(plain, context: context)
        guard proxy.intent == .openTicket, proxy.isConfident else { return interpretation }
        var result = consume interpretation
        if result.intent == nil {
            result.intent = .openTicket
            result.slots = slots(of: text, as: .openTicket, context: context)
        }
        result.score = proxy.score
        result.distinctiveWords = proxy.distinctiveWords
        result.topicWords = proxy.topicWords
        return result
    }

    /// The stretch of `text` between courtesy words at its ends, when there
    /// is courtesy to drop and at least two words of request remain.
    func requestInside(units: [UInt16], tokens: [Token]) -> String? {
        var first = 0
        // "good" counts only in a greeting ("good morning"), never before a request word.
        while first < tokens.count, Self.leadingCourtesy.contains(tokens[first].text),
              tokens[first].text != "good" || (first + 1 < tokens.count && ["morning", "afternoon", "evening", "day"].contains(tokens[first + 1].text)) {
            first += 1
        }
        var last = tokens.count - 1
        while last > first, Self.trailingCourtesy.contains(tokens[last].text) { last -= 1 }
        guard first > 0 || last < tokens.count - 1, last - first + 1 >= 1 else { return nil }
        return String(decoding: units[tokens[first].start..<tokens[last].end], as: UTF16.self)
    }

    /// Adds the cues and the token places to an interpretation. `units`
    /// are the line's UTF-16 code units (`text.utf16Units`).
    /// The interpretation is taken over, not copied: it is large.
    func finished(_ interpretation: consuming Interpretation, tokens: [Token], text: String, units: [UInt16], context: RecognitionContext) -> Interpretation {
        var result = consume interpretation
        // The interpretation's corrected words are the tokens' words.
        let words = result.correctedWords.count == tokens.count ? result.correctedWords : tokens.map(\.text)
        result.cues = CueReader.read(tokens: tokens, words: words, text: text, units: units, entities: result.entities, intent: result.intent,
                                     customers: context.customerWords, customerNames: context.customerNames)
        // A note after "update #1:" is the user's own text, kept as typed:
        // a question or a "not" inside it ("customer did not answer") says
        // nothing about the request, so those cues come from the words
        // before it.
        if result.intent == .logUpdate || result.intent == .setField, case .text(let note)? = result.slots[.note], note.count < text.count,
           let range = text.range(of: note, options: .backwards) {
            let end = text.utf16.distance(from: text.utf16.startIndex, to: range.lowerBound.samePosition(in: text.utf16) ?? text.utf16.endIndex)
            let before = tokens.filter { $0.end <= end }
            let lead = CueReader.read(tokens: before, text: String(text[..<range.lowerBound]), entities: result.entities.filter { $0.end <= before.count },
                                      intent: result.intent, customers: context.customerWords, customerNames: context.customerNames)
            result.cues.asksPermission = lead.asksPermission
            result.cues.hasWhQuestion = lead.hasWhQuestion
            result.cues.questionWord = lead.questionWord
            result.cues.asksWhatHappens = lead.asksWhatHappens
            result.cues.negated = lead.negated
            result.cues.hypothetical = lead.hypothetical
            result.cues.endsWithQuestionMark = lead.endsWithQuestionMark
        }
        // "I sent the customer an update on #1 yesterday at 4pm": the time
        // and ticket said after "update" are the report's, not a note.
        if result.intent == .logUpdate, result.cues.has(.withCustomer), case .text(let note)? = result.slots[.note],
           let start = tokens.firstIndex(where: { $0.start >= text.utf16.count - note.utf16.count }) {
            let (taken, rest) = ContactNote.peel(from: start, tokens: tokens, spans: result.entities)
            if !taken.isEmpty {
                for span in taken where result.slots[SlotName(rawValue: span.type)] == nil { result.slots[SlotName(rawValue: span.type)] = span.value }
                result.slots[.note] = rest.map { .text(String(decoding: units[tokens[$0].start...], as: UTF16.self)) }
            }
        }
        // A new ticket's customer is the name as typed, whole, and its summary verbatim.
        if result.intent == .openTicket, let found = CustomerPhrase.find(tokens: tokens, spans: result.entities, text: text) {
            result.slots[.customer] = .text(found.customer)
            if let summary = found.summary {
                result.slots[.note] = .text(summary)
                for field in FieldStatement.inSummary(summary) { result.slots[.field(field.field)] = .text(field.value) }
            }
            if !found.isClear { result.cues.phrases.insert(.unclearCustomer) }
            // Only a time said with the opening is its time; one in the summary is the summary's.
            if found.timeInSummary || (!found.openingTime && result.slots[.note] != nil) { result.slots[.time] = nil }
            if found.openingTime, result.slots[.time] == nil, let span = result.entities.first(where: { $0.type == "time" }) { result.slots[.time] = span.value }
        }
        // "I called the CCM on #1 at 3pm for the daily call": what the report
        // says after who, which ticket and when is kept, whole.
        if result.intent == .logContact, let note = ContactNote.find(tokens: tokens, spans: result.entities, text: text) {
            if result.slots.text(.note).map({ note.count > $0.count && note.hasSuffix($0) }) ?? true { result.slots[.note] = .text(note) }
        }
        // "Updates every business day at 4pm": the time of day is the plan's.
        if result.intent == .setPlan, result.slots[.time] == nil, let span = result.entities.first(where: { $0.type == "time" }) {
            result.slots[.time] = span.value
        }
        let statements = result.intent == .setField ? FieldStatement.findAll(tokens: tokens, spans: result.entities, text: text) : []
        if let found = statements.first {
            result.slots[.field] = .entity(found.field)
            result.slots[.value] = .text(found.value)
            for more in statements.dropFirst() { result.slots[.field(more.field)] = .text(more.value) }
        }
        result.tokenRanges = tokens.map { $0.start..<$0.end }
        result.utf16 = units
        result.typed = Self.trimmedWhitespace(text)
        if result.intent == nil, let nearest = result.nearest.first, nearest.score >= 0.3 {
            result.suggestion = (nearest.intent, slots(of: text, as: nearest.intent, context: context))
        }
        return result
    }

    /// The slots `text` fills when read as `intent`: for a suggestion the
    /// user accepted ("Did you mean …?" "yes").
    public func slots(of text: String, as intent: IntentName, context: RecognitionContext) -> Slots {
        let found = slots(of: text, as: intent.rawValue, context: context)
        return Slots(Dictionary(uniqueKeysWithValues: found.map { (SlotName(rawValue: $0.key), $0.value) }))
    }

    /// `text` without the spaces, tabs and line breaks around it: by bytes
    /// when they are ASCII (Foundation's trimming costs more than a line's
    /// whole scoring), by Foundation otherwise.
    static func trimmedWhitespace(_ text: String) -> String {
        let bytes = text.utf8
        guard let first = bytes.first, let last = bytes.last else { return text }
        let ascii: (UInt8) -> Bool = { $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }
        if !ascii(first) && !ascii(last) {
            // Nothing to trim unless the ends are whitespace beyond ASCII.
            if first < 0x80 && last < 0x80 { return text }
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        guard let start = bytes.firstIndex(where: { !ascii($0) }), let end = bytes.lastIndex(where: { !ascii($0) }) else { return "" }
        let inner = String(text[start...end])
        return inner.utf8.first.map { $0 < 0x80 } == true && inner.utf8.last.map { $0 < 0x80 } == true ? inner : inner.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
