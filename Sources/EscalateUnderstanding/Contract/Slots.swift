import EscalateDomain

/// The slots of an interpretation, with typed access: `slots.ticketRef`,
/// `slots.time`, `slots[.role]`.
public struct Slots: Hashable, Sendable, Codable, Sequence {
    public private(set) var values: [SlotName: SlotValue]

    public init(_ values: [SlotName: SlotValue] = [:]) { self.values = values }

    public subscript(_ name: SlotName) -> SlotValue? {
        get { values[name] }
        set { values[name] = newValue }
    }

    public func makeIterator() -> Dictionary<SlotName, SlotValue>.Iterator { values.makeIterator() }
    public var isEmpty: Bool { values.isEmpty }
    public var names: Set<SlotName> { Set(values.keys) }

    public var ticketRef: TicketRef? { if case .ticket(let ref)? = values[.ticket] { return ref } else { return nil } }
    public var level: LevelRef? { if case .level(let level)? = values[.level] { return level } else { return nil } }
    public var duration: BusinessSpan? { if case .duration(let span)? = values[.duration] { return span } else { return nil } }
    public var time: ResolvedTime? { if case .time(let time)? = values[.time] { return time } else { return nil } }

    /// An enumerated value's id.
    public func entity(_ name: SlotName) -> String? {
        if case .entity(let id)? = values[name] { return id }
        return nil
    }

    /// Free text, or an enumerated value's id.
    public func text(_ name: SlotName) -> String? {
        switch values[name] {
        case .text(let text)?: return text
        case .entity(let id)?: return id
        default: return nil
        }
    }

    public var role: String? { entity(.role) }
    public var org: String? { entity(.org) }
    public var category: String? { entity(.category) }
    public var segment: String? { entity(.segment) }
    public var channel: Channel? { entity(.channel).flatMap(Channel.init(rawValue:)) }
    /// A process chosen in answer to "which process?".
    public var process: String? { text(.process) }

    /// The slots as canonical strings, sorted by name.
    public var descriptions: [(String, String)] {
        values.map { ($0.key.rawValue, $0.value.description) }.sorted { $0.0 < $1.0 }
    }
}
