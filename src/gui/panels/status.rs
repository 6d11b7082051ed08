//! The status bar: the result in one line, and which municipalities the last change brought in or left out.

use egui::{RichText, Ui};

use crate::data::Dataset;
use crate::gui::app::Computed;
use crate::gui::changes::ChangeNote;
use crate::lang::Lang;
use crate::numfmt::{decimal, integer};

texts!(StatusTexts {
    allocated: "Fordelt", "Allocated";
    of: "av", "of";
    differs: "Fordelt avviker fra målet", "The allocated total differs from the target";
    no_result: "Ingen fordeling – se meldingen", "No allocation – see the message";
    asked: "kommuner anmodet", "municipalities asked";
    minors: "Enslige mindreårige", "Unaccompanied minors";
    largest: "Høyest per 1 000", "Largest per 1,000";
    computed: "Beregnet på", "Computed in";
    change: "Endring", "Change";
});

/// `year`: the open year's file name, if a year is open.
pub fn show(
    ui: &mut Ui,
    computed: &Computed,
    dataset: &Dataset,
    note: Option<&ChangeNote>,
    year: Option<&str>,
    lang: Lang,
) {
    let t = StatusTexts::get(lang);
    let warn = ui.visuals().warn_fg_color;
    ui.horizontal(|ui| {
        if let Some(year) = year {
            ui.label(
                RichText::new(format!("{}: {year}", crate::gui::year_view::YearTexts::get(lang).status_bar)).strong(),
            );
            ui.separator();
        }
        match &computed.result {
            Ok(a) => {
                let text = format!(
                    "{}: {} {} {}",
                    t.allocated,
                    integer(a.allocated as f64, lang),
                    t.of,
                    integer(f64::from(a.target), lang)
                );
                if a.allocated == u64::from(a.target) {
                    ui.label(format!("✔ {text}"));
                } else {
                    ui.label(RichText::new(format!("⚠ {text}")).color(warn).strong()).on_hover_text(t.differs);
                }
                ui.separator();
                ui.label(format!("{} {}", integer(a.asked as f64, lang), t.asked));
                ui.separator();
                ui.label(format!(
                    "{}: {} {} {}",
                    t.minors,
                    integer(a.minors_allocated as f64, lang),
                    t.of,
                    integer(f64::from(a.minors_target), lang)
                ));
                if let Some((row, per)) = a.largest_per_1000()
                    && row < dataset.len()
                {
                    ui.separator();
                    let name = dataset.display_name(row);
                    ui.label(format!("{}: {name} ({})", t.largest, decimal(per, 1, lang)));
                }
            }
            Err(_) => {
                ui.label(RichText::new(format!("⚠ {}", t.no_result)).color(warn).strong());
            }
        }
        ui.separator();
        let ms = computed.elapsed.as_secs_f64() * 1000.0;
        ui.label(format!("{} {} ms", t.computed, decimal(ms, 2, lang)));
    });
    if let Some(note) = note {
        ui.horizontal(|ui| {
            ui.label(RichText::new(format!("{}: {}", t.change, note.text(lang))).color(ui.visuals().hyperlink_color));
        });
    }
}
