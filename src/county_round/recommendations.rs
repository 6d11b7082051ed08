//! The counties' recommendations (`code → number`) read from the files they return: workbooks made by
//! `export` and filled in, or CSV files. A file may hold one county or several; its counties are those of its
//! municipalities. Every problem is reported with file, row and cause, and nothing is imported half: either
//! every file is read whole, or the first problem is the answer.

use std::collections::{BTreeMap, HashMap};

use super::grid::{Grid, GridCell, grids, is_value_header};
use crate::borders::{BorderReport, Vintage, crosswalk, map_values};
use crate::data::{Dataset, Kind};
use crate::import::{Cell, DecimalMark, municipality_code, parse_number_in};

/// One municipality's recommended number and where it was read.
#[derive(Debug, Clone, PartialEq)]
pub struct Recommendation {
    pub value: u32,
    pub file: String,
    pub row: usize,
}

/// A county that answered: its files and the date received.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Received {
    pub files: Vec<String>,
    pub date: String,
}

/// Every recommendation read, by municipality code on the dataset's borders.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Recommendations {
    pub by_code: BTreeMap<String, Recommendation>,
    /// By county code: the counties that answered.
    pub received: BTreeMap<String, Received>,
    /// Files on other borders, moved to the dataset's: the file and what moved.
    pub moved: Vec<(String, BorderReport)>,
}

/// A returned file: its name (for messages), its bytes and the date it came in.
#[derive(Debug, Clone)]
pub struct ReturnedFile<'a> {
    pub name: String,
    pub bytes: &'a [u8],
    pub date: String,
}

/// Why the returned files cannot be imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecommendationError {
    #[error("{file}: {cause}")]
    Unreadable { file: String, cause: String },
    #[error("{file}: no column of recommendations (a header \"Anbefaling\" or \"Recommendation\")")]
    NoColumn { file: String },
    #[error("{file}: no municipality has a recommendation")]
    NoRows { file: String },
    #[error("{file}, row {row}: {cell:?} is not a municipality code")]
    NotACode { file: String, row: usize, cell: String },
    #[error("{file}, row {row}: municipality {code} is not on the {borders} borders nor on any other known")]
    UnknownCode { file: String, row: usize, code: String, borders: String },
    #[error("{file}, row {row}: municipality {code} is {expected}, not {name:?}")]
    NameMismatch { file: String, row: usize, code: String, name: String, expected: String },
    #[error("{file}, row {row}: {code} {name} has no recommendation; write 0 for none")]
    Empty { file: String, row: usize, code: String, name: String },
    #[error("{file}, row {row}: {code} {name}: {value} is not a whole number")]
    NotInteger { file: String, row: usize, code: String, name: String, value: String },
    #[error("{file}, row {row}: {code} {name}: {value} is negative")]
    Negative { file: String, row: usize, code: String, name: String, value: String },
    #[error("{file}, row {row}: {code} {name}: {cause}")]
    NotANumber { file: String, row: usize, code: String, name: String, cause: String },
    #[error(
        "{file}, row {row}: {code} {name} is recommended {value}, but {first_file}, row {first_row} says {first_value}"
    )]
    Conflict {
        file: String,
        row: usize,
        code: String,
        name: String,
        value: u32,
        first_file: String,
        first_row: usize,
        first_value: u32,
    },
    #[error("{file}: {county} is missing {count} of its municipalities ({names}); a county answers for all")]
    IncompleteCounty { file: String, county: String, count: usize, names: String },
}

type Result<T> = std::result::Result<T, RecommendationError>;

/// Reads every file; the recommendations of all of them, or the first problem.
pub fn read_recommendations(files: &[ReturnedFile<'_>], dataset: &Dataset) -> Result<Recommendations> {
    let mut out = Recommendations::default();
    for f in files {
        let mut read = read_file(f, dataset)?;
        for (code, rec) in std::mem::take(&mut read.values) {
            match out.by_code.get(&code) {
                Some(first) if first.value != rec.value => {
                    let name = dataset.index_of_code(&code).map(|i| dataset.display_name(i)).unwrap_or_default();
                    return Err(RecommendationError::Conflict {
                        file: rec.file,
                        row: rec.row,
                        code,
                        name,
                        value: rec.value,
                        first_file: first.file.clone(),
                        first_row: first.row,
                        first_value: first.value,
                    });
                }
                Some(_) => {}
                None => {
                    out.by_code.insert(code, rec);
                }
            }
        }
        out.moved.extend(read.moved.map(|r| (f.name.clone(), r)));
        for county in read.counties {
            let received = out.received.entry(county).or_default();
            received.files.push(f.name.clone());
            received.date = f.date.clone();
        }
    }
    check_complete(&out, dataset)?;
    Ok(out)
}

/// What one file gave, on the dataset's borders.
struct FileRead {
    values: Vec<(String, Recommendation)>,
    counties: Vec<String>,
    moved: Option<BorderReport>,
}

/// One row as read: code, name given (may be empty), value, row.
struct Line {
    code: String,
    name: String,
    value: u32,
    row: usize,
}

fn read_file(f: &ReturnedFile<'_>, dataset: &Dataset) -> Result<FileRead> {
    let file = f.name.as_str();
    let tables =
        grids(f.bytes, file).map_err(|cause| RecommendationError::Unreadable { file: file.to_owned(), cause })?;
    let mut lines = Vec::new();
    let mut any_column = false;
    for grid in &tables {
        if let Some(found) = read_grid(grid, file, dataset)? {
            any_column = true;
            lines.extend(found);
        }
    }
    if !any_column {
        return Err(RecommendationError::NoColumn { file: file.to_owned() });
    }
    if lines.is_empty() {
        return Err(RecommendationError::NoRows { file: file.to_owned() });
    }
    let to = dataset.vintage();
    let from = Vintage::of_codes(lines.iter().map(|l| l.code.as_str()));
    let other = match (from, to) {
        (Some(from), Some(to)) if from != to => Some((from, to)),
        _ => None,
    };
    check_codes_and_names(&lines, file, dataset, other.map(|(from, _)| from))?;
    let (values, moved) = match other {
        None => (
            lines
                .iter()
                .map(|l| (l.code.clone(), Recommendation { value: l.value, file: file.to_owned(), row: l.row }))
                .collect::<Vec<_>>(),
            None,
        ),
        Some((from, to)) => {
            let input: Vec<(String, Option<f64>)> =
                lines.iter().map(|l| (l.code.clone(), Some(f64::from(l.value)))).collect();
            let mapped = map_values(from, to, Kind::Extensive, &input);
            let values = mapped
                .values
                .iter()
                .map(|m| {
                    let first = &lines[m.sources[0]];
                    // Counts split by population share stay whole (see `borders::split_count`).
                    let value = m.value.map_or(0, |v| v.round().max(0.0) as u32);
                    (m.code.clone(), Recommendation { value, file: file.to_owned(), row: first.row })
                })
                .collect();
            (values, Some(mapped.report))
        }
    };
    let index = dataset.row_index();
    let mut counties: Vec<String> = values
        .iter()
        .filter_map(|(code, _)| dataset.index_of_code(code))
        .map(|row| index.counties[index.county_of[row]].0.clone())
        .collect();
    counties.sort();
    counties.dedup();
    Ok(FileRead { values, counties, moved })
}

/// The columns of a grid: code, name (if any), value. `None` when it has no recommendation column.
fn columns(grid: &Grid) -> Option<(usize, Option<usize>, usize)> {
    let value = grid.headers.iter().position(|h| is_value_header(h))?;
    let lower: Vec<String> = grid.headers.iter().map(|h| h.trim().to_lowercase()).collect();
    let code = lower
        .iter()
        .position(|h| ["kommunenummer", "kommunenr", "knr", "code", "kode", "nr", "nummer"].contains(&h.as_str()))
        .unwrap_or(0);
    let name = lower
        .iter()
        .position(|h| ["kommune", "kommunenavn", "navn", "municipality", "name"].contains(&h.as_str()))
        .filter(|&n| n != code && n != value);
    Some((code, name, value))
}

/// The lines of one grid, each value checked; rows without a code (a total row) are skipped.
fn read_grid(grid: &Grid, file: &str, dataset: &Dataset) -> Result<Option<Vec<Line>>> {
    let Some((code_col, name_col, value_col)) = columns(grid) else { return Ok(None) };
    let file = if grid.sheet.is_empty() { file.to_owned() } else { format!("{file} [{}]", grid.sheet) };
    let cell = |cells: &[GridCell], col: usize| cells.get(col).cloned().unwrap_or(GridCell::Empty);
    let texts: Vec<(usize, String)> =
        grid.rows.iter().map(|(row, cells)| (*row, cell(cells, value_col).text())).collect();
    let mark = DecimalMark::of_column(texts.iter().map(|(row, t)| (*row, t.as_str())));
    let mut out = Vec::new();
    for (row, cells) in &grid.rows {
        let row = *row;
        let code_text = cell(cells, code_col).text();
        let name = name_col.map(|c| cell(cells, c).text()).unwrap_or_default();
        if code_text.is_empty() {
            continue;
        }
        let Some(code) = municipality_code(&code_text) else {
            // A totals line ("Sum", "Totalt") has a word, not a code, and no municipality name.
            if name.is_empty() && code_text.chars().all(char::is_alphabetic) {
                continue;
            }
            return Err(RecommendationError::NotACode { file, row, cell: code_text });
        };
        let shown = if name.is_empty() {
            dataset.index_of_code(&code).map(|i| dataset.display_name(i)).unwrap_or_default()
        } else {
            name.clone()
        };
        let raw = cell(cells, value_col);
        let number = match &raw {
            GridCell::Empty => None,
            GridCell::Number(v) => Some(*v),
            GridCell::Text(t) => match parse_number_in(t, mark) {
                Ok(Cell::Number(v)) => Some(v),
                Ok(_) => None,
                Err(cause) => {
                    return Err(RecommendationError::NotANumber { file, row, code, name: shown, cause });
                }
            },
        };
        let Some(v) = number else {
            return Err(RecommendationError::Empty { file, row, code, name: shown });
        };
        if v < 0.0 {
            return Err(RecommendationError::Negative { file, row, code, name: shown, value: raw.text() });
        }
        if v.fract() != 0.0 || v > f64::from(u32::MAX) {
            return Err(RecommendationError::NotInteger { file, row, code, name: shown, value: raw.text() });
        }
        out.push(Line { code, name, value: v as u32, row });
    }
    Ok(Some(out))
}

/// Every code is known on the file's borders, and every name given is the code's.
fn check_codes_and_names(lines: &[Line], file: &str, dataset: &Dataset, other: Option<Vintage>) -> Result<()> {
    let cw = crosswalk();
    for l in lines {
        let expected: Option<String> = match other {
            None => dataset.index_of_code(&l.code).map(|i| dataset.municipalities[i].name.clone()),
            Some(v) => cw.name(v, &l.code).map(str::to_owned),
        };
        let Some(expected) = expected else {
            let borders = match other.or(dataset.vintage()) {
                Some(v) => v.to_string(),
                None => dataset.id.clone(),
            };
            return Err(RecommendationError::UnknownCode {
                file: file.to_owned(),
                row: l.row,
                code: l.code.clone(),
                borders,
            });
        };
        if !l.name.is_empty() && !same_name(&l.name, &expected) {
            return Err(RecommendationError::NameMismatch {
                file: file.to_owned(),
                row: l.row,
                code: l.code.clone(),
                name: l.name.clone(),
                expected,
            });
        }
    }
    Ok(())
}

/// Names compare without case and spacing; a double name ("Guovdageaidnu - Kautokeino") matches either part,
/// and a name shown with its county ("Herøy (Nordland)") matches the name.
fn same_name(given: &str, expected: &str) -> bool {
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    let bare = |s: &str| norm(s.split(" (").next().unwrap_or(s));
    let (given, expected) = (norm(given), norm(expected));
    given == expected
        || bare(&given) == bare(&expected)
        || bare(&expected).split(" - ").any(|part| part.trim() == bare(&given))
}

/// Every county that answered has answered for all its municipalities.
fn check_complete(recs: &Recommendations, dataset: &Dataset) -> Result<()> {
    let index = dataset.row_index();
    let mut missing: HashMap<usize, Vec<usize>> = HashMap::new();
    for (row, m) in dataset.municipalities.iter().enumerate() {
        let county = &index.counties[index.county_of[row]].0;
        if recs.received.contains_key(county) && !recs.by_code.contains_key(&m.code) {
            missing.entry(index.county_of[row]).or_default().push(row);
        }
    }
    let Some(c) = (0..index.counties.len()).find(|c| missing.contains_key(c)) else { return Ok(()) };
    let rows = &missing[&c];
    let (code, name) = &index.counties[c];
    let names: Vec<String> = rows
        .iter()
        .take(5)
        .map(|&r| format!("{} {}", dataset.municipalities[r].code, dataset.display_name(r)))
        .collect();
    let more = if rows.len() > 5 { format!(", … {} more", rows.len() - 5) } else { String::new() };
    Err(RecommendationError::IncompleteCounty {
        file: recs.received.get(code).map(|r| r.files.join(", ")).unwrap_or_default(),
        county: format!("{name} ({code})"),
        count: rows.len(),
        names: format!("{}{more}", names.join(", ")),
    })
}
