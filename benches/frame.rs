//! CPU time of one full planner frame (headless, no GPU) on the Table, Charts and Map tabs: as the app runs it
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

/// The Follow-up tab on the 2024 decisions (the 2020 dataset has none): the app's own frame and kittest's.
fn followup_frames(c: &mut Criterion) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/imdi-2024.ron");
    let followup_app = || {
        let (doc, _) = Document::open(std::path::Path::new(path)).expect("imdi-2024.ron");
        let mut app = App::new(doc, Prefs::default());
        app.view.tab = Tab::FollowUp;
        app
    };
    let ctx = egui::Context::default();
    bosetting::gui::fonts::install(&ctx);
    let mut app = followup_app();
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
    c.bench_function("frame: followup tab", |b| b.iter(&mut frame));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_context_setup(bosetting::gui::fonts::install)
        .build_ui_state(|ui, app: &mut App| app.show(ui), followup_app());
    h.run();
    c.bench_function("frame: followup tab (kittest, with accessibility tree)", |b| b.iter(|| h.step()));
}

criterion_group!(frame, frames, followup_frames);
criterion_main!(frame);
