//! What the Compare tab compares with, and the comparison itself, kept in the view state (never in the
//! scenario, never in undo). A baseline plan is allocated once; the diff against the live plan is recomputed
//! whenever the live allocation (its generation) or the baseline changes.

use std::path::{Path, PathBuf};

use crate::analysis::{Baseline, CompareError, Comparison, compare, plan_on_borders};
use crate::data::{Dataset, Kind};
use crate::engine::{AllocError, Allocation, allocate};
use crate::export::{ComparedPlan, PlanTotals};
use crate::gui::document::DocResult;
use crate::lang::Lang;
use crate::scenario::{Scenario, load_scenario, resolve_dataset};

use super::table::DiffView;
use super::texts::CompareTexts;

/// What the current plan is compared with.
#[derive(Debug, Clone, PartialEq)]
pub enum BaselineChoice {
    /// A column of the open dataset, by id.
    Column(String),
    /// The open scenario as last saved (or opened).
    Saved,
    /// Another scenario file.
    File(PathBuf),
}

/// A baseline scenario with its allocation, computed once.
pub struct BaselinePlan {
    pub scenario: Scenario,
    /// The municipality codes of its dataset, to refuse a plan on other municipalities.
    pub codes: Vec<String>,
    pub allocation: Result<Allocation, String>,
}

impl BaselinePlan {
    fn new(scenario: Scenario, dataset: &Dataset) -> Self {
        let allocation = allocate(dataset, &scenario).map_err(|e: AllocError| e.to_string());
        let codes = dataset.municipalities.iter().map(|m| m.code.clone()).collect();
        BaselinePlan { scenario, codes, allocation }
    }

    /// Reads a scenario file and its dataset. Also returns a dataset warning, if any.
    pub fn load(path: &Path) -> DocResult<(Self, Option<String>)> {
        let scenario = load_scenario(path).map_err(Box::new)?;
        let (dataset, warning) = resolve_dataset(&scenario, Some(path)).map_err(Box::new)?;
        Ok((Self::new(scenario, &dataset), warning))
    }

    /// The saved copy of the open scenario, on the open dataset when it names the same one.
    pub(super) fn saved(saved: &Scenario, current: &Scenario, dataset: &Dataset, doc_path: Option<&Path>) -> Self {
        if saved.dataset == current.dataset {
            return Self::new(saved.clone(), dataset);
        }
        match resolve_dataset(saved, doc_path) {
            Ok((other, _)) => Self::new(saved.clone(), &other),
            Err(e) => BaselinePlan { scenario: saved.clone(), codes: Vec::new(), allocation: Err(e.to_string()) },
        }
    }
}

/// Why there is no comparison to show.
#[derive(Debug, Clone, PartialEq)]
pub enum DiffError {
    /// The current scenario has no allocation.
    NoCurrent,
    /// The baseline scenario has no allocation (the engine's message).
    Baseline(String),
    Compare(CompareError),
    /// Same number of municipalities, but not the same ones.
    DifferentCodes,
}

impl DiffError {
    pub fn message(&self, lang: Lang) -> String {
        let t = CompareTexts::get(lang);
        match self {
            DiffError::NoCurrent => t.no_current.to_owned(),
            DiffError::Baseline(e) => format!("{} {e}", t.baseline_failed),
            DiffError::Compare(CompareError::DifferentRows { before, after }) => {
                format!("{} {before} {} {after}. {}", t.different_rows, t.different_rows_2, t.same_dataset)
            }
            DiffError::Compare(CompareError::UnknownColumn { dataset, column }) => {
                format!("{} «{column}» ({dataset}).", t.unknown_column)
            }
            DiffError::DifferentCodes => t.different_codes.to_owned(),
        }
    }
}

/// What one frame of the tab reads from the document.
pub struct Inputs<'a> {
    pub dataset: &'a Dataset,
    pub scenario: &'a Scenario,
    /// The scenario as last saved.
    pub saved: &'a Scenario,
    pub doc_path: Option<&'a Path>,
    pub dirty: bool,
    pub allocation: Result<&'a Allocation, &'a AllocError>,
    /// `App::computed.generation`: changes whenever the allocation does.
    pub generation: u64,
    pub lang: Lang,
}

struct Cached {
    generation: u64,
    stamp: u64,
    diff: Result<Comparison, DiffError>,
}

/// State of the Compare tab.
#[derive(Default)]
pub struct CompareState {
    choice: Option<BaselineChoice>,
    plan: Option<BaselinePlan>,
    /// Bumped whenever the baseline changes, so the diff is made again.
    stamp: u64,
    cache: Option<Cached>,
    pub table: DiffView,
    /// Which table fills the left of the tab.
    pub pane: super::Pane,
    /// Dataset rows in table order, for the key they were made for.
    pub(super) rows: Option<(u64, u64, DiffView, Vec<usize>)>,
    /// The selection the table last scrolled to.
    pub(super) shown_selection: Option<usize>,
    /// Several scenarios side by side.
    pub board: super::board::BoardState,
}

impl CompareState {
    pub fn choice(&self) -> Option<&BaselineChoice> {
        self.choice.as_ref()
    }

    pub fn plan(&self) -> Option<&BaselinePlan> {
        self.plan.as_ref()
    }

    /// Compared with a dataset column.
    pub fn use_column(&mut self, id: String) {
        self.set(BaselineChoice::Column(id), None);
    }

    /// Compared with the saved copy; it is allocated on the next [`Self::sync`].
    pub fn use_saved(&mut self) {
        self.set(BaselineChoice::Saved, None);
    }

    /// Compared with a loaded scenario file.
    pub fn use_file(&mut self, path: PathBuf, plan: BaselinePlan) {
        self.set(BaselineChoice::File(path), Some(plan));
    }

    fn set(&mut self, choice: BaselineChoice, plan: Option<BaselinePlan>) {
        self.choice = Some(choice);
        self.plan = plan;
        self.stamp += 1;
    }

    /// Brings the comparison up to date with the document and returns it (`None` when no baseline is chosen
    /// and the scenario names no reference column). Cheap when nothing changed.
    pub fn sync(&mut self, inputs: &Inputs) -> Option<&Result<Comparison, DiffError>> {
        // Until the user chooses, the plan is compared with the scenario's own reference (last year's request).
        if self.choice.is_none()
            && let Some(id) =
                inputs.scenario.reference_column.as_deref().filter(|id| inputs.dataset.column(id).is_some())
        {
            self.use_column(id.to_owned());
        }
        let choice = self.choice.as_ref()?;
        // The saved copy changes when the user saves: follow it.
        if *choice == BaselineChoice::Saved && self.plan.as_ref().is_none_or(|p| p.scenario != *inputs.saved) {
            self.plan = Some(BaselinePlan::saved(inputs.saved, inputs.scenario, inputs.dataset, inputs.doc_path));
            self.stamp += 1;
        }
        let fresh = self.cache.as_ref().is_some_and(|c| c.generation == inputs.generation && c.stamp == self.stamp);
        if !fresh {
            let diff = diff(inputs, choice, self.plan.as_ref());
            self.cache = Some(Cached { generation: inputs.generation, stamp: self.stamp, diff });
        }
        self.cache.as_ref().map(|c| &c.diff)
    }

    /// The key the table's row order depends on besides its own view: generation and baseline.
    pub(super) fn diff_key(&self) -> (u64, u64) {
        self.cache.as_ref().map_or((0, 0), |c| (c.generation, c.stamp))
    }

    /// Both sides in words, with their totals (for the tab and the exports).
    pub fn plans(&self, inputs: &Inputs, c: &Comparison) -> Option<(ComparedPlan, ComparedPlan)> {
        let t = CompareTexts::get(inputs.lang);
        let after = inputs.allocation.ok()?;
        let unsaved = if inputs.dirty { format!(" ({})", t.unsaved) } else { String::new() };
        let now = ComparedPlan {
            description: format!("{} «{}»{unsaved}", t.current, inputs.scenario.name),
            totals: PlanTotals::of_allocation(after),
        };
        let plan_totals = self.plan.as_ref().and_then(|p| p.allocation.as_ref().ok()).map(PlanTotals::of_allocation);
        let before = match self.choice.as_ref()? {
            BaselineChoice::Column(id) => ComparedPlan {
                description: format!("{}: {}", t.column_version, column_title(inputs.dataset, id, inputs.lang)),
                totals: PlanTotals::of_baseline(c),
            },
            BaselineChoice::Saved => ComparedPlan {
                description: format!("{} «{}»", t.saved_version, inputs.saved.name),
                totals: plan_totals?,
            },
            BaselineChoice::File(path) => ComparedPlan {
                description: format!(
                    "{}: {} («{}»)",
                    t.file_version,
                    path.display(),
                    self.plan.as_ref().map_or("", |p| p.scenario.name.as_str())
                ),
                totals: plan_totals?,
            },
        };
        Some((now, before))
    }
}

fn diff(inputs: &Inputs, choice: &BaselineChoice, plan: Option<&BaselinePlan>) -> Result<Comparison, DiffError> {
    let after = inputs.allocation.map_err(|_| DiffError::NoCurrent)?;
    match choice {
        BaselineChoice::Column(id) => compare(inputs.dataset, after, Baseline::Column(id)).map_err(DiffError::Compare),
        BaselineChoice::Saved | BaselineChoice::File(_) => {
            let plan = plan.ok_or(DiffError::NoCurrent)?;
            let before = plan.allocation.as_ref().map_err(|e| DiffError::Baseline(e.clone()))?;
            let same_codes = plan.codes.len() == inputs.dataset.len()
                && plan.codes.iter().zip(&inputs.dataset.municipalities).all(|(c, m)| *c == m.code);
            if !same_codes {
                // A plan on the other borders goes through the code list; the tab says so.
                if let Some((values, report)) = plan_on_borders(&plan.codes, before, inputs.dataset) {
                    let mut c =
                        compare(inputs.dataset, after, Baseline::Mapped(&values)).map_err(DiffError::Compare)?;
                    c.borders = Some(report);
                    return Ok(c);
                }
                if plan.codes.len() == inputs.dataset.len() {
                    return Err(DiffError::DifferentCodes);
                }
            }
            compare(inputs.dataset, after, Baseline::Allocation(before)).map_err(DiffError::Compare)
        }
    }
}

/// "Anmodning 2019 (anmodning_2019)", or the id alone for a column the dataset lacks.
pub fn column_title(dataset: &Dataset, id: &str, lang: Lang) -> String {
    match dataset.column(id) {
        Some(c) => format!("{} ({id})", lang.pick(&c.meta.label.nb, &c.meta.label.en)),
        None => id.to_owned(),
    }
}

/// Columns that can stand for a plan: counts of people per municipality (requests, decisions, settled).
/// The scenario's own reference column comes first, whatever it holds.
pub fn reference_columns<'a>(dataset: &'a Dataset, scenario: &Scenario) -> Vec<&'a str> {
    let reference = scenario.reference_column.as_deref().and_then(|id| dataset.column(id)).map(|c| c.meta.id.as_str());
    let counts = dataset
        .columns
        .iter()
        .filter(|c| c.meta.kind == Kind::Extensive && c.meta.unit.starts_with("person"))
        .map(|c| c.meta.id.as_str())
        .filter(|id| Some(*id) != reference);
    reference.into_iter().chain(counts).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::document::Document;

    fn inputs<'a>(doc: &'a Document, allocation: &'a Allocation, generation: u64) -> Inputs<'a> {
        Inputs {
            dataset: doc.dataset(),
            scenario: doc.scenario(),
            saved: doc.saved(),
            doc_path: None,
            dirty: false,
            allocation: Ok(allocation),
            generation,
            lang: Lang::Nb,
        }
    }

    #[test]
    fn reference_columns_are_counts_with_the_scenarios_first() {
        let doc = Document::new_default().unwrap();
        let mut scenario = doc.scenario().clone();
        scenario.reference_column = Some("vedtak_2019".into());
        let ids = reference_columns(doc.dataset(), &scenario);
        assert_eq!(ids[0], "vedtak_2019");
        assert!(ids.contains(&"anmodning_2019") && ids.contains(&"bosatt_2018"));
        assert!(!ids.contains(&"innvandrerandel_2020_pst"), "shares are no plan");
        assert_eq!(ids.iter().filter(|i| **i == "vedtak_2019").count(), 1);
    }

    #[test]
    fn the_diff_is_cached_per_generation_and_baseline() {
        let doc = Document::new_default().unwrap();
        let a = allocate(doc.dataset(), doc.scenario()).unwrap();
        let mut state = CompareState::default();
        assert!(state.sync(&inputs(&doc, &a, 1)).is_some_and(|d| d.is_ok()));
        assert_eq!(
            state.choice(),
            Some(&BaselineChoice::Column("anmodning_2019".into())),
            "before a choice, the scenario's reference column"
        );
        let mut no_reference = doc.scenario().clone();
        no_reference.reference_column = None;
        let (bare, _) = Document::from_scenario(no_reference, None).unwrap();
        assert!(CompareState::default().sync(&inputs(&bare, &a, 1)).is_none(), "nothing to compare with");
        state.use_saved();
        let c = state.sync(&inputs(&doc, &a, 1)).unwrap().clone().unwrap();
        assert_eq!((c.gains, c.losses), (0, 0), "the saved copy is the open scenario");
        let key = state.diff_key();
        state.sync(&inputs(&doc, &a, 1));
        assert_eq!(state.diff_key(), key);
        state.use_column("anmodning_2019".into());
        state.sync(&inputs(&doc, &a, 2));
        assert_ne!(state.diff_key(), key);
        state.use_column("no_such".into());
        let e = state.sync(&inputs(&doc, &a, 2)).unwrap().clone().unwrap_err();
        assert!(e.message(Lang::En).contains("no_such"), "{}", e.message(Lang::En));
    }
}
