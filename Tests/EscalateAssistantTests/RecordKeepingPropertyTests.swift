import EscalateAssistant
import EscalateDomain
import EscalateStore
import Foundation
import PropertyBased
import Testing

/// What the user said is what is stored: notes as typed, customer names
/// whole, and the time said with a change, whatever the change.
@Suite struct RecordKeepingPropertyTests {
    /// Letters, punctuation, quotes, accents, other scripts, emoji and
    /// control characters: what people paste into a note.
    static let alphabet: [String] = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789").map(String.init)
        + [" ", " ", " ", ".", ",", ";", "!", "?", "'", "\"", "(", ")", "-", "/", "%", "&", "*", "é", "ü", "ñ", "ß", "中", "文", "🙂", "—", "“", "”", "‘", "’", "…"]
        + ["\u{1B}[31m", "\u{1B}]0;title\u{07}", "\u{07}", "\t", "\u{7F}", "\u{200B}", "\u{202E}"]

    static let notes = Gen.int(in: 0...(alphabet.count - 1)).array(of: 1...40)

    /// A note of the generated pieces, between two plain words so that
    /// it has words of its own and no leading or trailing space.
    static func note(_ pieces: [Int]) -> String { "Vendor " + pieces.map { alphabet[$0] }.joined() + " done" }

    @Test func aNoteIsStoredAsTyped() async throws {
        await propertyCheck(count: 150, input: Self.notes) { pieces in
            let note = Self.note(pieces)
            let store = InMemoryTicketStore()
            let session = TestWorld.session(role: .ccm, store: store)
            await TestWorld.say("open a Lumen installation ticket for Acme: fibre turn-up", "update #1: \(note)", to: session)
            let events = (try? await TestWorld.events(store)) ?? []
            let stored = events.compactMap { event -> String? in
                if case .updateLogged(let text) = event.kind { return text }
                return nil
            }
            #expect(stored == [note], "typed \(note.debugDescription), stored \(stored.map(\.debugDescription))")
        }
    }

    /// Read from `Data/company-names.txt`.
    static let companyNames: [String] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Data/company-names.txt")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty }
    }()

    @Test func thereAreEnoughCompanyNameShapes() {
        #expect(Self.companyNames.count >= 200)
    }

    @Test func aCompanyNameIsKeptWhole() async throws {
        var cut: [String] = []
        for name in Self.companyNames {
            let store = InMemoryTicketStore()
            let session = TestWorld.session(store: store)
            await TestWorld.say("open a Lumen installation ticket for \(name): fibre turn-up delayed", to: session)
            let customer = try await store.ticket(1)?.details.customer
            if customer != name { cut.append("\(name) → \(customer ?? "no ticket")") }
        }
        #expect(cut.isEmpty, "\(cut.count) of \(Self.companyNames.count) names not kept whole:\n\(cut.prefix(30).joined(separator: "\n"))")
    }

    /// Each change, with what must come before it, the line that says it
    /// at a time, and the kind of event it records.
    struct Verb: Sendable, CustomStringConvertible {
        var name: String
        var before: [String]
        var line: @Sendable (String) -> String
        var records: @Sendable (TicketEventKind) -> Bool
        var description: String { name }
    }

    static let verbs: [Verb] = [
        Verb(name: "update", before: [], line: { "update #1 at \($0): vendor dispatched" },
             records: { if case .updateLogged = $0 { true } else { false } }),
        Verb(name: "contact", before: [], line: { "I called my CCM about #1 at \($0)" },
             records: { if case .contactAttempted = $0 { true } else if case .contactMade = $0 { true } else { false } }),
        Verb(name: "acknowledge", before: ["I called my CCM about #1 at 9:00am"], line: { "the CCM acknowledged #1 at \($0)" },
             records: { if case .acknowledged = $0 { true } else { false } }),
        Verb(name: "hold", before: [], line: { "waiting on the customer for #1 since \($0)" },
             records: { if case .paused = $0 { true } else { false } }),
        Verb(name: "resume", before: ["waiting on the customer for #1 since 9:00am"], line: { "the customer replied on #1 at \($0)" },
             records: { if case .resumed = $0 { true } else { false } }),
        Verb(name: "escalate", before: [], line: { "escalated #1 to level 2 at \($0)" },
             records: { if case .escalated = $0 { true } else { false } }),
        Verb(name: "close", before: [], line: { "closed #1 as resolved at \($0)" },
             records: { if case .closed = $0 { true } else { false } }),
        Verb(name: "reopen", before: ["closed #1 as resolved at 9:00am", "yes"], line: { "reopen #1 at \($0)" },
             records: { if case .reopened = $0 { true } else { false } }),
    ]

    /// Between the ticket's opening at 09:00 and the clock at 17:00, in
    /// minutes after 09:00, leaving the first minute to what comes before.
    static let minutes = Gen.int(in: 1...479)

    @Test(arguments: verbs)
    func aChangeHappensWhenItIsSaidToHaveHappened(_ verb: Verb) async throws {
        await propertyCheck(count: 12, input: Self.minutes) { minute in
            let store = InMemoryTicketStore()
            let session = TestWorld.session(store: store)
            let expected = TestWorld.start + Int64(minute) * 60
            let local = TestWorld.zone.local(expected).time
            let hour12 = local.hour % 12 == 0 ? 12 : local.hour % 12
            let said = "\(hour12):\(local.minute < 10 ? "0" : "")\(local.minute)\(local.hour < 12 ? "am" : "pm")"
            await TestWorld.say("open a Lumen installation ticket for Acme: fibre turn-up", ":advance 8h", to: session)
            for line in verb.before { await TestWorld.say(line, "yes", to: session) }
            // Whatever it asks to confirm (an early escalation, a closure), yes.
            await TestWorld.say(verb.line(said), "yes", to: session)
            let events = (try? await TestWorld.events(store)) ?? []
            let recorded = events.last { verb.records($0.kind) }
            #expect(recorded?.occurredAt == expected, "\(verb.name) at \(said): recorded \(recorded.map { "\($0.occurredAt)" } ?? "nothing")")
        }
    }
}
