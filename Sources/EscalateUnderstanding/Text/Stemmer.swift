/// A light English stemmer: enough to make "escalating", "escalated" and
/// "escalation" one feature, without Porter's surprises on short words.
public enum Stemmer {
    static let exceptions: [String: String] = [
        "called": "call", "calling": "call", "calls": "call", "emailed": "email", "emailing": "email", "emails": "email",
        "rang": "call", "phoned": "phone", "spoke": "speak", "spoken": "speak", "told": "tell", "sent": "send",
        "got": "get", "gotten": "get", "heard": "hear", "went": "go", "gone": "go", "did": "do",
        "does": "do", "has": "have", "had": "have", "was": "be", "were": "be", "is": "be", "are": "be", "am": "be", "been": "be",
        "closed": "close", "closing": "close", "reopened": "reopen", "paused": "pause", "resumed": "resume",
        "acknowledged": "acknowledge", "acknowledgement": "acknowledge", "acknowledgment": "acknowledge", "ack": "acknowledge", "acked": "acknowledge",
        "escalated": "escalate", "escalating": "escalate", "escalation": "escalate", "escalations": "escalate",
        "deescalate": "de-escalate", "deescalated": "de-escalate", "de-escalated": "de-escalate", "de-escalation": "de-escalate",
        "children": "child", "people": "person", "hours": "hour", "business": "business", "status": "status", "process": "process",
    ]

    public static func stem(_ word: String) -> String {
        if let exception = exceptions[word] { return exception }
        let utf8 = word.utf8
        guard utf8.count > 4, utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || $0 == 45 || $0 >= 128 }) else { return word }
        for (suffix, replacement, minimum) in rules where word.hasSuffix(suffix) && word.count - suffix.count >= minimum {
            return String(word.dropLast(suffix.count)) + replacement
        }
        return word
    }

    /// Suffix, replacement, minimum stem length.
    static let rules: [(String, String, Int)] = [
        ("ational", "ate", 3), ("ation", "ate", 3), ("ments", "", 4), ("ment", "", 4), ("iness", "y", 3),
        ("ness", "", 3), ("ings", "", 3), ("ing", "", 3), ("ies", "y", 3), ("ied", "y", 3), ("edly", "", 3),
        ("ed", "", 3), ("ly", "", 4), ("ers", "er", 3), ("sses", "ss", 2), ("s", "", 3),
    ]
}
