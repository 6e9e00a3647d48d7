import EscalateAssistant
import EscalateCatalog
import EscalateDomain
import EscalatePostgres
import EscalateStore
import EscalateUnderstanding
import Foundation

/// Builds what a session needs from the command line's options.
enum SessionFactory {
    /// The user's role from `--role`.
    static func role(_ text: String) throws -> UserRole {
        guard let role = UserRole(rawValue: text.lowercased()) else { throw CLIError("unknown role '\(text)' (use customer or ccm)") }
        return role
    }

    /// The store at `--db`: `:memory:` keeps nothing, a `postgres://` URL is
    /// a team's server, a path is a SQLite file; with no `--db`,
    /// `ESCALATE_DATABASE_URL` when set, else the default data file. Reading
    /// commands (`mode: .readOnly`) never create or change anything. A
    /// store that cannot be opened is one line naming it (status 2).
    static func openStore(_ path: String?, mode: SQLiteTicketStore.OpenMode = .create,
                          environment: [String: String] = ProcessInfo.processInfo.environment) async throws -> any TicketStore {
        let named = path ?? environment["ESCALATE_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        if named == ":memory:" { return InMemoryTicketStore() }
        do {
            if let named, PostgresLocation.isURL(named) {
                return try await PostgresTicketStore.open(try PostgresLocation(url: named, environment: environment))
            }
            return try SQLiteTicketStore(path: named ?? Paths().database, mode: mode)
        } catch let error as StoreError {
            throw CLIError(error.message)
        }
    }

    /// The assistant over the catalog, with the intents of `--intents DIR` when given.
    static func assistant(catalog: Catalog, intentsFolder: String?) throws -> Assistant {
        do {
            guard let intentsFolder else { return Assistant(catalog: catalog) }
            return Assistant(catalog: catalog, matcher: try IntentMatcher(files: Assistant.matcherFiles(try readIntents(intentsFolder), catalog: catalog)))
        } catch let error as DataFileError {
            throw CLIError("\(error)")
        }
    }

    /// The `.intent`, `.entity` and `.voc` files of a folder, by path.
    static func readIntents(_ folder: String) throws -> [String: String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            throw CLIError("--intents \(folder): no such folder")
        }
        var files: [String: String] = [:]
        for name in names where name.hasSuffix(".intent") || name.hasSuffix(".entity") || name.hasSuffix(".voc") {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("\(path): cannot read the file") }
            files[path] = String(decoding: data, as: UTF8.self)
        }
        guard files.keys.contains(where: { $0.hasSuffix(".intent") }) else { throw CLIError("--intents \(folder): no .intent files there") }
        return files
    }
}
