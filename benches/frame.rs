//! CPU time of one full planner frame (headless, no GPU) on the Table, Charts, Map, Follow-up and Året tabs: as the app runs it
//! (egui layout, painting and tessellation; no screen reader attached), and through kittest, which also builds
//! the accessibility tree every frame.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use egui::{Pos2, RawInput, Rect, vec2};
use egui_kittest::Harness;

use bosetting::gui::app::App;
use bosetting::gui::document::Document;
use bosetting::gui::view_state::{Prefs, Tab};

const TABS: [(&str, Tab); 3] = [("table", Tab::Table), ("charts", Tab::Charts), ("map", Tab::Map)];

fn app(tab: Tab) -> App {
    let mut app = App::new(Document::new_default().expect("default scenario"), Prefs::default());
    app.view.tab = tab;
    app
}

fn harness(tab: Tab) -> Harness<'static, App> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_context_setup(bosetting::gui::fonts::install)
        .build_ui_state(|ui, app: &mut App| app.show(ui), app(tab));
    h.run();
    h
}

fn frames(c: &mut Criterion) {
    for (name, tab) in TABS {
        let ctx = egui::Context::default();
        bosetting::gui::fonts::install(&ctx);
        let mut app = app(tab);
        let screen = Rect::from_min_size(Pos2::ZERO, vec2(1400.0, 900.0));
        let mut time = 0.0;
        let mut frame = || {
            time += 1.0 / 60.0;
            let input = RawInput { screen_rect: Some(screen), time: Some(time), ..Default::default() };
            let output = ctx.run_ui(input, |ui| app.show(ui));
            black_box(ctx.tessellate(output.shapes, output.pixels_per_point));
        };
        // The first frames lay out fonts and open the map; the steady state is what a user feels.
        for _ in 0..3 {
            frame();
        }
        c.bench_function(&format!("frame: {name} tab"), |b| b.iter(&mut frame));
    }
    for (name, tab) in TABS {
        let mut h = harness(tab);
        c.bench_function(&format!("frame: {name} tab (kittest, with accessibility tree)"), |b| b.iter(|| h.step()));
    }
}

/// A tab's frame two ways: the app's own (layout, paint, tessellation) and kittest's, with its accessibility tree.
fn tab_frames(c: &mut Criterion, name: &str, make_app: impl Fn() -> App) {
    let ctx = egui::Context::default();
    bosetting::gui::fonts::install(&ctx);
    let mut app = make_app();
    let screen = Rect::from_min_size(Pos2::ZERO, vec2(1400.0, 900.0));
    let mut time = 0.0;
    let mut frame = || {
        time += 1.0 / 60.0;
        let input = RawInput { screen_rect: Some(screen), time: Some(time), ..Default::default() };
        let output = ctx.run_ui(input, |ui| app.show(ui));
        black_box(ctx.tessellate(output.shapes, output.pixels_per_point));
    };
    for _ in 0..3 {
        frame();
    }
    c.bench_function(&format!("frame: {name}"), |b| b.iter(&mut frame));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_context_setup(bosetting::gui::fonts::install)
        .build_ui_state(|ui, app: &mut App| app.show(ui), make_app());
    h.run();
    c.bench_function(&format!("frame: {name} (kittest, with accessibility tree)"), |b| b.iter(|| h.step()));
}

/// The Follow-up tab on the 2024 decisions (the 2020 dataset has none): the app's own frame and kittest's.
fn followup_frames(c: &mut Criterion) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/imdi-2024.ron");
    let followup_app = || {
        let (doc, _) = Document::open(std::path::Path::new(path)).expect("imdi-2024.ron");
        let mut app = App::new(doc, Prefs::default());
        app.view.tab = Tab::FollowUp;
        app
    };
    tab_frames(c, "followup tab", followup_app);
}

/// A year of 10 rounds (the 2024 request, a revision and eight shortfall rounds) with decisions and settled
/// counts, as `benches/year.rs` makes it.
fn ten_round_year(dataset: &bosetting::data::Dataset) -> bosetting::year::Year {
    use bosetting::followup::Among;
    use bosetting::year::{
        Date, Need, Revision, RoundKind, Snapshot, counts_from_column, new_year, recorded_round, revision_round,
        shortfall_round,
    };
    let plan =
        bosetting::scenario::parse_scenario(include_str!("../scenarios/plan-year-2024.ron"), "plan-year-2024.ron")
            .expect("plan-year-2024.ron");
    let day = |d: u32| Date::from_ymd(2024, 1 + d / 28, 1 + d % 28).expect("a date");
    let need = Need { date: day(0), total: 36_985, minors: 0, note: String::new() };
    let embedded = bosetting::scenario::DatasetRef::Embedded("norway-2024".into());
    let mut year = new_year(&plan, embedded, dataset, 2024, need);
    let sent = counts_from_column(dataset, "anmodning_2024").expect("anmodning_2024");
    let request = recorded_round(&year, dataset, RoundKind::Request, day(1), &sent, "").expect("request");
    year.add_round(request).expect("request");
    let counts = counts_from_column(dataset, "vedtak_2024").expect("vedtak_2024");
    year.decisions.push(Snapshot { date: day(2), source: "vedtak_2024".into(), counts });
    let counts = counts_from_column(dataset, "bosatt_2024_delaar").expect("bosatt_2024_delaar");
    year.settled.push(Snapshot { date: day(3), source: "bosatt_2024_delaar".into(), counts });
    let to_40000 = Revision { keep_decisions: false, keep_plan_bounds: false, ..Revision::to(40_000) };
    year.add_round(revision_round(&year, dataset, day(4), to_40000, "").expect("revision")).expect("revision");
    for k in 0..8 {
        let round = shortfall_round(&year, dataset, day(5 + 3 * k), Among::AllButNo, false, "").expect("shortfall");
        year.add_round(round).expect("shortfall");
    }
    year
}

/// The Året tab with a year of 10 rounds open: the app's own frame, kittest's, and the tab's data prepared
/// (once per change of the year, never per frame).
fn year_frames(c: &mut Criterion) {
    use bosetting::gui::year_view::{OpenYear, prepare};
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/plan-year-2024.ron");
    let dataset = bosetting::data::embedded_dataset("norway-2024").expect("norway-2024");
    let year = ten_round_year(&dataset);
    let year_app = || {
        let (doc, _) = Document::open(std::path::Path::new(path)).expect("plan-year-2024.ron");
        let mut app = App::new(doc, Prefs::default());
        let file = std::env::temp_dir().join("bench-2024.year.ron");
        app.year = Some(OpenYear::new(file, year.clone(), dataset.clone(), app.view.lang));
        app.view.tab = Tab::Year;
        app
    };
    tab_frames(c, "year tab, 10 rounds", year_app);
    let lang = bosetting::lang::Lang::Nb;
    c.bench_function("year tab: data prepared on a change, 10 rounds", |b| {
        b.iter(|| prepare(&year, year.rounds.len(), &dataset, &[], lang))
    });
}

criterion_group!(frame, frames, followup_frames, year_frames);
criterion_main!(frame);
