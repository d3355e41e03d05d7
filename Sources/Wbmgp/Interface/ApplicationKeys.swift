/// The members the application reader asks for, each with its slot among its object's
/// ``ApplicationFields`` found once (a lookup is then an index, not a search), the names of each
/// object, and the closed lists of codes an application's own vocabulary makes (``Codes``).
///
/// Made once and referred to by every reader (``ApplicationReader/keys``): kept as global
/// constants, every read of one went through the runtime's check that it had been made
/// (`swift_once`), and a set of names was retained and released at each use, about eighty
/// times a decision. One object, so a copy of a reader counts one reference for all of them.
final class ApplicationKeys: Sendable {
    static let shared = ApplicationKeys()

    struct Root: Sendable {
        let fields = ApplicationFields.application
        let id = ApplicationFields.application.key("id")
        let kind = ApplicationFields.application.key("kind")
        let applicationDate = ApplicationFields.application.key("applicationDate")
        let decisionDate = ApplicationFields.application.key("decisionDate")
        let dwelling = ApplicationFields.application.key("dwelling")
        let household = ApplicationFields.application.key("household")
        let woonverklaring = ApplicationFields.application.key("woonverklaring")
        let hardship = ApplicationFields.application.key("hardship")
    }

    struct Dwelling: Sendable {
        let fields = ApplicationFields.dwelling
        let municipality = ApplicationFields.dwelling.key("municipality")
        let postcode = ApplicationFields.dwelling.key("postcode")
        let houseNumber = ApplicationFields.dwelling.key("houseNumber")
        let houseNumberAddition = ApplicationFields.dwelling.key("houseNumberAddition")
        let street = ApplicationFields.dwelling.key("street")
        let neighbourhood = ApplicationFields.dwelling.key("neighbourhood")
        let category = ApplicationFields.dwelling.key("category")
    }

    struct Person: Sendable {
        let fields = ApplicationFields.person
        let id = ApplicationFields.person.key("id")
        let role = ApplicationFields.person.key("role")
        let birthDate = ApplicationFields.person.key("birthDate")
        let residence = ApplicationFields.person.key("residence")
        let income = ApplicationFields.person.key("income")
        let screening = ApplicationFields.person.key("screening")
        let address = ApplicationFields.person.key("address")
        let characteristics = ApplicationFields.person.key("characteristics")
        let name = ApplicationFields.person.key("name")
    }

    struct Address: Sendable {
        let fields = ApplicationFields.postalAddress
        let houseNumber = ApplicationFields.postalAddress.key("houseNumber")
        let street = ApplicationFields.postalAddress.key("street")
        let houseNumberAddition = ApplicationFields.postalAddress.key("houseNumberAddition")
        let postcode = ApplicationFields.postalAddress.key("postcode")
        let city = ApplicationFields.postalAddress.key("city")
    }

    struct Period: Sendable {
        let fields = ApplicationFields.residencePeriod
        let municipality = ApplicationFields.residencePeriod.key("municipality")
        let from = ApplicationFields.residencePeriod.key("from")
        let until = ApplicationFields.residencePeriod.key("until")
    }

    struct Screening: Sendable {
        let fields = ApplicationFields.screening
        let vog = ApplicationFields.screening.key("vog")
        let policeRecords = ApplicationFields.screening.key("policeRecords")
    }

    struct VOG: Sendable {
        let fields = ApplicationFields.certificateOfConduct
        let status = ApplicationFields.certificateOfConduct.key("status")
        let submitted = ApplicationFields.certificateOfConduct.key("submitted")
        let date = ApplicationFields.certificateOfConduct.key("date")
    }

    struct Record: Sendable {
        let fields = ApplicationFields.policeRecord
        let behaviour = ApplicationFields.policeRecord.key("behaviour")
        let date = ApplicationFields.policeRecord.key("date")
    }

    struct Woonverklaring: Sendable {
        let fields = ApplicationFields.woonverklaring
        let outcome = ApplicationFields.woonverklaring.key("outcome")
        let hearingOffered = ApplicationFields.woonverklaring.key("hearingOffered")
        let conditions = ApplicationFields.woonverklaring.key("conditions")
        let date = ApplicationFields.woonverklaring.key("date")
        let decidedBy = ApplicationFields.woonverklaring.key("decidedBy")
    }

    struct Hardship: Sendable {
        let fields = ApplicationFields.hardship
        let article = ApplicationFields.hardship.key("article")
        let granted = ApplicationFields.hardship.key("granted")
        let date = ApplicationFields.hardship.key("date")
        let decidedBy = ApplicationFields.hardship.key("decidedBy")
        let reason = ApplicationFields.hardship.key("reason")
    }

    /// The closed lists of codes an application's own vocabulary makes (roles, kinds, VOG
    /// statuses, woonverklaring outcomes), and the values their positions stand for: a code read
    /// is found in them from its bytes.
    struct Codes: Sendable {
        let roles = Wbmgp.Person.Role.allCases
        let roleNames = FieldNames.codes(Wbmgp.Person.Role.allCases.map(\.rawValue))
        let kinds = Application.Kind.allCases
        let kindNames = FieldNames.codes(Application.Kind.allCases.map(\.rawValue))
        let vogStatuses = CertificateOfConduct.Status.allCases
        let vogStatusNames = FieldNames.codes(CertificateOfConduct.Status.allCases.map(\.rawValue))
        let outcomes = Wbmgp.Woonverklaring.Outcome.allCases
        let outcomeNames = FieldNames.codes(Wbmgp.Woonverklaring.Outcome.allCases.map(\.rawValue))
    }

    let root = Root()
    let dwelling = Dwelling()
    let person = Person()
    let address = Address()
    let period = Period()
    let screening = Screening()
    let vog = VOG()
    let record = Record()
    let woonverklaring = Woonverklaring()
    let hardship = Hardship()
    let codes = Codes()
}
