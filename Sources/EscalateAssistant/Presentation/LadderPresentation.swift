import EscalateCatalog
import EscalateDomain

/// A process's ladder as text, for callers outside the conversation.
public enum LadderPresentation {
    /// The ladder as paragraphs, one per line; the caller fits them to its width.
    public static func lines(_ process: EscalationProcess, catalog: Catalog) -> [String] {
        LadderText.lines(process, organisation: catalog.organisation(process.organisation), calendars: catalog.calendars, saved: [])
    }
}
