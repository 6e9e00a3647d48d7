import EscalateTerminal
import Foundation

/// Text given on the command line, which like any input may not be UTF-8.
/// Swift reads each argument with U+FFFD for such bytes; this says which.
enum CommandLineText {
    /// Whether any of `arguments` (as the command received them) had bytes
    /// that are not UTF-8.
    static func hadInvalidBytes(_ arguments: [String]) -> Bool {
        let repaired = Set((1..<Int(CommandLine.argc)).compactMap { index -> String? in
            guard let raw = CommandLine.unsafeArgv[index] else { return nil }
            let (text, hadInvalidBytes) = InputText.decode(UnsafeRawBufferPointer(start: raw, count: strlen(raw)))
            return hadInvalidBytes ? text : nil
        })
        return !repaired.isEmpty && arguments.contains { repaired.contains($0) }
    }
}
