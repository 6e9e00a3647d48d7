import Testing
import Foundation

@Suite struct DebugProbe {
    @Test func probe() {
        let lines = (ProcessInfo.processInfo.environment["PROBE"] ?? "").split(separator: "|").map(String.init)
        for line in lines {
            let r = PhrasingSet.matcher.interpret(line, context: PhrasingSet.context)
            print("PROBE '\(line)' -> \(r.intent ?? "none") \(String(format: "%.2f", r.score)) slots=\(r.slotDescriptions) words=\(r.correctedWords) entities=\(r.entities.map { "\($0.type)=\($0.value)@\($0.start)-\($0.end)" })")
        }
    }
}
