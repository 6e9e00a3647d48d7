import ArgumentParser
import EscalateCatalog
import EscalateDomain
import Foundation

/// `escalate matrix check FILE`: validates a user's data file.
struct MatrixCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a YAML file of matrices or calendars; errors name file:line and what is wrong.")

    @Argument(help: "The file to check.")
    var file: String

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else { throw CLIError("\(file): cannot read the file") }
        var catalog = try Catalog.builtIn(localZone: .utc)
        let before = (catalog.organisations.count, catalog.processes.count, catalog.calendars.count, catalog.roles.count)
        do {
            try catalog.loadDataFile(String(decoding: data, as: UTF8.self), file: file)
        } catch let error as DataFileError {
            throw CLIError(error.description)
        }
        let text = String(decoding: data, as: UTF8.self)
        let processes = text.components(separatedBy: "\n").filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("- id:") }.count
        Console.print("\(file): OK (\(catalog.organisations.count - before.0) new organisations, \(catalog.processes.count - before.1) new processes, "
            + "\(catalog.calendars.count - before.2) new calendars, \(catalog.roles.count - before.3) new roles; \(processes) entries with ids)")
    }
}
