import Foundation

/// Per-example sums for one scoring, kept between calls. Only the examples
/// an utterance touches are visited and reset afterwards.
final class ScoreScratch: @unchecked Sendable {
    private let lock = NSLock()
    private var dots: [Float] = []
    private var touched: [Int32] = []

    /// Runs `body` with zeroed sums for `count` examples and room to list
    /// the touched ones (as many as there are examples); `body` returns how
    /// many it listed. Everything is zero again afterwards.
    func with<Result>(count: Int, _ body: (UnsafeMutableBufferPointer<Float>, UnsafeMutableBufferPointer<Int32>) -> (Result, Int)) -> Result {
        lock.lock()
        defer { lock.unlock() }
        if dots.count != count {
            dots = Array(repeating: 0, count: count)
            touched = Array(repeating: 0, count: count)
        }
        return dots.withUnsafeMutableBufferPointer { dots in
            touched.withUnsafeMutableBufferPointer { touched in
                let (result, listed) = body(dots, touched)
                for index in 0..<listed { dots[Int(touched[index])] = 0 }
                return result
            }
        }
    }
}
