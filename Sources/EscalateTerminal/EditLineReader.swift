import CLibedit
import Foundation

/// Line editing on a terminal through libedit: emacs keys, history kept in
/// a file across sessions and recalled with Up and Down, Tab completion from
/// a hook, and Ctrl-C that cancels the line.
///
/// The terminal's settings are saved when the reader is created and are
/// restored by `close()`, by SIGTERM, SIGHUP and SIGQUIT, and by libedit
/// itself after each line.
public final class EditLineReader: LineReader {
    private let editLine: OpaquePointer
    private let historyHandle: OpaquePointer
    private var event = HistEvent()
    private var promptBuffer: UnsafeMutablePointer<CChar>
    private let historyFile: String?
    private var closed = false

    /// Offers completions for the word before the cursor. It is given the
    /// line up to the cursor and returns whole words that may replace the
    /// last word of it.
    public var completion: (String) -> [String]

    /// libedit reads characters as the C library's locale says, and in the
    /// "C" locale (no LANG set, as under many terminals and tmux) it drops
    /// every byte above ASCII: "Nestlé" would arrive as "Nestl". escalate's
    /// text is always UTF-8, so characters are read as UTF-8 whatever the
    /// environment says.
    static func useUTF8Characters() {
        if let set = setlocale(LC_CTYPE, ""), String(cString: set).lowercased().replacingOccurrences(of: "-", with: "").contains("utf8") { return }
        if setlocale(LC_CTYPE, "C.UTF-8") == nil { _ = setlocale(LC_CTYPE, "en_US.UTF-8") }
    }

    /// Opens libedit on standard input and output, loading history from
    /// `historyFile` when given (its folder is created, private to the user).
    public init?(programName: String, historyFile: String?, completion: @escaping (String) -> [String] = { _ in [] }) {
        guard isatty(STDIN_FILENO) == 1 else { return nil }
        Self.useUTF8Characters()
        guard let editLine = el_init(programName, esc_stdin(), esc_stdout(), esc_stderr()),
              let historyHandle = history_init()
        else { return nil }
        self.editLine = editLine
        self.historyHandle = historyHandle
        self.historyFile = historyFile
        self.completion = completion
        self.promptBuffer = strdup("> ")!
        esc_unblock_session_signals()
        _ = esc_save_terminal()
        _ = esc_install_signal_handlers()

        esc_history_setsize(historyHandle, &event, 1000)
        esc_history_setunique(historyHandle, &event, 1)
        if let historyFile {
            let folder = (historyFile as NSString).deletingLastPathComponent
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            if FileManager.default.fileExists(atPath: historyFile) {
                esc_history_load(historyHandle, &event, historyFile)
            }
        }

        esc_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
        esc_el_set_editor(editLine, "emacs")
        esc_el_set_signal(editLine, 0)
        esc_el_set_hist(editLine, historyHandle)
        esc_el_set_prompt(editLine) { editLine in
            guard let editLine, let data = esc_el_get_clientdata(editLine) else { return nil }
            return Unmanaged<EditLineReader>.fromOpaque(data).takeUnretainedValue().promptBuffer
        }
        esc_el_addfn(editLine, "escalate-complete", "Complete the word before the cursor") { editLine, _ in
            guard let editLine, let data = esc_el_get_clientdata(editLine) else { return UInt8(CC_ERROR) }
            return Unmanaged<EditLineReader>.fromOpaque(data).takeUnretainedValue().complete(editLine)
        }
        esc_el_bind(editLine, "^I", "escalate-complete")
    }

    deinit {
        close()
        free(promptBuffer)
    }

    /// Ends line editing and restores the terminal. Safe to call twice.
    public func close() {
        guard !closed else { return }
        closed = true
        el_end(editLine)
        history_end(historyHandle)
        esc_restore_terminal()
    }

    public func readLine(prompt: String) -> LineInput {
        free(promptBuffer)
        promptBuffer = strdup(prompt)!
        el_resize(editLine)
        _ = esc_take_sigint()
        esc_clear_errno()
        var count: Int32 = 0
        esc_begin_reading()
        let got = el_gets(editLine, &count)
        esc_end_reading()
        guard let raw = got else {
            // errno is only meaningful if el_gets failed just now, hence the reset above.
            if esc_take_sigint() == 1 || esc_errno() == EINTR {
                // libedit drops the partial line itself; the next prompt starts empty.
                fputs("^C\n", esc_stdout())
                fflush(esc_stdout())
                return .interrupted
            }
            return .endOfInput
        }
        guard count > 0 else { return .endOfInput }
        var bytes = UnsafeRawBufferPointer(start: raw, count: strlen(raw))
        while bytes.last == 10 || bytes.last == 13 { bytes = UnsafeRawBufferPointer(rebasing: bytes.dropLast()) }
        return LineInput(bytes)
    }

    public func addToHistory(_ line: String) {
        guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        esc_history_enter(historyHandle, &event, line)
        if let historyFile {
            esc_history_save(historyHandle, &event, historyFile)
            chmod(historyFile, 0o600)
        }
    }

    public var history: [String] {
        var lines: [String] = []
        var entry = HistEvent()
        guard esc_history_last(historyHandle, &entry) == 0 else { return [] }
        repeat {
            if let text = entry.str { lines.append(String(cString: text).trimmingCharacters(in: .newlines)) }
        } while esc_history_prev(historyHandle, &entry) == 0
        return lines
    }

    /// Tab: complete the word before the cursor from the hook. One candidate
    /// is inserted whole; several insert their common prefix, or are listed.
    private func complete(_ editLine: OpaquePointer) -> UInt8 {
        guard let info = el_line(editLine)?.pointee else { return UInt8(CC_ERROR) }
        let length = info.cursor - info.buffer
        let before = String(decoding: UnsafeRawBufferPointer(start: UnsafeRawPointer(info.buffer), count: length), as: UTF8.self)
        let word = String(before.reversed().prefix { !$0.isWhitespace }.reversed())
        let candidates = Array(Set(completion(before).filter { $0.lowercased().hasPrefix(word.lowercased()) })).sorted()
        guard !candidates.isEmpty else {
            el_beep(editLine)
            return UInt8(CC_REFRESH)
        }
        if candidates.count == 1 {
            let rest = String(candidates[0].dropFirst(word.count)) + " "
            el_insertstr(editLine, rest)
            return UInt8(CC_REFRESH)
        }
        let common = EditLineReader.commonPrefix(candidates)
        if common.count > word.count {
            el_insertstr(editLine, String(common.dropFirst(word.count)))
            return UInt8(CC_REFRESH)
        }
        let listing = "\n" + EditLineReader.columns(candidates, width: Int(esc_terminal_columns(STDOUT_FILENO))) + "\n"
        fputs(SafeText.neutralised(listing), esc_stdout())
        fflush(esc_stdout())
        return UInt8(CC_REDISPLAY)
    }

    static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first else { return "" }
        for word in words.dropFirst() {
            while !word.lowercased().hasPrefix(prefix.lowercased()) { prefix.removeLast() }
        }
        return prefix
    }

    /// Lays candidates out in columns across `width`.
    static func columns(_ words: [String], width: Int) -> String {
        let cell = (words.map(\.count).max() ?? 0) + 2
        let perRow = max(1, (width > 0 ? width : 80) / cell)
        var lines: [String] = []
        var index = 0
        while index < words.count {
            let row = words[index..<min(index + perRow, words.count)]
            lines.append(row.map { $0.padding(toLength: cell, withPad: " ", startingAt: 0) }.joined().trimmingCharacters(in: .whitespaces))
            index += perRow
        }
        return lines.joined(separator: "\n")
    }
}
