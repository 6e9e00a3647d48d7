import Foundation

/// One measured figure with its target.
struct BenchmarkRow {
    enum Statistic: String {
        case median, total
    }

    /// What the figure is: seconds, or how many times one thing takes another's time.
    enum Unit {
        case seconds, ratio
    }

    var name: String
    /// The target, in seconds per call (median) or for the whole run (total).
    var target: Double
    var statistic: Statistic = .median
    /// Calls per timed sample; the sample's time is divided by it.
    var callsPerSample: Int = 1
    var samples: Int = 51
    /// One sample's work. It returns a value so that the work is not optimised away.
    var body: () -> Int
    /// The same, for work that waits on the store.
    var asyncBody: (() async -> Int)?
    /// When set, a sample's figure is what this makes of `body`'s value
    /// (a child process timed by the body itself) instead of the time taken.
    var measure: ((Int) -> Double)?
    var unit: Unit = .seconds
    /// A further figure printed under the row (peak memory, say), worked out once.
    var note: (() -> String)?

    /// A row whose work is asynchronous (the store).
    init(name: String, target: Double, statistic: Statistic = .median, callsPerSample: Int = 1, samples: Int = 51, waiting body: @escaping () async -> Int) {
        self.init(name: name, target: target, statistic: statistic, callsPerSample: callsPerSample, samples: samples, body: { 0 })
        self.asyncBody = body
    }

    init(name: String, target: Double, statistic: Statistic = .median, callsPerSample: Int = 1, samples: Int = 51, body: @escaping () -> Int) {
        self.name = name
        self.target = target
        self.statistic = statistic
        self.callsPerSample = callsPerSample
        self.samples = samples
        self.body = body
    }

    func measuring(_ transform: @escaping (Int) -> Double) -> BenchmarkRow {
        var row = self
        row.measure = transform
        return row
    }

    /// A row whose sample is a ratio, which `body` returns in millionths.
    func asRatio() -> BenchmarkRow {
        var row = measuring { Double($0) / 1e6 }
        row.unit = .ratio
        return row
    }

    func noting(_ note: @escaping () -> String) -> BenchmarkRow {
        var row = self
        row.note = note
        return row
    }

    struct Result {
        var row: BenchmarkRow
        var seconds: Double
        var met: Bool { seconds <= row.target }
        var line: String {
            let figure = BenchmarkRow.format(seconds, row.unit)
            let goal = "≤ " + BenchmarkRow.format(row.target, row.unit)
            return row.name.padding(toLength: 52, withPad: " ", startingAt: 0)
                + figure.leftPadded(12) + "  " + goal.leftPadded(10) + "  " + row.statistic.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
                + (met ? "  ok" : "  MISSED")
        }
    }

    static var header: String {
        "ROW".padding(toLength: 52, withPad: " ", startingAt: 0) + "MEASURED".leftPadded(12) + "  " + "TARGET".leftPadded(10) + "  STAT"
    }

    func run() async -> Result {
        var sink = 0
        func work() async -> Int {
            if let asyncBody { return await asyncBody() }
            return body()
        }
        sink &+= await work()  // warm-up: compiles tables, fills caches
        var times: [Double] = []
        // ESCALATE_BENCH_REPEAT=N takes N times the samples, for profiling a row.
        let repeats = max(1, Int(ProcessInfo.processInfo.environment["ESCALATE_BENCH_REPEAT"] ?? "") ?? 1)
        for _ in 0..<(samples * repeats) {
            let start = DispatchTime.now().uptimeNanoseconds
            let value = await work()
            sink &+= value
            let end = DispatchTime.now().uptimeNanoseconds
            times.append(measure.map { $0(value) } ?? Double(end - start) / 1e9 / Double(callsPerSample))
        }
        if sink == 42_424_242 { print("") }
        times.sort()
        let value = statistic == .median ? times[times.count / 2] : times.reduce(0, +) / Double(times.count)
        return Result(row: self, seconds: value)
    }

    static func format(_ value: Double, _ unit: Unit) -> String {
        unit == .ratio ? String(format: "%.2f×", value) : format(value)
    }

    static func format(_ seconds: Double) -> String {
        if seconds < 1e-6 { return String(format: "%.0f ns", seconds * 1e9) }
        if seconds < 1e-3 { return String(format: "%.2f µs", seconds * 1e6) }
        if seconds < 1 { return String(format: "%.2f ms", seconds * 1e3) }
        return String(format: "%.2f s", seconds)
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
