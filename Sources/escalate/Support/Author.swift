import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import EscalateDomain

/// Who is recorded as the author of every change: `--user`, else `$USER`,
/// else the login name of the process's user. An empty or over-long name
/// is refused, never recorded.
enum Author {
    static func resolve(option: String?, environment: [String: String]) throws -> String {
        if let option {
            let name = option.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !name.isEmpty else { throw CLIError("--user: the name recorded on every change can't be empty") }
            guard name.count <= TicketRules.maxNameLength else {
                throw CLIError("--user: a name of at most \(TicketRules.maxNameLength) characters, please")
            }
            return name
        }
        if let user = environment["USER"]?.trimmingCharacters(in: .whitespacesAndNewlines), !user.isEmpty,
           user.count <= TicketRules.maxNameLength {
            return user
        }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name, let login = String(validatingCString: name), !login.isEmpty {
            return login
        }
        throw CLIError("no name to record changes under: give --user NAME or set $USER")
    }
}
