import EscalateDomain

/// What teammates did since this session last looked, as nudges before the
/// prompt: "Dana Reyes escalated #4 Acme to Level 2 (…) at 10:12 CT today."
///
/// The change feed (`events(after:)`) is the one source: a store that
/// signals changes (PostgreSQL's LISTEN/NOTIFY) is read only when signalled,
/// any other at every prompt. Changes by this session's own user are not
/// news to them and are skipped.
extension Conversation {
    /// At most this many lines about teammates before one prompt; the rest are counted.
    static let teammateLineLimit = 8

    func teammateLines(now: Instant) async throws -> [String] {
        guard let seen = seenEventID else {
            // The session starts from now: what came before is the history, not news.
            seenEventID = try await store.latestEventID()
            return []
        }
        if let signalling = store as? any ChangeSignalling, !(await signalling.takeChangeSignal()) { return [] }
        var news: [TicketEvent] = []
        var after = seen
        while true {
            let batch = try await store.events(after: after, limit: 500)
            news += batch.filter { $0.author != settings.user }
            after = batch.last?.id ?? after
            if batch.count < 500 { break }
        }
        seenEventID = after
        try await refreshNamesIfChanged(byTeammates: !news.isEmpty)
        return try await describe(news, now: now)
    }

    /// Recognition's names (customers, contacts) are read again when a
    /// teammate changed tickets, or saved a contact (which is not an event).
    private func refreshNamesIfChanged(byTeammates changed: Bool) async throws {
        guard let cached = cachedNames else { return }
        if changed {
            namesChanged()
        } else if try await store.contacts() != cached.contacts {
            namesChanged()
        }
    }

    /// One line per teammate's change to a ticket: the events one commit
    /// recorded on one ticket are told as its first, with a count of the rest.
    private func describe(_ news: [TicketEvent], now: Instant) async throws -> [String] {
        var groups: [[TicketEvent]] = []
        for event in news {
            if let last = groups.last?.last, last.ticketID == event.ticketID, last.author == event.author, last.recordedAt == event.recordedAt {
                groups[groups.count - 1].append(event)
            } else {
                groups.append([event])
            }
        }
        var tickets: [Int: Ticket] = [:]
        var lines: [String] = []
        for group in groups.prefix(Self.teammateLineLimit) {
            let id = group[0].ticketID
            if tickets[id] == nil { tickets[id] = try await store.ticket(id) }
            var line = teammateSentence(group[0], ticket: tickets[id], now: now)
            if group.count > 1 { line += group.count == 2 ? " (and 1 more entry)" : " (and \(group.count - 1) more entries)" }
            lines.append(line + ".")
        }
        if groups.count > Self.teammateLineLimit {
            lines.append("… and \(Words.plural(groups.count - Self.teammateLineLimit, "more change")) by teammates; say “history of #N” to see them.")
        }
        return lines
    }

    /// "Dana Reyes escalated #4 Acme to Level 2 (…) at 10:12 CT today": who,
    /// what and when, the time in the reader's zone with its zone named.
    func teammateSentence(_ event: TicketEvent, ticket: Ticket?, now: Instant) -> String {
        let who = Words.quote(event.author)
        let when = TimeWords(zone: settings.zone).at(event.recordedAt, now: now)
        let process = ticket.flatMap { catalog.process($0.details.process) }
        let label = "#\(event.ticketID)" + (ticket.map { " " + Words.quote($0.details.customer) } ?? "")
        func level(_ number: Int) -> String { process?.level(number).map(Words.level) ?? "Level \(number)" }
        switch event.kind {
        case .opened(let details):
            return "\(who) opened #\(event.ticketID) for \(Words.quote(details.customer)) \(when)"
        case .escalated(let toLevel, _, _):
            return "\(who) escalated \(label) to \(level(toLevel)) \(when)"
        case .deescalated:
            return "\(who) de-escalated \(label) \(when)"
        case .closed(let code, _, _):
            return "\(who) closed \(label) as \(Words.code(code)) \(when)"
        case .reopened:
            return "\(who) reopened \(label) \(when)"
        default:
            let what = EventText.describe(event, in: ticket, process: process, catalog: catalog, zone: settings.zone)
            return "\(who) on \(label) \(when): \(what)"
        }
    }
}
