//! What every view reads, and what a view may ask for. Views never change the document themselves.

use crate::data::Dataset;
use crate::engine::{AllocError, Allocation};
use crate::lang::Lang;
use crate::scenario::Scenario;

/// Read-only inputs for one frame of a view.
pub struct ViewContext<'a> {
    pub dataset: &'a Dataset,
    pub scenario: &'a Scenario,
    /// The current result, or why there is none.
    pub allocation: Result<&'a Allocation, &'a AllocError>,
    pub lang: Lang,
    /// Selected municipality (dataset row), shared by table, charts and map.
    pub selected: Option<usize>,
    /// The decisions to expect for the plan, when the dataset holds decisions to learn from.
    pub expected: Option<&'a super::expected::Expected>,
}

/// Requests from views that change shared view state (not the document).
#[derive(Debug, Clone, PartialEq)]
pub enum ViewAction {
    Select(Option<usize>),
    /// An override from a right-click menu (`None` removes it); carried out as a scenario edit.
    SetOverride {
        code: String,
        value: Option<crate::scenario::Override>,
    },
}

impl ViewAction {
    /// The command that carries the action out.
    pub fn into_command(self) -> super::command::Command {
        use super::command::Command;
        match self {
            ViewAction::Select(s) => Command::Select(s),
            ViewAction::SetOverride { code, value } => {
                Command::Edit { edit: super::edit::Edit::SetOverride { code, value }, gesture: None }
            }
        }
    }
}
