//! The map tab's texts.

texts!(MapTexts {
    show: "Vis", "Show";
    request: "Anmodning", "Request";
    per_1000: "Anmodning per 1 000 innbyggere", "Request per 1,000 inhabitants";
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
    not_asked: "Ikke anmodet", "Not asked";
    excluded: "Utelatt (regler eller manuelt)", "Excluded (rules or by hand)";
    no_data: "Mangler verdi", "No value";
    no_municipality: "Ikke i datasettet", "Not in the dataset";
    persons: "personer", "persons";
    followup_status: "Oppfølging: status for vedtak", "Follow-up: status of decisions";
    per_1000_unit: "per 1 000 innbyggere", "per 1,000 inhabitants";
    request_line: "Anmodning", "Request";
    per_1000_line: "Per 1 000 innbyggere", "Per 1,000 inhabitants";
    locked: "låst", "locked";
    reference_line: "Referanse", "Reference";
    fewer: "færre enn referansen", "fewer than the reference";
    more: "flere enn referansen", "more than the reference";
    same: "som referansen", "same as the reference";
});
