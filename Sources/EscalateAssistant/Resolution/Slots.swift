import EscalateDomain
import EscalateUnderstanding

/// Typed access to an interpretation's slots.
extension Dictionary where Key == String, Value == SlotValue {
    var ticketRef: TicketRef? { if case .ticket(let ref)? = self["ticket"] { return ref } else { return nil } }
    var level: LevelRef? { if case .level(let level)? = self["level"] { return level } else { return nil } }
    var duration: BusinessSpan? { if case .duration(let span)? = self["duration"] { return span } else { return nil } }
    var time: ResolvedTime? { if case .time(let time)? = self["time"] { return time } else { return nil } }

    func entity(_ name: String) -> String? {
        if case .entity(let id)? = self[name] { return id }
        return nil
    }

    func text(_ name: String) -> String? {
        switch self[name] {
        case .text(let text)?: return text
        case .entity(let id)?: return id
        default: return nil
        }
    }

    var role: String? { entity("role") }
    var org: String? { entity("org") }
    var category: String? { entity("category") }
    var channel: Channel? { entity("channel").flatMap(Channel.init(rawValue:)) }
    /// A process chosen in answer to "which process?".
    var process: String? { text("process") }
}
