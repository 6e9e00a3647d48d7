import Foundation
import EscalateDomain

/// Small pieces of wording used across replies.
enum Words {
    static func plural(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// `1h30m of business time`, or `no business time`.
    /// "the customer and the CCM" for a closure code's "customer and CCM";
    /// the party the reader is becomes "you".
    static func agreement(_ parties: String, reader: String? = nil) -> String {
        parties.components(separatedBy: " and ").map { party in
            if let reader, party == reader { return "you" }
            return party.hasPrefix("the ") || party.hasPrefix("all ") ? party : "the " + party
        }.joined(separator: " and ")
    }

    /// `objectives met` for the code `objectives_met`.
    static func code(_ id: String) -> String { id.replacingOccurrences(of: "_", with: " ") }

    /// `4 business hours`, `1 business hour`, `3h45m of business time`.
    static func businessTime(_ seconds: Int64) -> String {
        if seconds <= 0 { return "no business time" }
        if seconds % 3600 == 0 { return plural(Int(seconds / 3600), "business hour") }
        return "\(BusinessDuration(seconds: seconds)) of business time"
    }

    /// "Level 2 (Regional manager, Service Delivery)", "Level 1 (Customer
    /// care manager, CCM)": a title's own parentheses become a comma.
    static func level(_ level: EscalationLevel) -> String {
        let title = level.title.replacingOccurrences(of: " (", with: ", ").replacingOccurrences(of: "(", with: "").replacingOccurrences(of: ")", with: "")
        return "Level \(level.number) (\(title))"
    }

    /// Lower-cases the first letter, for use mid-sentence.
    /// "customer care manager" for "Customer care manager"; a title in
    /// Title Case ("Escalation Engineer") or an acronym ("CCM") stays as it is.
    static func lowerFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        if text.count > 1, text.dropFirst().first?.isUppercase == true { return text }
        let words = text.split(separator: " ")
        if words.count > 1, words.dropFirst().contains(where: { $0.first?.isUppercase == true && $0.count > 1 && !$0.hasPrefix("(") }),
           !words.dropFirst().contains(where: { $0.first?.isLowercase == true && $0.count > 3 }) {
            return text
        }
        return first.lowercased() + text.dropFirst()
    }

    /// A role title inside a sentence, set off by commas when it has one
    /// itself: "your regional manager, Service Delivery, is".
    static func titleInSentence(_ title: String) -> String {
        title.contains(",") ? title + "," : title
    }

    static func upperFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// Free text from a user, on one line.
    static func quote(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
    }

    /// "an acknowledgement from …", "a response from …".
    static func withArticle(_ noun: String) -> String {
        guard let first = noun.lowercased().first else { return noun }
        return ("aeiou".contains(first) ? "an " : "a ") + noun
    }

    static func list(_ items: [String], conjunction: String = "and") -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        // Two long clauses read better apart: "…, or a service level agreement …".
        case 2: return items.contains { $0.split(separator: " ").count > 6 } ? "\(items[0]), \(conjunction) \(items[1])" : "\(items[0]) \(conjunction) \(items[1])"
        default: return items.dropLast().joined(separator: ", ") + ", \(conjunction) " + items.last!
        }
    }
}
