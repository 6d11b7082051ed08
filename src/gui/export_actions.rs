//! Exports of the result from the planner: a file (XLSX or CSV) and the table on the clipboard.

use std::path::{Path, PathBuf};

use super::app::App;
use super::command::Exported;
use super::modal::{ExportExists, Modal};
use super::notices::Notice;
use crate::export::{ExportFormat, export_to_file, table_tsv, today_in_norway};
use crate::report::{Cell, result_table};

texts!(ExportTexts {
    cannot_export: "Kunne ikke eksportere til", "Could not export to";
    exported: "Eksportert til", "Exported to";
    no_result: "Det er ingen fordeling å eksportere.", "There is no allocation to export.";
    copied: "Tabellen er kopiert", "The table is copied";
    all: "alle", "all";
    of: "av", "of";
    rows: "rader", "rows";
    filtered: "de som vises i Tabell", "those the Table shows";
    chart_saved: "Figuren er lagret i", "The figure is saved in";
    cannot_save_chart: "Kunne ikke lagre figuren i", "Could not save the figure in";
    briefing_saved: "Orienteringen er lagret i", "The briefing is saved in";
    cannot_save_briefing: "Kunne ikke lagre orienteringen i", "Could not save the briefing in";
});

impl App {
    /// Writes the export, but asks first when the target exists: an export never replaces a file silently.
    pub(super) fn export_checked(&mut self, path: PathBuf, chosen: ExportFormat) {
        let (path, format) = target(path, chosen);
        if path.exists() {
            self.modal.open(Modal::ExportExists(ExportExists { path, what: Exported::Table(format) }));
        } else {
            self.export_now(&path, format);
        }
    }

    pub(super) fn export_now(&mut self, path: &Path, format: ExportFormat) {
        let t = ExportTexts::get(self.view.lang);
        let Ok(allocation) = &self.computed.result else {
            self.notices.push(Notice::error(t.no_result));
            return;
        };
        let written = export_to_file(
            path,
            format,
            self.doc.dataset(),
            self.doc.scenario(),
            allocation,
            self.view.lang,
            &today_in_norway(),
            &self.expected_columns(),
        );
        match written {
            Ok(()) => self.notices.push(Notice::info(format!("{} {}", t.exported, path.display()))),
            Err(e) => self.notices.push(Notice::error(format!("{} {}: {e}", t.cannot_export, path.display()))),
        }
    }

    /// Like [`Self::export_checked`], for the figure (SVG or PNG by the extension; PNG without one).
    pub(super) fn chart_checked(&mut self, path: PathBuf) {
        let path =
            if crate::figure::FigureFormat::from_path(&path).is_none() { path.with_extension("png") } else { path };
        if path.exists() {
            self.modal.open(Modal::ExportExists(ExportExists { path, what: Exported::Chart }));
        } else {
            self.chart_now(&path);
        }
    }

    /// Draws the figure of the current view from the plan's data on a background thread; the file is
    /// written when it is done (see [`Self::poll_chart`]).
    pub(super) fn chart_now(&mut self, path: &Path) {
        let Some(plan) = self.plan_copy() else { return };
        if let Some(ctx) = &self.window.ctx {
            let spec = super::chart_png::figure_for_view(&self.view, self.doc.dataset(), self.view.lang);
            self.chart = Some(super::chart_png::request_figure(ctx, plan, spec, path));
            ctx.request_repaint();
        }
    }

    /// Like [`Self::export_checked`], for the briefing report (a `.pdf` file).
    pub(super) fn briefing_checked(&mut self, path: PathBuf) {
        let path = if path.extension().is_none() { path.with_extension("pdf") } else { path };
        if path.exists() {
            self.modal.open(Modal::ExportExists(ExportExists { path, what: Exported::Briefing }));
        } else {
            self.briefing_now(&path);
        }
    }

    /// Writes the briefing report on a background thread.
    pub(super) fn briefing_now(&mut self, path: &Path) {
        let Some(plan) = self.plan_copy() else { return };
        if let Some(ctx) = &self.window.ctx {
            self.chart = Some(super::chart_png::request_briefing(ctx, plan, self.view.lang, path));
            ctx.request_repaint();
        }
    }

    /// The plan for a background thread, or a notice when there is none.
    fn plan_copy(&mut self) -> Option<super::chart_png::PlanCopy> {
        let Ok(allocation) = &self.computed.result else {
            self.notices.push(Notice::error(ExportTexts::get(self.view.lang).no_result));
            return None;
        };
        Some(super::chart_png::PlanCopy {
            dataset: self.doc.dataset().clone(),
            scenario: self.doc.scenario().clone(),
            allocation: allocation.clone(),
            date: today_in_norway(),
            year: self.year.as_ref().and_then(|y| y.prepared().status.as_ref().ok().cloned()),
        })
    }

    /// Reports a finished chart capture.
    pub(super) fn poll_chart(&mut self) {
        let Some(pending) = &mut self.chart else { return };
        let Some(result) = pending.poll() else { return };
        let t = ExportTexts::get(self.view.lang);
        let shown = pending.path.display().to_string();
        self.chart = None;
        let pdf = shown.to_ascii_lowercase().ends_with(".pdf");
        let (saved, failed) =
            if pdf { (t.briefing_saved, t.cannot_save_briefing) } else { (t.chart_saved, t.cannot_save_chart) };
        match result {
            Ok(()) => self.notices.push(Notice::info(format!("{saved} {shown}"))),
            Err(e) => self.notices.push(Notice::error(format!("{failed} {shown}: {e}"))),
        }
    }

    /// The expected decisions as a column after the request, for the workbook, the CSV file and the clipboard
    /// (none when the dataset holds no decisions to learn from).
    fn expected_columns(&self) -> Vec<crate::report::ExtraColumn> {
        let Some(e) = self.view.expected.get() else { return Vec::new() };
        let lang = self.view.lang;
        let cells = e
            .rows
            .iter()
            .map(|x| if x.request > 0.0 { Cell::Int(x.expected.round() as i64) } else { Cell::Empty })
            .collect();
        let header = super::expected::ExpectedTexts::get(lang).column.to_owned();
        vec![crate::report::ExtraColumn { after: crate::lang::Words::get(lang).request.to_owned(), header, cells }]
    }

    /// Copies the rows the Table tab shows, in its order and with its filter; the notice says how many.
    pub(super) fn copy_table(&mut self) {
        let t = ExportTexts::get(self.view.lang);
        let Ok(allocation) = &self.computed.result else {
            self.notices.push(Notice::error(t.no_result));
            return;
        };
        let lang = self.view.lang;
        let ctx = super::view::ViewContext {
            dataset: self.doc.dataset(),
            scenario: self.doc.scenario(),
            allocation: Ok(allocation),
            lang,
            selected: self.view.selected,
            expected: None,
        };
        let shown = self.view.table_rows.rows(&ctx, &self.view.table, self.computed.generation).to_vec();
        let table = result_table(self.doc.dataset(), self.doc.scenario(), allocation, lang);
        let mut table = table.with_extra(&self.expected_columns());
        table.rows = shown.iter().filter_map(|&r| table.rows.get(r).cloned()).collect();
        if let Some(ctx) = &self.window.ctx {
            ctx.copy_text(table_tsv(&table, lang));
        }
        let total = self.doc.dataset().len();
        let n = |v: usize| crate::numfmt::integer(v as f64, lang);
        let what = if shown.len() == total {
            format!("{} {} {}", t.all, n(total), t.rows)
        } else {
            format!("{} {} {} {} ({})", n(shown.len()), t.of, n(total), t.rows, t.filtered)
        };
        self.notices.push(Notice::info(format!("{}: {what}", t.copied)));
    }
}

/// The file and format actually written: the extension the user typed wins over the menu entry (keeping the
/// chosen CSV flavour), and a name without one gets the format's.
pub(super) fn target(path: PathBuf, chosen: ExportFormat) -> (PathBuf, ExportFormat) {
    match ExportFormat::from_path(&path) {
        Some(ExportFormat::Xlsx) => (path, ExportFormat::Xlsx),
        Some(ExportFormat::Csv(style)) => match chosen {
            ExportFormat::Csv(_) => (path, chosen),
            ExportFormat::Xlsx => (path, ExportFormat::Csv(style)),
        },
        None if path.extension().is_none() => (path.with_extension(chosen.extension()), chosen),
        None => (path, chosen),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::CsvStyle;

    #[test]
    fn extension_decides_and_a_bare_name_gets_one() {
        let plain = ExportFormat::Csv(CsvStyle::Plain);
        assert_eq!(target("a.csv".into(), plain), (PathBuf::from("a.csv"), plain));
        assert_eq!(target("a.xlsx".into(), plain), (PathBuf::from("a.xlsx"), ExportFormat::Xlsx));
        assert_eq!(target("a".into(), ExportFormat::Xlsx), (PathBuf::from("a.xlsx"), ExportFormat::Xlsx));
        assert_eq!(
            target("a.CSV".into(), ExportFormat::Xlsx),
            (PathBuf::from("a.CSV"), ExportFormat::Csv(CsvStyle::ExcelNo))
        );
    }
}
