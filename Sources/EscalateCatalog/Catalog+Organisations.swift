import EscalateDomain

/// What the assistant asks of the organisations' data, so that its code
/// names no organisation, segment, reference kind or management tier.
extension Catalog {
    /// The organisation that serves `segment`, and the segment.
    public func segment(_ id: String) -> (organisation: Organisation, segment: Segment)? {
        for organisation in organisations {
            if let segment = organisation.segments.first(where: { $0.id == id }) { return (organisation, segment) }
        }
        return nil
    }

    /// `National Wholesale` for the segment `wholesale`.
    public func segmentName(_ id: String) -> String {
        segment(id)?.segment.name ?? id.replacingOccurrences(of: "_", with: " ").capitalized
    }

    /// Every kind of outside number the organisations define.
    public var referenceKinds: [ReferenceKind] { organisations.flatMap(\.referenceKinds) }

    public func referenceKind(_ id: String) -> ReferenceKind? { referenceKinds.first { $0.id == id } }

    /// `IMS 482913`, `GCR 12345678`, `order N123456`: a reference in words.
    public func describe(_ reference: TicketReference) -> String {
        guard let kind = referenceKind(reference.kind.rawValue) else { return reference.description }
        return "\(kind.label) \(reference.value)"
    }

    /// The role a CCM user plays on the ladders (`:role ccm`).
    public var readerRole: RoleDescription? { roles.first { $0.isReaderRole } }

    /// The closure codes that serve as the guide where a process sets none,
    /// with the process they come from.
    public var defaultClosureCodes: (process: EscalationProcess, codes: [ClosureCode])? {
        processes.first { !$0.generalClosureCodes.isEmpty }.map { ($0, $0.generalClosureCodes) }
    }

    /// The words the recogniser should know for names the data gives and the
    /// intent files may not: entity lines (`id | phrase | phrase`) by entity
    /// type, for organisations, segments and roles.
    public var entityLines: [String: [String]] {
        func line(_ id: String, _ phrases: [String]) -> String {
            ([id] + phrases.map { $0.lowercased().replacingOccurrences(of: "|", with: " ") }).joined(separator: " | ")
        }
        var lines: [String: [String]] = [:]
        for organisation in organisations {
            lines["org", default: []].append(line(organisation.id, [organisation.name] + organisation.aliases))
            for segment in organisation.segments {
                lines["segment", default: []].append(line(segment.id, [segment.name] + segment.aliases))
            }
        }
        for role in roles {
            lines["role", default: []].append(line(role.id, [role.title] + (role.abbreviation.map { [$0] } ?? []) + role.aliases))
        }
        return lines
    }
}
