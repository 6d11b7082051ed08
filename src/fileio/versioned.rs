//! Versioned RON documents (scenarios, years, datasets), read one way: the file as UTF-8 text within the size
//! limit, then the strict parse — where a file from a newer program is refused for being newer, not for the
//! fields this program does not know, and version 0 is refused as not valid. Each document maps the refusal
//! to its own error, which names the file.

use std::path::Path;

use serde::de::DeserializeOwned;

use super::read::{ReadError, read_limited};
use super::ron_text::{RonError, parse_ron, peek_version};

/// Why a file could not be read as text.
#[derive(Debug)]
pub enum TextError {
    Read(ReadError),
    /// Not UTF-8: the offset of the first bad byte.
    NotUtf8 {
        file: String,
        offset: usize,
    },
}

/// A file's text and the name messages give it.
pub fn read_text(path: &Path) -> Result<(String, String), TextError> {
    let bytes = read_limited(path).map_err(TextError::Read)?;
    let file = path.display().to_string();
    match String::from_utf8(bytes) {
        Ok(text) => Ok((text, file)),
        Err(e) => Err(TextError::NotUtf8 { offset: e.utf8_error().valid_up_to(), file }),
    }
}

/// Why a versioned document was refused before its own checks.
#[derive(Debug, PartialEq)]
pub enum Refused {
    Syntax(RonError),
    /// Written by a newer program: the version found.
    Newer(u32),
    /// Version 0, which no program writes.
    Zero,
}

/// Parses `text` (named `file` in messages) as a document whose version `version` reads, up to `newest`.
pub fn parse_versioned<T: DeserializeOwned>(
    text: &str,
    file: &str,
    newest: u32,
    version: impl Fn(&T) -> u32,
) -> Result<T, Refused> {
    let document: T = parse_ron(text, file).map_err(|e| match peek_version(text) {
        Some(found) if found > newest => Refused::Newer(found),
        _ => Refused::Syntax(e),
    })?;
    match version(&document) {
        0 => Err(Refused::Zero),
        found if found > newest => Err(Refused::Newer(found)),
        _ => Ok(document),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    struct Doc {
        version: u32,
        #[allow(dead_code)]
        name: String,
    }

    fn parse(text: &str) -> Result<Doc, Refused> {
        parse_versioned(text, "doc.ron", 2, |d: &Doc| d.version)
    }

    #[test]
    fn newer_is_refused_as_newer_even_with_unknown_fields() {
        assert_eq!(parse("(version: 3, name: \"a\", colour: 1)").unwrap_err(), Refused::Newer(3));
        assert_eq!(parse("(version: 3, name: \"a\")").unwrap_err(), Refused::Newer(3));
        assert_eq!(parse("(version: 0, name: \"a\")").unwrap_err(), Refused::Zero);
        assert_eq!(parse("(version: 2, name: \"a\")").unwrap().version, 2);
        match parse("(version: 2, name: \"a\", colour: 1)") {
            Err(Refused::Syntax(e)) => assert!(e.message.contains("colour"), "{e:?}"),
            other => panic!("an unknown field in a current file is a syntax error: {other:?}"),
        }
    }

    #[test]
    fn text_that_is_not_utf8_names_its_first_bad_byte() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.ron");
        std::fs::write(&path, b"(version: 1\xff)").unwrap();
        match read_text(&path) {
            Err(TextError::NotUtf8 { offset, file }) => {
                assert_eq!(offset, 11);
                assert!(file.ends_with("x.ron"));
            }
            other => panic!("{other:?}"),
        }
    }
}
