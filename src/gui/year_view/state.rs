//! What the Året tab keeps between frames: the next round's choices as the user types them. The open year
//! itself is never here (it lives beside the document, `App::year`).

use crate::followup::{Among, ReviseMode};
use crate::year::{Date, RoundKind};

pub struct YearViewState {
    /// The next round's or snapshot's date, as typed (YYYY-MM-DD).
    pub date: String,
    pub note: String,
    pub among: Among,
    pub count_unanswered: bool,
    /// The revision's new total; `None` until typed (the need in force is shown).
    pub revise_target: Option<u32>,
    pub keep_decisions: bool,
    pub keep_bounds: bool,
    pub mode: ReviseMode,
    /// A per-1,000 ceiling for the revision, when set.
    pub ceiling: Option<f64>,
    /// The column a round, the decisions or the settled counts are recorded from.
    pub column: Option<String>,
    pub record_kind: RoundKind,
    /// "Send anyway" although places pile up.
    pub accept_warnings: bool,
    /// The round whose actions are shown (index); the last one when none is chosen.
    pub round: Option<usize>,
}

impl Default for YearViewState {
    fn default() -> Self {
        YearViewState {
            date: Date::today().to_string(),
            note: String::new(),
            among: Among::Yes,
            count_unanswered: false,
            revise_target: None,
            keep_decisions: true,
            keep_bounds: true,
            mode: ReviseMode::Proportional,
            ceiling: None,
            column: None,
            record_kind: RoundKind::Request,
            accept_warnings: false,
            round: None,
        }
    }
}

impl YearViewState {
    /// The date typed, if it is one.
    pub fn date(&self) -> Option<Date> {
        self.date.parse().ok()
    }
}
