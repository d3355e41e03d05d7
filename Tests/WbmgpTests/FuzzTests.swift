import Foundation
import Testing

@testable import Wbmgp

/// The deterministic mutation fuzzer in the suite (issue 11): a few thousand mutations per
/// parser, seeded, so every run checks the same inputs. A crash fails the run; the checks of
/// ``FuzzChecks`` fail the test with the input's index, to reproduce with
/// `wbmgp-fuzz --target NAME --seed 11 --from INDEX --count 1 --save FILE`.
@Suite("Fuzz: mutated inputs never crash and never give broken output")
struct FuzzTests {
    static let targets: FuzzTargets? = try? FuzzTargets(root: TestSupport.packageRoot)

    /// Mutations per target in the suite; the long run (`Tests/fuzz.sh`) does far more.
    static let counts = ["application": 3_000, "designation": 2_000, "request": 2_000, "rules": 1_000, "record": 2_000, "log": 2_000, "letter": 1_000, "http": 2_000, "override": 1_000, "report": 1_000]

    @Test("every target's seeds pass its checks unmutated")
    func seedsPass() throws {
        let targets = try #require(Self.targets)
        for target in targets.targets {
            #expect(!target.seeds.isEmpty, "\(target.name) has no seeds")
            for (index, seed) in target.seeds.enumerated() {
                let problems = target.check(index, seed)
                #expect(problems.isEmpty, "\(target.name) seed \(index): \(problems)")
            }
        }
    }

    @Test("mutations of each parser's inputs", arguments: ["application", "designation", "request", "rules", "record", "log", "letter", "http", "override", "report"])
    func mutations(_ name: String) throws {
        let target = try #require(Self.targets?.target(named: name))
        let count = Self.counts[name] ?? 1_000
        let report = FuzzRunner.run(target, indices: 0..<count, seed: 11)
        #expect(report.inputs == count)
        #expect(report.failureCount == 0, "\(name): \(report.failures.prefix(5).map { "input \($0.index): \($0.problems)" })")
    }

    @Test("mutation is deterministic: the same seed and index give the same bytes")
    func deterministic() throws {
        let target = try #require(Self.targets?.target(named: "application"))
        for index in [0, 1, 77, 2_999] {
            #expect(target.input(index, seed: 11).bytes == target.input(index, seed: 11).bytes)
        }
        #expect(target.input(5, seed: 11).bytes != target.input(5, seed: 12).bytes)
    }
}
