/// Events are stored and exported as flat JSON objects tagged by `type`:
/// `{"type":"escalated","to_level":2,"reason":"SLA missed"}`.
extension TicketEventKind: Codable {
    private enum Key: String, CodingKey {
        case type, details, record, note, toLevel = "to_level", reason, condition, answers, plan, code
        case agreedBy = "agreed_by", reference, eventID = "event_id", segment, field, value, contact, due, what
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        let type = try c.decode(String.self, forKey: .type)
        switch type {
        case "opened": self = .opened(try c.decode(TicketDetails.self, forKey: .details))
        case "contact_attempted": self = .contactAttempted(try c.decode(ContactRecord.self, forKey: .record))
        case "contact_made": self = .contactMade(try c.decode(ContactRecord.self, forKey: .record))
        case "acknowledged": self = .acknowledged(try c.decode(ContactRecord.self, forKey: .record))
        case "update_logged": self = .updateLogged(note: try c.decode(String.self, forKey: .note))
        case "escalated":
            self = .escalated(toLevel: try c.decode(Int.self, forKey: .toLevel),
                              reason: try c.decodeIfPresent(String.self, forKey: .reason),
                              condition: try c.decodeIfPresent(String.self, forKey: .condition))
        case "deescalated": self = .deescalated(answers: try c.decode([ChecklistAnswer].self, forKey: .answers))
        case "paused": self = .paused(reason: try c.decodeIfPresent(String.self, forKey: .reason))
        case "resumed": self = .resumed(note: try c.decodeIfPresent(String.self, forKey: .note))
        case "plan_set": self = .planSet(try c.decode(CommunicationPlan.self, forKey: .plan))
        case "closed":
            self = .closed(code: try c.decode(String.self, forKey: .code), note: try c.decodeIfPresent(String.self, forKey: .note),
                           agreedBy: try c.decode(String.self, forKey: .agreedBy))
        case "reopened": self = .reopened(reason: try c.decodeIfPresent(String.self, forKey: .reason))
        case "reference_added": self = .referenceAdded(try c.decode(TicketReference.self, forKey: .reference))
        case "condition_raised":
            self = .conditionRaised(condition: try c.decode(String.self, forKey: .condition), note: try c.decodeIfPresent(String.self, forKey: .note))
        case "segment_set": self = .segmentSet(try c.decode(String.self, forKey: .segment))
        case "undone": self = .undone(eventID: try c.decode(Int64.self, forKey: .eventID))
        case "field_set": self = .fieldSet(field: try c.decode(TicketField.self, forKey: .field), value: try c.decode(String.self, forKey: .value))
        case "customer_contact": self = .customerContact(try c.decode(CustomerContact.self, forKey: .contact))
        case "reminder_set": self = .reminderSet(due: try c.decode(Instant.self, forKey: .due), what: try c.decode(String.self, forKey: .what))
        default:
            throw DecodingError.dataCorruptedError(forKey: .type, in: c, debugDescription: "unknown event type '\(type)'")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(type, forKey: .type)
        switch self {
        case .opened(let details): try c.encode(details, forKey: .details)
        case .contactAttempted(let record), .contactMade(let record), .acknowledged(let record): try c.encode(record, forKey: .record)
        case .updateLogged(let note): try c.encode(note, forKey: .note)
        case .escalated(let toLevel, let reason, let condition):
            try c.encode(toLevel, forKey: .toLevel)
            try c.encodeIfPresent(reason, forKey: .reason)
            try c.encodeIfPresent(condition, forKey: .condition)
        case .deescalated(let answers): try c.encode(answers, forKey: .answers)
        case .paused(let reason): try c.encodeIfPresent(reason, forKey: .reason)
        case .resumed(let note): try c.encodeIfPresent(note, forKey: .note)
        case .planSet(let plan): try c.encode(plan, forKey: .plan)
        case .closed(let code, let note, let agreedBy):
            try c.encode(code, forKey: .code)
            try c.encodeIfPresent(note, forKey: .note)
            try c.encode(agreedBy, forKey: .agreedBy)
        case .reopened(let reason): try c.encodeIfPresent(reason, forKey: .reason)
        case .referenceAdded(let reference): try c.encode(reference, forKey: .reference)
        case .conditionRaised(let condition, let note):
            try c.encode(condition, forKey: .condition)
            try c.encodeIfPresent(note, forKey: .note)
        case .segmentSet(let segment): try c.encode(segment, forKey: .segment)
        case .undone(let eventID): try c.encode(eventID, forKey: .eventID)
        case .fieldSet(let field, let value):
            try c.encode(field, forKey: .field)
            try c.encode(value, forKey: .value)
        case .customerContact(let contact): try c.encode(contact, forKey: .contact)
        case .reminderSet(let due, let what):
            try c.encode(due, forKey: .due)
            try c.encode(what, forKey: .what)
        }
    }
}

/// An event in an export: the event and its ticket, with ISO times.
extension TicketEvent: Codable {
    private enum Key: String, CodingKey {
        case id, ticket, occurredAt = "occurred_at", recordedAt = "recorded_at", author, event
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        id = try c.decode(Int64.self, forKey: .id)
        ticketID = try c.decode(Int.self, forKey: .ticket)
        occurredAt = try TicketEvent.decodeInstant(c, .occurredAt)
        recordedAt = try TicketEvent.decodeInstant(c, .recordedAt)
        author = try c.decode(String.self, forKey: .author)
        kind = try c.decode(TicketEventKind.self, forKey: .event)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(id, forKey: .id)
        try c.encode(ticketID, forKey: .ticket)
        try c.encode(occurredAt.description, forKey: .occurredAt)
        try c.encode(recordedAt.description, forKey: .recordedAt)
        try c.encode(author, forKey: .author)
        try c.encode(kind, forKey: .event)
    }

    private static func decodeInstant(_ c: KeyedDecodingContainer<Key>, _ key: Key) throws -> Instant {
        let text = try c.decode(String.self, forKey: key)
        guard let time = try? ZonedTime(parsing: text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "not an ISO 8601 time with an offset: '\(text)'")
        }
        return time.instant
    }
}
