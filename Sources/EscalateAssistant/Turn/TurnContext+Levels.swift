import EscalateDomain
import EscalateUnderstanding

/// Finding the level of a ladder that a line names, and the process a
/// question is about.
extension TurnContext {
    /// The level the slots name (`level 2`, `the director`, `Dana`) in `process`.
    func level(named slots: Slots, in process: EscalationProcess, current: Int?, saved: [SavedContact] = []) -> EscalationLevel? {
        switch slots.level {
        case .number(let n)?: return process.level(n)
        case .next?: return process.level(after: current ?? (process.firstLevel.number - 1))
        case .top?: return process.topLevel
        case nil: break
        }
        if let role = slots.role, let level = level(forRole: role, in: process) { return level }
        if let address = slots.text(.email)?.lowercased() {
            if let level = process.ladder.first(where: { level in
                level.person?.email?.lowercased() == address || level.contacts.contains { if case .email(let a, _) = $0 { return a.lowercased() == address } else { return false } }
            }) { return level }
        }
        if let person = slots.text(.person)?.lowercased() { return level(ofPerson: person, in: process, saved: saved) }
        return nil
    }

    /// The level a named person stands at: its person, a name in its
    /// contacts, a saved contact's role, or a manager on the organisation's
    /// regional lists (the level the lists' people hold).
    func level(ofPerson person: String, in process: EscalationProcess, saved: [SavedContact]) -> EscalationLevel? {
        if let level = process.ladder.first(where: { $0.person?.name.lowercased().hasPrefix(person) == true }) { return level }
        if let level = process.ladder.first(where: { level in level.contacts.contains { ContactText.line($0).lowercased().contains(person) } }) {
            return level
        }
        if let contact = saved.first(where: { $0.name.lowercased().hasPrefix(person) }), let role = contact.role {
            return level(forRole: role, in: process)
        }
        if let organisation = catalog.organisation(process.organisation),
           organisation.contactLists.contains(where: { $0.people.contains { $0.name.lowercased().hasPrefix(person) } }) {
            return managementLevel(of: process)
        }
        return nil
    }

    /// The level the organisation's management lists belong to: the first
    /// level above the entry level whose role other roles are covered by.
    func managementLevel(of process: EscalationProcess) -> EscalationLevel? {
        process.ladder.first { coveringRoles.contains($0.role ?? "") } ?? process.level(after: process.firstLevel.number)
    }

    /// The roles whose levels serve other roles: the management tiers.
    var coveringRoles: Set<String> { Set(catalog.roles.flatMap(\.coveredBy)) }

    /// The level for a role id: its own; one whose title names it ("CCM
    /// manager / director / VP" for the director); or the level of a role
    /// the data says covers it.
    func level(forRole role: String, in process: EscalationProcess) -> EscalationLevel? {
        if let level = process.ladder.first(where: { $0.role == role }) { return level }
        let description = catalog.role(role)
        let words = role.split(separator: "_").map(String.init)
        if let level = process.ladder.last(where: { level in
            let title = level.title.lowercased()
            return words.allSatisfy { title.range(of: #"\b\#($0)\b"#, options: .regularExpression) != nil }
                || (description?.abbreviation).map { title.range(of: #"\b\#($0.lowercased())\b"#, options: .regularExpression) != nil } == true
        }) { return level }
        for other in description?.coveredBy ?? [] {
            if let level = process.ladder.first(where: { $0.role == other }) { return level }
        }
        return nil
    }

    /// The processes an organisation and a category point to. A segment
    /// (Enterprise, National Wholesale) belongs to one organisation.
    func processes(org: String?, category: String?, segment: String? = nil) -> [EscalationProcess] {
        var candidates = catalog.processes
        let org = org ?? segment.flatMap { catalog.segment($0)?.organisation.id }
        if let org { candidates = candidates.filter { $0.organisation == org } }
        if let category {
            let matching = candidates.filter { $0.topics.contains(category) }
            if !matching.isEmpty { candidates = matching } else if org == nil { candidates = [] }
        }
        return candidates
    }

    /// Asks which process is meant, listing the candidates.
    func askWhichProcess(candidates: [EscalationProcess], question: String, request: Request? = nil) -> Outcome {
        let shown = Array(candidates.prefix(11))
        var lines = [question]
        for (index, process) in shown.enumerated() {
            lines.append("  \(index + 1). \(process.shortTitle)")
        }
        let labels = shown.map { "\($0.title) \($0.shortTitle) \($0.id) \($0.topics.joined(separator: " "))" }
        return ask(.whichProcess(shown.map(\.id)), lines, prompt: question, about: "which process you meant", request: request, options: labels)
    }

    /// The process a question is about: the slot's, the ticket's, or asked.
    func processFor(intent: IntentName) async throws -> (process: EscalationProcess?, ticket: Ticket?, reply: Outcome?) {
        if let id = slots.process, let process = catalog.process(id) { return (process, nil, nil) }
        if slots.ticketRef != nil || (slots.org == nil && slots.category == nil && state.focus != nil) {
            switch try await resolveTicket(includeClosed: true) {
            case .reply(let reply): return (nil, nil, reply)
            case .found(let ticket): return (process(of: ticket), ticket, nil)
            }
        }
        var candidates = processes(org: slots.org, category: slots.category, segment: slots.segment)
        // "The CMS timeline": only the processes that have one.
        if intent == .timeline, candidates.contains(where: { !$0.timeline.isEmpty }) { candidates = candidates.filter { !$0.timeline.isEmpty } }
        if candidates.count == 1 { return (candidates[0], nil, nil) }
        return (nil, nil, askWhichProcess(candidates: candidates.isEmpty ? catalog.processes : candidates, question: "Which process?"))
    }
}
