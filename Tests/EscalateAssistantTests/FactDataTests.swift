import EscalateCatalog
import Foundation
import Testing

/// The facts beside the matrices: each belongs to a known organisation and
/// process, answers something, and cites a section that its document
/// really has. The documents themselves are not shipped; where they can be
/// read (`ESCALATE_SEEDS`, or the shared seeds folder), every heading is
/// looked up in them word for word.
@Suite struct FactDataTests {
    static let catalog = TestWorld.assistant.catalog
    static let documents = ["000_8ee37a76aa92d72b.txt", "001_39febcb47aae320e.txt", "002_bd12fa813c702d11.txt",
                            "003_b6a599ade463d17c.txt", "004_3eaa8ceb15d133d3.txt"]

    static var seeds: URL {
        URL(fileURLWithPath: ProcessInfo.processInfo.environment["ESCALATE_SEEDS"] ?? "/work/shared/seeds")
    }

    @Test func everyDocumentHasFacts() {
        for document in Self.documents {
            #expect(Self.catalog.facts.contains { $0.source.document == document }, "no facts cite \(document)")
        }
    }

    @Test func everyFactBelongsToItsOrganisationAndProcess() {
        for fact in Self.catalog.facts {
            #expect(Self.catalog.organisation(fact.organisation) != nil, "\(fact.id): unknown organisation \(fact.organisation)")
            if let process = fact.process {
                #expect(Self.catalog.process(process)?.organisation == fact.organisation, "\(fact.id): process \(process) is not \(fact.organisation)'s")
            }
            #expect(!fact.answer.joined().trimmingCharacters(in: .whitespaces).isEmpty, "\(fact.id) answers nothing")
            #expect(!fact.source.section.isEmpty && !fact.source.title.isEmpty, "\(fact.id) has no section or title")
            #expect(Self.documents.contains(fact.source.document), "\(fact.id) cites \(fact.source.document), not one of the five documents")
        }
    }

    @Test func everySectionHeadingIsInItsDocument() throws {
        let squeeze = { (text: String) in text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        var read = 0
        for document in Self.documents {
            guard let text = try? String(contentsOf: Self.seeds.appendingPathComponent(document), encoding: .utf8) else { continue }
            read += 1
            let lines = Set(text.split(separator: "\n").map { squeeze(String($0)).trimmingCharacters(in: CharacterSet(charactersIn: "| ")) })
            for fact in Self.catalog.facts where fact.source.document == document {
                #expect(lines.contains(squeeze(fact.source.section)), "\(fact.id): “\(fact.source.section)” is not a line of \(document)")
            }
        }
        // Where the documents are absent the check above is skipped, and says so.
        if read == 0 { print("FactDataTests: the source documents are not at \(Self.seeds.path); headings not checked") }
    }
}
