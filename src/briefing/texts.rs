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
    highest_per_1000: "Høyest per 1000 innbyggere", "Highest per 1,000 residents";
    national_per_1000: "Per 1000 innbyggere, hele landet", "Per 1,000 residents, whole country";
    change: "Endring fra referansen", "Change from the reference";
    no_reference: "ingen referanse valgt", "no reference chosen";
    reference: "Referanse", "Reference";
    map_and_counties: "Kart og fylker", "Map and counties";
    county: "Fylke", "County";
    plan: "Planen", "Plan";
    difference: "Endring", "Change";
    total: "I alt", "Total";
    largest_requests: "De største anmodningene", "The largest requests";
    municipality: "Kommune", "Municipality";
    code: "Nr.", "No.";
    request: "Anmodning", "Request";
    minors_short: "Herav EM", "Minors";
    per_1000: "Per 1000", "Per 1,000";
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
});
