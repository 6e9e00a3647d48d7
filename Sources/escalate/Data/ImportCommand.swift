import ArgumentParser
import EscalateAssistant
import EscalateCatalog
import Foundation

/// `escalate import FILE`: tickets and contacts from an export.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Add the tickets and contacts of an export. Ticket numbers must be free; all or nothing.")

    @Argument(help: "An export file.")
    var file: String

    @Option(help: ArgumentHelp("The database file, or :memory:.", valueName: "path"))
    var db: String?

    @OptionGroup var data: DataOptions

    func run() throws {
        guard let bytes = FileManager.default.contents(atPath: file) else { throw CLIError("\(file): cannot read the file") }
        let document: ExportDocument
        do {
            document = try JSONDecoder().decode(ExportDocument.self, from: bytes)
        } catch let error as DecodingError {
            throw CLIError("\(file): not an escalate export (\(Self.describe(error)))")
        }
        guard document.format == "escalate-export", document.version == 1 else {
            throw CLIError("\(file): not an escalate export version 1")
        }
        let catalog = try data.loadCatalog(zone: try data.readerZone())
        let engine = catalog.engine
        let store = try SessionFactory.openStore(db)
        let tickets = try StoreOperation.run { try store.importEvents(document.events) { engine.schedule($0) } }
        for contact in document.contacts { try StoreOperation.run { try store.saveContact(contact) } }
        Console.print("Imported \(tickets) tickets (\(document.events.count) events) and \(document.contacts.count) contacts.")
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context), .keyNotFound(_, let context), .typeMismatch(_, let context), .valueNotFound(_, let context):
            let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
            return (path.isEmpty ? "" : "at \(path): ") + context.debugDescription
        @unknown default:
            return "\(error)"
        }
    }
}
