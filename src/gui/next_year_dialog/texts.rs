//! The dialog's texts in bokmål and English.

texts!(NextYearTexts {
    menu: "Ny anmodning fra i fjor …", "Next year's request from last year's…";
    title: "Ny anmodning fra i fjor", "Next year's request from last year's";
    intro: "Planen starter fra fjorårets anmodning skalert til ny ramme, og kriteriene flytter en andel av den. \
        Andelen og vektene tilpasses på overgangen fra året før til i fjor. Scenarioet endres først når du \
        velger «Åpne planen».",
        "The plan starts from last year's request scaled to the new total, and the criteria move a share of it. \
        The share and the weights are fitted on the move from the year before to last year. The scenario \
        changes only when you choose Open the plan.";
    last: "I fjor", "Last year";
    before: "Året før", "The year before";
    target: "Ny ramme", "New total";
    same: "Velg to ulike kolonner.", "Choose two different columns.";
    too_few: "Datasettet trenger to kolonner med anmodninger.", "The dataset needs two columns of requests.";
    run: "Tilpass", "Fit";
    running: "Tilpasser …", "Fitting…";
    cancel: "Avbryt", "Cancel";
    failed: "Kunne ikke tilpasse:", "Could not fit:";
    share: "Kriterienes andel", "The criteria's share";
    mae: "Avvik per kommune", "Error per municipality";
    baseline: "I fjor skalert, samme kommuner", "Last year scaled, same municipalities";
    loco: "Ett fylke holdt ute om gangen", "Leaving one county out";
    agreement: "Anmodet/ikke anmodet stemmer", "Asked/not asked agree";
    asked: "Kommuner anmodet i ny plan", "Municipalities asked in the new plan";
    accept: "Åpne planen", "Open the plan";
    close: "Lukk", "Close";
    opened: "Åpnet planen fra", "Opened the plan from";
});
