import Tasks

/// The inputs of the reward-model benchmarks, fixed texts so that every run measures the same
/// work: "short" a few words, "typical" a sentence or two as the sentiment policy and the
/// summarisation environment produce them, "long" a whole review or article.
enum RewardInputs {
    static let reviews: [(String, String)] = [
        ("short", "A great movie!"),
        ("typical", "the plot is thin , but the acting is surprisingly good and the ending made me smile"),
        ("long", String(repeating: "The first half drags badly and the dialogue is often clumsy, yet the lead performance is "
                        + "genuinely moving. I did not expect to care, but by the end I was won over :) ", count: 6)),
    ]

    static let summaries: [(String, (prediction: String, reference: String))] = [
        ("short", ("the economy grew", "the economy grew by two percent")),
        ("typical", ("The company reported record profits this quarter, driven by strong sales in Asia.",
                     "Record quarterly profits were reported by the company after sales in Asia rose strongly.")),
        ("long", (String(repeating: "Officials said the new rules would take effect next year and would apply to all "
                         + "large firms operating in the region, despite objections from business groups. ", count: 8),
                  String(repeating: "The rules, which business groups opposed, take effect next year for large firms "
                         + "in the region, officials said. ", count: 4))),
    ]

    /// A sentiment prompt and response as the policy writes them: 12 tokens, 4,096 coalitions.
    static let scarResponse = "the film is a mess , but i loved every single minute"

    enum IFEvalKind: String, CaseIterable {
        /// Three format and keyword checks.
        case typical
        /// `language:response_language`, which runs langdetect.
        case langdetect
    }

    static func ifeval(_ kind: IFEvalKind) throws -> (item: IFEvalItem, response: String) {
        let response = """
        *Summary*
        The report covers three points: costs, timing and staffing. Costs rose, timing slipped by a week,
        and staffing is unchanged. Overall the project remains on track.
        P.S. Details follow in the appendix.
        """
        switch kind {
        case .typical:
            return (IFEvalItem(prompt: "Summarise the report.",
                               instructionIDs: ["detectable_format:number_highlighted_sections", "keywords:existence", "detectable_content:postscript"],
                               kwargs: [["num_highlights": .int(1)], ["keywords": .strings(["costs", "timing"])], ["postscript_marker": .string("P.S.")]]),
                    response)
        case .langdetect:
            return (IFEvalItem(prompt: "Summarise the report in English.", instructionIDs: ["language:response_language"],
                               kwargs: [["language": .string("en")]]),
                    response)
        }
    }
}
