import ArgumentParser

/// The one rule for how `escalate` exits, in one place.
enum ExitStatus {
    /// An answer, a change made, a passing replay.
    static let success: Int32 = 0
    /// Transcripts replayed and some failed.
    static let testsFailed = ExitCode(1)
    /// Bad input: not understood, or a bad option, file or value.
    static let badInput = ExitCode(2)
    /// `ask` understood the request but needs more: its reply is a question back.
    static let needsMore = ExitCode(3)
}
