import EscalateDomain

/// Recognises references to tickets: `#12`, `ticket 12`, `case 12`,
/// `IMS 482913`, `order N123456`, `GCR 12345678`, `repair ticket 98765`,
/// `issue AB12C`, `account 1234-5678`, `the Acme order`, and `it` / `that
/// one` / `this ticket`.
enum TicketRecogniser {
    static let numberWords: Set<String> = ["number", "no", "num", "nbr", "#", "id"]
    /// Words after "it" that show "it" is not a ticket ("is it time", "it was").
    static let notAfterIt: Set<String> = [
        "is", "was", "be", "been", "has", "have", "will", "would", "should", "can", "could", "time", "take", "takes",
        "mean", "means", "goes", "go", "get", "gets", "seems", "look", "looks", "say", "says", "work", "works", "do", "does",
        "open", "okay", "ok", "possible", "worth", "ready", "too", "late", "already",
    ]
    static let ticketVerbs: Set<String> = [
        "status", "close", "reopen", "update", "escalate", "history", "pause", "resume", "deescalate", "de-escalate", "unhold",
    ]
    static let ticketNouns: Set<String> = ["ticket", "case", "tkt", "escalation", "request", "incident"]

    static func recognise(_ tokens: [Token], context: RecognitionContext, kinds: [WordKinds]? = nil) -> [EntitySpan] {
        let kinds = kinds ?? WordKinds.of(tokens, named: context.kindsByWord)
        var spans: [EntitySpan] = []
        var index = 0
        let customers = context.customerWords
        while index < tokens.count {
            if kinds[index].contains(.ticket), let (ref, end) = match(tokens, at: index, customers: customers, references: context.referenceKinds, names: context.customerNames) {
                spans.append(EntitySpan(type: "ticket", value: .ticket(ref), start: index, end: end))
                index = end
            } else {
                index += 1
            }
        }
        return spans
    }

    static func match(_ tokens: [Token], at start: Int, customers: [[String]], references: [ReferenceKind] = [],
                      names: [[String]: String] = [:]) -> (TicketRef, Int)? {
        let word = tokens[start].text
        func at(_ i: Int) -> String? { i < tokens.count ? tokens[i].text : nil }
        // #12
        // "#0" and "#-1" are kept as said, so that the assistant can say they
        // name no ticket rather than act on the ticket in focus.
        if word.utf8.first == 35, let n = Int(word.dropFirst()) { return (.number(n), start + 1) }
        if word == "#", at(start + 1) == "-", let digits = at(start + 2), let n = Int(digits), n >= 0 { return (.number(-n), start + 3) }
        // An outside number: IMS, order, GCR, repair ticket, issue number.
        var kind: String?
        var next = start + 1
        // The kinds an organisation's data defines ("IMS 482913", "GCR 12345678").
        if let defined = references.first(where: { $0.words.contains(word) }) {
            var i = start + 1
            while let filler = at(i), numberWords.contains(filler) { i += 1 }
            if let value = at(i) {
                let cleaned = value.hasPrefix("#") ? String(value.dropFirst()) : value
                if cleaned.count >= 3, cleaned.count <= 20, defined.accepts(cleaned) {
                    return (.external(kind: defined.id, value: defined.digitsOnly ? cleaned : cleaned.uppercased()), i + 1)
                }
            }
        }
        switch word {
        case "order": kind = "order"
        case "repair":
            if let noun = at(start + 1), noun == "ticket" || noun == "tkt" || noun == "case" { kind = "repair"; next = start + 2 }
        case "account", "acct", "acc":
            kind = "account"
        default: break
        }
        if let kind {
            while let filler = at(next), numberWords.contains(filler) { next += 1 }
            if let value = at(next), isReferenceValue(value, kind: kind) {
                let cleaned = value.hasPrefix("#") ? String(value.dropFirst()) : value
                return (.external(kind: kind, value: kind == "order" || kind == "account" ? cleaned.uppercased() : cleaned), next + 1)
            }
        }
        // ticket 12, case #12, ticket number 12
        if ticketNouns.contains(word) || word == "tix" {
            var i = start + 1
            while let filler = at(i), numberWords.contains(filler) { i += 1 }
            if let value = at(i) {
                let digits = value.hasPrefix("#") ? String(value.dropFirst()) : value
                if let n = Int(digits), n > 0, digits.count <= 7 { return (.number(n), i + 1) }
            }
        }
        // A bare number straight after a ticket verb: "status 14", "close 9".
        if start > 0, Numbers.startsWithDigit(word), ticketVerbs.contains(tokens[start - 1].text), let n = Int(word), n > 0, word.count <= 6,
           at(start + 1) == nil || !(TimeRecogniser.units[at(start + 1)!] != nil || at(start + 1) == "am" || at(start + 1) == "pm") {
            return (.number(n), start + 1)
        }
        // the Acme order / Acme's ticket
        let nameStart = word == "the" ? start + 1 : start
        for name in customers where !name.isEmpty && nameStart < tokens.count && tokens[nameStart].text == name[0] {
            let i = nameStart
            guard i + name.count <= tokens.count, name.indices.allSatisfy({ tokens[i + $0].text == name[$0] }) else { continue }
            let after = i + name.count
            if let noun = at(after), ticketNouns.contains(noun) || noun == "order" || noun == "one" || noun == "account" || noun == "install" || noun == "dispute" {
                return (.customer(names[name] ?? name.joined(separator: " ")), after + 1)
            }
        }
        // it / that one / this ticket
        if word == "it" || word == "this" || word == "that" {
            if word != "it" {
                if let noun = at(start + 1), noun == "one" || ticketNouns.contains(noun) { return (.context, start + 2) }
                return nil
            }
            if let following = at(start + 1), notAfterIt.contains(following) { return nil }
            if start > 0, ["is", "was", "does", "will", "when", "how", "what"].contains(tokens[start - 1].text), at(start + 1) != nil { return nil }
            return (.context, start + 1)
        }
        return nil
    }

    static func isReferenceValue(_ value: String, kind: String) -> Bool {
        let digits = value.hasPrefix("#") ? String(value.dropFirst()) : value
        guard digits.count >= 3, digits.count <= 20 else { return false }
        return digits.allSatisfy { $0.isNumber || $0.isLetter || $0 == "-" } && digits.contains { $0.isNumber }
    }
}
