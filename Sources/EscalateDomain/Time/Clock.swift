import Foundation

/// Where "now" comes from. The domain never reads the wall clock itself:
/// every operation that needs the time is handed an instant, and the
/// assistant is handed one of these.
public protocol Clock: Sendable {
    func now() -> Instant
}

/// The machine's wall clock.
public struct SystemClock: Clock {
    public init() {}
    public func now() -> Instant { Instant(Date()) }
}

/// A clock that shows a fixed instant: used by transcripts, `:now`, `--now`
/// and tests.
public struct FixedClock: Clock {
    public var instant: Instant
    public init(_ instant: Instant) { self.instant = instant }
    public func now() -> Instant { instant }
}
