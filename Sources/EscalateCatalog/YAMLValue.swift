import EscalateDomain
import Yams

/// A node of a YAML data file that remembers where it came from, so that
/// every complaint about it can name `file:line`.
///
/// The loaders read scalars as the text that was written (`08:00-17:00` is a
/// string here, never YAML 1.1 sexagesimal arithmetic).
struct YAMLValue {
    let file: String
    let node: Node

    var line: Int { node.mark?.line ?? 1 }

    func error(_ message: String) -> DataFileError {
        DataFileError(file: file, line: line, message: message)
    }

    /// Parses `text`, turning libyaml's complaints into `file:line` errors.
    static func parse(_ text: String, file: String) throws -> YAMLValue? {
        do {
            guard let node = try Yams.compose(yaml: text) else { return nil }
            return YAMLValue(file: file, node: node)
        } catch let error as YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                 .composer(_, let problem, let mark, _):
                throw DataFileError(file: file, line: mark.line, message: "YAML syntax: \(problem)")
            case .duplicatedKeysInMapping(let duplicates, let context):
                throw DataFileError(file: file, line: context.mark.line, message: "duplicate key \(duplicates.joined(separator: ", "))")
            case .reader(let problem, _, _, _):
                throw DataFileError(file: file, line: 1, message: "cannot read: \(problem)")
            default:
                throw DataFileError(file: file, line: 1, message: "\(error)")
            }
        }
    }

    var isNull: Bool {
        if case .scalar(let scalar) = node { return scalar.tag == Tag(.null) || scalar.string == "~" || scalar.string.isEmpty && scalar.style == .plain }
        return false
    }

    /// The scalar's text, or an error that names what was expected.
    func string(_ what: String) throws -> String {
        guard case .scalar(let scalar) = node else { throw error("\(what) should be a single value") }
        return scalar.string
    }

    func bool(_ what: String) throws -> Bool {
        switch try string(what).lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        case let text: throw error("\(what) should be true or false, not '\(text)'")
        }
    }

    func int(_ what: String) throws -> Int {
        let text = try string(what)
        guard let value = Int(text) else { throw error("\(what) should be a whole number, not '\(text)'") }
        return value
    }

    func list(_ what: String) throws -> [YAMLValue] {
        switch node {
        case .sequence(let sequence): return sequence.map { YAMLValue(file: file, node: $0) }
        default: throw error("\(what) should be a list")
        }
    }

    /// A list, or a single value taken as a list of one.
    func listOrSingle(_ what: String) throws -> [YAMLValue] {
        if case .sequence = node { return try list(what) }
        return [self]
    }

    func strings(_ what: String) throws -> [String] {
        try listOrSingle(what).map { try $0.string(what) }
    }

    /// The mapping's entries in file order, refusing keys other than `allowed`.
    func mapping(_ what: String, allowed: Set<String>? = nil) throws -> YAMLMapping {
        guard case .mapping(let mapping) = node else { throw error("\(what) should be a mapping of keys to values") }
        var entries: [(key: String, keyLine: Int, value: YAMLValue)] = []
        for (key, value) in mapping {
            let keyValue = YAMLValue(file: file, node: key)
            let name = try keyValue.string("a key")
            if let allowed, !allowed.contains(name) {
                let known = allowed.sorted().joined(separator: ", ")
                throw keyValue.error("unknown key '\(name)' in \(what) (expected one of: \(known))")
            }
            entries.append((name, keyValue.line, YAMLValue(file: file, node: value)))
        }
        return YAMLMapping(owner: self, what: what, entries: entries)
    }
}

/// A YAML mapping with its keys in file order.
struct YAMLMapping {
    let owner: YAMLValue
    let what: String
    let entries: [(key: String, keyLine: Int, value: YAMLValue)]

    subscript(key: String) -> YAMLValue? {
        entries.first { $0.key == key }?.value
    }

    func required(_ key: String) throws -> YAMLValue {
        guard let value = self[key] else { throw owner.error("\(what) needs '\(key)'") }
        return value
    }

    func string(_ key: String) throws -> String { try required(key).string("'\(key)'") }

    func optionalString(_ key: String) throws -> String? {
        guard let value = self[key], !value.isNull else { return nil }
        return try value.string("'\(key)'")
    }

    func optionalBool(_ key: String) throws -> Bool {
        guard let value = self[key], !value.isNull else { return false }
        return try value.bool("'\(key)'")
    }

    func optionalStrings(_ key: String) throws -> [String] {
        guard let value = self[key], !value.isNull else { return [] }
        return try value.strings("'\(key)'")
    }
}
