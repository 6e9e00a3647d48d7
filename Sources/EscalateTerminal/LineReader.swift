import CLibedit

/// What reading one line from the user gave.
public enum LineInput: Equatable, Sendable {
    /// A line, without its newline.
    case line(String)
    /// Ctrl-C: the line (or a pending question) is cancelled.
    case interrupted
    /// Ctrl-D on an empty line, or the end of piped input.
    case endOfInput
}

/// A source of input lines: libedit on a terminal, plain reads otherwise.
public protocol LineReader: AnyObject {
    /// Reads one line, showing `prompt` where the reader shows prompts.
    func readLine(prompt: String) -> LineInput
    /// Records a line in the history, and persists it where the reader keeps history.
    func addToHistory(_ line: String)
    /// The lines in the history, oldest first.
    var history: [String] { get }
}

/// Reads lines from standard input with no prompt, no colour and no escape
/// sequences: for pipes, files and scripts. The last line counts even
/// without a newline.
public final class PlainLineReader: LineReader {
    public private(set) var history: [String] = []

    public init() {
        esc_unblock_session_signals()
    }

    public func readLine(prompt: String) -> LineInput {
        guard var line = Swift.readLine(strippingNewline: true) else { return .endOfInput }
        if line.hasSuffix("\r") { line.removeLast() }
        return .line(line)
    }

    public func addToHistory(_ line: String) {
        history.append(line)
    }
}
