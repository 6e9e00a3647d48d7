import CLibedit

/// Standard output, for callers that may not touch the C `stdout` global.
public enum StandardOutput {
    /// Pushes buffered output to the terminal or pipe, so that a reply is
    /// out before the next prompt (and before a crash could lose it).
    public static func flush() {
        fflush(esc_stdout())
    }
}
