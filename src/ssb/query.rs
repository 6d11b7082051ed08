//! What to ask SSB for, from a table's metadata (JSON-stat 2.0): the municipality dimension's codes on the
//! borders the planner knows, one statistics variable, one year, and nothing else.

use serde_json::Value;

use super::{MAX_CELLS, SsbError};
use crate::borders::{Vintage, crosswalk};
use crate::import::municipality_code;

/// Which year (period) to fetch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum YearChoice {
    Latest,
    Year(String),
}

impl YearChoice {
    /// `latest` (or empty) → latest; anything else is a period code such as `2024`.
    pub fn parse(s: &str) -> YearChoice {
        let s = s.trim();
        if s.is_empty() || s.eq_ignore_ascii_case("latest") || s.eq_ignore_ascii_case("siste") {
            YearChoice::Latest
        } else {
            YearChoice::Year(s.to_owned())
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub table: String,
    /// A value of the statistics-variable dimension (`ContentsCode`); needed when the table has several.
    pub contents: Option<String>,
    pub year: YearChoice,
}

/// The chosen values per dimension, and what they mean.
#[derive(Debug, Clone, PartialEq)]
pub struct Selection {
    pub table: String,
    pub title: String,
    /// (dimension id, value codes) in the table's order; dimensions left out are eliminated by SSB.
    pub dims: Vec<(String, Vec<String>)>,
    /// Municipalities asked for.
    pub regions: usize,
    /// The statistics variable's label and unit, when the table says.
    pub contents_label: Option<String>,
    pub unit: Option<String>,
    /// The period fetched.
    pub year: Option<String>,
    pub cells: usize,
}

/// `GET` this for the table's dimensions.
pub fn metadata_url(base: &str, table: &str) -> String {
    format!("{base}/tables/{table}/metadata?lang=no&outputFormat=json-stat2")
}

/// `POST` [`body`] here for the data.
pub fn data_url(base: &str, table: &str) -> String {
    format!("{base}/tables/{table}/data?lang=no&outputFormat=json-stat2")
}

/// Table numbers are short and alphanumeric; anything else would change the URL.
pub fn check_table(table: &str) -> Result<(), SsbError> {
    let t = table.trim();
    if t.is_empty() || t.len() > 16 || !t.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(SsbError::BadTable(table.to_owned()));
    }
    Ok(())
}

struct Dim {
    id: String,
    label: String,
    codes: Vec<String>,
    labels: Vec<String>,
    eliminable: bool,
    units: Vec<Option<String>>,
}

fn dims(root: &Value, table: &str) -> Result<Vec<Dim>, SsbError> {
    let bad = |cause: &str| SsbError::Metadata { table: table.to_owned(), cause: cause.to_owned() };
    let ids = root.get("id").and_then(Value::as_array).ok_or_else(|| bad("no \"id\" list of dimensions"))?;
    let dimension = root.get("dimension").and_then(Value::as_object).ok_or_else(|| bad("no \"dimension\" object"))?;
    let mut out = Vec::new();
    for id in ids {
        let id = id.as_str().ok_or_else(|| bad("a dimension id is not text"))?;
        let d = dimension.get(id).ok_or_else(|| bad(&format!("dimension {id} is listed but not described")))?;
        let category = d.get("category").ok_or_else(|| bad(&format!("dimension {id} has no category")))?;
        let label_map = category.get("label").and_then(Value::as_object);
        let mut codes: Vec<(usize, String)> = match category.get("index") {
            Some(Value::Object(m)) => {
                m.iter().map(|(k, v)| (v.as_u64().unwrap_or(u64::MAX) as usize, k.clone())).collect()
            }
            Some(Value::Array(a)) => {
                a.iter().enumerate().filter_map(|(i, v)| v.as_str().map(|s| (i, s.to_owned()))).collect()
            }
            _ => label_map.map(|m| m.keys().cloned().enumerate().collect()).unwrap_or_default(),
        };
        codes.sort();
        let codes: Vec<String> = codes.into_iter().map(|(_, c)| c).collect();
        let labels = codes
            .iter()
            .map(|c| label_map.and_then(|m| m.get(c)).and_then(Value::as_str).unwrap_or(c).to_owned())
            .collect();
        let units = codes
            .iter()
            .map(|c| {
                category
                    .get("unit")
                    .and_then(|u| u.get(c))
                    .and_then(|u| u.get("base"))
                    .and_then(Value::as_str)
                    .map(str::to_owned)
            })
            .collect();
        let eliminable =
            d.get("extension").and_then(|e| e.get("elimination")).and_then(Value::as_bool).unwrap_or(false);
        let label = d.get("label").and_then(Value::as_str).unwrap_or(id).to_owned();
        out.push(Dim { id: id.to_owned(), label, codes, labels, eliminable, units });
    }
    Ok(out)
}

fn role<'a>(root: &'a Value, name: &str) -> Option<&'a str> {
    root.get("role")?.get(name)?.as_array()?.first()?.as_str()
}

fn listing(codes: &[String], labels: &[String]) -> String {
    let mut items: Vec<String> =
        codes.iter().zip(labels).take(12).map(|(c, l)| if c == l { c.clone() } else { format!("{c} ({l})") }).collect();
    if codes.len() > 12 {
        items.push(format!("… {} in all", codes.len()));
    }
    items.join(", ")
}

/// The selection for `request` from the table's metadata (JSON-stat 2.0 as PxWebApi 2 returns it).
pub fn plan(metadata: &[u8], request: &Request) -> Result<Selection, SsbError> {
    let table = request.table.trim().to_owned();
    let root: Value = serde_json::from_slice(metadata)
        .map_err(|e| SsbError::Metadata { table: table.clone(), cause: e.to_string() })?;
    let dims = dims(&root, &table)?;
    let cw = crosswalk();
    let known = |code: &str| municipality_code(code).is_some_and(|c| Vintage::ALL.iter().any(|&v| cw.has_code(v, &c)));
    // The municipality dimension: the table's geographic role, else the one with most municipality codes.
    let geo = role(&root, "geo");
    let region = dims
        .iter()
        .enumerate()
        .map(|(i, d)| (d.codes.iter().filter(|c| known(c)).count(), Some(d.id.as_str()) == geo, i))
        .filter(|(n, _, _)| *n > 0)
        .max_by_key(|&(n, is_geo, i)| (is_geo, n, std::cmp::Reverse(i)))
        .map(|(_, _, i)| i);
    let Some(region) = region else {
        let names = dims.iter().map(|d| format!("{} ({})", d.id, d.label)).collect::<Vec<_>>().join(", ");
        return Err(SsbError::NoMunicipalityDimension { table, dims: names });
    };
    let time =
        role(&root, "time").map(str::to_owned).or_else(|| dims.iter().find(|d| d.id == "Tid").map(|d| d.id.clone()));
    let metric = role(&root, "metric")
        .map(str::to_owned)
        .or_else(|| dims.iter().find(|d| d.id == "ContentsCode").map(|d| d.id.clone()));
    let mut selection = Selection {
        table: table.clone(),
        title: root.get("label").and_then(Value::as_str).unwrap_or(&table).to_owned(),
        dims: Vec::new(),
        regions: 0,
        contents_label: None,
        unit: None,
        year: None,
        cells: 1,
    };
    for (i, d) in dims.iter().enumerate() {
        let codes: Vec<String> = if i == region {
            let codes: Vec<String> = d.codes.iter().filter(|c| known(c)).cloned().collect();
            selection.regions = codes.len();
            codes
        } else if Some(&d.id) == time.as_ref() {
            let chosen = match &request.year {
                YearChoice::Latest => d.codes.last().cloned(),
                YearChoice::Year(y) => d.codes.iter().find(|c| c == &y).cloned(),
            };
            let Some(chosen) = chosen else {
                let given = match &request.year {
                    YearChoice::Year(y) => y.clone(),
                    YearChoice::Latest => "latest".into(),
                };
                let recent: Vec<String> = d.codes.iter().rev().take(12).cloned().collect();
                return Err(SsbError::UnknownYear { table, given, available: recent.join(", ") });
            };
            selection.year = Some(chosen.clone());
            vec![chosen]
        } else if Some(&d.id) == metric.as_ref() {
            let index = match &request.contents {
                Some(c) => d.codes.iter().position(|x| x.eq_ignore_ascii_case(c.trim())).ok_or_else(|| {
                    SsbError::UnknownContents {
                        table: table.clone(),
                        given: c.clone(),
                        available: listing(&d.codes, &d.labels),
                    }
                })?,
                None if d.codes.len() == 1 => 0,
                None => return Err(SsbError::NeedContents { table, available: listing(&d.codes, &d.labels) }),
            };
            selection.contents_label = Some(d.labels[index].clone());
            selection.unit = d.units[index].clone();
            vec![d.codes[index].clone()]
        } else if d.eliminable {
            continue; // SSB gives the total
        } else if d.codes.len() == 1 {
            d.codes.clone()
        } else {
            return Err(SsbError::NotChosen { table, dim: d.id.clone(), label: d.label.clone(), count: d.codes.len() });
        };
        selection.cells = selection.cells.saturating_mul(codes.len());
        selection.dims.push((d.id.clone(), codes));
    }
    if selection.cells > MAX_CELLS {
        return Err(SsbError::TooManyCells { table, cells: selection.cells, limit: MAX_CELLS });
    }
    Ok(selection)
}

/// The POST body of PxWebApi 2: one selection per dimension.
pub fn body(selection: &Selection) -> String {
    let items: Vec<Value> = selection
        .dims
        .iter()
        .map(|(id, codes)| serde_json::json!({ "variableCode": id, "valueCodes": codes }))
        .collect();
    serde_json::json!({ "selection": items }).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Vec<u8> {
        let path = format!("{}/tests/fixtures/ssb/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    fn request(contents: Option<&str>, year: &str) -> Request {
        Request { table: "07459".into(), contents: contents.map(str::to_owned), year: YearChoice::parse(year) }
    }

    #[test]
    fn plans_one_value_per_municipality() {
        let meta = fixture("07459-metadata.json");
        let s = plan(&meta, &request(None, "latest")).unwrap();
        assert_eq!(s.year.as_deref(), Some("2024"));
        // Every municipality on 2020 or 2024 borders, nothing older; sex and age are left to SSB's totals.
        assert_eq!(s.regions, 356 + 357 - 242);
        let ids: Vec<&str> = s.dims.iter().map(|(d, _)| d.as_str()).collect();
        assert_eq!(ids, vec!["Region", "ContentsCode", "Tid"]);
        assert_eq!(s.cells, s.regions);
        let body = body(&s);
        assert!(
            body.starts_with(r#"{"selection":[{"valueCodes":["#) || body.contains(r#""variableCode":"Region""#),
            "{body}"
        );
        let s = plan(&meta, &request(Some("personer1"), "2020")).unwrap();
        assert_eq!(s.year.as_deref(), Some("2020"));
        assert_eq!(s.contents_label.as_deref(), Some("Personer"));
    }

    #[test]
    fn each_refusal_says_what_to_choose() {
        let meta = fixture("07459-metadata.json");
        let e = plan(&meta, &request(None, "1999")).unwrap_err().to_string();
        assert!(e.contains("no year \"1999\"") && e.contains("2024"), "{e}");
        let e = plan(&meta, &request(Some("Nope"), "latest")).unwrap_err().to_string();
        assert!(e.contains("no statistics variable \"Nope\"") && e.contains("Personer1"), "{e}");
        let e = plan(&fixture("05300-metadata.json"), &request(None, "latest")).unwrap_err().to_string();
        assert!(e.contains("has no municipality dimension") && e.contains("Avstand1"), "{e}");
        assert!(check_table("07459").is_ok());
        assert!(check_table("../x").is_err());
    }
}
