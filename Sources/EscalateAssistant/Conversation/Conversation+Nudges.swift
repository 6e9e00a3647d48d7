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
        let due = try await store.tickets(TicketQuery(.dueCrossedBetween(after: since, upTo: now)))
        var missed: [Int: (what: String, when: Instant)] = [:]
        for summary in due {
            guard let when = summary.schedule.nextDue, let what = summary.schedule.nextDueWhat else { continue }
            missed[summary.id] = (what, when)
        }
        let opened = try await store.tickets(TicketQuery(.levelOpenedBetween(after: since, upTo: now)))
        let words = TimeWords(zone: settings.zone)
        for summary in opened {
            guard let ticket = try await store.ticket(summary.id), let advice = engine.whoNow(ticket, at: now),
                  case .nextOpen(_, let next, .waitPassed(_, let openedAt)) = advice.situation else { continue }
            // A promise missed at the moment the next level opened: one line for both.
            if let miss = missed[ticket.id], miss.when == openedAt {
                lines.append("#\(ticket.id) \(Words.quote(ticket.details.customer)) is overdue: the \(miss.what) was due \(words.at(miss.when, now: now)), so \(Words.level(next)) is open to you.")
                missed[ticket.id] = nil
                continue
            }
            lines.append("#\(ticket.id) \(Words.quote(ticket.details.customer)): \(Words.level(next)) has been open to you since \(words.stamp(openedAt, now: now)).")
        }
        for summary in due {
            guard let miss = missed[summary.id] else { continue }
            lines.append("#\(summary.id) \(Words.quote(summary.customer)) is overdue: the \(miss.what) was due \(words.at(miss.when, now: now)).")
        }
        return lines
    }

    /// At the start of a session, a word about anything already overdue.
    private func startupNudge(now: Instant) async throws -> [String] {
        let overdue = try await store.tickets(TicketQuery(.dueBy(now)))
        guard !overdue.isEmpty else { return [] }
        let labels = overdue.prefix(5).map { "#\($0.id)" }.joined(separator: ", ")
        return ["\(Words.plural(overdue.count, "ticket")) overdue: \(labels)\(overdue.count > 5 ? ", …" : ""). Say “list overdue”."]
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
