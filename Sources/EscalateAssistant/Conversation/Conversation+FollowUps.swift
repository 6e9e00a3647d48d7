import EscalateUnderstanding

/// Lines that carry on from the last answer ("and on Monday?", "what about
/// CMS?", "and after that?"), recognised by what they name and the few
/// words around it.
extension Conversation {
    /// The follow-up a line makes of the last question, when it names
    /// nothing but an organisation, topic, segment or day and no action
    /// word, and a question was just answered.
    func followUp(_ interpretation: Interpretation) -> Request? {
        guard state.lastQuestion != nil, interpretation.intent != .followUp else { return nil }
        let kinds = Set(interpretation.entities.map(\.kind))
        guard !kinds.isEmpty, kinds.isSubset(of: [.org, .category, .segment, .time]) else { return nil }
        guard onlyFollowUpWords(interpretation) else { return nil }
        return followUpRequest(interpretation)
    }

    /// The follow-up of what a line names: each entity, as its slot.
    func followUpRequest(_ interpretation: Interpretation) -> Request {
        var slots = Slots()
        for span in interpretation.entities { slots[span.kind] = span.value }
        return Request(.followUp, slots: slots, cues: interpretation.cues)
    }

    /// Whether every word outside what the line names is one a follow-up is
    /// made of ("and", "what about").
    func onlyFollowUpWords(_ interpretation: Interpretation) -> Bool {
        var covered = Set<Int>()
        for span in interpretation.entities { covered.formUnion(span.start..<span.end) }
        let rest = interpretation.correctedWords.enumerated().filter { !covered.contains($0.offset) }.map(\.element)
        // Naming something, only the little words of "what about …" go with it;
        // naming nothing, the words of "and after that?" too.
        let allowed = covered.isEmpty ? Self.followUpWords.union(Self.followUpPhraseWords) : Self.followUpWords
        return rest.allSatisfy { allowed.contains($0) }
    }

    /// Words of the follow-ups that name nothing ("and after that?", "what if they don't respond?").
    static let followUpPhraseWords: Set<String> = [
        "after", "that", "them", "him", "her", "if", "they", "do", "not", "respond", "answer", "reply", "either", "who", "comes", "is",
        "next", "above", "over", "level", "up", "one", "still", "get", "back", "to", "me", "go", "escalate", "turn", "i", "does", "work", "it",
    ]

    /// The words a bare follow-up is made of, besides what it names.
    static let followUpWords: Set<String> = [
        "and", "what", "about", "how", "for", "on", "at", "then", "with", "the", "same", "question", "so", "but", "in", "instead",
    ]
}
