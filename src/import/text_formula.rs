//! Cells written as text formulas: `="0301"` is how a CSV for Excel keeps a code's leading zero (the planner's
//! own Norwegian CSV writes codes this way). Every CSV reader takes such a cell as the text inside it.

/// The text of a `="…"` cell (`="0301"` → `0301`); any other cell as it is. Only the plain form counts: a
/// formula with more in it (`="03"&"01"`, `=A1`) is left alone.
pub fn text_formula_value(cell: &str) -> &str {
    match cell.strip_prefix("=\"").and_then(|rest| rest.strip_suffix('"')) {
        Some(inner) if !inner.contains('"') => inner,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_formulas_give_their_text() {
        assert_eq!(text_formula_value("=\"0301\""), "0301");
        assert_eq!(text_formula_value("=\"03\""), "03");
        assert_eq!(text_formula_value("=\"\""), "");
        assert_eq!(text_formula_value("0301"), "0301");
        assert_eq!(text_formula_value("=\"03\"&\"01\""), "=\"03\"&\"01\"");
        assert_eq!(text_formula_value("=A1"), "=A1");
        assert_eq!(text_formula_value("=\"0301"), "=\"0301");
        assert_eq!(text_formula_value("=\""), "=\"");
        assert_eq!(text_formula_value("'=\"0301\""), "'=\"0301\"");
    }
}
