import Foundation

extension SafeText {
    /// `text` as it should reach `fd`: neutralised for a terminal, on which
    /// stored text could otherwise move the cursor or reorder what is shown,
    /// and exact for a file or a pipe, where a program reads it.
    public static func forDestination(_ text: String, fd: Int32 = 1) -> String {
        isatty(fd) == 1 ? neutralised(text) : text
    }
}
