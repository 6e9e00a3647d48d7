/// A store that tells when someone else may have written (PostgreSQL's
/// LISTEN/NOTIFY), so that a session reads the change feed only then. A
/// store without it is asked at every prompt instead.
public protocol ChangeSignalling: Sendable {
    /// Whether anything may have been written since the last call, and
    /// clears the signal. True whenever the store cannot be sure (before it
    /// is listening, or after the listening connection was lost).
    func takeChangeSignal() async -> Bool
}
