//! One table model for every output: typed cells, headers in the chosen language.

use crate::data::Dataset;
use crate::engine::Allocation;
use crate::lang::Lang;
use crate::scenario::Scenario;

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
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
    let mut headers = vec![
        t("Kommunenummer", "Code"),
        t("Kommune", "Municipality"),
        t("Fylke", "County"),
        t("Folketall", "Population"),
    ];
    for &i in &indicators {
        let meta = &dataset.columns[i].meta;
        headers.push(format!("{} ({}, {})", lang.pick(&meta.label.nb, &meta.label.en), meta.unit, meta.year));
    }
    headers.extend([
        t("Andel", "Quota"),
        t("Anmodning", "Request"),
        t("Enslige mindreårige", "Minors"),
        t("Per 1000", "Per 1,000"),
    ]);
    if let Some(r) = reference {
        headers.push(lang.pick(&r.meta.label.nb, &r.meta.label.en).to_owned());
        headers.push(t("Differanse", "Difference"));
    }
    headers.push(t("Merknad", "Note"));
    let rows = dataset
        .municipalities
        .iter()
        .zip(&allocation.rows)
        .enumerate()
        .map(|(i, (m, r))| {
            let mut row = vec![
                Cell::Text(m.code.clone()),
                Cell::Text(m.name.clone()),
                Cell::Text(m.county_name.clone()),
                Cell::Int(m.population as i64),
            ];
            for &c in &indicators {
                row.push(dataset.columns[c].values[i].map_or(Cell::Empty, |v| Cell::Number(v, 1)));
            }
            row.extend([
                Cell::Number(r.quota, 2),
                Cell::Int(i64::from(r.allocation)),
                Cell::Int(i64::from(r.minors)),
                Cell::Number(r.per_1000, 2),
            ]);
            if let Some(col) = reference {
                match col.values[i] {
                    Some(v) => {
                        row.push(Cell::Number(v, 0));
                        row.push(Cell::Number(f64::from(r.allocation) - v, 0));
                    }
                    None => row.extend([Cell::Empty, Cell::Empty]),
                }
            }
            row.push(match (&r.status, r.reason()) {
                (crate::engine::Status::Locked, _) => Cell::Text(t("låst", "locked")),
                (_, Some(reason)) => Cell::Text(reason.message(lang)),
                _ => Cell::Empty,
            });
            row
        })
        .collect();
    ResultTable { headers, rows }
}
