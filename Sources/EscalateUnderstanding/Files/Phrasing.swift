import EscalateDomain
import Foundation

/// One way of saying an intent, with its alternatives expanded:
/// `update {ticket}: {note}`.
public struct Phrasing: Hashable, Sendable {
    public enum Part: Hashable, Sendable {
        case text(String)
        case slot(String)
    }

    public var parts: [Part]
    /// Where it was written.
    public var file: String
    public var line: Int

    /// The slots it names, in order.
    public var slots: [String] {
        parts.compactMap { if case .slot(let name) = $0 { return name } else { return nil } }
    }

    /// The phrasing as written, `{slot}`s included.
    public var text: String {
        parts.map { part in
            switch part {
            case .text(let text): return text
            case .slot(let name): return "{\(name)}"
            }
        }.joined().split(separator: " ").joined(separator: " ")
    }
}

/// Reads `.intent` files: one phrasing per line, `{slot}` placeholders,
/// `(a|b|)` alternatives (an empty one makes the group optional) and `#`
/// comments. This is the layout of Mycroft's Padatious.
///
/// A `# e.g. who do I escalate to now?` comment is an example for help.
///
/// A line with many groups stands for many sentences. Up to
/// `expansionCap` of them are kept, every alternative among them; past that,
/// a fixed sample that still uses every alternative stands in for the rest.
public enum IntentFile {
    /// The most sentences one line contributes.
    static let expansionCap = 48

    public static func parse(_ text: String, file: String) throws -> [Phrasing] {
        var phrasings: [Phrasing] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let tree = try Alternatives.parse(Substring(line), file: file, line: index + 1)
            for variant in tree.sample(cap: expansionCap, seed: UInt64(index + 1)) {
                let parts = try slots(in: variant, file: file, line: index + 1)
                if !parts.isEmpty { phrasings.append(Phrasing(parts: parts, file: file, line: index + 1)) }
            }
        }
        return phrasings
    }

    /// The examples a file offers for help: its `# e.g. …` comment lines,
    /// written as a person would type them.
    public static func examples(in text: String) -> [String] {
        text.split(separator: "\n").compactMap { rawLine in
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            guard line.hasPrefix("# e.g. ") else { return nil }
            let example = line.dropFirst("# e.g. ".count).trimmingCharacters(in: .whitespaces)
            return example.isEmpty ? nil : example
        }
    }

    /// Every sentence of a line with `(a|b)` groups: for entity and vocabulary
    /// files, whose lines are short.
    static func expand(_ text: Substring, file: String, line: Int) throws -> [String] {
        try Alternatives.parse(text, file: file, line: line).sample(cap: 4096, seed: 1)
    }

    static func slots(in text: String, file: String, line: Int) throws -> [Phrasing.Part] {
        var parts: [Phrasing.Part] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            if rest[..<open].contains("}") { throw DataFileError(file: file, line: line, message: "'}' without a matching '{'") }
            guard let close = rest[open...].firstIndex(of: "}") else {
                throw DataFileError(file: file, line: line, message: "'{' without a matching '}'")
            }
            let name = rest[rest.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0 == "_" }) else {
                throw DataFileError(file: file, line: line, message: "slot names are letters and '_': '{\(name)}'")
            }
            if !rest[..<open].isEmpty { parts.append(.text(String(rest[..<open]))) }
            parts.append(.slot(name.lowercased()))
            rest = rest[rest.index(after: close)...]
        }
        if rest.contains("}") { throw DataFileError(file: file, line: line, message: "'}' without a matching '{'") }
        if !rest.trimmingCharacters(in: .whitespaces).isEmpty { parts.append(.text(String(rest))) }
        return parts
    }
}

/// A line of text with `(a|b|c)` groups, as a tree.
indirect enum Alternatives {
    case text(String)
    case sequence([Alternatives])
    case choice([Alternatives])

    static func parse(_ text: Substring, file: String, line: Int) throws -> Alternatives {
        var index = text.startIndex
        let result = try parseSequence(text, &index, depth: 0, file: file, line: line)
        if index < text.endIndex {
            throw DataFileError(file: file, line: line, message: "')' without a matching '('")
        }
        return result
    }

    private static func parseSequence(_ text: Substring, _ index: inout Substring.Index, depth: Int, file: String, line: Int) throws -> Alternatives {
        var items: [Alternatives] = []
        var literal = ""
        while index < text.endIndex {
            let character = text[index]
            if character == "(" {
                if !literal.isEmpty { items.append(.text(literal)); literal = "" }
                index = text.index(after: index)
                var options: [Alternatives] = [try parseSequence(text, &index, depth: depth + 1, file: file, line: line)]
                while index < text.endIndex && text[index] == "|" {
                    index = text.index(after: index)
                    options.append(try parseSequence(text, &index, depth: depth + 1, file: file, line: line))
                }
                guard index < text.endIndex, text[index] == ")" else {
                    throw DataFileError(file: file, line: line, message: "'(' without a matching ')'")
                }
                index = text.index(after: index)
                items.append(.choice(options))
            } else if character == ")" || character == "|" {
                if depth == 0 {
                    throw DataFileError(file: file, line: line, message: character == ")" ? "')' without a matching '('" : "'|' outside parentheses: write alternatives as (a|b)")
                }
                break
            } else {
                literal.append(character)
                index = text.index(after: index)
            }
        }
        if !literal.isEmpty { items.append(.text(literal)) }
        return .sequence(items)
    }

    /// How many sentences the tree stands for (capped to avoid overflow).
    var count: Int {
        switch self {
        case .text: return 1
        case .sequence(let items): return items.reduce(1) { min($0 * $1.count, 1 << 40) }
        case .choice(let options): return min(options.reduce(0) { $0 + $1.count }, 1 << 40)
        }
    }

    /// Every sentence when there are at most `cap`; otherwise `cap` of them,
    /// chosen with a seeded generator, after one pass that uses each
    /// alternative at least once.
    func sample(cap: Int, seed: UInt64) -> [String] {
        if count <= cap { return all() }
        var generator = SeededGenerator(seed: seed)
        var seen: Set<String> = []
        var result: [String] = []
        var round = 0
        while result.count < cap && round < cap * 4 {
            let sentence = pick(&generator, round: round)
            if seen.insert(sentence).inserted { result.append(sentence) }
            round += 1
        }
        return result
    }

    private func all() -> [String] {
        switch self {
        case .text(let text): return [text]
        case .sequence(let items):
            return items.reduce([""]) { heads, item in heads.flatMap { head in item.all().map { head + $0 } } }
        case .choice(let options): return options.flatMap { $0.all() }
        }
    }

    /// One sentence; early rounds walk the alternatives in order, so that
    /// each one appears, later rounds choose at random.
    private func pick(_ generator: inout SeededGenerator, round: Int) -> String {
        switch self {
        case .text(let text): return text
        case .sequence(let items): return items.map { $0.pick(&generator, round: round) }.joined()
        case .choice(let options):
            let index = round < 16 ? round % options.count : Int(generator.next() % UInt64(options.count))
            return options[index].pick(&generator, round: round)
        }
    }
}

/// SplitMix64: a small generator, so that samples are the same every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
