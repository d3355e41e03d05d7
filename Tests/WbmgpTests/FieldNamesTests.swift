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

/// A member found by a key: by the slot found once when the key belongs to the reader's set of
/// names (compared by identity), by its name otherwise.
@Suite("Field keys: a slot found once, or the name looked up")
struct FieldKeyTests {
    static let own = FieldNames(["id", "role", "birthDate"])
    /// Another set holding the same names in another order: a key of `own` must be looked up by name there.
    static let other = FieldNames(["birthDate", "id", "note", "role"])

    static func members(of text: String, in names: FieldNames, _ body: (FieldReader<JSONTapeNode>) -> Void) throws {
        let storage = JSONTape.Storage(capacity: 64)
        try Array(text.utf8).withUnsafeBufferPointer { (bytes) throws(InputError) in
            let root = try InputDocument.root(lent: bytes, in: storage)
            body(try FieldReader(root, at: JSONPath(), allowing: names))
        }
    }

    @Test("a key of the reader's own set and a key of another set both find their member")
    func ownAndOtherKeys() throws {
        let document = #"{"role":"partner","birthDate":"1990-01-02","id":"p2"}"#
        let ownKeys = (id: Self.own.key("id"), role: Self.own.key("role"), birthDate: Self.own.key("birthDate"))
        try Self.members(of: document, in: Self.own) { reader in
            #expect(reader.value(ownKeys.id)?.stringValue == "p2")
            #expect(reader.value(ownKeys.role)?.stringValue == "partner")
            #expect(reader.value(ownKeys.birthDate)?.stringValue == "1990-01-02")
            #expect(reader.value("role")?.stringValue == "partner")
        }
        let otherKeys = (id: Self.other.key("id"), role: Self.other.key("role"), note: Self.other.key("note"))
        try Self.members(of: document, in: Self.own) { reader in
            // Keys of another set: their slots there (1, 3) would name the wrong members here.
            #expect(reader.value(otherKeys.id)?.stringValue == "p2")
            #expect(reader.value(otherKeys.role)?.stringValue == "partner")
            #expect(reader.value(otherKeys.note) == nil)
        }
        try Self.members(of: #"{"birthDate":"1990-01-02","note":"n","id":"p3"}"#, in: Self.other) { reader in
            #expect(reader.value(ownKeys.id)?.stringValue == "p3")
            #expect(reader.value(ownKeys.birthDate)?.stringValue == "1990-01-02")
            #expect(reader.value(ownKeys.role) == nil)
            #expect(reader.value(otherKeys.note)?.stringValue == "n")
        }
    }

    @Test("a key made for a name its set does not hold finds nothing")
    func keyOutsideItsSet() throws {
        let stray = Self.own.key("note")
        #expect(stray.slot == -1)
        try Self.members(of: #"{"id":"p1"}"#, in: Self.own) { reader in
            #expect(reader.value(stray) == nil)
            #expect(reader.value(Self.own.key("id"))?.stringValue == "p1")
        }
    }
}
