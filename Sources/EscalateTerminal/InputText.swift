/// Text as it comes in: from a pipe, a terminal, a file or the command
/// line, where nothing promises valid UTF-8.
public enum InputText {
    /// `bytes` as text, each sequence that is not UTF-8 replaced by U+FFFD
    /// (which the matcher never reads as a word), and whether any was: so
    /// that the replacement can be reported rather than pass unseen.
    public static func decode<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> (text: String, hadInvalidBytes: Bool) {
        let text = String(decoding: bytes, as: UTF8.self)
        // Only a replacement can make the text differ from the bytes.
        if text.utf8.elementsEqual(bytes) { return (text, false) }
        return (text, true)
    }

    /// What to say when a line had bytes that are not UTF-8.
    public static let invalidBytesNotice = "Some bytes of that line were not UTF-8 text; they were read as \u{FFFD}."
}
