/// A unified diff of a turn's expected reply against the actual one.
enum UnifiedDiff {
    /// `--- expected`, `+++ actual`, one hunk over the whole reply.
    static func lines(expected: [Transcript.ExpectedLine], actual: [String], firstLine: Int) -> [String] {
        let n = expected.count
        let m = actual.count
        // Longest common subsequence, where a regex line equals what it matches.
        var table = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i][j] = expected[i].matches(actual[j]) ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var body: [String] = []
        var i = 0
        var j = 0
        while i < n || j < m {
            if i < n, j < m, expected[i].matches(actual[j]) {
                body.append(" " + actual[j])
                i += 1
                j += 1
            } else if i < n, j == m || table[i + 1][j] >= table[i][j + 1] {
                // Deletions before insertions, as diff -u prints them.
                body.append("-" + expected[i].written)
                i += 1
            } else {
                body.append("+" + actual[j])
                j += 1
            }
        }
        return ["--- expected", "+++ actual", "@@ -\(firstLine),\(n) +\(firstLine),\(m) @@"] + body
    }
}
