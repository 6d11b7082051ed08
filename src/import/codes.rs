//! Municipality codes (kommunenummer) in region cells.

/// A municipality code found in a cell, with the name that followed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CodeInCell {
    /// Four digits.
    pub code: String,
    /// Text after the code (`"Halden"` in `"K-3001 Halden"`), empty if none.
    pub label: String,
    /// The cell cannot be an ordinary number: it has SSB's `K-` prefix, a name, or a leading zero.
    pub strong: bool,
}

/// The four-digit municipality code in a region cell, or `None`.
///
/// | cell | result |
/// |---|---|
/// | `"K-3001 Halden"`, `"K-3001"`, `"K_3001"` | `"3001"` (SSB statbank and JSON-stat) |
/// | `"0301 Oslo"`, `"0301"`, `"5612 Guovdageaidnu - Kautokeino"` | `"0301"`, `"0301"`, `"5612"` |
/// | `"301"` | `"0301"`: a bare three-digit number is taken as a code whose leading zero was dropped by a spreadsheet (Oslo 0301, Halden 0101 before 2020); `"301 Oslo"` is not padded |
/// | `"F-30"`, `"F-30 Viken"`, `"30 Viken"` | `None`: county, not municipality |
/// | `"0 Hele landet"`, `"EAK"`, `"30011"`, `"3001,5"`, `"0 years"` | `None` |
///
/// The code is checked for form only; whether it exists is for
/// [`match_codes`](super::match_codes) to say.
pub fn municipality_code(cell: &str) -> Option<String> {
    code_in_cell(cell).map(|c| c.code)
}

/// The code, label and strength of a region cell (see [`municipality_code`]).
pub(crate) fn code_in_cell(cell: &str) -> Option<CodeInCell> {
    let s = cell.trim();
    let (prefixed, rest) = match s.strip_prefix("K-").or_else(|| s.strip_prefix("K_")) {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let n = rest.bytes().take_while(u8::is_ascii_digit).count();
    match n {
        4 => {
            let code = &rest[..4];
            let after = &rest[4..];
            if after.is_empty() {
                return Some(CodeInCell {
                    code: code.to_owned(),
                    label: String::new(),
                    strong: prefixed || code.starts_with('0'),
                });
            }
            if !after.starts_with(char::is_whitespace) {
                return None;
            }
            // "3001 Halden", "3001 - Halden": the name must start with a letter.
            let label = after.trim_start_matches(|c: char| c.is_whitespace() || c == '-' || c == '–');
            if !label.starts_with(char::is_alphabetic) {
                return None;
            }
            Some(CodeInCell { code: code.to_owned(), label: label.trim_end().to_owned(), strong: true })
        }
        3 if !prefixed && rest.len() == 3 => {
            Some(CodeInCell { code: format!("0{rest}"), label: String::new(), strong: false })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_in_region_cells() {
        let cases = [
            ("K-3001 Halden", Some("3001")),
            ("K-3001", Some("3001")),
            ("K_3001", Some("3001")),
            ("0301 Oslo", Some("0301")),
            ("  0301  ", Some("0301")),
            ("3001 - Halden", Some("3001")),
            ("5612 Guovdageaidnu - Kautokeino", Some("5612")),
            ("K-5636 Unjárga - Nesseby", Some("5636")),
            ("301", Some("0301")),
            ("301 Oslo", None),
            ("K-301", None),
            ("F-30", None),
            ("F-30 Viken", None),
            ("30 Viken", None),
            ("0 Hele landet", None),
            ("EAK", None),
            ("30011", None),
            ("3001,5", None),
            ("3001.5", None),
            ("3001 5", None),
            ("0 years", None),
            ("100 years", None),
            ("Halden", None),
            ("", None),
            ("K-", None),
            ("3001Halden", None),
        ];
        for (cell, want) in cases {
            assert_eq!(municipality_code(cell).as_deref(), want, "{cell:?}");
        }
    }

    #[test]
    fn labels_and_strength() {
        let c = code_in_cell("K-5610 Kárášjohka - Karasjok").unwrap();
        assert_eq!(c.label, "Kárášjohka - Karasjok");
        assert!(c.strong);
        let c = code_in_cell("3201 Bærum ").unwrap();
        assert_eq!((c.code.as_str(), c.label.as_str(), c.strong), ("3201", "Bærum", true));
        assert!(code_in_cell("0301").unwrap().strong);
        assert!(!code_in_cell("3001").unwrap().strong);
        assert!(!code_in_cell("301").unwrap().strong);
        assert!(code_in_cell("K-3001").unwrap().strong);
        assert_eq!(code_in_cell("1508 Ålesund").unwrap().label, "Ålesund");
    }
}
