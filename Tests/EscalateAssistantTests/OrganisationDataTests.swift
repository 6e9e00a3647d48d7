import EscalateCatalog
import Foundation
import Testing

/// Code names no organisation: what an organisation is (its id, its
/// segments, its kinds of outside number, its management tiers) lives in
/// the data, so that a sixth organisation needs data files only.
@Suite struct OrganisationDataTests {
    /// The ids the built-in data defines that code must never spell out.
    static var dataIDs: Set<String> {
        let catalog = TestWorld.assistant.catalog
        var ids = Set(catalog.organisations.map(\.id))
        ids.formUnion(catalog.organisations.flatMap { $0.segments.map(\.id) })
        ids.formUnion(catalog.referenceKinds.map(\.id))
        // Roles that belong to one organisation's ladders or tiers.
        ids.formUnion(catalog.roles.filter { !$0.coveredBy.isEmpty || $0.contactedBy != nil }.map(\.id))
        ids.formUnion(catalog.roles.flatMap(\.coveredBy))
        ids.formUnion(catalog.organisations.flatMap { $0.segments.compactMap(\.accountTeamRole) })
        return ids
    }

    /// Swift files outside the catalog's loader, with their text.
    static var sources: [(path: String, text: String)] {
        let root = TestWorld.packageRoot.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        return files.filter { $0.hasSuffix(".swift") && !$0.hasPrefix("EscalateCatalog/") }.sorted().compactMap { relative in
            (try? String(contentsOfFile: root.appendingPathComponent(relative).path, encoding: .utf8)).map { ("Sources/" + relative, $0) }
        }
    }

    @Test func theDataDefinesTheIDsThisTestLooksFor() {
        #expect(Self.dataIDs.isSuperset(of: ["lumen", "centurylink", "cms", "support", "wholesale", "ims", "gcr", "ccm_manager", "escalations_desk"]))
    }

    @Test func noSourceFileOutsideTheCatalogNamesAnOrganisationsID() {
        let ids = Self.dataIDs
        for (path, text) in Self.sources {
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = line.components(separatedBy: "//").first ?? ""
                for id in ids where code.contains("\"\(id)\"") {
                    Issue.record("\(path):\(number + 1): names the data's id \"\(id)\"; take it from the catalog instead")
                }
            }
        }
    }
}
