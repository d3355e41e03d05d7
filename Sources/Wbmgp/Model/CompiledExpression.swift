/// An expression after name resolution and type checking: slots and enum cases, no names.
///
/// Parameters and sets are folded into constants per law snapshot, and `define`s are inlined,
/// so evaluation does no lookups by string except measure fields.
public indirect enum CompiledExpression: Hashable, Sendable {
    case constant(Value)
    case local(Int)
    case context(ContextFact)
    case person(CompiledExpression, PersonFact)
    case record(CompiledExpression, RecordFact)
    case woonverklaring(WoonverklaringFact)
    case dwelling(DwellingFact)
    case designation(DesignationFact)
    /// A by-law field of the designation's measure, by its index in ``CompiledLaw/measureFieldOrder``.
    case measureField(Int)
    case request(RequestFact)
    case designationRecord(CompiledExpression, DesignationRecordFact)
    case not(CompiledExpression)
    case and(CompiledExpression, CompiledExpression)
    case or(CompiledExpression, CompiledExpression)
    case compare(Comparison, CompiledExpression, CompiledExpression)
    case member(CompiledExpression, CompiledExpression)
    case intersects(CompiledExpression, CompiledExpression)
    case isAbsent(CompiledExpression, negated: Bool)
    case add(CompiledExpression, CompiledExpression)
    case subtract(CompiledExpression, CompiledExpression)
    case conditional(CompiledExpression, CompiledExpression, CompiledExpression)
    case filter(slot: Int, CompiledExpression, CompiledExpression)
    case quantifier(all: Bool, slot: Int, CompiledExpression, CompiledExpression)
    case list([CompiledExpression])
    case call(Builtin, [CompiledExpression])
    /// A rule's fact: computed once per rule and person, then read from the cache (with the
    /// absent facts it noted, so `missingFacts` is the same as without the cache).
    case cached(slot: Int, CompiledExpression)
}

public enum Comparison: String, Hashable, Sendable {
    case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
}

/// Facts of the application as a whole, and of the decision being made.
public enum ContextFact: String, Hashable, Sendable, CaseIterable {
    case applicationDate, lawDate, kind, household, applicant, designations
    /// The hardship articles of granted decisions dated before the application, or after the
    /// decision date: they lift nothing (``HumanDecisionTiming``), and the rules say so.
    case hardshipBeforeApplication, hardshipAfterDecision
    /// The designations in force whose areas might cover the dwelling but cannot be shown to
    /// without a fact of its address the application does not give, and the JSON paths of those
    /// facts (``AreaMatcher/undecidedFacts(_:_:)``); both empty when the lookup decided.
    case undeterminedDesignations, undeterminedDwellingFacts
    /// Whether ``undeterminedDesignations`` holds any: a flag, read at every lookup reason
    /// without making a list (counting the list was about 400 instructions a decision).
    case lookupLeftOpen
    /// Request checks: the requested designation, the chain before it, the measures in force,
    /// and the day of the check (`check-request --on`; unknown without it).
    case requested, previous, measuresInForce, checkedOn
}

/// Facts of a designation request (interface §7).
public enum RequestFact: String, Hashable, Sendable {
    case id, kind, receivedDate, dispatchDate, ministerDecisionDate, ministerDecisionDispatchDate, regionalAlternatives, instrumentChoice, provincialAdvice
    case substantiation, necessity, suitability, subsidiarity, proportionality
    case localEvaluation, localEvaluationDate, localEvaluationSummary
    /// The monitoring report in the local evaluation (`wbmgp report`'s JSON) and the period it counts.
    case localEvaluationReport, localEvaluationReportFrom, localEvaluationReportUntil
}

/// Facts of a designation value; a measure by name, and a measure's field by slot.
public enum DesignationRecordFact: Hashable, Sendable {
    case id, municipality, from, until, extends, measures, region
    /// The designation listed just before this one in the chain (`previous` oldest first, the
    /// requested last); unknown for the first.
    case listedBefore
    /// The areas as lists of text: names, postcode patterns, street ranges, single addresses.
    case neighbourhoods, postcodes, streets, addresses
    case measure(String)
    case measureField(String, Int)
}

/// Facts of a household member; `screening`, `vog` are the objects, for `is absent`.
public enum PersonFact: String, Hashable, Sendable {
    case id, role, birthDate, income, characteristics, residence, screening, vog, vogSubmitted, vogStatus, vogDate, policeRecords
}

public enum RecordFact: String, Hashable, Sendable { case behaviour, date }

public enum WoonverklaringFact: String, Hashable, Sendable {
    case presence, outcome, date, hearingOffered, conditions, decidedBy
    /// `in-time`, `before-application` or `after-decision` (``HumanDecisionTiming``).
    case timing
}

public enum DwellingFact: String, Hashable, Sendable {
    case municipality, postcode, houseNumber, street, neighbourhood, category
}

public enum DesignationFact: String, Hashable, Sendable { case id, region, regionName, from, until }

/// Generic functions the rules may call; none of them knows an article.
public enum Builtin: String, Hashable, Sendable, CaseIterable {
    /// `age(person, date)`: whole years of age on the date (interface §9).
    case age
    /// `residence(person, municipalities, date)`: the uninterrupted run of registered days within
    /// the municipalities that ends the day before `date` (interface §9).
    case residence
    /// `since(span)`: the first day of a span.
    case since
    /// `count(list)`.
    case count
    /// `intersection(a, b)`: the elements of `a` also in `b`, in `a`'s order.
    case intersection
    /// `length(text)`: the number of characters.
    case length
    /// `trim(text)`: without leading and trailing white space.
    case trim
    /// `first(list)`, `last(list)`: an element, unknown for an empty list.
    case first, last
    /// `termEnd(date)`: where a term that would end on the date ends: the date, or the first
    /// later day on which no declared holiday falls (``HolidayCalendar``).
    case termEnd
    /// `daysPassedOver(date)`: the codes of the holidays between the date and its `termEnd`.
    case daysPassedOver
    /// `yearsWithoutEquatedDays(date)`: the years from the date to its `termEnd` whose days
    /// equated by decree the rules do not declare.
    case yearsWithoutEquatedDays
    /// `areaOutside(a, b)`: the parts of designation `a`'s areas that no part of `b`'s holds;
    /// `areaShared(a, b)`: those that share a dwelling with `b`'s (``AreaComparison``).
    case areaOutside, areaShared
}
