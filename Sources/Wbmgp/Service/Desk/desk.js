// The desk page of `wbmgp serve` (interface §3 and §10): the form of an application, the
// designation lookup beside the dwelling, the decision in the clerk's words, the besluit and the
// record. Plain JavaScript, no build step, nothing from the network but the service itself.
//
// Words: every string a person reads is in STRINGS below (Dutch first, English beside it) or
// comes from the service (`/v1/vocabulary` labels, the decision texts and letters in both
// languages). Server text is only ever set with textContent.
//
// Paths: every field carries `data-path`, its JSON path exactly as the service writes paths in
// errors (`$.household[0].residence[1].from`), so an error lands at the field it names.
//
// Access: with `serve --token-file` every /v1/* call needs `Authorization: Bearer TOKEN`. A 401
// shows the sign-in; the token is kept for this tab only (sessionStorage), never in
// localStorage or the URL, and every call to the service sends it.
"use strict";

(() => {
  // MARK: - Words

  const STRINGS = {
    nl: {
      title: "Aanvraag huisvestingsvergunning",
      organisation: "Gemeente · Team Vergunningen Wonen",
      subtitle: "Toetsing aan hoofdstuk 3 van de Wet bijzondere maatregelen grootstedelijke problematiek (Wbmgp)",
      language: "Taal",
      skipToForm: "Naar het formulier",
      intro: "Vul de gegevens uit de aanvraag in. Laat een veld leeg als het gegeven niet bekend is: een leeg veld betekent „onbekend”, niet „nee”.",
      requiredNote: "verplicht veld",
      vocabularyFailed: "De keuzelijsten konden niet worden geladen. Laad de pagina opnieuw; lukt het dan nog niet, meld het dan bij functioneel beheer.",
      signinTitle: "Aanmelden bij de beoordelingsdienst",
      signinIntro: "Voor deze dienst is een toegangssleutel nodig. Vul uw sleutel in om verder te gaan.",
      token: "Toegangssleutel",
      tokenHint: "De sleutel die de beheerder van deze dienst u heeft gegeven.",
      signIn: "Aanmelden",
      signOut: "Afmelden",
      tokenRefused: "Deze toegangssleutel wordt niet aanvaard.",
      signInToSubmit: "De aanvraag is niet beoordeeld: meld u eerst aan met uw toegangssleutel. Daarna kunt u opnieuw „Beoordelen” kiezen.",
      submitAgain: "U bent aangemeld. Kies opnieuw „Beoordelen” om de aanvraag te laten beoordelen.",
      sectionApplication: "Aanvraag",
      applicationId: "Zaaknummer",
      kind: "Soort aanvraag",
      applicationDate: "Datum aanvraag",
      decisionDate: "Datum besluit",
      decisionDateHint: "Leeg laten als die nog niet vaststaat; er wordt dan getoetst aan het recht dat gold op de datum van de aanvraag.",
      sectionDwelling: "Woning",
      municipality: "Gemeente",
      category: "Soort woning",
      street: "Straat",
      houseNumber: "Huisnummer",
      houseNumberAddition: "Toevoeging",
      postcode: "Postcode",
      neighbourhood: "Wijk of buurt",
      city: "Woonplaats",
      choose: "Kies…",
      designationIdle: "Vul de gemeente, de soort woning en de datum van de aanvraag in; hier verschijnt dan onder welke aanwijzing de woning valt.",
      designationInvalid: "Het adres van de woning is nog niet juist ingevuld: {problem}",
      designationOn: "Op {date} valt de woning onder:",
      designationNone: "Op deze datum valt de woning niet onder een aanwijzing.",
      designationOpen: "Of de woning op {date} valt onder de volgende aanwijzing, is niet vast te stellen zonder {facts}:",
      designationOpenMany: "Of de woning op {date} valt onder een of meer van de volgende aanwijzingen, is niet vast te stellen zonder {facts}:",
      designationAlsoOpen: "Of de woning daarnaast valt onder de volgende aanwijzing, is niet vast te stellen zonder {facts}:",
      designationAlsoOpenMany: "Of de woning daarnaast valt onder een of meer van de volgende aanwijzingen, is niet vast te stellen zonder {facts}:",
      and: "en",
      sectionHousehold: "Huishouden",
      person: "Persoon {n}",
      addMember: "Persoon toevoegen",
      removeMember: "Verwijder persoon",
      removeMemberWhich: " {n}",
      role: "Rol",
      name: "Naam",
      nameHint: "Zoals de naam in de brief en de overwegingen moet staan, bijvoorbeeld „mevrouw S. Jansen”.",
      birthDate: "Geboortedatum",
      address: "Adres voor de brief",
      addressHint: "De brief gaat naar de aanvrager (bij toetreding: naar de toetreder). Vul het hele adres in of laat het leeg.",
      residence: "Inschrijving in de basisregistratie personen",
      residenceHint: "Vul elke periode van inschrijving in, met de gemeente. Laat „Tot en met” leeg als de persoon daar nog staat ingeschreven.",
      period: "Periode {j} van persoon {n}",
      residenceMunicipality: "Gemeente",
      from: "Vanaf",
      until: "Tot en met",
      addPeriod: "Periode toevoegen",
      addPeriodWhich: " voor persoon {n}",
      removePeriod: "Verwijder periode",
      removePeriodWhich: " {j} van persoon {n}",
      income: "Bronnen van inkomen",
      incomeHint: "Niets aangevinkt betekent: onbekend. Heeft de persoon geen inkomen, vink dan „Geen inkomen” aan.",
      characteristics: "Sociaal-economische kenmerken (artikel 9)",
      characteristicsHint: "Niets aangevinkt betekent: onbekend.",
      noCharacteristics: "Geen van deze kenmerken",
      vog: "Verklaring omtrent het gedrag (VOG)",
      vogStatus: "Status van de VOG",
      vogDate: "Datum VOG",
      vogDateHint: "De datum van afgifte; is de VOG nog niet afgegeven, dan de datum waarop die is aangevraagd.",
      unknown: "Onbekend",
      yes: "Ja",
      no: "Nee",
      sectionWoonverklaring: "Woonverklaring van de burgemeester",
      woonverklaringHint: "Alleen invullen als de burgemeester een woonverklaring heeft afgegeven. Politiegegevens worden aan de balie niet ingevoerd; alleen de burgemeester mag die gebruiken.",
      wvOutcome: "Uitkomst",
      wvNone: "Geen woonverklaring afgegeven",
      wvDate: "Datum woonverklaring",
      wvHearing: "In de gelegenheid gesteld te worden gehoord",
      wvDecidedBy: "Afgegeven door",
      wvConditions: "Voorschriften bij de woonverklaring",
      condition: "Voorschrift {k}",
      addCondition: "Voorschrift toevoegen",
      removeCondition: "Verwijder voorschrift",
      removeConditionWhich: " {k}",
      sectionHardship: "Hardheidsclausule",
      hardshipHint: "Alleen invullen als het college op grond van een hardheidsclausule heeft besloten.",
      hardshipDecision: "Besluit hardheidsclausule {k}",
      hardshipArticle: "Hardheidsclausule",
      hardshipDate: "Datum besluit",
      hardshipGranted: "Toegepast: de weigeringsgrond vervalt",
      hardshipDecidedBy: "Genomen door",
      hardshipReason: "Motivering",
      addHardship: "Besluit hardheidsclausule toevoegen",
      removeHardship: "Verwijder besluit",
      removeHardshipWhich: " hardheidsclausule {k}",
      submit: "Beoordelen",
      newApplication: "Nieuwe aanvraag",
      resultTitle: "Beoordeling",
      resultIdle: "Vul de aanvraag in en kies „Beoordelen”. De uitkomst verschijnt hier.",
      busy: "Bezig met beoordelen…",
      reasonsTitle: "Overwegingen",
      printLetter: "Besluit afdrukken",
      showLetter: "Besluit tonen",
      hideLetter: "Besluit verbergen",
      downloadRecord: "Dossierbestand downloaden",
      letterFrameTitle: "Besluit",
      errorsTitle: "De aanvraag is niet beoordeeld. Controleer het volgende:",
      checkField: "Controleer dit veld:",
      policeData: "Politiegegevens mogen aan de balie niet worden gebruikt (artikel 10b, zevende lid, van de Wbmgp).",
      networkError: "De beoordelingsdienst is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.",
      unexpected: "De beoordelingsdienst gaf een onverwacht antwoord. Probeer het opnieuw; lukt het dan nog niet, meld het dan bij functioneel beheer en noem foutcode {status}.",
      printFailed: "Afdrukken is in dit venster niet gelukt. Kies „Besluit tonen” en druk het besluit af vanuit de weergave.",
      footer: "Deze toets ondersteunt de beslissing op de aanvraag; het besluit wordt genomen door het college van burgemeester en wethouders.",
      errBirthDate: "de geboortedatum ({birth}) ligt na de datum van de aanvraag ({application}).",
      errDecisionDate: "de datum van het besluit ({decision}) ligt vóór de datum van de aanvraag ({application}).",
      errUntil: "de einddatum ({until}) ligt vóór de begindatum ({from}).",
      errOverlap: "deze periode overlapt met periode {other}; periodes van inschrijving mogen elkaar niet overlappen.",
      errApplicants: "precies één persoon moet de rol „{role}” hebben; nu zijn dat er {count}.",
      errJoiningRole: "de rol „{role}” kan alleen bij de soort aanvraag „{kind}”.",
      errNoJoiner: "bij de soort aanvraag „{kind}” hoort ten minste één persoon met de rol „{role}”.",
      errNoConditions: "vul ten minste één voorschrift in, of kies een andere uitkomst dan „{outcome}”.",
      errPostcode: "vul de postcode in als vier cijfers en twee letters, zoals 3074 AB, of alleen de vier cijfers.",
      errHouseNumber: "vul een huisnummer van 1 of hoger in.",
      errConditions: "alleen bij „{outcome}” horen voorschriften. Verwijder de voorschriften of kies die uitkomst.",
      errHearing: "kies „Ja” of „Nee”. Bij een negatieve woonverklaring en bij een woonverklaring met voorschriften moet vaststaan of de betrokkene in de gelegenheid is gesteld te worden gehoord.",
      errVogStatus: "kies de status van de VOG; een datum alleen is niet genoeg.",
      errAddress: "vul het hele adres in (straat, huisnummer, postcode en woonplaats) of laat het adres leeg.",
      errRequired: "dit gegeven is verplicht.",
      errDate: "dit is geen geldige datum.",
      errLawDate: "op {date} was hoofdstuk 3 van de Wbmgp nog niet in werking; deze toets kan aanvragen beoordelen vanaf {start}.",
      errConflict: "op deze datum vallen voor deze woning twee aanwijzingen met dezelfde maatregel samen. Dat moet in de aanwijzingen worden rechtgezet; meld het bij functioneel beheer.",
      errLimit: "dit is te lang of te veel om te beoordelen; maak het korter.",
      errLog: "de beslissing kon niet in het beslissingenlogboek worden vastgelegd en is daarom niet gegeven. Probeer het later opnieuw; blijft dit gebeuren, meld het dan bij functioneel beheer.",
      errBusy: "de dienst is op dit moment te druk. Probeer het over enkele ogenblikken opnieuw.",
      errHttp: "de aanvraag kwam niet goed of niet op tijd bij de dienst aan. Probeer het opnieuw; blijft dit gebeuren, meld het dan bij functioneel beheer.",
      markPassed: "in orde",
      markRefused: "weigeringsgrond",
      markLifted: "buiten toepassing",
      markDefect: "gebrek in de procedure",
      markUndecided: "onbeslist",
      months: ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
    },
    en: {
      title: "Application for a housing permit",
      organisation: "Municipality · Housing Permits Team",
      subtitle: "Check against chapter 3 of the Special Measures for Urban Problems Act (Wbmgp)",
      language: "Language",
      skipToForm: "Skip to the form",
      intro: "Enter the details from the application. Leave a field blank if the fact is not known: a blank field means ‘unknown’, not ‘no’.",
      requiredNote: "required field",
      vocabularyFailed: "The option lists could not be loaded. Reload the page; if that does not help, contact application support.",
      signinTitle: "Sign in to the assessment service",
      signinIntro: "This service needs an access token. Enter your token to continue.",
      token: "Access token",
      tokenHint: "The token that the administrator of this service gave you.",
      signIn: "Sign in",
      signOut: "Sign out",
      tokenRefused: "This access token is not accepted.",
      signInToSubmit: "The application has not been assessed: sign in with your access token first. Then choose ‘Assess’ again.",
      submitAgain: "You are signed in. Choose ‘Assess’ again to have the application assessed.",
      sectionApplication: "Application",
      applicationId: "Case number",
      kind: "Type of application",
      applicationDate: "Date of application",
      decisionDate: "Date of decision",
      decisionDateHint: "Leave blank if it is not yet known; the application is then assessed under the law in force on the date of application.",
      sectionDwelling: "Dwelling",
      municipality: "Municipality",
      category: "Type of dwelling",
      street: "Street",
      houseNumber: "House number",
      houseNumberAddition: "Suffix",
      postcode: "Postcode",
      neighbourhood: "Neighbourhood",
      city: "Town",
      choose: "Choose…",
      designationIdle: "Enter the municipality, the type of dwelling and the date of application; the designation that covers the dwelling will then appear here.",
      designationInvalid: "The address of the dwelling is not yet filled in correctly: {problem}",
      designationOn: "On {date} the dwelling is covered by:",
      designationNone: "On this date the dwelling is not covered by any designation.",
      designationOpen: "Whether on {date} the dwelling is covered by the following designation cannot be established without {facts}:",
      designationOpenMany: "Whether on {date} the dwelling is covered by one or more of the following designations cannot be established without {facts}:",
      designationAlsoOpen: "Whether the dwelling is also covered by the following designation cannot be established without {facts}:",
      designationAlsoOpenMany: "Whether the dwelling is also covered by one or more of the following designations cannot be established without {facts}:",
      and: "and",
      sectionHousehold: "Household",
      person: "Person {n}",
      addMember: "Add person",
      removeMember: "Remove person",
      removeMemberWhich: " {n}",
      role: "Role",
      name: "Name",
      nameHint: "As the name should appear in the letter and the considerations, for example ‘mevrouw S. Jansen’.",
      birthDate: "Date of birth",
      address: "Address for the letter",
      addressHint: "The letter goes to the applicant (for joining, to the joiner). Fill in the whole address or leave it blank.",
      residence: "Registration in the Personal Records Database (BRP)",
      residenceHint: "Enter each period of registration with its municipality. Leave ‘To (inclusive)’ blank if the person is still registered there.",
      period: "Period {j} of person {n}",
      residenceMunicipality: "Municipality",
      from: "From",
      until: "To (inclusive)",
      addPeriod: "Add period",
      addPeriodWhich: " for person {n}",
      removePeriod: "Remove period",
      removePeriodWhich: " {j} of person {n}",
      income: "Sources of income",
      incomeHint: "Nothing ticked means ‘unknown’. If the person has no income, tick ‘No income’.",
      characteristics: "Socio-economic characteristics (article 9)",
      characteristicsHint: "Nothing ticked means ‘unknown’.",
      noCharacteristics: "None of these characteristics",
      vog: "Certificate of conduct (VOG)",
      vogStatus: "Status of the VOG",
      vogDate: "Date of the VOG",
      vogDateHint: "The date of issue; if the VOG has not been issued yet, the date it was applied for.",
      unknown: "Unknown",
      yes: "Yes",
      no: "No",
      sectionWoonverklaring: "The mayor's residence statement (woonverklaring)",
      woonverklaringHint: "Fill in only if the mayor has issued a woonverklaring. Police data are never entered at the desk; only the mayor may use them.",
      wvOutcome: "Outcome",
      wvNone: "No woonverklaring issued",
      wvDate: "Date of the woonverklaring",
      wvHearing: "Offered a hearing",
      wvDecidedBy: "Issued by",
      wvConditions: "Conditions attached to the woonverklaring",
      condition: "Condition {k}",
      addCondition: "Add condition",
      removeCondition: "Remove condition",
      removeConditionWhich: " {k}",
      sectionHardship: "Hardship clause",
      hardshipHint: "Fill in only if the board of mayor and aldermen has decided under a hardship clause.",
      hardshipDecision: "Hardship decision {k}",
      hardshipArticle: "Hardship clause",
      hardshipDate: "Date of decision",
      hardshipGranted: "Applied: the ground for refusal is set aside",
      hardshipDecidedBy: "Decided by",
      hardshipReason: "Reasons",
      addHardship: "Add hardship decision",
      removeHardship: "Remove hardship decision",
      removeHardshipWhich: " {k}",
      submit: "Assess",
      newApplication: "New application",
      resultTitle: "Assessment",
      resultIdle: "Fill in the application and choose ‘Assess’. The outcome will appear here.",
      busy: "Assessing…",
      reasonsTitle: "Considerations",
      printLetter: "Print decision letter",
      showLetter: "Show decision letter",
      hideLetter: "Hide decision letter",
      downloadRecord: "Download decision record",
      letterFrameTitle: "Decision letter",
      errorsTitle: "The application has not been assessed. Check the following:",
      checkField: "Check this field:",
      policeData: "Police data may not be used at the desk (article 10b(7) of the Wbmgp).",
      networkError: "The assessment service cannot be reached. Check the connection and try again.",
      unexpected: "The assessment service gave an unexpected answer. Try again; if that does not help, contact application support and quote error code {status}.",
      printFailed: "Printing did not work in this window. Choose ‘Show decision letter’ and print from there.",
      footer: "This check supports the decision on the application; the decision is taken by the board of mayor and aldermen.",
      errBirthDate: "the date of birth ({birth}) is after the date of application ({application}).",
      errDecisionDate: "the date of decision ({decision}) is before the date of application ({application}).",
      errUntil: "the end date ({until}) is before the start date ({from}).",
      errOverlap: "this period overlaps period {other}; periods of registration may not overlap.",
      errApplicants: "exactly one person must have the role ‘{role}’; there are now {count}.",
      errJoiningRole: "the role ‘{role}’ is only possible with the type of application ‘{kind}’.",
      errNoJoiner: "the type of application ‘{kind}’ needs at least one person with the role ‘{role}’.",
      errNoConditions: "enter at least one condition, or choose an outcome other than ‘{outcome}’.",
      errPostcode: "enter the postcode as four digits and two letters, such as 3074 AB, or the four digits alone.",
      errHouseNumber: "enter a house number of 1 or more.",
      errConditions: "only ‘{outcome}’ carries conditions. Remove the conditions or choose that outcome.",
      errHearing: "choose ‘Yes’ or ‘No’. For a negative woonverklaring and for one with conditions, it must be known whether the person concerned was offered a hearing.",
      errVogStatus: "choose the status of the VOG; a date alone is not enough.",
      errAddress: "fill in the whole address (street, house number, postcode and town) or leave the address blank.",
      errRequired: "this is required.",
      errDate: "this is not a valid date.",
      errLawDate: "chapter 3 of the Wbmgp was not yet in force on {date}; this check can assess applications from {start}.",
      errConflict: "two designations with the same measure cover this dwelling on this date. This must be put right in the designations; please contact application support.",
      errLimit: "this is too long or too much to assess; please shorten it.",
      errLog: "the decision could not be recorded in the decision log and has therefore not been given. Please try again later; if this keeps happening, contact application support.",
      errBusy: "the service is too busy at the moment. Please try again in a few moments.",
      errHttp: "the application did not reach the service properly or in time. Please try again; if this keeps happening, contact application support.",
      markPassed: "in order",
      markRefused: "ground for refusal",
      markLifted: "set aside",
      markDefect: "procedural defect",
      markUndecided: "undecided",
      months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    },
  };

  /// The marks of the text (TextRenderer): what each says, for those who do not see it.
  const MARKS = { "✓": "markPassed", "✗": "markRefused", "↷": "markLifted", "!": "markDefect", "?": "markUndecided" };
  const MARK_CLASS = { "✓": "passed", "✗": "refused", "↷": "lifted", "!": "defect", "?": "undecided" };

  const state = {
    lang: "nl",
    vocabulary: null,
    answer: null, // the last 200 answer of format=desk
    errors: [], // [{message, code, element?, label?}]
    pathMap: [], // [[jsonPrefix, domPrefix]] where an empty group was left out of the JSON
    lookup: null, // {date, designations} or null
    lookupSeq: 0,
    lookupTimer: 0,
    letterUrl: null,
    printUrl: null,
    resubmit: false, // a decision was asked for without an accepted token: the clerk may ask again
  };

  let uid = 0;
  const nextId = (prefix) => `${prefix}-${++uid}`;
  const $ = (selector, root = document) => root.querySelector(selector);
  const $$ = (selector, root = document) => Array.from(root.querySelectorAll(selector));

  function t(key, args) {
    const table = STRINGS[state.lang] || STRINGS.nl;
    let text = key in table ? table[key] : key in STRINGS.nl ? STRINGS.nl[key] : key;
    if (args && typeof text === "string") {
      text = text.replace(/\{(\w+)\}/g, (whole, name) => (name in args ? String(args[name]) : whole));
    }
    return text;
  }

  function capitalised(text) {
    return text ? text.charAt(0).toUpperCase() + text.slice(1) : text;
  }

  /// "5 juli 2021" / "5 July 2021": never an ISO date in front of a person.
  function longDate(iso, lang = state.lang) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    if (!match) return iso || "";
    return `${Number(match[3])} ${STRINGS[lang].months[Number(match[2]) - 1]} ${match[1]}`;
  }

  function vocabularyLabel(domain, code) {
    return capitalised(vocabularyWords(domain, code));
  }

  /// A code's label as it reads inside a sentence (as the rules write it, not capitalised).
  function vocabularyWords(domain, code) {
    const entry = state.vocabulary && state.vocabulary[domain] && state.vocabulary[domain][code];
    if (!entry) return code;
    return entry[state.lang] || entry.nl || code;
  }

  /// The codes in the order the rules list them (the service keeps that order).
  function vocabularyCodes(domain) {
    return Object.keys((state.vocabulary && state.vocabulary[domain]) || {});
  }

  // MARK: - Labels in the current language

  function setWords(element, key, args) {
    element.dataset.i18n = key;
    if (args) element.dataset.i18nArgs = JSON.stringify(args);
    else delete element.dataset.i18nArgs;
    element.textContent = t(key, args);
  }

  function argsOf(element, attribute = "i18nArgs") {
    try {
      return element.dataset[attribute] ? JSON.parse(element.dataset[attribute]) : undefined;
    } catch (_) {
      return undefined;
    }
  }

  function relabel(root = document) {
    for (const element of $$("[data-i18n]", root)) element.textContent = t(element.dataset.i18n, argsOf(element));
    for (const element of $$("[data-i18n-aria]", root)) {
      element.setAttribute("aria-label", t(element.dataset.i18nAria, argsOf(element, "i18nAriaArgs")));
    }
    for (const element of $$("[data-i18n-title]", root)) element.title = t(element.dataset.i18nTitle);
    for (const select of $$("select[data-vocab]", root)) fillSelect(select);
    for (const list of $$("[data-vocab-checks]", root)) fillChecks(list);
  }

  function fillSelect(select) {
    if (!state.vocabulary) return;
    const value = select.value;
    const fallback = select.dataset.default || "";
    select.textContent = "";
    if (select.dataset.empty) {
      const empty = new Option(t(select.dataset.empty), "");
      select.append(empty);
    }
    for (const code of vocabularyCodes(select.dataset.vocab)) {
      const option = new Option(vocabularyLabel(select.dataset.vocab, code), code);
      if (code === fallback) option.defaultSelected = true;
      select.append(option);
    }
    const wanted = select.dataset.filled ? value : value || fallback;
    if (wanted && $$("option", select).some((option) => option.value === wanted)) select.value = wanted;
    select.dataset.filled = "true";
  }

  /// A checkbox per code; built once, relabelled after.
  function fillChecks(list) {
    if (!state.vocabulary) return;
    const domain = list.dataset.vocabChecks;
    if (!list.dataset.filled) {
      for (const code of vocabularyCodes(domain)) {
        const row = document.createElement("div");
        row.className = "check";
        const box = document.createElement("input");
        box.type = "checkbox";
        box.id = nextId("c");
        box.value = code;
        box.dataset.code = code;
        const label = document.createElement("label");
        label.htmlFor = box.id;
        row.append(box, label);
        list.append(row);
      }
      list.dataset.filled = "true";
      renumber();
    }
    for (const box of $$("input[type=checkbox]", list)) {
      const label = $(`label[for="${box.id}"]`, list);
      if (label) label.textContent = vocabularyLabel(domain, box.dataset.code);
    }
  }

  function setLanguage(lang) {
    if (!STRINGS[lang]) return;
    state.lang = lang;
    document.documentElement.lang = lang;
    document.title = t("title");
    for (const code of Object.keys(STRINGS)) {
      const button = $(`#lang-${code}`);
      if (button) button.setAttribute("aria-pressed", String(code === lang));
    }
    relabel();
    renderLookup();
    renderErrors();
    if (state.answer) renderAnswer();
    else if (!$("#status").dataset.busy) $("#status").textContent = t(idleStatus());
    if (!$("#letter-area").hidden) showLetterFrame();
  }

  // MARK: - Repeatable groups

  const members = () => $$("#members > [data-group=member]");
  const ownFields = (group) => $$("[data-field]", group).filter((element) => element.closest("[data-group]") === group);
  const ownLabel = (group, field) =>
    $$(`label[data-for="${field}"]`, group).find((label) => label.closest("[data-group]") === group);

  /// Gives each field of a new group its id, its label and its hint.
  function wire(group) {
    for (const field of ownFields(group)) {
      field.id = nextId("f");
      const label = ownLabel(group, field.dataset.field);
      if (label) label.htmlFor = field.id;
      const hint = $$(`[data-hint-of="${field.dataset.field}"]`, group).find((h) => h.closest("[data-group]") === group);
      if (hint) {
        hint.id = nextId("h");
        field.dataset.describedby = hint.id;
        field.setAttribute("aria-describedby", hint.id);
      }
    }
    relabel(group);
  }

  function fromTemplate(id) {
    const group = $(`#${id}`).content.firstElementChild.cloneNode(true);
    return group;
  }

  function addMember(options = {}) {
    const member = fromTemplate("tpl-member");
    $("#members").append(member);
    wire(member);
    const role = $("[data-field=role]", member);
    const count = members().length;
    role.dataset.default = count === 1 ? "applicant" : count === 2 ? "partner" : "co-occupant";
    fillSelect(role);
    role.value = role.dataset.default;
    addPeriod(member);
    renumber();
    if (options.focus) role.focus();
    return member;
  }

  function addPeriod(member, options = {}) {
    const period = fromTemplate("tpl-period");
    $("[data-role=periods]", member).append(period);
    wire(period);
    renumber();
    if (options.focus) $("[data-field=municipality]", period).focus();
    return period;
  }

  function addCondition(options = {}) {
    const condition = fromTemplate("tpl-condition");
    $("#conditions").append(condition);
    wire(condition);
    renumber();
    if (options.focus) $("[data-field=text]", condition).focus();
    return condition;
  }

  function addHardship(options = {}) {
    const decision = fromTemplate("tpl-hardship");
    $("#hardship").append(decision);
    wire(decision);
    renumber();
    if (options.focus) $("[data-field=article]", decision).focus();
    return decision;
  }

  /// Removes a group and puts focus where the clerk can go on: the next group's first field,
  /// else the button that adds one.
  function removeGroup(group, fallback) {
    const siblings = $$(":scope > [data-group]", group.parentElement);
    const index = siblings.indexOf(group);
    group.remove();
    renumber();
    const rest = siblings.filter((sibling) => sibling !== group);
    const next = rest[index] || rest[index - 1];
    const target = next ? $("input, select, textarea", next) : fallback;
    if (target) target.focus();
  }

  /// A button's name: the words shown, then the words that say which (for screen readers).
  function setButtonName(button, key, whichKey, args) {
    // The spans carry the words from now on: a key left on the button would let the next
    // relabel() replace them with the shown words alone, and the name would lose its "which".
    delete button.dataset.i18n;
    button.textContent = "";
    const shown = document.createElement("span");
    setWords(shown, key);
    const which = document.createElement("span");
    which.className = "visually-hidden";
    setWords(which, whichKey, args);
    button.append(shown, which);
  }

  /// Numbers the groups and gives every field its JSON path, as the service writes paths.
  function renumber() {
    const all = members();
    all.forEach((member, i) => {
      const n = i + 1;
      const base = `$.household[${i}]`;
      member.dataset.path = base;
      setWords($("[data-role=legend]", member), "person", { n });
      for (const field of ownFields(member)) {
        const name = field.dataset.field === "characteristics.none" ? "characteristics" : field.dataset.field;
        field.dataset.path = `${base}.${name}`;
      }
      for (const sub of $$("[data-sub]", member)) sub.dataset.path = `${base}.${sub.dataset.sub}`;
      for (const box of $$("[data-role=income] input", member)) box.dataset.path = `${base}.income`;
      for (const box of $$("[data-role=characteristics] input", member)) box.dataset.path = `${base}.characteristics`;
      const remove = $("[data-action=remove-member]", member);
      setButtonName(remove, "removeMember", "removeMemberWhich", { n });
      remove.hidden = all.length < 2;
      setButtonName($("[data-action=add-period]", member), "addPeriod", "addPeriodWhich", { n });
      $$("[data-group=period]", member).forEach((period, k) => {
        const j = k + 1;
        const path = `${base}.residence[${k}]`;
        period.dataset.path = path;
        period.dataset.i18nAria = "period";
        period.dataset.i18nAriaArgs = JSON.stringify({ j, n });
        period.setAttribute("aria-label", t("period", { j, n }));
        for (const field of ownFields(period)) field.dataset.path = `${path}.${field.dataset.field}`;
        setButtonName($("[data-action=remove-period]", period), "removePeriod", "removePeriodWhich", { j, n });
      });
    });
    $$("#conditions > [data-group=condition]").forEach((condition, i) => {
      const k = i + 1;
      const input = $("[data-field=text]", condition);
      input.dataset.path = `$.woonverklaring.conditions[${i}]`;
      setWords(ownLabel(condition, "text"), "condition", { k });
      setButtonName($("[data-action=remove-condition]", condition), "removeCondition", "removeConditionWhich", { k });
    });
    $$("#hardship > [data-group=hardship]").forEach((decision, i) => {
      const k = i + 1;
      const path = `$.hardship[${i}]`;
      decision.dataset.path = path;
      setWords($("[data-role=legend]", decision), "hardshipDecision", { k });
      for (const field of ownFields(decision)) field.dataset.path = `${path}.${field.dataset.field}`;
      setButtonName($("[data-action=remove-hardship]", decision), "removeHardship", "removeHardshipWhich", { k });
    });
  }

  // MARK: - The application as JSON (interface §3)

  const text = (element) => (element && typeof element.value === "string" ? element.value.trim() : "");

  /// Sets `object[key]` only when the value is known: absent is unknown in this law.
  function put(object, key, value) {
    if (value === undefined || value === null || value === "") return;
    object[key] = value;
  }

  function integer(element) {
    const raw = text(element);
    if (raw === "") return undefined;
    const number = Number(raw);
    return Number.isInteger(number) ? number : raw;
  }

  function field(group, name) {
    return ownFields(group).find((element) => element.dataset.field === name);
  }

  function dwelling() {
    const result = {};
    for (const input of $$("#dwelling [data-dwelling]")) {
      const value = input.dataset.type === "integer" ? integer(input) : text(input);
      put(result, input.dataset.dwelling, value);
    }
    return result;
  }

  function checked(list) {
    return $$("input[type=checkbox]", list).filter((box) => box.checked).map((box) => box.value);
  }

  /// Builds the application and notes where a left-out empty group shifts the indices, so an
  /// error's path can be taken back to the field it names.
  function application() {
    const pathMap = [];
    const result = {};
    put(result, "id", text($("#f-id")));
    put(result, "kind", text($("#f-kind")));
    put(result, "applicationDate", text($("#f-applicationDate")));
    put(result, "decisionDate", text($("#f-decisionDate")));
    result.dwelling = dwelling();
    result.household = members().map((member, i) => person(member, i, pathMap));
    const woonverklaring = statement(pathMap);
    if (woonverklaring) result.woonverklaring = woonverklaring;
    const hardship = [];
    $$("#hardship > [data-group=hardship]").forEach((decision, i) => {
      const entry = {};
      for (const name of ["article", "date", "decidedBy", "reason"]) put(entry, name, text(field(decision, name)));
      if (Object.keys(entry).length === 0) return;
      entry.granted = field(decision, "granted").checked;
      if (hardship.length !== i) pathMap.push([`$.hardship[${hardship.length}]`, `$.hardship[${i}]`]);
      hardship.push(entry);
    });
    if (hardship.length > 0) result.hardship = hardship;
    return { json: result, pathMap };
  }

  function person(member, i, pathMap) {
    const base = `$.household[${i}]`;
    const result = { id: `p${i + 1}` };
    put(result, "role", text(field(member, "role")));
    put(result, "name", text(field(member, "name")));
    const address = {};
    for (const name of ["street", "houseNumber", "houseNumberAddition", "postcode", "city"]) {
      const input = field(member, `address.${name}`);
      put(address, name, input.dataset.type === "integer" ? integer(input) : text(input));
    }
    if (Object.keys(address).length > 0) result.address = address;
    put(result, "birthDate", text(field(member, "birthDate")));
    const residence = [];
    $$("[data-group=period]", member).forEach((period, k) => {
      const entry = {};
      for (const name of ["municipality", "from", "until"]) put(entry, name, text(field(period, name)));
      if (Object.keys(entry).length === 0) return;
      if (residence.length !== k) pathMap.push([`${base}.residence[${residence.length}]`, `${base}.residence[${k}]`]);
      residence.push(entry);
    });
    if (residence.length > 0) result.residence = residence;
    const income = checked($("[data-role=income]", member));
    if (income.length > 0) result.income = income;
    const characteristics = checked($("[data-role=characteristics]", member));
    if (characteristics.length > 0) result.characteristics = characteristics;
    else if (field(member, "characteristics.none").checked) result.characteristics = [];
    const vog = {};
    put(vog, "status", text(field(member, "screening.vog.status")));
    put(vog, "date", text(field(member, "screening.vog.date")));
    // A date without a status is sent, so the service names the missing status at its field.
    if (Object.keys(vog).length > 0) result.screening = { vog };
    return result;
  }

  function statement(pathMap) {
    const outcome = text($("#f-wv-outcome"));
    if (!outcome) return null;
    const result = { outcome };
    put(result, "date", text($("#f-wv-date")));
    const hearing = text($("#f-wv-hearing"));
    if (hearing) result.hearingOffered = hearing === "true";
    const conditions = [];
    $$("#conditions > [data-group=condition]").forEach((condition, k) => {
      const value = text($("[data-field=text]", condition));
      if (!value) return;
      if (conditions.length !== k) pathMap.push([`$.woonverklaring.conditions[${conditions.length}]`, `$.woonverklaring.conditions[${k}]`]);
      conditions.push(value);
    });
    if (conditions.length > 0) result.conditions = conditions;
    put(result, "decidedBy", text($("#f-wv-decidedBy")));
    return result;
  }

  // MARK: - The access token (serve --token-file)

  const TOKEN_KEY = "wbmgp.token";
  let tokenInMemory = null; // only where the browser refuses sessionStorage

  function storedToken() {
    try {
      return window.sessionStorage.getItem(TOKEN_KEY);
    } catch (_) {
      return tokenInMemory;
    }
  }

  /// Keeps the token for this tab (null forgets it); the sign-out button shows while one is kept.
  function storeToken(token) {
    try {
      if (token) window.sessionStorage.setItem(TOKEN_KEY, token);
      else window.sessionStorage.removeItem(TOKEN_KEY);
    } catch (_) {
      tokenInMemory = token || null;
    }
    $("#signout").hidden = !storedToken();
  }

  /// A header carries visible ASCII only; the token file's tokens are words without spaces.
  const isSendable = (token) => /^[\x21-\x7e]+$/.test(token);

  /// Every call to the service goes through here, with the token when one is kept. A 401 asks
  /// for a token; when it answers the token that is still kept, that token is refused and
  /// forgotten. (A 401 to a call that left before the clerk signed in says nothing of the new token.)
  async function callService(path, options = {}) {
    const token = storedToken();
    const headers = Object.assign({}, options.headers);
    if (token) headers.Authorization = `Bearer ${token}`;
    const response = await fetch(path, Object.assign({}, options, { headers }));
    if (response.status === 401 && token === storedToken()) {
      if (token) storeToken(null);
      askForToken(Boolean(token));
    }
    return response;
  }

  /// Shows the sign-in, with the refusal when a token was refused. Focus goes to the token field
  /// when the sign-in appears, not while the clerk types elsewhere with the sign-in already shown.
  function askForToken(refused) {
    const form = $("#signin");
    const appearing = form.hidden;
    if (appearing && !refused) clearTokenError();
    form.hidden = false;
    if (refused) {
      const error = $("#signin-error");
      error.hidden = false;
      setWords(error, "tokenRefused");
      $("#token").setAttribute("aria-describedby", "h-token signin-error");
    }
    if (appearing || refused) $("#token").focus();
  }

  function clearTokenError() {
    const error = $("#signin-error");
    error.hidden = true;
    delete error.dataset.i18n;
    error.textContent = "";
    $("#token").setAttribute("aria-describedby", "h-token");
  }

  /// Keeps the token, hides the sign-in and loads the option lists again, which also tries the
  /// token: a refused one brings the sign-in back.
  async function signIn(event) {
    event.preventDefault();
    const input = $("#token");
    const token = input.value.trim();
    input.value = "";
    if (!isSendable(token)) {
      askForToken(true);
      return;
    }
    clearTokenError();
    storeToken(token);
    $("#signin").hidden = true;
    if (!(await loadVocabulary())) return;
    scheduleLookup();
    if (state.resubmit) {
      $("#status").textContent = t(idleStatus());
      $("#submit").focus();
    } else {
      $("#f-id").focus();
    }
  }

  function signOut() {
    storeToken(null);
    askForToken(false);
  }

  /// What the assessment area says while it shows no decision.
  function idleStatus() {
    if (!state.resubmit) return "resultIdle";
    return $("#signin").hidden ? "submitAgain" : "signInToSubmit";
  }

  // MARK: - The designation lookup

  function lookupDate() {
    return text($("#f-decisionDate")) || text($("#f-applicationDate"));
  }

  function scheduleLookup() {
    clearTimeout(state.lookupTimer);
    state.lookupTimer = setTimeout(lookup, 300);
  }

  async function lookup() {
    const body = { dwelling: dwelling(), date: lookupDate() };
    const seq = ++state.lookupSeq;
    if (!body.dwelling.municipality || !body.date) {
      state.lookup = null;
      renderLookup();
      return;
    }
    let answer = null;
    try {
      const response = await callService("v1/designations/lookup", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(body),
      });
      if (response.ok) answer = await response.json();
      // An address field the service refuses (a postcode half typed, house number 0): said
      // in the panel, in the words the form gives it on submitting, not as if nothing was filled in.
      else if (response.status === 422) {
        const error = (await response.json()).error || {};
        answer = { invalid: { code: error.code, message: error.message, path: error.path } };
      }
    } catch (_) {
      answer = null; // never blocks the clerk: the decision itself names the designation
    }
    if (seq !== state.lookupSeq) return; // a newer lookup is under way
    state.lookup = answer && (Array.isArray(answer.designations) || answer.invalid) ? answer : null;
    renderLookup();
  }

  function renderLookup() {
    const region = $("#designation");
    const answer = state.lookup;
    // A live region is read out at each change: leave it alone while its words stay the same.
    const key = `${state.lang} ${JSON.stringify(answer)}`;
    if (region.dataset.key === key) return;
    region.dataset.key = key;
    region.textContent = "";
    if (!answer) {
      region.dataset.state = "idle";
      const idle = document.createElement("p");
      idle.className = "designation-idle";
      setWords(idle, "designationIdle");
      region.append(idle);
      return;
    }
    if (answer.invalid) {
      region.dataset.state = "invalid";
      const invalid = document.createElement("p");
      invalid.className = "designation-idle";
      invalid.textContent = t("designationInvalid", { problem: serverWords(answer.invalid) || t("errRequired") });
      region.append(invalid);
      return;
    }
    // Designations the address cannot place yet (a fact they are matched on is left out):
    // the decision would be incomplete, so the clerk is told what to fill in.
    const open = Array.isArray(answer.undetermined) ? answer.undetermined : [];
    if (answer.designations.length === 0 && open.length === 0) {
      const head = document.createElement("p");
      head.className = "designation-head";
      head.textContent = t("designationOn", { date: longDate(answer.date) });
      region.append(head);
      region.dataset.state = "none";
      const none = document.createElement("p");
      none.textContent = t("designationNone");
      region.append(none);
      return;
    }
    region.dataset.state = answer.designations.length > 0 ? "found" : "open";
    if (answer.designations.length > 0) {
      const head = document.createElement("p");
      head.className = "designation-head";
      head.textContent = t("designationOn", { date: longDate(answer.date) });
      region.append(head, designationList(answer.designations));
    }
    if (open.length > 0) {
      // Named together: "de postcode en het huisnummer van de woning" (addressFact labels);
      // each on its own where the rules give no such labels.
      const together = vocabularyCodes("addressFact").includes("ofTheDwelling");
      const facts = (answer.missingFacts || []).map((path) => vocabularyWords(together ? "addressFact" : "missingFact", path.split(".").pop()));
      const head = document.createElement("p");
      head.className = "designation-head designation-open";
      const key = (answer.designations.length > 0 ? "designationAlsoOpen" : "designationOpen") + (open.length > 1 ? "Many" : "");
      head.textContent = t(key, { date: longDate(answer.date), facts: wordList(facts) + (together ? " " + vocabularyWords("addressFact", "ofTheDwelling") : "") });
      region.append(head, designationList(open));
    }
  }

  function designationList(designations) {
    const list = document.createElement("ul");
    for (const designation of designations) {
      const item = document.createElement("li");
      const words = designation.text && (designation.text[state.lang] || designation.text.nl);
      item.textContent = capitalised(words || designation.id) + ".";
      list.append(item);
    }
    return list;
  }

  /** "a", "a en b", "a, b en c" (in English with "and"). */
  function wordList(items) {
    if (items.length <= 1) return items.join("");
    return `${items.slice(0, -1).join(", ")} ${t("and")} ${items[items.length - 1]}`;
  }

  // MARK: - Deciding

  async function submit(event) {
    event.preventDefault();
    clearErrors();
    const { json, pathMap } = application();
    state.pathMap = pathMap;
    state.answer = null;
    state.resubmit = false;
    hideLetterFrame();
    $("#decision").hidden = true;
    const status = $("#status");
    status.dataset.busy = "true";
    status.textContent = t("busy");
    $("#submit").disabled = true;
    let response = null;
    let body = null;
    try {
      response = await callService("v1/decide?format=desk", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(json),
      });
      try {
        body = await response.json();
      } catch (_) {
        body = null;
      }
    } catch (_) {
      response = null;
    } finally {
      $("#submit").disabled = false;
      delete status.dataset.busy;
      status.textContent = "";
    }
    if (!response) {
      showErrors([{ key: "networkError" }]);
    } else if (response.status === 401) {
      // Not an error in the application: the sign-in shows; after it the clerk asks again.
      state.resubmit = true;
      status.textContent = t(idleStatus());
      if (!$("#signin").hidden) $("#token").focus();
    } else if (response.ok && body && body.text) {
      state.answer = body;
      state.answerId = json.id;
      renderAnswer();
      $("#outcome").focus();
    } else if (body && body.error) {
      showServerError(body.error);
    } else {
      showErrors([{ key: "unexpected", args: { status: response.status } }]);
    }
  }

  /// Splits the clerk's text (TextRenderer) into its parts: the heading, the summary lines, the
  /// reasons (a mark, a citation, the reason, continuation lines) and the blocks after them.
  function parseText(words) {
    const lines = words.replace(/\s+$/, "").split("\n");
    const result = { heading: lines[0] || "", summary: [], reasons: [], blocks: [] };
    const groups = [];
    let current = null;
    for (const line of lines.slice(1)) {
      if (line.trim() === "") {
        current = null;
        continue;
      }
      if (!current) groups.push((current = []));
      current.push(line);
    }
    if (lines.length > 1 && lines[1].trim() !== "" && groups.length > 0) result.summary = groups.shift();
    for (const group of groups) {
      if (isMarked(group[0])) {
        for (const line of group) {
          if (line.startsWith("  ") && result.reasons.length > 0) result.reasons[result.reasons.length - 1].more.push(line.trim());
          else result.reasons.push(marked(line));
        }
        continue;
      }
      const block = { heading: group[0], items: [], ordered: false };
      for (const line of group.slice(1)) {
        const numbered = /^(\d+)\.\s+(.*)$/.exec(line);
        if (numbered) {
          block.ordered = true;
          block.items.push({ text: numbered[2] });
        } else if (line.startsWith("- ")) {
          block.items.push({ text: line.slice(2) });
        } else if (isMarked(line)) {
          block.items.push(marked(line));
        } else if (line.startsWith("  ") && block.items.length > 0) {
          const last = block.items[block.items.length - 1];
          (last.more = last.more || []).push(line.trim());
        } else {
          block.items.push({ text: line });
        }
      }
      result.blocks.push(block);
    }
    return result;
  }

  function isMarked(line) {
    return line.length > 1 && line.charAt(1) === " " && line.charAt(0) in MARKS;
  }

  function marked(line) {
    const mark = line.charAt(0);
    const rest = line.slice(2);
    const split = rest.indexOf(": ");
    return split > 0
      ? { mark, citation: rest.slice(0, split), text: rest.slice(split + 2), more: [] }
      : { mark, citation: "", text: rest, more: [] };
  }

  function reasonItem(reason) {
    const item = document.createElement("li");
    item.className = `reason ${MARK_CLASS[reason.mark]}`;
    const mark = document.createElement("span");
    mark.className = "mark";
    mark.setAttribute("aria-hidden", "true");
    mark.textContent = reason.mark;
    const said = document.createElement("span");
    said.className = "visually-hidden";
    said.textContent = `${t(MARKS[reason.mark])}: `;
    const body = document.createElement("div");
    body.className = "reason-body";
    const line = document.createElement("p");
    if (reason.citation) {
      const citation = document.createElement("strong");
      citation.className = "citation";
      citation.textContent = reason.citation;
      line.append(citation, document.createTextNode(": "));
    }
    line.append(document.createTextNode(reason.text));
    body.append(line);
    for (const more of reason.more || []) {
      const next = document.createElement("p");
      next.className = "continuation";
      next.textContent = more;
      body.append(next);
    }
    item.append(mark, said, body);
    return item;
  }

  /// One line of a block with its continuation lines: "- …" lines as a list under it (what would
  /// lift a ground, under "from when"), other lines as paragraphs.
  function blockItem(item) {
    const li = document.createElement("li");
    const first = document.createElement("p");
    first.textContent = item.text;
    li.append(first);
    let sublist = null;
    for (const line of item.more || []) {
      if (line.startsWith("- ")) {
        if (!sublist) li.append((sublist = document.createElement("ul")));
        const sub = document.createElement("li");
        sub.textContent = line.slice(2);
        sublist.append(sub);
      } else {
        sublist = null;
        const next = document.createElement("p");
        next.className = "continuation";
        next.textContent = line;
        li.append(next);
      }
    }
    return li;
  }

  function renderAnswer() {
    const answer = state.answer;
    const words = parseText((answer.text && (answer.text[state.lang] || answer.text.nl)) || "");
    const outcome = $("#outcome");
    outcome.textContent = words.heading;
    outcome.dataset.outcome = answer.outcome || "";
    const summary = $("#summary");
    summary.textContent = "";
    for (const line of words.summary) {
      const paragraph = document.createElement("p");
      paragraph.textContent = line;
      summary.append(paragraph);
    }
    const reasons = $("#reasons");
    reasons.textContent = "";
    for (const reason of words.reasons) reasons.append(reasonItem(reason));
    reasons.hidden = words.reasons.length === 0;
    $("#reasons-title").hidden = words.reasons.length === 0;
    const blocks = $("#blocks");
    blocks.textContent = "";
    for (const block of words.blocks) {
      const section = document.createElement("section");
      section.className = "block";
      const heading = document.createElement("h3");
      heading.className = "block-title";
      heading.id = nextId("b");
      heading.textContent = block.heading;
      section.setAttribute("aria-labelledby", heading.id);
      section.append(heading);
      if (block.items.length > 0) {
        const list = document.createElement(block.ordered ? "ol" : "ul");
        list.className = block.items.some((item) => item.mark) ? "reasons" : "items";
        for (const item of block.items) {
          if (item.mark) list.append(reasonItem(item));
          else list.append(blockItem(item));
        }
        section.append(list);
      }
      blocks.append(section);
    }
    $("#print-letter").hidden = !answer.letter;
    $("#show-letter").hidden = !answer.letter;
    $("#download-record").hidden = !answer.record;
    $("#status").textContent = "";
    $("#decision").hidden = false;
  }

  // MARK: - Errors at their fields

  /// The path as the page numbers its groups (an empty group left out shifts the JSON's indices).
  function pagePath(path) {
    for (const [json, page] of state.pathMap) {
      if (path === json || path.startsWith(json + ".") || path.startsWith(json + "[")) return page + path.slice(json.length);
    }
    return path;
  }

  /// The field a path names, or the nearest group that holds it: `$.household[0].income[2]`
  /// lands on the income list of person 1.
  function elementForPath(path) {
    const all = $$("[data-path]");
    let candidate = path;
    while (candidate && candidate !== "$") {
      const found = all.find((element) => element.dataset.path === candidate && !element.closest("[hidden]"));
      if (found) return found;
      const cut = Math.max(candidate.lastIndexOf("."), candidate.lastIndexOf("["));
      if (cut <= 0) break;
      candidate = candidate.slice(0, cut);
    }
    return null;
  }

  function focusTarget(element) {
    if (element.matches("input, select, textarea, button")) return element;
    return $("input:not([type=hidden]), select, textarea", element) || element;
  }

  /// What a person calls the field: its group's name and its label.
  function fieldName(element) {
    const target = focusTarget(element);
    const label = target.id && target.labels && target.labels.length > 0 ? target.labels[0].textContent : "";
    const own = element.matches("fieldset") ? $(":scope > legend", element).textContent : label;
    const parts = [];
    const member = element.closest("[data-group=member]");
    const period = element.closest("[data-group=period]");
    const hardship = element.closest("[data-group=hardship]");
    if (period && period !== element) parts.push(period.getAttribute("aria-label")); // names its person too
    else if (member && member !== element) parts.push($(":scope > legend", member).textContent);
    if (hardship && hardship !== element) parts.push($(":scope > legend", hardship).textContent);
    parts.push(own.replace(/\s*\*\s*$/, "").trim());
    return parts.filter(Boolean).join(" – ");
  }

  function showServerError(error) {
    const entry = { message: typeof error.message === "string" ? error.message : "", code: error.code };
    if (error.code === "E-POLICE-DATA") entry.key = "policeData";
    else if (typeof error.path === "string") {
      entry.path = pagePath(error.path);
      const element = elementForPath(entry.path);
      if (element) entry.element = element;
    }
    showErrors([entry]);
  }

  /// The input errors the form can lead to, in the clerk's words: the service words its errors in
  /// English, for whoever wrote the JSON. Each gives the key of its words and their arguments
  /// (ISO dates among them are put in words), or nothing, and then the service's own message shows.
  const SERVER_ERRORS = [
    { code: "E-CHRONOLOGY", pattern: /^birth date (\S+) lies after the application date (\S+)$/, words: (m) => ["errBirthDate", { birth: m[1], application: m[2] }] },
    { code: "E-CHRONOLOGY", pattern: /^the decision date (\S+) lies before the application date (\S+)$/, words: (m) => ["errDecisionDate", { decision: m[1], application: m[2] }] },
    { code: "E-PERIOD", pattern: /^'until' (\S+) lies before 'from' (\S+)$/, words: (m) => ["errUntil", { until: m[1], from: m[2] }] },
    {
      code: "E-PERIOD",
      pattern: /^this residence period overlaps (\S+); /,
      words: (m) => {
        const other = /\.residence\[(\d+)\]$/.exec(pagePath(m[1]));
        return other && ["errOverlap", { other: Number(other[1]) + 1 }];
      },
    },
    { code: "E-HOUSEHOLD", pattern: /^expected exactly one member with role 'applicant', found (\d+)$/, words: (m) => ["errApplicants", { role: vocabularyLabel("personRole", "applicant"), count: m[1] }] },
    { code: "E-HOUSEHOLD", pattern: /^role 'joining' is only allowed in an application of kind 'joining'$/, words: () => ["errJoiningRole", joiningArgs()] },
    { code: "E-HOUSEHOLD", pattern: /^an application of kind 'joining' needs at least one member with role 'joining'$/, words: () => ["errNoJoiner", joiningArgs()] },
    { code: "E-VALUE", pattern: /^a positive-with-conditions woonverklaring needs at least one condition$/, words: () => ["errNoConditions", conditionsArgs()] },
    { code: "E-VALUE", pattern: /^only a positive-with-conditions woonverklaring carries conditions/, words: () => ["errConditions", conditionsArgs()] },
    { code: "E-VALUE", pattern: /^expected a postcode of four digits and two letters/, words: () => ["errPostcode"] },
    { code: "E-VALUE", pattern: /^expected a house number of 1 or more/, words: () => ["errHouseNumber"] },
    { code: "E-MISSING", path: /\.address\.[\w]+$/, words: () => ["errAddress"] },
    { code: "E-MISSING", path: /^\$\.woonverklaring\.hearingOffered$/, words: () => ["errHearing"] },
    { code: "E-MISSING", path: /\.screening\.vog\.status$/, words: () => ["errVogStatus"] },
    { code: "E-MISSING", words: () => ["errRequired"] },
    { code: "E-DATE", words: () => ["errDate"] },
    { code: "E-LAW-DATE", pattern: /the law date (\S+); the rules start on (\S+)$/, words: (m) => ["errLawDate", { date: m[1], start: m[2] }] },
    { code: "E-DESIGNATION-CONFLICT", words: () => ["errConflict"] },
    { code: "E-LIMIT", words: () => ["errLimit"] },
    { code: "E-LOG", words: () => ["errLog"] },
    { code: "E-BUSY", words: () => ["errBusy"] },
    { code: "E-HTTP", words: () => ["errHttp"] },
  ];

  const joiningArgs = () => ({ role: vocabularyLabel("personRole", "joining"), kind: vocabularyLabel("applicationKind", "joining") });
  const conditionsArgs = () => ({ outcome: vocabularyLabel("woonverklaringOutcome", "positive-with-conditions") });

  function serverWords(entry) {
    for (const known of SERVER_ERRORS) {
      if (known.code !== entry.code) continue;
      const match = known.pattern ? known.pattern.exec(entry.message || "") : [];
      if (!match || (known.path && !known.path.test(entry.path || ""))) continue;
      const found = known.words(match);
      if (!found) continue;
      const args = {};
      for (const [name, value] of Object.entries(found[1] || {})) args[name] = longDate(String(value));
      return t(found[0], args);
    }
    return null;
  }

  /// The service's message (English) without its JSON path, which only finds the field, and
  /// with its dates in words.
  function plainMessage(message, element) {
    const name = element ? `“${fieldName(element)}”` : "";
    return message
      .replace(/\$(?:\.[A-Za-z_][\w-]*|\[\d+\])+/g, name)
      .replace(/\b\d{4}-\d{2}-\d{2}\b/g, (iso) => longDate(iso, "en"))
      .replace(/\s{2,}/g, " ")
      .trim();
  }

  function showErrors(entries) {
    state.errors = entries;
    for (const entry of entries) {
      if (entry.element) markInvalid(entry);
    }
    renderErrors();
    const first = entries.find((entry) => entry.element);
    if (first) {
      const target = focusTarget(first.element);
      target.focus();
      target.scrollIntoView({ block: "center" });
    }
  }

  function markInvalid(entry) {
    const element = entry.element;
    const target = focusTarget(element);
    const message = document.createElement("p");
    message.className = "field-error";
    message.id = nextId("e");
    const prefix = document.createElement("span");
    prefix.className = "error-prefix";
    setWords(prefix, "checkField");
    message.append(prefix, document.createTextNode(" "));
    const words = document.createElement("span");
    words.className = "error-words";
    message.append(words);
    entry.messageElement = message;
    const place = element.matches("fieldset") ? $(":scope > legend", element) : element.closest(".field") || element;
    if (element.matches("fieldset")) place.after(message);
    else place.append(message);
    for (const marked of new Set([element, target])) {
      marked.setAttribute("aria-invalid", "true");
      marked.classList.add("invalid");
      const described = [marked.dataset.describedby, message.id].filter(Boolean).join(" ");
      marked.setAttribute("aria-describedby", described);
    }
  }

  function entryWords(entry) {
    if (entry.key) return t(entry.key, entry.args);
    return serverWords(entry) || plainMessage(entry.message || "", entry.element);
  }

  function renderErrors() {
    const summary = $("#errors");
    summary.textContent = "";
    if (state.errors.length === 0) {
      summary.hidden = true;
      return;
    }
    const title = document.createElement("p");
    title.className = "errors-title";
    title.textContent = t("errorsTitle");
    const list = document.createElement("ul");
    for (const entry of state.errors) {
      const item = document.createElement("li");
      const words = entryWords(entry);
      if (entry.element) {
        const target = focusTarget(entry.element);
        const link = document.createElement("a");
        link.href = `#${target.id || ""}`;
        link.textContent = fieldName(entry.element);
        link.addEventListener("click", (event) => {
          event.preventDefault();
          target.focus();
          target.scrollIntoView({ block: "center" });
        });
        item.append(link, document.createTextNode(`: ${words}`));
        if (entry.messageElement) $(".error-words", entry.messageElement).textContent = words;
      } else {
        // No field to name: the words stand alone (the service's message on police data names
        // fields and options of the JSON, so only the desk's own words are shown).
        item.textContent = capitalised(words);
      }
      list.append(item);
    }
    summary.append(title, list);
    summary.hidden = false;
  }

  function clearErrors() {
    for (const entry of state.errors) if (entry.messageElement) entry.messageElement.remove();
    for (const element of $$("[aria-invalid=true]")) {
      element.removeAttribute("aria-invalid");
      element.classList.remove("invalid");
      if (element.dataset.describedby) element.setAttribute("aria-describedby", element.dataset.describedby);
      else element.removeAttribute("aria-describedby");
    }
    state.errors = [];
    renderErrors();
  }

  // MARK: - The besluit and the record

  function letterBlobUrl() {
    const html = state.answer && state.answer.letter && (state.answer.letter[state.lang] || state.answer.letter.nl);
    if (!html) return null;
    return URL.createObjectURL(new Blob([html], { type: "text/html;charset=utf-8" }));
  }

  function printLetter() {
    const frame = $("#print-frame");
    const url = letterBlobUrl();
    if (!url) return;
    if (state.printUrl) URL.revokeObjectURL(state.printUrl);
    state.printUrl = url;
    frame.addEventListener(
      "load",
      () => {
        try {
          frame.contentWindow.focus();
          frame.contentWindow.print();
        } catch (_) {
          $("#status").textContent = t("printFailed");
        }
      },
      { once: true },
    );
    frame.src = url;
  }

  function showLetterFrame() {
    const frame = $("#letter-frame");
    const url = letterBlobUrl();
    if (!url) return;
    if (state.letterUrl) URL.revokeObjectURL(state.letterUrl);
    state.letterUrl = url;
    frame.addEventListener(
      "load",
      () => {
        try {
          const height = frame.contentDocument.documentElement.scrollHeight;
          frame.style.height = `${Math.max(600, height + 40)}px`;
        } catch (_) {
          // the frame keeps its height from the stylesheet
        }
      },
      { once: true },
    );
    frame.src = url;
    $("#letter-area").hidden = false;
    const button = $("#show-letter");
    button.setAttribute("aria-expanded", "true");
    setWords(button, "hideLetter");
  }

  function hideLetterFrame() {
    $("#letter-area").hidden = true;
    const button = $("#show-letter");
    button.setAttribute("aria-expanded", "false");
    setWords(button, "showLetter");
    if (state.letterUrl) {
      URL.revokeObjectURL(state.letterUrl);
      state.letterUrl = null;
      $("#letter-frame").removeAttribute("src");
    }
  }

  function toggleLetter() {
    if ($("#letter-area").hidden) {
      showLetterFrame();
      $("#letter-area").scrollIntoView({ block: "start" });
    } else hideLetterFrame();
  }

  function downloadRecord() {
    const record = state.answer && state.answer.record;
    if (!record) return;
    const id = (typeof record.application === "string" && record.application) || state.answerId || "aanvraag";
    const blob = new Blob([JSON.stringify(record, null, 2) + "\n"], { type: "application/json" });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = `${id.replace(/[^\w.-]+/g, "_")}.record.json`;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  // MARK: - A new application

  function clearAll() {
    clearErrors();
    hideLetterFrame();
    $("#application").reset();
    for (const group of $$("#members > *, #conditions > *, #hardship > *")) group.remove();
    addMember();
    updateWoonverklaring();
    state.answer = null;
    state.pathMap = [];
    state.lookup = null;
    state.lookupSeq++;
    state.resubmit = false;
    renderLookup();
    $("#decision").hidden = true;
    $("#status").textContent = t("resultIdle");
    $("#f-id").focus();
  }

  /// A residence period or a hardship decision may be left empty (it is then left out); once any
  /// of its fields is filled, the fields it cannot go without are required.
  function updateRequired(group) {
    if (!group) return;
    const filled = ownFields(group).some((element) => element.type !== "checkbox" && text(element) !== "");
    for (const element of ownFields(group)) {
      if ("requiredIfAny" in element.dataset) element.required = filled;
    }
  }

  /// A woonverklaring needs its date once an outcome is chosen; one with conditions gets a first
  /// empty condition to fill in.
  function updateWoonverklaring() {
    const outcome = text($("#f-wv-outcome"));
    $("#f-wv-date").required = outcome !== "";
    $(".wv-req").hidden = outcome === "";
    if (outcome === "positive-with-conditions" && $$("#conditions > [data-group=condition]").length === 0) addCondition();
  }

  // MARK: - Start

  /// Loads the option lists; true when they loaded. A 401 leaves the rest to the sign-in.
  async function loadVocabulary() {
    let loaded = false;
    try {
      const response = await callService("v1/vocabulary", { headers: { Accept: "application/json" } });
      if (response.status !== 401) {
        if (!response.ok) throw new Error(String(response.status));
        state.vocabulary = await response.json();
        $("#vocabulary-status").hidden = true;
        relabel();
        loaded = true;
      }
    } catch (_) {
      const notice = $("#vocabulary-status");
      setWords(notice, "vocabularyFailed");
      notice.hidden = false;
    }
    document.body.dataset.ready = "true";
    return loaded;
  }

  function start() {
    const form = $("#application");
    form.addEventListener("submit", submit);
    $("#lang-nl").addEventListener("click", () => setLanguage("nl"));
    $("#lang-en").addEventListener("click", () => setLanguage("en"));
    $("#add-member").addEventListener("click", () => addMember({ focus: true }));
    $("#add-condition").addEventListener("click", () => addCondition({ focus: true }));
    $("#add-hardship").addEventListener("click", () => addHardship({ focus: true }));
    $("#new").addEventListener("click", clearAll);
    $("#print-letter").addEventListener("click", printLetter);
    $("#show-letter").addEventListener("click", toggleLetter);
    $("#download-record").addEventListener("click", downloadRecord);
    $("#signin").addEventListener("submit", signIn);
    $("#signout").addEventListener("click", signOut);
    $("#signout").hidden = !storedToken();
    $("#f-wv-outcome").addEventListener("change", updateWoonverklaring);
    form.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-action]");
      if (!button) return;
      const action = button.dataset.action;
      if (action === "add-period") addPeriod(button.closest("[data-group=member]"), { focus: true });
      else if (action === "remove-member") removeGroup(button.closest("[data-group=member]"), $("#add-member"));
      else if (action === "remove-period") {
        const member = button.closest("[data-group=member]");
        removeGroup(button.closest("[data-group=period]"), $("[data-action=add-period]", member));
      } else if (action === "remove-condition") removeGroup(button.closest("[data-group=condition]"), $("#add-condition"));
      else if (action === "remove-hardship") removeGroup(button.closest("[data-group=hardship]"), $("#add-hardship"));
    });
    // "Geen van deze kenmerken" and a ticked characteristic exclude each other.
    form.addEventListener("change", (event) => {
      const box = event.target;
      if (!(box instanceof HTMLInputElement) || box.type !== "checkbox" || !box.checked) return;
      const member = box.closest("[data-group=member]");
      if (!member) return;
      if (box.dataset.field === "characteristics.none") {
        for (const other of $$("[data-role=characteristics] input", member)) other.checked = false;
      } else if (box.closest("[data-role=characteristics]")) {
        field(member, "characteristics.none").checked = false;
      }
    });
    for (const type of ["input", "change"]) {
      form.addEventListener(type, (event) => {
        if (event.target.closest) updateRequired(event.target.closest("[data-group=period], [data-group=hardship]"));
      });
      $("#dwelling").addEventListener(type, (event) => {
        if (event.target.dataset && event.target.dataset.dwelling) scheduleLookup();
      });
      for (const input of $$("[data-lookup-date]")) input.addEventListener(type, scheduleLookup);
    }
    addMember();
    $("#status").textContent = t("resultIdle");
    relabel();
    loadVocabulary();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
