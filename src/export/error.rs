//! Why an export failed: the workbook could not be built, or the file could not be written.

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("the spreadsheet could not be built: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error("cannot write {path}: {source}")]
    Write { path: String, source: std::io::Error },
}

impl ExportError {
    pub(crate) fn write(path: &std::path::Path, source: std::io::Error) -> Self {
        ExportError::Write { path: path.display().to_string(), source }
    }
}
