import EscalateCatalog
import EscalateDomain
import EscalateUnderstanding

/// What the conversation works with: the data, the engine over it, the
/// intent matcher, and the store. Built once and shared.
public struct Assistant: Sendable {
    public var catalog: Catalog
    public var engine: EscalationEngine
    public var matcher: IntentMatcher

    public init(catalog: Catalog, matcher: IntentMatcher) {
        self.catalog = catalog
        self.engine = catalog.engine
        self.matcher = matcher
    }

    /// The built-in intents, read from the catalog.
    public init(catalog: Catalog) throws {
        self.init(catalog: catalog, matcher: try IntentMatcher(files: catalog.intentFiles))
    }

    /// Everyone named in the matrices, for the name recogniser.
    public var peopleInMatrices: [String] {
        var names: Set<String> = []
        for organisation in catalog.organisations {
            for list in organisation.contactLists { names.formUnion(list.people.map(\.name)) }
            for process in organisation.processes { names.formUnion(process.ladder.compactMap { $0.person?.name }) }
        }
        return names.sorted()
    }
}
