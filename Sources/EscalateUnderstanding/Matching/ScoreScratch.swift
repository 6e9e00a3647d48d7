import Foundation

/// Per-example sums for one scoring, kept between calls, so that an
/// utterance does not allocate a slot for every example. `body` must leave
/// every sum at zero again.
final class ScoreScratch: @unchecked Sendable {
    private let lock = NSLock()
    private var dots: [Float] = []

    /// Runs `body` with zeroed sums for `count` examples.
    func with(count: Int, _ body: (UnsafeMutableBufferPointer<Float>) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        if dots.count != count { dots = Array(repeating: 0, count: count) }
        dots.withUnsafeMutableBufferPointer { body($0) }
    }
}
