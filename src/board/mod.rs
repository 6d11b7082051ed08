//! Several scenarios side by side (up to six): per municipality and per county each scenario's request, and
//! key figures per scenario (asked, minors, largest request, Gini, share to the ten largest). With `scaled`,
//! every scenario is scaled to the first one's total, so a smaller target does not make every municipality
//! read as "fewer": the board then compares shares.
//!
//! Pure: the Compare tab's board, `bosetting compare` and the briefing report use it; the exports (CSV, JSON,
//! XLSX with a county chart) start from [`board_table`] and [`county_table`].

use crate::analysis::concentration::{concentration_curve, top_share};
use crate::data::Dataset;
use crate::engine::Allocation;
use crate::lang::Lang;
use crate::report::{Cell, ResultTable};

/// The most scenarios a board holds: more do not fit beside each other on a page or a screen.
pub const MAX_SCENARIOS: usize = 6;

/// One scenario on the board.
#[derive(Clone, Copy)]
pub struct BoardPlan<'a> {
    pub name: &'a str,
    pub allocation: &'a Allocation,
}

#[derive(Debug, Clone, PartialEq)]
pub struct KeyFigures {
    pub name: String,
    pub target: u32,
    pub allocated: u64,
    pub asked: usize,
    pub minors: u64,
    /// The largest request: dataset row and number.
    pub largest: Option<(usize, u32)>,
    pub gini: f64,
    /// Share of the total to the ten largest requests (0–1).
    pub top_ten: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BoardCounty {
    pub code: String,
    pub name: String,
    /// One per scenario, scaled when the board is.
    pub values: Vec<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Board {
    /// Column names: the scenarios' names, made unique ("Plan", "Plan (2)").
    pub names: Vec<String>,
    pub scaled: bool,
    pub key: Vec<KeyFigures>,
    /// Per dataset row, one value per scenario (scaled when the board is).
    pub values: Vec<Vec<f64>>,
    pub counties: Vec<BoardCounty>,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum BoardError {
    #[error("a board needs at least one scenario")]
    Empty,
    #[error("at most {MAX_SCENARIOS} scenarios fit side by side ({0} given)")]
    TooMany(usize),
    #[error(
        "{name:?} covers {rows} municipalities, the dataset {dataset} {expected}; compare scenarios on the same dataset"
    )]
    DifferentRows { name: String, rows: usize, dataset: String, expected: usize },
}

fn unique_names(plans: &[BoardPlan]) -> Vec<String> {
    let mut names: Vec<String> = Vec::with_capacity(plans.len());
    for p in plans {
        let base = if p.name.trim().is_empty() { "?".to_owned() } else { p.name.to_owned() };
        let mut name = base.clone();
        let mut k = 2;
        while names.contains(&name) {
            name = format!("{base} ({k})");
            k += 1;
        }
        names.push(name);
    }
    names
}

fn key_figures(name: &str, a: &Allocation) -> KeyFigures {
    let requests: Vec<f64> = a.rows.iter().map(|r| f64::from(r.allocation)).collect();
    let largest = a
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.allocation > 0)
        .max_by(|x, y| x.1.allocation.cmp(&y.1.allocation).then(y.0.cmp(&x.0)))
        .map(|(i, r)| (i, r.allocation));
    KeyFigures {
        name: name.to_owned(),
        target: a.target,
        allocated: a.allocated,
        asked: a.asked,
        minors: a.minors_allocated,
        largest,
        gini: concentration_curve(&requests).map_or(0.0, |c| c.gini()),
        top_ten: top_share(&requests, 10),
    }
}

/// The board of `plans` (all on `dataset`), in the given order; the first is the one the others are read
/// against.
pub fn board(dataset: &Dataset, plans: &[BoardPlan], scaled: bool) -> Result<Board, BoardError> {
    if plans.is_empty() {
        return Err(BoardError::Empty);
    }
    if plans.len() > MAX_SCENARIOS {
        return Err(BoardError::TooMany(plans.len()));
    }
    let n = dataset.len();
    for p in plans {
        if p.allocation.rows.len() != n {
            return Err(BoardError::DifferentRows {
                name: p.name.to_owned(),
                rows: p.allocation.rows.len(),
                dataset: dataset.id.clone(),
                expected: n,
            });
        }
    }
    let names = unique_names(plans);
    let first_total = plans[0].allocation.allocated as f64;
    let factors: Vec<f64> = plans
        .iter()
        .map(|p| {
            let total = p.allocation.allocated as f64;
            if scaled && total > 0.0 { first_total / total } else { 1.0 }
        })
        .collect();
    let values: Vec<Vec<f64>> = (0..n)
        .map(|i| plans.iter().zip(&factors).map(|(p, f)| f64::from(p.allocation.rows[i].allocation) * f).collect())
        .collect();
    let mut counties: Vec<BoardCounty> = Vec::new();
    for (i, m) in dataset.municipalities.iter().enumerate() {
        let k = match counties.iter().position(|c| c.code == m.county_code) {
            Some(k) => k,
            None => {
                counties.push(BoardCounty {
                    code: m.county_code.clone(),
                    name: m.county_name.clone(),
                    values: vec![0.0; plans.len()],
                });
                counties.len() - 1
            }
        };
        for (s, v) in values[i].iter().enumerate() {
            counties[k].values[s] += v;
        }
    }
    counties.sort_by(|a, b| a.code.cmp(&b.code));
    let key = plans.iter().zip(&names).map(|(p, name)| key_figures(name, p.allocation)).collect();
    Ok(Board { names, scaled, key, values, counties })
}

fn value_cell(v: f64, scaled: bool) -> Cell {
    if scaled { Cell::Number(v, 1) } else { Cell::Int(v.round() as i64) }
}

/// One row per municipality: `code,name,county`, then one column per scenario named by the scenario.
pub fn board_table(dataset: &Dataset, board: &Board, lang: Lang) -> ResultTable {
    let mut headers = vec![
        lang.pick("Kommunenummer", "code").to_owned(),
        lang.pick("Kommune", "name").to_owned(),
        lang.pick("Fylke", "county").to_owned(),
    ];
    headers.extend(board.names.iter().cloned());
    let rows = dataset
        .municipalities
        .iter()
        .zip(&board.values)
        .map(|(m, values)| {
            let mut row =
                vec![Cell::Code(m.code.clone()), Cell::Text(m.name.clone()), Cell::Text(m.county_name.clone())];
            row.extend(values.iter().map(|&v| value_cell(v, board.scaled)));
            row
        })
        .collect();
    ResultTable { headers, rows }
}

/// One row per county, one column per scenario.
pub fn county_table(board: &Board, lang: Lang) -> ResultTable {
    let mut headers =
        vec![lang.pick("Fylkesnummer", "County code").to_owned(), lang.pick("Fylke", "County").to_owned()];
    headers.extend(board.names.iter().cloned());
    let rows = board
        .counties
        .iter()
        .map(|c| {
            let mut row = vec![Cell::Code(c.code.clone()), Cell::Text(c.name.clone())];
            row.extend(c.values.iter().map(|&v| value_cell(v, board.scaled)));
            row
        })
        .collect();
    ResultTable { headers, rows }
}

/// The key figures as a table: one row per figure, one column per scenario.
pub fn key_table(dataset: &Dataset, board: &Board, lang: Lang) -> ResultTable {
    let mut headers = vec![lang.pick("Nøkkeltall", "Key figure").to_owned()];
    headers.extend(board.names.iter().cloned());
    let label = |nb: &str, en: &str| Cell::Text(lang.pick(nb, en).to_owned());
    let mut rows: Vec<Vec<Cell>> = vec![
        vec![label("Mål", "Target")],
        vec![label("Fordelt", "Allocated")],
        vec![label("Kommuner anmodet", "Municipalities asked")],
        vec![label("Enslige mindreårige", "Unaccompanied minors")],
        vec![label("Største anmodning", "Largest request")],
        vec![label("Kommunen med størst anmodning", "Municipality with the largest request")],
        vec![label("Gini", "Gini")],
        vec![label("Andel til de ti største (%)", "Share to the ten largest (%)")],
    ];
    for k in &board.key {
        let (largest, largest_name) = match k.largest {
            Some((row, n)) => (Cell::Int(i64::from(n)), Cell::Text(dataset.municipalities[row].name.clone())),
            None => (Cell::Empty, Cell::Empty),
        };
        let cells = [
            Cell::Int(i64::from(k.target)),
            Cell::Int(k.allocated as i64),
            Cell::Int(k.asked as i64),
            Cell::Int(k.minors as i64),
            largest,
            largest_name,
            Cell::Number(k.gini, 3),
            Cell::Number(k.top_ten * 100.0, 1),
        ];
        for (row, cell) in rows.iter_mut().zip(cells) {
            row.push(cell);
        }
    }
    ResultTable { headers, rows }
}

/// The board as JSON: the scenarios with their key figures, and per municipality one value per scenario.
pub fn board_json(dataset: &Dataset, board: &Board) -> serde_json::Value {
    use serde_json::json;
    let scenarios: Vec<_> = board
        .key
        .iter()
        .map(|k| {
            json!({
                "name": k.name,
                "target": k.target,
                "allocated": k.allocated,
                "asked": k.asked,
                "minors": k.minors,
                "largest": k.largest.map(|(row, n)| json!({"code": dataset.municipalities[row].code, "name": dataset.municipalities[row].name, "allocation": n})),
                "gini": k.gini,
                "top_ten_share": k.top_ten,
            })
        })
        .collect();
    let municipalities: Vec<_> = dataset
        .municipalities
        .iter()
        .zip(&board.values)
        .map(|(m, v)| json!({"code": m.code, "name": m.name, "county": m.county_name, "allocations": v}))
        .collect();
    json!({"dataset": dataset.id, "scaled": board.scaled, "scenarios": scenarios, "municipalities": municipalities})
}

#[cfg(test)]
mod tests;
