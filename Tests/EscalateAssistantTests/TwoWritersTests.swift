import EscalateAssistant
import EscalateDomain
import EscalateStore
import Foundation
import Testing

/// Two people on one database file, each asked to confirm a change to the
/// same ticket: the first yes is recorded; the second is refused with what
/// changed, never silently laid over the first.
@Suite struct TwoWritersTests {
    @Test func conflictingConfirmationsRecordOnlyTheFirst() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("escalate-two-writers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("tickets.db").path

        let samStore = try SQLiteTicketStore(path: path)
        let sam = TestWorld.session(role: .ccm, user: "sam", store: samStore)
        await TestWorld.say("open a CenturyLink installation ticket for Initech: turn-up late", to: sam)

        let kimStore = try SQLiteTicketStore(path: path, mode: .existing)
        let kim = TestWorld.session(role: .ccm, user: "kim", store: kimStore)

        // Both ask; both are asked to confirm, from the same version of #1.
        let samAsked = await TestWorld.say("close #1 as resolved", to: sam)
        let kimAsked = await TestWorld.say("close #1 as cannot resolve", to: kim)
        #expect(samAsked.contains("(yes/no)"), "\(samAsked)")
        #expect(kimAsked.contains("(yes/no)"), "\(kimAsked)")

        let samDone = await TestWorld.say("yes", to: sam)
        let kimRefused = await TestWorld.say("yes", to: kim)
        #expect(samDone.contains("Closed #1"), "\(samDone)")
        #expect(!kimRefused.contains("Closed #1"), "\(kimRefused)")
        // Kim is told why: the ticket changed, and by whom.
        #expect(kimRefused.contains("#1"), "\(kimRefused)")
        #expect(kimRefused.contains("sam"), "\(kimRefused)")

        let closings = try await samStore.allEvents().filter { if case .closed = $0.kind { true } else { false } }
        #expect(closings.count == 1)
        if case .closed(let code, _, _)? = closings.first?.kind { #expect(code == "resolved") }
        #expect(closings.first?.author == "sam")
    }
}
