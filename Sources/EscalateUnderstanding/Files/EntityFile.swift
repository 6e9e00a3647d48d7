import EscalateDomain
import Foundation

/// One value of an enumerated slot type and the ways people say it.
public struct EntityValue: Hashable, Sendable {
    /// The canonical value (`ccm`, `planned_maintenance`).
    public var id: String
    /// Phrases that mean it, lowercase (`customer care manager`, `my ccm`).
    public var phrases: [String]
}

/// Reads `.entity` files: one value per line, `canonical | synonym | …`.
/// The canonical id counts as a phrase too, with `_` read as a space,
/// unless it ends in `!` (`support! | support organisation`: the bare word
/// "support" is too common to mean the organisation). `(a|b)` alternatives
/// may be used inside a synonym.
public enum EntityFile {
    public static func parse(_ text: String, file: String) throws -> [EntityValue] {
        var values: [EntityValue] = []
        var seen: Set<String> = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = splitTopLevel(line)
            var id = fields[0].trimmingCharacters(in: .whitespaces)
            let idIsPhrase = !id.hasSuffix("!")
            if !idIsPhrase { id.removeLast() }
            guard !id.isEmpty, id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else {
                throw DataFileError(file: file, line: index + 1, message: "a value's id is letters, digits, '_' and '-': '\(id)'")
            }
            guard seen.insert(id).inserted else {
                throw DataFileError(file: file, line: index + 1, message: "'\(id)' is listed twice")
            }
            var phrases: [String] = idIsPhrase ? [id.replacingOccurrences(of: "_", with: " ").lowercased()] : []
            for field in fields.dropFirst() {
                for phrase in try IntentFile.expand(Substring(field), file: file, line: index + 1) {
                    let cleaned = phrase.split(separator: " ").joined(separator: " ").lowercased()
                    if !cleaned.isEmpty && !phrases.contains(cleaned) { phrases.append(cleaned) }
                }
            }
            values.append(EntityValue(id: id, phrases: phrases))
        }
        return values
    }

    /// Splits on `|` outside parentheses.
    static func splitTopLevel(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var depth = 0
        for character in line {
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
            if character == "|" && depth == 0 {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }
}

/// Reads `.voc` files: the words and phrases that mean one concept, one per
/// line (`(a|b)` alternatives allowed). While matching intents, each is read
/// as the concept's name, so that "ring", "phone" and "call" count alike.
public enum VocabularyFile {
    public static func parse(_ text: String, file: String) throws -> [String] {
        var phrases: [String] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            for phrase in try IntentFile.expand(Substring(line), file: file, line: index + 1) {
                let cleaned = phrase.split(separator: " ").joined(separator: " ").lowercased()
                if !cleaned.isEmpty { phrases.append(cleaned) }
            }
        }
        return phrases
    }
}
