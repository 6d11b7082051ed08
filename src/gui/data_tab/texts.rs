//! Texts of the Data tab and the import dialog.

texts!(DataTexts {
    dataset: "Datasett", "Dataset";
    id: "Id", "Id";
    fingerprint: "Fingeravtrykk", "Fingerprint";
    municipalities: "Kommuner", "Municipalities";
    credits: "Kilder", "Credits";
    unsaved: "Datasettet har importerte kolonner som ikke er lagret ennå; de lagres ved siden av scenarioet.",
        "The dataset has imported columns not saved yet; they are saved next to the scenario.";
    switch: "Bytt datasett:", "Switch dataset:";
    open_file: "Datasettfil …", "Dataset file…";
    open_file_tip: "Bruk et eget datasett (*.dataset.ron), for eksempel ett som er lagret med importerte kolonner",
        "Use a dataset of your own (*.dataset.ron), e.g. one saved with imported columns";
    import: "Importer indikator …", "Import indicator…";
    fetch_ssb: "Hent fra SSB …", "Fetch from SSB…";
    save_dataset: "Lagre scenario og datasett", "Save scenario and dataset";
    label: "Navn", "Label";
    unit: "Enhet", "Unit";
    year: "År", "Year";
    source: "Kilde", "Source";
    licence: "Lisens", "Licence";
    direction: "Retning", "Direction";
    kind: "Type", "Kind";
    role: "Rolle", "Role";
    role_tip: "Hva kolonnen er for bosettingsåret: oppfølgingen, historikken og kalibreringen finner anmodning, vedtak og bosatte etter rollen, ikke etter kolonnens id",
        "What the column is for the settlement year: the follow-up, the history and calibration find the request, decisions and settled by their role, not by the column's id";
    role_rate: "— (ikke et antall)", "— (not a count)";
    missing: "Mangler", "Missing";
    filled: "Manglende verdier fylles med", "Missing cells filled with";
    not_used: "ikke brukt", "not used";
    default_for: "standard", "default";
    higher: "høyere er bedre", "higher is better";
    lower: "lavere er bedre", "lower is better";
    intensive: "rate (intensiv)", "rate (intensive)";
    extensive: "antall (ekstensiv)", "count (extensive)";
    rules: "regler/referanse", "rules/reference";
});

texts!(ImportTexts {
    title: "Importer indikator", "Import indicator";
    reading: "Leser filen …", "Reading the file…";
    file: "Fil", "File";
    format: "Format", "Format";
    encoding: "Tegnkoding", "Encoding";
    delimiter: "Skilletegn", "Delimiter";
    rows: "rader", "rows";
    code_column: "Kolonne med kommunenummer", "Municipality code column";
    value_column: "Kolonne med verdier", "Value column";
    id: "Id (bokstaver, tall, _)", "Id (letters, digits, _)";
    label: "Navn (bokmål)", "Label (bokmål)";
    label_en: "Navn (engelsk, valgfritt)", "Label (English, optional)";
    unit: "Enhet", "Unit";
    year: "År", "Year";
    source: "Kilde", "Source";
    licence: "Lisens", "Licence";
    direction: "Retning", "Direction";
    kind: "Type", "Kind";
    role_guessed: "ut fra id og år; endres i Data-fanen", "from the id and year; changed in the Data tab";
    matched: "kommuner med verdi", "municipalities with a value";
    without: "kommuner i datasettet uten verdi", "municipalities of the dataset without a value";
    unknown: "ukjente kommunenummer", "unknown codes";
    line: "linje", "line";
    not_in: "ikke en kommune i", "not a municipality in";
    leave_out: "Utelat ukjente kommunenummer", "Leave unmatched codes out";
    problems: "Problemer i filen", "Problems in the file";
    apply: "Legg til kolonnen", "Add the column";
    cancel: "Avbryt", "Cancel";
    added: "Kolonnen er lagt til:", "Column added:";
    cannot: "Kunne ikke legge til kolonnen:", "Could not add the column:";
    no_table: "Ingen tabell lest.", "No table read.";
    need_id: "Skriv inn en id for kolonnen.", "Enter an id for the column.";
    need_source_and_licence: "Fyll inn kilde og lisens: hvem som har publisert tallene, og på hvilke vilkår.",
        "Fill in the source and the licence: who published the values, and on what terms.";
    need_source: "Fyll inn kilde: hvem som har publisert tallene.", "Fill in the source: who published the values.";
    need_licence: "Fyll inn lisens: vilkårene tallene kan brukes på.", "Fill in the licence: the terms the values may be used on.";
    source_hint: "påkrevd, f.eks. «SSB, tabell 13563»", "required, e.g. \"SSB, table 13563\"";
    licence_hint: "påkrevd, f.eks. «CC BY 4.0»", "required, e.g. \"CC BY 4.0\"";
    need_leave_out: "Kryss av for å utelate de ukjente kommunenumrene.", "Tick the box to leave the unknown codes out.";
    same_columns: "Kommunenummer og verdier må være ulike kolonner.", "Codes and values must be different columns.";
    estimated: "verdier blir merket som anslag (rater for delte eller sammenslåtte kommuner)",
        "values will be marked as estimates (rates of split or merged municipalities)";
});

texts!(SsbTexts {
    title: "Hent fra SSB", "Fetch from SSB";
    intro: "Henter én verdi per kommune fra en tabell i SSBs statistikkbank (PxWebApi 2). Tall på andre kommunegrenser føres over til datasettets.",
        "Fetches one value per municipality from a table of SSB's statistics bank (PxWebApi 2). Figures on other municipality borders are moved to the dataset's.";
    table: "Tabellnummer", "Table number";
    contents: "Statistikkvariabel", "Statistics variable";
    contents_hint: "når tabellen har flere", "when the table has several";
    year: "År", "Year";
    year_hint: "siste", "latest";
    fetch: "Hent", "Fetch";
    cancel_request: "Avbryt", "Cancel";
    close: "Lukk", "Close";
    reading_metadata: "Leser tabellens dimensjoner …", "Reading the table's dimensions …";
    reading_data: "Henter verdiene …", "Fetching the values …";
});

texts!(BorderTexts {
    borders: "Kommunegrenser", "Municipality borders";
    neither: "ukjente (verken 2020 eller 2024)", "unknown (neither 2020 nor 2024)";
    move_to: "Flytt til {to}-grenser", "Move to {to} borders";
    move_tip: "Fører scenarioets datasett og overstyringer over til de andre kommunegrensene (delte kommuner etter folketall, rater som anslag). Kan angres.",
        "Moves the scenario's dataset and overrides to the other municipality borders (split municipalities by population, rates as estimates). Can be undone.";
    moved: "Flyttet til {to}-grenser.", "Moved to {to} borders.";
    cannot_move: "Kan ikke flytte:", "Cannot move:";
    override_moved: "overstyring", "override";
});
