import EscalateDomain
import EscalateUnderstanding

/// Committing a turn: every effect in one transaction, before the reply is
/// printed; then the next dialogue state.
extension Conversation {
    /// "Source?" after an answer from the ladders (who is next, a desk's
    /// routes and hours): the document the process answered about comes
    /// from, when this turn moved the conversation onto it.
    func source(of next: DialogueState) -> [String]? {
        guard next.topic != state.topic || next.subject != state.subject, let organisation = next.topic.organisation else { return nil }
        let facts = catalog.facts.filter { $0.organisation == organisation }
        // A process left over from an earlier topic is not this answer's.
        let process = next.topic.process.flatMap { catalog.process($0) }.flatMap { $0.organisation == organisation ? $0 : nil }
        guard let fact = facts.first(where: { process != nil && $0.process == process?.id }) ?? facts.first else { return nil }
        let what = process.map { "its \($0.shortTitle) ladder, contacts, hours and promises" } ?? "its ladders, contacts, hours and promises"
        return ["Source: \(fact.source.title) (\(fact.source.document)): \(what), as the built-in matrix gives them."]
    }

    func commit(_ outcome: Outcome, now: Instant) async throws -> Reply {
        var outcome = outcome
        // What "why?" explains next: this answer's arithmetic; a question
        // back keeps the last answer's.
        outcome.state.explanation = outcome.explanation ?? (outcome.reply.kind == .question ? state.explanation : nil)
            ?? (outcome.writes ? nil : source(of: outcome.state))
        // A change refused on this line is what a correction on the next one means.
        outcome.state.refused = nil
        if !outcome.writes, outcome.reply.kind == .problem, let request = servedRequest, request.intent != .correct,
           registry.handler(for: request.intent)?.kind == .action {
            outcome.state.refused = RefusedChange(request: request, turn: outcome.state.turn)
        }
        guard outcome.writes else {
            state = outcome.state
            return outcome.reply
        }
        let changes = changeSet(outcome.effects)
        let receipt: CommitReceipt
        do {
            receipt = try await store.commit(changes) { [engine] in engine.schedule($0) }
        } catch let error as StoreError where error.code == .conflict {
            // Never override someone else's change: the turn is worked out again.
            throw error
        } catch let error as StoreError {
            state.pending = nil
            return .problem("That was not saved: \(error.message). Nothing was changed; say it again when the store is back.")
        }
        if let finish = outcome.finish { outcome = finish(receipt, outcome) }
        state = outcome.state
        if !outcome.isUndo, let request = outcome.changeRequest ?? servedRequest {
            state.changes.append(ChangeRecord(turn: state.turn, events: madeEvents(changes, receipt), request: request, at: now))
            // A session keeps its last changes, not all of them.
            if state.changes.count > 50 { state.changes.removeFirst(state.changes.count - 50) }
        }
        // New names (a customer, a contact) are recognised from the next line.
        if changes.newTickets.count + changes.contacts.count > 0 { namesChanged() }
        return outcome.reply
    }

    /// The ids of the events a turn made, by ticket, leaving out the undo
    /// markers a correction wrote: "undo" takes back what was made, not the
    /// taking back.
    func madeEvents(_ changes: ChangeSet, _ receipt: CommitReceipt) -> [Int: [Int64]] {
        var made: [Int: [Int64]] = [:]
        for (placeholder, id) in receipt.assignedIDs {
            guard let new = changes.newTickets.first(where: { $0.placeholder == placeholder }) else { continue }
            let ids = receipt.eventIDsByTicket[id] ?? []
            made[id] = zip([PendingEvent(.opened(new.details), at: new.openedAt)] + new.events, ids).map(\.1)
        }
        for append in changes.appends {
            let ids = receipt.eventIDsByTicket[append.ticketID] ?? []
            let kept = zip(append.events, ids).filter { if case .undone = $0.0.kind { return false } else { return true } }.map(\.1)
            if !kept.isEmpty { made[append.ticketID, default: []] += kept }
        }
        return made
    }

    /// The effects as one change set: each ticket's events together, based on
    /// the version the first of them saw.
    func changeSet(_ effects: [Effect]) -> ChangeSet {
        var changes = ChangeSet(author: settings.user, recordedAt: recordingClock?() ?? wallClock.now())
        for effect in effects {
            switch effect {
            case .record(let id, let version, let events):
                if let index = changes.appends.firstIndex(where: { $0.ticketID == id }) {
                    changes.appends[index].events += events
                    if changes.appends[index].expectedVersion == nil { changes.appends[index].expectedVersion = version }
                } else {
                    changes.appends.append(TicketAppend(ticketID: id, expectedVersion: version, events: events))
                }
            case .open(let ticket): changes.newTickets.append(ticket)
            case .saveContact(let contact): changes.contacts.append(contact)
            }
        }
        return changes
    }

    /// "#1 changed since you looked (kim escalated it to Level 2); nothing was saved."
    func conflictMessage(_ error: StoreError) -> String {
        var parts: [String] = []
        for conflict in error.conflicts {
            let news = conflict.newEvents.map { event -> String in
                let process = catalog.process(processID(of: conflict) ?? "")
                return "\(event.author) \(EventText.describe(event, in: nil, process: process, catalog: catalog, zone: settings.zone)) \(ZonedTime(event.recordedAt, in: settings.zone).friendly)"
            }
            parts.append("#\(conflict.ticketID) changed since you looked: \(news.joined(separator: "; "))")
        }
        return parts.joined(separator: ". ") + ". Nothing was saved; look again and say it again if it still applies."
    }

    private func processID(of conflict: TicketConflict) -> String? {
        for event in conflict.newEvents { if case .opened(let details) = event.kind { return details.process } }
        return nil
    }
}
