import Foundation

/// "The account number for #2 is 449812", "my e-mail is sam@example.com",
/// "set the service location on #1 to 100 Main St, Denver": a ticket field
/// and its value, the value as typed. Also the fields said at opening
/// ("…, account 449812, service location 100 Main St").
public enum FieldStatement {
    public struct Found: Equatable, Sendable {
        /// The field's id (`account`, `location`, `order`, `sender_email`, `sender_phone`).
        public var field: String
        public var value: String
    }

    /// The words that name each field, longest first within a field.
    /// "my …" names the sender: whoever is typing.
    static let names: [(field: String, words: [String])] = [
        ("sender_email", ["my e-mail address", "my email address", "my e-mail", "my email", "our e-mail address", "our email address", "our email", "our e-mail"]),
        ("sender_phone", ["my phone number", "my direct line", "my mobile number", "my mobile", "my phone", "my number", "my cell", "our phone number"]),
        ("account", ["billing account number", "account number", "account no", "account #", "acct number", "acct no", "acct #", "account", "acct", "ban"]),
        ("location", ["service location", "service address", "site address", "installation address", "location", "site", "address"]),
        ("order", ["order number", "order no", "order #", "order"]),
        // Details of the conversation rather than of a ticket: who the
        // customer is and what the issue is, for drafts and the next ticket.
        ("customer", ["my company name", "our company name", "company name", "customer name", "my company", "our company",
                      "my business", "our business", "i work for", "i work at", "i am calling from", "i am calling on behalf of",
                      "i am writing from", "i am writing on behalf of"]),
        ("description", ["the issue", "my issue", "our issue", "the problem", "my problem", "our problem"]),
    ]

    /// Field names that end in their own linking word ("I work for Acme").
    static let selfLinking: Set<String> = ["for", "at", "from", "of"]
    /// The fields a ticket holds; the rest belong to the conversation.
    public static let ticketFields: Set<String> = ["account", "location", "order", "sender_email", "sender_phone"]

    /// Words between the field and its value.
    static let linking: Set<String> = ["is", "are", "=", ":", "to", "-", "should", "be", "now", "changed", "has", "become", "becomes", "that", "actually", "really"]
    /// Words between the field and its ticket ("for #2").
    static let ticketWords: Set<String> = ["on", "for", "of", "in"]

    /// The field named in `text` and the value after it, when the line
    /// says one ("… is …", "… to …", "…: …").
    public static func find(tokens: [Token], spans: [EntitySpan], text: String) -> Found? {
        let units = text.utf16Units
        let words = tokens.map(\.text)
        for index in tokens.indices {
            guard let (field, length) = fieldNamed(at: index, words: words) else { continue }
            var next = index + length
            // "… for #2", "… on ticket 4": the ticket named between.
            if next < tokens.count, ticketWords.contains(words[next]),
               let span = spans.first(where: { $0.type == "ticket" && $0.start == next + 1 }) {
                next = span.end
            } else if let span = spans.first(where: { $0.type == "ticket" && $0.start == next }) {
                next = span.end
            }
            var linked = selfLinking.contains(words[index + length - 1])
            while next < tokens.count, linking.contains(words[next]) {
                linked = true
                next += 1
            }
            // A colon typed straight after the field ("account: 449812").
            if !linked, next < tokens.count, next > 0, units.between(tokens[next - 1], tokens[next]).contains(58) { linked = true }
            guard linked, next < tokens.count else { continue }
            var value = trimmed(String(decoding: units[tokens[next].start...], as: UTF16.self))
            // Who the customer is or what the issue is ends with its sentence:
            // "my company is Globex; who handles billing?" names Globex.
            if !ticketFields.contains(field), let end = value.range(of: #"[;?!]|\. "#, options: .regularExpression) {
                value = trimmed(String(value[..<end.lowerBound]))
            }
            guard !value.isEmpty else { continue }
            return Found(field: field, value: value)
        }
        return nil
    }

    /// Every field a statement gives: the first as `find` reads it, and the
    /// fields listed after a comma ("my company is Acme Widgets, account
    /// number 449812, my e-mail is ops@acme.example"), which end the first
    /// one's value. An address runs on over its commas. Anything else after
    /// a comma is the first value's own ("Acme, Inc.").
    public static func findAll(tokens: [Token], spans: [EntitySpan], text: String) -> [Found] {
        guard var first = find(tokens: tokens, spans: spans, text: text) else { return [] }
        let parts = first.value.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard parts.count > 1, let cut = parts.indices.dropFirst().first(where: { clauseField(parts[$0]) != nil }),
              let more = listedFields(Array(parts[cut...])) else { return [first] }
        first.value = trimmed(parts[..<cut].joined(separator: ","))
        let others = more.filter { $0.field != first.field }
        return first.value.isEmpty ? others : [first] + others
    }

    /// The fields of clauses that each state one, or carry on an address;
    /// nil when a clause does neither.
    public static func listedFields(_ clauses: [String]) -> [Found]? {
        var found: [Found] = []
        var inAddress = false
        for clause in clauses {
            if let field = clauseField(clause) {
                if !found.contains(where: { $0.field == field.field }) { found.append(field) }
                inAddress = field.field == "location"
            } else if inAddress, let last = found.indices.last, !trimmed(clause).isEmpty {
                found[last].value += ", " + trimmed(clause)
            } else {
                return nil
            }
        }
        return found
    }

    /// The field one clause states: "account 449812", "the service location
    /// is 12 Elm St", "my e-mail is ops@acme.example"; the field's name
    /// comes first, after at most "the" or "our".
    static func clauseField(_ clause: String) -> Found? {
        let text = clause.trimmingCharacters(in: .whitespaces)
        if startsField(text), let found = inSummary(text).first { return found }
        let tokens = Tokenizer.tokens(text)
        let words = tokens.map(\.text)
        let start = ["the", "our"].contains(words.first ?? "") ? 1 : 0
        guard let (field, _) = fieldNamed(at: start, words: words), ticketFields.contains(field) else { return nil }
        guard let found = find(tokens: tokens, spans: [], text: text), found.field == field else { return nil }
        return found
    }

    /// Whether a comma-separated part starts with a ticket field's name.
    static func startsField(_ part: String) -> Bool {
        let lower = part.trimmingCharacters(in: .whitespaces).lowercased()
        return names.contains { ticketFields.contains($0.field) && !$0.field.hasPrefix("sender") && $0.words.contains { lower.hasPrefix($0 + " ") || lower.hasPrefix($0 + ":") } }
    }

    /// Fields said along with a new ticket's summary: "account 449812",
    /// "service location 100 Main St", "order N123456", each running to the
    /// next comma or semicolon.
    /// An address runs on over its commas ("100 Main St, Denver") until the
    /// next field.
    public static func inSummary(_ summary: String) -> [Found] {
        var found: [Found] = []
        var inAddress = false
        for part in summary.split(whereSeparator: { $0 == "," || $0 == ";" }) {
            let text = part.trimmingCharacters(in: .whitespaces)
            let lower = text.lowercased()
            let startsField = startsField(text)
            if inAddress, !startsField, let last = found.indices.last {
                found[last].value += ", " + trimmed(text)
                continue
            }
            inAddress = false
            for (field, words) in names where ticketFields.contains(field) && !field.hasPrefix("sender") {
                guard let word = words.first(where: { lower.hasPrefix($0 + " ") || lower.hasPrefix($0 + ":") }) else { continue }
                var value = Substring(text.dropFirst(word.count))
                value = value.drop { $0 == " " || $0 == ":" || $0 == "#" }
                if value.lowercased().hasPrefix("is ") { value = value.dropFirst(3) }
                let cleaned = trimmed(String(value))
                // "site survey done" is news, not a site: a value needs a digit.
                if !cleaned.isEmpty, cleaned.contains(where: \.isNumber), !found.contains(where: { $0.field == field }) {
                    found.append(Found(field: field, value: cleaned))
                    inAddress = field == "location"
                }
                break
            }
        }
        return found
    }

    static func fieldNamed(at index: Int, words: [String]) -> (String, Int)? {
        for (field, names) in names {
            for name in names {
                let parts = name.split(separator: " ").map(String.init)
                guard index + parts.count <= words.count else { continue }
                if Array(words[index..<index + parts.count]) == parts { return (field, parts.count) }
            }
        }
        return nil
    }

    /// The value without the full stop that ends the sentence around it.
    static func trimmed(_ value: String) -> String {
        var text = value.trimmingCharacters(in: .whitespacesAndNewlines)
        while let last = text.last, last == "." || last == "!" {
            // "Acme, Inc." and "12 Elm St." keep the full stop of their abbreviation.
            if last == ".", let word = text.dropLast().split(whereSeparator: { $0 == " " || $0 == "," }).last,
               abbreviations.contains(word.lowercased()) || word.contains(".") { break }
            text.removeLast()
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// Words whose full stop is their own, not the sentence's.
    static let abbreviations: Set<String> = ["inc", "co", "corp", "ltd", "llc", "bros", "jr", "sr", "st", "ave", "rd", "blvd", "no", "dept", "intl", "mfg", "assn"]
}
