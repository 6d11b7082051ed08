//! Errors that make a file unusable as a table.
//!
//! Every message starts with the file's name and, where a position is known, the line (and the
//! character column for syntax errors), so it can be shown to the analyst as it is.

use thiserror::Error;

/// Largest file `read_table` accepts: 64 MiB. A full SSB municipality table is a few megabytes.
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;

/// Most cells a table may have: each costs eight bytes besides its text (see [`Rows`](super::Rows)), so this
/// and the file size bound the memory an import takes (about 0.2 GB at the limit; see the `input_memory`
/// benchmark). An SSB API request returns at most 800 000 values, a few cells each.
pub const MAX_TABLE_CELLS: usize = 6_000_000;

/// Why a file could not be read as a table.
///
/// `file` is the `source_name` given to [`read_table`](super::read_table); `line` is 1-based.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ImportError {
    /// Zero bytes, or nothing but whitespace and blank lines.
    #[error("{file}: the file is empty{detail}")]
    Empty {
        file: String,
        /// Empty, or a short remark such as " (only blank lines)".
        detail: String,
    },

    /// Larger than [`MAX_FILE_BYTES`].
    #[error(
        "{file}: the file is {size} bytes; files larger than 64 MiB ({max} bytes) are refused",
        max = MAX_FILE_BYTES
    )]
    TooLarge { file: String, size: usize },

    /// More than [`MAX_TABLE_CELLS`] cells, refused before they are made.
    #[error(
        "{file}: the table has {cells} cells, more than the {max} this program imports; download a smaller \
         selection (fewer years, ages or other dimensions)",
        max = MAX_TABLE_CELLS
    )]
    TooManyCells { file: String, cells: usize },

    /// The cells' text would take more than 4 GiB in memory (never for a file within the size limit).
    #[error("{file}: the table's text takes more than 4 GiB in memory; download a smaller selection")]
    TableTooLarge { file: String },

    /// Not a delimited text table or JSON-stat (a workbook, a web page, binary data, one column).
    #[error("{file}, line {line}: not a table: {cause}")]
    NotATable { file: String, line: usize, cause: String },

    /// A row whose number of fields differs from the header's.
    #[error(
        "{file}, line {line}: not a table: this row has {found} fields but the header on line \
         {header_line} has {expected}{hint}"
    )]
    RaggedRow {
        file: String,
        line: usize,
        header_line: usize,
        expected: usize,
        found: usize,
        /// Empty, or a remark starting with "; " (for example about quoting).
        hint: String,
    },

    /// A field that opens a quote which is never closed.
    #[error(
        "{file}, line {line}, column {column}: a quoted field starts here but its closing quote \
         (\") is missing"
    )]
    UnclosedQuote { file: String, line: usize, column: usize },

    /// The first row of the table is data, not column names.
    #[error("{file}, line {line}: no header: {cause}")]
    NoHeader { file: String, line: usize, cause: String },

    /// The file starts like JSON but does not parse.
    #[error("{file}, line {line}, column {column}: invalid JSON: {cause}")]
    Json { file: String, line: usize, column: usize, cause: String },

    /// Valid JSON that is not a usable JSON-stat 2.0 dataset; `path` names the field,
    /// for example `dimension.Region.category.index`.
    #[error("{file}: invalid JSON-stat at `{path}`: {cause}")]
    JsonStat { file: String, path: String, cause: String },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_file_line_and_cause() {
        let e = ImportError::RaggedRow {
            file: "a.csv".into(),
            line: 7,
            header_line: 3,
            expected: 3,
            found: 4,
            hint: String::new(),
        };
        assert_eq!(e.to_string(), "a.csv, line 7: not a table: this row has 4 fields but the header on line 3 has 3");
        let e = ImportError::UnclosedQuote { file: "b.csv".into(), line: 2, column: 5 };
        assert!(e.to_string().starts_with("b.csv, line 2, column 5: "));
        let e = ImportError::TooLarge { file: "c.csv".into(), size: MAX_FILE_BYTES + 1 };
        assert!(e.to_string().contains("67108865 bytes"));
        let e = ImportError::TooManyCells { file: "e.csv".into(), cells: 7_000_000 };
        assert!(e.to_string().starts_with("e.csv: the table has 7000000 cells, more than the 6000000"), "{e}");
        let e = ImportError::JsonStat { file: "d.json".into(), path: "size[1]".into(), cause: "not a number".into() };
        assert_eq!(e.to_string(), "d.json: invalid JSON-stat at `size[1]`: not a number");
    }
}
