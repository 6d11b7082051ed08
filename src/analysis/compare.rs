//! What changed between two plans: per municipality, per county, and in one line.
//!
//! The baseline is another allocation (another scenario, or the last saved one) or a reference column of the
//! dataset (e.g. last year's request, `anmodning_2019`). A missing cell in a reference column counts as 0 (not
//! asked) and is counted in `Comparison::missing_before`, so it stays visible.

use crate::data::Dataset;
use crate::engine::Allocation;
use crate::lang::Lang;
use crate::numfmt;
use crate::report::{Cell, ResultTable};

#[derive(Debug, Clone, Copy)]
pub enum Baseline<'a> {
    /// Another allocation on the same dataset.
    Allocation(&'a Allocation),
    /// A column of the dataset, by id.
    Column(&'a str),
    /// Another plan's requests already moved onto the dataset's rows (a plan on other borders, see
    /// [`plan_on_borders`]).
    Mapped(&'a [f64]),
}

#[derive(Debug, Clone, PartialEq)]
pub struct DiffRow {
    /// The dataset row.
    pub row: usize,
    pub before: f64,
    pub after: f64,
    pub change: f64,
    /// The change in percent of `before` (12.5 means +12.5 %); `None` when `before` is 0.
    pub percent: Option<f64>,
    pub newly_asked: bool,
    pub no_longer_asked: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CountyDiff {
    pub code: String,
    pub name: String,
    pub before: f64,
    pub after: f64,
    pub change: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// One per dataset row, in dataset order.
    pub rows: Vec<DiffRow>,
    /// Sorted by county code.
    pub counties: Vec<CountyDiff>,
    /// Municipalities that get more / fewer.
    pub gains: usize,
    pub losses: usize,
    pub newly_asked: usize,
    pub no_longer_asked: usize,
    pub total_before: f64,
    pub total_after: f64,
    pub asked_before: usize,
    pub asked_after: usize,
    /// Rows whose reference cell is missing (counted as 0).
    pub missing_before: usize,
    /// Set when the baseline was on other municipality borders and went through the code list.
    pub borders: Option<crate::borders::BorderReport>,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CompareError {
    #[error("the dataset {dataset} has no column {column:?} to compare with")]
    UnknownColumn { dataset: String, column: String },
    #[error("the plans cover different municipalities ({before} and {after} rows); compare plans on the same dataset")]
    DifferentRows { before: usize, after: usize },
}

/// `after` compared with `baseline`, municipality by municipality.
pub fn compare(dataset: &Dataset, after: &Allocation, baseline: Baseline) -> Result<Comparison, CompareError> {
    let n = dataset.len();
    if after.rows.len() != n {
        return Err(CompareError::DifferentRows { before: n, after: after.rows.len() });
    }
    let (before, missing_before): (Vec<f64>, usize) = match baseline {
        Baseline::Allocation(a) if a.rows.len() != n => {
            return Err(CompareError::DifferentRows { before: a.rows.len(), after: n });
        }
        Baseline::Allocation(a) => (a.rows.iter().map(|r| f64::from(r.allocation)).collect(), 0),
        Baseline::Mapped(values) if values.len() != n => {
            return Err(CompareError::DifferentRows { before: values.len(), after: n });
        }
        Baseline::Mapped(values) => (values.to_vec(), 0),
        Baseline::Column(id) => {
            let col = dataset
                .column(id)
                .ok_or_else(|| CompareError::UnknownColumn { dataset: dataset.id.clone(), column: id.to_owned() })?;
            (col.values.iter().map(|v| v.unwrap_or(0.0)).collect(), col.missing_count())
        }
    };
    let rows: Vec<DiffRow> = before
        .iter()
        .zip(&after.rows)
        .enumerate()
        .map(|(row, (&before, r))| {
            let after = f64::from(r.allocation);
            let change = after - before;
            DiffRow {
                row,
                before,
                after,
                change,
                percent: (before != 0.0).then(|| change / before * 100.0),
                newly_asked: before <= 0.0 && after > 0.0,
                no_longer_asked: before > 0.0 && after <= 0.0,
            }
        })
        .collect();
    let index = dataset.row_index();
    let county_of = &index.county_of;
    let mut counties: Vec<CountyDiff> = index
        .counties
        .iter()
        .map(|(code, name)| CountyDiff { code: code.clone(), name: name.clone(), before: 0.0, after: 0.0, change: 0.0 })
        .collect();
    for (d, &c) in rows.iter().zip(county_of) {
        counties[c].before += d.before;
        counties[c].after += d.after;
    }
    for c in &mut counties {
        c.change = c.after - c.before;
    }
    Ok(Comparison {
        gains: rows.iter().filter(|d| d.change > 0.0).count(),
        losses: rows.iter().filter(|d| d.change < 0.0).count(),
        newly_asked: rows.iter().filter(|d| d.newly_asked).count(),
        no_longer_asked: rows.iter().filter(|d| d.no_longer_asked).count(),
        total_before: rows.iter().map(|d| d.before).sum(),
        total_after: rows.iter().map(|d| d.after).sum(),
        asked_before: rows.iter().filter(|d| d.before > 0.0).count(),
        asked_after: rows.iter().filter(|d| d.after > 0.0).count(),
        missing_before,
        rows,
        counties,
        borders: None,
    })
}

/// Another plan's requests (by its municipality codes) on `dataset`'s rows, when the plan is on the other
/// border vintage: requests are counts, so a split municipality's request is shared by population and merged
/// ones add up. `None` when either side's borders are unknown or the same.
pub fn plan_on_borders(
    codes: &[String],
    allocation: &Allocation,
    dataset: &Dataset,
) -> Option<(Vec<f64>, crate::borders::BorderReport)> {
    use crate::borders::{Vintage, map_values};
    let to = dataset.vintage()?;
    let from = Vintage::of_codes(codes.iter().map(String::as_str)).filter(|&v| v != to)?;
    let values: Vec<(String, Option<f64>)> =
        codes.iter().cloned().zip(allocation.rows.iter().map(|r| Some(f64::from(r.allocation)))).collect();
    let mapped = map_values(from, to, crate::data::Kind::Extensive, &values);
    let by_code: std::collections::HashMap<&str, f64> =
        mapped.values.iter().filter_map(|v| v.value.map(|x| (v.code.as_str(), x))).collect();
    let rows = dataset.municipalities.iter().map(|m| by_code.get(m.code.as_str()).copied().unwrap_or(0.0)).collect();
    Some((rows, mapped.report))
}

/// "37 kommuner får mer, 52 mindre, 6 nye anmodet, 4 ikke lenger anmodet" (or the English).
pub fn summary_line(c: &Comparison, lang: Lang) -> String {
    match lang {
        Lang::Nb => format!(
            "{} {} får mer, {} mindre, {} nye anmodet, {} ikke lenger anmodet",
            c.gains,
            if c.gains == 1 { "kommune" } else { "kommuner" },
            c.losses,
            c.newly_asked,
            c.no_longer_asked
        ),
        Lang::En => format!(
            "{} {} more, {} fewer, {} newly asked, {} no longer asked",
            c.gains,
            if c.gains == 1 { "municipality gets" } else { "municipalities get" },
            c.losses,
            c.newly_asked,
            c.no_longer_asked
        ),
    }
}

/// The comparison as the shared table model, so it exports through the CSV, XLSX and clipboard code.
pub fn comparison_table(dataset: &Dataset, c: &Comparison, lang: Lang) -> ResultTable {
    let t = |nb: &str, en: &str| lang.pick(nb, en).to_owned();
    let headers = vec![
        t("Kommunenummer", "Code"),
        t("Kommune", "Municipality"),
        t("Fylke", "County"),
        t("Før", "Before"),
        t("Etter", "After"),
        t("Endring", "Change"),
        t("Endring %", "Change %"),
        t("Merknad", "Note"),
    ];
    let number = |v: f64| if v.fract() == 0.0 { Cell::Int(v as i64) } else { Cell::Number(v, 1) };
    let rows = c
        .rows
        .iter()
        .filter_map(|d| dataset.municipalities.get(d.row).map(|m| (d, m)))
        .map(|(d, m)| {
            let note = if d.newly_asked {
                Cell::Text(t("nytt anmodet", "newly asked"))
            } else if d.no_longer_asked {
                Cell::Text(t("ikke lenger anmodet", "no longer asked"))
            } else {
                Cell::Empty
            };
            vec![
                Cell::Code(m.code.clone()),
                Cell::Text(m.name.clone()),
                Cell::Text(m.county_name.clone()),
                number(d.before),
                number(d.after),
                number(d.change),
                d.percent.map_or(Cell::Empty, |p| Cell::Number(p, 1)),
                note,
            ]
        })
        .collect();
    ResultTable { headers, rows }
}

/// "Totalt 5 120 (før 5 120), 210 anmodet (før 235)": the totals line under the summary.
pub fn totals_line(c: &Comparison, lang: Lang) -> String {
    let int = |v: f64| numfmt::integer(v, lang);
    match lang {
        Lang::Nb => format!(
            "Totalt {} (før {}), {} anmodet (før {})",
            int(c.total_after),
            int(c.total_before),
            c.asked_after,
            c.asked_before
        ),
        Lang::En => format!(
            "Total {} (before {}), {} asked (before {})",
            int(c.total_after),
            int(c.total_before),
            c.asked_after,
            c.asked_before
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::test_support::example;
    use crate::report::{CsvStyle, write_csv};

    fn consistent(c: &Comparison) {
        assert_eq!(c.gains, c.rows.iter().filter(|d| d.after > d.before).count());
        assert_eq!(c.losses, c.rows.iter().filter(|d| d.after < d.before).count());
        assert_eq!(c.newly_asked, c.rows.iter().filter(|d| d.before == 0.0 && d.after > 0.0).count());
        assert_eq!(c.no_longer_asked, c.rows.iter().filter(|d| d.before > 0.0 && d.after == 0.0).count());
        let net = c.asked_after as i64 - c.asked_before as i64;
        assert_eq!(net, c.newly_asked as i64 - c.no_longer_asked as i64);
        let county_change: f64 = c.counties.iter().map(|x| x.change).sum();
        assert!((county_change - (c.total_after - c.total_before)).abs() < 1e-9);
    }

    #[test]
    fn a_plan_against_itself_changes_nothing() {
        let ex = example("imdi-2020.ron");
        let c = compare(&ex.dataset, &ex.allocation, Baseline::Allocation(&ex.allocation)).unwrap();
        consistent(&c);
        assert!(c.rows.iter().all(|d| d.change == 0.0 && !d.newly_asked && !d.no_longer_asked));
        assert_eq!((c.gains, c.losses, c.newly_asked, c.no_longer_asked), (0, 0, 0, 0));
        assert_eq!((c.total_before, c.total_after), (5120.0, 5120.0));
        assert_eq!(c.asked_after, ex.allocation.asked);
        assert_eq!(summary_line(&c, Lang::Nb), "0 kommuner får mer, 0 mindre, 0 nye anmodet, 0 ikke lenger anmodet");
    }

    #[test]
    fn against_another_scenario() {
        let base = example("imdi-2020.ron");
        let other = example("equal-weights-2020.ron");
        let c = compare(&base.dataset, &other.allocation, Baseline::Allocation(&base.allocation)).unwrap();
        consistent(&c);
        assert!(c.gains > 0 && c.losses > 0);
        assert_eq!((c.total_before, c.total_after), (5120.0, 5120.0));
        let line = summary_line(&c, Lang::En);
        assert_eq!(
            line,
            format!(
                "{} municipalities get more, {} fewer, {} newly asked, {} no longer asked",
                c.gains, c.losses, c.newly_asked, c.no_longer_asked
            )
        );
    }

    #[test]
    fn against_last_years_request() {
        let ex = example("imdi-2020.ron");
        let c = compare(&ex.dataset, &ex.allocation, Baseline::Column("anmodning_2019")).unwrap();
        consistent(&c);
        let col = ex.dataset.column("anmodning_2019").unwrap();
        let expected: f64 = col.values.iter().flatten().sum();
        assert_eq!(c.total_before, expected);
        assert_eq!(c.total_after, 5120.0);
        assert_eq!(c.asked_before, col.values.iter().filter(|v| v.is_some_and(|v| v > 0.0)).count());
        assert_eq!(c.missing_before, col.missing_count());
        let oslo_row = ex.dataset.index_of_code("0301").unwrap();
        let oslo = &c.rows[oslo_row];
        let now = f64::from(ex.allocation.rows[oslo_row].allocation);
        assert_eq!((oslo.before, oslo.after, oslo.change), (250.0, now, now - 250.0));
        assert!((oslo.percent.unwrap() - (now - 250.0) / 2.5).abs() < 1e-9);
        assert!(c.no_longer_asked > 0 && c.newly_asked > 0);

        let table = comparison_table(&ex.dataset, &c, Lang::En);
        assert_eq!(table.rows.len(), ex.dataset.len());
        assert_eq!(table.headers.len(), table.rows[0].len());
        let csv = String::from_utf8(write_csv(&table, CsvStyle::Plain)).unwrap();
        assert!(csv.starts_with("Code,Municipality,County,Before,After,Change,Change %,Note\n"), "{csv}");
        assert!(csv.contains(&format!("0301,Oslo,Oslo,250,{now},{},", now - 250.0)), "{csv}");
        assert!(csv.contains(",no longer asked\n") && csv.contains(",newly asked\n"));
    }

    #[test]
    fn unknown_columns_and_other_datasets_are_refused() {
        let ex = example("imdi-2020.ron");
        let e = compare(&ex.dataset, &ex.allocation, Baseline::Column("no_such")).unwrap_err();
        assert!(e.to_string().contains("no_such"));
        let other = example("imdi-2024.ron");
        assert!(matches!(
            compare(&ex.dataset, &ex.allocation, Baseline::Allocation(&other.allocation)),
            Err(CompareError::DifferentRows { .. })
        ));
    }

    #[test]
    fn a_plan_on_other_borders_is_compared_through_the_code_list() {
        let e = example("imdi-2020.ron");
        let (scenario, dataset) = (&e.scenario, &e.dataset);
        let moved = crate::borders::migrate_scenario(scenario, dataset, crate::borders::Vintage::Y2024, "x").unwrap();
        let on_2024 = crate::engine::allocate(&moved.dataset, &moved.scenario).unwrap();
        let codes: Vec<String> = moved.dataset.municipalities.iter().map(|m| m.code.clone()).collect();
        let (values, report) = plan_on_borders(&codes, &on_2024, dataset).unwrap();
        assert_eq!(report.merged.len(), 1);
        assert_eq!(values.iter().sum::<f64>(), f64::from(scenario.target.total));
        let at = |d: &Dataset, a: &Allocation, code: &str| f64::from(a.rows[d.index_of_code(code).unwrap()].allocation);
        let alesund = values[dataset.index_of_code("1507").unwrap()];
        assert_eq!(alesund, at(&moved.dataset, &on_2024, "1508") + at(&moved.dataset, &on_2024, "1580"));
        assert_eq!(values[dataset.index_of_code("3001").unwrap()], at(&moved.dataset, &on_2024, "3101"));
        let now = &e.allocation;
        let c = compare(dataset, now, Baseline::Mapped(&values)).unwrap();
        consistent(&c);
        // Same borders: nothing to map.
        let own: Vec<String> = dataset.municipalities.iter().map(|m| m.code.clone()).collect();
        assert!(plan_on_borders(&own, now, dataset).is_none());
    }
}
