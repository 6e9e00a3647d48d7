import EscalateDomain

/// Builds a ticket's log step by step, as the assistant would record it.
struct TicketScript {
    var events: [TicketEvent] = []
    let zone: String

    init(process: String, organisation: String, zone: String = "America/Chicago", segment: String? = nil, at time: String) {
        self.zone = zone
        let details = TicketDetails(
            customer: "Acme", account: "ACC-1", organisation: organisation, process: process, summary: "Circuit install slipping", segment: segment)
        append(.opened(details), at: time)
    }

    func instant(_ text: String) -> Instant { TicketScript.instant(text, zone) }

    static func instant(_ text: String, _ zone: String) -> Instant {
        try! ZonedTime(parsing: text.replacingOccurrences(of: " ", with: "T") + " " + zone).instant
    }

    mutating func append(_ kind: TicketEventKind, at time: String) {
        let at = instant(time)
        events.append(TicketEvent(id: Int64(events.count + 1), ticketID: 7, occurredAt: at, recordedAt: at, author: "sam", kind: kind))
    }

    mutating func engage(_ level: Int, at time: String, channel: Channel = .phone) {
        append(.contactAttempted(ContactRecord(level: level, channel: channel)), at: time)
    }

    var ticket: Ticket { try! Ticket(events: events) }
}
