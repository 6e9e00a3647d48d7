import EscalateCatalog
import EscalateDomain

/// Issue: business calendars. Elapsed and add over 1 day, 1 month and 10
/// years: at most 1 µs per call within a month, 10 µs over ten years.
enum CalendarBenchmarks {
    static func rows() -> [BenchmarkRow] {
        let catalog = try! Catalog.builtIn(localZone: Zone(identifier: "America/Chicago")!)
        let calendar = catalog.calendar(named: "lumen-management")!
        let base = Instant(secondsSinceEpoch: 1_772_431_200)  // Mon 2026-03-02T06:00Z, so a day holds 9 open hours
        // Start instants spread over a year, so that no single cache line answers.
        var generator = SplitMix64(seed: 7)
        let starts = (0..<1024).map { _ in base + Int64(generator.next() % (365 * 86_400)) }
        let spans: [(String, Int64, Double)] = [
            ("1 day", 86_400, 1e-6), ("1 month", 30 * 86_400, 1e-6), ("10 years", 3_652 * 86_400, 10e-6),
        ]
        let calls = 1024
        var rows: [BenchmarkRow] = []
        for (label, span, target) in spans {
            rows.append(BenchmarkRow(name: "calendar elapsed over \(label)", target: target, callsPerSample: calls) {
                var total = 0
                for start in starts { total &+= Int(calendar.elapsed(from: start, to: start + span)) }
                return total
            })
        }
        for (label, span, target) in spans {
            // The business time that the span holds, so add covers the same ground.
            let amount = calendar.elapsed(from: base, to: base + span)
            precondition(amount > 0)
            rows.append(BenchmarkRow(name: "calendar add over \(label)", target: target, callsPerSample: calls) {
                var total = 0
                for start in starts { total &+= Int(calendar.add(seconds: amount, to: start).secondsSinceEpoch) }
                return total
            })
        }
        return rows
    }
}

/// A small, seeded random generator, so that runs are comparable.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
