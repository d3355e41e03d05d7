import Testing

@testable import Wbmgp

/// The path a household member's missing fact is noted under (``ExpressionEvaluator/memberPath(_:_:)``),
/// made once per member and field.
@Suite struct MemberPathTests {
    @Test("a missing fact's path names the member by index and the field, whichever member is asked first")
    func memberPaths() throws {
        let evaluator = ExpressionEvaluator(lawDate: CalendarDate(dayNumber: 0), designationIds: [])
        let expected: [ExpressionEvaluator.MemberField: String] = [
            .income: "income", .characteristics: "characteristics", .residence: "residence", .screening: "screening",
            .vog: "screening.vog", .vogDate: "screening.vog.date", .policeRecords: "screening.policeRecords",
        ]
        for index in [12, 0, 3, 12, 63, 1] {
            for field in ExpressionEvaluator.MemberField.allCases.reversed() {
                #expect(evaluator.memberPath(index, field) == "$.household[\(index)].\(expected[field] ?? "?")")
            }
        }
        // A missing income is noted under its member's path in the decision.
        let json = EvaluatorTests.carnisse(residence: #"[{"municipality": "Rotterdam", "from": "2017-01-01"}]"#, income: "null")
        let decision = try EvaluatorTests().decide(json, designations: ["a8-x-rotterdam-carnisse"])
        #expect(decision.missingFacts.contains("$.household[0].income"))
    }
}
