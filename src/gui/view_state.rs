//! How the user is looking at the document: never saved with the scenario, never part of undo.

use std::path::PathBuf;

use crate::lang::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Table,
    Charts,
    Map,
    Data,
    Explain,
    Compare,
    FollowUp,
    /// The open settlement year.
    Year,
    CountyRound,
}

/// A column of the results table to sort by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    #[default]
    Code,
    Name,
    County,
    Population,
    /// The indicator of the criterion at this index (scenario order).
    Indicator(usize),
    Quota,
    Request,
    Minors,
    Per1000,
    Reference,
    Difference,
    Note,
    /// The expected decision for the request.
    Expected,
}

/// Sorting and filtering of the table.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TableView {
    pub sort: SortKey,
    pub descending: bool,
    /// County code, or all counties.
    pub county: Option<String>,
    /// Part of a municipality name (case-insensitive), or its code.
    pub name_filter: String,
}

impl TableView {
    /// A click on a header: the same column flips the direction; a new one sorts ascending.
    pub fn click_header(&mut self, key: SortKey) {
        if self.sort == key {
            self.descending = !self.descending;
        } else {
            self.sort = key;
            self.descending = false;
        }
    }
}

#[derive(Default)]
pub struct ViewState {
    pub tab: Tab,
    /// Selected municipality (dataset row), shared by every view.
    pub selected: Option<usize>,
    pub table: TableView,
    pub lang: Lang,
    /// The table's rows, sorted and filtered, kept between frames.
    pub table_rows: super::table::RowCache,
    /// The decisions to expect for the current plan.
    pub expected: super::expected::ExpectedCache,
    /// "How the plan is computed", open at this section.
    pub help: Option<super::help::HelpSection>,
    pub charts: super::tabs::ChartsTab,
    pub map: super::tabs::MapTab,
    pub data: super::data_tab::DataTabState,
    pub explain: super::explain_view::ExplainState,
    pub compare: super::compare_view::CompareState,
    pub followup: super::followup_view::FollowUpState,
    pub year: super::year_view::YearViewState,
    pub county_round: super::county_round_view::CountyRoundState,
}

/// The planner's look: light (print, projectors), dark, or as the system says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Light, Theme::Dark, Theme::System];

    pub fn preference(self) -> egui::ThemePreference {
        match self {
            Theme::System => egui::ThemePreference::System,
            Theme::Light => egui::ThemePreference::Light,
            Theme::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// Preferences that outlive a session (eframe storage). Window and panel sizes are kept by eframe and egui.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub lang: Lang,
    pub theme: Theme,
    /// Most recent first.
    pub recent: Vec<PathBuf>,
}

impl Prefs {
    pub const KEY: &'static str = "bosetting-prefs";
    const MAX_RECENT: usize = 8;

    pub fn add_recent(&mut self, path: PathBuf) {
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(Self::MAX_RECENT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_clicks_toggle_direction() {
        let mut t = TableView::default();
        t.click_header(SortKey::Request);
        assert_eq!((t.sort, t.descending), (SortKey::Request, false));
        t.click_header(SortKey::Request);
        assert!(t.descending);
        t.click_header(SortKey::Name);
        assert_eq!((t.sort, t.descending), (SortKey::Name, false));
    }

    #[test]
    fn recent_files_are_unique_and_bounded() {
        let mut p = Prefs::default();
        for i in 0..10 {
            p.add_recent(PathBuf::from(format!("{i}.ron")));
        }
        p.add_recent(PathBuf::from("5.ron"));
        assert_eq!(p.recent.len(), 8);
        assert_eq!(p.recent[0], PathBuf::from("5.ron"));
        assert_eq!(p.recent.iter().filter(|r| r.as_path() == std::path::Path::new("5.ron")).count(), 1);
    }
}
