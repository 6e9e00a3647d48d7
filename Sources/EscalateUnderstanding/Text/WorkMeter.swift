#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Counts the work of understanding a line, so that tests can check it
/// grows no faster than the line does (not by timing it): every stage adds
/// the tokens, characters, spans and candidates it looks at, and a loop
/// nested in another adds what the inner loop looks at each time.
///
/// The count is kept per thread and only while a test measures, so that
/// lines understood at the same time elsewhere do not add to it; otherwise
/// adding costs one lookup of a thread-local value.
enum WorkMeter {
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    static func add(_ amount: Int) {
        guard let counter = pthread_getspecific(key) else { return }
        counter.assumingMemoryBound(to: Int.self).pointee += amount
    }

    /// Runs `body` on this thread, counting the work it adds.
    static func measure<Result>(_ body: () throws -> Result) rethrows -> (result: Result, work: Int) {
        let counter = UnsafeMutablePointer<Int>.allocate(capacity: 1)
        counter.initialize(to: 0)
        pthread_setspecific(key, counter)
        defer {
            pthread_setspecific(key, nil)
            counter.deallocate()
        }
        let result = try body()
        return (result, counter.pointee)
    }
}
