import EscalateCatalog
import EscalateDomain
import Foundation
import Testing
@testable import EscalateUnderstanding

/// Changes that must not change what a line means: a greeting or "please"
/// in front, "please" or "thanks" after, lower case, and the final
/// punctuation. Run over every labelled phrasing in the data sets.
@Suite struct MetamorphicTests {
    static let lines: [String] = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Data")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
        var result: [String] = []
        for name in names {
            let text = (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? ""
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                let parts = line.components(separatedBy: " => ")
                guard parts.count == 2, !parts[1].hasPrefix("none") else { continue }
                result.append(parts[0].trimmingCharacters(in: .whitespaces))
            }
        }
        return result
    }()

    struct Meaning: Equatable, CustomStringConvertible {
        var intent: IntentName?
        var slots: [String]
        var description: String { "\(intent?.rawValue ?? "none") \(slots.joined(separator: ", "))" }
    }

    func meaning(_ text: String) -> Meaning {
        let result = PhrasingSet.matcher.interpret(text, context: PhrasingSet.context)
        // Notes are kept as typed, with their final full stop; that stop is
        // the punctuation a variant adds or takes away, so it is not compared.
        return Meaning(intent: result.intent, slots: result.slotDescriptions.map { "\($0.0)=\(Self.bare($0.1).lowercased())" })
    }

    /// `line` without its final punctuation.
    static func bare(_ line: String) -> String {
        var text = line
        while let last = text.last, "?.!".contains(last) { text.removeLast() }
        return text
    }

    static let variants: [(String, @Sendable (String) -> String)] = [
        ("a greeting in front", { "hi, " + $0 }),
        ("hello in front", { "Hello! " + $0 }),
        ("please in front", { "please " + $0 }),
        ("ok so in front", { "ok so " + $0 }),
        ("please after", { bare($0) + " please" }),
        ("thanks after", { bare($0) + ", thanks" }),
        ("no final punctuation", { bare($0) }),
        ("a question mark", { bare($0) + "?" }),
        ("a full stop", { bare($0) + "." }),
    ]

    @Test(arguments: variants.map(\.0))
    func aVariantKeepsTheMeaning(_ name: String) {
        let change = Self.variants.first { $0.0 == name }!.1
        var kept = 0
        var changed: [String] = []
        for line in Self.lines {
            let original = meaning(line)
            guard original.intent != nil, !IntentName.smallTalk.contains(original.intent!) else { continue }
            let variant = change(line)
            let after = meaning(variant)
            if after == original { kept += 1 } else { changed.append("'\(line)' → '\(variant)': \(original) became \(after)") }
        }
        #expect(changed.isEmpty, "\(changed.count) of \(kept + changed.count) lines changed meaning:\n\(changed.prefix(25).joined(separator: "\n"))")
    }

    /// Case carries names ("Dana Reyes"): a line is the same in lower case
    /// when it has no capitals beyond its first letter, and in sentence case.
    @Test func caseKeepsTheMeaning() {
        var changed: [String] = []
        for line in Self.lines {
            let original = meaning(line)
            guard original.intent != nil, let first = line.first else { continue }
            // A capital that starts the line is only sentence case; one that
            // starts a name ("Jim Woodburn …") is not for taking away.
            var variants = first.isLowercase ? [first.uppercased() + line.dropFirst()] : []
            if !line.dropFirst().contains(where: \.isUppercase) { variants += [line.lowercased(), line.prefix(1).uppercased() + line.dropFirst().lowercased()] }
            for variant in variants where meaning(variant) != original {
                changed.append("'\(line)' → '\(variant)': \(original) became \(meaning(variant))")
            }
        }
        #expect(changed.isEmpty, "\(changed.count) lines changed meaning:\n\(changed.prefix(25).joined(separator: "\n"))")
    }
}
