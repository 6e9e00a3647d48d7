import Foundation

extension IntentMatcher {
    /// The matcher as bytes, for `init(compiledTables:)`: everything that
    /// takes work to find from the intent files (the vocabulary, the feature
    /// ids, the postings, the intents' centres, the slot alignments), written
    /// exactly. The build writes the built-in intents' tables this way, so
    /// that no run of `escalate` has to build them.
    public func compiledTables() -> [UInt8] {
        var writer = TableWriter()
        writer.strings(intentNames)
        writer.ints(exampleIntent)
        writer.strings(featureNames)
        writer.doubles(idf)
        writer.ints(postingOffsets)
        writePostings(&writer)
        // The weights are worked out again from these, to the same bits.
        writer.doubles(exampleNorms)
        writer.ints(runOffsets)
        writer.ints(runIntent)
        writer.ints(runEnd)
        writer.array(distinctiveIDs) { $0.ints($1) }
        writer.array(centreWeights) { writer, weights in
            writer.array(weights) { writer, entry in
                writer.int(Int(entry.intent))
                writer.double(entry.weight)
            }
        }
        writer.doubles(centreNorms)
        extractor.write(to: &writer)
        recogniser.enumerated.write(to: &writer)
        writer.stringSet(known)
        writer.stringSet(inScope)
        lexicon.index.write(to: &writer)
        lexicon.write(to: &writer)
        writer.dictionary(slotsByIntent) { $0.stringSet($1) }
        writer.dictionary(distinctive) { $0.strings($1.words) }
        writer.dictionary(alignments) { writer, list in writer.array(list) { $1.write(to: &$0) } }
        writer.dictionary(helpExamples) { $0.strings($1) }
        // The phrasings are thousands, and only help looks at them: their
        // files are kept instead, and read again when they are asked for.
        writer.dictionary(phrasingStore.sources) { $0.string($1) }
        return writer.bytes()
    }

    /// Each feature's examples, as the differences between neighbours: they
    /// go up, so the differences are small numbers that take a byte or two.
    private func writePostings(_ writer: inout TableWriter) {
        writer.int(postingExamples.count)
        for feature in 0..<(postingOffsets.count - 1) {
            var previous: Int32 = -1
            for index in Int(postingOffsets[feature])..<Int(postingOffsets[feature + 1]) {
                writer.int(Int(postingExamples[index] - previous))
                previous = postingExamples[index]
            }
        }
    }

    static func readPostings(_ reader: inout TableReader, offsets: [Int32]) throws -> [Int32] {
        let count = try reader.count()
        guard offsets.last.map(Int.init) == count, offsets.first == 0, zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 }) else {
            throw TableReader.corrupt("the postings do not fit their offsets")
        }
        var postings = [Int32](repeating: 0, count: count)
        for feature in 0..<(offsets.count - 1) {
            var previous = -1
            for index in Int(offsets[feature])..<Int(offsets[feature + 1]) {
                let step = try reader.int()
                guard step > 0, previous + step <= Int(Int32.max) else { throw TableReader.corrupt("the postings do not go up") }
                previous += step
                postings[index] = Int32(previous)
            }
        }
        return postings
    }

    /// `init(files:)`'s weights: the feature's IDF over the example's norm.
    static func postingWeights(idf: [Double], offsets: [Int32], examples: [Int32], norms: [Double]) throws -> [Float] {
        guard idf.count + 1 == offsets.count, examples.allSatisfy({ $0 < norms.count }) else {
            throw TableReader.corrupt("the postings do not fit the examples")
        }
        var weights = [Float](repeating: 0, count: examples.count)
        for feature in idf.indices {
            for index in Int(offsets[feature])..<Int(offsets[feature + 1]) {
                weights[index] = Float(idf[feature] / norms[Int(examples[index])])
            }
        }
        return weights
    }

    /// Checks that the arrays scoring walks without bounds checks fit each
    /// other, so that damaged tables are refused instead of read out of range.
    func checkShapes() throws {
        let features = featureNames.count
        let intents = intentNames.count
        let postings = postingExamples.count
        func fail(_ what: String) -> IntentTablesError { TableReader.corrupt("the compiled tables' \(what) do not fit") }
        guard Set(intentNames).count == intents, idf.count == features, centreWeights.count == features, exampleNorms.count == exampleIntent.count,
              centreNorms.count == intents, distinctiveIDs.count == intents, postingWeights.count == postings, postingOffsets.count == features + 1, runOffsets.count == features + 1,
              runIntent.count == runEnd.count, postingOffsets.first == 0, postingOffsets.last.map(Int.init) == postings,
              runOffsets.first == 0, runOffsets.last.map(Int.init) == runIntent.count else { throw fail("table sizes") }
        // The postings were checked against the examples as they were read.
        guard exampleIntent.allSatisfy({ $0 >= 0 && $0 < intents }), runIntent.allSatisfy({ $0 >= 0 && $0 < intents }),
              centreWeights.allSatisfy({ $0.allSatisfy { $0.intent >= 0 && $0.intent < intents } }) else { throw fail("indices") }
        // Scoring reads each intent's examples as one stretch of ids.
        guard exampleRanges.count == intents,
              exampleRanges.indices.allSatisfy({ intent in exampleRanges[intent].allSatisfy { Int(exampleIntent[$0]) == intent } }) else {
            throw fail("examples")
        }
        for feature in 0..<features {
            let (start, end) = (Int(postingOffsets[feature]), Int(postingOffsets[feature + 1]))
            let (firstRun, endRun) = (Int(runOffsets[feature]), Int(runOffsets[feature + 1]))
            guard start <= end, firstRun <= endRun else { throw fail("postings") }
            var runStart = start
            for run in firstRun..<endRun {
                guard Int(runEnd[run]) >= runStart, Int(runEnd[run]) <= end else { throw fail("runs") }
                runStart = Int(runEnd[run])
            }
            guard firstRun == endRun ? start == end : runStart == end else { throw fail("runs") }
        }
    }
}

/// The phrasings by intent: at hand when the matcher was built from the
/// files, read again from the `.intent` files on first use otherwise.
final class PhrasingStore: @unchecked Sendable {
    private let lock = NSLock()
    private var parsed: [String: [Phrasing]]?
    /// The `.intent` files' texts by path.
    let sources: [String: String]

    init(_ phrasings: [String: [Phrasing]], sources: [String: String]) {
        parsed = phrasings
        self.sources = sources
    }

    init(sources: [String: String]) {
        self.sources = sources
    }

    var phrasings: [String: [Phrasing]] {
        lock.lock()
        defer { lock.unlock() }
        if let parsed { return parsed }
        // As `IntentMatcher.init(files:)` reads them; they read then, so they read now.
        var read: [String: [Phrasing]] = [:]
        for path in sources.keys.sorted() {
            read[IntentMatcher.fileName(path)] = (try? IntentFile.parse(sources[path]!, file: path)) ?? []
        }
        parsed = read
        return read
    }
}

/// Names a set of intent files, so that tables compiled from them are used
/// only for those very files.
public enum IntentFiles {
    /// A fingerprint of the files' paths and texts, and the tables' format.
    public static func fingerprint(_ files: [String: String]) -> String {
        // FNV-1a, 64 bits: no cryptography is needed, only a change noticed.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ bytes: some Sequence<UInt8>) {
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
        }
        add("format \(TableFormat.version)".utf8)
        for path in files.keys.sorted() {
            add([0])
            add(path.utf8)
            add([0])
            add(files[path]!.utf8)
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
