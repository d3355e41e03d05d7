import Foundation
import Testing

@testable import Wbmgp

/// What a set of covering designations works out once for every decision it serves
/// (``CoveringSet``): which designation carries each measure, and the first two that carry the
/// same one, which make every application they cover an `E-DESIGNATION-CONFLICT`.
@Suite("The covering designations: measure carriers and conflicts found once per set")
struct CoveringSetMeasureTests {
    static func designation(_ id: String, measures: [String]) -> Designation {
        designation(id, settings: measures.map { MeasureSetting(name: $0, values: [.text("\($0) of \(id)")]) })
    }

    static func designation(_ id: String, settings: [MeasureSetting]) -> Designation {
        let from = TestSupport.date("2020-01-01")
        return Designation(
            id: id, path: id + ".json", municipality: "Rotterdam", decisionDate: nil, source: nil, from: from, until: from.adding(years: 4),
            extends: nil, regionName: nil, regionMunicipalities: [], areas: Areas(), categories: [], measures: settings)
    }

    /// The measure names the sets below are made with (``CompiledLaw/measureNames``: sorted).
    static let measureNames = ["art10", "art5", "art8", "art9"]

    static func set(_ designations: [Designation]) -> CoveringSet { CoveringSet(designations, measureNames: measureNames) }

    /// The carrier of `measure` in `set`, by the measure's number as a rule asks it.
    static func carrier(of measure: String, in set: CoveringSet) throws -> Int? {
        set.carrier(ofMeasure: try #require(measureNames.firstIndex(of: measure)))
    }

    @Test("each measure is carried by the first designation of the set that has it; none by a measure no designation has")
    func carriers() throws {
        let a = Self.designation("a", measures: ["art8"]), b = Self.designation("b", measures: ["art10", "art9"])
        let set = Self.set([a, b])
        #expect(set.conflict == nil)
        #expect(set.carriers.map { "\($0.designation.id) \($0.setting.name)" } == ["a art8", "b art10", "b art9"])
        for (measure, carrier) in [("art8", "a"), ("art9", "b"), ("art10", "b")] {
            let index = try #require(try Self.carrier(of: measure, in: set))
            #expect(set.carriers[index].designation.id == carrier)
            #expect(set.carriers[index].setting.values == [.text("\(measure) of \(carrier)")])
        }
        #expect(try Self.carrier(of: "art5", in: set) == nil)
        #expect(try Self.carrier(of: "art8", in: Self.set([])) == nil && Self.set([]).conflict == nil)
        // A number past the law's measures, or none (-1), has no carrier.
        #expect(set.carrier(ofMeasure: -1) == nil && set.carrier(ofMeasure: Self.measureNames.count) == nil)
    }

    @Test("each carrier's field values lie in the set's own memory, in the setting's order, whatever their number")
    func fieldsWhereTheyLie() throws {
        func designation(_ id: String, _ measures: [(String, [Value])]) -> Designation {
            Self.designation(id, settings: measures.map { MeasureSetting(name: $0.0, values: $0.1) })
        }
        let a = designation("a", [("art8", [.text("every-adult")])])
        let b = designation("b", [("art10", []), ("art9", [.list([.text("care"), .text("police-officer")]), .bool(true), .bool(false)])])
        let set = Self.set([a, b])
        #expect(set.carriers.count == 3)
        // The fields are read while the set is held, as the evaluator reads them.
        withExtendedLifetime(set) {
            for place in set.carriers.indices {
                #expect(Array(set.measureFields(ofCarrier: place)) == set.carriers[place].setting.values)
            }
            // b's art10 carries no field.
            #expect(set.carriers[1].setting.name == "art10" && set.measureFields(ofCarrier: 1).isEmpty)
        }
    }

    /// By hand (legal spec A3.4): the applicant, resident in the region for 2 years 8 months
    /// before the application (under six years: art. 8 lid 1 applies), has income from
    /// employment (source a); the other adult only an unemployment benefit (none of a–f). The
    /// by-law's income test decides: the applicant's income suffices under `applicant` and
    /// `any-adult`; under `every-adult` the other adult fails it and art. 8 refuses.
    @Test("a measure's field compared with a code decides as the by-law's choice says: the income test of art. 8 worked by hand")
    func incomeTestWorkedByHand() throws {
        let application = try ApplicationReader(law: TestSupport.law).read(Array("""
            {"id":"it-1","kind":"new-tenancy","applicationDate":"2019-05-01",
             "dwelling":{"municipality":"Rotterdam","neighbourhood":"Carnisse","category":"rental"},
             "household":[
               {"id":"p1","role":"applicant","birthDate":"1985-03-10","residence":[{"municipality":"Rotterdam","from":"2016-09-01"}],"income":["employment"]},
               {"id":"p2","role":"co-occupant","birthDate":"1987-06-01","residence":[{"municipality":"Rotterdam","from":"2016-09-01"}],"income":["unemployment-benefit"]}]}
            """.utf8))
        for (test, refused) in [("applicant", false), ("any-adult", false), ("every-adult", true)] {
            let text = """
                {"id":"it-\(test)","municipality":"Rotterdam","decisionDate":"2018-03-20","source":"test","term":{"from":"2018-04-16","until":"2022-04-15"},
                 "extends":null,"region":{"name":"Rijnmond","municipalities":["Rotterdam","Schiedam"]},"areas":{"neighbourhoods":["Carnisse"]},
                 "categories":["rental"],"measures":{"art8":{"incomeTest":"\(test)"}}}
                """
            let (designations, problems) = DesignationReader(law: TestSupport.law).read(files: [("it-\(test).json", text)])
            #expect(problems.isEmpty, "\(problems)")
            let decision = try Engine(law: TestSupport.law, designations: designations).decide(application)
            let income = decision.reasons.filter { $0.rule == "art8.income" }
            #expect(income.map(\.result) == [refused ? .applied : .passed], "\(test)")
            #expect(decision.outcome == (refused ? .refused : .granted), "\(test): \(decision.outcome)")
            if refused {
                // The reason of `every-adult` names the adult without such income.
                #expect(income.first?.facts.first { $0.key == "adultsWithoutQualifyingIncome" }?.value == .array([.string("p2")]))
            }
        }
    }

    @Test("the conflict is the first pair as the designations and their measures come: the earlier carrier and the later one")
    func conflicts() throws {
        // c carries art10 and art8 (in that order); art10 is met first, so b and c conflict on it,
        // although a and c also conflict (on art8).
        let a = Self.designation("a", measures: ["art8"]), b = Self.designation("b", measures: ["art10"])
        let c = Self.designation("c", measures: ["art10", "art8"])
        let conflict = try #require(Self.set([a, b, c]).conflict)
        #expect(conflict.earlier == "b" && conflict.later == "c" && conflict.measure == "art10")
        // The carrier of a measure stays the first, whatever conflicts follow.
        let set = Self.set([a, b, c])
        #expect(try Self.carrier(of: "art8", in: set).map { set.carriers[$0].designation.id } == "a")
        // A measure repeated within one designation is no conflict between designations.
        #expect(Self.set([Self.designation("d", measures: ["art8", "art8"])]).conflict == nil)
    }

    @Test("an application covered by two designations of one measure is refused as a conflict naming both, whatever else it holds")
    func conflictIsAnError() throws {
        // The shipped Capelle 2019 designation, read a second time under another id: both cover
        // the Operabuurt with art. 8 and art. 9 from 1 July 2019.
        let path = TestSupport.rulesDirectory + "/designations/capelle-aan-den-ijssel-2019.json"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let twin = text.replacingOccurrences(of: "\"capelle-aan-den-ijssel-2019\"", with: "\"capelle-twin\"")
        #expect(twin != text)
        let (designations, _) = DesignationReader(law: TestSupport.law).read(files: [(path, text), ("twin.json", twin)])
        #expect(Set(designations.map(\.id)) == ["capelle-aan-den-ijssel-2019", "capelle-twin"])
        let engine = Engine(law: TestSupport.law, designations: designations)
        let application = try ApplicationReader(law: TestSupport.law).read(Array("""
            {"id":"twin-1","applicationDate":"2021-12-03","dwelling":{"municipality":"Capelle aan den IJssel","neighbourhood":"Operabuurt","category":"rental"},
             "household":[{"id":"p1","role":"applicant","birthDate":"1980-01-01"}]}
            """.utf8))
        // The engine sorts designations by id: capelle-aan-den-ijssel-2019 comes first, and
        // art8 is the first measure of the later one (measures are kept sorted by name).
        #expect {
            try engine.decide(application)
        } throws: { error in
            guard let error = error as? InputError else { return false }
            return error.code == "E-DESIGNATION-CONFLICT" && error.path == "$.dwelling" && error.applicationId == "twin-1"
                && error.message
                    == "designations 'capelle-aan-den-ijssel-2019' and 'capelle-twin' both carry measure art8 for this dwelling on the law date; the conflict must be resolved in the designation files"
        }
        // The same dwelling before the first term began is covered by neither: no conflict.
        var earlier = application
        earlier.applicationDate = TestSupport.date("2019-06-30")
        #expect(try engine.decide(earlier).outcome == .notApplicable)
    }
}
