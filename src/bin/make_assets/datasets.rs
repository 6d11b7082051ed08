//! The municipality tables, converted with metadata for every column.

use std::path::Path;

use anyhow::{Context, Result, bail};
use bosetting::data::{
    Column, ColumnMeta, ColumnRole, Dataset, Direction, HistoryKind, HistoryPoint, Kind, Municipality, Text,
};
use bosetting::scenario::MissingPolicy;

pub const CREDITS: &str = "Statistikk: SSB og IMDi (NLOD 2.0). Kart: © Kartverket (CC BY 4.0).";

pub struct DatasetSpec {
    pub id: &'static str,
    pub folder: &'static str,
    pub csv: &'static str,
    pub geojson: &'static str,
    pub year: i32,
    pub title: (&'static str, &'static str),
    pub population_column: &'static str,
    pub columns: &'static [ColumnSpec],
    /// National figures from the data's provenance notes: (year, value, kind).
    pub history: &'static [(i32, f64, HistoryKind)],
}

pub struct ColumnSpec {
    pub id: &'static str,
    pub nb: &'static str,
    pub en: &'static str,
    pub unit: &'static str,
    pub year: &'static str,
    pub source: &'static str,
    pub direction: Direction,
    pub kind: Kind,
    pub missing: MissingPolicy,
    pub range: Option<(f64, f64)>,
    /// What the column is for the settlement year, set here rather than read from the id.
    pub role: Option<ColumnRole>,
}

impl ColumnSpec {
    const fn role(self, role: ColumnRole) -> ColumnSpec {
        ColumnSpec { role: Some(role), ..self }
    }
}

use Direction::{HigherIsBetter as Higher, LowerIsBetter as Lower};
use HistoryKind::{Requested, Settled};
use Kind::{Extensive, Intensive};
use MissingPolicy::{CountyMedian, Zero};

const fn request(year: i32) -> ColumnRole {
    ColumnRole::Request { year }
}
const fn decisions(year: i32) -> ColumnRole {
    ColumnRole::Decisions { year }
}
const fn settled(year: i32, partial: bool) -> ColumnRole {
    ColumnRole::Settled { year, partial }
}

const PCT: Option<(f64, f64)> = Some((0.0, 100.0));

#[allow(clippy::too_many_arguments)] // one row of the metadata table
const fn col(
    id: &'static str,
    nb: &'static str,
    en: &'static str,
    unit: &'static str,
    year: &'static str,
    source: &'static str,
    direction: Direction,
    kind: Kind,
    missing: MissingPolicy,
    range: Option<(f64, f64)>,
) -> ColumnSpec {
    ColumnSpec { id, nb, en, unit, year, source, direction, kind, missing, range, role: None }
}

const COLUMNS_2020: &[ColumnSpec] = &[
    col(
        "innvandrerandel_2020_pst",
        "Innvandrerandel",
        "Immigrant share",
        "%",
        "2020",
        "IMDi/SSB",
        Lower,
        Intensive,
        CountyMedian,
        PCT,
    ),
    col(
        "flyktningandel_2020_pst",
        "Flyktningandel",
        "Refugee share",
        "%",
        "2020",
        "IMDi/SSB",
        Lower,
        Intensive,
        CountyMedian,
        PCT,
    ),
    col(
        "sentralitetsindeks_2018",
        "Sentralitetsindeks",
        "Centrality index",
        "indeks",
        "2018",
        "SSB",
        Higher,
        Intensive,
        CountyMedian,
        Some((0.0, 1000.0)),
    ),
    col(
        "sysselsettingsrate_2013_pst",
        "Sysselsettingsrate (alle)",
        "Employment rate (all)",
        "%",
        "2013",
        "IMDi/SSB",
        Higher,
        Intensive,
        CountyMedian,
        PCT,
    ),
    col(
        "sysselsettingsrate_innvandrere_2013_pst",
        "Sysselsettingsrate (innvandrere)",
        "Employment rate (immigrants)",
        "%",
        "2013",
        "IMDi/SSB",
        Higher,
        Intensive,
        CountyMedian,
        PCT,
    ),
    col(
        "intro_arbeid_utdanning_2013_pst",
        "Introduksjonsprogram: i arbeid eller utdanning",
        "Introduction programme: in work or education",
        "%",
        "2013",
        "IMDi",
        Higher,
        Intensive,
        CountyMedian,
        PCT,
    ),
    col(
        "intro_deltakere_2013",
        "Deltakere i introduksjonsprogram",
        "Introduction programme participants",
        "personer",
        "2013",
        "IMDi",
        Higher,
        Extensive,
        Zero,
        None,
    ),
    col(
        "bosatt_2017",
        "Bosatte flyktninger 2017",
        "Refugees settled 2017",
        "personer",
        "2017",
        "IMDi",
        Higher,
        Extensive,
        Zero,
        None,
    )
    .role(settled(2017, false)),
    col(
        "bosatt_2018",
        "Bosatte flyktninger 2018",
        "Refugees settled 2018",
        "personer",
        "2018",
        "IMDi",
        Higher,
        Extensive,
        Zero,
        None,
    )
    .role(settled(2018, false)),
    col(
        "bosatt_2019",
        "Bosatte flyktninger 2019",
        "Refugees settled 2019",
        "personer",
        "2019",
        "IMDi",
        Higher,
        Extensive,
        Zero,
        None,
    )
    .role(settled(2019, false)),
    col(
        "bosatt_snitt_2017_2019",
        "Bosatte flyktninger, snitt 2017–2019",
        "Refugees settled, mean 2017–2019",
        "personer/år",
        "2017–2019",
        "IMDi (avledet)",
        Higher,
        Extensive,
        Zero,
        None,
    ),
    col("anmodning_2018", "Anmodning 2018", "Request 2018", "personer", "2018", "IMDi", Higher, Extensive, Zero, None)
        .role(request(2018)),
    col("anmodning_2019", "Anmodning 2019", "Request 2019", "personer", "2019", "IMDi", Higher, Extensive, Zero, None)
        .role(request(2019)),
    col("vedtak_2019", "Vedtak 2019", "Decision 2019", "personer", "2019", "IMDi", Higher, Extensive, Zero, None)
        .role(decisions(2019)),
];

const COLUMNS_2024: &[ColumnSpec] = &[
    col(
        "sentralitetsklasse_2024",
        "Sentralitetsklasse (1 = mest sentral)",
        "Centrality class (1 = most central)",
        "klasse",
        "2024",
        "SSB",
        Lower,
        Intensive,
        CountyMedian,
        Some((1.0, 6.0)),
    ),
    col("anmodning_2024", "Anmodning 2024", "Request 2024", "personer", "2024", "IMDi", Higher, Extensive, Zero, None)
        .role(request(2024)),
    col("vedtak_2024", "Vedtak 2024", "Decision 2024", "personer", "2024", "IMDi", Higher, Extensive, Zero, None)
        .role(decisions(2024)),
    col(
        "bosatt_2022",
        "Bosatte flyktninger 2022",
        "Refugees settled 2022",
        "personer",
        "2022",
        "IMDi",
        Higher,
        Extensive,
        Zero,
        None,
    )
    .role(settled(2022, false)),
    col(
        "bosatt_2023",
        "Bosatte flyktninger 2023",
        "Refugees settled 2023",
        "personer",
        "2023",
        "IMDi",
        Higher,
        Extensive,
        Zero,
        None,
    )
    .role(settled(2023, false)),
    col(
        "bosatt_2024_delaar",
        "Bosatte flyktninger 2024 (delår)",
        "Refugees settled 2024 (part year)",
        "personer",
        "2024",
        "IMDi",
        Higher,
        Extensive,
        Zero,
        None,
    )
    .role(settled(2024, true)),
    col(
        "bosatt_ukrainere_2022",
        "Bosatte ukrainere 2022",
        "Ukrainians settled 2022",
        "personer",
        "2022",
        "IMDi",
        Higher,
        Extensive,
        Zero,
        None,
    ),
    col(
        "bosatt_ukrainere_2023",
        "Bosatte ukrainere 2023",
        "Ukrainians settled 2023",
        "personer",
        "2023",
        "IMDi",
        Higher,
        Extensive,
        Zero,
        None,
    ),
    col(
        "bosatt_ovrige_2022",
        "Bosatte øvrige flyktninger 2022",
        "Other refugees settled 2022",
        "personer",
        "2022",
        "IMDi",
        Higher,
        Extensive,
        Zero,
        None,
    ),
    col(
        "bosatt_ovrige_2023",
        "Bosatte øvrige flyktninger 2023",
        "Other refugees settled 2023",
        "personer",
        "2023",
        "IMDi",
        Higher,
        Extensive,
        Zero,
        None,
    ),
];

pub const SPECS: &[DatasetSpec] = &[
    DatasetSpec {
        id: "norway-2020",
        folder: "norway-2020",
        csv: "kommuner-2020.csv",
        geojson: "kommuner-2020.geojson",
        year: 2020,
        title: ("Kommunene 2020 (356 kommuner, 11 fylker)", "Municipalities 2020 (356 municipalities, 11 counties)"),
        population_column: "befolkning_2020",
        columns: COLUMNS_2020,
        history: &[
            (2015, 11_342.0, Settled),
            (2016, 15_291.0, Settled),
            (2017, 11_078.0, Settled),
            (2018, 4_903.0, Settled),
            (2019, 5_350.0, Requested),
            (2020, 5_120.0, Requested),
        ],
    },
    DatasetSpec {
        id: "norway-2024",
        folder: "norway-2024",
        csv: "kommuner-2024.csv",
        geojson: "kommuner-2024.geojson",
        year: 2024,
        title: ("Kommunene 2024 (357 kommuner, 15 fylker)", "Municipalities 2024 (357 municipalities, 15 counties)"),
        population_column: "befolkning_2024",
        columns: COLUMNS_2024,
        history: &[(2024, 36_985.0, Requested)],
    },
];

fn meta(spec: &ColumnSpec) -> ColumnMeta {
    ColumnMeta {
        id: spec.id.to_owned(),
        label: Text::new(spec.nb, spec.en),
        unit: spec.unit.to_owned(),
        year: spec.year.to_owned(),
        source: spec.source.to_owned(),
        licence: "NLOD 2.0".to_owned(),
        direction: spec.direction,
        kind: spec.kind,
        default_missing: spec.missing,
        range: spec.range,
        estimated: Vec::new(),
        role: spec.role,
    }
}

/// Reads the prepared CSV and attaches the metadata above; the result is validated like any dataset file.
pub fn convert(spec: &DatasetSpec, csv_path: &Path) -> Result<Dataset> {
    let mut reader = csv::Reader::from_path(csv_path).with_context(|| format!("opening {}", csv_path.display()))?;
    let headers = reader.headers()?.clone();
    let find = |name: &str| {
        headers.iter().position(|h| h == name).with_context(|| format!("{}: no column {name}", csv_path.display()))
    };
    let (code, name, county, county_name, population) = (
        find("kommunenummer")?,
        find("kommunenavn")?,
        find("fylkesnummer")?,
        find("fylkesnavn")?,
        find(spec.population_column)?,
    );
    let indices: Vec<usize> = spec.columns.iter().map(|c| find(c.id)).collect::<Result<_>>()?;
    let mut municipalities = Vec::new();
    let mut values: Vec<Vec<Option<f64>>> = vec![Vec::new(); spec.columns.len()];
    for (line, record) in reader.records().enumerate() {
        let record = record?;
        let at = |i: usize| record.get(i).unwrap_or("").trim();
        let number = |i: usize| -> Result<Option<f64>> {
            let cell = at(i);
            if cell.is_empty() {
                return Ok(None);
            }
            cell.parse::<f64>().map(Some).with_context(|| {
                format!(
                    "{} line {}: {:?} in column {} is not a number",
                    csv_path.display(),
                    line + 2,
                    cell,
                    &headers[i]
                )
            })
        };
        let Some(pop) = number(population)? else {
            bail!("{} line {}: population missing", csv_path.display(), line + 2)
        };
        municipalities.push(Municipality {
            code: at(code).to_owned(),
            name: at(name).to_owned(),
            county_code: at(county).to_owned(),
            county_name: at(county_name).to_owned(),
            population: pop,
        });
        for (column, &i) in values.iter_mut().zip(&indices) {
            column.push(number(i)?);
        }
    }
    let dataset = Dataset {
        id: spec.id.to_owned(),
        title: Text::new(spec.title.0, spec.title.1),
        year: spec.year,
        credits: CREDITS.to_owned(),
        population_label: Text::new(
            &format!("Folketall 1.1.{}", spec.year),
            &format!("Population 1 Jan {}", spec.year),
        ),
        history: spec.history.iter().map(|&(year, value, kind)| HistoryPoint { year, value, kind }).collect(),
        municipalities: municipalities.into(),
        columns: spec.columns.iter().zip(values).map(|(c, v)| Column { meta: meta(c), values: v.into() }).collect(),
        fingerprint: String::new(),
    };
    // Round-trip through the file format, so the assets pass the same validation as user files.
    let text = bosetting::fileio::to_ron_pretty(&bosetting::data::to_file(&dataset), 2)?;
    Ok(bosetting::data::parse_dataset(&text, &csv_path.display().to_string())?)
}
