//! The dialog's texts in bokmål and English.

texts!(CalibrateTexts {
    menu: "Tilpass vekter til referanse …", "Fit weights to reference…";
    button: "Tilpass til referanse …", "Fit to reference…";
    button_tip: "Finn vektene som gir anmodninger nærmest en referanse, for eksempel fjorårets anmodning.",
        "Find the weights whose requests come closest to a reference, such as last year's request.";
    title: "Tilpass vekter til referanse", "Fit weights to reference";
    locks: "Låste kommuner tar", "Locked municipalities take";
    locks_tail: "De følger ikke vektene, så tilpasningen gjelder bare resten.",
        "They do not follow the weights, so the fit covers only the rest.";
    intro: "Søker etter vektene (og eventuelt størrelseseksponenten) som gir anmodninger nærmest referansen. \
        Scenarioet endres først når du velger «Bruk».",
        "Searches for the weights (and optionally the size exponent) whose requests come closest to the \
        reference. The scenario changes only when you choose Accept.";
    reference: "Referanse", "Reference";
    reference_tip: "En kolonne i datasettet med personer per kommune, eller en CSV-fil med kommunenummer og verdi.",
        "A dataset column of persons per municipality, or a CSV file of municipality code and value.";
    csv_file: "CSV-fil …", "CSV file…";
    csv_tip: "En tabell med overskriftslinje: kommunenummer i første kolonne, verdi i andre. \
        Kommuner som ikke står i filen, regnes som ikke anmodet.",
        "A table with a header line: municipality code in the first column, value in the second. \
        Municipalities the file does not list count as not asked.";
    no_columns: "Datasettet har ingen kolonne som kan brukes som referanse.",
        "The dataset has no column that can serve as a reference.";
    choose: "Velg en referanse", "Choose a reference";
    target: "Mål", "Target";
    target_tip: "Antallet som fordeles mens vektene tilpasses.", "The number allocated while the weights are fitted.";
    reference_total: "referansens sum", "the reference's total";
    fit_exponent: "Tilpass også størrelseseksponenten", "Fit the size exponent too";
    fit_exponent_tip: "Ellers beholdes scenarioets eksponent.", "Otherwise the scenario's exponent is kept.";
    continuity: "Ta med kontinuitetskriteriet", "Include the continuity criterion";
    continuity_tip: "Av som standard: kontinuitet ville bare kopiere en referanse som ligner fjorårets anmodning.",
        "Off by default: continuity would simply copy a reference that resembles last year's request.";
    run: "Tilpass", "Fit";
    running: "Tilpasser …", "Fitting…";
    cancel: "Avbryt", "Cancel";
    failed: "Kunne ikke tilpasse:", "Could not fit:";
    fitted_to: "Tilpasset til", "Fitted to";
    asked: "kommuner anmodet", "municipalities asked";
    criterion: "Kriterium", "Criterion";
    now: "Nå", "Now";
    fitted: "Tilpasset", "Fitted";
    size_exponent: "Størrelseseksponent", "Size exponent";
    fit: "Tilpasning", "Fit";
    mae: "Gjennomsnittlig avvik", "Mean absolute error";
    mae_tip: "Gjennomsnittlig forskjell i personer over kommunene referansen anmodet.",
        "Mean difference in persons over the municipalities the reference asked.";
    persons: "personer", "persons";
    agreement: "Anmodet/ikke anmodet stemmer", "Asked/not asked agree";
    agreement_tip: "Andelen kommuner der modellen og referansen er enige om hvem som anmodes.",
        "Share of municipalities on which model and reference agree about who is asked.";
    r2_tip: "Forklart varians: 1 er perfekt, 0 er ikke bedre enn gjennomsnittet.",
        "Variance explained: 1 is perfect, 0 is no better than the mean.";
    evaluations: "fordelinger beregnet", "allocations computed";
    model: "Modell", "Model";
    reference_axis: "Referanse (skalert til målet)", "Reference (scaled to the target)";
    equal: "y = x", "y = x";
    municipalities: "Kommuner", "Municipalities";
    accept: "Bruk", "Accept";
    accept_tip: "Setter de tilpassede vektene i scenarioet; ett angre-steg.",
        "Puts the fitted weights into the scenario; one undo step.";
    discard: "Forkast", "Discard";
    close: "Lukk", "Close";
    stale: "Scenarioet er endret etter tilpasningen; kjør den på nytt.",
        "The scenario changed after the fit; run it again.";
    applied: "Vekter tilpasset til", "Weights fitted to";
});
