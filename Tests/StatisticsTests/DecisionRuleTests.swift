import Testing
@testable import Statistics

/// Decision rules. Hand values: normal tails from scipy.stats.norm (sf, cdf), quoted below.
/// Synthetic data where the right verdict is known: a clear effect, no effect with many seeds, no
/// effect with few seeds, a paired effect an unpaired test misses, censored times; and the error
/// rates of each rule at the boundary of its null hypothesis, over many replicates.
@Suite struct DecisionRuleTests {
    private static func normal(_ n: Int, mean: Double, sd: Double, _ stream: RandomStream) -> [Double] {
        (0..<n).map { _ in mean + sd * stream.normal() }
    }

    /// Verdicts of `decide` on `replicates` independent data sets, as fractions per verdict.
    private static func rates(_ replicates: Int, seed: UInt64, _ decide: (RandomStream) throws -> ClaimDecision) rethrows -> [Verdict: Double] {
        var counts: [Verdict: Int] = [:]
        for r in 0..<replicates {
            counts[try decide(RandomStream(seed: seed, stream: UInt64(r))).verdict, default: 0] += 1
        }
        return counts.mapValues { Double($0) / Double(replicates) }
    }

    // MARK: hand values

    /// estimate 0.05, se 0.01 (normal), margin 0.02: support p = Q(5) = 2.866515718791933e-07,
    /// refutation p = P(3) = 0.9986501019683699; 0.9 interval 0.05 -+ 1.6448536269514722 * 0.01.
    @Test func superiorityByHand() throws {
        let effect = try EffectEstimate(estimate: 0.05, standardError: 0.01, degreesOfFreedom: nil)
        let decision = try DecisionRule.superiority(effect, margin: 0.02)
        expectClose(decision.supportPValue / 2.866515718791933e-07, 1, tolerance: 1e-9, "support p")
        expectClose(decision.refutationPValue, 0.9986501019683699, "refutation p")
        #expect(decision.verdict == .supported && decision.kind == .superiority && decision.margin == 0.02)
        let interval = try #require(decision.interval)
        expectClose(interval.lower, 0.05 - 1.6448536269514722 * 0.01, "lower")
        expectClose(interval.upper, 0.05 + 1.6448536269514722 * 0.01, "upper")
        #expect(decision.controlled.contains("P(not supported | effect >= 0.02) <= alpha"))
        // Claiming effect > margin moves the support threshold: Q(3) = 1 - 0.9986501019683699.
        let aboveMargin = try DecisionRule.superiority(effect, margin: 0.02, claimedAboveMargin: true)
        expectClose(aboveMargin.supportPValue, 1 - 0.9986501019683699, "support p above margin")
    }

    /// estimate 0.01, se 0.003, margin 0.03: support p = Q(10/3) = 0.0004290603331968372 and
    /// refutation p = P(-20/3) = 1.3083924686053134e-11 both reject: shown positive and below the margin.
    @Test func belowMarginByHand() throws {
        let effect = try EffectEstimate(estimate: 0.01, standardError: 0.003, degreesOfFreedom: nil)
        let decision = try DecisionRule.superiority(effect, margin: 0.03)
        expectClose(decision.supportPValue, 0.0004290603331968372, "support p")
        expectClose(decision.refutationPValue / 1.3083924686053134e-11, 1, tolerance: 1e-7, "refutation p")
        #expect(decision.verdict == .belowMargin)
    }

    /// Equivalence, margin 0.5: estimate 0.1, se 0.1 gives TOST p = P(-4) = 3.167124183311986e-05
    /// (supported); estimate 1.0 gives refutation p = 2 Q(5) = 5.733031437583866e-07 (not supported).
    @Test func equivalenceByHand() throws {
        let inside = try DecisionRule.equivalence(try EffectEstimate(estimate: 0.1, standardError: 0.1, degreesOfFreedom: nil), margin: 0.5)
        expectClose(inside.supportPValue / 3.167124183311986e-05, 1, tolerance: 1e-9, "TOST p")
        #expect(inside.refutationPValue == 1 && inside.verdict == .supported)
        let outside = try DecisionRule.equivalence(try EffectEstimate(estimate: 1.0, standardError: 0.1, degreesOfFreedom: nil), margin: 0.5)
        expectClose(outside.refutationPValue / 5.733031437583866e-07, 1, tolerance: 1e-9, "refutation p")
        #expect(outside.verdict == .notSupported)
    }

    /// The equivalence support p is statsmodels' TOST p (Equivalence.tost) for Welch effects.
    @Test func equivalenceUsesTost() throws {
        let reference = try ScipyReference.load()
        for case_ in reference.tost where case_.lower == -case_.upper {
            let effect = try EffectEstimate.welch(try reference.sample(case_.a), try reference.sample(case_.b))
            expectClose(try DecisionRule.equivalence(effect, margin: case_.upper).supportPValue, case_.pValue, "TOST p")
        }
    }

    /// Non-inferiority, margin 0.02: estimate -0.01, se 0.01 gives support p = Q(1) and refutation
    /// p = P(1) = 1 - Q(1); estimate -0.06 gives refutation p = P(-4) = 3.167124183311986e-05.
    @Test func nonInferiorityByHand() throws {
        let close = try DecisionRule.nonInferiority(try EffectEstimate(estimate: -0.01, standardError: 0.01, degreesOfFreedom: nil), margin: 0.02)
        expectClose(close.supportPValue + close.refutationPValue, 1, "complementary tails")
        #expect(close.verdict == .inconclusive)
        let worse = try DecisionRule.nonInferiority(try EffectEstimate(estimate: -0.06, standardError: 0.01, degreesOfFreedom: nil), margin: 0.02)
        expectClose(worse.refutationPValue / 3.167124183311986e-05, 1, tolerance: 1e-9, "refutation p")
        #expect(worse.verdict == .notSupported)
    }

    /// Duality the rules rely on: a one-sided test at alpha rejects exactly when the 1 - 2 alpha
    /// interval excludes the threshold (t with 7 df here).
    @Test func oneSidedTestsMatchIntervalEnds() throws {
        let effect = try EffectEstimate(estimate: 0.3, standardError: 0.2, degreesOfFreedom: 7)
        let interval = try effect.interval(confidenceLevel: 0.9)
        expectClose(effect.test(nullDifference: interval.lower, alternative: .greater).pValue, 0.05, tolerance: 1e-12, "lower end")
        expectClose(effect.test(nullDifference: interval.upper, alternative: .less).pValue, 0.05, tolerance: 1e-12, "upper end")
    }

    @Test func intersectionUnionTakesMaxAndBonferroniMin() throws {
        let effects = [(0.05, 0.01), (0.03, 0.01), (0.019, 0.01)]
        let components = try effects.map { try DecisionRule.superiority(EffectEstimate(estimate: $0.0, standardError: $0.1, degreesOfFreedom: nil), margin: 0.02) }
        let claim = try DecisionRule.allOf(components)
        #expect(claim.supportPValue == components.map(\.supportPValue).max())
        #expect(claim.refutationPValue == min(1, 3 * components.map(\.refutationPValue).min()!))
        // Q(1.9) = 0.0287 for the weakest component: every component supported, so is the claim.
        #expect(components.allSatisfy { $0.verdict == .supported } && claim.verdict == .supported)
        #expect(claim.kind == .allOf && claim.components == components && claim.estimate == nil)
        // One component at estimate 0: the claim is no longer supported although the others are.
        let weak = try DecisionRule.superiority(EffectEstimate(estimate: 0, standardError: 0.01, degreesOfFreedom: nil), margin: 0.02)
        #expect(try DecisionRule.allOf(components + [weak]).verdict == .inconclusive)
    }

    /// Holm runs on the support and the refutation p-values separately; here the support p-values
    /// 0.01, 0.03, 0.04 become 0.03, 0.06, 0.06, so two claims supported alone are not supported in the family.
    @Test func holmAdjustsBothKindsOfDecision() throws {
        let claims = zip([0.01, 0.03, 0.04], [0.9, 0.01, 0.5]).map { support, refutation in
            ClaimDecision(kind: .superiority, supportPValue: support, refutationPValue: refutation, alpha: 0.05, margin: 0.1,
                          estimate: 0, interval: nil, controlled: "")
        }
        #expect(claims.map(\.verdict) == [.supported, .belowMargin, .supported])
        let adjusted = try DecisionRule.holm(claims)
        #expect(adjusted.map(\.supportPValue) == (try MultipleTesting.holm([0.01, 0.03, 0.04])))
        #expect(adjusted.map(\.refutationPValue) == (try MultipleTesting.holm([0.9, 0.01, 0.5])))
        #expect(adjusted.map(\.verdict) == [.supported, .notSupported, .inconclusive])
        #expect(adjusted.allSatisfy { $0.controlled.contains("Holm-adjusted across 3 claims") })
    }

    @Test func rejectsBadInput() throws {
        let effect = try EffectEstimate(estimate: 0, standardError: 1, degreesOfFreedom: 5)
        #expect(throws: StatisticsError.self) { try DecisionRule.superiority(effect, margin: -1) }
        #expect(throws: StatisticsError.self) { try DecisionRule.nonInferiority(effect, margin: 0) }
        #expect(throws: StatisticsError.self) { try DecisionRule.equivalence(effect, margin: 1, alpha: 0.5) }
        #expect(throws: StatisticsError.self) { try DecisionRule.allOf([]) }
        #expect(throws: StatisticsError.self) { try EffectEstimate(estimate: 0, standardError: 0, degreesOfFreedom: nil) }
        #expect(throws: StatisticsError.self) { try EffectEstimate(estimate: .nan, standardError: 1, degreesOfFreedom: nil) }
    }

    // MARK: synthetic data with a known answer (reward-like scale: sd 0.02, margin 0.02)

    /// A clear effect (0.05 with sd 0.02, 20 seeds a side) is supported on every replicate, by the
    /// Welch and the paired path.
    @Test func clearEffectIsSupported() throws {
        let welch = try Self.rates(200, seed: 1) { s in
            try DecisionRule.superiority(.welch(Self.normal(20, mean: 0.85, sd: 0.02, s), Self.normal(20, mean: 0.80, sd: 0.02, s)), margin: 0.02)
        }
        #expect(welch[.supported] == 1)
        let paired = try Self.rates(200, seed: 2) { s in
            try DecisionRule.superiority(.paired(Self.normal(20, mean: 0.85, sd: 0.02, s), Self.normal(20, mean: 0.80, sd: 0.02, s)), margin: 0.02)
        }
        #expect(paired[.supported] == 1)
    }

    /// No effect with many seeds (40 a side): the upper bound falls below the margin, so "not
    /// supported" on nearly every replicate; the effect is shown positive (supported, or below the
    /// margin) only at about the alpha rate that the support test allows at effect 0.
    @Test func noEffectWithManySeedsIsNotSupported() throws {
        let rates = try Self.rates(400, seed: 3) { s in
            try DecisionRule.superiority(.welch(Self.normal(40, mean: 0.8, sd: 0.02, s), Self.normal(40, mean: 0.8, sd: 0.02, s)), margin: 0.02)
        }
        #expect(rates[.notSupported, default: 0] >= 0.9, "\(rates)")
        let shownPositive = rates[.supported, default: 0] + rates[.belowMargin, default: 0]
        #expect(shownPositive <= 0.05 + 3 * (0.05 * 0.95 / 400).squareRoot(), "\(rates)")
    }

    /// No effect with few seeds (3 a side): too little data to refute a 0.02 effect, so mostly
    /// inconclusive, where "Welch p > 0.05" would have called it not supported almost always.
    @Test func noEffectWithFewSeedsIsInconclusive() throws {
        var notSignificant = 0
        let rates = try Self.rates(400, seed: 4) { s in
            let a = Self.normal(3, mean: 0.8, sd: 0.03, s), b = Self.normal(3, mean: 0.8, sd: 0.03, s)
            if try HypothesisTest.welch(a, b).pValue > 0.05 { notSignificant += 1 }
            return try DecisionRule.superiority(.welch(a, b), margin: 0.02)
        }
        #expect(rates[.inconclusive, default: 0] >= 0.75, "\(rates)")
        #expect(Double(notSignificant) / 400 >= 0.9)
    }

    /// Seeds share a large seed effect (sd 0.05) and the schemes differ by 0.01 with little noise
    /// (sd 0.003): the paired analysis supports the claim, Welch (ignoring the pairing) almost never does.
    @Test func pairedEffectThatWelchMisses() throws {
        var welchSupported = 0
        let paired = try Self.rates(200, seed: 5) { s in
            let seedEffects = Self.normal(10, mean: 0.8, sd: 0.05, s)
            let a = seedEffects.map { $0 + 0.01 + 0.003 * s.normal() }, b = seedEffects.map { $0 + 0.003 * s.normal() }
            if try DecisionRule.superiority(.welch(a, b), margin: 0.005).verdict == .supported { welchSupported += 1 }
            return try DecisionRule.superiority(.paired(a, b), margin: 0.005)
        }
        #expect(paired[.supported, default: 0] >= 0.95, "\(paired)")
        #expect(Double(welchSupported) / 200 <= 0.15)
    }

    /// Times to threshold with censoring at the run length (100 steps): a fast scheme (~40 steps)
    /// against a slow one (~80, a third of runs never reaching it) is decided by the RMST difference
    /// (supported: the slow one takes more than 10 steps longer) and the log-rank test rejects;
    /// two identical schemes with many runs give "not supported" (the difference is shown < 10 steps).
    @Test func censoredTimesToThreshold() throws {
        func runs(_ n: Int, mean: Double, sd: Double, _ s: RandomStream) throws -> CensoredSample {
            let raw = Self.normal(n, mean: mean, sd: sd, s).map { max($0, 1) }
            return try CensoredSample(times: raw.map { min($0, 100) }, reached: raw.map { $0 < 100 })
        }
        var logRankRejects = 0
        let different = try Self.rates(100, seed: 6) { s in
            let fast = try runs(10, mean: 40, sd: 10, s), slow = try runs(10, mean: 90, sd: 25, s)
            if try HypothesisTest.logRank(slow, fast).pValue <= 0.05 { logRankRejects += 1 }
            return try DecisionRule.superiority(KaplanMeier.restrictedMeanDifference(slow, fast, horizon: 100), margin: 10)
        }
        #expect(different[.supported, default: 0] >= 0.95, "\(different)")
        #expect(logRankRejects >= 95)
        let same = try Self.rates(100, seed: 7) { s in
            try DecisionRule.superiority(KaplanMeier.restrictedMeanDifference(runs(60, mean: 85, sd: 20, s), runs(60, mean: 85, sd: 20, s), horizon: 100), margin: 10)
        }
        #expect(same[.notSupported, default: 0] >= 0.85, "\(same)")
    }

    // MARK: error rates at the boundary of each null (2000 replicates, 10 runs a side, sd 1)

    private static let rateWindow = 0.035...0.065  // alpha 0.05 -+ about 3 binomial standard errors

    private static func rate(seed: UInt64, shift: Double, _ decide: (EffectEstimate) throws -> Bool) throws -> Double {
        var hits = 0
        for r in 0..<2000 {
            let s = RandomStream(seed: seed, stream: UInt64(r))
            if try decide(.welch(normal(10, mean: shift, sd: 1, s), normal(10, mean: 0, sd: 1, s))) { hits += 1 }
        }
        return Double(hits) / 2000
    }

    @Test func errorRatesAtTheBoundaries() throws {
        // Superiority: effect 0 wrongly supported, effect = margin wrongly refuted, each at about alpha.
        let falseSupport = try Self.rate(seed: 10, shift: 0) { try DecisionRule.superiority($0, margin: 0.5).supportPValue <= 0.05 }
        #expect(Self.rateWindow.contains(falseSupport), "superiority false support \(falseSupport)")
        let falseRefutation = try Self.rate(seed: 11, shift: 0.5) { try DecisionRule.superiority($0, margin: 0.5).refutationPValue <= 0.05 }
        #expect(Self.rateWindow.contains(falseRefutation), "superiority false refutation \(falseRefutation)")
        // Non-inferiority at effect = -margin.
        let falseNonInferior = try Self.rate(seed: 12, shift: -0.5) { try DecisionRule.nonInferiority($0, margin: 0.5).supportPValue <= 0.05 }
        #expect(Self.rateWindow.contains(falseNonInferior), "non-inferiority false support \(falseNonInferior)")
        // Equivalence at effect = margin: TOST about alpha; the Bonferroni refutation at most alpha.
        let falseEquivalent = try Self.rate(seed: 13, shift: 1.5) { try DecisionRule.equivalence($0, margin: 1.5).supportPValue <= 0.05 }
        #expect(Self.rateWindow.contains(falseEquivalent), "equivalence false support \(falseEquivalent)")
        let falseNotEquivalent = try Self.rate(seed: 14, shift: 1.5) { try DecisionRule.equivalence($0, margin: 1.5).refutationPValue <= 0.05 }
        #expect((0.01...0.065).contains(falseNotEquivalent), "equivalence false refutation \(falseNotEquivalent)")
        // Intersection-union: one component at effect 0, two clearly positive: claim wrongly supported at about alpha.
        let falseAllOf = try Self.rate(seed: 15, shift: 0) { effect in
            let strong = try EffectEstimate(estimate: 5, standardError: 1, degreesOfFreedom: nil)
            let components = try [effect, strong, strong].map { try DecisionRule.superiority($0, margin: 0.5) }
            return try DecisionRule.allOf(components).supportPValue <= 0.05
        }
        #expect(Self.rateWindow.contains(falseAllOf), "all-of false support \(falseAllOf)")
    }
}
