//! CPU time of one full planner frame (headless, no GPU): the table tab and the charts tab.

use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;

use bosetting::gui::app::App;
use bosetting::gui::document::Document;
use bosetting::gui::view_state::{Prefs, Tab};

fn harness(tab: Tab) -> Harness<'static, App> {
    let mut app = App::new(Document::new_default().expect("default scenario"), Prefs::default());
    app.view.tab = tab;
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_context_setup(bosetting::gui::fonts::install)
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    h.run();
    h
}

fn frames(c: &mut Criterion) {
    for (name, tab) in
        [("frame: table tab", Tab::Table), ("frame: charts tab", Tab::Charts), ("frame: map tab", Tab::Map)]
    {
        let mut h = harness(tab);
        c.bench_function(name, |b| b.iter(|| h.step()));
    }
}

criterion_group!(frame, frames);
criterion_main!(frame);
