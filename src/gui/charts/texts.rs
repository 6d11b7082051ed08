//! The texts of the Charts tab, in bokmål and English.

crate::texts!(ChartTexts {
    overview: "Oversikt", "Overview";
    open_chart: "Vis større", "Show larger";
    no_result: "Ingen fordeling å vise", "No allocation to show";

    top_title: "Største anmodninger", "Largest requests";
    top_x: "Anmodning (personer)", "Request (persons)";
    top_y: "Kommune", "Municipality";
    top_hint: "Rull for å se flere, ctrl + rull for å zoome, dobbeltklikk for å tilbakestille.",
        "Scroll to see more, ctrl + scroll to zoom, double-click to reset.";
    request: crate::lang::Words::NB.request, crate::lang::Words::EN.request;
    minors: "Enslige mindreårige", "Unaccompanied minors";
    per_1000: "Per 1 000 innbyggere", "Per 1,000 inhabitants";
    not_asked: crate::lang::Words::NB.not_asked, crate::lang::Words::EN.not_asked;
    asked: crate::lang::Words::NB.asked, crate::lang::Words::EN.asked;
    none_asked: "Ingen kommuner er anmodet.", "No municipality is asked.";

    counties_title: "Fylker mot referanse", "Counties against the reference";
    counties_x: "Personer", "Persons";
    counties_y: "Fylke", "County";
    this_scenario: "Dette scenarioet", "This scenario";
    reference: crate::lang::Words::NB.reference, crate::lang::Words::EN.reference;
    difference: "Forskjell", "Difference";
    municipalities_asked: "Anmodede kommuner", "Municipalities asked";
    no_reference: "Scenarioet har ingen referansekolonne, så bare scenarioet vises.",
        "The scenario has no reference column, so only the scenario is shown.";
    reference_missing: "Referansekolonnen {id} finnes ikke i datasettet.",
        "The reference column {id} is not in the dataset.";
    total: "I alt", "Total";

    concentration_title: "Konsentrasjon", "Concentration";
    concentration_x: "Kommuner, største først", "Municipalities, largest first";
    concentration_y: "Andel av flyktningene", "Share of refugees";
    equality: "Helt lik fordeling", "Equal shares";
    half_goes_to: "50 % av flyktningene går til {n} av {m} kommuner", "50 % of the refugees go to {n} of {m} municipalities";
    half_short: "halvparten til {n} av {m} kommuner", "half to {n} of {m} municipalities";
    gini: "Gini", "Gini";
    gini_hint: "Gini-koeffisient: 0 er likt antall i hver kommune, nær 1 er alt til én.",
        "Gini coefficient: 0 is the same number in every municipality, near 1 is all to one.";
    curve_point: "{n} kommuner får {share} av flyktningene", "{n} municipalities get {share} of the refugees";
    nothing_to_plot: "Ingen flyktninger er fordelt.", "No refugees are allocated.";

    scatter_title: "Anmodning per 1 000 mot indikator", "Request per 1,000 against an indicator";
    scatter_indicator: "Indikator", "Indicator";
    scatter_missing: "{n} kommuner mangler verdi og vises ikke.", "{n} municipalities have no value and are not shown.";
    no_columns: "Datasettet har ingen indikatorer.", "The dataset has no indicators.";

    history_title: "Nasjonal historikk", "National history";
    history_x: "År", "Year";
    history_y: "Flyktninger", "Refugees";
    settled: "Bosatt", "Settled";
    requested: "Anmodet", "Requested";
    no_history: "Datasettet har ingen historikk.", "The dataset has no history.";

    key_title: "Nøkkeltall", "Key figures";
    target: "Mål", "Target";
    allocated: "Fordelt", "Allocated";
    asked_of: "{n} av {m} kommuner", "{n} of {m} municipalities";
    largest_per_1000: "Høyest per 1 000", "Highest per 1,000";
    half_count: "Halvparten går til", "Half go to";
    municipalities_n: "{n} kommuner", "{n} municipalities";

    click_to_select: "Klikk for å velge kommunen.", "Click to select the municipality.";
});
