//! One table model for every output: typed cells, headers in the chosen language.

use crate::data::Dataset;
use crate::engine::Allocation;
use crate::lang::Lang;
use crate::scenario::Scenario;

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    /// A municipality or county code (`0301`, `03`): digits the program takes from its validated dataset.
    /// Kept apart from text so spreadsheet outputs can keep its leading zero.
    Code(String),
    Int(i64),
    /// A number shown with this many decimals.
    Number(f64, usize),
    Empty,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ResultTable {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// A column the caller adds to the result table (the planner's expected decisions): placed right after the
/// column headed `after` (at the end when there is none), one cell per row.
#[derive(Debug, Clone, PartialEq)]
pub struct ExtraColumn {
    pub after: String,
    pub header: String,
    pub cells: Vec<Cell>,
}

impl ResultTable {
    /// The table with `extra` columns added; a row without a cell of its own gets an empty one.
    pub fn with_extra(mut self, extra: &[ExtraColumn]) -> Self {
        for column in extra {
            let at = self.headers.iter().position(|h| *h == column.after).map_or(self.headers.len(), |i| i + 1);
            self.headers.insert(at, column.header.clone());
            for (i, row) in self.rows.iter_mut().enumerate() {
                row.insert(at.min(row.len()), column.cells.get(i).cloned().unwrap_or(Cell::Empty));
            }
        }
        self
    }
}

/// The municipality table: code, name, county, population, the indicators in use, quota, request, minors,
/// per 1,000, the reference column and the difference, and the reason a municipality is not asked.
pub fn result_table(dataset: &Dataset, scenario: &Scenario, allocation: &Allocation, lang: Lang) -> ResultTable {
    let t = |nb: &str, en: &str| lang.pick(nb, en).to_owned();
    let indicators: Vec<usize> = scenario
        .criteria
        .iter()
        .filter_map(|c| c.column.as_deref())
        .filter_map(|id| dataset.column_index(id))
        .collect();
    let reference = scenario.reference_column.as_deref().and_then(|id| dataset.column(id));
    // A reference that is also an indicator in use (continuity and last year's request) is written once.
    let reference_shown =
        reference.filter(|r| !indicators.iter().any(|&i| dataset.columns[i].meta.id == r.meta.id)).is_some();
    let filled: std::collections::HashMap<(usize, &str), &crate::engine::FilledCell> =
        allocation.filled.iter().map(|f| ((f.row, &*f.column), f)).collect();
    let mut headers = vec![
        t("Kommunenummer", "Code"),
        t("Kommune", "Municipality"),
        t("Fylke", "County"),
        t("Folketall", "Population"),
    ];
    for &i in &indicators {
        let meta = &dataset.columns[i].meta;
        headers.push(format!("{} ({})", meta.label_with_year(lang), meta.unit_in(lang)));
    }
    headers.extend([
        t("Andel", "Quota"),
        t("Anmodning", "Request"),
        t("Enslige mindreårige", "Minors"),
        crate::lang::Words::get(lang).per_1000.to_owned(),
    ]);
    if let Some(r) = reference {
        if reference_shown {
            headers.push(lang.pick(&r.meta.label.nb, &r.meta.label.en).to_owned());
        }
        headers.push(t("Differanse", "Difference"));
    }
    headers.push(t("Merknad", "Note"));
    headers.push(t("Fylte verdier", "Filled values"));
    let rows = dataset
        .municipalities
        .iter()
        .zip(&allocation.rows)
        .enumerate()
        .map(|(i, (m, r))| {
            let mut row = vec![
                Cell::Code(m.code.clone()),
                Cell::Text(dataset.display_name(i)),
                Cell::Text(m.county_name.clone()),
                Cell::Int(m.population as i64),
            ];
            // A missing cell is written with the value the model filled in, and named in "Filled values".
            let mut filled_here = Vec::new();
            for &c in &indicators {
                let meta = &dataset.columns[c].meta;
                row.push(match dataset.columns[c].values[i] {
                    Some(v) => Cell::Number(v, 1),
                    None => match filled.get(&(i, meta.id.as_str())) {
                        Some(f) => {
                            filled_here.push(format!("{} ({})", meta.label_in(lang), f.policy.label(lang)));
                            Cell::Number(f.value, 1)
                        }
                        None => Cell::Empty,
                    },
                });
            }
            row.extend([
                Cell::Number(r.quota, 2),
                Cell::Int(i64::from(r.allocation)),
                Cell::Int(i64::from(r.minors)),
                Cell::Number(r.per_1000, 2),
            ]);
            if let Some(col) = reference {
                // A count (last year's request) is written as whole numbers, so a workbook can total it.
                let count = col.meta.kind == crate::data::Kind::Extensive;
                let cell = |v: f64| if count && v.fract() == 0.0 { Cell::Int(v as i64) } else { Cell::Number(v, 0) };
                match col.values[i] {
                    Some(v) => {
                        if reference_shown {
                            row.push(cell(v));
                        }
                        row.push(cell(f64::from(r.allocation) - v));
                    }
                    None => row.extend(std::iter::repeat_n(Cell::Empty, 1 + usize::from(reference_shown))),
                }
            }
            row.push(note(scenario, &m.code, r, lang));
            row.push(if filled_here.is_empty() { Cell::Empty } else { Cell::Text(filled_here.join("; ")) });
            row
        })
        .collect();
    ResultTable { headers, rows }
}

/// The note on a municipality: why it is locked, left out or included, with the analyst's reason for a manual
/// choice ("låst: Avtalt med kommunen"), so the reason travels with the row.
fn note(scenario: &Scenario, code: &str, r: &crate::engine::MunicipalityResult, lang: Lang) -> Cell {
    use crate::scenario::Override;
    let what = match (&r.status, r.reason(), scenario.overrides.get(code)) {
        (crate::engine::Status::Locked, _, _) => Some(lang.pick("låst", "locked").to_owned()),
        (_, Some(reason), _) => Some(reason.message(lang)),
        (_, None, Some(Override::Include)) => Some(Override::Include.label(lang)),
        _ => None,
    };
    let why = scenario.override_notes.get(code).map(|n| n.trim()).filter(|n| !n.is_empty());
    match (what, why) {
        (Some(what), Some(why)) => Cell::Text(format!("{what}: {why}")),
        (Some(what), None) => Cell::Text(what),
        (None, Some(why)) => Cell::Text(why.to_owned()),
        (None, None) => Cell::Empty,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_extra_column_goes_after_its_neighbour_or_last() {
        let table = ResultTable {
            headers: vec!["A".into(), "B".into()],
            rows: vec![vec![Cell::Int(1), Cell::Int(2)], vec![Cell::Int(3), Cell::Int(4)]],
        };
        let x = |after: &str| ExtraColumn { after: after.into(), header: "X".into(), cells: vec![Cell::Int(9)] };
        let t = table.clone().with_extra(&[x("A")]);
        assert_eq!(t.headers, ["A", "X", "B"]);
        assert_eq!(t.rows[0], [Cell::Int(1), Cell::Int(9), Cell::Int(2)]);
        assert_eq!(t.rows[1], [Cell::Int(3), Cell::Empty, Cell::Int(4)], "a row without a cell gets an empty one");
        assert_eq!(table.with_extra(&[x("none")]).headers, ["A", "B", "X"]);
    }
    use crate::export::test_data;
    use crate::scenario::Override;

    #[test]
    fn a_manual_choice_carries_its_reason_in_the_note_and_counts_are_whole() {
        let (d, mut s, _) = test_data::imdi_2020_case();
        s.overrides.insert("0301".into(), Override::Lock(250));
        s.override_notes.insert("0301".into(), "Avtalt med kommunen".into());
        s.overrides.insert("5001".into(), Override::Exclude);
        s.overrides.insert("1812".into(), Override::Include);
        let a = crate::engine::allocate(&d, &s).unwrap();
        let table = result_table(&d, &s, &a, Lang::Nb);
        let note = table.headers.iter().position(|h| h == "Merknad").unwrap();
        let row = |code: &str| &table.rows[d.index_of_code(code).unwrap()];
        assert_eq!(row("0301")[note], Cell::Text("låst: Avtalt med kommunen".into()));
        assert_eq!(row("5001")[note], Cell::Text("utelatt manuelt".into()));
        assert_eq!(row("1812")[note], Cell::Text("tatt med uansett regler".into()));
        // The reference (last year's request, a count) and the difference are whole numbers a workbook can total.
        let reference = table.headers.iter().position(|h| h == "Differanse").unwrap();
        assert!(matches!(row("0301")[reference], Cell::Int(_)), "{:?}", row("0301")[reference]);
    }
}
