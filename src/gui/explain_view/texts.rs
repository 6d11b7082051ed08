//! Every text of the Explain tab, in bokmål and English.

texts!(ExplainTexts {
    steps: "Trinn for trinn", "Step by step";
    steps_tip: "Hvordan kommunen kommer fram til sin anmodning: kriterienes bidrag, deretter reglene.",
        "How the municipality arrives at its request: the criteria's contributions, then the rules.";
    weights: "Vektfølsomhet", "Weight sensitivity";
    weights_tip: "Kommunens anmodning når én vekt går fra 0 til 100 %.",
        "The municipality's request as one weight goes from 0 to 100 %.";
    plan: "Hele planen ±10 p.p.", "Whole plan ±10 pp";
    plan_tip: "Hvor mange kommuner som får et annet tall når hver vekt flyttes 10 prosentpoeng ned eller opp.",
        "How many municipalities get a different number when each weight moves 10 percentage points down or up.";
    target: "Usikkert mål", "Uncertain target";
    target_tip: "Hver kommunes anmodning over et spenn av mål.",
        "Every municipality's request over a range of targets.";
    municipality: "Kommune", "Municipality";
    choose: "Velg kommune …", "Choose municipality…";
    search_hint: "navn eller nummer", "name or number";
    search: "Søk", "Search";
    no_match: "Ingen kommune passer søket.", "No municipality matches the search.";
    none_selected: "Ingen kommune er valgt", "No municipality selected";
    how_to_select: "Klikk en kommune i tabellen, på kartet eller i et diagram, eller søk den opp her:",
        "Click a municipality in the table, on the map or in a chart, or look it up here:";
    no_result: "Ingen fordeling å forklare:", "No allocation to explain:";
    request: "Anmodning", "Request";
    minors_count: "herav {} enslige mindreårige", "of which {} unaccompanied minors";
    minors_one: "herav 1 enslig mindreårig", "of which 1 unaccompanied minor";
    not_asked: crate::lang::Words::NB.not_asked_lower, crate::lang::Words::EN.not_asked_lower;
    // Waterfall
    waterfall_x: "Antall (andel av målet)", "Number (share of the target)";
    waterfall_y: "Trinn", "Step";
    up: "Øker", "Raises";
    down: "Senker", "Lowers";
    total: "Anmodning", "Request";
    minors_part: "Herav enslige mindreårige", "Of which unaccompanied minors";
    step_locked: "Låst", "Locked";
    step_excluded: crate::lang::Words::NB.not_asked, crate::lang::Words::EN.not_asked;
    step_cap: "Tak", "Cap";
    step_floor: "Nedre grense", "Lower bound";
    step_redistribution: "Omfordeling", "Redistribution";
    step_locked_elsewhere: "Låst hos andre", "Locked elsewhere";
    step_dropped: "Under minste anmodning", "Below minimum request";
    step_rounding: "Avrunding", "Rounding";
    from: "fra", "from";
    to: "til", "to";
    change: "Endring", "Change";
    in_words: "Forklart i ord", "In words";
    // Weight sensitivity
    weights_intro: "Anmodningen når én vekt går fra 0 til 100 % og de andre vektene skaleres i forhold. \
        Punktet på hver kurve er dagens vekt.",
        "The request as one weight goes from 0 to 100 % and the other weights are rescaled in proportion. \
        The dot on each curve is today's weight.";
    weight_share: "Vektandel", "Weight share";
    criterion: "Kriterium", "Criterion";
    now: "Nå", "Now";
    at_zero: "Ved 0 %", "At 0 %";
    at_full: "Ved 100 %", "At 100 %";
    span: "Spenn", "Range";
    today: "dagens vekt", "today's weight";
    computing: "Beregner …", "Computing…";
    refused_points: "punkter avvist av modellen", "points refused by the model";
    // Tornado
    plan_intro: "Hver vekt flyttet 10 prosentpoeng ned (venstre) og opp (høyre), de andre skalert i forhold. \
        Søylene viser hvor mange kommuner som får et annet tall; etiketten den største endringen.",
        "Each weight moved 10 percentage points down (left) and up (right), the others rescaled in proportion. \
        The bars show how many municipalities get a different number; the label the largest change.";
    minus: "−10 p.p.", "−10 pp";
    plus: "+10 p.p.", "+10 pp";
    changed_x: "Kommuner som endres", "Municipalities that change";
    changed: "kommuner endres", "municipalities change";
    largest: "størst", "largest";
    nothing_changes: "ingen endring", "no change";
    refused: "avvist", "refused";
    weight_now: "vekt nå", "weight now";
    moved_to: "flyttet til", "moved to";
    // Target range
    target_intro: "Anmodningen til hver kommune når målet varierer. Spennet kan vises som egen kolonne i tabellen.",
        "Every municipality's request as the target varies. The range can be shown as a column in the table.";
    target_from: "Mål fra", "Target from";
    target_to: "til", "to";
    target_step: "steg", "step";
    reset_range: "±20 %", "±20 %";
    reset_range_tip: "Tilbake til dagens mål −20 % til +20 %.", "Back to today's target −20 % to +20 %.";
    show_in_table: "Vis spennet i tabellen", "Show the range in the table";
    show_in_table_tip: "En kolonne «Spenn» ved siden av anmodningen i Tabell-fanen.",
        "A column \"Range\" next to the request in the Table tab.";
    targets_computed: "mål beregnet", "targets computed";
    targets_refused: "avvist", "refused";
    at_targets: "ved mål", "at targets";
    today_target: "I dag, ved mål", "Today, at target";
    range_column: "Spenn", "Range";
    range_column_tip: "Minste og største anmodning ved mål", "Smallest and largest request at targets";
    select_for_range: "Velg en kommune for å se dens spenn.", "Choose a municipality to see its range.";
    widest: "Størst spenn", "Widest ranges";
    step_raised: "Steget er økt for å holde antall beregninger nede.",
        "The step was raised to keep the number of runs down.";
});
