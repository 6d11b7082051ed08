//! The code list between 2020 and 2024 borders, as the project's RON asset with its provenance first.

use std::path::Path;

use anyhow::{Context, Result, bail};
use bosetting::borders::{Change, Crosswalk, CrosswalkFile, Pair, Vintage};

pub const FOLDER: &str = "crosswalk";
pub const CSV: &str = "kommuner-2020-2024.csv";
pub const ASSET: &str = "borders-2020-2024.ron";

const SOURCE: &str = "Statistisk sentralbyrå (SSB): Standard for kommuneinndeling (Klassifikasjoner og kodelister, \
                      KLASS), kommunelistene 2020 og 2024 og SSBs endringsliste for 2024; folketall 1.1.2024 (SSB)";
const METHOD: &str = "The two municipality lists matched on name within county; Haram (re-established from \
                      Ålesund) and Våler in Østfold (3018 → 3114) set from SSB's published changes for 2024. \
                      Population: residents of the 2024 municipality on 1 January 2024, the weights for splits \
                      and merges.";

fn change(word: &str, path: &Path, line: usize) -> Result<Change> {
    Ok(match word {
        "unchanged" => Change::Unchanged,
        "renamed" => Change::Renamed,
        "new_code" => Change::NewCode,
        "split" => Change::Split,
        other => bail!("{} line {line}: unknown change {other:?}", path.display()),
    })
}

/// Reads the prepared pairs and checks them: four-digit codes, a population for every 2024 municipality.
pub fn convert(csv_path: &Path) -> Result<CrosswalkFile> {
    let mut reader = csv::Reader::from_path(csv_path).with_context(|| format!("opening {}", csv_path.display()))?;
    let headers = reader.headers()?.clone();
    let find = |name: &str| {
        headers.iter().position(|h| h == name).with_context(|| format!("{}: no column {name}", csv_path.display()))
    };
    let cols = [
        find("kode_2020")?,
        find("navn_2020")?,
        find("kode_2024")?,
        find("navn_2024")?,
        find("endring")?,
        find("befolkning_2024")?,
    ];
    let mut pairs = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record?;
        let line = i + 2;
        let at = |c: usize| record.get(cols[c]).unwrap_or("").trim().to_owned();
        for code in [at(0), at(2)] {
            if code.len() != 4 || !code.bytes().all(|b| b.is_ascii_digit()) {
                bail!("{} line {line}: {code:?} is not a four-digit municipality code", csv_path.display());
            }
        }
        let population: u32 = at(5).parse().with_context(|| {
            format!("{} line {line}: population {:?} is not a whole number", csv_path.display(), at(5))
        })?;
        pairs.push(Pair {
            from: at(0),
            from_name: at(1),
            to: at(2),
            to_name: at(3),
            change: change(&at(4), csv_path, line)?,
            population,
        });
    }
    let file = CrosswalkFile {
        format: 1,
        from: Vintage::Y2020.year(),
        to: Vintage::Y2024.year(),
        source: SOURCE.to_owned(),
        licence: "NLOD 2.0".to_owned(),
        method: METHOD.to_owned(),
        pairs,
    };
    let cw = Crosswalk::new(file.clone());
    for v in Vintage::ALL {
        if cw.codes(v).is_empty() {
            bail!("{}: no codes for {v}", csv_path.display());
        }
    }
    Ok(file)
}
