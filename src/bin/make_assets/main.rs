//! Rebuilds `assets/` from the prepared public data (SSB, IMDi, Kartverket):
//! `cargo run --bin make-assets -- ../shared/data assets`.
//! Tables become the project's dataset files with full column metadata; boundaries become the compact map format.

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
    }
    Ok(())
}

fn report(path: &Path, what: &str) -> Result<()> {
    let size = std::fs::metadata(path)?.len();
    println!("wrote {} ({what}, {size} bytes)", path.display());
    Ok(())
}
