import EscalateUnderstanding
import Foundation

/// The intent matcher of the built-in intent files, compiled when
/// `escalate` was built (see `CompileIntentsPlugin`): reading its tables
/// takes a few milliseconds, where building it from the files takes the
/// better part of a second.
public enum BuiltInIntents {
    /// The compiled matcher, when `files` are the very files it was compiled
    /// from; `nil` for any others (a working copy from `--intents`), which
    /// must be built.
    public static func matcher(for files: [String: String]) -> IntentMatcher? {
        guard IntentFiles.fingerprint(files) == CompiledIntents.fingerprint else { return nil }
        return compiled
    }

    /// Starts reading the compiled matcher on another thread, so that it is
    /// ready by the time the data files are read (which takes as long);
    /// `matcher(for:)` waits for it if it is not.
    public static func startReading() {
        _ = reading
    }

    /// Started once, however often asked.
    private static let reading: Void = Thread.detachNewThread { _ = compiled }

    /// Read once and shared: a matcher never changes. Tables that do not
    /// read give no matcher, and the files are built instead.
    private static let compiled: IntentMatcher? = try? readCompiledTables()

    /// Reads the compiled tables anew (for the benchmarks; use `matcher(for:)`).
    public static func readCompiledTables() throws -> IntentMatcher {
        guard let data = Data(base64Encoded: CompiledIntents.tables) else {
            throw IntentTablesError(description: "the compiled intent tables are not base64")
        }
        return try IntentMatcher(compiledTables: data.withUnsafeBytes { Array($0.bindMemory(to: UInt8.self)) })
    }
}
