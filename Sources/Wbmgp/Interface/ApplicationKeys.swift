/// The members the application reader asks for, each with its slot among its object's
/// ``ApplicationFields`` found once: a lookup is then an index, not a search.
enum RootKey {
    static let id = ApplicationFields.application.key("id")
    static let kind = ApplicationFields.application.key("kind")
    static let applicationDate = ApplicationFields.application.key("applicationDate")
    static let decisionDate = ApplicationFields.application.key("decisionDate")
    static let dwelling = ApplicationFields.application.key("dwelling")
    static let household = ApplicationFields.application.key("household")
    static let woonverklaring = ApplicationFields.application.key("woonverklaring")
    static let hardship = ApplicationFields.application.key("hardship")
}

enum DwellingKey {
    static let municipality = ApplicationFields.dwelling.key("municipality")
    static let postcode = ApplicationFields.dwelling.key("postcode")
    static let houseNumber = ApplicationFields.dwelling.key("houseNumber")
    static let houseNumberAddition = ApplicationFields.dwelling.key("houseNumberAddition")
    static let street = ApplicationFields.dwelling.key("street")
    static let neighbourhood = ApplicationFields.dwelling.key("neighbourhood")
    static let category = ApplicationFields.dwelling.key("category")
}

enum PersonKey {
    static let id = ApplicationFields.person.key("id")
    static let role = ApplicationFields.person.key("role")
    static let birthDate = ApplicationFields.person.key("birthDate")
    static let residence = ApplicationFields.person.key("residence")
    static let income = ApplicationFields.person.key("income")
    static let screening = ApplicationFields.person.key("screening")
    static let address = ApplicationFields.person.key("address")
    static let characteristics = ApplicationFields.person.key("characteristics")
    static let name = ApplicationFields.person.key("name")
}

enum AddressKey {
    static let houseNumber = ApplicationFields.postalAddress.key("houseNumber")
    static let street = ApplicationFields.postalAddress.key("street")
    static let houseNumberAddition = ApplicationFields.postalAddress.key("houseNumberAddition")
    static let postcode = ApplicationFields.postalAddress.key("postcode")
    static let city = ApplicationFields.postalAddress.key("city")
}

enum PeriodKey {
    static let municipality = ApplicationFields.residencePeriod.key("municipality")
    static let from = ApplicationFields.residencePeriod.key("from")
    static let until = ApplicationFields.residencePeriod.key("until")
}

enum ScreeningKey {
    static let vog = ApplicationFields.screening.key("vog")
    static let policeRecords = ApplicationFields.screening.key("policeRecords")
}

enum VOGKey {
    static let status = ApplicationFields.certificateOfConduct.key("status")
    static let submitted = ApplicationFields.certificateOfConduct.key("submitted")
    static let date = ApplicationFields.certificateOfConduct.key("date")
}

enum RecordKey {
    static let behaviour = ApplicationFields.policeRecord.key("behaviour")
    static let date = ApplicationFields.policeRecord.key("date")
}

enum WoonverklaringKey {
    static let outcome = ApplicationFields.woonverklaring.key("outcome")
    static let hearingOffered = ApplicationFields.woonverklaring.key("hearingOffered")
    static let conditions = ApplicationFields.woonverklaring.key("conditions")
    static let date = ApplicationFields.woonverklaring.key("date")
    static let decidedBy = ApplicationFields.woonverklaring.key("decidedBy")
}

enum HardshipKey {
    static let article = ApplicationFields.hardship.key("article")
    static let granted = ApplicationFields.hardship.key("granted")
    static let date = ApplicationFields.hardship.key("date")
    static let decidedBy = ApplicationFields.hardship.key("decidedBy")
    static let reason = ApplicationFields.hardship.key("reason")
}
