import EscalateAssistant
import EscalateDomain
import EscalateStore
import Foundation
import Testing
@testable import escalate

/// What still used to get through: a change recorded from a line of noise,
/// an empty author, a clock moved past the years escalate counts in.
@Suite struct BoundedInputTests {
    /// Pieces of noise: fragments, numbers, ticket numbers, little words,
    /// symbols, invalid text. None is a confirmation ("yes", "ok").
    static let pieces = [
        "#1", "1", "2", "the", "a", "to", "it", "and", "of", "on", "xq", "zzv", "qwrt", "lvl", "l2", "\u{FFFD}", "\u{1B}[2J", "??", "!!",
        "🙂", "—", "é", "#", "@", "0", "99999", "%", "&&", "...", "it's", "that", "this", "so", "um", "k", "\u{7F}", "x9", "asdf",
    ]

    /// A deterministic generator, so that a failure is seen again.
    struct Mixer: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
    }

    @Test func nothingIsRecordedFromALineWithoutADistinctiveWord() async throws {
        let store = InMemoryTicketStore()
        let session = TestWorld.session(role: .ccm, store: store)
        await TestWorld.say("open a support request ticket for Initech: nightly batch jobs failing", to: session)
        var generator = Mixer(state: 20_261_205)
        var count = try await store.allEvents().count
        var recorded: [String] = []
        for _ in 0..<2_000 {
            let words = (0..<Int.random(in: 1...7, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }
            let line = words.joined(separator: Bool.random(using: &generator) ? " " : "")
            _ = await session.respond(to: line)
            let now = try await store.allEvents().count
            if now != count, session.lastInterpretation?.distinctiveWords.isEmpty ?? true {
                recorded.append(line.debugDescription)
            }
            count = now
        }
        #expect(recorded.isEmpty, "changes recorded from lines without a distinctive word:\n\(recorded.prefix(20).joined(separator: "\n"))")
    }

    @Test func theAuthorIsRequiredAndNeverEmpty() throws {
        #expect(throws: CLIError.self) { try Author.resolve(option: "", environment: ["USER": "sam"]) }
        #expect(throws: CLIError.self) { try Author.resolve(option: "   ", environment: [:]) }
        #expect(throws: CLIError.self) { try Author.resolve(option: String(repeating: "x", count: 201), environment: [:]) }
        #expect(try Author.resolve(option: " kim ", environment: ["USER": "sam"]) == "kim")
        #expect(try Author.resolve(option: nil, environment: ["USER": "sam"]) == "sam")
        // No $USER: the login name of the process's user, never "me".
        let login = try Author.resolve(option: nil, environment: [:])
        #expect(!login.isEmpty && login != "me")
    }

    @Test func theClockIsNeverMovedPastTheSupportedYears() async {
        let session = TestWorld.session()
        let reply = await session.respond(to: ":advance 99999w")
        #expect(reply.text.contains("outside the years 1900–2399"), "\(reply.text)")
        let now = await session.respond(to: ":now")
        #expect(now.text.contains("2026"), "the clock stayed where it was: \(now.text)")
    }
}
