//! Carrying out the Follow-up tab's commands. A shortfall round or a revision becomes the document's scenario
//! as one undo step (the original stays the saved version, so the Compare tab compares the two).

use std::path::Path;

use super::state::RequestSource;
use super::texts::FollowUpTexts;
use super::{DerivedPlan, FollowUpCmd, FollowUpState};
use crate::export::{ExportFormat, FollowUpSources, today_in_norway, write_followup};
use crate::followup::{ReviseMode, column_counts, record_sent_plan, revision_scenario, shortfall_scenario};
use crate::gui::app::App;
use crate::gui::command::{Command, Exported, FileAction};
use crate::gui::commit::Change;
use crate::gui::edit::Edit;
use crate::gui::map_view::Measure;
use crate::gui::modal::{ExportExists, Modal};
use crate::gui::notices::Notice;
use crate::gui::view_state::Tab;

/// A file the Follow-up tab asks for: where to export the status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FollowUpFile(pub ExportFormat);

impl FollowUpFile {
    pub fn command(self, path: std::path::PathBuf) -> Command {
        Command::FollowUp(FollowUpCmd::Export(path, self.0))
    }

    pub fn file_name(self, scenario_name: &str, lang: crate::lang::Lang) -> String {
        format!("{scenario_name}-{}.{}", FollowUpTexts::get(lang).export_suffix, self.0.extension())
    }
}

impl App {
    pub(in crate::gui) fn apply_followup(&mut self, cmd: FollowUpCmd, then: &mut Vec<Command>) {
        let t = FollowUpTexts::get(self.view.lang);
        match cmd {
            FollowUpCmd::ShortfallRound | FollowUpCmd::Revise => match self.derived_plan(&cmd) {
                Ok(plan) => then.push(Command::FollowUp(FollowUpCmd::UsePlan(Box::new(plan)))),
                Err(e) => self.notices.push(Notice::error(format!("{} {e}", t.cannot_make))),
            },
            FollowUpCmd::UsePlan(plan) => {
                let DerivedPlan { scenario, dataset, sent_column } = *plan;
                let change = match dataset {
                    // The dataset gains the sent plan's column: scenario and dataset change as one undo step.
                    Some(dataset) => Change::Both { scenario: Box::new(scenario), dataset: Box::new(dataset) },
                    None => Change::Edit(Edit::ReplaceScenario(Box::new(scenario))),
                };
                self.commit(change, None);
                if let Some(column) = sent_column {
                    // The follow-up goes on against what was sent, not against the plan now open.
                    self.view.followup.request = Some(RequestSource::Column(column.clone()));
                    self.notices.push(Notice::info(format!("{} {column}.", t.sent_recorded)));
                }
                then.push(Command::SetTab(Tab::Table));
                self.notices.push(Notice::info(t.plan_opened));
            }
            FollowUpCmd::ShowOnMap => {
                let state = &self.view.followup;
                let dataset = self.doc.dataset();
                if let Some(decisions) = state.decisions(dataset) {
                    let request = match state.request(dataset) {
                        Some(RequestSource::Column(id)) => Some(id),
                        _ => None,
                    };
                    self.view.map.0.set_measure(Measure::FollowUp { request, decisions });
                    then.push(Command::SetTab(Tab::Map));
                }
            }
            FollowUpCmd::ExportDialog(format) => self.file_dialog(FileAction::FollowUp(FollowUpFile(format))),
            FollowUpCmd::Export(path, format) => {
                self.modal.take_path_field();
                let (path, format) = crate::gui::export_actions::target(path, format);
                if path.exists() {
                    self.modal.open(Modal::ExportExists(ExportExists { path, what: Exported::FollowUp(format) }));
                } else {
                    self.followup_export_now(&path, format);
                }
            }
        }
    }

    /// The shortfall round or the revision the tab's choices describe. A plan used as the sent request is first
    /// recorded as a dataset column, so the derived plan starts from data and shows it beside its numbers.
    fn derived_plan(&self, cmd: &FollowUpCmd) -> Result<DerivedPlan, String> {
        let (dataset, scenario) = (self.doc.dataset(), self.doc.scenario());
        let state: &FollowUpState = &self.view.followup;
        let plan = self.computed.result.as_ref().ok();
        let f = match state.compute(dataset, scenario, plan) {
            Some(Ok(f)) => f,
            Some(Err(e)) => return Err(e.to_string()),
            None => return Err(FollowUpTexts::get(self.view.lang).choose_first.to_owned()),
        };
        let (recorded, sent) = match state.request(dataset) {
            Some(RequestSource::Column(id)) => (None, id),
            _ => {
                let plan = plan.ok_or_else(|| FollowUpTexts::get(self.view.lang).choose_first.to_owned())?;
                let (with_plan, id) = record_sent_plan(dataset, plan, &scenario.name).map_err(|e| e.to_string())?;
                (Some(with_plan), id)
            }
        };
        let data = recorded.as_ref().unwrap_or(dataset);
        let result = if *cmd == FollowUpCmd::ShortfallRound {
            shortfall_scenario(data, scenario, &f, state.among, state.count_unanswered, Some(&sent))
        } else {
            let keep = match (state.keep_decisions, state.decisions(data)) {
                (true, Some(c)) => Some(column_counts(data, &c).map_err(|e| e.to_string())?),
                _ => None,
            };
            let mode: ReviseMode = state.mode;
            revision_scenario(data, scenario, &sent, state.revise_target(scenario), keep.as_deref(), mode)
        };
        let plan = result.map_err(|e| e.to_string())?;
        // Refused plans are reported here, not opened.
        crate::engine::allocate(data, &plan).map_err(|e| e.to_string())?;
        let sent_column = recorded.is_some().then_some(sent);
        Ok(DerivedPlan { scenario: plan, dataset: recorded, sent_column })
    }

    /// Writes the status as it is now.
    pub(in crate::gui) fn followup_export_now(&mut self, path: &Path, format: ExportFormat) {
        let lang = self.view.lang;
        let t = FollowUpTexts::get(lang);
        let (dataset, scenario) = (self.doc.dataset(), self.doc.scenario());
        let state = &self.view.followup;
        let Some(Ok(f)) = state.compute(dataset, scenario, self.computed.result.as_ref().ok()) else {
            self.notices.push(Notice::error(t.nothing_to_export));
            return;
        };
        let sources = FollowUpSources {
            request: match state.request(dataset) {
                Some(RequestSource::Column(id)) => id,
                _ => t.current_plan.to_owned(),
            },
            decisions: state.decisions(dataset).unwrap_or_default(),
            settled: state.settled(dataset),
        };
        match write_followup(path, format, dataset, &f, &sources, lang, &today_in_norway()) {
            Ok(()) => self.notices.push(Notice::info(format!("{} {}", t.exported, path.display()))),
            Err(e) => self.notices.push(Notice::error(format!("{} {}: {e}", t.cannot_export, path.display()))),
        }
    }
}
