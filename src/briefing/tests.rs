use super::*;
use crate::export::test_data;
use crate::figure::Plan;

/// All text of the PDF, page by page, as a reader would extract it.
fn pdf_text(bytes: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(bytes).expect("the PDF parses");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    assert!(!pages.is_empty());
    doc.extract_text(&pages).expect("text extracts")
}

#[test]
fn the_pdf_opens_and_holds_the_key_figures() {
    let (d, s, a) = test_data::imdi_2020_case();
    let plan = Plan { dataset: &d, scenario: &s, allocation: &a, date: "2026-12-04" };
    let input = BriefingInput { plan, reference: None, board: None, year: None, lang: Lang::Nb };
    let bytes = briefing_pdf(&input).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let text = pdf_text(&bytes);
    // Norwegian number format: a no-break space between thousands.
    let target = crate::numfmt::integer(f64::from(a.target), Lang::Nb);
    assert_eq!(target, "5\u{a0}120");
    let flat = text.replace('\u{a0}', " ");
    assert!(flat.contains("5 120"), "the target");
    assert!(flat.contains("Nøkkeltall") && flat.contains("Kommuner anmodet"), "{}", &flat[..flat.len().min(600)]);
    assert!(flat.contains(&a.asked.to_string()), "the number asked");
    let (largest_row, largest) = a.rows.iter().enumerate().max_by_key(|(_, r)| r.allocation).unwrap();
    assert!(flat.contains(&d.municipalities[largest_row].name), "the largest request's municipality");
    assert!(flat.contains(&crate::numfmt::integer(f64::from(largest.allocation), Lang::Nb).replace('\u{a0}', " ")));
    assert!(flat.contains("Kartverket") && flat.contains("CC BY 4.0"), "the map credit");
    assert!(flat.contains("Vedlegg"), "the appendix");
    for m in ["Bodø", "Tromsø"] {
        assert!(flat.contains(m), "{m} in the appendix");
    }
}

#[test]
fn a_reference_plan_and_a_board_add_their_sections() {
    let (d, s, a) = test_data::imdi_2020_case();
    let mut other = s.clone();
    other.name = "Alternativ B".into();
    other.target.total = 4000;
    let b = crate::engine::allocate(&d, &other).unwrap();
    let plan = Plan { dataset: &d, scenario: &s, allocation: &a, date: "2026-12-04" };
    let plans = [
        crate::board::BoardPlan { name: &s.name, allocation: &a },
        crate::board::BoardPlan { name: &other.name, allocation: &b },
    ];
    let board = crate::board::board(&d, &plans, false).unwrap();
    let input = BriefingInput {
        plan,
        reference: Some(Reference::Plan { name: &other.name, allocation: &b }),
        board: Some(&board),
        year: None,
        lang: Lang::En,
    };
    let (pages, pictures) = briefing_pages(&input).unwrap();
    assert_eq!(pictures.len(), 1, "the map");
    let texts: Vec<&str> = pages
        .iter()
        .flatten()
        .filter_map(|op| match op {
            Op::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert!(texts.contains(&"Scenarios side by side"));
    assert!(texts.contains(&"Alternativ B"));
    assert!(texts.contains(&"+1,120"), "the change from the reference plan (5,120 − 4,000)");
    // Everything stays on the A4 page.
    for op in pages.iter().flatten() {
        if let Op::Text { x, y, .. } = op {
            assert!((0.0..layout::PAGE_WIDTH).contains(x) && (0.0..layout::PAGE_HEIGHT).contains(y));
        }
    }
}

/// The texts of each page, in drawing order.
fn page_texts(pages: &[Vec<Op>]) -> Vec<Vec<String>> {
    pages
        .iter()
        .map(|page| {
            page.iter()
                .filter_map(|op| match op {
                    Op::Text { text, .. } => Some(text.replace('\u{a0}', " ")),
                    _ => None,
                })
                .collect()
        })
        .collect()
}

#[test]
fn the_manual_choices_are_listed_with_numbers_and_reasons_and_locked_rows_are_marked() {
    use crate::scenario::Override;
    let (d, mut s, _) = test_data::imdi_2020_case();
    for (code, choice, reason) in [
        ("0301", Override::Lock(250), "Avtalt med Oslo kommune"),
        ("4601", Override::Lock(200), "Vedtak i bystyret"),
        ("5401", Override::Lock(80), ""),
        ("5001", Override::Exclude, "Bosetter mange enslige mindreårige"),
    ] {
        s.overrides.insert(code.into(), choice);
        if !reason.is_empty() {
            s.override_notes.insert(code.into(), reason.into());
        }
    }
    let a = crate::engine::allocate(&d, &s).unwrap();
    let plan = Plan { dataset: &d, scenario: &s, allocation: &a, date: "2026-12-07" };
    let input = BriefingInput {
        plan,
        reference: Some(Reference::Column("anmodning_2019")),
        board: None,
        year: None,
        lang: Lang::Nb,
    };
    let flat = pdf_text(&briefing_pdf(&input).unwrap()).replace('\u{a0}', " ");
    let flat = flat.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Manuelle valg"), "the section");
    for line in [
        "Oslo (0301): låst til 250, anmodning 250 — Avtalt med Oslo kommune",
        "Bergen (4601): låst til 200, anmodning 200 — Vedtak i bystyret",
        "Tromsø (5401): låst til 80, anmodning 80 — ingen begrunnelse oppgitt",
        "Trondheim (5001): utelatt, anmodning 0 — Bosetter mange enslige mindreårige",
    ] {
        assert!(flat.contains(line), "{line} in:\n{flat}");
    }
    assert!(flat.contains("Oslo (låst)"), "a locked row is marked in the tables");
    assert!(flat.contains("(låst): tallet er satt for hånd"), "and the mark explained");

    let (pages, _) = briefing_pages(&input).unwrap();
    let texts = page_texts(&pages);
    // The appendix has the change column and a totals row that sums what it lists.
    let appendix = texts.iter().position(|p| p.iter().any(|t| t.starts_with("Vedlegg"))).unwrap();
    let rest: Vec<&String> = texts[appendix..].iter().flatten().collect();
    assert!(rest.iter().any(|t| *t == "Endring"), "the appendix's change column");
    let total = crate::numfmt::integer(a.allocated as f64, Lang::Nb).replace('\u{a0}', " ");
    let i_alt = rest.iter().rposition(|t| *t == "I alt, anmodede").expect("a totals row");
    assert!(rest[i_alt..].iter().any(|t| **t == total), "the totals row sums the requests to {total}");

    // The largest requests stay on one page with their heading.
    let top = texts.iter().position(|p| p.iter().any(|t| t == "De største anmodningene")).unwrap();
    let mut order: Vec<usize> = (0..a.rows.len()).filter(|&i| a.rows[i].asked()).collect();
    order.sort_by(|&x, &y| a.rows[y].allocation.cmp(&a.rows[x].allocation));
    let last = &d.municipalities[order[sections::LARGEST - 1]].name;
    assert!(texts[top].iter().any(|t| t.starts_with(last.as_str())), "the 15th largest, {last}, on the heading's page");

    // No key-figure label is cut.
    assert!(texts[0].join(" ").contains("Per 1 000 innbyggere, hele landet"), "{:?}", texts[0]);
    assert!(!texts[0].iter().any(|t| t.ends_with('…')), "{:?}", texts[0]);
}

#[test]
fn without_overrides_the_report_says_so() {
    let (d, s, a) = test_data::imdi_2020_case();
    assert!(s.overrides.is_empty());
    let plan = Plan { dataset: &d, scenario: &s, allocation: &a, date: "2026-12-07" };
    let input = BriefingInput { plan, reference: None, board: None, year: None, lang: Lang::En };
    let (pages, _) = briefing_pages(&input).unwrap();
    let all: Vec<String> = page_texts(&pages).concat();
    assert!(all.iter().any(|t| t.starts_with("No manual choices")), "{all:?}");
}

#[test]
fn an_open_year_adds_its_section_and_none_leaves_the_report_as_it_was() {
    use crate::year::{Date, Need, RoundKind, Snapshot, counts_from_column, new_year, recorded_round, year_status};
    let d = crate::data::embedded_dataset("norway-2024").unwrap();
    let s = crate::scenario::parse_scenario(include_str!("../../scenarios/plan-year-2024.ron"), "p.ron").unwrap();
    let a = crate::engine::allocate(&d, &s).unwrap();
    let date = |t: &str| t.parse::<Date>().unwrap();
    let need = Need { date: date("2023-06-15"), total: 36_985, minors: 0, note: String::new() };
    let mut y = new_year(&s, s.dataset.clone(), &d, 2024, need);
    let sent = counts_from_column(&d, "anmodning_2024").unwrap();
    y.add_round(recorded_round(&y, &d, RoundKind::Request, date("2023-10-01"), &sent, "").unwrap()).unwrap();
    let counts = counts_from_column(&d, "vedtak_2024").unwrap();
    y.decisions.push(Snapshot { date: date("2024-02-01"), source: "vedtak_2024".into(), counts });
    // The request left one county's recommendation for Oslo: the log is its own table.
    let mut r = recorded_round(&y, &d, RoundKind::Request, date("2023-10-01"), &sent, "").unwrap();
    let frame = crate::county_round::DeviationReason::Frame;
    r.round
        .deviations
        .insert("0301".into(), crate::county_round::RecordedDeviation { recommended: 1500, reason: frame });
    let mut with_log = y.clone();
    with_log.rounds.clear();
    with_log.add_round(r).unwrap();
    let status = year_status(&y, &d, None).unwrap();
    let plan = Plan { dataset: &d, scenario: &s, allocation: &a, date: "2026-12-04" };
    let logged = year_status(&with_log, &d, None).unwrap();
    let input = BriefingInput { plan, reference: None, board: None, year: Some(&logged), lang: Lang::Nb };
    let flat = pdf_text(&briefing_pdf(&input).unwrap()).replace('\u{a0}', " ");
    assert!(flat.contains("1 kommuner fikk et annet tall enn fylket anbefalte"), "{flat}");
    assert!(flat.contains("tilpasset fylkets ramme") && flat.contains("1 500"), "the line with its reason");
    let with = BriefingInput { plan, reference: None, board: None, year: Some(&status), lang: Lang::Nb };
    let flat = pdf_text(&briefing_pdf(&with).unwrap()).replace('\u{a0}', " ");
    assert!(flat.contains("Bosettingsåret 2024"), "the year's section");
    assert!(flat.contains("28 327") && flat.contains("2023-10-01"), "its figures and its timeline");
    let without = BriefingInput { year: None, ..with };
    let flat = pdf_text(&briefing_pdf(&without).unwrap());
    assert!(!flat.contains("Bosettingsåret"), "no year, no section");
    assert!(!flat.contains("fylket anbefalte"), "no log without a county round");
}

#[test]
fn with_a_record_the_briefing_says_what_decisions_to_expect() {
    let (d, s, a) = test_data::imdi_2020_case();
    let plan = Plan { dataset: &d, scenario: &s, allocation: &a, date: "2026-12-04" };
    let input = BriefingInput { plan, reference: None, board: None, year: None, lang: Lang::Nb };
    let e = expected::expected_for(&input).expect("the 2020 dataset holds the 2019 decisions");
    let flat = pdf_text(&briefing_pdf(&input).unwrap()).replace('\u{a0}', " ");
    let t = expected::ExpectedBriefingTexts::NB;
    assert!(flat.contains(t.heading), "the section");
    let int = |v: f64| crate::numfmt::integer(v, Lang::Nb).replace('\u{a0}', " ");
    assert!(flat.contains(&format!(
        "{} plasser (spenn {}–{})",
        int(e.totals.expected),
        int(e.totals.low),
        int(e.totals.high)
    )));
    // The counties listed are the lowest by expected ÷ requested, in that order.
    let lowest = expected::lowest_counties(&e);
    assert_eq!(lowest.len(), expected::LOWEST_COUNTIES);
    assert!(lowest.windows(2).all(|w| w[0].totals.coverage() <= w[1].totals.coverage()));
    let highest_listed = lowest.last().unwrap().totals.coverage();
    assert!(
        e.counties
            .iter()
            .filter(|c| c.totals.requested > 0.0)
            .all(|c| lowest.iter().any(|l| l.code == c.code) || c.totals.coverage() >= highest_listed)
    );
    let section = &flat[flat.find(t.heading).unwrap()..];
    let positions: Vec<usize> = lowest.iter().map(|c| section.find(&c.name).expect("listed")).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "listed lowest first: {positions:?}");
    assert!(flat.contains("docs/model.md"), "the method note points to the model");
}

#[test]
fn without_a_record_the_briefing_has_no_expected_section() {
    let (mut d, s, a) = test_data::imdi_2020_case();
    d.columns.retain(|c| !c.meta.id.starts_with("vedtak_"));
    let plan = Plan { dataset: &d, scenario: &s, allocation: &a, date: "2026-12-04" };
    let input = BriefingInput { plan, reference: None, board: None, year: None, lang: Lang::Nb };
    assert!(expected::expected_for(&input).is_none());
    let flat = pdf_text(&briefing_pdf(&input).unwrap());
    assert!(!flat.contains(expected::ExpectedBriefingTexts::NB.heading));
    assert!(flat.contains("Nøkkeltall") && flat.contains("Vedlegg"), "the rest of the briefing stays");
}

#[test]
fn a_plan_from_the_county_round_counts_its_own_locks_and_lists_the_deviations() {
    use crate::scenario::Override;
    let (d, mut s, _) = test_data::imdi_2020_case();
    let a = crate::engine::allocate(&d, &s).unwrap();
    // As the round leaves a plan: every municipality locked; Vestland (46) answered, Bergen brought down 12 from
    // what the county recommended, with the note the round writes.
    for (m, r) in d.municipalities.iter().zip(&a.rows) {
        s.overrides.insert(m.code.clone(), Override::Lock(r.allocation));
        if m.county_code == "46" {
            s.county_recommendations.insert(m.code.clone(), r.allocation);
        }
    }
    let bergen = d.index_of_code("4601").unwrap();
    s.county_recommendations.insert("4601".into(), a.rows[bergen].allocation + 12);
    s.override_notes
        .insert("4601".into(), "Anbefalt av fylket: 145; satt til 133 fordi tilpasset fylkets ramme.".into());
    let a = crate::engine::allocate(&d, &s).unwrap();
    let plan = Plan { dataset: &d, scenario: &s, allocation: &a, date: "2026-12-07" };
    let input = BriefingInput { plan, reference: None, board: None, year: None, lang: Lang::Nb };
    let flat = pdf_text(&briefing_pdf(&input).unwrap()).replace('\u{a0}', " ");
    let flat = flat.split_whitespace().collect::<Vec<_>>().join(" ");
    let vestland = d.municipalities.iter().filter(|m| m.county_code == "46").count();
    let summary = format!(
        "Planen er avstemt i fylkesrunden: {} kommuner står som fylket anbefalte, {} har modellens forslag der \
         fylket ikke har svart. Avvik fra anbefalingene og andre tall satt for hånd:",
        vestland - 1,
        d.len() - vestland
    );
    assert!(flat.contains(&summary), "{summary} in:\n{flat}");
    assert!(flat.contains("Bergen (4601): låst til"), "the deviation is listed");
    assert!(!flat.contains("Oslo (0301): låst til"), "a county that did not answer is counted, not listed");
    assert!(!flat.contains("ingen begrunnelse oppgitt"), "no lock of the round's own listed without a reason");
}
