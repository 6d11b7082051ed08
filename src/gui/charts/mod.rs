//! The Charts tab: five views of the current allocation, one at a time or all together as small multiples.
//!
//! Every chart derives its series from the allocation on each frame (sorting 356 rows takes microseconds,
//! see `tests::deriving_all_series_is_cheap`), so nothing here can go stale when the scenario changes.

use eframe::egui;

mod concentration;
mod counties;
mod history;
pub(crate) mod hover;
mod key_figures;
pub(crate) mod named_axis;
pub(crate) mod palette;
mod scatter;
#[cfg(test)]
pub(crate) mod test_support;
mod texts;
mod top;

use egui::{Align, Layout, Rect, RichText, UiBuilder, vec2};

use crate::data::Dataset;
use crate::engine::Allocation;
use crate::gui::view::{ViewAction, ViewContext};
use crate::lang::Lang;
use crate::scenario::Scenario;
use palette::Palette;
use texts::ChartTexts;

/// Which chart fills the tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ChartView {
    /// All charts small, side by side.
    #[default]
    Overview,
    Top,
    Counties,
    Concentration,
    Scatter,
    History,
}

impl ChartView {
    pub const ALL: [ChartView; 6] = [
        ChartView::Overview,
        ChartView::Top,
        ChartView::Counties,
        ChartView::Concentration,
        ChartView::Scatter,
        ChartView::History,
    ];

    fn title(self, t: &ChartTexts) -> &'static str {
        match self {
            ChartView::Overview => t.overview,
            ChartView::Top => t.top_title,
            ChartView::Counties => t.counties_title,
            ChartView::Concentration => t.concentration_title,
            ChartView::Scatter => t.scatter_title,
            ChartView::History => t.history_title,
        }
    }
}

#[derive(Debug, Default)]
pub struct ChartsState {
    pub view: ChartView,
    /// The scatter's indicator (column id); `None` uses the labour-market criterion's column.
    pub indicator: Option<String>,
    /// The selection each top-requests plot (full, small) last scrolled to, so it scrolls once per change.
    followed: [Option<usize>; 2],
}

/// What every chart reads in one frame.
pub(crate) struct ChartInput<'a> {
    pub dataset: &'a Dataset,
    pub scenario: &'a Scenario,
    pub allocation: &'a Allocation,
    pub lang: Lang,
    pub selected: Option<usize>,
    /// The decisions to expect for the plan, when there is a record to learn from.
    pub expected: Option<&'a crate::gui::expected::Expected>,
    pub palette: Palette,
    /// Drawn as one of the small multiples: fewer notes, fewer bars.
    pub compact: bool,
    pub t: &'static ChartTexts,
    /// Overrides chosen in a chart's right-click menu.
    pub actions: std::cell::RefCell<Vec<ViewAction>>,
}

pub fn show_charts(ui: &mut egui::Ui, ctx: &ViewContext, state: &mut ChartsState) -> Vec<ViewAction> {
    let t = ChartTexts::get(ctx.lang);
    let allocation = match ctx.allocation {
        Ok(a) => a,
        Err(e) => {
            ui.heading(t.no_result);
            ui.colored_label(ui.visuals().error_fg_color, e.to_string());
            return Vec::new();
        }
    };
    ui.horizontal_wrapped(|ui| {
        for view in ChartView::ALL {
            ui.selectable_value(&mut state.view, view, view.title(t));
        }
    });
    ui.separator();

    let mut input = ChartInput {
        dataset: ctx.dataset,
        scenario: ctx.scenario,
        allocation,
        lang: ctx.lang,
        selected: ctx.selected,
        expected: ctx.expected,
        palette: Palette::for_visuals(ui.visuals()),
        compact: false,
        t,
        actions: std::cell::RefCell::new(Vec::new()),
    };
    let picked = match state.view {
        ChartView::Overview => {
            input.compact = true;
            overview(ui, &input, state)
        }
        view => {
            ui.heading(view.title(t));
            if view == ChartView::Top {
                ui.weak(t.top_hint);
            }
            chart(ui, &input, state, view)
        }
    };
    let mut actions: Vec<ViewAction> = picked.map(|row| ViewAction::Select(Some(row))).into_iter().collect();
    actions.append(&mut input.actions.borrow_mut());
    actions
}

/// One chart in the space left in `ui`; returns a municipality the user clicked.
fn chart(ui: &mut egui::Ui, input: &ChartInput<'_>, state: &mut ChartsState, view: ChartView) -> Option<usize> {
    match view {
        ChartView::Top => top::show(ui, input, &mut state.followed[usize::from(input.compact)]),
        ChartView::Counties => {
            counties::show(ui, input);
            None
        }
        ChartView::Concentration => {
            concentration::show(ui, input);
            None
        }
        ChartView::Scatter => scatter::show(ui, input, &mut state.indicator),
        ChartView::History => {
            history::show(ui, input);
            None
        }
        ChartView::Overview => {
            key_figures::show(ui, input);
            None
        }
    }
}

/// Small multiples: three columns, two rows; a panel's title opens it full size.
fn overview(ui: &mut egui::Ui, input: &ChartInput<'_>, state: &mut ChartsState) -> Option<usize> {
    const CELLS: [ChartView; 6] = [
        ChartView::Top,
        ChartView::Counties,
        ChartView::Concentration,
        ChartView::Scatter,
        ChartView::History,
        ChartView::Overview,
    ];
    let gap = 12.0;
    let area = ui.available_rect_before_wrap();
    let cell = vec2(((area.width() - 2.0 * gap) / 3.0).max(120.0), ((area.height() - gap) / 2.0).max(120.0));
    let mut picked = None;
    for (i, view) in CELLS.into_iter().enumerate() {
        let min = area.min + vec2((i % 3) as f32 * (cell.x + gap), (i / 3) as f32 * (cell.y + gap));
        let rect = Rect::from_min_size(min, cell);
        ui.scope_builder(UiBuilder::new().max_rect(rect).layout(Layout::top_down(Align::Min)), |ui| {
            ui.set_clip_rect(rect.intersect(ui.clip_rect()));
            if view == ChartView::Overview {
                ui.label(RichText::new(input.t.key_title).strong());
            } else if ui.link(RichText::new(view.title(input.t)).strong()).on_hover_text(input.t.open_chart).clicked() {
                state.view = view;
            }
            if let Some(row) = chart(ui, input, state, view) {
                picked = Some(row);
            }
        });
    }
    ui.advance_cursor_after_rect(area);
    picked
}

#[cfg(test)]
mod tests {
    use egui::accesskit::Role;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;
    use egui_plot::{PlotMemory, PlotPoint};

    use super::*;
    use crate::engine::{AllocError, allocate};
    use test_support::{imdi_2020, imdi_2020_scenario};

    fn harness_for(
        view: ChartView,
        lang: Lang,
        selected: Option<usize>,
    ) -> Harness<'static, (ChartsState, Vec<ViewAction>)> {
        let (dataset, allocation) = imdi_2020();
        let scenario = imdi_2020_scenario();
        let state = ChartsState { view, ..Default::default() };
        Harness::builder().with_size(vec2(1000.0, 750.0)).build_ui_state(
            move |ui, (state, actions): &mut (ChartsState, Vec<ViewAction>)| {
                let ctx = ViewContext {
                    dataset: &dataset,
                    scenario: &scenario,
                    allocation: Ok(&allocation),
                    lang,
                    selected,
                    expected: None,
                };
                actions.extend(show_charts(ui, &ctx, state));
            },
            (state, Vec::new()),
        )
    }

    #[test]
    fn overview_renders_every_chart() {
        let (dataset, allocation) = imdi_2020();
        let scenario = imdi_2020_scenario();
        let mut state = ChartsState::default();
        let mut harness = Harness::new_ui(|ui| {
            let ctx = ViewContext {
                dataset: &dataset,
                scenario: &scenario,
                allocation: Ok(&allocation),
                lang: Lang::Nb,
                selected: Some(0),
                expected: None,
            };
            assert!(show_charts(ui, &ctx, &mut state).is_empty());
        });
        harness.set_size(vec2(1000.0, 750.0));
        harness.run_steps(4);
        for title in ["Største anmodninger", "Fylker mot referanse", "Konsentrasjon", "Nasjonal historikk"] {
            harness.get_by_role_and_label(Role::Link, title);
        }
        harness.get_by_label(super::ChartTexts::NB.key_title);
    }

    #[test]
    fn every_view_renders_in_both_languages() {
        for lang in [Lang::Nb, Lang::En] {
            for view in ChartView::ALL {
                let mut harness = harness_for(view, lang, Some(5));
                harness.run_steps(3);
                let t = ChartTexts::get(lang);
                if view != ChartView::Overview {
                    // The selector button and the heading both carry the title.
                    assert!(harness.query_all_by_label(view.title(t)).count() >= 2, "{view:?} {lang:?}");
                }
            }
        }
    }

    #[test]
    fn a_link_in_the_overview_opens_the_chart() {
        let mut harness = harness_for(ChartView::Overview, Lang::En, None);
        harness.run_steps(2);
        harness.get_by_role_and_label(Role::Link, super::ChartTexts::EN.top_title).click();
        harness.run_steps(2);
        assert_eq!(harness.state().0.view, ChartView::Top);
    }

    /// Clicks where `point` is drawn in the plot `id`.
    fn click_plot_point(harness: &mut Harness<'_, (ChartsState, Vec<ViewAction>)>, id: egui::Id, point: PlotPoint) {
        let memory = PlotMemory::load(&harness.ctx, id).unwrap();
        let pos = memory.transform().position_from_point(&point);
        harness.hover_at(pos);
        for pressed in [true, false] {
            harness.event(egui::Event::PointerButton {
                pos,
                button: egui::PointerButton::Primary,
                pressed,
                modifiers: egui::Modifiers::NONE,
            });
        }
        harness.run_steps(2);
    }

    #[test]
    fn clicking_the_first_bar_selects_the_largest_request() {
        let (dataset, allocation) = imdi_2020();
        let first = top::top_bars(&dataset, &allocation, None)[0].clone();
        let mut harness = harness_for(ChartView::Top, Lang::En, None);
        harness.run_steps(3);
        click_plot_point(
            &mut harness,
            egui::Id::unique("charts.top"),
            PlotPoint::new(f64::from(first.request) / 2.0, 0.0),
        );
        assert_eq!(harness.state().1, vec![ViewAction::Select(Some(first.row))]);
    }

    #[test]
    fn clicking_a_point_in_the_scatter_selects_it() {
        let (dataset, allocation) = imdi_2020();
        let column = dataset.column("sysselsettingsrate_2013_pst").unwrap();
        let (points, _) = scatter::scatter_points(column, &allocation);
        // The point with the highest request per 1,000 stands apart from the rest.
        let target = points.iter().max_by(|a, b| a.y.total_cmp(&b.y)).copied().unwrap();
        let mut harness = harness_for(ChartView::Scatter, Lang::Nb, None);
        harness.run_steps(3);
        let id = scatter::plot_id(false, "sysselsettingsrate_2013_pst");
        click_plot_point(&mut harness, id, PlotPoint::new(target.x, target.y));
        assert_eq!(harness.state().1, vec![ViewAction::Select(Some(target.row))]);
    }

    #[test]
    fn an_error_is_shown_instead_of_charts() {
        let (dataset, _) = imdi_2020();
        let mut scenario = imdi_2020_scenario();
        scenario.rules.min_population = Some(10_000_000);
        let error: AllocError = allocate(&dataset, &scenario).unwrap_err();
        let mut state = ChartsState::default();
        let mut harness = Harness::new_ui(|ui| {
            let ctx = ViewContext {
                dataset: &dataset,
                scenario: &scenario,
                allocation: Err(&error),
                lang: Lang::En,
                selected: None,
                expected: None,
            };
            assert!(show_charts(ui, &ctx, &mut state).is_empty());
        });
        harness.run();
        harness.get_by_label(super::ChartTexts::EN.no_result);
    }
}
