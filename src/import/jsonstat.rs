//! JSON-stat 2.0 datasets, as SSB's statbank API returns them.
//!
//! ```json
//! {"class": "dataset", "id": ["Region", "ContentsCode", "Tid"], "size": [3, 1, 2],
//!  "dimension": {"Region": {"label": "region", "category": {
//!      "index": {"K-3101": 0, ...}, "label": {"K-3101": "Halden", ...}}}, ...},
//!  "value": [253, null, ...], "status": {"1": ".."}, "role": {"geo": ["Region"]}}
//! ```
//!
//! The values are flattened row-major over `id` (the last dimension varies fastest) into one row
//! per observation: one column per dimension holding the category label, preceded for the region
//! dimension by a column with the category code, and a last column `value`. `Row::line` is the
//! 1-based observation number.
//!
//! Accepted variations: `category.index` as an object (code → position) or an array of codes, or
//! absent when `category.label` has a single category; `category.label` absent (the code is the
//! label); `value` as an array or an object keyed by flat index (absent keys are empty);
//! `status` as one string for all, an array, or an object keyed by flat index; the dataset at the
//! top level, under `"dataset"`, or as the only member of a JSON-stat 1.0 bundle; `id` and `size`
//! at the top level or (JSON-stat 1.0) inside `dimension`.
//!
//! Value cells: a number is written with a decimal point (`12.5`); a `null` value becomes its
//! status when the status is one of SSB's symbols (`..`, `.`, `:`, ...; see
//! [`numbers`](super::numbers)), or an empty cell otherwise.
//!
//! The region dimension is the one named in `role.geo`, else the first whose id or label contains
//! "region" (`Region`, `KOKkommuneregion0000`), else the first whose categories are mostly
//! municipality codes.

use serde_json::{Map, Value};

use super::codes::code_in_cell;
use super::error::{ImportError, MAX_TABLE_CELLS};
use super::numbers::{Cell, parse_number};
use super::table::{Format, Row, Table};

/// Most observations a dataset may declare (the product of `size`). SSB's API returns at most
/// 800 000 cells per request.
pub const MAX_OBSERVATIONS: usize = 2_000_000;

/// One dimension, resolved.
struct Dimension {
    name: String,
    codes: Vec<String>,
    labels: Vec<String>,
}

/// Reads a JSON-stat text (already decoded) as a table.
pub(crate) fn read(text: &str, file: &str, encoding: &'static str) -> Result<Table, ImportError> {
    let root: Value = serde_json::from_str(text).map_err(|e| {
        let full = e.to_string();
        let suffix = format!(" at line {} column {}", e.line(), e.column());
        ImportError::Json {
            file: file.to_owned(),
            line: e.line().max(1),
            column: e.column(),
            cause: full.strip_suffix(&suffix).unwrap_or(&full).to_owned(),
        }
    })?;
    let bad = |path: &str, cause: String| ImportError::JsonStat { file: file.to_owned(), path: path.to_owned(), cause };
    let (ds, prefix) = find_dataset(&root).map_err(|cause| bad("(top level)", cause))?;
    let p = |field: &str| format!("{prefix}{field}");

    let dimension = ds
        .get("dimension")
        .ok_or_else(|| bad(&p("dimension"), "missing".into()))?
        .as_object()
        .ok_or_else(|| bad(&p("dimension"), "not an object".into()))?;
    // JSON-stat 2.0 has id and size at the top; 1.0 inside "dimension".
    let (id_val, id_path) = match ds.get("id") {
        Some(v) => (v, p("id")),
        None => (dimension.get("id").ok_or_else(|| bad(&p("id"), "missing".into()))?, p("dimension.id")),
    };
    let (size_val, size_path) = match ds.get("size") {
        Some(v) => (v, p("size")),
        None => (dimension.get("size").ok_or_else(|| bad(&p("size"), "missing".into()))?, p("dimension.size")),
    };
    let ids: Vec<&str> = id_val
        .as_array()
        .ok_or_else(|| bad(&id_path, "not an array of dimension ids".into()))?
        .iter()
        .enumerate()
        .map(|(i, v)| v.as_str().ok_or_else(|| bad(&format!("{id_path}[{i}]"), "not a string".into())))
        .collect::<Result<_, _>>()?;
    if ids.is_empty() {
        return Err(bad(&id_path, "no dimensions".into()));
    }
    let sizes: Vec<usize> = size_val
        .as_array()
        .ok_or_else(|| bad(&size_path, "not an array of numbers".into()))?
        .iter()
        .enumerate()
        .map(|(i, v)| {
            v.as_u64()
                .and_then(|n| usize::try_from(n).ok())
                .ok_or_else(|| bad(&format!("{size_path}[{i}]"), format!("{v} is not a non-negative whole number")))
        })
        .collect::<Result<_, _>>()?;
    if sizes.len() != ids.len() {
        return Err(bad(
            &size_path,
            format!("has {} entries but `{id_path}` names {} dimensions", sizes.len(), ids.len()),
        ));
    }
    let total =
        sizes.iter().try_fold(1usize, |acc, &s| acc.checked_mul(s)).filter(|&t| t <= MAX_OBSERVATIONS).ok_or_else(
            || {
                bad(
                    &size_path,
                    format!(
                        "{sizes:?} declares more than {MAX_OBSERVATIONS} observations; download a \
                     smaller selection"
                    ),
                )
            },
        )?;

    let mut dims = Vec::with_capacity(ids.len());
    for (&id, &size) in ids.iter().zip(&sizes) {
        let path = p(&format!("dimension.{id}"));
        let dim = dimension
            .get(id)
            .ok_or_else(|| bad(&path, format!("dimension \"{id}\" listed in `{id_path}` is missing")))?;
        dims.push(read_dimension(dim, id, size, &path).map_err(|(path, cause)| bad(&path, cause))?);
    }
    let region = region_dimension(ds, &ids, &dims);
    // A label per dimension, the region's code, the value: refused before any row is made.
    let cells = total.saturating_mul(dims.len() + usize::from(region.is_some()) + 1);
    if cells > MAX_TABLE_CELLS {
        return Err(ImportError::TooManyCells { file: file.to_owned(), cells });
    }

    let values = read_values(ds.get("value"), total, &p("value")).map_err(|(path, c)| bad(&path, c))?;
    let status = read_status(ds.get("status"), total, &p("status")).map_err(|(path, c)| bad(&path, c))?;

    let mut headers = Vec::with_capacity(dims.len() + 2);
    for (i, d) in dims.iter().enumerate() {
        if Some(i) == region {
            headers.push(format!("{} (code)", d.name));
        }
        headers.push(d.name.clone());
    }
    headers.push("value".to_owned());

    let mut rows = Vec::with_capacity(total);
    let mut position = vec![0usize; dims.len()];
    for (k, value) in values.iter().enumerate() {
        let mut cells = Vec::with_capacity(headers.len());
        for (i, d) in dims.iter().enumerate() {
            if Some(i) == region {
                cells.push(d.codes[position[i]].clone());
            }
            cells.push(d.labels[position[i]].clone());
        }
        let value = match value {
            Some(v) => v.clone(),
            None => match status.get(k) {
                Some(s) if matches!(parse_number(s), Ok(Cell::Missing { .. } | Cell::Hidden { .. })) => {
                    s.trim().to_owned()
                }
                _ => String::new(),
            },
        };
        cells.push(value);
        rows.push(Row { line: k + 1, cells });
        // Row-major: advance the last dimension first.
        for i in (0..dims.len()).rev() {
            position[i] += 1;
            if position[i] < sizes[i] {
                break;
            }
            position[i] = 0;
        }
    }
    Ok(Table { source_name: file.to_owned(), format: Format::JsonStat, encoding, delimiter: None, headers, rows })
}

/// The dataset object and the path prefix for messages.
fn find_dataset(root: &Value) -> Result<(&Map<String, Value>, String), String> {
    let obj = root.as_object().ok_or("expected a JSON object holding a JSON-stat dataset")?;
    let is_dataset = |o: &Map<String, Value>| {
        o.get("class").and_then(Value::as_str) == Some("dataset")
            || (o.contains_key("dimension") && o.contains_key("value"))
    };
    if is_dataset(obj) {
        return Ok((obj, String::new()));
    }
    if let Some(ds) = obj.get("dataset").and_then(Value::as_object) {
        return Ok((ds, "dataset.".to_owned()));
    }
    match obj.get("class").and_then(Value::as_str) {
        Some("collection") => {
            return Err("a JSON-stat collection, not a dataset; download one table as JSON-stat 2.0".into());
        }
        Some(other) => return Err(format!("\"class\" is \"{other}\", expected \"dataset\"")),
        None => {}
    }
    // JSON-stat 1.0 bundle with one dataset.
    let mut members = obj.iter().filter_map(|(name, v)| v.as_object().filter(|o| is_dataset(o)).map(|o| (name, o)));
    if let (Some((name, ds)), None) = (members.next(), members.next()) {
        return Ok((ds, format!("{name}.")));
    }
    Err("not a JSON-stat dataset: expected \"class\": \"dataset\" with \"id\", \"size\", \
         \"dimension\" and \"value\""
        .into())
}

/// Codes in index order and their labels. Errors carry (path, cause).
fn read_dimension(dim: &Value, id: &str, size: usize, path: &str) -> Result<Dimension, (String, String)> {
    let err = |sub: &str, cause: String| (format!("{path}{sub}"), cause);
    let dim = dim.as_object().ok_or_else(|| err("", "not an object".into()))?;
    let name = dim.get("label").and_then(Value::as_str).filter(|s| !s.trim().is_empty()).unwrap_or(id).to_owned();
    let category = dim
        .get("category")
        .ok_or_else(|| err(".category", "missing".into()))?
        .as_object()
        .ok_or_else(|| err(".category", "not an object".into()))?;
    let label_map = match category.get("label") {
        None => None,
        Some(v) => Some(v.as_object().ok_or_else(|| err(".category.label", "not an object of code → label".into()))?),
    };
    let codes: Vec<String> = match category.get("index") {
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, v)| {
                v.as_str().map(str::to_owned).ok_or_else(|| {
                    err(&format!(".category.index[{i}]"), format!("{v} is not a category code (string)"))
                })
            })
            .collect::<Result<_, _>>()?,
        Some(Value::Object(index)) => {
            let mut slots: Vec<Option<String>> = vec![None; index.len()];
            for (code, pos) in index {
                let sub = format!(".category.index.{code}");
                let pos = pos
                    .as_u64()
                    .and_then(|p| usize::try_from(p).ok())
                    .ok_or_else(|| err(&sub, format!("{pos} is not a position (whole number)")))?;
                let slot = slots
                    .get_mut(pos)
                    .ok_or_else(|| err(&sub, format!("position {pos} is outside 0..{}", index.len())))?;
                if slot.is_some() {
                    return Err(err(&sub, format!("position {pos} is used twice")));
                }
                *slot = Some(code.clone());
            }
            slots.into_iter().flatten().collect()
        }
        Some(other) => {
            return Err(err(".category.index", format!("expected an object or an array, found {}", kind(other))));
        }
        None => match label_map {
            Some(labels) if labels.len() == 1 => labels.keys().cloned().collect(),
            _ => {
                return Err(err(
                    ".category.index",
                    "missing (only allowed when `category.label` has exactly one category)".into(),
                ));
            }
        },
    };
    if codes.len() != size {
        return Err(err(
            ".category.index",
            format!("has {} categories but `size` says {size} for \"{id}\"", codes.len()),
        ));
    }
    let labels = codes
        .iter()
        .map(|c| label_map.and_then(|m| m.get(c)).and_then(Value::as_str).unwrap_or(c).to_owned())
        .collect();
    Ok(Dimension { name, codes, labels })
}

/// Index of the region dimension, if any (see the module docs).
fn region_dimension(ds: &Map<String, Value>, ids: &[&str], dims: &[Dimension]) -> Option<usize> {
    let geo = ds
        .get("role")
        .and_then(|r| r.get("geo"))
        .and_then(Value::as_array)
        .and_then(|g| g.iter().filter_map(Value::as_str).find_map(|g| ids.iter().position(|&i| i == g)));
    geo.or_else(|| {
        ids.iter()
            .zip(dims)
            .position(|(id, d)| id.to_lowercase().contains("region") || d.name.to_lowercase().contains("region"))
    })
    .or_else(|| {
        dims.iter().position(|d| {
            let n = d.codes.iter().filter(|c| code_in_cell(c).is_some_and(|c| c.strong)).count();
            n > 0 && n * 2 >= d.codes.len()
        })
    })
}

/// Value cells by flat index (`None` for null or absent). Errors carry (path, cause).
fn read_values(value: Option<&Value>, total: usize, path: &str) -> Result<Vec<Option<String>>, (String, String)> {
    let cell = |v: &Value, at: String| -> Result<Option<String>, (String, String)> {
        match v {
            Value::Null => Ok(None),
            Value::Number(n) => Ok(n.as_f64().map(|f| f.to_string())),
            Value::String(s) => Ok(Some(s.clone())),
            other => Err((at, format!("expected a number, null or a string, found {}", kind(other)))),
        }
    };
    match value {
        None => Err((path.to_owned(), "missing".into())),
        Some(Value::Array(items)) => {
            if items.len() != total {
                return Err((
                    path.to_owned(),
                    format!("has {} values but `size` declares {total} observations", items.len()),
                ));
            }
            items.iter().enumerate().map(|(i, v)| cell(v, format!("{path}[{i}]"))).collect()
        }
        Some(Value::Object(map)) => {
            let mut out = vec![None; total];
            for (key, v) in map {
                let at = format!("{path}.{key}");
                let i = flat_index(key, total).map_err(|c| (at.clone(), c))?;
                out[i] = cell(v, at)?;
            }
            Ok(out)
        }
        Some(other) => Err((path.to_owned(), format!("expected an array or an object, found {}", kind(other)))),
    }
}

/// The `status` member: one string for all observations, an array, or an object by flat index.
enum Status<'a> {
    All(Option<&'a str>),
    Array(&'a [Value]),
    Object(&'a Map<String, Value>),
}

impl<'a> Status<'a> {
    fn get(&self, k: usize) -> Option<&'a str> {
        match self {
            Status::All(s) => *s,
            Status::Array(items) => items.get(k).and_then(Value::as_str),
            Status::Object(map) => map.get(&k.to_string()).and_then(Value::as_str),
        }
    }
}

/// Reads `status`. Errors carry (path, cause).
fn read_status<'a>(status: Option<&'a Value>, total: usize, path: &str) -> Result<Status<'a>, (String, String)> {
    match status {
        None | Some(Value::Null) => Ok(Status::All(None)),
        Some(Value::String(s)) => Ok(Status::All(Some(s.as_str()))),
        Some(Value::Array(items)) if items.len() == 1 => Ok(Status::All(items[0].as_str())),
        Some(Value::Array(items)) => {
            if items.len() != total {
                return Err((
                    path.to_owned(),
                    format!("has {} entries but `size` declares {total} observations", items.len()),
                ));
            }
            Ok(Status::Array(items))
        }
        Some(Value::Object(map)) => {
            for key in map.keys() {
                flat_index(key, total).map_err(|c| (format!("{path}.{key}"), c))?;
            }
            Ok(Status::Object(map))
        }
        Some(other) => {
            Err((path.to_owned(), format!("expected a string, an array or an object, found {}", kind(other))))
        }
    }
}

/// A flat-index key of `value` or `status`.
fn flat_index(key: &str, total: usize) -> Result<usize, String> {
    match key.parse::<usize>() {
        Ok(i) if i < total => Ok(i),
        Ok(i) => Err(format!("index {i} is outside 0..{total}")),
        Err(_) => Err(format!("\"{key}\" is not an observation index")),
    }
}

/// JSON type name for messages.
fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::read_table;

    fn fixture(name: &str) -> Vec<u8> {
        let path = format!("{}/tests/fixtures/import/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    fn v(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|s| s.to_string()).collect()
    }

    fn err(json: &str) -> String {
        read_table(json.as_bytes(), "x.json").unwrap_err().to_string()
    }

    #[test]
    fn ssb_api_dataset_flattens_row_major() {
        let t = read_table(&fixture("jsonstat_region.json"), "07459.json").unwrap();
        assert_eq!(t.format, Format::JsonStat);
        assert_eq!(t.delimiter, None);
        assert_eq!(t.encoding, "UTF-8");
        assert_eq!(t.headers, v(&["region (code)", "region", "alder", "statistikkvariabel", "år", "value"]));
        // size [5, 1, 1, 2]: 10 observations, year fastest.
        assert_eq!(t.rows.len(), 10);
        assert_eq!(t.rows[0].line, 1);
        assert_eq!(t.rows[0].cells, v(&["K-3101", "Halden", "Alle aldre", "Personer", "2023", "31444"]));
        assert_eq!(t.rows[1].cells, v(&["K-3101", "Halden", "Alle aldre", "Personer", "2024", "31609"]));
        assert_eq!(t.rows[3].cells[1], "Guovdageaidnu - Kautokeino");
        // null with status ":" (hidden) and ".." (missing).
        assert_eq!(t.rows[3].cells[5], ":");
        assert_eq!(t.rows[5].cells[1], "Unjárga - Nesseby");
        assert_eq!(t.rows[5].cells[5], "..");
        assert_eq!(t.rows[9].line, 10);
        assert_eq!(t.rows[9].cells[1], "Kárášjohka - Karasjok");
        assert_eq!(t.rows[9].cells[5], "2641.5");
    }

    #[test]
    fn array_index_object_values_status_array() {
        let t = read_table(&fixture("jsonstat_array_index.json"), "a.json").unwrap();
        assert_eq!(t.headers, v(&["Tid", "kommune (code)", "kommune", "value"]));
        assert_eq!(t.rows.len(), 6);
        assert_eq!(t.rows[0].cells, v(&["2024", "3201", "Bærum", "12.5"]));
        assert_eq!(t.rows[1].cells, v(&["2024", "1508", "Ålesund", ""]));
        assert_eq!(t.rows[2].cells, v(&["2024", "5622", "Porsáŋgu - Porsanger - Porsanki", ":"]));
        assert_eq!(t.rows[3].cells[0], "2025");
        assert_eq!(t.rows[5].cells[3], "-3");
    }

    #[test]
    fn broken_jsonstat_names_the_field() {
        let e = read_table(&fixture("broken_jsonstat_size.json"), "b.json").unwrap_err();
        assert_eq!(
            e.to_string(),
            "b.json: invalid JSON-stat at `value`: has 5 values but `size` declares 6 observations"
        );
        let e = read_table(&fixture("broken_json_syntax.json"), "s.json").unwrap_err();
        assert!(matches!(e, ImportError::Json { line: 4, .. }), "{e:?}");
        assert!(e.to_string().starts_with("s.json, line 4, column "), "{e}");
    }

    #[test]
    fn too_many_cells_are_refused_before_the_values_are_read() {
        let regions: Vec<String> = (0..2000).map(|i| format!("\"K-{:04}\"", 101 + i)).collect();
        let years: Vec<String> = (0..1000).map(|i| format!("\"{}\"", 1000 + i)).collect();
        let text = format!(
            r#"{{"class":"dataset","id":["Region","Tid"],"size":[2000,1000],"dimension":{{"Region":{{"category":{{"index":[{}]}}}},"Tid":{{"category":{{"index":[{}]}}}}}},"value":[]}}"#,
            regions.join(","),
            years.join(",")
        );
        let e = read(&text, "big.json", "UTF-8").unwrap_err();
        assert_eq!(e, ImportError::TooManyCells { file: "big.json".into(), cells: 2_000_000 * 4 });
    }

    #[test]
    fn structural_errors() {
        let base = |dim: &str, size: &str, value: &str| {
            format!(
                r#"{{"class":"dataset","id":["Region","Tid"],"size":{size},"dimension":{{"Region":{dim},"Tid":{{"category":{{"index":["2024"]}}}}}},"value":{value}}}"#
            )
        };
        let ok_dim = r#"{"category":{"index":{"0301":0,"3201":1}}}"#;
        assert!(read_table(base(ok_dim, "[2,1]", "[1,2]").as_bytes(), "x").is_ok());
        assert!(err(&base(ok_dim, "[2]", "[1,2]")).contains("at `size`: has 1 entries"));
        assert!(err(&base(ok_dim, "[2,\"1\"]", "[1,2]")).contains("at `size[1]`"));
        assert!(
            err(&base(ok_dim, "[3,1]", "[1,2,3]")).contains("at `dimension.Region.category.index`: has 2 categories")
        );
        assert!(
            err(&base(r#"{"category":{"index":{"0301":0,"3201":5}}}"#, "[2,1]", "[1,2]"))
                .contains("at `dimension.Region.category.index.3201`: position 5")
        );
        assert!(err(&base(r#"{"category":{"index":{"0301":0,"3201":0}}}"#, "[2,1]", "[1,2]")).contains("used twice"));
        assert!(err(&base(r#"{"label":"x"}"#, "[2,1]", "[1,2]")).contains("at `dimension.Region.category`: missing"));
        assert!(err(&base(ok_dim, "[2,1]", "[1,true]")).contains("at `value[1]`: expected a number"));
        assert!(err(&base(ok_dim, "[2,1]", r#"{"7":1}"#)).contains("at `value.7`: index 7 is outside 0..2"));
        assert!(err(&base(ok_dim, "[100000,100000]", "[]")).contains("more than 2000000 observations"));
        assert!(err(&base(ok_dim, "[18446744073709551615,2]", "[]")).contains("at `size`"));
        assert!(
            err(r#"{"class":"dataset","id":["A"],"size":[1],"dimension":{},"value":[1]}"#)
                .contains("at `dimension.A`: dimension \"A\" listed in `id` is missing")
        );
        assert!(err(r#"{"class":"collection","link":{}}"#).contains("at `(top level)`: a JSON-stat collection"));
        assert!(err("[1,2]").contains("at `(top level)`: expected a JSON object"));
        assert!(err(r#"{"a":1}"#).contains("not a JSON-stat dataset"));
    }

    #[test]
    fn jsonstat_1_bundle_and_single_category_without_index() {
        let t = read_table(
            r#"{"07459":{"dimension":{"id":["Region","ContentsCode"],"size":[2,1],
               "Region":{"category":{"index":{"K-0301":0,"K-3201":1},"label":{"K-0301":"Oslo","K-3201":"Bærum"}}},
               "ContentsCode":{"category":{"label":{"Personer":"Personer"}}}},
               "value":[709037,130772]}}"#
                .as_bytes(),
            "v1.json",
        )
        .unwrap();
        assert_eq!(t.headers, v(&["Region (code)", "Region", "ContentsCode", "value"]));
        assert_eq!(t.rows[1].cells, v(&["K-3201", "Bærum", "Personer", "130772"]));
    }

    #[test]
    fn unknown_status_on_null_is_an_empty_cell_and_string_status_applies_to_all() {
        let t = read_table(
            br#"{"class":"dataset","id":["Region"],"size":[2],"dimension":{"Region":{"category":{"index":["0301","3201"]}}},"value":[null,5],"status":"p"}"#,
            "s.json",
        )
        .unwrap();
        assert_eq!(t.rows[0].cells, v(&["0301", "0301", ""]));
        assert_eq!(t.rows[1].cells, v(&["3201", "3201", "5"]));
    }
}
