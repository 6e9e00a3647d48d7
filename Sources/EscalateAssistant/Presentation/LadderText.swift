import EscalateDomain

/// A process's ladder as a readable table, with its waits, promises and
/// contacts: what `matrix show` and "show the escalation ladder" print.
enum LadderText {
    static func lines(_ process: EscalationProcess, organisation: Organisation?, calendars: [String: BusinessCalendar], saved: [SavedContact], width: Int) -> [String] {
        var lines = ["\(process.title) (\(process.id)):"]
        if !process.summary.isEmpty { lines += TextWrap.wrap([process.summary], width: width) }
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
                lines += TextWrap.wrap([text], width: width)
            } else {
                lines.append("  wait: none set; go up when a reason to escalate holds")
            }
            for promise in level.promises {
                lines += TextWrap.wrap(["  promise: \(promise.text)"], width: width)
            }
            for contact in ContactText.reach(level, saved: saved) {
                lines += TextWrap.wrap(["  contact: \(contact)"], width: width)
            }
            if !level.skipWhen.isEmpty {
                let reasons = level.skipWhen.map { id in process.whenToRaise.first { $0.id == id }?.text ?? id }
                lines += TextWrap.wrap(["  no wait when: \(Words.list(reasons, conjunction: "or"))"], width: width)
            }
        }
        if let start = process.start {
            lines.append("")
            lines += TextWrap.wrap(["Start: \(start)"], width: width)
        }
        if !process.whenToRaise.isEmpty {
            lines.append("When to raise it:")
            lines += TextWrap.wrap(process.whenToRaise.map { "  - \(Words.upperFirst($0.text))" }, width: width)
        }
        if let beyond = process.beyondTop {
            lines += TextWrap.wrap(["Beyond the top: \(beyond)"], width: width)
        }
        return lines
    }
}
