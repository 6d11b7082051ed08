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
    options().from_str(without_bom(text)).map_err(|e| RonError {
        file: file.to_owned(),
        line: e.span.start.line,
        column: e.span.start.col,
        message: e.code.to_string(),
    })
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
    fn errors_after_a_byte_order_mark_keep_their_lines() {
        let e = parse_ron::<Doc>("\u{feff}(\n    version: 1,\n    colour: 3,\n)", "a.ron").unwrap_err();
        assert_eq!((e.line, e.file.as_str()), (3, "a.ron"));
        assert!(e.message.contains("colour"), "{}", e.message);
    }
}
