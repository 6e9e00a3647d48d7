import Foundation

/// The most memory a piece of work adds at its peak, in this process: the
/// kernel's high-water mark of resident memory is reset (Linux,
/// `/proc/self/clear_refs`), the work is done, and the mark read again.
/// (A child process would not do: Linux counts the memory of the parent it
/// was forked from in the child's peak.)
enum PeakMemory {
    /// "peak memory +X kB over the N MB resident before", or why it cannot be said.
    static func added(by work: () -> Void) -> String {
        guard let reset = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return "peak memory: not measurable here" }
        reset.write(Data("5".utf8))
        try? reset.close()
        guard let before = kilobytes("VmRSS") else { return "peak memory: not measurable here" }
        work()
        guard let peak = kilobytes("VmHWM") else { return "peak memory: not measurable here" }
        return String(format: "peak memory +%d kB over the %.1f MB resident before", max(0, peak - before), Double(before) / 1024)
    }

    /// A `kB` figure of `/proc/self/status`.
    private static func kilobytes(_ field: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        let line = status.split(separator: "\n").first { $0.hasPrefix(field + ":") }
        return line.flatMap { Int($0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") }
    }
}
