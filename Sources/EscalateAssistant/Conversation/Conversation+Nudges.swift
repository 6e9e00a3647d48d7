import EscalateDomain

/// One line before the prompt for each ticket that crossed a line since the
/// last prompt: the next level opened, or a promise or update fell due; and
/// before them, what teammates did (`Conversation+Teammates`).
extension Conversation {
    public func nudges(now: Instant) async -> [String] {
        var lines: [String] = []
        var failure: Error?
        // Each part is tried on its own, so that one failing keeps the other's lines.
        do { lines += try await teammateLines(now: now) } catch { failure = error }
        do { lines += try await nudgeLines(now: now) } catch { failure = error }
        if let failure {
            lines.append("(The ticket store could not be read for reminders: \(failure). They will come at the next prompt.)")
        }
        return lines
    }

    func nudgeLines(now: Instant) async throws -> [String] {
        guard let since = nudgedUpTo, since < now else {
            let first = nudgedUpTo == nil
            nudgedUpTo = now
            return first ? try await startupNudge(now: now) : []
        }
        nudgedUpTo = now
        var lines: [String] = []
        // The index holds each ticket's soonest item; a later one falling
        // due behind an earlier, still overdue one is found from the
        // ticket's own clocks, so that every item gets its line.
        // Bounded, so that a long overdue queue cannot slow every prompt.
        var query = TicketQuery(.dueBy(now))
        query.limit = 200
        let due = try await store.tickets(query)
        var missed: [Int: [OutstandingItem]] = [:]
        for summary in due {
            guard let ticket = try await store.ticket(summary.id) else { continue }
            let crossed = OutstandingItem.items(of: ticket, engine: engine, now: now).filter { $0.due > since && $0.due <= now }
            if !crossed.isEmpty { missed[summary.id] = crossed }
        }
        let opened = try await store.tickets(TicketQuery(.levelOpenedBetween(after: since, upTo: now)))
        let words = TimeWords(zone: settings.zone)
        for summary in opened {
            guard let ticket = try await store.ticket(summary.id), let advice = engine.whoNow(ticket, at: now),
                  case .nextOpen(_, let next, .waitPassed(_, let openedAt)) = advice.situation else { continue }
            // A promise missed at the moment the next level opened: one line for both.
            if let miss = missed[ticket.id]?.first(where: { $0.due == openedAt }) {
                lines.append("#\(ticket.id) \(Words.quote(ticket.details.customer)) is overdue: the \(miss.what) was due \(words.at(miss.due, now: now)), so \(Words.level(next)) is open to you.")
                missed[ticket.id]?.removeAll { $0 == miss }
                continue
            }
            lines.append("#\(ticket.id) \(Words.quote(ticket.details.customer)): \(Words.level(next)) has been open to you since \(words.stamp(openedAt, now: now)).")
        }
        for summary in due {
            for miss in missed[summary.id] ?? [] {
                lines.append("#\(summary.id) \(Words.quote(summary.customer)) is overdue: the \(miss.what) was due \(words.at(miss.due, now: now)).")
            }
        }
        return lines
    }

    /// At the start of a session, a word about what is already overdue:
    /// each item by name and when it was due, for the first few tickets.
    private func startupNudge(now: Instant) async throws -> [String] {
        let overdue = try await store.tickets(TicketQuery(.dueBy(now)))
        guard !overdue.isEmpty else { return [] }
        let words = TimeWords(zone: settings.zone)
        var lines = ["\(Words.plural(overdue.count, "ticket")) overdue:"]
        for summary in overdue.prefix(5) {
            guard let ticket = try await store.ticket(summary.id) else { continue }
            let items = OutstandingItem.items(of: ticket, engine: engine, now: now).filter { $0.due <= now }
            let text = items.map { "the \($0.what), due \(words.stamp($0.due, now: now))" }
            lines.append("  #\(summary.id) \(Words.quote(summary.customer)): \(text.joined(separator: "; "))")
        }
        lines.append((overdue.count > 5 ? "… and \(overdue.count - 5) more. " : "") + "Say “list overdue”.")
        return lines
    }

    /// Completions for the word before the cursor: ticket numbers, names, and
    /// the words of the intents. Read from what the last turn knew, so that
    /// pressing Tab never waits on the store.
    public func completions(for word: String) -> [String] {
        let lowered = word.lowercased()
        var candidates: [String] = []
        if word.hasPrefix("#") {
            candidates += (cachedNames?.tickets ?? []).map { "#\($0)" }
        } else {
            candidates += (cachedNames?.contacts ?? []).map(\.name).flatMap { $0.split(separator: " ").map(String.init) }
            candidates += assistant.peopleInMatrices.flatMap { $0.split(separator: " ").map(String.init) }
            candidates += assistant.matcher.vocabularyWords
        }
        return Array(Set(candidates.filter { $0.lowercased().hasPrefix(lowered) && $0.count > word.count })).sorted()
    }
}
