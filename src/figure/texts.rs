//! The words on the figures.

texts!(FigureTexts {
    map_title: "Anmodning om bosetting per kommune", "Settlement request per municipality";
    counties_title: "Anmodning per fylke", "Request per county";
    top_title: "De største anmodningene", "The largest requests";
    concentration_title: "Hvor samlet er anmodningene?", "How concentrated are the requests?";
    waterfall_title: "Slik blir anmodningen til", "How the request comes about";
    target: "mål", "target";
    persons: crate::lang::Words::NB.persons, crate::lang::Words::EN.persons;
    per_1000_unit: crate::lang::Words::NB.per_1000_unit, crate::lang::Words::EN.per_1000_unit;
    request: crate::lang::Words::NB.request, crate::lang::Words::EN.request;
    per_1000: crate::lang::Words::NB.request_per_1000, crate::lang::Words::EN.request_per_1000;
    difference_from: "Differanse fra", "Difference from";
    this_plan: "Denne planen", "This plan";
    reference: crate::lang::Words::NB.reference, crate::lang::Words::EN.reference;
    equality: "Lik fordeling", "Equal shares";
    not_asked: crate::lang::Words::NB.not_asked, crate::lang::Words::EN.not_asked;
    excluded: crate::lang::Words::NB.excluded, crate::lang::Words::EN.excluded;
    no_data: "Ingen verdi", "No value";
    map_source: "Kart: © Kartverket, CC BY 4.0; data: SSB, IMDi", "Map: © Kartverket, CC BY 4.0; data: SSB, IMDi";
    data_source: "Data: SSB, IMDi (NLOD 2.0)", "Data: SSB, IMDi (NLOD 2.0)";
    municipalities_axis: "Andel av kommunene, største anmodning først", "Share of municipalities, largest request first";
    refugees_axis: "Andel av flyktningene", "Share of the refugees";
    half_goes_to: "Halvparten går til {n} av {m} kommuner", "Half go to {n} of {m} municipalities";
    gini: "Gini", "Gini";
    increase: "Øker", "Adds";
    decrease: "Trekker ned", "Takes away";
    total: crate::lang::Words::NB.request, crate::lang::Words::EN.request;
    of_which_minors: "herav enslige mindreårige", "of which unaccompanied minors";
    steps_axis: "Personer (andel før avrunding)", "Persons (share before rounding)";
});
