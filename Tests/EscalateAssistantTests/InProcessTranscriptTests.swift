import EscalateTranscripts
import Foundation
import Testing
@testable import escalate

/// Every transcript in `transcripts/`, each its own test, replayed in
/// process against a fresh session of the transcript world. (One end-to-end
/// test in EscalateTests replays them all through the built executable.)
@Suite struct InProcessTranscriptTests {
    static let files: [String] = {
        let folder = TestWorld.packageRoot.appendingPathComponent("transcripts")
        return (try? TranscriptSuite.files(at: [folder.path])) ?? []
    }()

    @Test func thereAreTranscripts() {
        #expect(Self.files.count >= 35)
    }

    @Test(arguments: files)
    func transcript(_ path: String) async throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let transcript = try Transcript(parsing: text, path: path)
        let runner = TranscriptRunner { TranscriptSessionAdapter(try TranscriptEnvironment.makeSession(for: $0)) }
        let result = try await runner.run(transcript)
        #expect(result.passed, "\(result.failures.map(\.report).joined(separator: "\n"))")
    }
}
