/// A business span is stored and exported as the text that reads it back:
/// `4h`, `1h30m`, `3 business days`, `2 working days`.
extension BusinessSpan: Codable {
    public var storedText: String {
        switch self {
        case .hours(let seconds): return BusinessDuration(seconds: seconds).description
        case .businessDays, .workingDays: return description
        }
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            self = try BusinessSpan(parsing: text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(error)"))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(storedText)
    }
}
