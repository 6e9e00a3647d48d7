import EscalateUnderstanding
import Foundation

/// The intent matcher, possibly still being built.
///
/// Building the matcher from the intent files takes longer than the first
/// prompt may wait, and nothing needs it until the first line is typed; so
/// it is built on a background thread, and the first use waits for it.
public final class MatcherHandle: @unchecked Sendable {
    private let condition = NSCondition()
    private var matcher: IntentMatcher?
    private var failure: Error?

    /// A matcher that is ready now.
    public init(_ matcher: IntentMatcher) {
        self.matcher = matcher
    }

    /// Starts building a matcher from `files` in the background.
    public init(building files: [String: String]) {
        let thread = Thread { [self] in
            let result = Result { try IntentMatcher(files: files) }
            condition.lock()
            switch result {
            case .success(let built): matcher = built
            case .failure(let error): failure = error
            }
            condition.broadcast()
            condition.unlock()
        }
        thread.stackSize = 4 << 20
        thread.start()
    }

    /// The matcher, waiting for it if it is still being built.
    public func get() throws -> IntentMatcher {
        condition.lock()
        defer { condition.unlock() }
        while matcher == nil && failure == nil { condition.wait() }
        if let failure { throw failure }
        return matcher!
    }
}
