// escalate-bench: the speed targets of the issues, measured.
//
//     swift run -c release escalate-bench [filter]
//
// Every row prints the measured figure beside its target. The exit status
// is 1 when a row misses its target.
import Foundation

let filter = CommandLine.arguments.dropFirst().first
var rows: [BenchmarkRow] = []
rows += CalendarBenchmarks.rows()
rows += await StoreBenchmarks.rows(filter: filter)
rows += await TeamStoreBenchmarks.rows(filter: filter)
rows += UnderstandingBenchmarks.rows()
if filter == nil || "one turn parse handler commit".localizedCaseInsensitiveContains(filter!) { rows += await TurnBenchmarks.rows() }
rows += ProcessBenchmarks.rows()

let selected = rows.filter { filter == nil || $0.name.localizedCaseInsensitiveContains(filter!) }
print(BenchmarkRow.header)
var missed = 0
for row in selected {
    let result = await row.run()
    print(result.line)
    if let note = row.note { print("    " + note()) }
    if !result.met { missed += 1 }
}
print(missed == 0 ? "All \(selected.count) rows met their targets." : "\(missed) of \(selected.count) rows missed their targets.")
exit(missed == 0 ? 0 : 1)
