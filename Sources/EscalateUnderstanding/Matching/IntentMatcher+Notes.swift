/// Where the free text of a note starts in an utterance. Its words are
/// matched as one `{note}` and become the `note` slot.
extension IntentMatcher {
    /// Where a note begins: after a `:` or ` - ` that follows a ticket number
    /// or a word such as "update" ("update #12: vendor dispatched"); or,
    /// with no separator at all, after a ticket number that a note word
    /// stands next to ("add note to ticket 4 technician replaced the card",
    /// "ims 604418 update rep says credit will post"); or after "because"
    /// or a comma when a ticket is escalated or reopened ("escalate #1
    /// because …", "reopen #2, …").
    func noteStart(tokens: [Token], spans: [EntitySpan], units: [UInt16]) -> Int? {
        WorkMeter.add(units.count + 2 * tokens.count + spans.count)
        if let separated = separatedNote(tokens: tokens, spans: spans, units: units, keywords: Self.noteKeywords) { return separated }
        // How many words that are not stopwords each token starts: a note needs two.
        var wordsFrom = Array(repeating: 0, count: tokens.count + 1)
        for index in tokens.indices.reversed() {
            wordsFrom[index] = wordsFrom[index + 1] + (FeatureExtractor.stopwordSet.contains(tokens[index].text) ? 0 : 1)
        }
        if let afterName = noteAfterName(tokens: tokens, spans: spans, units: units, wordsFrom: wordsFrom) { return afterName }
        // A question is asked, not stated ("my issue is with billing, who do I call?").
        // A statement is the whole line, or lists more fields after a comma
        // ("…, account number 449812"); "the problem is X, escalate #1" asks
        // for something else.
        if !units.contains(63), let stated = statedDetail(tokens) {
            let rest = String(decoding: units[tokens[stated].start...], as: UTF16.self)
            // A second sentence ("… slipped twice. draft the e-mail") is a request of its own.
            if rest.contains(". ") || rest.contains("; ") || rest.contains("! ") { return nil }
            let clauses = rest.split(whereSeparator: { $0 == "," || $0 == ";" }).dropFirst().map(String.init)
            if Self.onlyFields(clauses) { return stated }
        }
        let writing = Self.writingWords
        for span in spans where span.type == "ticket" {
            if case .ticket(.context) = span.value { continue }
            let window = max(0, span.start - 4)..<span.start
            var start = span.end
            if start < tokens.count, ["update", "note", "comment"].contains(tokens[start].text) { start += 1 }
            // "escalate #1 because the vendor missed the date twice": the reason.
            else if start + 1 < tokens.count, ["because", "cos", "coz", "cuz", "as"].contains(tokens[start].text),
                    tokens[window].contains(where: { $0.text.hasPrefix("escalat") || $0.text == "esc" }) {
                return start + 1
            }
            // "escalate #1, vendor missed the date twice", "reopen #2,
            // customer says still broken", "resume #1, customer sent the
            // LOA": after a comma, the reason.
            else if start + 1 < tokens.count, units.between(tokens[start - 1], tokens[start]).contains(44),
                    tokens[window].contains(where: { Self.commaNoteVerbs.contains($0.text) || $0.text.hasPrefix("escalat") }),
                    wordsFrom[start] >= 2 {
                return start
            }
            else if !tokens[window].contains(where: { writing.contains($0.text) }) { continue }
            while start < tokens.count, [":", "-", "that", "saying", "with"].contains(tokens[start].text) { start += 1 }
            if wordsFrom[start] >= 2 { return start }
        }
        return nil
    }

    /// "The problem is that …", "my company is …", "I work for …": a line
    /// that starts by stating who the customer is or what the issue is; what
    /// it states starts after the linking words.
    func statedDetail(_ tokens: [Token]) -> Int? {
        // Most lines start with no lead's first word.
        guard let opening = tokens.first?.text, Self.statementOpenings.contains(opening) else { return nil }
        let words = tokens.prefix(7).map(\.text)
        for lead in Self.statementLeads where words.count > lead.count && words.starts(with: lead) {
            var start = lead.count
            while start < words.count, ["is", "was", "that", ":"].contains(words[start]) { start += 1 }
            // "The issue on case 9 is back" is not a statement of the issue.
            let linked = start > lead.count || ["for", "at", "from"].contains(lead.last!)
            return linked && start < tokens.count ? start : nil
        }
        return nil
    }

    /// Whether each clause names a field, or carries on an address
    /// ("service location 12 Main St, Denver").
    static func onlyFields(_ clauses: [String]) -> Bool {
        clauses.isEmpty || (FieldStatement.clauseField(clauses[0]) != nil && FieldStatement.listedFields(clauses) != nil)
    }

    /// How a statement of the customer or the issue starts.
    static let statementLeads: [[String]] = [
        ["the", "issue"], ["my", "issue"], ["our", "issue"], ["the", "problem"], ["my", "problem"], ["our", "problem"],
        ["my", "company", "name"], ["our", "company", "name"], ["my", "company"], ["our", "company"], ["company", "name"],
        ["i", "work", "for"], ["i", "work", "at"], ["i", "am", "calling", "from"], ["i", "am", "writing", "from"],
    ]

    /// The first words of `statementLeads`.
    static let statementOpenings = WordSet(statementLeads.map { $0[0] })

    /// Verbs after whose ticket a comma sets off the reason ("reopen #2,
    /// customer says still broken", "resume #1, customer sent the LOA").
    static let commaNoteVerbs: Set<String> = ["esc", "reopen", "resume", "unpause", "pause", "hold", "close"]

    /// Words before a `:` or ` - ` that start a note ("update: …").
    static let noteKeywords: Set<String> = ["update", "note", "notes", "fyi", "comment", "progress", "latest", "news", "re", "saying", "says"]
    /// Words near a ticket number that say a note follows it.
    static let writingWords: Set<String> = ["note", "notes", "comment", "write", "jot", "update"]

    /// "… ticket for Globex about an ERP upgrade that failed overnight": the
    /// note starts after "about", or after a comma, when it follows the
    /// customer's name.
    func noteAfterName(tokens: [Token], spans: [EntitySpan], units: [UInt16], wordsFrom: [Int]) -> Int? {
        for span in spans where span.type == "person" {
            guard span.start > 0, tokens[span.start - 1].text == "for", span.end + 1 < tokens.count else { continue }
            // "… for Acme about …", or "… for Acme, circuit down".
            let start: Int
            if ["about", "regarding", "re", "concerning"].contains(tokens[span.end].text) {
                start = span.end + 1
            } else if units.between(tokens[span.end - 1], tokens[span.end]).contains(44) {
                start = span.end
            } else {
                continue
            }
            if wordsFrom[start] >= 2 { return start }
        }
        return nil
    }

    private func separatedNote(tokens: [Token], spans: [EntitySpan], units: [UInt16], keywords: Set<String>) -> Int? {
        // Worked out once, at the first colon or dash (most lines have
        // none): where the first ticket number starts, where the first
        // keyword is, and where names end.
        var firstTicket = Int.max
        var firstKeyword = Int.max
        var nameEnds: [Int] = []
        var prepared = false
        for index in tokens.indices.dropLast() {
            let gap = units[tokens[index].end..<max(tokens[index].end, tokens[index + 1].start)]
            let isColon = gap.contains(58)
            let isDash = gap.count >= 3 && gap.first == 32 && gap.last == 32 && gap.contains(where: { $0 == 45 || $0 == 0x2013 || $0 == 0x2014 })
            guard isColon || isDash else { continue }
            if !prepared {
                prepared = true
                firstTicket = spans.filter { span in
                    if case .ticket(.context) = span.value { return false }
                    return span.type == "ticket"
                }.map(\.start).min() ?? Int.max
                firstKeyword = tokens.firstIndex { keywords.contains($0.text) } ?? Int.max
                nameEnds = spans.filter { $0.type == "person" }.map(\.end)
            }
            let hasTicket = firstTicket <= index
            let hasKeyword = firstKeyword <= index
            // "…for Hooli: new circuit stuck": a name just before the colon.
            let afterName = isColon && nameEnds.contains(index + 1)
            if hasTicket || hasKeyword || afterName { return index + 1 }
        }
        return nil
    }
}
