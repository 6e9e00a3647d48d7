import EscalateDomain

/// The session's idea of now: the wall clock, or a simulated instant set
/// with `:now` and moved with `:advance`. A simulated clock stands still
/// between commands, so that a conversation replays the same every time.
public enum SessionClock: Sendable, Equatable {
    case real
    case simulated(Instant)

    public func now(wall: any Clock) -> Instant {
        switch self {
        case .real: return wall.now()
        case .simulated(let instant): return instant
        }
    }

    public var isSimulated: Bool {
        if case .simulated = self { return true }
        return false
    }
}
