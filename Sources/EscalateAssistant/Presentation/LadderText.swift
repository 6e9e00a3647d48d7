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
            let hours = calendar.map { "\($0.hours.summary.first ?? "") \($0.zone.abbreviation(at: Instant(secondsSinceEpoch: 1_795_000_000)))" } ?? level.calendar
            if level.number == process.topLevel.number {
                lines.append("  wait: top of the ladder")
            } else if let wait = level.wait {
                var text = "  wait: \(wait) before the next level (\(level.calendar): \(hours))"
                if let after = level.waitAfterAcknowledgement { text += "; \(after) once it has responded" }
                lines += [text]
            } else {
                lines.append("  wait: none set; go up when a reason to escalate holds")
            }
            for promise in level.promises {
                lines += ["  promise: \(promise.text)"]
            }
            for contact in ContactText.reach(level, saved: saved) {
                lines += ["  contact: \(contact)"]
            }
            if !level.skipWhen.isEmpty {
                let reasons = level.skipWhen.map { id in process.whenToRaise.first { $0.id == id }?.text ?? id }
                lines += ["  no wait when: \(Words.list(reasons, conjunction: "or"))"]
            }
        }
        if let start = process.start {
            lines.append("")
            lines += ["Start: \(start)"]
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
