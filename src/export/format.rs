//! Picking the export by file type, for a save dialog: one call writes whichever file the user asked for.

use std::path::Path;

use super::{ExportError, write_csv_file, write_xlsx};
use crate::data::Dataset;
use crate::engine::Allocation;
use crate::lang::Lang;
use crate::report::{CsvStyle, result_table};
use crate::scenario::Scenario;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Xlsx,
    Csv(CsvStyle),
}

impl ExportFormat {
    /// From a file name's extension (`.xlsx`, `.csv`; any case). CSV gets the Norwegian Excel style.
    pub fn from_path(path: &Path) -> Option<ExportFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "xlsx" => Some(ExportFormat::Xlsx),
            "csv" => Some(ExportFormat::Csv(CsvStyle::default())),
            _ => None,
        }
    }

    /// The extension a file of this format should have, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Xlsx => "xlsx",
            ExportFormat::Csv(_) => "csv",
        }
    }
}

/// Writes the allocation to `path` in `format`, atomically. `saved_at` is the date text for the workbook.
#[allow(clippy::too_many_arguments)]
pub fn export_to_file(
    path: &Path,
    format: ExportFormat,
    dataset: &Dataset,
    scenario: &Scenario,
    allocation: &Allocation,
    lang: Lang,
    saved_at: &str,
    extra: &[crate::report::ExtraColumn],
) -> Result<(), ExportError> {
    match format {
        ExportFormat::Xlsx => write_xlsx(path, dataset, scenario, allocation, lang, saved_at, extra),
        ExportFormat::Csv(style) => {
            write_csv_file(path, &result_table(dataset, scenario, allocation, lang).with_extra(extra), style)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::test_data;

    #[test]
    fn format_from_extension() {
        assert_eq!(ExportFormat::from_path(Path::new("a/Plan.XLSX")), Some(ExportFormat::Xlsx));
        assert_eq!(ExportFormat::from_path(Path::new("plan.csv")), Some(ExportFormat::Csv(CsvStyle::ExcelNo)));
        assert_eq!(ExportFormat::from_path(Path::new("plan.ods")), None);
        assert_eq!(ExportFormat::from_path(Path::new("plan")), None);
        assert_eq!(ExportFormat::Csv(CsvStyle::Plain).extension(), "csv");
    }

    #[test]
    fn writes_either_format() {
        let (d, s, a) = test_data::imdi_2020_case();
        let dir = tempfile::tempdir().unwrap();
        for (name, format) in [("p.xlsx", ExportFormat::Xlsx), ("p.csv", ExportFormat::Csv(CsvStyle::Plain))] {
            let path = dir.path().join(name);
            export_to_file(&path, format, &d, &s, &a, Lang::En, "2025-03-01", &[]).unwrap();
            let bytes = std::fs::read(&path).unwrap();
            match format {
                ExportFormat::Xlsx => assert!(bytes.starts_with(b"PK")),
                ExportFormat::Csv(_) => assert!(bytes.starts_with(b"Code,Municipality")),
            }
        }
    }
}
