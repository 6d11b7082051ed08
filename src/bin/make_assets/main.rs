//! Rebuilds `assets/` from the prepared public data (SSB, IMDi, Kartverket):
//! `cargo run --bin make-assets -- ../shared/data assets`.
//! Tables become the project's dataset files with full column metadata; boundaries become the compact map format;
//! the 2020 → 2024 code list becomes `borders-2020-2024.ron`.

mod crosswalk;
mod datasets;

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

fn main() {
    if let Err(e) = run() {
        eprintln!("make-assets: {e:#}");
        std::process::exit(1);
    }
}

fn run() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [data, out] = args.as_slice() else {
        eprintln!("usage: make-assets SHARED_DATA_DIR ASSETS_DIR");
        std::process::exit(2);
    };
    let (data, out) = (PathBuf::from(data), PathBuf::from(out));
    std::fs::create_dir_all(&out).with_context(|| format!("creating {}", out.display()))?;
    for spec in datasets::SPECS {
        let csv = data.join(spec.folder).join(spec.csv);
        let dataset = datasets::convert(spec, &csv)?;
        let target = out.join(format!("{}.dataset.ron", spec.id));
        bosetting::data::save_dataset_file(&dataset, &target)?;
        report(&target, &format!("{} municipalities, {} columns", dataset.len(), dataset.columns.len()))?;
        let geojson = data.join(spec.folder).join(spec.geojson);
        let text = std::fs::read_to_string(&geojson).with_context(|| format!("reading {}", geojson.display()))?;
        let (bytes, stats) = bosetting::map::build::build_map_asset_with(&text, &Default::default())
            .with_context(|| geojson.display().to_string())?;
        let target = out.join(format!("map-{}.bin", spec.year));
        std::fs::write(&target, bytes).with_context(|| format!("writing {}", target.display()))?;
        report(&target, &format!("{} shapes, {} points", stats.municipalities, stats.ring_points_after))?;
    }
    let csv = data.join(crosswalk::FOLDER).join(crosswalk::CSV);
    let file = crosswalk::convert(&csv)?;
    let target = out.join(crosswalk::ASSET);
    let text = bosetting::fileio::to_ron_pretty(&file, 2)?;
    bosetting::fileio::write_atomic(&target, text.as_bytes())
        .with_context(|| format!("writing {}", target.display()))?;
    report(&target, &format!("{} code pairs", file.pairs.len()))?;
    Ok(())
}

fn report(path: &Path, what: &str) -> Result<()> {
    let size = std::fs::metadata(path)?.len();
    println!("wrote {} ({what}, {size} bytes)", path.display());
    Ok(())
}
