import Foundation

/// Finds transcript files and replays them, printing what `escalate replay` prints.
public struct TranscriptSuite {
    public static let fileExtension = "transcript"

    /// The transcript files at `paths` (files, or folders searched recursively), sorted.
    public static func files(at paths: [String]) throws -> [String] {
        var result: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw TranscriptError(file: path, line: 0, message: "no such file or folder")
            }
            if isFolder.boolValue {
                let enumerator = FileManager.default.enumerator(atPath: path)
                while let relative = enumerator?.nextObject() as? String {
                    if relative.hasSuffix("." + fileExtension) {
                        result.append((path as NSString).appendingPathComponent(relative))
                    }
                }
            } else {
                result.append(path)
            }
        }
        return result.sorted()
    }

    /// Reads every file, throwing the first `TranscriptError` (`file:line`).
    public static func check(_ files: [String]) throws {
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw TranscriptError(file: file, line: 0, message: "cannot read the file")
            }
            _ = try Transcript(parsing: String(decoding: data, as: UTF8.self), path: file)
        }
    }

    public var runner: TranscriptRunner
    public var update: Bool

    public init(runner: TranscriptRunner, update: Bool) {
        self.runner = runner
        self.update = update
    }

    /// Replays each file, writing reports with `print`; returns (passed, failed).
    public func replay(files: [String], print: (String) -> Void) async -> (passed: Int, failed: Int) {
        var passed = 0
        var failed = 0
        for file in files {
            do {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw TranscriptError(file: file, line: 0, message: "cannot read the file")
                }
                let transcript = try Transcript(parsing: String(decoding: data, as: UTF8.self), path: file)
                let result = try await runner.run(transcript)
                if update {
                    let text = TranscriptRunner.updated(transcript, with: result)
                    if text != String(decoding: data, as: UTF8.self) {
                        try text.write(toFile: file, atomically: true, encoding: .utf8)
                        print("\(file): updated")
                    }
                    passed += 1
                    continue
                }
                if result.passed {
                    passed += 1
                } else {
                    failed += 1
                    for failure in result.failures { print(failure.report) }
                }
            } catch {
                failed += 1
                print("\(error)")
            }
        }
        print("\(passed) passed, \(failed) failed")
        return (passed, failed)
    }
}
