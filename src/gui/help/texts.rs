texts!(HelpTexts {
    title: "Slik beregnes planen", "How the plan is computed";
    link_tip: "Slik beregnes planen: forklaring med et regneeksempel (Hjelp-menyen, F1)",
        "How the plan is computed: an explanation with a worked example (Help menu, F1)";
    f1_on: "F1: Hjelp om «", "F1: help on “";
    f1_end: "»", "”";
    overview_heading: "Kort fortalt", "In short";
    overview: "Planen fordeler et nasjonalt mål (antall flyktninger som skal bosettes) på kommunene. Hvert kriterium fordeler sin vekt av målet etter en nøkkel; summen er kommunens andel. Regler og manuelle valg bestemmer hvem som kan anmodes, og andelene rundes til hele personer slik at summen blir nøyaktig målet. Alt beregnes på nytt straks noe endres.",
        "The plan splits a national target (the number of refugees to settle) across the municipalities. Each criterion distributes its weight of the target by a key; the sum is the municipality's share. Rules and manual decisions decide who can be asked, and the shares are rounded to whole people so that they sum exactly to the target. Everything is computed again as soon as something changes.";
    criteria_heading: "Kriterier, vekter og nøkler", "Criteria, weights and keys";
    criteria: "Vektene normaliseres til 100 %: et kriterium med 30 av 100 vektpoeng fordeler 30 % av målet. Størrelse bruker folketallet opphøyd i størrelseseksponenten (under 1 demper store kommuner).",
        "The weights are normalised to 100 %: a criterion with 30 of 100 weight points distributes 30 % of the target. Size uses the population raised to the size exponent (below 1 dampens large municipalities).";
    keys: "En rate (for eksempel sysselsetting i prosent) skaleres fra 0 til 1 over kommunene som kan anmodes (1 er best) og ganges med størrelsesnøkkelen; et antall brukes som det er. Hver nøkkel summerer til 1, så vekten er nøyaktig den delen av målet kriteriet fordeler.",
        "A rate (for example employment in percent) is scaled from 0 to 1 over the municipalities that can be asked (1 is best) and multiplied by the size key; a count is used as it is. Each key sums to 1, so the weight is exactly the part of the target the criterion distributes.";
    missing: "Manglende verdier fylles etter kriteriets valg: fylkesmedian, landsmedian, null, eller kommunen utelates. Fylte celler vises i kursiv med *.",
        "Missing values are filled as the criterion says: county median, national median, zero, or the municipality is left out. Filled cells are shown in italics with *.";
    rules_heading: "Regler og overstyringer", "Rules and overrides";
    rules: "Kommuner over taket for innvandrerandel eller under minste folketall anmodes ikke. Et tak per 1 000 innbyggere eller en kapasitetskolonne holder anmodningen nede. Kommuner med andel under minste anmodning faller ut én om gangen, minste først, og resten deler på nytt.",
        "Municipalities above the immigrant-share ceiling or below the minimum population are not asked. A cap per 1,000 inhabitants or a capacity column holds the request down. Municipalities whose share is below the minimum request drop out one at a time, smallest first, and the rest share again.";
    overrides: "Overstyringer: «Utelat» anmodes aldri, «Ta med» anmodes uansett reglene (minst minste anmodning), og «Lås» får nøyaktig tallet. Låste tall trekkes fra målet først; de andre deler resten, så hvert bidrag skaleres ned med (mål − låst) / mål.",
        "Overrides: \"Exclude\" is never asked, \"Include\" is asked whatever the rules (at least the minimum request), and \"Lock\" gets exactly its number. Locked numbers come off the target first; the others share the rest, so every contribution is scaled down by (target − locked) / target.";
    rounding_heading: "Avrunding og enslige mindreårige", "Rounding and unaccompanied minors";
    rounding: "Andelene rundes til hele personer med valgt metode (Sainte-Laguë som standard) innenfor minste anmodning og taket, slik at summen blir nøyaktig målet. Likt utfall avgjøres av største andel, så laveste kommunenummer, og rapporteres.",
        "The shares are rounded to whole people with the chosen method (Sainte-Laguë by default) within the minimum request and the cap, so that they sum exactly to the target. Ties go to the larger share, then the lower municipality number, and are reported.";
    minors: "Enslige mindreårige fordeles med samme nøkkel blant kommuner med anmodning over terskelen.",
        "Unaccompanied minors are split with the same key among municipalities whose request reaches the threshold.";
    example_heading: "Regneeksempel", "Worked example";
    example_setup: "Mål 100. To kriterier: størrelse med vekt 60 % og arbeidsmarked med vekt 40 %. Minste anmodning 10. Tre kommuner:",
        "Target 100. Two criteria: size with weight 60 % and labour market with weight 40 %. Minimum request 10. Three municipalities:";
    example_table: "Kommune|Folketall|Størrelsesnøkkel|Størrelse (60)|Arbeidsmarkedsnøkkel|Arbeidsmarked (40)\nA|20 000|62,5 %|37,5|50 %|20,0\nB|10 000|31,25 %|18,75|40 %|16,0\nC|2 000|6,25 %|3,75|10 %|4,0",
        "Municipality|Population|Size key|Size (60)|Labour-market key|Labour market (40)\nA|20,000|62.5 %|37.5|50 %|20.0\nB|10,000|31.25 %|18.75|40 %|16.0\nC|2,000|6.25 %|3.75|10 %|4.0";
    example_drop: "Andelene er A 57,5, B 34,75 og C 7,75. C er under minste anmodning 10 og faller ut. Målet deles på nytt mellom A og B i forhold til andelene deres: A får 100 × 57,5 / 92,25 og B 100 × 34,75 / 92,25.",
        "The shares are A 57.5, B 34.75 and C 7.75. C is below the minimum request of 10 and drops out. The target is shared again between A and B in proportion to their shares: A gets 100 × 57.5 / 92.25 and B 100 × 34.75 / 92.25.";
    example_result: "A får 62,33 og B 37,67. Avrundet: A 62 og B 38 – til sammen nøyaktig målet 100. Forklar-fanen viser de samme stegene for hver kommune i planen.",
        "A gets 62.33 and B 37.67. Rounded: A 62 and B 38 – together exactly the target of 100. The Explain tab shows the same steps for every municipality of the plan.";
});
