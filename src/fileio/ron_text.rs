//! RON with the options every document of ours uses, and errors that carry a line and column.

use serde::Serialize;
use serde::de::DeserializeOwned;

/// Deep nesting is refused long before it could exhaust the stack.
const RECURSION_LIMIT: usize = 64;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{file}, line {line}, column {column}: {message}")]
pub struct RonError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

fn options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(RECURSION_LIMIT)
}

/// Parses RON text; `file` names the source in messages.
pub fn parse_ron<T: DeserializeOwned>(text: &str, file: &str) -> Result<T, RonError> {
    let text = without_bom(text);
    options().from_str(text).map_err(|e| {
        let (line, column) = with_any_line_ends(text, e.span.start.line, e.span.start.col);
        RonError { file: file.to_owned(), line, column, message: e.code.to_string() }
    })
}

/// The parser counts lines by `\n` only; a file saved with old Mac line ends (lone `\r`) would be "line 1,
/// column 678". Converts the parser's position to lines ended by `\n`, `\r\n` or `\r`.
fn with_any_line_ends(text: &str, line: usize, column: usize) -> (usize, usize) {
    let lone_cr = text.as_bytes().windows(2).any(|w| w[0] == b'\r' && w[1] != b'\n') || text.ends_with('\r');
    if !lone_cr || line == 0 {
        return (line, column);
    }
    // The parser's line starts after its (line - 1)th `\n`; the column counts characters from there.
    let start = match line {
        1 => 0,
        _ => text.match_indices('\n').nth(line - 2).map_or(text.len(), |(i, _)| i + 1),
    };
    let offset = text[start..].char_indices().nth(column.saturating_sub(1)).map_or(text.len(), |(i, _)| start + i);
    let (mut line, mut column) = (1, 1);
    let mut chars = text[..offset].chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\n' => {
                line += 1;
                column = 1;
            }
            _ => column += 1,
        }
    }
    (line, column)
}

/// The text without a leading byte-order mark, which Windows editors add to UTF-8 files and RON rejects.
pub fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Pretty RON; structures nested deeper than `depth` stay on one line (a dataset row, a criterion).
pub fn to_ron_pretty<T: Serialize>(value: &T, depth: usize) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new().struct_names(false).depth_limit(depth).indentor("    ".to_owned());
    let mut text = options().to_string_pretty(value, config)?;
    text.push('\n');
    Ok(text)
}

/// The document's `version` (or `format`) number, read leniently before the strict parse, so a file
/// from a newer program is refused as such rather than for its unknown fields.
pub fn peek_version(text: &str) -> Option<u32> {
    #[derive(serde::Deserialize)]
    struct Peek {
        #[serde(alias = "format")]
        version: Option<u32>,
    }
    options().from_str::<Peek>(without_bom(text)).ok().and_then(|p| p.version)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Doc {
        version: u32,
        name: String,
    }

    #[test]
    fn a_byte_order_mark_is_ignored() {
        let doc: Doc = parse_ron("\u{feff}(\n    version: 1,\n    name: \"x\",\n)", "a.ron").unwrap();
        assert_eq!(doc, Doc { version: 1, name: "x".into() });
        assert_eq!(peek_version("\u{feff}(version: 7, name: \"x\")"), Some(7));
    }

    #[test]
    fn old_mac_line_ends_give_the_right_line() {
        let e = parse_ron::<Doc>("(\r    version: 1,\r    colour: 3,\r)", "a.ron").unwrap_err();
        assert_eq!((e.line, e.column), (3, 5), "{e}");
        let e = parse_ron::<Doc>("(\n    version: 1,\n    colour: 3,\n)", "a.ron").unwrap_err();
        assert_eq!((e.line, e.column), (3, 5), "{e}");
    }

    #[test]
    fn errors_after_a_byte_order_mark_keep_their_lines() {
        let e = parse_ron::<Doc>("\u{feff}(\n    version: 1,\n    colour: 3,\n)", "a.ron").unwrap_err();
        assert_eq!((e.line, e.file.as_str()), (3, "a.ron"));
        assert!(e.message.contains("colour"), "{}", e.message);
    }
}
