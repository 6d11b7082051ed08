//! The desktop planner (eframe/egui). A thin face on the engine: views read the document and the result,
//! and return commands; one place applies them.

#[macro_use]
pub mod i18n;
pub mod app;
mod apply;
pub mod autosave;
pub mod calibrate_dialog;
pub mod changes;
pub mod chart_png;
pub mod charts;
pub mod command;
mod commit;
pub mod compare_view;
pub mod county_round_view;
pub mod data_tab;
pub mod dataset_switch;
pub mod document;
pub mod edit;
pub mod expected;
pub mod explain_view;
mod export_actions;
pub mod file_dialog;
pub mod followup_view;
pub mod fonts;
pub mod help;
pub mod history;
pub mod map_view;
pub mod modal;
pub mod next_year_dialog;
pub mod notices;
pub mod overrides;
pub mod panels;
pub mod path_matches;
pub mod shortcuts;
pub mod table;
pub mod tabs;
pub mod task;
pub mod view;
pub mod view_state;
pub mod write_failure;
pub mod year_view;

#[cfg(test)]
mod app_tests;
#[cfg(test)]
mod daily_tests;
#[cfg(test)]
mod editing_tests;
#[cfg(test)]
mod file_safety_tests;
#[cfg(test)]
mod test_harness;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use app::App;
use document::Document;
use notices::Notice;
use view_state::Prefs;

/// Opens the planner window on `file`, or on the default scenario. Returns when the window closes.
pub fn run(file: Option<PathBuf>) -> ExitCode {
    let started = Instant::now();
    let mut notices = Vec::new();
    let doc = match file.as_deref().map(Document::open) {
        Some(Ok((doc, warning))) => {
            notices.extend(warning.map(Notice::warning));
            doc
        }
        Some(Err(e)) => {
            notices.push(Notice::error(e.to_string()));
            match Document::new_default() {
                Ok(doc) => doc,
                Err(e) => return fail(&e),
            }
        }
        None => match Document::new_default() {
            Ok(doc) => doc,
            Err(e) => return fail(&e),
        },
    };
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("bosetting")
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([900.0, 600.0])
            .with_app_id("bosetting"),
        ..Default::default()
    };
    let result = eframe::run_native(
        "bosetting",
        options,
        Box::new(move |cc| {
            fonts::install(&cc.egui_ctx);
            let prefs: Prefs = cc.storage.and_then(|s| eframe::get_value(s, Prefs::KEY)).unwrap_or_default();
            let mut app = App::new(doc, prefs)
                .with_start_time(started)
                .with_autosave(autosave::Autosave::in_folder(autosave::default_folder()));
            if let Some(path) = file.filter(|_| notices.iter().all(|n| n.level != notices::Level::Error)) {
                app.prefs.add_recent(path);
            }
            app.notices = notices;
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&e),
    }
}

fn fail(e: &dyn std::fmt::Display) -> ExitCode {
    eprintln!("bosetting: {e}");
    ExitCode::from(1)
}
