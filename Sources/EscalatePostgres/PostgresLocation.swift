import EscalateDomain
import Foundation

/// Where a team's PostgreSQL store is: read from a `postgres://` or
/// `postgresql://` URL, the form libpq and every PostgreSQL tool accept.
///
/// The password may come from the URL, from `PGPASSWORD` or from
/// `~/.pgpass` (libpq's rules), never from a flag of escalate's own: a
/// flag would show it to everyone on the machine through `ps`.
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
    /// How hard to insist on TLS, as libpq's `sslmode` says it.
    public enum TLSMode: String, Sendable, Hashable {
        /// Never.
        case disable
        /// When the server offers it (the default), without checking its certificate.
        case prefer
        /// Always, without checking the certificate.
        case require
        /// Always, checking the certificate against the system's roots and the host name.
        case verifyFull = "verify-full"
    }

    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    public var tls: TLSMode
    /// A folder holding the server's socket, when the host is a path (`host=/tmp`).
    public var socketFolder: String?

    public init(host: String = "localhost", port: Int = 5432, user: String, password: String? = nil, database: String,
                tls: TLSMode = .prefer, socketFolder: String? = nil) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
        self.tls = tls
        self.socketFolder = socketFolder
    }

    /// Whether `text` names a PostgreSQL server rather than a file.
    public static func isURL(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://")
    }

    /// Reads `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=…&host=…]`.
    /// Missing parts default as libpq's do: the user to `PGUSER` or `$USER`,
    /// the port to `PGPORT` or 5432, the database to the user's name; a
    /// missing password is looked up in `PGPASSWORD`, then `~/.pgpass`.
    public init(url text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard Self.isURL(text), let components = URLComponents(string: text) else {
            throw StoreError(.invalid, "cannot read '\(Self.redacted(text))' as a PostgreSQL address; write postgres://USER@HOST:PORT/DATABASE")
        }
        var query: [String: String] = [:]
        for item in components.queryItems ?? [] { query[item.name] = item.value ?? "" }
        let user = components.percentEncodedUser.flatMap { $0.removingPercentEncoding }.flatMap { $0.isEmpty ? nil : $0 }
            ?? query["user"] ?? environment["PGUSER"] ?? environment["USER"] ?? "postgres"
        var host = components.percentEncodedHost.flatMap { $0.removingPercentEncoding } ?? ""
        if let named = query["host"] { host = named }
        if host.isEmpty { host = environment["PGHOST"] ?? "localhost" }
        let port = components.port ?? query["port"].flatMap(Int.init) ?? environment["PGPORT"].flatMap(Int.init) ?? 5432
        guard (1...65_535).contains(port) else { throw StoreError(.invalid, "\(port) is not a port number") }
        var database = String(components.percentEncodedPath.drop { $0 == "/" }).removingPercentEncoding ?? ""
        if let named = query["dbname"] { database = named }
        if database.isEmpty { database = environment["PGDATABASE"] ?? user }
        let modeText = query["sslmode"] ?? environment["PGSSLMODE"] ?? "prefer"
        let mode: TLSMode
        switch modeText {
        case "disable": mode = .disable
        case "allow", "prefer": mode = .prefer
        case "require": mode = .require
        case "verify-ca", "verify-full": mode = .verifyFull
        default: throw StoreError(.invalid, "sslmode '\(modeText)' is not one of disable, prefer, require, verify-full")
        }
        let socketFolder = host.hasPrefix("/") ? host : nil
        self.init(host: socketFolder == nil ? host : "localhost", port: port, user: user, database: database, tls: mode, socketFolder: socketFolder)
        password = components.percentEncodedPassword.flatMap { $0.removingPercentEncoding }
            ?? environment["PGPASSWORD"]
            ?? PasswordFile.lookup(host: socketFolder ?? host, port: port, database: database, user: user, environment: environment)
    }

    /// The server and database, for messages: never the password.
    public var description: String {
        "postgres://\(user)@\(socketFolder ?? host):\(port)/\(database)"
    }

    /// The server alone, for "cannot reach …".
    public var server: String {
        socketFolder.map { "the PostgreSQL server with its socket in \($0) (port \(port))" } ?? "the PostgreSQL server at \(host):\(port)"
    }

    /// `text` with any password taken out, for an error message.
    static func redacted(_ text: String) -> String {
        guard let at = text.lastIndex(of: "@"), let scheme = text.range(of: "://"), scheme.upperBound < at else { return text }
        let credentials = text[scheme.upperBound..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":…" + String(text[at...])
    }
}

/// libpq's password file: `HOST:PORT:DATABASE:USER:PASSWORD` lines, `*`
/// matching anything, `\:` and `\\` escaping. As libpq does, a file that
/// others may read is ignored, so that a careless mode never leaks a password.
enum PasswordFile {
    static func lookup(host: String, port: Int, database: String, user: String, environment: [String: String]) -> String? {
        let path = environment["PGPASSFILE"] ?? environment["HOME"].map { $0 + "/.pgpass" }
        guard let path, let text = readPrivate(path) else { return nil }
        let wanted = [host, String(port), database, user]
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = split(String(line))
            guard fields.count == 5 else { continue }
            let matches = zip(fields.prefix(4), wanted).allSatisfy { field, value in
                field == "*" || field == value || (field == "localhost" && value.hasPrefix("/"))
            }
            if matches { return fields[4] }
        }
        return nil
    }

    /// The file's text, or nil when it is missing or group- or world-readable.
    static func readPrivate(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, (info.st_mode & 0o077) == 0 else { return nil }
        return FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// One line's fields, split at unescaped colons.
    static func split(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" && fields.count < 4 {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }
}
