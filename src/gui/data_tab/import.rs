//! The import dialog's state: the file read off the UI thread, the chosen columns, the new column's
//! metadata, and the preview of what applying would do.

use std::path::{Path, PathBuf};

use crate::borders::{BorderReport, Estimate};
use crate::data::{ColumnMeta, ColumnRole, Dataset, Direction, Kind, Text};
use crate::fileio::read_limited;
use crate::gui::task::{Task, TaskError};
use crate::import::borders::to_dataset_borders;
use crate::import::{Guess, Problem, Table, extract, guess, guess_kind, guess_role, match_codes, read_table};
use crate::scenario::MissingPolicy;

/// The source and licence of a column fetched from SSB, filled in from what SSB says. A file, whatever its
/// format, leaves them empty for the analyst, who must fill them in: a file in SSB's format may hold anyone's
/// numbers, and nothing is credited to SSB by mistake.
const SSB_SOURCE: &str = "SSB";
const SSB_LICENCE: &str = "CC BY 4.0 (SSB)";

/// A municipality code and its value (`None`: in the file, but no number).
pub type CodeValue = (String, Option<f64>);

/// What applying the current choice would add, recomputed when the columns change.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    /// (code, value) for codes of the dataset.
    pub matched: Vec<CodeValue>,
    /// Codes with a value that the dataset has.
    pub with_value: usize,
    /// Municipalities of the dataset without a value.
    pub without_value: usize,
    /// (code, line) of codes the dataset does not have.
    pub unknown: Vec<(String, usize)>,
    pub problems: Vec<Problem>,
    /// The kind the values were read as: counts and rates move differently between borders.
    pub kind: Kind,
    /// What moving the file onto the dataset's borders did, when it is on the other vintage.
    pub borders: Option<BorderReport>,
    /// Cells that will be marked as estimates.
    pub estimated: Vec<Estimate>,
}

/// The preview of the table: `table`, `code_col` and `value_col` against `dataset`, values read as `kind`.
pub fn preview(table: &Table, code_col: usize, value_col: usize, dataset: &Dataset, kind: Kind) -> Preview {
    let extracted = extract(table, code_col, value_col);
    let on_borders = to_dataset_borders(&extracted, dataset, kind);
    let extracted = on_borders.as_ref().map_or(extracted.clone(), |b| b.extracted.clone());
    let codes: Vec<&str> = dataset.municipalities.iter().map(|m| m.code.as_str()).collect();
    let m = match_codes(&extracted, &codes);
    let with_value = m.matched.iter().filter(|(_, v)| v.is_some()).count();
    Preview {
        with_value,
        without_value: dataset.len().saturating_sub(with_value),
        unknown: m.unknown_codes,
        matched: m.matched,
        problems: extracted.problems,
        kind,
        estimated: on_borders.as_ref().map(|b| b.estimated.clone()).unwrap_or_default(),
        borders: on_borders.map(|b| b.report),
    }
}

pub struct ImportDialog {
    pub path: PathBuf,
    loading: Option<Task<Table, String>>,
    pub table: Option<Table>,
    /// A file that could not be read, or a refused apply; shown in the dialog.
    pub error: Option<String>,
    pub code_col: usize,
    pub value_col: usize,
    pub id: String,
    /// Bokmål; also used in English unless `label_en` is given.
    pub label: String,
    pub label_en: String,
    pub unit: String,
    pub year: String,
    pub source: String,
    pub licence: String,
    pub direction: Direction,
    pub kind: Kind,
    pub leave_out_unknown: bool,
    pub preview: Option<Preview>,
}

impl ImportDialog {
    fn empty(path: PathBuf) -> Self {
        ImportDialog {
            path,
            loading: None,
            table: None,
            error: None,
            code_col: 0,
            value_col: 0,
            id: String::new(),
            label: String::new(),
            label_en: String::new(),
            unit: String::new(),
            year: String::new(),
            source: String::new(),
            licence: String::new(),
            direction: Direction::HigherIsBetter,
            kind: Kind::Intensive,
            leave_out_unknown: false,
            preview: None,
        }
    }

    /// Starts reading `path` on a background thread; `repaint` is asked for when it is done.
    pub fn load(path: PathBuf, repaint: Option<egui::Context>) -> Self {
        let file = path.clone();
        let mut dialog = ImportDialog::empty(path);
        match Task::spawn("import-read", repaint, move |_| read(&file)) {
            Ok(task) => dialog.loading = Some(task),
            Err(e) => dialog.error = Some(e.to_string()),
        }
        dialog
    }

    /// A table fetched from SSB, with what the table says about itself filled in.
    pub fn fetched(fetched: super::ssb::FetchedTable, dataset: &Dataset) -> Self {
        let s = &fetched.selection;
        let mut dialog = ImportDialog::empty(PathBuf::from(&fetched.source));
        dialog.id = suggest_id(Path::new(&format!("ssb_{}", s.table)), dataset);
        dialog.label = s.contents_label.clone().unwrap_or_default();
        dialog.unit = s.unit.clone().unwrap_or_default();
        dialog.source = format!("{SSB_SOURCE}, tabell {}", s.table);
        dialog.licence = SSB_LICENCE.into();
        dialog.finish(Ok(fetched.table), dataset);
        if let Some(year) = &s.year {
            dialog.year.clone_from(year);
        }
        dialog
    }

    pub fn is_loading(&self) -> bool {
        self.loading.is_some()
    }

    /// Takes the read table once it is there; guesses the columns and fills the preview.
    pub fn poll(&mut self, dataset: &Dataset) {
        let Some(answer) = self.loading.as_mut().and_then(Task::poll) else { return };
        self.loading = None;
        self.finish(answer, dataset);
    }

    /// Waits for the read to finish (tests).
    #[cfg(test)]
    pub fn wait(&mut self, dataset: &Dataset) {
        if let Some(task) = &mut self.loading {
            task.wait(std::time::Duration::from_secs(60));
        }
        self.poll(dataset);
    }

    fn finish(&mut self, answer: Result<Table, TaskError<String>>, dataset: &Dataset) {
        match answer {
            Ok(table) => {
                let (code, value) = match guess(&table) {
                    Guess::Found { code, value } => (code, value),
                    // No column is clearly the values: none is preselected (the value column starts on the
                    // code column), so Import waits until the analyst picks one.
                    Guess::Unclear { code, .. } => (code, code),
                    Guess::NoCodeColumn => (0, table.headers.len().saturating_sub(1)),
                };
                self.code_col = code;
                self.value_col = value;
                if let Some(h) = table.headers.get(value) {
                    // A year header ("2024") is the year of the values.
                    if h.len() == 4 && h.chars().all(|c| c.is_ascii_digit()) {
                        self.year = h.clone();
                    }
                }
                if self.id.is_empty() {
                    self.id = suggest_id(&self.path, dataset);
                }
                self.table = Some(table);
                self.error = None;
                self.refresh(dataset);
            }
            Err(TaskError::Stopped) => self.error = Some(format!("{}: reading stopped", self.path.display())),
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    /// Recomputes the preview after a change of columns.
    /// A new value column (or table): its kind as the CLI guesses it (a count when the values are whole
    /// numbers summing to a national total), then the preview. The analyst can still choose the other.
    pub fn refresh(&mut self, dataset: &Dataset) {
        if let Some(t) = &self.table {
            let values: Vec<Option<f64>> =
                extract(t, self.code_col, self.value_col).values.iter().map(|v| v.value).collect();
            self.kind = guess_kind(None, None, &values).0;
        }
        self.recompute(dataset);
    }

    fn recompute(&mut self, dataset: &Dataset) {
        self.preview = self.table.as_ref().map(|t| preview(t, self.code_col, self.value_col, dataset, self.kind));
    }

    /// Recomputes the preview when the kind changed since it was made (counts and rates map differently).
    pub fn refresh_if_kind_changed(&mut self, dataset: &Dataset) {
        if self.preview.as_ref().is_some_and(|p| p.kind != self.kind) {
            self.recompute(dataset);
        }
    }

    /// The role the column gets, guessed from its id and year as the CLI does (changed in the Data tab).
    pub fn role(&self) -> Option<ColumnRole> {
        let preview = self.preview.as_ref()?;
        let values: Vec<Option<f64>> = preview.matched.iter().map(|(_, v)| *v).collect();
        (self.kind == Kind::Extensive).then(|| guess_role(self.id.trim(), self.year.trim(), &values)).flatten()
    }

    /// The column to add, or why it cannot be added yet (texts from `t`).
    pub fn column(&self, t: &super::texts::ImportTexts) -> Result<(ColumnMeta, &[CodeValue]), String> {
        let preview = self.preview.as_ref().ok_or_else(|| t.no_table.to_owned())?;
        let id = self.id.trim();
        if id.is_empty() {
            return Err(t.need_id.into());
        }
        if self.code_col == self.value_col {
            return Err(t.same_columns.into());
        }
        if !preview.unknown.is_empty() && !self.leave_out_unknown {
            return Err(t.need_leave_out.into());
        }
        // Required for a file: its format says nothing about who published the numbers.
        match (self.source.trim().is_empty(), self.licence.trim().is_empty()) {
            (true, true) => return Err(t.need_source_and_licence.into()),
            (true, false) => return Err(t.need_source.into()),
            (false, true) => return Err(t.need_licence.into()),
            (false, false) => {}
        }
        let label = if self.label.trim().is_empty() { id } else { self.label.trim() };
        let label_en = if self.label_en.trim().is_empty() { label } else { self.label_en.trim() };
        let meta = ColumnMeta {
            id: id.to_owned(),
            label: Text::new(label, label_en),
            unit: self.unit.trim().to_owned(),
            year: self.year.trim().to_owned(),
            source: self.source.trim().to_owned(),
            licence: self.licence.trim().to_owned(),
            direction: self.direction,
            kind: self.kind,
            // As the CLI: a missing count is nothing; a missing rate is like the county's.
            default_missing: match self.kind {
                Kind::Extensive => MissingPolicy::Zero,
                Kind::Intensive => MissingPolicy::CountyMedian,
            },
            range: None,
            estimated: preview.estimated.clone(),
            role: self.role(),
        };
        Ok((meta, &preview.matched))
    }
}

/// A column id from the file name ("13563 Sysselsatte.csv" → "k13563_sysselsatte"), not yet in `dataset`.
pub fn suggest_id(path: &Path, dataset: &Dataset) -> String {
    let stem = path.file_stem().map(|s| s.to_string_lossy().to_lowercase()).unwrap_or_default();
    let mut id: String = stem.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect();
    while id.contains("__") {
        id = id.replace("__", "_");
    }
    let mut id = id.trim_matches('_').to_owned();
    if !id.starts_with(|c: char| c.is_ascii_alphabetic()) {
        id.insert(0, 'k');
    }
    let base = id.clone();
    let mut n = 2;
    while dataset.column(&id).is_some() {
        id = format!("{base}_{n}");
        n += 1;
    }
    id
}

/// Reads and parses the file; errors name the file and, where known, the line.
fn read(path: &Path) -> Result<Table, String> {
    let bytes = read_limited(path).map_err(|e| e.to_string())?;
    read_table(&bytes, &path.display().to_string()).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::embedded_dataset;

    #[test]
    fn a_table_without_a_clear_value_column_waits_for_a_choice() {
        let d = embedded_dataset("norway-2024").unwrap();
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_inputs/t_year_as_value.csv");
        let mut dialog = ImportDialog::load(path, None);
        dialog.wait(&d);
        assert_eq!((dialog.code_col, dialog.value_col), (0, 0), "the year column is not preselected");
        dialog.id = "x".into();
        let t = crate::gui::data_tab::texts::ImportTexts::get(crate::lang::Lang::En);
        assert_eq!(dialog.column(t).unwrap_err(), t.same_columns);
    }

    #[test]
    fn no_file_is_credited_to_anyone_and_both_credits_are_required() {
        let d = embedded_dataset("norway-2024").unwrap();
        let t = crate::gui::data_tab::texts::ImportTexts::get(crate::lang::Lang::En);
        let fixture = |name: &str| Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import").join(name);
        for file in ["ssb_07459_semicolon_latin1.csv", "plain_semicolon_utf8.csv"] {
            let mut dialog = ImportDialog::load(fixture(file), None);
            dialog.wait(&d);
            assert!(dialog.table.is_some(), "{file}: {:?}", dialog.error);
            assert_eq!((dialog.source.as_str(), dialog.licence.as_str()), ("", ""), "{file}");
            dialog.leave_out_unknown = true;
            assert_eq!(dialog.column(t).unwrap_err(), t.need_source_and_licence, "{file}");
            dialog.source = "Kommunen selv".into();
            assert_eq!(dialog.column(t).unwrap_err(), t.need_licence, "{file}");
            dialog.source = " ".into();
            dialog.licence = "CC BY 4.0".into();
            assert_eq!(dialog.column(t).unwrap_err(), t.need_source, "{file}");
            dialog.source = "Kommunen selv".into();
            let (meta, _) = dialog.column(t).unwrap();
            assert_eq!((meta.source.as_str(), meta.licence.as_str()), ("Kommunen selv", "CC BY 4.0"), "{file}");
        }
    }

    #[test]
    fn suggested_ids_are_valid_and_new() {
        let d = embedded_dataset("norway-2020").unwrap();
        assert_eq!(suggest_id(Path::new("/x/13563 Sysselsatte (2024).csv"), &d), "k13563_sysselsatte_2024");
        assert_eq!(suggest_id(Path::new("anmodning_2019.csv"), &d), "anmodning_2019_2");
        assert_eq!(suggest_id(Path::new("æøå.csv"), &d), "k");
    }
}
