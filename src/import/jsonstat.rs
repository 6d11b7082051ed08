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
//! The file is read one member at a time: the dataset's small members (`dimension`, `id`, `size`, `role`) as
//! JSON values, `value` and `status` straight into the table's cells, so a dense dataset takes a small
//! multiple of its size in memory (see [`Rows`]).
//!
//! The region dimension is the one named in `role.geo`, else the first whose id or label contains
//! "region" (`Region`, `KOKkommuneregion0000`), else the first whose categories are mostly
//! municipality codes.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer as _, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use serde_json::value::RawValue;

use super::codes::code_in_cell;
use super::error::{ImportError, MAX_TABLE_CELLS};
use super::numbers::{Cell, parse_number};
use super::rows::{CellText, Rows, Span};
use super::table::{Format, Table};

/// Most observations a dataset may declare (the product of `size`). SSB's API returns at most
/// 800 000 cells per request.
pub const MAX_OBSERVATIONS: usize = 2_000_000;

/// One dimension, resolved.
struct Dimension {
    name: String,
    codes: Vec<String>,
    labels: Vec<String>,
}

/// An object's members, not parsed yet (slices of the file's text).
type Members<'a> = BTreeMap<String, &'a RawValue>;

/// The file being read: its text, for positions in messages, and its name.
struct Doc<'a> {
    text: &'a str,
    file: &'a str,
}

impl<'a> Doc<'a> {
    fn bad(&self, path: &str, cause: impl Into<String>) -> ImportError {
        ImportError::JsonStat { file: self.file.to_owned(), path: path.to_owned(), cause: cause.into() }
    }

    /// Parses a member (`raw` is a slice of the text); errors name their line and column in the file.
    fn parse<T: Deserialize<'a>>(&self, raw: &'a str) -> Result<T, ImportError> {
        serde_json::from_str(raw).map_err(|e| self.json_error(raw, &e))
    }

    fn value(&self, raw: &'a RawValue) -> Result<Value, ImportError> {
        self.parse(raw.get())
    }

    /// A syntax error found while parsing `raw`, placed in the whole file.
    fn json_error(&self, raw: &str, e: &serde_json::Error) -> ImportError {
        let full = e.to_string();
        let suffix = format!(" at line {} column {}", e.line(), e.column());
        let cause = full.strip_suffix(&suffix).unwrap_or(&full).to_owned();
        // Where `raw` starts in the text (it is a slice of it).
        let offset = (raw.as_ptr() as usize).saturating_sub(self.text.as_ptr() as usize);
        let before = self.text.as_bytes().get(..offset).unwrap_or(&[]);
        let base_line = before.iter().filter(|&&b| b == b'\n').count();
        let base_column = before.iter().rev().take_while(|&&b| b != b'\n').count();
        let (line, column) =
            if e.line() <= 1 { (base_line + 1, base_column + e.column()) } else { (base_line + e.line(), e.column()) };
        ImportError::Json { file: self.file.to_owned(), line: line.max(1), column, cause }
    }
}

/// One level of a JSON value: an object's members unparsed, or something else.
enum Shallow<'a> {
    Object(Members<'a>),
    Other,
}

impl<'de> Deserialize<'de> for Shallow<'de> {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ShallowVisitor)
    }
}

struct ShallowVisitor;

impl<'de> Visitor<'de> for ShallowVisitor {
    type Value = Shallow<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut members = Members::new();
        while let Some(key) = map.next_key::<String>()? {
            let value: &'de RawValue = map.next_value()?;
            members.insert(key, value);
        }
        Ok(Shallow::Object(members))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Shallow::Other)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(Shallow::Other)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Ok(Shallow::Other)
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Ok(Shallow::Other)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(Shallow::Other)
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
        Ok(Shallow::Other)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Shallow::Other)
    }
}

/// Reads a JSON-stat text (already decoded) as a table.
pub(crate) fn read(text: &str, file: &str, encoding: &'static str) -> Result<Table, ImportError> {
    let doc = Doc { text, file };
    check_depth(text).map_err(|(line, column)| ImportError::Json {
        file: file.to_owned(),
        line,
        column,
        cause: "recursion limit exceeded".to_owned(),
    })?;
    // The whole text is checked for syntax here; members are parsed when they are needed.
    let root: Shallow = doc.parse(text)?;
    let (ds, prefix) = find_dataset(&doc, &root)?;
    let p = |field: &str| format!("{prefix}{field}");
    let member = |name: &str| ds.get(name).map(|raw| doc.value(raw)).transpose();

    let dimension = member("dimension")?.ok_or_else(|| doc.bad(&p("dimension"), "missing"))?;
    let dimension = dimension.as_object().ok_or_else(|| doc.bad(&p("dimension"), "not an object"))?;
    // JSON-stat 2.0 has id and size at the top; 1.0 inside "dimension".
    let (id_val, id_path) = match member("id")? {
        Some(v) => (v, p("id")),
        None => (dimension.get("id").ok_or_else(|| doc.bad(&p("id"), "missing"))?.clone(), p("dimension.id")),
    };
    let (size_val, size_path) = match member("size")? {
        Some(v) => (v, p("size")),
        None => (dimension.get("size").ok_or_else(|| doc.bad(&p("size"), "missing"))?.clone(), p("dimension.size")),
    };
    let ids: Vec<&str> = id_val
        .as_array()
        .ok_or_else(|| doc.bad(&id_path, "not an array of dimension ids"))?
        .iter()
        .enumerate()
        .map(|(i, v)| v.as_str().ok_or_else(|| doc.bad(&format!("{id_path}[{i}]"), "not a string")))
        .collect::<Result<_, _>>()?;
    if ids.is_empty() {
        return Err(doc.bad(&id_path, "no dimensions"));
    }
    let sizes: Vec<usize> = size_val
        .as_array()
        .ok_or_else(|| doc.bad(&size_path, "not an array of numbers"))?
        .iter()
        .enumerate()
        .map(|(i, v)| {
            v.as_u64()
                .and_then(|n| usize::try_from(n).ok())
                .ok_or_else(|| doc.bad(&format!("{size_path}[{i}]"), format!("{v} is not a non-negative whole number")))
        })
        .collect::<Result<_, _>>()?;
    if sizes.len() != ids.len() {
        return Err(
            doc.bad(&size_path, format!("has {} entries but `{id_path}` names {} dimensions", sizes.len(), ids.len()))
        );
    }
    let total =
        sizes.iter().try_fold(1usize, |acc, &s| acc.checked_mul(s)).filter(|&t| t <= MAX_OBSERVATIONS).ok_or_else(
            || {
                doc.bad(
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
            .ok_or_else(|| doc.bad(&path, format!("dimension \"{id}\" listed in `{id_path}` is missing")))?;
        dims.push(read_dimension(dim, id, size, &path).map_err(|(path, cause)| doc.bad(&path, cause))?);
    }
    let role = member("role")?;
    let region = region_dimension(role.as_ref(), &ids, &dims);
    // A label per dimension, the region's code, the value: refused before any row is made.
    let width = dims.len() + usize::from(region.is_some()) + 1;
    let cells = total.saturating_mul(width);
    if cells > MAX_TABLE_CELLS {
        return Err(ImportError::TooManyCells { file: file.to_owned(), cells });
    }

    let mut headers = Vec::with_capacity(width);
    for (i, d) in dims.iter().enumerate() {
        if Some(i) == region {
            headers.push(format!("{} (code)", d.name));
        }
        headers.push(d.name.clone());
    }
    headers.push("value".to_owned());

    let too_large = |_| ImportError::TableTooLarge { file: file.to_owned() };
    let raw_values = ds.get("value").ok_or_else(|| doc.bad(&p("value"), "missing"))?;
    let labels_bytes: usize = dims.iter().flat_map(|d| d.codes.iter().chain(&d.labels)).map(String::len).sum();
    let mut text = CellText::with_capacity(labels_bytes + raw_values.get().len());
    // Each dimension's cells once, as (code, label) spans; every row points at them.
    let mut dim_spans: Vec<Vec<(Span, Span)>> = Vec::with_capacity(dims.len());
    for d in &dims {
        let mut spans = Vec::with_capacity(d.codes.len());
        for (code, label) in d.codes.iter().zip(&d.labels) {
            spans.push((text.push(code).map_err(too_large)?, text.push(label).map_err(too_large)?));
        }
        dim_spans.push(spans);
    }
    drop(dims);
    let mut spans = Vec::with_capacity(cells);
    // Row-major: the last dimension varies fastest.
    let mut position = vec![0usize; dim_spans.len()];
    for _ in 0..total {
        for (i, d) in dim_spans.iter().enumerate() {
            let (code, label) = d.get(position[i]).copied().unwrap_or_default();
            if Some(i) == region {
                spans.push(code);
            }
            spans.push(label);
        }
        spans.push(Span::NONE);
        for i in (0..position.len()).rev() {
            position[i] += 1;
            if position[i] < sizes[i] {
                break;
            }
            position[i] = 0;
        }
    }

    let value_path = p("value");
    let mut slots = ValueSlots {
        text: &mut text,
        spans: &mut spans,
        width,
        total,
        count: 0,
        problem: None,
        full: false,
        path: &value_path,
    };
    let parsed = serde_json::Deserializer::from_str(raw_values.get()).deserialize_any(&mut slots);
    let (problem, full) = (slots.problem.take(), slots.full);
    // Syntax first, as when the whole file was parsed at once.
    parsed.map_err(|e| doc.json_error(raw_values.get(), &e))?;
    if let Some((path, cause)) = problem {
        return Err(doc.bad(&path, cause));
    }
    if full {
        return Err(ImportError::TableTooLarge { file: file.to_owned() });
    }

    let status_path = p("status");
    let mut status = StatusSymbols {
        text: &mut text,
        total,
        all: None,
        by_index: Vec::new(),
        count: 0,
        problem: None,
        full: false,
        kind: None,
        path: &status_path,
    };
    if let Some(raw) = ds.get("status") {
        let parsed = serde_json::Deserializer::from_str(raw.get()).deserialize_any(&mut status);
        parsed.map_err(|e| doc.json_error(raw.get(), &e))?;
        if let Some((path, cause)) = status.problem.take() {
            return Err(doc.bad(&path, cause));
        }
    }
    if status.full {
        return Err(ImportError::TableTooLarge { file: file.to_owned() });
    }
    let symbols = status.finish().map_err(|(path, cause)| doc.bad(&path, cause))?;
    for (k, row) in spans.chunks_exact_mut(width).enumerate() {
        if let Some(slot) = row.last_mut().filter(|s| **s == Span::NONE) {
            // A null value shows its status when that is one of SSB's symbols, else it is an empty cell.
            *slot = symbols.get(k).unwrap_or_default();
        }
    }
    let rows = Rows::numbered(width, text, spans);
    Ok(Table { source_name: file.to_owned(), format: Format::JsonStat, encoding, delimiter: None, headers, rows })
}

/// Nesting of arrays and objects that is refused (serde_json's own limit when it parses a whole value).
const MAX_DEPTH: usize = 128;

/// Refuses nesting [`MAX_DEPTH`] deep anywhere in the text, also in members that are skipped rather than
/// parsed: (line, column) of the bracket that goes too deep.
fn check_depth(text: &str) -> Result<(), (usize, usize)> {
    let (mut depth, mut line, mut line_start) = (0usize, 1usize, 0usize);
    let (mut in_string, mut escaped) = (false, false);
    for (i, b) in text.bytes().enumerate() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth >= MAX_DEPTH {
                    return Err((line, i - line_start + 1));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b'\n' => {
                line += 1;
                line_start = i + 1;
            }
            _ => {}
        }
    }
    Ok(())
}

/// The dataset's members and the path prefix for messages.
fn find_dataset<'a>(doc: &Doc<'a>, root: &Shallow<'a>) -> Result<(Members<'a>, String), ImportError> {
    let top = |cause: &str| doc.bad("(top level)", cause);
    let Shallow::Object(obj) = root else {
        return Err(top("expected a JSON object holding a JSON-stat dataset"));
    };
    let class = |o: &Members<'a>| -> Result<Option<String>, ImportError> {
        Ok(match o.get("class") {
            Some(raw) => doc.value(raw)?.as_str().map(str::to_owned),
            None => None,
        })
    };
    let is_dataset = |o: &Members<'a>| -> Result<bool, ImportError> {
        Ok(class(o)?.as_deref() == Some("dataset") || (o.contains_key("dimension") && o.contains_key("value")))
    };
    if is_dataset(obj)? {
        return Ok((obj.clone(), String::new()));
    }
    if let Some(raw) = obj.get("dataset")
        && let Shallow::Object(ds) = doc.parse::<Shallow>(raw.get())?
    {
        return Ok((ds, "dataset.".to_owned()));
    }
    match class(obj)?.as_deref() {
        Some("collection") => {
            return Err(top("a JSON-stat collection, not a dataset; download one table as JSON-stat 2.0"));
        }
        Some(other) => return Err(top(&format!("\"class\" is \"{other}\", expected \"dataset\""))),
        None => {}
    }
    // JSON-stat 1.0 bundle with one dataset.
    let mut found = None;
    for (name, raw) in obj {
        if let Shallow::Object(o) = doc.parse::<Shallow>(raw.get())?
            && is_dataset(&o)?
        {
            if found.is_some() {
                found = None;
                break;
            }
            found = Some((o, format!("{name}.")));
        }
    }
    found.ok_or_else(|| {
        top("not a JSON-stat dataset: expected \"class\": \"dataset\" with \"id\", \"size\", \
             \"dimension\" and \"value\"")
    })
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
fn region_dimension(role: Option<&Value>, ids: &[&str], dims: &[Dimension]) -> Option<usize> {
    let geo = role
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

/// A number as a value cell: with a decimal point (`12.5`, `31444`), or with an exponent when that would be
/// long (`1e300`), so no cell is hundreds of digits.
fn number_text(f: f64) -> String {
    let plain = f.to_string();
    if plain.len() > 24 { format!("{f:e}") } else { plain }
}

/// One value or status entry, as read.
enum Scalar {
    Null,
    Number(f64),
    /// A string, already in the cell text when it was wanted.
    Text(Option<Span>),
    /// Any other JSON type, named for messages.
    Other(&'static str),
}

/// Reads one entry; strings go straight into `text` when given (no string of its own).
struct ScalarSeed<'t> {
    text: Option<&'t mut CellText>,
    full: &'t mut bool,
}

impl<'de> DeserializeSeed<'de> for ScalarSeed<'_> {
    type Value = Scalar;
    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Scalar, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ScalarSeed<'_> {
    type Value = Scalar;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number, null or a string")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Scalar, E> {
        Ok(Scalar::Null)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Scalar, E> {
        Ok(Scalar::Other("a boolean"))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
        Ok(Scalar::Number(v as f64))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
        Ok(Scalar::Number(v as f64))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar, E> {
        Ok(Scalar::Number(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
        let span = self.text.and_then(|t| t.push(v).map_err(|_| *self.full = true).ok());
        Ok(Scalar::Text(span))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Scalar, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Scalar::Other("an array"))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Scalar, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Scalar::Other("an object"))
    }
}

/// Parses `value` into the value cell of each row (`Span::NONE` stays where the value is null or absent).
struct ValueSlots<'s> {
    text: &'s mut CellText,
    spans: &'s mut [Span],
    width: usize,
    total: usize,
    /// Entries read.
    count: usize,
    /// The first thing wrong, as (path, cause); the rest of `value` is read to count it, not kept.
    problem: Option<(String, String)>,
    full: bool,
    path: &'s str,
}

impl ValueSlots<'_> {
    /// Puts entry `scalar` into row `k`'s value cell, or notes why it cannot be.
    fn store(&mut self, k: usize, scalar: Scalar, at: impl FnOnce() -> String) {
        let span = match scalar {
            Scalar::Null => return,
            Scalar::Text(span) => span,
            Scalar::Number(f) => self.text.push(&number_text(f)).map_err(|_| self.full = true).ok(),
            Scalar::Other(kind) => {
                self.problem = Some((at(), format!("expected a number, null or a string, found {kind}")));
                return;
            }
        };
        if let (Some(span), Some(slot)) = (span, self.spans.get_mut(k * self.width + self.width - 1)) {
            *slot = span;
        }
    }

    /// Whether entries are still wanted (nothing wrong yet).
    fn wanted(&self) -> bool {
        self.problem.is_none() && !self.full
    }
}

impl<'de> DeserializeSeed<'de> for &mut ValueSlots<'_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

/// The scalars a member's visitor does not take: each is refused as the wrong type, with its kind named.
macro_rules! refuse_scalars {
    () => {
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
            self.wrong_type("a boolean")
        }

        fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
            self.wrong_type("a number")
        }

        fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
            self.wrong_type("a number")
        }

        fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
            self.wrong_type("a number")
        }
    };
}

impl<'de> Visitor<'de> for &mut ValueSlots<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array or an object")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        loop {
            let k = self.count;
            // After the first problem the entries are only counted: a wrong count is said first.
            let keep = self.wanted() && k < self.total;
            let mut full = false;
            let seed = ScalarSeed { text: keep.then_some(&mut *self.text), full: &mut full };
            let Some(scalar) = seq.next_element_seed(seed)? else { break };
            self.full |= full;
            self.count += 1;
            if keep {
                let path = self.path;
                self.store(k, scalar, || format!("{path}[{k}]"));
            }
        }
        if self.count != self.total {
            self.problem = Some((
                self.path.to_owned(),
                format!("has {} values but `size` declares {} observations", self.count, self.total),
            ));
        }
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            let at = format!("{}.{key}", self.path);
            let index = flat_index(&key, self.total);
            let keep = self.wanted() && index.is_ok();
            let mut full = false;
            let scalar = map.next_value_seed(ScalarSeed { text: keep.then_some(&mut *self.text), full: &mut full })?;
            self.full |= full;
            if !self.wanted() {
                continue;
            }
            match index {
                Ok(k) => self.store(k, scalar, || at),
                Err(cause) => self.problem = Some((at, cause)),
            }
        }
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.wrong_type("null")
    }

    refuse_scalars!();

    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        self.wrong_type("a string")
    }
}

impl ValueSlots<'_> {
    fn wrong_type<E>(&mut self, kind: &str) -> Result<(), E> {
        self.problem = Some((self.path.to_owned(), format!("expected an array or an object, found {kind}")));
        Ok(())
    }
}

/// SSB's symbols in `status` (`..`, `:`, …), for the observations whose value is null.
struct Symbols {
    /// One status for every observation.
    all: Option<Span>,
    /// Otherwise by observation, in order.
    by_index: Vec<(u32, Span)>,
}

impl Symbols {
    fn get(&self, k: usize) -> Option<Span> {
        if self.all.is_some() {
            return self.all;
        }
        let k = u32::try_from(k).ok()?;
        self.by_index.binary_search_by_key(&k, |&(i, _)| i).ok().map(|i| self.by_index[i].1)
    }
}

/// Parses `status`: one string for all observations, an array (of one, or of one per observation), or an
/// object by flat index. Only symbols are kept, once each in the cell text.
struct StatusSymbols<'s> {
    text: &'s mut CellText,
    total: usize,
    all: Option<Span>,
    by_index: Vec<(u32, Span)>,
    /// Entries of an array.
    count: usize,
    problem: Option<(String, String)>,
    full: bool,
    /// `Some("array")` once an array was read (its length is checked at the end).
    kind: Option<&'static str>,
    path: &'s str,
}

impl StatusSymbols<'_> {
    /// The span of `s` when it is one of SSB's symbols (`..`, `:`, …), its text stored once.
    fn symbol(&mut self, s: &str) -> Option<Span> {
        if !matches!(parse_number(s), Ok(Cell::Missing { .. } | Cell::Hidden { .. })) {
            return None;
        }
        // A symbol is a few bytes: stored again for each observation rather than looked up.
        self.text.push(s.trim()).map_err(|_| self.full = true).ok()
    }

    fn finish(self) -> Result<Symbols, (String, String)> {
        if self.kind == Some("array") && self.count != 1 && self.count != self.total {
            return Err((
                self.path.to_owned(),
                format!("has {} entries but `size` declares {} observations", self.count, self.total),
            ));
        }
        if self.kind == Some("array") && self.count == 1 {
            let first = self.by_index.first().filter(|&&(i, _)| i == 0).map(|&(_, s)| s);
            return Ok(Symbols { all: Some(first.unwrap_or_default()), by_index: Vec::new() });
        }
        let mut by_index = self.by_index;
        by_index.sort_unstable_by_key(|&(i, _)| i);
        Ok(Symbols { all: self.all, by_index })
    }
}

impl<'de> DeserializeSeed<'de> for &mut StatusSymbols<'_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

/// A status entry: its text if it is a string (borrowed when the file has no escapes in it).
struct StatusEntry(Option<String>);

impl<'de> Deserialize<'de> for StatusEntry {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(StatusEntry(match Value::deserialize(deserializer)? {
            Value::String(s) => Some(s),
            _ => None,
        }))
    }
}

impl<'de> Visitor<'de> for &mut StatusSymbols<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string, an array or an object")
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        self.all = Some(self.symbol(v).unwrap_or_default());
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.kind = Some("array");
        while let Some(StatusEntry(entry)) = seq.next_element()? {
            let k = self.count;
            self.count += 1;
            if let Some(span) = entry.and_then(|s| self.symbol(&s))
                && let Ok(k) = u32::try_from(k)
            {
                self.by_index.push((k, span));
            }
        }
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        self.all = None;
        while let Some(key) = map.next_key::<String>()? {
            let StatusEntry(entry) = map.next_value()?;
            match flat_index(&key, self.total) {
                Ok(k) => {
                    if let Some(span) = entry.and_then(|s| self.symbol(&s))
                        && let Ok(k) = u32::try_from(k)
                    {
                        self.by_index.push((k, span));
                    }
                }
                Err(cause) if self.problem.is_none() => self.problem = Some((format!("{}.{key}", self.path), cause)),
                Err(_) => {}
            }
        }
        Ok(())
    }

    refuse_scalars!();
}

impl StatusSymbols<'_> {
    fn wrong_type<E>(&mut self, kind: &str) -> Result<(), E> {
        self.problem = Some((self.path.to_owned(), format!("expected a string, an array or an object, found {kind}")));
        Ok(())
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
        assert_eq!(t.rows.get(0).unwrap().line, 1);
        assert_eq!(t.rows.get(0).unwrap().cells, v(&["K-3101", "Halden", "Alle aldre", "Personer", "2023", "31444"]));
        assert_eq!(t.rows.get(1).unwrap().cells, v(&["K-3101", "Halden", "Alle aldre", "Personer", "2024", "31609"]));
        assert_eq!(t.rows.get(3).unwrap().cells.get(1).unwrap(), "Guovdageaidnu - Kautokeino");
        // null with status ":" (hidden) and ".." (missing).
        assert_eq!(t.rows.get(3).unwrap().cells.get(5).unwrap(), ":");
        assert_eq!(t.rows.get(5).unwrap().cells.get(1).unwrap(), "Unjárga - Nesseby");
        assert_eq!(t.rows.get(5).unwrap().cells.get(5).unwrap(), "..");
        assert_eq!(t.rows.get(9).unwrap().line, 10);
        assert_eq!(t.rows.get(9).unwrap().cells.get(1).unwrap(), "Kárášjohka - Karasjok");
        assert_eq!(t.rows.get(9).unwrap().cells.get(5).unwrap(), "2641.5");
    }

    #[test]
    fn array_index_object_values_status_array() {
        let t = read_table(&fixture("jsonstat_array_index.json"), "a.json").unwrap();
        assert_eq!(t.headers, v(&["Tid", "kommune (code)", "kommune", "value"]));
        assert_eq!(t.rows.len(), 6);
        assert_eq!(t.rows.get(0).unwrap().cells, v(&["2024", "3201", "Bærum", "12.5"]));
        assert_eq!(t.rows.get(1).unwrap().cells, v(&["2024", "1508", "Ålesund", ""]));
        assert_eq!(t.rows.get(2).unwrap().cells, v(&["2024", "5622", "Porsáŋgu - Porsanger - Porsanki", ":"]));
        assert_eq!(t.rows.get(3).unwrap().cells.get(0).unwrap(), "2025");
        assert_eq!(t.rows.get(5).unwrap().cells.get(3).unwrap(), "-3");
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
        assert_eq!(t.rows.get(1).unwrap().cells, v(&["K-3201", "Bærum", "Personer", "130772"]));
    }

    #[test]
    fn unknown_status_on_null_is_an_empty_cell_and_string_status_applies_to_all() {
        let t = read_table(
            br#"{"class":"dataset","id":["Region"],"size":[2],"dimension":{"Region":{"category":{"index":["0301","3201"]}}},"value":[null,5],"status":"p"}"#,
            "s.json",
        )
        .unwrap();
        assert_eq!(t.rows.get(0).unwrap().cells, v(&["0301", "0301", ""]));
        assert_eq!(t.rows.get(1).unwrap().cells, v(&["3201", "3201", "5"]));
    }

    fn three_regions(value: &str, status: &str) -> String {
        format!(
            "{{\"class\":\"dataset\",\"id\":[\"Region\"],\"size\":[3],\n\"dimension\":{{\"Region\":{{\"category\":\
             {{\"index\":[\"0301\",\"3201\",\"5001\"]}}}}}},\n\"value\":{value}{status}}}"
        )
    }

    #[test]
    fn values_go_straight_into_the_cells_and_long_numbers_get_an_exponent() {
        let t =
            read_table(three_regions("[1e300, \" x \", null]", ",\"status\":[\"a\",\"b\",\" .. \"]").as_bytes(), "v")
                .unwrap();
        let values: Vec<&str> = t.rows.iter().map(|r| r.cells.get(2).unwrap()).collect();
        assert_eq!(values, ["1e300", " x ", ".."]);
        let t =
            read_table(three_regions("{\"2\":5,\"0\":-0.25}", ",\"status\":{\"1\":\":\"}").as_bytes(), "v").unwrap();
        let values: Vec<&str> = t.rows.iter().map(|r| r.cells.get(2).unwrap()).collect();
        assert_eq!(values, ["-0.25", ":", "5"]);
        assert!(err(&three_regions("[1,2,3]", ",\"status\":[\"a\",\"b\"]")).contains("at `status`: has 2 entries"));
        assert!(err(&three_regions("[1,2,3]", ",\"status\":{\"x\":\"..\"}")).contains("at `status.x`: \"x\" is not"));
        assert!(err(&three_regions("[1,2,3]", ",\"status\":7")).contains("at `status`: expected a string"));
        assert!(err(&three_regions("[1,[2],3,4]", "")).contains("at `value`: has 4 values"), "the count is said first");
        assert!(
            err(&three_regions("[1,[2],3]", ""))
                .contains("at `value[1]`: expected a number, null or a string, found an array")
        );
        assert!(
            err(&three_regions("\"x\"", "")).contains("at `value`: expected an array or an object, found a string")
        );
    }

    #[test]
    fn errors_inside_members_keep_their_place_in_the_file() {
        // A number too large for a double is found only when `value` is read: line and column are the file's.
        let text = three_regions("[1, 2,\n  1e999]", "");
        let e = read_table(text.as_bytes(), "big.json").unwrap_err();
        assert!(matches!(e, ImportError::Json { line: 4, column: 7, .. }), "{e:?}");
        assert!(e.to_string().starts_with("big.json, line 4, column 7: invalid JSON: number out of range"), "{e}");
        // The same place as parsing the whole file at once gives.
        let whole = serde_json::from_str::<Value>(&text).unwrap_err();
        assert_eq!((whole.line(), whole.column()), (4, 7));
        // Nesting too deep is refused also where nothing reads it.
        let deep = format!("{{\"class\":\"dataset\",\n\"x\": {}{}}}", "[".repeat(200), "]".repeat(200));
        let e = read_table(deep.as_bytes(), "deep.json").unwrap_err();
        let whole = serde_json::from_str::<Value>(&deep).unwrap_err();
        assert!(matches!(e, ImportError::Json { line: 2, column: 132, .. }), "{e:?} {whole}");
        assert_eq!((whole.line(), whole.column()), (2, 132), "as serde_json counts");
        assert!(e.to_string().ends_with("invalid JSON: recursion limit exceeded"), "{e}");
    }
}
