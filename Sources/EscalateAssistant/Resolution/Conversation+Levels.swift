import EscalateDomain
import EscalateUnderstanding

/// Finding the level of a ladder that a line names, and the process a
/// question is about.
extension Conversation {
    /// The level the slots name (`level 2`, `the director`, `Dana`) in `process`.
    func level(named slots: [String: SlotValue], in process: EscalationProcess, current: Int?) -> EscalationLevel? {
        switch slots.level {
        case .number(let n)?: return process.level(n)
        case .next?: return process.level(after: current ?? (process.firstLevel.number - 1))
        case .top?: return process.topLevel
        case nil: break
        }
        if let role = slots.role, let level = level(forRole: role, in: process) { return level }
        if let address = slots.text("email")?.lowercased() {
            if let level = process.ladder.first(where: { level in
                level.person?.email?.lowercased() == address || level.contacts.contains { if case .email(let a, _) = $0 { return a.lowercased() == address } else { return false } }
            }) { return level }
        }
        if let person = slots.text("person")?.lowercased() { return level(ofPerson: person, in: process) }
        return nil
    }

    /// The level a named person stands at: its person, a name in its
    /// contacts, a saved contact's role, or a manager on the organisation's
    /// regional lists (the management level).
    func level(ofPerson person: String, in process: EscalationProcess) -> EscalationLevel? {
        if let level = process.ladder.first(where: { $0.person?.name.lowercased().hasPrefix(person) == true }) { return level }
        if let level = process.ladder.first(where: { level in level.contacts.contains { ContactText.line($0).lowercased().contains(person) } }) {
            return level
        }
        let saved = (try? store.contacts()) ?? []
        if let contact = saved.first(where: { $0.name.lowercased().hasPrefix(person) }), let role = contact.role {
            return level(forRole: role, in: process)
        }
        if let organisation = catalog.organisation(process.organisation),
           organisation.contactLists.contains(where: { $0.people.contains { $0.name.lowercased().hasPrefix(person) } }) {
            return level(forRole: "ccm_manager", in: process)
        }
        return nil
    }

    /// The level for a role id: its own, or the management level above the
    /// CCM for the titles that share it (director, VP, CCM manager, regional manager).
    func level(forRole role: String, in process: EscalationProcess) -> EscalationLevel? {
        if let level = process.ladder.first(where: { $0.role == role }) { return level }
        if role == "director", let level = process.ladder.last(where: { $0.title.lowercased().contains("director") }) { return level }
        let management: Set<String> = ["ccm_manager", "director", "vp", "regional_manager"]
        if management.contains(role) {
            return process.ladder.first { management.contains($0.role ?? "") }
        }
        if role == "billing_rep" || role == "helpdesk" { return process.ladder.first { $0.role == "billing_rep" } }
        let words = role.split(separator: "_").map(String.init)
        return process.ladder.first { level in words.allSatisfy { level.title.lowercased().contains($0) } }
    }

    /// The processes an organisation and a category point to. A segment
    /// (Enterprise, National Wholesale) is Lumen's.
    func processes(org: String?, category: String?, segment: String? = nil) -> [EscalationProcess] {
        var candidates = catalog.processes
        let org = org ?? (segment != nil ? "lumen" : nil)
        if let org { candidates = candidates.filter { $0.organisation == org } }
        if let category {
            let matching = candidates.filter { $0.topics.contains(category) }
            if !matching.isEmpty { candidates = matching } else if org == nil { candidates = [] }
        }
        return candidates
    }

    /// Asks which process is meant, listing the candidates.
    func askWhichProcess(intent: String, slots: [String: SlotValue], candidates: [EscalationProcess], question: String) -> Reply {
        let shown = Array(candidates.prefix(11))
        pending = .whichProcess(intent: intent, slots: slots, candidates: shown)
        var lines = [question]
        for (index, process) in shown.enumerated() {
            lines.append("  \(index + 1). \(process.shortTitle)")
        }
        return Reply(lines, kind: .question)
    }

    func organisationName(_ id: String) -> String { catalog.organisation(id)?.name ?? id }
}
