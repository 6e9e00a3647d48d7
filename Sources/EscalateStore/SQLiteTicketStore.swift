import EscalateDomain
import Foundation
import GRDB

/// Tickets, their append-only logs and saved contacts in SQLite, through GRDB.
///
/// A file store is opened in WAL mode with a busy timeout, so that two REPLs
/// can share one file. Opening never changes a file it refuses: it is read
/// first without writing, and only an escalate database of this version or
/// older is opened for writing. A file the user may only read is opened
/// read-only, and then every commit is refused with `.permission`.
public final class SQLiteTicketStore: TicketStore, Sendable {
    let writer: any DatabaseWriter
    /// The file.
    public let path: String
    /// Whether changes can be saved.
    public let isReadOnly: Bool

    /// How long a writer waits for another process's transaction to finish.
    static let busyTimeout: TimeInterval = 15

    /// How the file is opened.
    public enum OpenMode: Sendable {
        /// Reading and writing; a missing file is created (with its folder, private to the user).
        case create
        /// Reading and writing when allowed, else reading; a missing file is an error.
        case existing
        /// Reading only; a missing file is an error, and nothing is ever written.
        case readOnly
    }

    /// Opens the store at `path`. A file that is not an escalate database, or
    /// was written by a newer escalate, is refused and left as it was.
    public init(path: String, mode: OpenMode = .create) throws {
        self.path = path
        if path == ":memory:" {
            // A private database in memory, with the file's schema and rules.
            do {
                writer = try DatabaseQueue(configuration: Self.configuration(readOnly: false))
                try Self.migrator.migrate(writer)
            } catch {
                throw Self.describe(error, path: path)
            }
            isReadOnly = false
            return
        }
        let manager = FileManager.default
        if !manager.fileExists(atPath: path) {
            guard case .create = mode else {
                throw StoreError(.notFound, "there is no database at \(path)")
            }
            try Self.createFile(at: path)
        }
        try Self.inspect(path)
        let writable: Bool
        switch mode {
        case .readOnly: writable = false
        default: writable = manager.isWritableFile(atPath: path) && manager.isWritableFile(atPath: (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent)
        }
        do {
            if writable {
                writer = try DatabasePool(path: path, configuration: Self.configuration(readOnly: false))
                try Self.migrator.migrate(writer)
            } else {
                writer = try DatabaseQueue(path: path, configuration: Self.configuration(readOnly: true))
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.describe(error, path: path)
        }
        isReadOnly = !writable
    }

    static func configuration(readOnly: Bool) -> Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "escalate"
        configuration.readonly = readOnly
        if !readOnly {
            configuration.prepareDatabase { db in
                // WAL with NORMAL sync survives a crash of the process (SIGKILL);
                // only a power cut can lose the very last commit.
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
        }
        return configuration
    }

    /// Creates a new database at `path`, fully formed: it is built beside the
    /// final name and linked into place, so that no empty or half-made file
    /// is ever left where escalate would later find it. The folder is made
    /// private to the user, the file readable by its owner only.
    static func createFile(at path: String) throws {
        let manager = FileManager.default
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty && !manager.fileExists(atPath: folder) {
            do {
                try manager.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw StoreError(.permission, "cannot create the folder for the database \(path): \(error.localizedDescription)")
            }
        }
        let building = path + ".new-\(getpid())"
        defer { try? manager.removeItem(atPath: building) }
        guard manager.createFile(atPath: building, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw StoreError(.permission, "cannot create the database \(path): permission denied or no such folder")
        }
        do {
            let queue = try DatabaseQueue(path: building, configuration: configuration(readOnly: false))
            try migrator.migrate(queue)
            try queue.write { db in try db.execute(sql: "PRAGMA application_id = \(applicationID)") }
            try queue.close()
        } catch {
            throw describe(error, path: path)
        }
        // A link, not a rename: when another escalate created the file first,
        // theirs is kept and used, never replaced under them.
        guard link(building, path) == 0 || errno == EEXIST else {
            throw StoreError(.permission, "cannot create the database \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Reads an existing file without changing it and refuses it when it is
    /// not an escalate database or comes from a newer escalate.
    static func inspect(_ path: String) throws {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size == 0 {
            throw StoreError(.corrupt, "\(path) is an empty file, not an escalate database; remove it or name another with --db")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw StoreError(.permission, "cannot read the database \(path): permission denied")
        }
        do {
            var configuration = configuration(readOnly: true)
            configuration.label = "escalate-inspect"
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            try queue.read { db in
                let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let known = try migrator.appliedIdentifiers(db)
                if id != applicationID && !known.contains(firstMigration) {
                    throw StoreError(.corrupt, "\(path) is not an escalate database (it holds another program's data); name another with --db")
                }
                if try migrator.hasBeenSuperseded(db) {
                    throw StoreError(.corrupt, "the database \(path) was written by a newer escalate; upgrade escalate to use it")
                }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw describe(error, path: path)
        }
    }

    /// Turns SQLite's complaints into one line that names the file, with a code.
    static func describe(_ error: Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let error = error as? DatabaseError else {
            return StoreError(.unavailable, "cannot use the database \(path): \(error)")
        }
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return StoreError(.corrupt, "the database \(path) is damaged or is not an escalate database (\(error.message ?? "not a database"))")
        case .SQLITE_CANTOPEN:
            return StoreError(.unavailable, "cannot open the database \(path): check the folder exists and you may read and write it")
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH:
            return StoreError(.permission, "the database \(path) is read-only for you: changes cannot be saved")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError(.unavailable, "the database \(path) stayed busy for \(Int(busyTimeout)) seconds; another escalate is holding it")
        case .SQLITE_FULL:
            return StoreError(.unavailable, "the disk holding \(path) is full: the change was not saved")
        default:
            return StoreError(.unavailable, "the database \(path) failed: \(error.message ?? "\(error.resultCode)")")
        }
    }

    /// Runs a write transaction, translating errors.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        if isReadOnly { throw StoreError(.permission, "the database \(path) is read-only for you: changes cannot be saved") }
        do {
            return try await writer.write(body)
        } catch {
            throw Self.describe(error, path: path)
        }
    }

    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await writer.read(body)
        } catch {
            throw Self.describe(error, path: path)
        }
    }
}
