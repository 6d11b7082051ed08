//! What the estimate reads from a dataset, by column id: past requests and decisions (the record), the
//! refugees settled last year, and a class column for the groups. Nothing is read from the ids themselves.

use std::collections::BTreeSet;

use super::ExpectError;
use crate::data::{Dataset, Kind};

/// The columns to read, by id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ColumnChoice {
    /// Past years: (request, decisions made on it).
    pub history: Vec<(String, String)>,
    /// Refugees settled in the year before the request; caps how much of a request counts.
    pub settled: Option<String>,
    /// A class column (centrality class, say): the groups whose shares a municipality is pulled towards.
    pub group: Option<String>,
}

/// One year of the record: the request per municipality (missing = not asked, 0) and the decisions on it.
#[derive(Debug, Clone, PartialEq)]
pub struct Year {
    pub request: Vec<f64>,
    pub decided: Vec<Option<f64>>,
}

/// The inputs of the model, one entry per dataset row.
#[derive(Debug, Clone, PartialEq)]
pub struct Inputs {
    /// Index into `counties` of each row's county.
    pub county_of: Vec<usize>,
    /// Counties by code: (code, name).
    pub counties: Vec<(String, String)>,
    /// Class of each row (`None`: no group column, or the cell is missing).
    pub group: Vec<Option<u32>>,
    /// Settled last year (`None`: no settled column, or the cell is missing: no cap).
    pub settled: Vec<Option<f64>>,
    pub history: Vec<Year>,
}

impl Inputs {
    pub fn len(&self) -> usize {
        self.county_of.len()
    }

    pub fn is_empty(&self) -> bool {
        self.county_of.is_empty()
    }
}

/// Group columns are classes: more distinct values than this is a measure, not a class.
const MAX_CLASSES: usize = 20;

/// Reads the chosen columns, refusing unknown columns, columns that are not counts and records without
/// decisions, each naming the column.
pub fn read_inputs(dataset: &Dataset, choice: &ColumnChoice) -> Result<Inputs, ExpectError> {
    let counties = dataset.counties();
    let county_of = dataset
        .municipalities
        .iter()
        .map(|m| counties.iter().position(|(code, _)| *code == m.county_code).unwrap_or(0))
        .collect();
    let mut history = Vec::with_capacity(choice.history.len());
    for (request, decisions) in &choice.history {
        history.push(read_year(dataset, request, decisions)?);
    }
    let settled = match &choice.settled {
        Some(id) => counts(dataset, id)?,
        None => vec![None; dataset.len()],
    };
    let group = match &choice.group {
        Some(id) => classes(dataset, id)?,
        None => vec![None; dataset.len()],
    };
    Ok(Inputs { county_of, counties, group, settled, history })
}

/// A request column: places per municipality, a missing cell is 0 (not asked).
pub fn read_request(dataset: &Dataset, id: &str) -> Result<Vec<f64>, ExpectError> {
    Ok(counts(dataset, id)?.into_iter().map(|v| v.unwrap_or(0.0)).collect())
}

/// A request column and the decisions on it; a decisions column with no decision on an asked municipality
/// is refused.
pub fn read_year(dataset: &Dataset, request: &str, decisions: &str) -> Result<Year, ExpectError> {
    let request = read_request(dataset, request)?;
    let decided = counts(dataset, decisions)?;
    if !decided.iter().zip(&request).any(|(d, r)| d.is_some() && *r > 0.0) {
        return Err(ExpectError::NoDecisions { column: decisions.to_owned() });
    }
    Ok(Year { request, decided })
}

fn column<'a>(dataset: &'a Dataset, id: &str) -> Result<&'a crate::data::Column, ExpectError> {
    dataset.column(id).ok_or_else(|| ExpectError::NoColumn { dataset: dataset.id.clone(), column: id.to_owned() })
}

/// A column of counts of places: extensive, whole numbers of at least 0; missing cells stay `None`.
fn counts(dataset: &Dataset, id: &str) -> Result<Vec<Option<f64>>, ExpectError> {
    let col = column(dataset, id)?;
    if col.meta.kind != Kind::Extensive {
        return Err(ExpectError::NotCounts { column: id.to_owned() });
    }
    col.values
        .iter()
        .zip(dataset.municipalities.iter())
        .map(|(v, m)| match v {
            None => Ok(None),
            Some(x) if x.is_finite() && *x >= 0.0 && x.fract() == 0.0 => Ok(Some(*x)),
            Some(x) => Err(ExpectError::NotACount {
                column: id.to_owned(),
                code: m.code.clone(),
                name: m.name.clone(),
                value: *x,
            }),
        })
        .collect()
}

/// A class column: whole numbers from 0 to 99, at most [`MAX_CLASSES`] different ones.
fn classes(dataset: &Dataset, id: &str) -> Result<Vec<Option<u32>>, ExpectError> {
    let col = column(dataset, id)?;
    let values: Vec<Option<u32>> = col
        .values
        .iter()
        .zip(dataset.municipalities.iter())
        .map(|(v, m)| match v {
            None => Ok(None),
            Some(x) if x.is_finite() && (0.0..100.0).contains(x) && x.fract() == 0.0 => Ok(Some(*x as u32)),
            Some(x) => Err(ExpectError::NotAClass {
                column: id.to_owned(),
                code: m.code.clone(),
                name: m.name.clone(),
                value: *x,
            }),
        })
        .collect::<Result<_, _>>()?;
    let distinct: BTreeSet<u32> = values.iter().flatten().copied().collect();
    if distinct.len() > MAX_CLASSES {
        return Err(ExpectError::TooManyClasses { column: id.to_owned(), count: distinct.len(), max: MAX_CLASSES });
    }
    Ok(values)
}
