//! The Compare tab's texts.

texts!(CompareTexts {
    tab: "Sammenlign", "Compare";
    compare_with: "Sammenlign med:", "Compare with:";
    column: "Kolonne i datasettet", "Dataset column";
    column_tip: "Et tall per kommune i datasettet, for eksempel fjorårets anmodning.",
        "A number per municipality in the dataset, for example last year's request.";
    choose_column: "velg kolonne", "choose a column";
    no_columns: "Datasettet har ingen kolonner med antall personer.", "The dataset has no columns counting people.";
    saved: "Sist lagrede versjon", "As last saved";
    saved_tip: "Det åpne scenarioet slik det sist ble lagret (eller åpnet), mot endringene siden.",
        "The open scenario as it was last saved (or opened), against the changes since.";
    file: "Annen scenariofil …", "Other scenario file…";
    file_tip: "Et annet scenario (.ron) på samme datasett. Filen leses bare; det åpne dokumentet endres ikke.",
        "Another scenario (.ron) on the same dataset. The file is only read; the open document is not changed.";
    export: "Eksporter sammenligning", "Export comparison";
    hint: "Velg hva gjeldende plan skal sammenlignes med: en kolonne i datasettet (for eksempel fjorårets anmodning), scenarioet slik det sist ble lagret, eller en annen scenariofil.",
        "Choose what to compare the current plan with: a dataset column (for example last year's request), the scenario as last saved, or another scenario file.";
    now: "Nå", "Now";
    baseline: "Grunnlag", "Baseline";
    change: "Endring", "Change";
    target: "Mål", "Target";
    allocated: "Fordelt", "Allocated";
    asked: "Kommuner anmodet", "Municipalities asked";
    minors: "Herav enslige mindreårige", "Of which unaccompanied minors";
    current: "Gjeldende scenario", "Current scenario";
    unsaved: "med ulagrede endringer", "with unsaved changes";
    saved_version: "Sist lagrede versjon av", "Last saved version of";
    file_version: "Scenariofil", "Scenario file";
    column_version: "Kolonne", "Column";
    missing: "kommuner mangler verdi i grunnlaget og regnes som 0.", "municipalities have no value in the baseline and count as 0.";
    cannot_load: "Kunne ikke lese sammenligningsgrunnlaget:", "Could not read the baseline:";
    baseline_failed: "Grunnlaget gir ingen fordeling:", "The baseline gives no allocation:";
    no_current: "Gjeldende scenario gir ingen fordeling å sammenligne.", "The current scenario gives no allocation to compare.";
    different_rows: "Planene gjelder ulike kommuner: grunnlaget har", "The plans cover different municipalities: the baseline has";
    different_rows_2: "kommuner, gjeldende plan", "municipalities, the current plan";
    same_dataset: "Sammenlign planer på samme datasett.", "Compare plans on the same dataset.";
    other_borders: "Planen det sammenlignes med er på andre kommunegrenser og er ført over med SSBs kodeendringer (en delt kommunes anmodning fordelt etter folketall).",
        "The plan compared with is on other municipality borders and was moved with SSB's code changes (a split municipality's request shared by population).";
    different_codes: "Planene gjelder ulike kommuner (kommunenumrene er ikke de samme). Sammenlign planer på samme datasett.",
        "The plans cover different municipalities (the municipality numbers differ). Compare plans on the same dataset.";
    unknown_column: "Datasettet har ingen kolonne", "The dataset has no column";
    search: "Søk", "Search";
    search_hint: "kommunenavn eller -nummer", "municipality name or number";
    only_changed: "Bare endrede", "Only changed";
    only_changed_tip: "Vis bare kommuner der tallet er endret.", "Show only municipalities whose number changed.";
    showing: "Viser", "Showing";
    of: "av", "of";
    code: "Nr.", "No.";
    name: "Kommune", "Municipality";
    county: "Fylke", "County";
    before: "Før", "Before";
    after: "Etter", "After";
    percent: "Endring %", "Change %";
    note: "Merknad", "Note";
    newly_asked: "nytt anmodet", "newly asked";
    no_longer_asked: "ikke lenger anmodet", "no longer asked";
    chart_title: "Største økninger og nedganger", "Largest gains and losses";
    chart_x: "Endring (personer)", "Change (people)";
    no_change: "Ingen kommuner har endret tall.", "No municipality's number changed.";
    click_to_select: "Klikk for å velge kommunen", "Click to select the municipality";
    counties: "Fylker", "Counties";
    exported: "Sammenligningen er eksportert til", "The comparison is exported to";
    cannot_export: "Kunne ikke eksportere sammenligningen til", "Could not export the comparison to";
    nothing_to_export: "Det er ingen sammenligning å eksportere.", "There is no comparison to export.";
    open_path: "Åpne scenario å sammenligne med", "Open a scenario to compare with";
    export_path: "Eksporter sammenligning", "Export comparison";
    export_suffix: "sammenligning", "comparison";
});
