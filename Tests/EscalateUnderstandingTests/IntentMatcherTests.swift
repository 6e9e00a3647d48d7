import Foundation
import EscalateDomain
import Testing
@testable import EscalateUnderstanding

/// End-to-end interpretations through the real intent files (the built-in
/// catalog's, as `PhrasingSet` loads them), and a matcher built from a few
/// small files.
@Suite struct IntentMatcherTests {
    private func interpret(_ text: String) -> Interpretation {
        PhrasingSet.matcher.interpret(text, context: PhrasingSet.context)
    }

    static let tinyFiles: [String: String] = [
        "tiny/close.intent": "close {ticket}\n(shut|close out) {ticket}\n",
        "tiny/greet.intent": "(hello|hi) there\ngood morning\n",
        "tiny/role.entity": "ccm | customer care manager\n",
        "tiny/README.md": "(not an intent file, never parsed",
    ]

    /// The error building a matcher from `files` throws, if it is an `DataFileError`.
    private func buildError(_ files: [String: String]) -> DataFileError? {
        do {
            _ = try IntentMatcher(files: files)
            return nil
        } catch {
            return error as? DataFileError
        }
    }

    // MARK: the real intent files

    @Test func anUpdateWithANote() {
        let result = interpret("update #12: vendor dispatched, ETA Friday")
        #expect(result.intent == "log_update")
        #expect(result.slots["ticket"] == SlotValue.ticket(.number(12)))
        #expect(result.slots["note"] == SlotValue.text("vendor dispatched, ETA Friday"))
        // "Friday" inside the note is not a time.
        #expect(result.slots["time"] == nil)
        #expect(result.isConfident)
    }

    @Test func whoToEscalateTo() {
        let result = interpret("who do I escalate to now?")
        #expect(result.intent == "who_next")
        #expect(result.isConfident)
    }

    @Test func outOfScopeInputIsNotUnderstood() {
        let result = interpret("what's the weather in Paris")
        #expect(result.intent == nil)
        #expect(!result.isConfident)
        #expect(result.slots.isEmpty)
        #expect(result.score < IntentMatcher.rejectThreshold)
    }

    @Test func aLevelAloneIsNotConfident() {
        let result = interpret("level 2")
        #expect(!result.isConfident)
        #expect(result.distinctiveWords.isEmpty)
        #expect(result.slots["level"] == SlotValue.level(.number(2)))
    }

    @Test func aTicketAloneIsNotConfident() {
        let result = interpret("#1")
        #expect(!result.isConfident)
    }

    @Test func closeIsConfident() {
        let result = interpret("close #1")
        #expect(result.intent == "close")
        #expect(result.slots["ticket"] == SlotValue.ticket(.number(1)))
        #expect(result.isConfident)
        #expect(result.score >= IntentMatcher.actionThreshold)
        #expect(result.distinctiveWords.contains("close"))
    }

    @Test func escalateWithAReason() {
        let result = interpret("escalate #1 because the vendor missed the date twice")
        #expect(result.intent == "escalate")
        #expect(result.slots["ticket"] == SlotValue.ticket(.number(1)))
        #expect(result.slots["note"] == SlotValue.text("the vendor missed the date twice"))
        #expect(result.isConfident)
    }

    @Test func escalateToARoleHasNoNote() {
        let result = interpret("escalate it to the Solutions team")
        #expect(result.intent == "escalate")
        #expect(result.slots["role"] == SlotValue.entity("solutions_team"))
        #expect(result.slots["ticket"] == SlotValue.ticket(.context))
        #expect(result.slots["note"] == nil)
        #expect(result.isConfident)
    }

    @Test func statusOfAnOutsideReference() {
        let result = interpret("status of IMS 604418")
        #expect(result.intent == "status")
        #expect(result.slots["ticket"] == SlotValue.ticket(.external(kind: "ims", value: "604418")))
    }

    @Test func aTypoInTheVerbIsCorrected() {
        let result = interpret("escalte #3 please")
        #expect(result.correctedWords.first == "escalate")
        #expect(result.intent == "escalate")
        #expect(result.slots["ticket"] == SlotValue.ticket(.number(3)))
    }

    @Test func theRealFilesDefineTheCoreIntents() {
        let intents = PhrasingSet.matcher.intents
        for name in ["log_update", "who_next", "close", "escalate", "status"] {
            #expect(intents.contains(name), "missing \(name)")
        }
        #expect(!intents.contains(IntentMatcher.outOfScope))
        let updateSlots = PhrasingSet.matcher.slotsByIntent["log_update"] ?? []
        #expect(updateSlots.contains("ticket"))
        #expect(updateSlots.contains("note"))
    }

    // MARK: a matcher built from small files

    @Test func aMatcherFromSmallFiles() throws {
        let matcher = try IntentMatcher(files: Self.tinyFiles)
        #expect(matcher.intents == ["close", "greet"])
        #expect(matcher.slotsByIntent["close"] == Set(["ticket"]))
        #expect((matcher.phrasings["close"] ?? []).map(\.text) == ["close {ticket}", "shut {ticket}", "close out {ticket}"])
        let result = matcher.interpret("close #4", context: PhrasingSet.context)
        #expect(result.intent == "close")
        #expect(result.slots["ticket"] == SlotValue.ticket(.number(4)))
        #expect(result.isConfident)
        #expect(matcher.interpret("what is the weather", context: PhrasingSet.context).intent == nil)
    }

    @Test func aMalformedIntentFileFailsWithItsPathAndLine() throws {
        var files = Self.tinyFiles
        files["tiny/close.intent"] = "close {ticket}\n(close|shut {ticket}\n"
        let error = try #require(buildError(files))
        #expect(error.description == "tiny/close.intent:2: '(' without a matching ')'")
    }

    @Test func aMalformedEntityFileFailsWithItsPathAndLine() throws {
        var files = Self.tinyFiles
        files["tiny/role.entity"] = "ccm\n# the same again\nccm | my ccm\n"
        let error = try #require(buildError(files))
        #expect(error == DataFileError(file: "tiny/role.entity", line: 3, message: "'ccm' is listed twice"))
    }
}

/// Statements of who the customer is and what the issue is.
@Suite struct StatedDetailTests {
    let matcher = PhrasingSet.matcher

    @Test(arguments: [
        ("my company is Acme Widgets, account number 449812", "customer", "Acme Widgets"),
        ("I work for Bank of America", "customer", "Bank of America"),
        ("the problem is that we are billed twice for long distance", "description", "we are billed twice for long distance"),
        ("our issue is the circuit keeps dropping", "description", "the circuit keeps dropping"),
    ])
    func aStatementGivesItsDetail(line: String, field: String, value: String) {
        let result = matcher.interpret(line, context: PhrasingSet.context)
        #expect(result.intent == .setField, "\(line)")
        #expect(result.slots["field"] == SlotValue.entity(field), "\(line)")
        #expect(result.slots["value"] == SlotValue.text(value), "\(line)")
    }

    @Test func theFieldsListedAfterTheCustomerAreEachKept() {
        let result = matcher.interpret("my company is Acme Widgets, account number 449812, service location 12 Main St, Denver", context: PhrasingSet.context)
        #expect(result.slots["value"] == SlotValue.text("Acme Widgets"))
        #expect(result.slots["field_account"] == SlotValue.text("449812"))
        #expect(result.slots["field_location"] == SlotValue.text("12 Main St, Denver"))
    }

    @Test(arguments: ["the problem is the vendor never called back, escalate #1", "the issue is not resolved, reopen #2",
                      "our issue was fixed, close #1 with code resolved", "the issue on case 9 is back, open it again"])
    func aRequestAfterTheStatementIsTheRequest(line: String) {
        let result = matcher.interpret(line, context: PhrasingSet.context)
        #expect(result.intent != .setField, "\(line): \(String(describing: result.intent))")
    }
}

/// What a report of a contact says after who, which ticket and when.
@Suite struct ContactNoteTests {
    @Test(arguments: [
        ("I e-mailed billing@lumen.com on #7 at 9:35 about the disputed late fee on invoice 5590231", "about the disputed late fee on invoice 5590231"),
        ("I called the CCM on #1 yesterday at 3pm for the daily call", "for the daily call"),
        ("I called the CCM on #1 at 9:30 and gave them the new install date", "gave them the new install date"),
        ("I called the CCM on #1 at 9:30: he said he'd look Monday", "he said he'd look Monday"),
    ])
    func whatFollowsTheReportIsItsNote(line: String, note: String) {
        let result = PhrasingSet.matcher.interpret(line, context: PhrasingSet.context)
        #expect(result.intent == .logContact, "\(line)")
        #expect(result.slots["note"] == SlotValue.text(note), "\(line)")
    }

    @Test(arguments: ["I e-mailed them about #1 at 9am", "I called the CCM about #1", "left a voicemail for the RM on #2",
                      "I called the regional manager about #1 at 9:40, no answer", "I called the CCM for #1 at 9"])
    func aReportWithNothingMoreHasNoNote(line: String) {
        let result = PhrasingSet.matcher.interpret(line, context: PhrasingSet.context)
        #expect(result.slots["note"] == nil, "\(line): \(String(describing: result.slots["note"]))")
    }
}

/// An update sent to the customer: the ticket and time said after "update" are the report's.
@Suite struct CustomerUpdateTimeTests {
    @Test func theTimeAfterUpdateIsTheReportsNotANote() {
        let result = PhrasingSet.matcher.interpret("I sent the customer an update on #1 yesterday at 4pm", context: PhrasingSet.context)
        #expect(result.slots["note"] == nil)
        #expect(result.slots["time"] != nil)
        #expect(result.slots["ticket"] == SlotValue.ticket(.number(1)))
    }

    @Test func wordsAfterTheTimeStayTheNote() {
        let result = PhrasingSet.matcher.interpret("sent the customer their update on #1 at 8: install moved to Friday", context: PhrasingSet.context)
        #expect(result.slots["note"] == SlotValue.text("install moved to Friday"))
        #expect(result.slots["time"] != nil)
    }

    @Test func speakingWithTheCustomerIsWithTheCustomer() {
        let result = PhrasingSet.matcher.interpret("I spoke with the customer on #1 at 8:30: gave them the new install date", context: PhrasingSet.context)
        #expect(result.cues.has(.withCustomer))
    }
}

/// The line as typed, without the whitespace around it, however it was typed.
@Suite struct TrimmedWhitespaceTests {
    @Test(arguments: [("  update #1: done \n", "update #1: done"), ("\u{00A0}café\u{2003}", "café"), ("plain", "plain"), ("   ", ""), ("", ""),
                      ("\tJosé Müller\r\n", "José Müller")])
    func trimsLikeFoundation(text: String, expected: String) {
        #expect(IntentMatcher.trimmedWhitespace(text) == expected)
        #expect(IntentMatcher.trimmedWhitespace(text) == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
