import EscalateDomain

/// Slot values are kept in the dialogue state (a pending question holds the
/// request it will finish), so they encode as small tagged objects.
extension SlotValue: Codable {
    private enum Key: String, CodingKey { case type, ticket, time, duration, level, entity, text }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        switch try c.decode(String.self, forKey: .type) {
        case "ticket": self = .ticket(try c.decode(TicketRef.self, forKey: .ticket))
        case "time": self = .time(try c.decode(ResolvedTime.self, forKey: .time))
        case "duration": self = .duration(try c.decode(BusinessSpan.self, forKey: .duration))
        case "level": self = .level(try c.decode(LevelRef.self, forKey: .level))
        case "entity": self = .entity(try c.decode(String.self, forKey: .entity))
        default: self = .text(try c.decode(String.self, forKey: .text))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        switch self {
        case .ticket(let ref): try c.encode("ticket", forKey: .type); try c.encode(ref, forKey: .ticket)
        case .time(let time): try c.encode("time", forKey: .type); try c.encode(time, forKey: .time)
        case .duration(let span): try c.encode("duration", forKey: .type); try c.encode(span, forKey: .duration)
        case .level(let level): try c.encode("level", forKey: .type); try c.encode(level, forKey: .level)
        case .entity(let id): try c.encode("entity", forKey: .type); try c.encode(id, forKey: .entity)
        case .text(let text): try c.encode("text", forKey: .type); try c.encode(text, forKey: .text)
        }
    }
}

extension TicketRef: Codable {
    private enum Key: String, CodingKey { case number, kind, value, customer, context }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        if let number = try c.decodeIfPresent(Int.self, forKey: .number) { self = .number(number); return }
        if let customer = try c.decodeIfPresent(String.self, forKey: .customer) { self = .customer(customer); return }
        if let kind = try c.decodeIfPresent(String.self, forKey: .kind) {
            self = .external(kind: kind, value: try c.decode(String.self, forKey: .value))
            return
        }
        self = .context
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        switch self {
        case .number(let n): try c.encode(n, forKey: .number)
        case .external(let kind, let value): try c.encode(kind, forKey: .kind); try c.encode(value, forKey: .value)
        case .customer(let name): try c.encode(name, forKey: .customer)
        case .context: try c.encode(true, forKey: .context)
        }
    }
}

extension ResolvedTime: Codable {
    private enum Key: String, CodingKey { case instant, date, zone }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        let zone = try c.decode(Zone.self, forKey: .zone)
        if let instant = try c.decodeIfPresent(Instant.self, forKey: .instant) { self = .instant(instant, zone); return }
        self = .date(try c.decode(LocalDate.self, forKey: .date), zone)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        switch self {
        case .instant(let instant, let zone): try c.encode(instant, forKey: .instant); try c.encode(zone, forKey: .zone)
        case .date(let date, let zone): try c.encode(date, forKey: .date); try c.encode(zone, forKey: .zone)
        }
    }
}

extension LevelRef: Codable {
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        switch text {
        case "next": self = .next
        case "top": self = .top
        default: self = .number(Int(text) ?? 1)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
