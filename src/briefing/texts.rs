//! The words of the briefing report.

texts!(BriefingTexts {
    kicker: "Orientering om anmodning om bosetting", "Briefing on the settlement request";
    key_figures: "Nøkkeltall", "Key figures";
    target: "Mål", "Target";
    minors: "Herav enslige mindreårige", "Of which unaccompanied minors";
    resettlement: "Herav overføringsflyktninger", "Of which resettlement refugees";
    asked: "Kommuner anmodet", "Municipalities asked";
    of: "av", "of";
    largest: "Største anmodning", "Largest request";
    highest_per_1000: "Høyest per 1\u{a0}000 innbyggere", "Highest per 1,000 residents";
    national_per_1000: "Per 1\u{a0}000 innbyggere, hele landet", "Per 1,000 residents, whole country";
    change: "Endring fra referansen", "Change from the reference";
    no_reference: "ingen referanse valgt", "no reference chosen";
    reference: "Referanse", "Reference";
    map_and_counties: "Kart og fylker", "Map and counties";
    county: "Fylke", "County";
    plan: "Planen", "Plan";
    difference: "Endring", "Change";
    total: "I alt", "Total";
    total_listed: "I alt, anmodede", "Total, asked";
    largest_requests: "De største anmodningene", "The largest requests";
    municipality: "Kommune", "Municipality";
    code: "Nr.", "No.";
    request: "Anmodning", "Request";
    minors_short: "Herav EM", "Minors";
    per_1000: crate::lang::Words::NB.per_1000, crate::lang::Words::EN.per_1000;
    population: "Folketall", "Population";
    rules_and_weights: "Regler og vekter", "Rules and weights";
    weights_intro: "Målet fordeles etter disse kriteriene; vekten er andelen av målet hvert kriterium fordeler:",
        "The target is shared by these criteria; each weight is the share of the target the criterion distributes:";
    rules_intro: "Reglene, i den rekkefølgen modellen bruker dem:", "The rules, in the order the model applies them:";
    notes: "Merknader", "Notes";
    sources: "Kilder", "Sources";
    dataset: "Datasett", "Dataset";
    map_credit: "Kommunegrenser: © Kartverket, CC BY 4.0 (forenklet).", "Municipal borders: © Kartverket, CC BY 4.0 (simplified).";
    year: "år", "year";
    licence: "lisens", "licence";
    appendix: "Vedlegg: alle anmodede kommuner", "Appendix: every municipality asked";
    page: "Side", "Page";
    page_of: "av", "of";
    ties: "Likt", "Ties";
    scenarios: "Scenarioer side om side", "Scenarios side by side";
    manual_choices: "Manuelle valg", "Manual choices";
    no_manual_choices: "Ingen manuelle valg: hvert tall kommer fra kriteriene og reglene.",
        "No manual choices: every number comes from the criteria and the rules.";
    manual_intro: "Disse kommunene er satt for hånd, ikke av kriteriene (tallet er anmodningen i planen):",
        "These municipalities are set by hand, not by the criteria (the number is the plan's request):";
    no_reason: "ingen begrunnelse oppgitt", "no reason given";
    round_reconciled: "Planen er avstemt i fylkesrunden:", "The plan is reconciled in the county round:";
    round_as_recommended: "kommuner står som fylket anbefalte,", "municipalities stand as their county recommended,";
    round_county_missing: "har modellens forslag der fylket ikke har svart.",
        "are at the model's proposal where the county did not answer.";
    round_rest: "Avvik fra anbefalingene og andre tall satt for hånd:",
        "Differences from the recommendations and other numbers set by hand:";
    round_no_rest: "Ingen avvik fra anbefalingene.", "No differences from the recommendations.";
    locked_mark: "(låst)", "(locked)";
    locked_note: "(låst): tallet er satt for hånd; se «Manuelle valg».",
        "(locked): the number is set by hand; see “Manual choices”.";
    appendix_missing: "Kommuner som ikke anmodes, står ikke her; de som er utelatt for hånd, står med begrunnelse under «Manuelle valg».",
        "Municipalities not asked are not listed; those excluded by hand are listed with their reason under “Manual choices”.";
});
