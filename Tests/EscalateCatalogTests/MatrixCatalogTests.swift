import EscalateDomain
import Testing
@testable import EscalateCatalog

/// The matrices shipped from the five source documents.
@Suite struct MatrixCatalogTests {
    let catalog = try! Catalog.builtIn(localZone: Zone(identifier: "America/Chicago")!)

    @Test func everyProcessIsThere() {
        #expect(catalog.processes.map(\.id).sorted() == [
            "centurylink-installation", "cms-billing", "cms-disconnect", "cms-implementation", "cms-maintenance",
            "lumen-billing", "lumen-installation", "lumen-maintenance", "lumen-repair", "support-complaints", "support-requests",
        ])
    }

    @Test func lumenInstallationIsTheTwoLevelMatrix() throws {
        let process = try #require(catalog.process("lumen-installation"))
        #expect(process.ladder.map(\.title) == ["Customer care manager (CCM)", "Regional manager, Service Delivery"])
        #expect(process.firstLevel.wait == .hours(4))
        #expect(process.start == "Please always start this management engagement process with your CCM.")
        #expect(process.ladder[1].promise(.acknowledge)?.within == .hours(4))
        #expect(process.firstLevel.contacts.contains(.ask(role: "channel_manager", text: "If you don't know your CCM, contact your channel manager.")))
    }

    @Test func lumenBillingListsEachSegmentsOwnDesk() throws {
        let level = try #require(catalog.process("lumen-billing")).firstLevel
        func numbers(_ segment: String?) -> [String] {
            level.contacts(for: segment).compactMap { if case .phone(let number, _, _) = $0 { return number } else { return nil } }
        }
        #expect(numbers("wholesale") == ["800-335-5672"])
        #expect(numbers("enterprise") == ["877-453-8353"])
        #expect(numbers(nil) == ["877-453-8353", "800-335-5672"])
        // The portal serves every segment.
        #expect(level.contacts(for: "wholesale").contains(.portal(name: "Lumen Connect", detail: "submit a billing request online")))
    }

    @Test func centuryLinkHasItsClosureCodesAndElevenRegions() throws {
        let process = try #require(catalog.process("centurylink-installation"))
        #expect(process.closureCodes.map(\.id) == ["objectives_met", "downgraded", "resolved", "cannot_resolve"])
        #expect(process.whenToRaise.map(\.id) == ["not_satisfied", "sla_missed", "business_impact"])
        let regions = try #require(catalog.organisation("centurylink")).contactLists
        #expect(regions.count == 11)
        #expect(regions.map(\.title).contains("Management for indirect Frontier & Coastal Plains region"))
        #expect(regions.last?.title == "Management for all other channels")
    }

    @Test func cmsBillingHasTheTimelineTemplateAndTwentyFourHourRule() throws {
        let process = try #require(catalog.process("cms-billing"))
        #expect(process.ladder.map(\.number) == [0, 1, 2, 3, 4])
        #expect(process.timeline.map(\.label) == ["Day 1", "Day 2", "Day 3", "2–4 weeks"])
        #expect(process.numbering.contains { $0.contains("6-digit Internal Monitoring System (IMS) number") })
        let template = try #require(process.templates.first)
        #expect(template.subject == "{customer}: {description} – {account}")
        #expect(template.opening.first == "****THIS IS A CMS ISSUE – PLEASE FLAG TO ROBIN CASTELLANO****")
        #expect(process.firstLevel.promise(.respond)?.within == .businessDays(1))
        let maintenance = try #require(catalog.process("cms-maintenance"))
        #expect(maintenance.notes.first?.contains("not to use LD service") == true)
        #expect(maintenance.templates.first?.opening.first == "Please REPLY ALL with completion confirmation.")
    }

    @Test func supportRequestsCarryTheirChecklists() throws {
        let process = try #require(catalog.process("support-requests"))
        #expect(process.checklist("pre-escalation")?.items.count == 4)
        #expect(process.checklist("de-escalation")?.items.map(\.id) == ["action_plan", "root_cause", "agreement_documented"])
        #expect(process.communicationPlan?.modes == [.email, .phone, .meeting])
        let complaints = try #require(catalog.process("support-complaints"))
        #expect(complaints.ladder.last?.promise(.contact)?.within == .workingDays(2))
    }

    @Test func billingRoutesBySegmentWithPublishedNumbers() throws {
        let lumen = try #require(catalog.organisation("lumen"))
        let enterprise = try #require(lumen.routes.first { $0.topic == "billing" && $0.segment == "enterprise" })
        #expect(enterprise.contacts.first == .phone(number: "877-453-8353", detail: "option 2", calendar: "lumen-billing-enterprise"))
        #expect(enterprise.calendar == "lumen-billing-enterprise")
        #expect(enterprise.promise?.within == .hours(48))
        let wholesale = try #require(lumen.routes.first { $0.topic == "billing" && $0.segment == "wholesale" })
        #expect(wholesale.contacts.contains(.email(address: "wholesale.dispute@lumen.com", detail: nil)))
    }

    /// The people are fictional: every phone number is a 555-01xx number and
    /// every personal address is at example.com.
    @Test func shippedPeopleAreFictional() {
        var phones: [String] = []
        var emails: [String] = []
        for organisation in catalog.organisations {
            let people = organisation.contactLists.flatMap(\.people) + organisation.processes.flatMap { $0.ladder.compactMap(\.person) }
            phones += people.compactMap(\.phone)
            emails += people.compactMap(\.email)
        }
        #expect(!phones.isEmpty)
        for phone in phones { #expect(phone.contains("555-01"), "\(phone)") }
        for email in emails { #expect(email.hasSuffix("@example.com"), "\(email)") }
    }

    @Test func rolesDescribeTheAccountTeam() {
        for id in ["ccm", "cs_professional", "account_director", "sales_engineer", "client_support_manager", "indirect_partner", "channel_manager", "pem"] {
            #expect(catalog.role(id) != nil, "\(id)")
        }
        #expect(catalog.role("sales_engineer")?.duties.first?.contains("technical requirements") == true)
    }

    @Test(arguments: [
        ("organisations:\n  - id: acme\n    name: Acme\n    processes:\n      - id: p\n        title: P\n        ladder:\n          - level: 1\n            title: Desk\n            calendar: nowhere\n", 10, "unknown calendar 'nowhere'"),
        ("organisations:\n  - id: acme\n    name: Acme\n    processes:\n      - id: p\n        title: P\n        ladder:\n          - level: 2\n            title: A\n            calendar: cms\n          - level: 1\n            title: B\n            calendar: cms\n", 11, "levels must go up"),
        ("organisations:\n  - id: acme\n    name: Acme\n    processes:\n      - id: p\n        title: P\n        ladder:\n          - level: 1\n            title: A\n            calendar: cms\n            wait: -3h\n", 11, "cannot be negative"),
        ("organisations:\n  - id: acme\n    name: Acme\n    processes:\n      - id: p\n        title: P\n        ladder:\n          - level: 1\n            title: A\n            calendar: cms\n            skip-when: [fire]\n", 8, "skip-when 'fire'"),
        ("organisations:\n  - id: acme\n    name: Acme\n    processes:\n      - id: p\n        title: P\n        ladder: []\n", 7, "at least one level"),
        ("organisations:\n  - id: acme\n    name: Acme\n    processes:\n      - id: p\n        title: P\n        ladder:\n          - level: 1\n            title: A\n            calendar: cms\n        templates:\n          - id: t\n            title: T\n            subject: \"{custmer}\"\n", 14, "unknown placeholder {custmer}"),
    ])
    func malformedMatricesNameTheLine(text: String, line: Int, message: String) {
        var catalog = self.catalog
        do {
            try catalog.loadDataFile(text, file: "mine.yaml")
            Issue.record("accepted a malformed matrix")
        } catch let error as DataFileError {
            #expect(error.line == line, "\(error)")
            #expect(error.message.contains(message), "\(error)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func aUserFileOverridesAProcessAndAddsAnOrganisation() throws {
        var catalog = self.catalog
        try catalog.loadDataFile("""
            organisations:
              - id: lumen
                name: Lumen
                processes:
                  - id: lumen-installation
                    title: Our own Lumen ladder
                    ladder:
                      - { level: 1, title: CCM, calendar: lumen-management, wait: 2 business hours }
                      - { level: 2, title: Regional manager, calendar: lumen-management }
              - id: acme
                name: Acme Telecom
                processes:
                  - id: acme-orders
                    title: Acme orders
                    ladder:
                      - { level: 1, title: Order desk, calendar: support-desk }
            """, file: "mine.yaml")
        #expect(catalog.process("lumen-installation")?.firstLevel.wait == .hours(2))
        #expect(catalog.process("lumen-billing") != nil)
        #expect(catalog.organisation("acme")?.name == "Acme Telecom")
    }
}
