import Testing

/// How well the matcher understands phrasings it was never shown.
@Suite struct IntentAccuracyTests {
    /// The held-out set: written before the intent files were tuned, by
    /// someone who had not seen them, and never copied into `intents/`.
    /// Only the totals are printed, so that it cannot be tuned against.
    @Test func heldOutPhrasingsMeetTheTargets() throws {
        let score = try PhrasingSet(file: "heldout.txt").score()
        print("held-out: \(score.summary)")
        #expect(score.inScope >= 300)
        #expect(score.intentAccuracy >= 0.95, "\(score.summary)")
        #expect(score.slotAccuracy >= 0.90, "\(score.summary)")
        #expect(score.rejection >= 0.95, "\(score.summary)")
    }

    /// The development sets, tuned against: their misses are printed.
    @Test(arguments: ["dev.txt", "dev2.txt", "dev3.txt"])
    func developmentPhrasingsMeetTheTargets(file: String) throws {
        let score = try PhrasingSet(file: file).score()
        print("\(file): \(score.summary)")
        for miss in score.misses { print("  " + miss) }
        #expect(score.intentAccuracy >= 0.95, "\(score.summary)")
        #expect(score.slotAccuracy >= 0.90, "\(score.summary)")
        #expect(score.rejection >= 0.95, "\(score.summary)")
    }
}
