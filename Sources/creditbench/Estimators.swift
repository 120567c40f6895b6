import ArgumentParser
import Shapley

struct Estimators: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The registered Shapley estimators: what each computes, what it costs and which axioms hold exactly.",
        discussion: """
        One row per estimator of the registry (`EstimatorRegistry`), the list that `estimate`, `compare`, \
        `explain` and `train` offer. The markdown table is the README's estimator table (a test checks they agree).

        Examples:
          creditbench estimators
          creditbench estimators --format json
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, json
    }

    @Option(help: "Output format: markdown (the README's table) or json (every capability flag).")
    var format: Format = .markdown

    func run() throws {
        switch format {
        case .markdown:
            print(EstimatorRegistry.markdownTable(), terminator: "")
        case .json:
            print(try JSONOutput.string(EstimatorRegistry.entries.map(EstimatorDescription.init)))
        }
    }
}

/// One estimator's capabilities as JSON.
struct EstimatorDescription: Encodable {
    let name, target, method, cost, bias: String
    let budgetFree, exhaustive, needsPartition, efficient, symmetric, nullPlayer, unbiased, standardErrors: Bool

    init(_ entry: EstimatorEntry) {
        let c = entry.capabilities
        name = entry.name
        target = c.target.rawValue
        method = c.method
        cost = c.costDescription
        bias = c.biasDescription
        budgetFree = c.budgetFree
        exhaustive = c.exhaustive
        needsPartition = c.needsPartition
        efficient = c.efficient
        symmetric = c.symmetric
        nullPlayer = c.nullPlayer
        unbiased = c.unbiased
        standardErrors = c.standardErrors
    }

    enum CodingKeys: String, CodingKey {
        case name, target, method, cost, bias, exhaustive, efficient, symmetric, unbiased
        case budgetFree = "budget_free", needsPartition = "needs_partition", nullPlayer = "null_player"
        case standardErrors = "standard_errors"
    }
}
