import Foundation
import Testing
import Tasks
@testable import Harness

/// The partial-text report `reproduce` writes, on a reward model whose every score is derived by
/// hand.
@Suite struct PartialTextsDocumentTests {
    /// +1 per "good", -1 per "bad", +5 per blank "[MASK]", 0 otherwise.
    struct HandModel: TextRewardModel {
        let name = "hand"
        func reward(_ text: String) -> Double {
            text.split(separator: " ").reduce(0) { $0 + ($1 == "good" ? 1 : $1 == "bad" ? -1 : $1 == "[MASK]" ? 5 : 0) }
        }
    }

    /// Texts "good", "bad", "good good": v(N) = 1, -1, 2, range [-1, 2], q05 = -0.8 and q95 = 1.9
    /// (type 7). Proper coalitions: of a one-token text only the empty one; of "good good" the
    /// empty one or one "good". Removal: v(empty) = v("") = 0 and v({good}) = 1, all inside the
    /// range (and inside [q05, q95]): 0 outside. Blank mask: v(empty) = v("[MASK]") = 5,
    /// v({good}) = v("good [MASK]") or v("[MASK] good") = 6, all outside: every coalition outside.
    @Test func countsCoalitionsOutsideTheFullRangeAsDerivedByHand() throws {
        var configuration = SentimentPartialTextReport.Configuration()
        configuration.minTokens = 1
        configuration.maxTokens = 2
        configuration.coalitionsPerText = 4
        let snippets = ["good", "bad", "good good", "too many words for the report here and more"].enumerated().map {
            SentimentSnippet(id: "s\($0.offset)", rating: 0, text: $0.element)
        }
        let document = try PartialTextsDocument(models: [HandModel()], heldOut: snippets, responses: 0, configuration: configuration)
        #expect(document.texts.count == 3 && document.responses == nil)
        let rows = document.texts.rows
        #expect(rows.map(\.completion) == ["removal", "mask"])
        for row in rows {
            #expect(row.full.quantiles.first == -1 && row.full.quantiles.last == 2 && row.coalitions.count == 12)
        }
        #expect(rows[0].outsideFullRange == 0 && rows[0].outsideFullCentral90 == 0 && rows[0].empty == 0)
        #expect(rows[1].outsideFullRange == 1 && rows[1].outsideFullCentral90 == 1 && rows[1].empty == 5)
        #expect(abs(rows[0].full.quantiles[1] - -0.8) < 1e-12 && abs(rows[0].full.quantiles[5] - 1.9) < 1e-12)
        #expect(rows[1].coalitions.quantiles.first! >= 5 && rows[1].coalitions.quantiles.last! <= 6)
        #expect(rows[0].coalitions.quantiles.first! >= 0 && rows[0].coalitions.quantiles.last! <= 1)

        let summary = document.summary(file: "claims/partial_texts.md")
        #expect(summary.contains("On 3 held-out movie-review snippets, 4 token coalitions each"))
        #expect(summary.contains("the full texts' scores: hand 0.0% by removal and 100.0% with the blank mask;"))
        #expect(summary.contains("full texts): hand 0.0% by removal and 100.0% with the blank mask."))
        #expect(summary.contains("`claims/partial_texts.md`"))
        #expect(document.markdown.contains("| hand | removal | ") && document.markdown.contains("| hand | mask | "))
        #expect(document.markdown.contains("| 0.000 | 0.000 | ") && document.markdown.contains("| 5.000 | 1.000 | 1.000 | "))
    }
}
