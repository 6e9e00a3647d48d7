import EscalateAssistant
import EscalateStore
import Foundation
import Testing

/// Everything the five documents say is answerable without a ticket: each
/// row of `Data/document-facts.tsv` is a question as customers and CCMs
/// type it, asked in a fresh conversation with no ticket, and a piece of
/// the fact its answer must contain.
@Suite struct DocumentFactsTests {
    struct Row: CustomTestStringConvertible, Sendable {
        var document: String
        var question: String
        var expected: String
        var line: Int
        var testDescription: String { "\(document): \(question)" }
    }

    static let rows: [Row] = {
        let url = TestWorld.packageRoot.appendingPathComponent("Tests/EscalateAssistantTests/Data/document-facts.tsv")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { number, line in
            guard !line.hasPrefix("#"), !line.isEmpty else { return nil }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3 else { return Row(document: "?", question: String(line), expected: "(malformed row)", line: number + 1) }
            return Row(document: fields[0], question: fields[1], expected: fields[2], line: number + 1)
        }
    }()

    @Test func theTableCoversEveryDocument() {
        #expect(Self.rows.count >= 150)
        for document in ["000", "001", "002", "003", "004"] {
            #expect(Self.rows.filter { $0.document == document }.count >= 20, "fewer than 20 questions about document \(document)")
        }
        #expect(Set(Self.rows.map(\.question)).count == Self.rows.count, "a question is in the table twice")
    }

    @Test(arguments: rows)
    func theAnswerStatesTheFact(_ row: Row) async throws {
        let store = InMemoryTicketStore()
        let session = TestWorld.session(store: store)
        let reply = await TestWorld.say(row.question, to: session)
        #expect(reply.lowercased().contains(row.expected.lowercased()),
                "line \(row.line): “\(row.question)” should say “\(row.expected)”; it said:\n\(reply)")
        // Asked with no ticket, and a question: nothing is recorded.
        #expect(try await TestWorld.events(store).isEmpty)
    }
}
