//! The map tab's texts.

texts!(MapTexts {
    show: "Vis", "Show";
    request: crate::lang::Words::NB.request, crate::lang::Words::EN.request;
    per_1000: crate::lang::Words::NB.request_per_1000, crate::lang::Words::EN.request_per_1000;
    difference_from: "Forskjell fra", "Difference from";
    indicators: "Indikatorer", "Indicators";
    mark_not_asked: "Marker ikke anmodet", "Mark not asked";
    mark_not_asked_hint: "Skraver kommuner som ikke anmodes, også når kartet viser en indikator",
        "Hatch municipalities that are not asked, also when the map shows an indicator";
    whole_country: "Hele landet", "Whole country";
    hint: "Dra for å flytte, rull for å zoome, dobbeltklikk for hele landet",
        "Drag to pan, scroll to zoom, double-click for the whole country";
    map_label: "Kart over kommunene", "Map of the municipalities";
    no_map: "Ingen kart for dette datasettet. Kart finnes for de innebygde kommunegrensene 2020 og 2024; tabellen og diagrammene virker som vanlig.",
        "No map for this dataset. Maps exist for the built-in 2020 and 2024 municipality borders; the table and charts work as usual.";
    map_error: "Kartet kunne ikke leses", "The map could not be read";
    no_result: "Ingen beregning å vise", "No result to show";
    not_asked: crate::lang::Words::NB.not_asked, crate::lang::Words::EN.not_asked;
    excluded: crate::lang::Words::NB.excluded, crate::lang::Words::EN.excluded;
    no_data: "Mangler verdi", "No value";
    no_municipality: "Ikke i datasettet", "Not in the dataset";
    persons: crate::lang::Words::NB.persons, crate::lang::Words::EN.persons;
    followup_status: crate::lang::Words::NB.followup_status, crate::lang::Words::EN.followup_status;
    expected_ratio: crate::lang::Words::NB.expected_ratio, crate::lang::Words::EN.expected_ratio;
    county_deviation: crate::lang::Words::NB.county_deviation, crate::lang::Words::EN.county_deviation;
    per_1000_unit: crate::lang::Words::NB.per_1000_unit, crate::lang::Words::EN.per_1000_unit;
    request_line: crate::lang::Words::NB.request, crate::lang::Words::EN.request;
    per_1000_line: "Per 1 000 innbyggere", "Per 1,000 inhabitants";
    locked: "låst", "locked";
    reference_line: crate::lang::Words::NB.reference, crate::lang::Words::EN.reference;
    recommended_line: crate::lang::Words::NB.recommended_by_county, crate::lang::Words::EN.recommended_by_county;
    fewer: "færre enn referansen", "fewer than the reference";
    more: "flere enn referansen", "more than the reference";
    same: "som referansen", "same as the reference";
});
