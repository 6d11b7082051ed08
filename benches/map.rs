//! One frame of the Map tab, headless: egui layout and input, hover hit-test, painting and epaint
//! tessellation of the whole country (356 municipalities), as the app does it every frame.

use std::hint::black_box;

use bosetting::data::embedded_dataset;
use bosetting::engine::allocate;
use bosetting::gui::map_view::{MapState, show_map};
use bosetting::gui::view::ViewContext;
use bosetting::lang::Lang;
use bosetting::scenario::parse_scenario;
use criterion::{Criterion, criterion_group, criterion_main};
use eframe::egui::{self, Event, Pos2, RawInput, Rect, pos2, vec2};

/// Points over land in a 1400 × 900 window at the fitted zoom: Oslo, Bergen, Trondheim, Tromsø,
/// Finnmark and the sea.
const POINTERS: [Pos2; 6] = [
    pos2(545.0, 735.0),
    pos2(395.0, 680.0),
    pos2(560.0, 520.0),
    pos2(770.0, 170.0),
    pos2(900.0, 120.0),
    pos2(1100.0, 600.0),
];

fn map_frame(c: &mut Criterion) {
    let dataset = embedded_dataset("norway-2020").expect("embedded dataset");
    let scenario =
        parse_scenario(include_str!("../scenarios/imdi-2020.ron"), "imdi-2020.ron").expect("example scenario");
    let allocation = allocate(&dataset, &scenario).expect("allocates");
    let view = ViewContext {
        dataset: &dataset,
        scenario: &scenario,
        allocation: Ok(&allocation),
        lang: Lang::Nb,
        selected: dataset.index_of_code("5001"),
        expected: None,
    };
    let ctx = egui::Context::default();
    let screen = Rect::from_min_size(Pos2::ZERO, vec2(1400.0, 900.0));
    let mut time = 0.0;
    let mut frame = |state: &mut MapState, events: Vec<Event>| {
        time += 1.0 / 60.0;
        let input = RawInput { screen_rect: Some(screen), time: Some(time), events, ..Default::default() };
        let output = ctx.run_ui(input, |ui| {
            black_box(show_map(ui, &view, state));
        });
        black_box(ctx.tessellate(output.shapes, output.pixels_per_point));
    };

    let mut state = MapState::default();
    frame(&mut state, Vec::new());

    // The common case: the pointer moves over the map, the view stays.
    let mut i = 0;
    c.bench_function("map frame, hover", |b| {
        b.iter(|| {
            i += 1;
            frame(&mut state, vec![Event::PointerMoved(POINTERS[i % POINTERS.len()])]);
        })
    });

    // Zooming in and back out around the same point: every frame changes the view, so the screen
    // meshes and lines are rebuilt too, while the whole country stays in view.
    c.bench_function("map frame, zoom", |b| {
        b.iter(|| {
            i += 1;
            let factor = if i % 2 == 0 { 1.05 } else { 1.0 / 1.05 };
            frame(&mut state, vec![Event::PointerMoved(POINTERS[(i / 2) % 3]), Event::Zoom(factor)]);
        })
    });

    // Opening the tab: decode and triangulate the borders, then draw.
    c.bench_function("map first frame", |b| {
        b.iter(|| {
            let mut fresh = MapState::default();
            frame(&mut fresh, Vec::new());
        })
    });
}

criterion_group!(benches, map_frame);
criterion_main!(benches);
