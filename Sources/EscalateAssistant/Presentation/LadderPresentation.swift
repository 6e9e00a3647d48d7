import EscalateCatalog
import EscalateDomain

/// A process's ladder as text, for callers outside the conversation.
public enum LadderPresentation {
    public static func lines(_ process: EscalationProcess, catalog: Catalog, width: Int) -> [String] {
        LadderText.lines(process, organisation: catalog.organisation(process.organisation), calendars: catalog.calendars, saved: [], width: width)
    }
}
