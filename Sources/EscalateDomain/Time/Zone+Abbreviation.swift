/// Friendly zone abbreviations.
///
/// Foundation on Linux abbreviates `America/Chicago` as `GMT-6`, which no one
/// in Chicago would recognise. US zones print their generic name (`CT`), as
/// business hours are published ("7:00am–7:00pm CT"); zones whose people name
/// the season (`GMT`/`BST`, `AEST`/`AEDT`) print the seasonal one.
extension Zone {
    private static let generic: [String: String] = [
        "America/Chicago": "CT", "America/Winnipeg": "CT", "America/Mexico_City": "CT",
        "America/Indiana/Knox": "CT", "America/Menominee": "CT", "America/North_Dakota/Center": "CT",
        "US/Central": "CT",
        "America/New_York": "ET", "America/Detroit": "ET", "America/Toronto": "ET",
        "America/Indiana/Indianapolis": "ET", "America/Kentucky/Louisville": "ET", "US/Eastern": "ET",
        "America/Denver": "MT", "America/Boise": "MT", "America/Edmonton": "MT", "US/Mountain": "MT",
        "America/Phoenix": "MST",
        "America/Los_Angeles": "PT", "America/Vancouver": "PT", "US/Pacific": "PT",
        "America/Anchorage": "AKT", "Pacific/Honolulu": "HST", "America/Halifax": "AT",
        "America/St_Johns": "NT", "America/Puerto_Rico": "AST",
        "Asia/Kolkata": "IST", "Asia/Calcutta": "IST", "Asia/Tokyo": "JST", "Asia/Seoul": "KST",
        "Asia/Shanghai": "CST", "Asia/Hong_Kong": "HKT", "Asia/Singapore": "SGT",
        "Australia/Brisbane": "AEST", "Australia/Perth": "AWST", "Australia/Darwin": "ACST",
        "Africa/Johannesburg": "SAST", "UTC": "UTC",
    ]

    private static let seasonal: [String: (standard: String, daylight: String)] = [
        "Europe/London": ("GMT", "BST"), "Europe/Belfast": ("GMT", "BST"),
        "Europe/Dublin": ("GMT", "IST"), "Europe/Lisbon": ("WET", "WEST"),
        "Europe/Paris": ("CET", "CEST"), "Europe/Berlin": ("CET", "CEST"), "Europe/Madrid": ("CET", "CEST"),
        "Europe/Rome": ("CET", "CEST"), "Europe/Amsterdam": ("CET", "CEST"), "Europe/Brussels": ("CET", "CEST"),
        "Europe/Zurich": ("CET", "CEST"), "Europe/Vienna": ("CET", "CEST"), "Europe/Stockholm": ("CET", "CEST"),
        "Europe/Oslo": ("CET", "CEST"), "Europe/Copenhagen": ("CET", "CEST"), "Europe/Warsaw": ("CET", "CEST"),
        "Europe/Prague": ("CET", "CEST"), "Europe/Athens": ("EET", "EEST"), "Europe/Helsinki": ("EET", "EEST"),
        "Europe/Kiev": ("EET", "EEST"), "Europe/Kyiv": ("EET", "EEST"),
        "Australia/Sydney": ("AEST", "AEDT"), "Australia/Melbourne": ("AEST", "AEDT"),
        "Australia/Hobart": ("AEST", "AEDT"), "Australia/Canberra": ("AEST", "AEDT"),
        "Australia/Adelaide": ("ACST", "ACDT"),
        "Pacific/Auckland": ("NZST", "NZDT"),
    ]

    /// The abbreviation a reader in this zone expects at `instant`:
    /// `CT`, `ET`, `PT`, `GMT` or `BST`, `AEST` or `AEDT`, else `UTC-03:00`.
    public func abbreviation(at instant: Instant) -> String {
        if let name = Zone.generic[identifier] {
            // In the hour a change back from daylight saving repeats, "01:30
            // CT" names two instants: the season's letters tell them apart.
            if name.count >= 2, name.hasSuffix("T"), isInRepeatedHour(instant) {
                return name.dropLast() + (isDaylightSaving(at: instant) ? "DT" : "ST")
            }
            return name
        }
        if let names = Zone.seasonal[identifier] {
            return isDaylightSaving(at: instant) ? names.daylight : names.standard
        }
        let offset = offset(at: instant)
        return offset == 0 ? "UTC" : "UTC" + Zone.formatOffset(offset)
    }

    /// Whether the wall clock shows the same time twice around `instant`.
    func isInRepeatedHour(_ instant: Instant) -> Bool {
        let local = local(instant)
        return self.instant(for: local, repeated: .earlier) != self.instant(for: local, repeated: .later)
    }
}
