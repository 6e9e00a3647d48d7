import EscalateTerminal
import Foundation

/// Writes to standard output and standard error, neutralising control
/// characters and escape sequences in everything that came from a user or
/// a file.
enum Console {
    static func print(_ text: String) {
        Swift.print(SafeText.neutralised(text))
    }

    static func error(_ text: String) {
        let line = "escalate: " + SafeText.neutralised(text).split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init)!
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
