/// The binary form of a compiled intent matcher: a header, a table of the
/// distinct strings, then the body, whose strings are indices into that
/// table. Integers are variable-length (zigzag for signed ones), floating
/// point numbers their exact bits, so that a matcher read back scores to
/// the last bit as the one written. Sets and dictionaries are written in
/// sorted order, so the same files always give the same bytes.
enum TableFormat {
    static let magic: [UInt8] = Array("ESCALATE-INTENTS".utf8)
    /// Raised whenever the layout changes: tables of another version are refused.
    static let version = 1
}

/// Something wrong with compiled intent tables: they are refused whole.
public struct IntentTablesError: Error, CustomStringConvertible {
    public var description: String

    public init(description: String) {
        self.description = description
    }
}

/// Writes a body and collects its strings; `bytes()` puts them together.
struct TableWriter {
    private var body: [UInt8] = []
    private var stringIndex: [String: Int] = [:]
    private var strings: [String] = []

    /// The header, the string table and the body.
    func bytes() -> [UInt8] {
        var out = TableWriter()
        out.body = TableFormat.magic
        out.int(TableFormat.version)
        out.int(strings.count)
        for string in strings {
            out.int(string.utf8.count)
            out.body += string.utf8
        }
        return out.body + body
    }

    mutating func int(_ value: Int) {
        var rest = UInt64(bitPattern: Int64(value) << 1 ^ Int64(value) >> 63)
        while rest >= 0x80 {
            body.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        body.append(UInt8(rest))
    }

    mutating func bool(_ value: Bool) { body.append(value ? 1 : 0) }

    mutating func double(_ value: Double) {
        let bits = value.bitPattern
        for shift in stride(from: 0, to: 64, by: 8) { body.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
    }

    mutating func float(_ value: Float) {
        let bits = value.bitPattern
        for shift in stride(from: 0, to: 32, by: 8) { body.append(UInt8(truncatingIfNeeded: bits >> UInt32(shift))) }
    }

    mutating func string(_ value: String) {
        if let index = stringIndex[value] { int(index); return }
        stringIndex[value] = strings.count
        int(strings.count)
        strings.append(value)
    }

    mutating func optionalString(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    /// Raw bytes, with their count: a nested table read later on its own.
    mutating func blob(_ bytes: [UInt8]) {
        int(bytes.count)
        body += bytes
    }

    mutating func array<Element>(_ values: [Element], _ write: (inout TableWriter, Element) -> Void) {
        int(values.count)
        for value in values { write(&self, value) }
    }

    mutating func ints(_ values: [Int32]) { array(values) { $0.int(Int($1)) } }
    mutating func doubles(_ values: [Double]) { array(values) { $0.double($1) } }
    mutating func strings(_ values: [String]) { array(values) { $0.string($1) } }
    mutating func stringSet(_ values: Set<String>) { strings(values.sorted()) }

    /// A dictionary by its sorted keys.
    mutating func dictionary<Value>(_ values: [String: Value], _ write: (inout TableWriter, Value) -> Void) {
        int(values.count)
        for key in values.keys.sorted() {
            string(key)
            write(&self, values[key]!)
        }
    }
}

/// Reads what `TableWriter` wrote. Every count and index is checked against
/// what is there, so that damaged tables are refused rather than trusted.
struct TableReader {
    private let bytes: [UInt8]
    private var offset = 0
    private var table: [String] = []

    /// Reads the header and the string table of `bytes`.
    init(_ bytes: [UInt8]) throws {
        self.bytes = bytes
        guard bytes.count >= TableFormat.magic.count, bytes.prefix(TableFormat.magic.count).elementsEqual(TableFormat.magic) else {
            throw IntentTablesError(description: "not compiled intent tables")
        }
        offset = TableFormat.magic.count
        let version = try int()
        guard version == TableFormat.version else {
            throw IntentTablesError(description: "compiled intent tables of format \(version), not \(TableFormat.version)")
        }
        let count = try self.count()
        table.reserveCapacity(count)
        for _ in 0..<count {
            let length = try self.count()
            let start = offset
            offset += length
            table.append(String(decoding: bytes[start..<offset], as: UTF8.self))
        }
    }

    var isAtEnd: Bool { offset == bytes.count }

    static func corrupt(_ what: String = "the tables end early or are damaged") -> IntentTablesError {
        IntentTablesError(description: what)
    }

    /// Most numbers in the tables are small, and take one byte: read inline.
    @inline(__always)
    mutating func int() throws -> Int {
        if offset < bytes.count, bytes[offset] < 0x80 {
            let byte = Int(bytes[offset])
            offset += 1
            return (byte >> 1) ^ -(byte & 1)
        }
        return try longInt()
    }

    private mutating func longInt() throws -> Int {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw Self.corrupt() }
            let byte = bytes[offset]
            offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: result >> 1) ^ -Int64(bitPattern: result & 1))
    }

    /// A count or length: never negative, and never more than the bytes left
    /// (each element takes at least one), so that nothing huge is reserved.
    mutating func count() throws -> Int {
        let value = try int()
        guard value >= 0, value <= bytes.count - offset else { throw Self.corrupt() }
        return value
    }

    /// An index below `limit`.
    mutating func index(below limit: Int) throws -> Int {
        let value = try int()
        guard value >= 0, value < limit else { throw Self.corrupt("an index in the tables is out of range") }
        return value
    }

    mutating func bool() throws -> Bool {
        guard offset < bytes.count, bytes[offset] <= 1 else { throw Self.corrupt() }
        offset += 1
        return bytes[offset - 1] == 1
    }

    private mutating func bits(_ width: Int) throws -> UInt64 {
        guard offset + width <= bytes.count else { throw Self.corrupt() }
        var value: UInt64 = 0
        for index in 0..<width { value |= UInt64(bytes[offset + index]) << UInt64(8 * index) }
        offset += width
        return value
    }

    mutating func double() throws -> Double { Double(bitPattern: try bits(8)) }
    mutating func float() throws -> Float { Float(bitPattern: UInt32(try bits(4))) }

    mutating func string() throws -> String { table[try index(below: table.count)] }

    mutating func optionalString() throws -> String? { try bool() ? try string() : nil }

    mutating func blob() throws -> [UInt8] {
        let count = try self.count()
        defer { offset += count }
        return Array(bytes[offset..<(offset + count)])
    }

    mutating func array<Element>(_ read: (inout TableReader) throws -> Element) throws -> [Element] {
        let count = try self.count()
        var result: [Element] = []
        result.reserveCapacity(count)
        for _ in 0..<count { result.append(try read(&self)) }
        return result
    }

    mutating func ints() throws -> [Int32] {
        try array { reader in
            let value = try reader.int()
            guard let narrow = Int32(exactly: value) else { throw Self.corrupt() }
            return narrow
        }
    }

    mutating func doubles() throws -> [Double] { try array { try $0.double() } }
    mutating func strings() throws -> [String] { try array { try $0.string() } }
    mutating func stringSet() throws -> Set<String> { Set(try strings()) }

    mutating func dictionary<Value>(_ read: (inout TableReader) throws -> Value) throws -> [String: Value] {
        let count = try self.count()
        var result: [String: Value] = [:]
        result.reserveCapacity(count)
        for _ in 0..<count {
            let key = try string()
            result[key] = try read(&self)
        }
        return result
    }
}

extension TableReader {
    /// Reads a whole table from `bytes` with `read`, which must use all of it.
    static func reading<Result>(_ bytes: [UInt8], _ read: (inout TableReader) throws -> Result) throws -> Result {
        var reader = try TableReader(bytes)
        let result = try read(&reader)
        try reader.expectEnd()
        return result
    }

    func expectEnd() throws {
        guard isAtEnd else { throw Self.corrupt("the tables have bytes left over") }
    }
}
