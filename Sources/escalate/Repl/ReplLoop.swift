import EscalateAssistant
import EscalateTerminal
import Foundation

/// Reads lines, prints replies, and shows nudges before each prompt, until
/// `:quit`, Ctrl-D or the end of input.
struct ReplLoop {
    let session: Session
    let reader: LineReader
    let style: TerminalStyle
    /// Called with each input and what was printed for it (for `record`).
    var onTurn: ((String, [String]) -> Void)?

    init(session: Session, reader: LineReader, style: TerminalStyle, onTurn: ((String, [String]) -> Void)? = nil) {
        self.session = session
        self.reader = reader
        self.style = style
        self.onTurn = onTurn
        if reader is EditLineReader {
            session.historyProvider = { [reader] in reader.history }
        }
    }

    func run() async {
        let interactive = reader is EditLineReader
        var pendingNudges = await session.nudges()
        while true {
            for nudge in pendingNudges { emit(nudge, as: .nudge) }
            switch reader.readLine(prompt: interactive ? session.prompt : "") {
            case .endOfInput:
                if interactive { print("") }
                return
            case .interrupted:
                if let message = session.cancelPending() { emit(message, as: .dim) }
                pendingNudges = []
            case .line(let line):
                let (nudges, ended) = await answer(line)
                if ended { return }
                pendingNudges = nudges
            case .lineWithInvalidBytes(let line):
                // Said before the answer, which reads the line without them.
                emit(InputText.invalidBytesNotice, as: .dim)
                let (nudges, ended) = await answer(line, notice: InputText.invalidBytesNotice)
                if ended { return }
                pendingNudges = nudges
            }
        }
    }

    /// Answers one line; returns the nudges to show before the next prompt,
    /// and whether the session is over.
    private func answer(_ line: String, notice: String? = nil) async -> (nudges: [String], ended: Bool) {
        reader.addToHistory(line)
        let reply = await session.respond(to: line)
        let role: TerminalStyle.Role = reply.kind == .problem ? .error : .reply
        if !reply.lines.isEmpty { emit(reply.text, as: role) }
        let nudges = await session.nudges()
        onTurn?(line, (notice.map { [$0] } ?? []) + reply.lines + nudges)
        return (nudges, reply.endsSession)
    }

    private func emit(_ text: String, as role: TerminalStyle.Role) {
        print(style.render(SafeText.fitted(text, width: session.settings.width), as: role))
        StandardOutput.flush()
    }
}
