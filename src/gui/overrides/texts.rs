texts!(OverrideTexts {
    title: "Overstyringer", "Overrides";
    title_tip: "Manuelle valg for enkeltkommuner: utelat, ta med uansett reglene, eller lås til et avtalt tall. Høyreklikk en kommune i tabellen, kartet eller diagrammene for å legge til.",
        "Manual decisions for single municipalities: exclude, include regardless of the rules, or lock to an agreed number. Right-click a municipality in the table, the map or the charts to add one.";
    none: "Ingen overstyringer. Høyreklikk en kommune i tabellen, kartet eller diagrammene for å legge til.",
        "No overrides. Right-click a municipality in the table, the map or the charts to add one.";
    exclude: "Utelat", "Exclude";
    include: "Ta med", "Include";
    lock: "Lås", "Lock";
    exclude_menu: "Utelat kommunen", "Exclude the municipality";
    include_menu: "Ta med uansett reglene", "Include regardless of the rules";
    lock_menu: "Lås til nåværende anmodning", "Lock to the current request";
    remove: "Fjern overstyring", "Remove the override";
    kind_tip: "Utelat: anmodes aldri. Ta med: anmodes uansett takregler og minstekrav. Lås: får nøyaktig tallet.",
        "Exclude: never asked. Include: asked whatever the ceiling and minimums. Lock: gets exactly the number.";
    value_tip: "Det låste tallet, for eksempel et vedtak. Enter eller klikk utenfor bruker det; Esc angrer.",
        "The locked number, for example a decision. Enter or clicking elsewhere applies it; Esc reverts.";
    reason: "Begrunnelse", "Reason";
    reason_hint: "hvorfor (vedtak, avtale …)", "why (decision, agreement…)";
    reason_tip: "En merknad om hvorfor overstyringen er gjort; lagres i scenarioet og vises i arbeidsboken.",
        "A note on why the override was made; saved in the scenario and shown in the workbook.";
    locked_total: "Låst i alt", "Locked in total";
    add: "Legg til", "Add";
    add_hint: "kommunenavn eller -nummer", "municipality name or number";
    add_tip: "Skriv navnet eller nummeret på en kommune, og velg Utelat, Ta med eller Lås på linjen under (Tab når dit).",
        "Type a municipality's name or number, then choose Exclude, Include or Lock on the line below (Tab gets there).";
    more: "flere treff – skriv mer", "more matches – type more";
    notes: "Notater", "Notes";
    notes_tip: "Hva scenarioet viser og hvorfor; lagres i filen og skrives i arbeidsboken.",
        "What the scenario shows and why; saved in the file and written to the workbook.";
    notes_hint: "Skriv notater om scenarioet her", "Write notes about the scenario here";
});
