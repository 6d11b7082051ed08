//! Moving a dataset, and a scenario with it, to the other border vintage: every column goes through
//! [`map_values`], the overrides through the same code list, and every change is reported.

use std::collections::{BTreeMap, HashMap};

use super::crosswalk::crosswalk;
use super::mapping::{Estimate, map_values};
use super::report::BorderReport;
use super::vintage::Vintage;
use crate::data::{Column, Dataset, Kind, Municipality, embedded_dataset, fingerprint};
use crate::scenario::{DatasetRef, Override, Scenario};

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum MigrateError {
    #[error("the dataset {0} is on neither 2020 nor 2024 borders; it cannot be moved")]
    UnknownBorders(String),
    #[error("the dataset {dataset} is already on {vintage} borders")]
    AlreadyOn { dataset: String, vintage: Vintage },
    #[error(
        "{name} ({code}) is locked at {lock}, but on {to} borders it is split into {parts}: remove the lock \
         (or make it an exclusion or inclusion) and lock the new municipalities after the move"
    )]
    LockOnSplit { code: String, name: String, lock: u32, to: Vintage, parts: String },
    #[error(
        "{parts} become {name} ({code}) on {to} borders but have different overrides ({details}): give them \
         the same override, or none, before the move"
    )]
    MergeConflict { code: String, name: String, to: Vintage, parts: String, details: String },
    #[error(
        "{parts} become {name} ({code}) on {to} borders, and their locks add up to {sum}, more than a lock holds \
         ({max}): lower the locks before the move",
        max = u32::MAX
    )]
    LockTooLarge { code: String, name: String, to: Vintage, parts: String, sum: u64 },
    #[error("override for {code}: not a municipality on {from} borders")]
    UnknownOverride { code: String, from: Vintage },
    #[error("{0}")]
    Data(String),
}

/// A scenario and its dataset on the other borders, and what changed.
#[derive(Debug, Clone)]
pub struct Migrated {
    pub scenario: Scenario,
    pub dataset: Dataset,
    pub report: BorderReport,
    /// One line per override that moved to another code (or to several).
    pub override_changes: Vec<String>,
}

use crate::data::without_counts;

const TITLE_SUFFIX_NB: &str = "-grenser";

fn base_title(title: &str) -> &str {
    // "X – på 2024-grenser" → "X", so a dataset moved there and back keeps its own title.
    match title.rsplit_once(" – på ") {
        Some((base, tail)) if tail.ends_with(TITLE_SUFFIX_NB) => base,
        _ => title,
    }
}

fn base_title_en(title: &str) -> &str {
    match title.rsplit_once(" – on ") {
        Some((base, tail)) if tail.ends_with(" borders") => base,
        _ => title,
    }
}

/// The dataset on `to` borders: populations and counts split or added, rates copied or weighted (marked
/// estimated). Names and counties come from the embedded list of `to`.
pub fn move_dataset(dataset: &Dataset, to: Vintage) -> Result<(Dataset, BorderReport), MigrateError> {
    let from = Vintage::of_dataset(dataset).ok_or_else(|| MigrateError::UnknownBorders(dataset.id.clone()))?;
    if from == to {
        return Err(MigrateError::AlreadyOn { dataset: dataset.id.clone(), vintage: to });
    }
    let target = embedded_dataset(to.embedded_dataset()).map_err(|e| MigrateError::Data(e.to_string()))?;
    let codes: Vec<String> = dataset.municipalities.iter().map(|m| m.code.clone()).collect();
    let keyed = |values: &mut dyn Iterator<Item = Option<f64>>| -> Vec<(String, Option<f64>)> {
        codes.iter().cloned().zip(values).collect()
    };
    let population =
        map_values(from, to, Kind::Extensive, &keyed(&mut dataset.municipalities.iter().map(|m| Some(m.population))));
    let pop: HashMap<&str, f64> =
        population.values.iter().filter_map(|v| v.value.map(|p| (v.code.as_str(), p))).collect();
    // Rows of `to` whose whole territory the dataset covers, in that list's order.
    let rows: Vec<Municipality> = target
        .municipalities
        .iter()
        .filter_map(|m| pop.get(m.code.as_str()).map(|&p| Municipality { population: p, ..m.clone() }))
        .collect();
    let mut columns = Vec::with_capacity(dataset.columns.len());
    for column in &dataset.columns {
        let mapped = map_values(from, to, column.meta.kind, &keyed(&mut column.values.iter().copied()));
        let by_code: HashMap<&str, Option<f64>> = mapped.values.iter().map(|v| (v.code.as_str(), v.value)).collect();
        let mut meta = column.meta.clone();
        let mut estimated = mapped.estimated.clone();
        // Cells already estimated stay marked on every municipality they went to.
        let cw = crosswalk();
        for old in &column.meta.estimated {
            for pair in cw.pairs_of(from, &old.code) {
                let code = if from == Vintage::Y2020 { &pair.to } else { &pair.from };
                if !estimated.iter().any(|e| &e.code == code) {
                    estimated.push(Estimate { code: code.clone(), reason: old.reason.clone() });
                }
            }
        }
        estimated.sort_by(|a, b| a.code.cmp(&b.code));
        meta.estimated = estimated;
        let values = rows.iter().map(|m| by_code.get(m.code.as_str()).copied().flatten()).collect();
        columns.push(Column { meta, values });
    }
    let suffix = format!("@{}", from.year());
    let base = dataset.id.strip_suffix(&suffix).unwrap_or(&dataset.id);
    let (title_nb, title_en) = (base_title(&dataset.title.nb), base_title_en(&dataset.title.en));
    // Back on its own borders a moved dataset takes its own id and title again.
    let (id, title) = if base == to.embedded_dataset() {
        (base.to_owned(), target.title.clone())
    } else {
        (
            format!("{base}@{}", to.year()),
            // Without the counts of the old borders: a heading counts the rows it stands over.
            crate::data::Text::new(
                &format!("{} – på {to}{TITLE_SUFFIX_NB}", without_counts(title_nb)),
                &format!("{} – on {to} borders", without_counts(title_en)),
            ),
        )
    };
    let mut out = Dataset {
        id,
        title,
        year: to.year(),
        credits: dataset.credits.clone(),
        population_label: dataset.population_label.clone(),
        history: dataset.history.clone(),
        municipalities: rows.into(),
        columns,
        fingerprint: String::new(),
    };
    out.fingerprint = fingerprint(&out);
    Ok((out, population.report))
}

/// Moves the scenario's overrides to `to` borders and its dataset with [`move_dataset`]; the scenario then
/// names `dataset_file` (relative to the scenario) for the moved dataset.
pub fn migrate_scenario(
    scenario: &Scenario,
    dataset: &Dataset,
    to: Vintage,
    dataset_file: &str,
) -> Result<Migrated, MigrateError> {
    let from = Vintage::of_dataset(dataset).ok_or_else(|| MigrateError::UnknownBorders(dataset.id.clone()))?;
    if from == to {
        return Err(MigrateError::AlreadyOn { dataset: dataset.id.clone(), vintage: to });
    }
    let (overrides, override_changes) = move_overrides(&scenario.overrides, from, to)?;
    let (moved, report) = move_dataset(dataset, to)?;
    let mut out = scenario.clone();
    out.overrides = overrides;
    out.dataset = DatasetRef::File(dataset_file.to_owned());
    out.dataset_fingerprint = Some(moved.fingerprint.clone());
    Ok(Migrated { scenario: out, dataset: moved, report, override_changes })
}

fn describe(o: Override) -> String {
    match o {
        Override::Exclude => "exclude".to_owned(),
        Override::Include => "include".to_owned(),
        Override::Lock(n) => format!("lock {n}"),
    }
}

fn move_overrides(
    overrides: &BTreeMap<String, Override>,
    from: Vintage,
    to: Vintage,
) -> Result<(BTreeMap<String, Override>, Vec<String>), MigrateError> {
    let cw = crosswalk();
    let mut out = BTreeMap::new();
    let mut changes = Vec::new();
    let other = |p: &super::crosswalk::Pair| -> (String, String) {
        match from {
            Vintage::Y2020 => (p.to.clone(), p.to_name.clone()),
            Vintage::Y2024 => (p.from.clone(), p.from_name.clone()),
        }
    };
    for (code, &o) in overrides {
        let pairs = cw.pairs_of(from, code);
        if pairs.is_empty() {
            return Err(MigrateError::UnknownOverride { code: code.clone(), from });
        }
        let name = cw.name(from, code).unwrap_or_default().to_owned();
        let targets: Vec<(String, String)> = pairs.iter().map(|p| other(p)).collect();
        if targets.len() > 1 {
            let parts = targets.iter().map(|(c, n)| format!("{n} ({c})")).collect::<Vec<_>>().join(" and ");
            if let Override::Lock(lock) = o {
                return Err(MigrateError::LockOnSplit { code: code.clone(), name, lock, to, parts });
            }
            for (c, _) in &targets {
                out.insert(c.clone(), o);
            }
            changes.push(format!("{code} {name}: {} → {parts}", describe(o)));
            continue;
        }
        let (t_code, t_name) = targets[0].clone();
        let sources: Vec<(String, String)> = cw
            .pairs_of(to, &t_code)
            .iter()
            .map(|p| match from {
                Vintage::Y2020 => (p.from.clone(), p.from_name.clone()),
                Vintage::Y2024 => (p.to.clone(), p.to_name.clone()),
            })
            .collect();
        if sources.len() > 1 {
            if out.contains_key(&t_code) {
                continue;
            }
            let of_parts: Vec<Option<Override>> = sources.iter().map(|(c, _)| overrides.get(c).copied()).collect();
            let parts = sources.iter().map(|(c, n)| format!("{n} ({c})")).collect::<Vec<_>>().join(" and ");
            let merged = match of_parts.as_slice() {
                // Locks first: two equal locks are two municipalities' numbers, which add up.
                list if list.iter().all(|x| matches!(x, Some(Override::Lock(_)))) => {
                    let sum: u64 =
                        list.iter().map(|x| if let Some(Override::Lock(n)) = x { u64::from(*n) } else { 0 }).sum();
                    let Ok(lock) = u32::try_from(sum) else {
                        return Err(MigrateError::LockTooLarge { code: t_code, name: t_name, to, parts, sum });
                    };
                    Some(Override::Lock(lock))
                }
                list if list.iter().all(|x| *x == list[0]) => list[0],
                list => {
                    let details = sources
                        .iter()
                        .zip(list)
                        .map(|((c, _), x)| format!("{c}: {}", x.map_or("none".to_owned(), describe)))
                        .collect::<Vec<_>>()
                        .join(", ");
                    return Err(MigrateError::MergeConflict { code: t_code, name: t_name, to, parts, details });
                }
            };
            if let Some(m) = merged {
                out.insert(t_code.clone(), m);
                changes.push(format!("{parts}: {} → {t_code} {t_name}", describe(m)));
            }
            continue;
        }
        if &t_code != code || t_name != name {
            changes.push(format!("{code} {name}: {} → {t_code} {t_name}", describe(o)));
        }
        out.insert(t_code, o);
    }
    Ok((out, changes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::allocate;
    use crate::scenario::parse_scenario;

    fn imdi_2020() -> (Scenario, Dataset) {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/imdi-2020.ron");
        let text = std::fs::read_to_string(path).unwrap();
        (parse_scenario(&text, path).unwrap(), embedded_dataset("norway-2020").unwrap())
    }

    #[test]
    fn a_scenario_moved_there_and_back_gives_the_same_allocation() {
        let (mut scenario, dataset) = imdi_2020();
        scenario.overrides.insert("3001".into(), Override::Lock(40)); // Halden, renumbered 3101
        scenario.overrides.insert("1507".into(), Override::Include); // Ålesund, split
        scenario.overrides.insert("5001".into(), Override::Exclude); // Trondheim, renamed
        let before = allocate(&dataset, &scenario).unwrap();
        let there = migrate_scenario(&scenario, &dataset, Vintage::Y2024, "x.dataset.ron").unwrap();
        assert_eq!(there.dataset.len(), 357);
        assert_eq!(there.scenario.overrides.get("3101"), Some(&Override::Lock(40)));
        assert_eq!(there.scenario.overrides.get("1508"), Some(&Override::Include));
        assert_eq!(there.scenario.overrides.get("1580"), Some(&Override::Include));
        assert!(
            there.override_changes.iter().any(|l| l.starts_with("3001 Halden: lock 40 → 3101")),
            "{:?}",
            there.override_changes
        );
        let total: f64 = dataset.municipalities.iter().map(|m| m.population).sum();
        assert_eq!(there.dataset.municipalities.iter().map(|m| m.population).sum::<f64>(), total);
        let on_2024 = allocate(&there.dataset, &there.scenario).unwrap();
        let back = migrate_scenario(&there.scenario, &there.dataset, Vintage::Y2020, "y.dataset.ron").unwrap();
        assert_eq!(back.scenario.overrides, scenario.overrides);
        assert_eq!(back.dataset.id, "norway-2020");
        assert_eq!(back.dataset.title, dataset.title);
        let after = allocate(&back.dataset, &back.scenario).unwrap();
        let cw = crosswalk();
        let mut compared = 0;
        for (i, m) in dataset.municipalities.iter().enumerate() {
            let pairs = cw.pairs_of(Vintage::Y2020, &m.code);
            if pairs.len() != 1 {
                continue; // borders changed
            }
            let j = back.dataset.index_of_code(&m.code).unwrap();
            assert_eq!(before.rows[i].allocation, after.rows[j].allocation, "{}", m.code);
            compared += 1;
        }
        assert_eq!(compared, 355);
        // On 2024 borders the plan still asks for the whole target.
        let asked: u32 = on_2024.rows.iter().map(|r| r.allocation).sum();
        assert_eq!(asked, scenario.target.total);
    }

    #[test]
    fn a_lock_on_a_split_municipality_is_refused_by_name() {
        let (mut scenario, dataset) = imdi_2020();
        scenario.overrides.insert("1507".into(), Override::Lock(30));
        let err = migrate_scenario(&scenario, &dataset, Vintage::Y2024, "x.dataset.ron").unwrap_err();
        let text = err.to_string();
        assert!(text.contains("Ålesund (1507) is locked at 30"), "{text}");
        assert!(text.contains("Ålesund (1508) and Haram (1580)"), "{text}");
        assert!(matches!(
            migrate_scenario(&scenario, &dataset, Vintage::Y2020, "x"),
            Err(MigrateError::AlreadyOn { .. })
        ));
    }

    #[test]
    fn merging_overrides_that_differ_is_refused() {
        let d2024 = embedded_dataset("norway-2024").unwrap();
        let mut overrides = BTreeMap::new();
        overrides.insert("1508".to_owned(), Override::Exclude);
        let err = move_overrides(&overrides, Vintage::Y2024, Vintage::Y2020).unwrap_err();
        assert!(err.to_string().contains("1580: none"), "{err}");
        overrides.insert("1580".to_owned(), Override::Exclude);
        let (moved, _) = move_overrides(&overrides, Vintage::Y2024, Vintage::Y2020).unwrap();
        assert_eq!(moved.get("1507"), Some(&Override::Exclude));
        overrides.insert("1508".to_owned(), Override::Lock(5));
        overrides.insert("1580".to_owned(), Override::Lock(2));
        let (moved, _) = move_overrides(&overrides, Vintage::Y2024, Vintage::Y2020).unwrap();
        assert_eq!(moved.get("1507"), Some(&Override::Lock(7)));
        assert_eq!(Vintage::of_dataset(&d2024), Some(Vintage::Y2024));
    }

    #[test]
    fn equal_locks_add_up_and_locks_beyond_a_lock_are_refused() {
        let mut overrides = BTreeMap::new();
        overrides.insert("1508".to_owned(), Override::Lock(5));
        overrides.insert("1580".to_owned(), Override::Lock(5));
        let (moved, _) = move_overrides(&overrides, Vintage::Y2024, Vintage::Y2020).unwrap();
        assert_eq!(moved.get("1507"), Some(&Override::Lock(10)));
        overrides.insert("1508".to_owned(), Override::Lock(u32::MAX));
        overrides.insert("1580".to_owned(), Override::Lock(u32::MAX));
        let err = move_overrides(&overrides, Vintage::Y2024, Vintage::Y2020).unwrap_err();
        assert_eq!(
            err.to_string(),
            "Ålesund (1508) and Haram (1580) become Ålesund (1507) on 2020 borders, and their locks add up to \
             8589934590, more than a lock holds (4294967295): lower the locks before the move"
        );
    }
}
