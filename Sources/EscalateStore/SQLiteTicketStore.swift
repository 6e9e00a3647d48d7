import EscalateDomain
import Foundation
import GRDB

/// Tickets, their append-only logs and saved contacts in SQLite.
///
/// A file store is opened in WAL mode with a busy timeout, so that two
/// REPLs can share one file; `:memory:` gives a private in-memory store.
/// Every method commits before it returns.
public final class SQLiteTicketStore: TicketStore, Sendable {
    let writer: any DatabaseWriter
    /// The file, or `:memory:`.
    public let path: String

    /// How long a writer waits for another process's transaction to finish.
    static let busyTimeout: TimeInterval = 15

    /// Opens (creating when missing) the store at `path`, or an in-memory one
    /// for `:memory:`. A new file is created readable by its owner only.
    public init(path: String) throws {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.label = "escalate"
        configuration.prepareDatabase { db in
            // WAL with NORMAL sync survives a crash of the process (SIGKILL);
            // only a power cut can lose the very last commit.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            if path == ":memory:" {
                writer = try DatabaseQueue(configuration: configuration)
            } else {
                try Self.prepareFile(at: path)
                writer = try DatabasePool(path: path, configuration: configuration)
            }
            try Self.migrate(writer, path: path)
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.describe(error, path: path)
        }
    }

    /// Creates the folder (private to the user) and an empty file with mode 0600.
    static func prepareFile(at path: String) throws {
        let manager = FileManager.default
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty && !manager.fileExists(atPath: folder) {
            do {
                try manager.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw StoreError("cannot create the folder for the database \(path): \(error.localizedDescription)")
            }
        }
        if !manager.fileExists(atPath: path) {
            guard manager.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw StoreError("cannot create the database \(path): permission denied or no such folder")
            }
        }
    }

    static func migrate(_ writer: any DatabaseWriter, path: String) throws {
        let migrator = Self.migrator
        let superseded = try writer.read { db in try migrator.hasBeenSuperseded(db) }
        if superseded {
            throw StoreError("the database \(path) was written by a newer escalate; upgrade escalate to use it")
        }
        try migrator.migrate(writer)
    }

    /// Turns SQLite's complaints into one line that names the file.
    static func describe(_ error: Error, path: String) -> StoreError {
        guard let error = error as? DatabaseError else {
            return StoreError("cannot use the database \(path): \(error)")
        }
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return StoreError("the database \(path) is damaged or is not an escalate database (\(error.message ?? "not a database"))")
        case .SQLITE_CANTOPEN:
            return StoreError("cannot open the database \(path): check the folder exists and you may read and write it")
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH:
            return StoreError("the database \(path) is read-only for you: changes cannot be saved")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError("the database \(path) stayed busy for \(Int(busyTimeout)) seconds; another escalate is holding it")
        case .SQLITE_FULL:
            return StoreError("the disk holding \(path) is full: the change was not saved")
        default:
            return StoreError("the database \(path) failed: \(error.message ?? "\(error.resultCode)")")
        }
    }

    /// Runs a write transaction, translating errors.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.write(body)
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw Self.describe(error, path: path)
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.read(body)
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw Self.describe(error, path: path)
        }
    }
}
