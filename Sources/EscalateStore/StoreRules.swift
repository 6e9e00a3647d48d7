import EscalateDomain
import Foundation

/// What every backend checks and decides the same way, so that the three
/// stores cannot drift apart: a change's validity, the words of a conflict,
/// which saved contact a new one replaces, and how an import is checked.
public enum StoreRules {
    /// Refuses a change set that breaks a rule, before anything is written.
    public static func check(_ changes: ChangeSet) throws {
        if let problem = TicketRules.problem(withAuthor: changes.author) { throw StoreError(.invalid, problem) }
        for append in changes.appends {
            if let problem = TicketRules.problem(withTicketID: append.ticketID) { throw StoreError(.invalid, problem) }
        }
        let events = changes.newTickets.flatMap { [PendingEvent(.opened($0.details), at: $0.openedAt)] + $0.events }
            + changes.appends.flatMap(\.events)
        for event in events {
            if let problem = TicketRules.problem(with: event.kind) { throw StoreError(.invalid, problem) }
        }
    }

    /// One error for every ticket that moved on, naming them.
    public static func conflictError(_ conflicts: [TicketConflict]) -> StoreError {
        let names = conflicts.map { "#\($0.ticketID)" }
        let list = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " and " + names.last!
        return StoreError(.conflict, "\(list) changed since you looked; nothing was saved", conflicts: conflicts)
    }

    /// The saved contacts once `contact` is saved: it replaces the one with
    /// its role and organisation, or, without a role, the one with its name.
    public static func saving(_ contact: SavedContact, into saved: [SavedContact]) -> [SavedContact] {
        var kept = saved.filter { old in
            if let role = contact.role {
                return !(old.role == role && (old.organisation ?? "") == (contact.organisation ?? ""))
            }
            return !(old.role == nil && old.name.lowercased() == contact.name.lowercased())
        }
        kept.append(contact)
        return kept
    }

    /// The logs to import, by ticket number in order, each checked whole:
    /// a positive number not in use, opened exactly once and first, every
    /// event within the rules, and every undo pointing at an earlier event.
    /// The first bad record refuses the whole file.
    public static func importPlan(_ events: [TicketEvent], existing: Set<Int>) throws -> [(Int, [TicketEvent])] {
        let byTicket = Dictionary(grouping: events, by: \.ticketID)
        var plan: [(Int, [TicketEvent])] = []
        for (ticketID, log) in byTicket.sorted(by: { $0.key < $1.key }) {
            func refuse(_ why: String) -> StoreError { StoreError(.invalid, "ticket #\(ticketID): \(why); nothing was imported") }
            if let problem = TicketRules.problem(withTicketID: ticketID) { throw StoreError(.invalid, "\(problem); nothing was imported") }
            if existing.contains(ticketID) { throw StoreError(.conflict, "ticket #\(ticketID) already exists; nothing was imported") }
            let sorted = log.sorted { $0.id < $1.id }
            guard case .opened? = sorted.first?.kind else { throw refuse("its log does not begin with 'opened'") }
            var seen: Set<Int64> = []
            for (position, event) in sorted.enumerated() {
                if position > 0, case .opened = event.kind { throw refuse("it is opened twice (event \(event.id))") }
                if let problem = TicketRules.problem(withAuthor: event.author) { throw refuse("event \(event.id): \(problem)") }
                if let problem = TicketRules.problem(with: event.kind) { throw refuse("event \(event.id): \(problem)") }
                if case .undone(let target) = event.kind, !seen.contains(target) {
                    throw refuse("an undo refers to event \(target), which is not earlier in its log")
                }
                seen.insert(event.id)
            }
            _ = try project(ticketID, sorted)
            plan.append((ticketID, sorted))
        }
        return plan
    }

    /// An event's kind as stored: JSON with sorted keys, the same in every
    /// backend, so that a log moves between them unchanged.
    public static func encodedKind(_ kind: TicketEventKind) -> String {
        // Encoding a value type of our own cannot fail.
        String(decoding: try! kindEncoder.encode(kind), as: UTF8.self)
    }

    public static func decodedKind(_ payload: String, eventID: Int64) throws -> TicketEventKind {
        do {
            return try JSONDecoder().decode(TicketEventKind.self, from: Data(payload.utf8))
        } catch {
            throw StoreError(.corrupt, "event \(eventID) cannot be read: \(error)")
        }
    }

    private static let kindEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    /// The ticket a log makes, or an error naming the ticket.
    public static func project(_ ticketID: Int, _ log: [TicketEvent]) throws -> Ticket {
        do { return try Ticket(events: log) } catch { throw StoreError(.corrupt, "ticket #\(ticketID): \(error)") }
    }
}
