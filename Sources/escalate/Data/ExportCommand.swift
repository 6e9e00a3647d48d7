import ArgumentParser
import EscalateDomain
import EscalateTerminal
import Foundation

/// The export format: every ticket's log and the saved contacts.
struct ExportDocument: Codable {
    var format = "escalate-export"
    var version = 1
    var exportedAt: String
    var events: [TicketEvent]
    var contacts: [SavedContact]

    enum CodingKeys: String, CodingKey {
        case format, version, exportedAt = "exported_at", events, contacts
    }
}

/// `escalate export`: JSON of tickets and events.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write every ticket's event log and the saved contacts as JSON.")

    @Option(help: ArgumentHelp("The database file, a postgres:// URL, or :memory: (default: $ESCALATE_DATABASE_URL, else the default file).", valueName: "path"))
    var db: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func run() async throws {
        let store = try await SessionFactory.openStore(db, mode: .readOnly)
        let document = try await StoreOperation.run {
            ExportDocument(exportedAt: Instant(Date()).description, events: try await store.allEvents(), contacts: try await store.contacts())
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let text = String(decoding: try encoder.encode(document), as: UTF8.self)
        if let output {
            do { try (text + "\n").write(toFile: output, atomically: true, encoding: .utf8) } catch {
                throw CLIError("\(output): cannot write the file")
            }
            FileHandle.standardError.write(Data("Exported \(Set(document.events.map(\.ticketID)).count) tickets (\(document.events.count) events) to \(output)\n".utf8))
        } else {
            // Read on a terminal, stored text is shown, not obeyed; piped, it is exact JSON.
            print(SafeText.forDestination(text))
        }
    }
}

/// Store calls from a command: failures become one line and status 2.
enum StoreOperation {
    static func run<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let error as CLIError { throw error } catch { throw CLIError("\(error)") }
    }
}
