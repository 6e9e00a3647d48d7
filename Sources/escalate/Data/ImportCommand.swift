import ArgumentParser
import EscalateAssistant
import EscalateCatalog
import EscalateDomain
import Foundation

/// `escalate import FILE`: tickets and contacts from an export.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Add the tickets and contacts of an export. Ticket numbers must be free; all or nothing.")

    @Argument(help: "An export file.")
    var file: String

    @Option(help: ArgumentHelp("The database file, a postgres:// URL, or :memory: (default: $ESCALATE_DATABASE_URL, else the default file).", valueName: "path"))
    var db: String?

    @OptionGroup var data: DataOptions

    func run() async throws {
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
        let store = try await SessionFactory.openStore(db)
        // Every ticket must follow a process the data knows.
        for event in document.events {
            if case .opened(let details) = event.kind, catalog.process(details.process) == nil {
                throw CLIError("\(file): ticket #\(event.ticketID) follows an unknown process '\(details.process)'; nothing was imported")
            }
        }
        let tickets = try await StoreOperation.run { try await store.importEvents(document.events) { engine.schedule($0) } }
        if !document.contacts.isEmpty {
            let author = document.contacts[0].savedBy
            _ = try await StoreOperation.run {
                try await store.commit(ChangeSet(author: author.isEmpty ? "import" : author, recordedAt: Instant(Date()), contacts: document.contacts)) { engine.schedule($0) }
            }
        }
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
