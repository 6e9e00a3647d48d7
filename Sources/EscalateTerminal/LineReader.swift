import CLibedit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What reading one line from the user gave.
public enum LineInput: Equatable, Sendable {
    /// A line, without its newline.
    case line(String)
    /// A line with bytes that were not UTF-8, each sequence of them read as
    /// U+FFFD (see `InputText`): to be answered, and the replacement reported.
    case lineWithInvalidBytes(String)
    /// Ctrl-C: the line (or a pending question) is cancelled.
    case interrupted
    /// Ctrl-D on an empty line, or the end of piped input.
    case endOfInput
}

extension LineInput {
    /// The line that `bytes` are.
    init(_ bytes: some Collection<UInt8>) {
        let (text, hadInvalidBytes) = InputText.decode(bytes)
        self = hadInvalidBytes ? .lineWithInvalidBytes(text) : .line(text)
    }
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
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(buffer) }
        let count = getline(&buffer, &capacity, esc_stdin())
        guard count >= 0, let buffer else { return .endOfInput }
        var bytes = UnsafeRawBufferPointer(start: buffer, count: count)
        // The bytes as they came, without the line's end ("\n" or "\r\n").
        if bytes.last == 10 { bytes = UnsafeRawBufferPointer(rebasing: bytes.dropLast()) }
        if bytes.last == 13 { bytes = UnsafeRawBufferPointer(rebasing: bytes.dropLast()) }
        return LineInput(bytes)
    }

    public func addToHistory(_ line: String) {
        history.append(line)
    }
}
