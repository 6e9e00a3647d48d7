import EscalateDomain

/// A process's ladder as a readable table, with its waits, promises and
/// contacts: what `matrix show` and "show the escalation ladder" print.
enum LadderText {
    static func lines(_ process: EscalationProcess, organisation: Organisation?, calendars: [String: BusinessCalendar], saved: [SavedContact]) -> [String] {
        var lines = ["\(process.title) (\(process.id)):"]
        if !process.summary.isEmpty { lines += [process.summary] }
        for level in process.ladder {
            lines.append("")
            lines.append("Level \(level.number): \(level.title)")
            let calendar = calendars[level.calendar]
            // The hours in the calendar's own zone, at a date in its standard time.
            let hours = calendar.map { calendar -> String in
                let abbreviation = calendar.zone.abbreviation(at: Instant(secondsSinceEpoch: 1_795_000_000))
                let open = calendar.isAlwaysOpen ? "24/7" : calendar.hours.summary.filter { !$0.hasSuffix("closed") }.map { "\($0) \(abbreviation)" }.joined(separator: "; ")
                return calendar.holidays.rules.isEmpty ? open : "\(open), closed on \(calendar.holidaysName ?? "holidays")"
            } ?? level.calendar
            if level.number == process.topLevel.number {
                lines.append("  wait: none; this is the top of the ladder")
            } else if process.level(after: level.number)?.assigned == true {
                lines.append("  next: this level assigns the next one to you")
            } else if process.level(after: level.number)?.anyTime == true {
                lines.append("  wait: none; you may ask for the next level at any time")
            } else if let wait = level.wait {
                var text = "  wait: \(wait) before the next level (business hours: \(hours))"
                if let after = level.waitAfterAcknowledgement { text += "; \(after) once it has responded" }
                lines += [text]
            } else if !level.skipWhen.isEmpty {
                lines.append("  wait: none; go up when one of the reasons below holds")
            } else {
                lines.append("  wait: none set by the source; go up when this level does not resolve your issue")
            }
            for promise in level.promises {
                lines += ["  promise: \(promise.text)"]
            }
            for contact in ContactText.reach(level, saved: saved) {
                lines += ["  contact: \(contact)"]
            }
            for note in level.notes { lines += ["  note: \(note)"] }
            if !level.skipWhen.isEmpty {
                let reasons = level.skipWhen.map { id in process.whenToRaise.first { $0.id == id }?.text ?? id }
                lines += ["  go up at once when: \(Words.list(reasons, conjunction: "or"))"]
            }
        }
        if let start = process.start {
            lines.append("")
            lines += ["How to start: \(start)"]
        }
        if !process.whenToRaise.isEmpty {
            lines.append("When to raise it:")
            lines += process.whenToRaise.map { "  - \(Words.upperFirst($0.text))" }
        }
        if let beyond = process.beyondTop {
            lines += ["Beyond the top: \(beyond)"]
        }
        return lines
    }
}
