//! From a measure's values to a fill per municipality, and the legend that explains the fills.

use eframe::egui;
use egui::Color32;

use super::classes::{Classes, SEQUENTIAL_CLASSES, Scheme};
use super::measure::{MeasureData, RowStatus};
use super::palette::{self, Pattern};
use super::texts::MapTexts;
use crate::lang::Lang;
pub use crate::map::classes::{legend_decimals, range_label};

/// How one municipality is painted: a colour, and maybe a pattern on top.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fill {
    pub colour: Color32,
    pub pattern: Option<Pattern>,
}

impl Fill {
    pub const NO_DATA: Fill = Fill { colour: palette::NO_DATA, pattern: Some(Pattern::Dots) };
}

/// One line of the legend.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendEntry {
    pub label: String,
    pub fill: Fill,
    /// Municipalities drawn this way.
    pub count: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Legend {
    pub title: String,
    pub unit: String,
    pub entries: Vec<LegendEntry>,
}

/// The classes and fills for one measure's values.
#[derive(Debug, Clone, PartialEq)]
pub struct Colouring {
    pub data: MeasureData,
    pub mark_not_asked: bool,
    pub classes: Option<Classes>,
    /// Per dataset row.
    pub fills: Vec<Fill>,
}

impl Colouring {
    pub fn new(data: MeasureData, mark_not_asked: bool) -> Colouring {
        let present: Vec<f64> = data.values.iter().flatten().copied().collect();
        let classes = match data.scheme {
            Scheme::Sequential => Classes::sequential(&present, SEQUENTIAL_CLASSES, data.integer),
            Scheme::Diverging => Classes::diverging(&present, data.integer),
            Scheme::Status => Some(super::classes::statuses()),
            Scheme::Ratio => Classes::ratio(&present),
        };
        let fills = (0..data.values.len())
            .map(|row| {
                fill_for(data.values[row], data.status[row], data.request_based, mark_not_asked, classes.as_ref())
            })
            .collect();
        Colouring { data, mark_not_asked, classes, fills }
    }

    /// The legend, with counts over `rows_on_map` (dataset rows that have a shape) plus
    /// `unmatched` shapes without a dataset row, which are drawn as "no value".
    pub fn legend(&self, lang: Lang, rows_on_map: impl Iterator<Item = usize>, unmatched: usize) -> Legend {
        let t = MapTexts::get(lang);
        let mut class_counts = vec![0; self.classes.as_ref().map_or(0, Classes::len)];
        let (mut not_asked, mut excluded, mut no_data) = (0, 0, unmatched);
        for row in rows_on_map {
            let Some(&fill) = self.fills.get(row) else {
                no_data += 1;
                continue;
            };
            match fill.pattern {
                Some(Pattern::Dots) => no_data += 1,
                Some(Pattern::Hatch) => not_asked += 1,
                Some(Pattern::Cross) => excluded += 1,
                None => {}
            }
            // Each municipality is counted once: a patterned one (not asked, excluded) under its pattern, even
            // where "mark not asked" draws the pattern over a class colour.
            if let (Some(classes), Some(v)) = (&self.classes, self.data.values.get(row).copied().flatten())
                && fill.pattern.is_none()
            {
                class_counts[classes.class_of(v)] += 1;
            }
        }
        let mut entries = Vec::new();
        if let Some(classes) = &self.classes {
            let decimals = legend_decimals(classes, self.data.decimals);
            for (k, &count) in class_counts.iter().enumerate() {
                let (lo, hi) = classes.range(k);
                let label = match classes.scheme {
                    Scheme::Status => super::measure::STATUS_CLASSES[k].label(lang).to_owned(),
                    _ => range_label(lo, hi, classes.integer, decimals, lang),
                };
                entries.push(LegendEntry { label, fill: Fill { colour: classes.colours[k], pattern: None }, count });
            }
        }
        // Over a class colour the pattern is shown on white; on its own, on its base grey.
        let status_base = |base: Color32| if self.data.request_based { base } else { Color32::WHITE };
        for (label, count, colour, pattern) in [
            (t.not_asked, not_asked, status_base(palette::NOT_ASKED), Pattern::Hatch),
            (t.excluded, excluded, status_base(palette::EXCLUDED), Pattern::Cross),
            (t.no_data, no_data, palette::NO_DATA, Pattern::Dots),
        ] {
            if count > 0 {
                entries.push(LegendEntry {
                    label: label.to_owned(),
                    fill: Fill { colour, pattern: Some(pattern) },
                    count,
                });
            }
        }
        Legend { title: self.data.title.clone(), unit: self.data.unit.clone(), entries }
    }
}

fn fill_for(
    value: Option<f64>,
    status: RowStatus,
    request_based: bool,
    mark_not_asked: bool,
    classes: Option<&Classes>,
) -> Fill {
    let status_pattern = match status {
        RowStatus::NotAsked => Some(Pattern::Hatch),
        RowStatus::Excluded => Some(Pattern::Cross),
        RowStatus::Asked | RowStatus::NoResult => None,
    };
    if request_based {
        match status {
            RowStatus::NotAsked => return Fill { colour: palette::NOT_ASKED, pattern: status_pattern },
            RowStatus::Excluded => return Fill { colour: palette::EXCLUDED, pattern: status_pattern },
            RowStatus::Asked | RowStatus::NoResult => {}
        }
    }
    match (value, classes) {
        (Some(v), Some(classes)) if v.is_finite() => {
            Fill { colour: classes.colour_of(v), pattern: if mark_not_asked { status_pattern } else { None } }
        }
        _ => Fill::NO_DATA,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figure::Values;
    use crate::gui::map_view::measure::Measure;

    fn data(values: Vec<Option<f64>>, status: Vec<RowStatus>, request_based: bool, scheme: Scheme) -> MeasureData {
        let data = Values {
            title: "t".into(),
            unit: "u".into(),
            values,
            status,
            scheme,
            integer: true,
            decimals: 0,
            request_based,
        };
        MeasureData { measure: Measure::Request, data }
    }

    #[test]
    fn statuses_get_their_own_style() {
        use RowStatus::*;
        let values = vec![Some(10.0), None, None, Some(40.0), None, Some(25.0)];
        let status = vec![Asked, NotAsked, Excluded, Asked, NoResult, Asked];
        let c = Colouring::new(data(values, status, true, Scheme::Sequential), true);
        assert_eq!(c.fills[1], Fill { colour: palette::NOT_ASKED, pattern: Some(Pattern::Hatch) });
        assert_eq!(c.fills[2], Fill { colour: palette::EXCLUDED, pattern: Some(Pattern::Cross) });
        assert_eq!(c.fills[4], Fill::NO_DATA);
        let classes = c.classes.as_ref().unwrap();
        for row in [0, 3, 5] {
            assert_eq!(c.fills[row].pattern, None);
            assert!(classes.colours.contains(&c.fills[row].colour));
        }
        // Not-asked is never a class colour, so it cannot read as "low".
        assert!(!classes.colours.contains(&palette::NOT_ASKED));

        let legend = c.legend(Lang::En, 0..6, 2);
        let labels: Vec<&str> = legend.entries.iter().map(|e| e.label.as_str()).collect();
        assert!(labels.contains(&"Not asked") && labels.contains(&"Excluded (rules or by hand)"), "{labels:?}");
        let no_value = legend.entries.iter().find(|e| e.label == "No value").unwrap();
        assert_eq!(no_value.count, 3, "one row without result and two shapes without a row");
        assert_eq!(legend.entries.iter().map(|e| e.count).sum::<usize>(), 8);
    }

    #[test]
    fn indicators_colour_everyone_and_mark_on_request() {
        use RowStatus::*;
        let values = vec![Some(1.0), Some(2.0), None, Some(3.0)];
        let status = vec![Asked, NotAsked, Excluded, Excluded];
        let marked = Colouring::new(data(values.clone(), status.clone(), false, Scheme::Sequential), true);
        assert_eq!(marked.fills[1].pattern, Some(Pattern::Hatch));
        assert_ne!(marked.fills[1].colour, palette::NOT_ASKED);
        assert_eq!(marked.fills[2], Fill::NO_DATA, "a missing value shows as missing");
        assert_eq!(marked.fills[3].pattern, Some(Pattern::Cross));
        let plain = Colouring::new(data(values, status, false, Scheme::Sequential), false);
        assert_eq!(plain.fills[1].pattern, None);
        assert_eq!(plain.fills[1].colour, marked.fills[1].colour);
    }

    #[test]
    fn diverging_fills_zero_neutral() {
        let values = vec![Some(-20.0), Some(0.0), Some(5.0), Some(30.0)];
        let c = Colouring::new(data(values, vec![RowStatus::Asked; 4], false, Scheme::Diverging), true);
        assert_eq!(c.fills[1].colour, palette::NEUTRAL);
        assert_ne!(c.fills[0].colour, c.fills[3].colour);
    }

    #[test]
    fn labels() {
        assert_eq!(range_label(10.0, 19.0, true, 0, Lang::En), "10–19");
        assert_eq!(range_label(0.0, 0.0, true, 0, Lang::En), "0");
        assert_eq!(range_label(1200.0, f64::INFINITY, true, 0, Lang::En), "≥ 1,200");
        assert_eq!(range_label(f64::NEG_INFINITY, -21.0, true, 0, Lang::Nb), "≤ −21");
        assert_eq!(range_label(1.5, 2.25, false, 2, Lang::Nb), "1,50–2,25");
        assert_eq!(range_label(-8.0, -4.0, true, 0, Lang::En), "-8 to -4");
        assert_eq!(range_label(-8.0, -4.0, true, 0, Lang::Nb), "−8 til −4");
    }
}
