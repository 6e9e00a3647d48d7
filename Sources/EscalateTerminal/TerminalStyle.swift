import Foundation

/// How output is decorated: colour only on a real terminal, and never when
/// `NO_COLOR` is set or `TERM` is `dumb`.
public struct TerminalStyle: Sendable {
    public var colour: Bool

    public init(colour: Bool) { self.colour = colour }

    /// Decides from the environment and whether `fd` is a terminal.
    public static func detect(environment: [String: String] = ProcessInfo.processInfo.environment, fd: Int32 = 1) -> TerminalStyle {
        if environment["NO_COLOR"] != nil { return TerminalStyle(colour: false) }
        if environment["TERM"] == "dumb" || environment["TERM"] == nil { return TerminalStyle(colour: false) }
        return TerminalStyle(colour: isatty(fd) == 1)
    }

    public enum Role: Sendable {
        case reply, nudge, error, dim
    }

    /// `text`, neutralised, then coloured for its role when colour is on.
    public func render(_ text: String, as role: Role = .reply) -> String {
        let safe = SafeText.neutralised(text)
        guard colour else { return safe }
        let code: String
        switch role {
        case .reply: return safe
        case .nudge: code = "33"
        case .error: code = "31"
        case .dim: code = "2"
        }
        return safe.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : "\u{1B}[\(code)m\($0)\u{1B}[0m" }
            .joined(separator: "\n")
    }

    /// The width of the terminal on `fd`, or `COLUMNS`, or 80.
    public static func columns(fd: Int32 = 1, environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        if let text = environment["COLUMNS"], let value = Int(text), value > 20 { return value }
        var size = winsize()
        if ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 { return Int(size.ws_col) }
        return 80
    }
}
