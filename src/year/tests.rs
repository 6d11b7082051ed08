//! The year on the 2024 data (the "Done when"), its file, and its bad inputs.

use super::*;
use crate::data::{Dataset, embedded_dataset};
use crate::followup::{Among, column_counts, record_sent_plan, redistribute};
use crate::lang::Lang;
use crate::scenario::{DatasetRef, Scenario, parse_scenario};

const PLAN: &str = include_str!("../../scenarios/plan-year-2024.ron");

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

fn plan() -> Scenario {
    parse_scenario(PLAN, "plan-year-2024.ron").unwrap()
}

fn empty_year(d: &Dataset) -> Year {
    let need = Need { date: date("2023-06-15"), total: 36_985, minors: 0, note: String::new() };
    new_year(&plan(), DatasetRef::Embedded("norway-2024".into()), d, 2024, need)
}

/// The 2024 year: the request as sent (anmodning_2024) and the decisions (vedtak_2024).
fn year_with_decisions(d: &Dataset) -> Year {
    let mut y = empty_year(d);
    let sent = counts_from_column(d, "anmodning_2024").unwrap();
    let made = recorded_round(&y, d, RoundKind::Request, date("2023-10-01"), &sent, "anmodning_2024").unwrap();
    y.add_round(made).unwrap();
    let counts = counts_from_column(d, "vedtak_2024").unwrap();
    y.decisions.push(Snapshot { date: date("2024-02-01"), source: "vedtak_2024".into(), counts });
    y
}

fn row(d: &Dataset, name: &str) -> usize {
    d.municipalities.iter().position(|m| m.name == name).unwrap()
}

#[test]
fn a_recorded_request_keeps_its_numbers_exactly() {
    let d = embedded_dataset("norway-2024").unwrap();
    let y = year_with_decisions(&d);
    let sent = column_counts(&d, "anmodning_2024").unwrap();
    let s = year_status(&y, &d, None).unwrap();
    for (r, v) in s.follow_up.rows.iter().zip(&sent) {
        assert_eq!(r.request, v.unwrap_or(0));
    }
    assert_eq!(y.rounds[0].total(), 36_985);
}

#[test]
fn the_2024_year_with_a_shortfall_round_among_those_who_said_yes() {
    let d = embedded_dataset("norway-2024").unwrap();
    let mut y = year_with_decisions(&d);
    let made = shortfall_round(&y, &d, date("2024-03-01"), Among::Yes, false, "").unwrap();
    let round_total = made.round.total();
    assert_eq!(round_total, 36_985 - 28_327, "the round asks for what is missing");
    y.add_round(made).unwrap();
    let s = year_status(&y, &d, None).unwrap();
    assert_eq!(s.target, 36_985);
    assert_eq!(s.requested(), 36_985 + round_total);
    assert_eq!(s.decided(), 28_327);
    assert_eq!(s.shortfall(), 36_985 - 28_327);
    assert_eq!(s.county_shortfall.iter().sum::<u64>(), s.rows.iter().map(|r| u64::from(r.shortfall)).sum::<u64>());
    let sent = column_counts(&d, "anmodning_2024").unwrap();
    let decided = column_counts(&d, "vedtak_2024").unwrap();
    let mut extra_rows = 0;
    for (i, ((f, r), m)) in s.follow_up.rows.iter().zip(&s.rows).zip(d.municipalities.iter()).enumerate() {
        let first = sent[i].unwrap_or(0);
        let added = y.rounds[1].requests.get(&m.code).copied().unwrap_or(0);
        assert_eq!(f.request, first + added, "{}: the year's total is the request plus the round", m.name);
        assert_eq!(r.rounds, vec![first, added]);
        if added > 0 {
            extra_rows += 1;
            assert_eq!(r.note, Some(RowNote::Extra(added)));
            assert!(decided[i].is_some_and(|x| x >= first), "{}: only those who said yes in full", m.name);
        }
        // Deciding above the request makes nobody's shortfall negative, and it is counted per municipality.
        assert_eq!(u64::from(r.shortfall), decided[i].map_or(0, |x| u64::from(f.request.saturating_sub(x))));
    }
    assert!(extra_rows > 10);
    let text = RowNote::Extra(y.rounds[1].requests.values().copied().max().unwrap()).text(Lang::Nb);
    assert!(text.starts_with('+') && text.ends_with(" ekstra"), "{text}");
    // Those left out carry the reason.
    let below = (0..d.len()).find(|&i| decided[i].is_some_and(|x| x > 0 && x < sent[i].unwrap_or(0))).unwrap();
    assert_eq!(s.rows[below].note, Some(RowNote::LeftOut(LeftOut::DecidedBelow)));
    assert_eq!(s.rows[below].note.unwrap().text(Lang::Nb), "vedtok under anmodningen — ikke med i runden");
    // As of a date before the round, the year is the request alone.
    let before = year_status(&y, &d, Some(date("2024-02-15"))).unwrap();
    assert_eq!((before.requested(), before.decided(), before.rounds.len()), (36_985, 28_327, 1));
    let earlier = year_status(&y, &d, Some(date("2023-12-01"))).unwrap();
    assert_eq!(earlier.decided(), 0, "no decisions yet");
    assert_eq!(s.timeline.iter().map(|p| p.requested).collect::<Vec<_>>(), [36_985, 36_985 + round_total]);
    assert_eq!(s.timeline.iter().map(|p| p.decided).collect::<Vec<_>>(), [0, 28_327]);
}

#[test]
fn a_municipality_that_said_no_is_left_out_as_such() {
    let d = embedded_dataset("norway-2024").unwrap();
    let mut y = year_with_decisions(&d);
    // The 2024 data has no "no"; one is added in a later snapshot.
    let mut counts = y.decisions[0].counts.clone();
    let (code, _) = counts.iter().find(|(_, v)| **v > 0).map(|(c, v)| (c.clone(), *v)).unwrap();
    counts.insert(code.clone(), 0);
    y.decisions.push(Snapshot { date: date("2024-02-20"), source: "typed".into(), counts });
    let s = year_status(&y, &d, None).unwrap();
    assert!(s.decided_change.is_some_and(|c| c < 0), "the change since the last snapshot is shown");
    y.add_round(shortfall_round(&y, &d, date("2024-03-01"), Among::AllButNo, false, "").unwrap()).unwrap();
    let s = year_status(&y, &d, None).unwrap();
    let i = d.index_of_code(&code).unwrap();
    assert_eq!(s.rows[i].note.map(|n| n.text(Lang::Nb)).as_deref(), Some("sa nei"));
    assert_eq!(s.rows[i].rounds[1], 0, "nobody who said no is asked again");
}

#[test]
fn a_revision_to_30000_keeping_decisions_warns_of_the_four_or_keeps_the_band() {
    let d = embedded_dataset("norway-2024").unwrap();
    let y = year_with_decisions(&d);
    let at = date("2024-03-01");
    let unbounded = Revision { keep_plan_bounds: false, ..Revision::to(30_000) };
    let made = revision_round(&y, &d, at, unbounded, "").unwrap();
    assert_eq!(made.allocation.allocated, 30_000);
    let named: std::collections::BTreeSet<String> =
        made.warnings.iter().flat_map(|w| w.rows.iter().map(|&i| d.municipalities[i].name.clone())).collect();
    for name in ["Bygland", "Utsira", "Måsøy", "Rakkestad"] {
        assert!(named.contains(name), "{name} is named: {named:?}");
    }
    let message = made.warnings[0].message(&d, &made.after, Lang::Nb);
    assert!(message.contains("Bygland"), "{message}");
    assert_eq!(made.need.as_ref().map(|n| n.total), Some(30_000), "the need follows the revision");
    // With the plan's band kept (the default), nobody goes above its ceiling — or the revision cannot be made.
    let band = y.plan.rules.change_band.clone().unwrap();
    let sent = column_counts(&d, &band.column).unwrap();
    match revision_round(&y, &d, at, Revision::to(30_000), "") {
        Ok(kept) => {
            let decided = column_counts(&d, "vedtak_2024").unwrap();
            for i in 0..d.len() {
                if decided[i].is_none()
                    && let Some((_, ceiling)) = band.bounds(sent[i].map(f64::from))
                {
                    assert!(kept.after[i] <= ceiling, "{}: {} > {ceiling}", d.display_name(i), kept.after[i]);
                }
            }
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
    let bygland = row(&d, "Bygland");
    assert!(made.after[bygland] > sent[bygland].unwrap_or(0));
}

#[test]
fn a_sent_round_does_not_change_when_the_plan_does() {
    let d = embedded_dataset("norway-2024").unwrap();
    let mut y = empty_year(&d);
    let made = request_round(&y, &d, date("2023-10-01"), None, "").unwrap();
    assert_eq!(made.allocation.allocated, 36_985);
    y.add_round(made).unwrap();
    let frozen = year_status(&y, &d, None).unwrap();
    y.plan.criteria[0].weight = 5.0;
    y.plan.criteria[2].weight = 80.0;
    let after = year_status(&y, &d, None).unwrap();
    assert_eq!(after.follow_up.rows, frozen.follow_up.rows, "the sent numbers stay");
    let again = request_round(&y, &d, date("2023-10-02"), None, "").unwrap();
    assert_ne!(again.round.requests, y.rounds[0].requests, "the changed plan would ask otherwise");
    // A round dated before the last one is refused.
    let early = request_round(&y, &d, date("2023-09-01"), None, "").unwrap();
    assert!(matches!(y.add_round(early), Err(RoundError::BeforeLastRound { .. })));
}

#[test]
fn a_year_survives_save_and_open_byte_for_byte() {
    let d = embedded_dataset("norway-2024").unwrap();
    let mut y = year_with_decisions(&d);
    y.add_round(shortfall_round(&y, &d, date("2024-03-01"), Among::Yes, false, "første runde").unwrap()).unwrap();
    let counts = counts_from_column(&d, "bosatt_2024_delaar").unwrap();
    y.settled.push(Snapshot { date: date("2024-06-30"), source: "bosatt_2024_delaar".into(), counts });
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("2024.year.ron");
    save_year(&path, &y).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let (opened, dataset, warning) = open_year(&path).unwrap();
    assert_eq!((opened == y, warning), (true, None));
    assert_eq!(dataset.id, "norway-2024");
    save_year(&path, &opened).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text, "byte for byte");
    assert_eq!(std::fs::read_to_string(dir.path().join("2024.year.ron.bak")).unwrap(), text, "the .bak is kept");
    // A withdrawn round is kept as a record and counts nowhere.
    let mut w = opened.clone();
    w.withdraw(2, date("2024-03-02"), "sent by mistake").unwrap();
    assert_eq!(w.withdrawn[0].round.kind, RoundKind::Shortfall);
    assert!(w.withdraw(5, date("2024-03-02"), "x").is_err(), "no round 5");
    assert!(w.withdraw(1, date("2024-03-02"), "  ").is_err(), "a reason is kept");
    assert_eq!(year_status(&w, &d, None).unwrap().requested(), 36_985);
    assert_eq!(parse_year(&year_to_text(&w), "w").unwrap(), w);
}

fn error_of(text: &str, what: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.year.ron");
    std::fs::write(&path, text).unwrap();
    match open_year(&path) {
        Ok(_) => panic!("{what}: the file opened"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn bad_year_files_name_file_line_and_cause() {
    let d = embedded_dataset("norway-2024").unwrap();
    let text = year_to_text(&year_with_decisions(&d));
    let e = error_of(&text[..text.len() / 2], "broken");
    assert!(e.contains("bad.year.ron") && e.contains("line"), "broken RON: {e}");
    let e = error_of(&text.replacen("version: 1", "version: 9", 1), "newer");
    assert!(e.contains("bad.year.ron") && e.contains("version 9 is newer"), "newer: {e}");
    // The first code of the request's frozen numbers.
    let at = text.find("requests: {").unwrap() + text[text.find("requests: {").unwrap()..].find("\"0301\": ").unwrap();
    let line = text[..at].lines().count();
    let unknown = format!("{}\"9999\"{}", &text[..at], &text[at + 6..]);
    let e = error_of(&unknown, "unknown");
    assert!(e.contains("bad.year.ron") && e.contains(&format!("line {line}")) && e.contains("9999"), "unknown: {e}");
    let negative = format!("{}-{}", &text[..at + 8], &text[at + 8..]);
    let e = error_of(&negative, "negative");
    assert!(
        e.contains("bad.year.ron") && e.contains(&format!("line {line}")) && e.contains("negative"),
        "negative: {e}"
    );
}

#[test]
fn a_dataset_with_sent_plans_becomes_a_year_in_one_step() {
    let d = embedded_dataset("norway-2024").unwrap();
    let p = plan();
    // What the planner kept before: the request, then the shortfall plan, each as a sent column.
    let request = crate::engine::allocate(&d, &p).unwrap();
    let (d1, first) = record_sent_plan(&d, &request, &p.name).unwrap();
    let requested: Vec<u32> = request.rows.iter().map(|r| r.allocation).collect();
    let decisions = column_counts(&d1, "vedtak_2024").unwrap();
    let f = crate::followup::follow_up(&d1, 36_985, &requested, &decisions, None).unwrap();
    let (shortfall_plan, shortfall) = redistribute(&d1, &p, &f, Among::Yes, false, Some(&first)).unwrap();
    let (d2, second) = record_sent_plan(&d1, &shortfall, &shortfall_plan.name).unwrap();
    assert_eq!((first.as_str(), second.as_str()), ("anmodning_sendt", "anmodning_sendt_2"));
    let mut y = empty_year(&d2);
    assert_eq!(add_sent_columns(&mut y, &d2, date("2024-01-01")).unwrap(), 2);
    let kinds: Vec<RoundKind> = y.rounds.iter().map(|r| r.kind).collect();
    assert_eq!(kinds, [RoundKind::Request, RoundKind::Shortfall]);
    let s = year_status(&y, &d2, None).unwrap();
    assert_eq!(s.requested(), request.allocated + shortfall.allocated);
    // The same dataset as the version before roles wrote it (format 1, no roles) gives the same year.
    let text = crate::data::dataset_file_text(&d2, "x.dataset.ron").unwrap();
    let mut old = text.replacen("format: 2,", "format: 1,", 1);
    for role in ["Request(year: 2024)", "Decisions(year: 2024)", "SentRound(order: 1)", "SentRound(order: 2)"] {
        old = old.replace(&format!(", role: {role}"), "");
    }
    old = old.replace(", role: Settled(year: 2022, partial: false)", "");
    old = old.replace(", role: Settled(year: 2023, partial: false)", "");
    old = old.replace(", role: Settled(year: 2024, partial: true)", "");
    assert!(!old.contains("role:"), "{old}");
    let d_old = crate::data::parse_dataset(&old, "old.dataset.ron").unwrap();
    let mut y_old = empty_year(&d_old);
    assert_eq!(add_sent_columns(&mut y_old, &d_old, date("2024-01-01")).unwrap(), 2);
    assert_eq!(year_status(&y_old, &d_old, None).unwrap().requested(), s.requested());
}

#[test]
fn a_sent_round_opens_as_the_plan_that_made_it() {
    let d = embedded_dataset("norway-2024").unwrap();
    let mut y = year_with_decisions(&d);
    y.add_round(shortfall_round(&y, &d, date("2024-03-01"), Among::Yes, false, "").unwrap()).unwrap();
    let (scenario, data) = round_plan(&y, &d, 1).unwrap();
    let again = crate::engine::allocate(&data, &scenario).unwrap();
    let asked: Counts = data
        .municipalities
        .iter()
        .zip(&again.rows)
        .filter(|(_, r)| r.allocation > 0)
        .map(|(m, r)| (m.code.clone(), r.allocation))
        .collect();
    assert_eq!(asked, y.rounds[1].requests, "the plan gives the frozen numbers again");
    let (_, first) = round_plan(&y, &d, 0).unwrap();
    assert_eq!(first.columns.len(), d.columns.len(), "a request runs on the year's dataset");
    assert!(round_plan(&y, &d, 2).is_err(), "no third round");
}
