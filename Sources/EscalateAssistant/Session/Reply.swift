/// What the assistant says back to one line of input.
public struct Reply: Equatable, Sendable {
    public enum Kind: Sendable {
        /// An answer or a confirmation of a change.
        case answer
        /// A question the assistant is waiting on ("Which ticket?").
        case question
        /// Input it could not use; the session goes on.
        case problem
    }

    public var lines: [String]
    public var kind: Kind
    /// `:quit`: the session is over.
    public var endsSession: Bool

    public init(_ lines: [String], kind: Kind = .answer, endsSession: Bool = false) {
        self.lines = lines
        self.kind = kind
        self.endsSession = endsSession
    }

    public init(_ text: String, kind: Kind = .answer) {
        self.init(text.components(separatedBy: "\n"), kind: kind)
    }

    public static func problem(_ text: String) -> Reply { Reply(text, kind: .problem) }

    public var text: String { lines.joined(separator: "\n") }
}
