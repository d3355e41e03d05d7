import Testing

@testable import Wbmgp

/// The name tables the application reader finds members and codes in (``FieldNames``).
@Suite("Field names: found by one probe, confirmed by their bytes")
struct FieldNamesTests {
    static let applicationSets: [(String, FieldNames)] = [
        ("application", ApplicationFields.application), ("dwelling", ApplicationFields.dwelling), ("person", ApplicationFields.person),
        ("postalAddress", ApplicationFields.postalAddress), ("residencePeriod", ApplicationFields.residencePeriod),
        ("screening", ApplicationFields.screening), ("certificateOfConduct", ApplicationFields.certificateOfConduct),
        ("policeRecord", ApplicationFields.policeRecord), ("woonverklaring", ApplicationFields.woonverklaring), ("hardship", ApplicationFields.hardship),
    ]

    static func position(_ name: String, in set: FieldNames) -> Int? {
        var name = name
        return name.withUTF8 { set.position(of: $0) }
    }

    @Test("every object of an application has a hash under which no two member names share a place")
    func everySetIsHashed() {
        for (object, set) in Self.applicationSets {
            #expect(set.isHashed, "\(object): its names \(set.names) are searched one by one")
        }
    }

    @Test("each name is found at its own position; a near miss is not found")
    func namesAndNearMisses() {
        for (object, set) in Self.applicationSets {
            for (k, name) in set.names.enumerated() {
                #expect(Self.position(name, in: set) == k, "\(object).\(name)")
                // Same length, first and last byte, one byte changed in between (when there is one).
                if name.utf8.count > 2 {
                    var bytes = Array(name.utf8)
                    bytes[bytes.count / 2] ^= 0x20
                    let nearMiss = String(decoding: bytes, as: UTF8.self)
                    #expect(Self.position(nearMiss, in: set) == nil, "\(object): \(nearMiss)")
                }
                #expect(Self.position(name + "s", in: set) == (set.names.firstIndex(of: name + "s")), "\(object): \(name)s")
                #expect(Self.position(String(name.dropLast()), in: set) == set.names.firstIndex(of: String(name.dropLast())), "\(object): \(name.dropLast())")
            }
            #expect(Self.position("", in: set) == nil)
        }
    }

    @Test("names no hash can separate (one length, the same first and last bytes) are searched one by one and still found")
    func inseparableNames() {
        let set = FieldNames(["abc", "axc", "ayc", "long-name-of-twenty!", "long-name-of-twentY!"])
        #expect(!set.isHashed)
        for (k, name) in set.names.enumerated() { #expect(Self.position(name, in: set) == k) }
        #expect(Self.position("azc", in: set) == nil)
        #expect(Self.position("long-name-of-twentZ!", in: set) == nil)
    }

    @Test("a closed list of codes longer than the table is searched code by code, without a trap")
    func longCodeList() {
        let codes = (0..<300).map { "code-\($0)" }
        let set = FieldNames.codes(codes)
        #expect(set.names.count == 300)
        #expect(!set.isHashed)
        for (k, code) in codes.enumerated() { #expect(Self.position(code, in: set) == k) }
        #expect(Self.position("code-300", in: set) == nil)
    }

    @Test("the rules' vocabularies are hashed: a code is one probe")
    func vocabulariesAreHashed() {
        let law = TestSupport.law
        for vocabulary in ["income", "behaviour", "hardship"] {
            let set = FieldNames.codes(law.vocabularies[vocabulary] ?? [])
            #expect(!set.names.isEmpty, "\(vocabulary)")
            #expect(set.isHashed, "\(vocabulary): \(set.names)")
        }
    }
}
