import EscalateCatalog
import EscalateUnderstanding
import Foundation

/// Finds the fact a question asks about by the words it shares with the
/// fact's own question forms, rarer words counting more. It is a second
/// reader beside the intent matcher: the matcher says what kind of request
/// a line is, this one which of the documents' many facts it is about.
struct FactIndex: Sendable {
    struct Match: Sendable {
        var fact: Fact
        var score: Double
    }

    private let facts: [Fact]
    /// Each fact's question forms as word sets.
    private let forms: [[Set<String>]]
    private let weights: [String: Double]

    /// Organisation names: the line's organisation is a slot, not a word to match.
    private let names: Set<String>
    /// Names of several words (a portal's), taken out of a line as a whole.
    private let phrases: [String]

    init(_ facts: [Fact], names: [String] = [], phrases: [String] = []) {
        self.facts = facts
        let names = Set(names.flatMap { Self.words($0) })
        self.names = names
        self.phrases = phrases.map { $0.lowercased() }.sorted { $0.count > $1.count }
        forms = facts.map { fact in (fact.asks + [fact.about]).map { Set(Self.words($0)).subtracting(names) }.filter { !$0.isEmpty } }
        var frequency: [String: Int] = [:]
        for set in forms { for word in Set(set.joined()) { frequency[word, default: 0] += 1 } }
        let count = Double(max(facts.count, 1))
        weights = frequency.mapValues { log(1 + count / Double($0)) }
    }

    /// Words that carry no meaning of their own here.
    static let ignored: Set<String> = [
        "a", "an", "the", "i", "me", "my", "we", "our", "us", "you", "your", "it", "its", "is", "are", "am", "be", "was", "do", "does", "did",
        "to", "of", "for", "in", "on", "at", "and", "or", "with", "about", "what", "who", "how", "can", "could", "should", "would", "will",
        "there", "this", "that", "these", "those", "any", "some", "get", "please", "tell", "they", "them", "their", "if", "so", "just",
        "which", "where", "why", "have", "has", "need", "want", "know", "s", "t", "by", "from", "up", "than", "then", "one",
        // Words about the documents themselves, not about what they say.
        "document", "documents", "doc", "docs", "say", "says", "said", "handbook", "guidelines", "mention", "mentions",
    ]

    /// A line's words as typed, with the corrections the matcher made to
    /// them (its placeholders for recognised names left out).
    static func text(of interpretation: Interpretation) -> String {
        ([interpretation.typed] + interpretation.correctedWords.filter { !$0.hasPrefix("@") && !$0.hasPrefix("{") }).joined(separator: " ")
    }

    static func words(_ text: String) -> [String] {
        Tokenizer.tokens(text.lowercased()).map(\.text).filter { !ignored.contains($0) && !$0.isEmpty }.map(Stemmer.stem)
    }

    /// The best facts for `text`, best first; `prefer` lifts one
    /// organisation's facts, `only` keeps no others.
    func matches(_ text: String, prefer: String? = nil, only: String? = nil) -> [Match] {
        var text = text.lowercased()
        for phrase in phrases { text = text.replacingOccurrences(of: phrase, with: " ") }
        let query = Set(Self.words(text)).subtracting(names)
        guard !query.isEmpty else { return [] }
        // A word no fact uses weighs as much as the rarest: "who is the duty
        // manager?" is not a question about managers in general.
        let unknown = 1.5 * log(1 + Double(max(facts.count, 1)))
        let queryWeight = query.reduce(0) { $0 + (weights[$1] ?? unknown) }
        var result: [Match] = []
        for (index, fact) in facts.enumerated() where only == nil || fact.organisation == only {
            var best = 0.0
            for form in forms[index] {
                let shared = query.intersection(form).reduce(0) { $0 + (weights[$1] ?? 0) }
                guard shared > 0 else { continue }
                let formWeight = form.reduce(0) { $0 + (weights[$1] ?? 0) }
                best = max(best, shared / (queryWeight * formWeight).squareRoot())
            }
            if best > 0 { result.append(Match(fact: fact, score: best * (fact.organisation == prefer ? 1.15 : 1))) }
        }
        return result.sorted { $0.score > $1.score }
    }
}
