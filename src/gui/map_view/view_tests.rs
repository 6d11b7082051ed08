//! The map tab driven through egui_kittest: clicks select, the selection renders, the camera moves.

use eframe::egui;
use egui::{Event, Modifiers, MouseWheelSource, MouseWheelUnit, PointerButton, Pos2, TouchPhase, vec2};
use egui_kittest::Harness;

use super::{MapState, Measure, show_map};
use crate::data::{Dataset, embedded_dataset};
use crate::engine::{AllocError, Allocation, allocate};
use crate::gui::view::{ViewAction, ViewContext};
use crate::lang::Lang;
use crate::map::project;
use crate::scenario::{Scenario, parse_scenario};

struct Doc {
    dataset: Dataset,
    scenario: Scenario,
    allocation: Result<Allocation, AllocError>,
}

fn doc_2020() -> Doc {
    let dataset = embedded_dataset("norway-2020").unwrap();
    let scenario = parse_scenario(include_str!("../../../scenarios/imdi-2020.ron"), "imdi-2020.ron").unwrap();
    let allocation = allocate(&dataset, &scenario);
    assert!(allocation.is_ok());
    Doc { dataset, scenario, allocation }
}

/// What the harness keeps between frames.
#[derive(Default)]
struct Tab {
    map: MapState,
    actions: Vec<ViewAction>,
    selected: Option<usize>,
    lang: Lang,
}

fn harness(doc: &Doc) -> Harness<'_, Tab> {
    Harness::builder().with_size(vec2(1000.0, 800.0)).with_max_steps(60).with_step_dt(1.0 / 60.0).build_ui_state(
        move |ui, tab: &mut Tab| {
            let ctx = ViewContext {
                dataset: &doc.dataset,
                scenario: &doc.scenario,
                allocation: doc.allocation.as_ref(),
                lang: tab.lang,
                selected: tab.selected,
                expected: None,
            };
            let actions = show_map(ui, &ctx, &mut tab.map);
            tab.actions.extend(actions);
        },
        Tab::default(),
    )
}

/// Where a place is drawn in the last frame.
fn screen_of(tab: &Tab, dataset_id: &str, lon: f64, lat: f64) -> Pos2 {
    let map = tab.map.maps[dataset_id].as_ref().unwrap();
    let view = tab.map.last_view.unwrap();
    let [x, y] = project(lon, lat);
    view.to_screen(map.mesh.to_map([x as f32, y as f32]))
}

fn click(harness: &mut Harness<'_, Tab>, pos: Pos2) {
    harness.hover_at(pos);
    for pressed in [true, false] {
        harness.event(Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run();
}

fn hovered_code(tab: &Tab) -> Option<String> {
    let map = tab.map.maps.values().next()?.as_ref().ok()?;
    tab.map.hovered.map(|s| map.geometry.shapes[s].code.clone())
}

#[test]
fn click_on_oslo_selects_it() {
    let doc = doc_2020();
    let oslo_row = doc.dataset.index_of_code("0301").unwrap();
    let mut h = harness(&doc);
    h.run();
    let oslo = screen_of(h.state(), "norway-2020", 10.75, 59.91);
    h.hover_at(oslo);
    h.run();
    assert_eq!(hovered_code(h.state()).as_deref(), Some("0301"));

    click(&mut h, oslo);
    assert_eq!(h.state().actions, vec![ViewAction::Select(Some(oslo_row))]);

    // The app feeds the selection back; drawing it must work, hovered or not.
    h.state_mut().selected = Some(oslo_row);
    h.run();
    h.hover_at(Pos2::new(5.0, 790.0));
    h.run();

    // A click on the sea clears the selection.
    h.state_mut().actions.clear();
    let sea = screen_of(h.state(), "norway-2020", 2.0, 64.0);
    click(&mut h, sea);
    assert_eq!(h.state().actions, vec![ViewAction::Select(None)]);
}

#[test]
fn tromso_is_found_after_zooming_and_panning() {
    let doc = doc_2020();
    let mut h = harness(&doc);
    h.run();
    let tromso = screen_of(h.state(), "norway-2020", 18.955, 69.649);
    h.hover_at(tromso);
    h.event(Event::MouseWheel {
        unit: MouseWheelUnit::Point,
        delta: vec2(0.0, 300.0),
        phase: TouchPhase::Move,
        source: MouseWheelSource::Unknown,
        modifiers: Modifiers::NONE,
    });
    h.run();
    let zoom = h.state().map.camera.unwrap().zoom;
    assert!(zoom > 2.0, "zoomed in: {zoom}");
    // Zooming keeps the point under the pointer.
    let after = screen_of(h.state(), "norway-2020", 18.955, 69.649);
    assert!((after - tromso).length() < 1.0, "{after:?} vs {tromso:?}");
    assert_eq!(hovered_code(h.state()).as_deref(), Some("5401"));

    // Drag the map 100 points to the left.
    h.drag_at(tromso);
    h.run();
    h.hover_at(tromso - vec2(100.0, 0.0));
    h.run();
    h.drop_at(tromso - vec2(100.0, 0.0));
    h.run();
    let moved = screen_of(h.state(), "norway-2020", 18.955, 69.649);
    assert!((moved - (tromso - vec2(100.0, 0.0))).length() < 1.0, "{moved:?}");
    assert!(h.state().actions.is_empty(), "a drag is not a click");

    // Double-click fits the whole country again.
    let pos = Pos2::new(900.0, 700.0);
    h.hover_at(pos);
    for pressed in [true, false, true, false] {
        h.event(Event::PointerButton { pos, button: PointerButton::Primary, pressed, modifiers: Modifiers::NONE });
    }
    h.run();
    assert_eq!(h.state().map.camera.unwrap().zoom, 1.0);
}

#[test]
fn every_measure_renders_in_both_languages() {
    let doc = doc_2020();
    let mut h = harness(&doc);
    h.run();
    let ctx = ViewContext {
        dataset: &doc.dataset,
        scenario: &doc.scenario,
        allocation: doc.allocation.as_ref(),
        lang: Lang::En,
        selected: None,
        expected: None,
    };
    let measures = Measure::available(&ctx);
    assert!(measures.contains(&Measure::Difference), "imdi-2020 has a reference column");
    // Request, per 1,000, difference, expected ÷ requested (learnt from 2019), the follow-up of the 2019
    // decisions, and every column.
    assert!(
        measures
            .contains(&Measure::FollowUp { request: Some("anmodning_2019".into()), decisions: "vedtak_2019".into() })
    );
    assert!(measures.contains(&Measure::ExpectedRatio));
    assert_eq!(measures.len(), 5 + doc.dataset.columns.len());
    for lang in [Lang::Nb, Lang::En] {
        for m in &measures {
            h.state_mut().lang = lang;
            h.state_mut().map.set_measure(m.clone());
            h.run();
            let legend = super::map_legend_entries(&ctx, &h.state().map).unwrap();
            assert!(!legend.entries.is_empty(), "{m:?}");
            let total: usize = legend.entries.iter().filter(|e| e.fill.pattern.is_none()).map(|e| e.count).sum();
            assert!(total > 0, "{m:?} colours some municipalities");
            let all: usize = legend.entries.iter().map(|e| e.count).sum();
            assert_eq!(all, 356, "{m:?}: every municipality counted once");
        }
    }
    // The request map: asked ones in classes, the rest not asked or excluded, all 356 accounted for.
    h.state_mut().map.set_measure(Measure::Request);
    h.run();
    let legend = super::map_legend_entries(&ctx, &h.state().map).unwrap();
    let allocation = doc.allocation.as_ref().unwrap();
    let classed: usize = legend.entries.iter().filter(|e| e.fill.pattern.is_none()).map(|e| e.count).sum();
    assert_eq!(classed, allocation.asked);
    assert_eq!(legend.entries.iter().map(|e| e.count).sum::<usize>(), 356);
}

#[test]
fn both_border_years_and_user_datasets() {
    let mut doc = doc_2020();
    doc.dataset = embedded_dataset("norway-2024").unwrap();
    doc.scenario = parse_scenario(include_str!("../../../scenarios/imdi-2024.ron"), "imdi-2024.ron").unwrap();
    doc.allocation = allocate(&doc.dataset, &doc.scenario);
    {
        let mut h = harness(&doc);
        h.run();
        let tromso = screen_of(h.state(), "norway-2024", 18.955, 69.649);
        click(&mut h, tromso);
        let row = doc.dataset.index_of_code("5501").unwrap();
        assert_eq!(h.state().actions, vec![ViewAction::Select(Some(row))]);
    }

    // A dataset of the user's own has no borders: a note, no map, no actions.
    doc.dataset.id = "my-own".into();
    let mut h = harness(&doc);
    h.run();
    click(&mut h, Pos2::new(500.0, 400.0));
    assert!(h.state().actions.is_empty());
    assert!(h.state().map.last_view.is_none());
    assert!(
        super::map_legend_entries(
            &ViewContext {
                dataset: &doc.dataset,
                scenario: &doc.scenario,
                allocation: doc.allocation.as_ref(),
                lang: Lang::En,
                selected: None,
                expected: None
            },
            &h.state().map
        )
        .is_none()
    );
}

#[test]
fn without_a_result_the_map_still_draws() {
    let mut doc = doc_2020();
    doc.allocation = Err(AllocError::NoEligible);
    let mut h = harness(&doc);
    h.run();
    let oslo = screen_of(h.state(), "norway-2020", 10.75, 59.91);
    h.hover_at(oslo);
    h.run();
    click(&mut h, oslo);
    assert_eq!(h.state().actions.len(), 1);
}

#[test]
fn the_frame_is_reused_while_nothing_moves() {
    let doc = doc_2020();
    let mut h = harness(&doc);
    h.run();
    let first = h.state().map.frame.as_ref().unwrap().key;
    assert!(h.state().map.frame.as_ref().unwrap().triangle_count() > 30_000);
    let oslo = screen_of(h.state(), "norway-2020", 10.75, 59.91);
    h.hover_at(oslo);
    h.run();
    assert_eq!(h.state().map.frame.as_ref().unwrap().key, first, "hovering does not rebuild the map");
    let version = h.state().map.colour_version;
    h.state_mut().map.set_measure(Measure::PerThousand);
    h.run();
    assert!(h.state().map.colour_version > version);
}

#[test]
fn expected_ratio_reads_the_plans_estimate_and_gives_the_figures_numbers() {
    let doc = doc_2020();
    let allocation = doc.allocation.as_ref().expect("a plan");
    let mut cache = crate::gui::expected::ExpectedCache::default();
    cache.update(&doc.dataset, Some(allocation), 1);
    let ctx = |expected| ViewContext {
        dataset: &doc.dataset,
        scenario: &doc.scenario,
        allocation: Ok(allocation),
        lang: Lang::Nb,
        selected: None,
        expected,
    };
    let kept = Measure::ExpectedRatio.evaluate(&ctx(cache.get()));
    let fitted = Measure::ExpectedRatio.evaluate(&ctx(None));
    assert_eq!(kept, fitted, "the kept estimate colours as the figures' own fit does");
    assert!(kept.values.iter().flatten().any(|&r| r > 0.0 && r < 1.0), "some asked municipality below its request");
}

#[test]
fn the_deviation_from_the_county_is_offered_only_with_recommendations() {
    let mut doc = doc_2020();
    let measures = |doc: &Doc| -> Vec<Measure> {
        let ctx = ViewContext {
            dataset: &doc.dataset,
            scenario: &doc.scenario,
            allocation: doc.allocation.as_ref(),
            lang: Lang::Nb,
            selected: None,
            expected: None,
        };
        Measure::available(&ctx)
    };
    assert!(!measures(&doc).contains(&Measure::CountyDeviation), "a plan not made in the county round");
    let oslo = doc.dataset.index_of_code("0301").unwrap();
    let asked = doc.allocation.as_ref().unwrap().rows[oslo].allocation;
    doc.scenario.county_recommendations.insert("0301".into(), asked + 12);
    assert!(measures(&doc).contains(&Measure::CountyDeviation));
    let view = ViewContext {
        dataset: &doc.dataset,
        scenario: &doc.scenario,
        allocation: doc.allocation.as_ref(),
        lang: Lang::Nb,
        selected: None,
        expected: None,
    };
    let data = Measure::CountyDeviation.resolve(&view).evaluate(&view);
    assert_eq!(data.title, "Avvik fra fylkets anbefaling");
    assert_eq!(data.values[oslo], Some(-12.0), "the request less the recommendation");
    assert_eq!(data.values.iter().flatten().count(), 1, "no recommendation, no value");
    let mut without = doc.scenario.clone();
    without.county_recommendations.clear();
    let view = ViewContext { scenario: &without, ..view };
    assert_eq!(Measure::CountyDeviation.resolve(&view), Measure::Request, "gone with the recommendations");
    let mut h = harness(&doc);
    h.state_mut().map.set_measure(Measure::CountyDeviation);
    h.run();
}
