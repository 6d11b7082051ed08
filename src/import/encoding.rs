//! Character encoding detection.
//!
//! SSB statbank downloads are ISO-8859-1, Excel on Norwegian Windows saves Windows-1252, newer tools
//! save UTF-8 (Excel's "CSV UTF-8" with a byte order mark), and Excel's "Unicode text" is UTF-16 with
//! a byte order mark. The rule:
//!
//! 1. a byte order mark decides (UTF-8, UTF-16LE, UTF-16BE), and is removed;
//! 2. otherwise bytes that are valid UTF-8 are UTF-8;
//! 3. otherwise the bytes are Windows-1252, a superset of ISO-8859-1 for every printable character
//!    (`æ ø å Æ Ø Å á` decode the same; `š ž Š Ž` only exist in Windows-1252).
//!
//! Decoding never fails: Windows-1252 maps every byte to some character.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// Name reported for UTF-8 without a byte order mark (plain ASCII included).
pub const UTF8: &str = "UTF-8";
/// Name reported for UTF-8 that started with a byte order mark.
pub const UTF8_BOM: &str = "UTF-8 with BOM";
/// Name reported for UTF-16 little endian with a byte order mark.
pub const UTF16LE: &str = "UTF-16LE";
/// Name reported for UTF-16 big endian with a byte order mark.
pub const UTF16BE: &str = "UTF-16BE";
/// Name reported for text that is not valid UTF-8 (ISO-8859-1 or Windows-1252).
pub const WINDOWS1252: &str = "windows-1252";

/// Text decoded from a file, with the name of the encoding that was detected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// One of [`UTF8`], [`UTF8_BOM`], [`UTF16LE`], [`UTF16BE`], [`WINDOWS1252`].
    pub encoding: &'static str,
}

/// Detects the encoding of `bytes` and decodes them (see the module docs for the rule).
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let rest = &bytes[bom_len..];
        let name = if encoding == UTF_8 {
            UTF8_BOM
        } else if encoding == encoding_rs::UTF_16LE {
            UTF16LE
        } else {
            UTF16BE
        };
        // Malformed sequences become U+FFFD; the table parser reports what follows from that.
        let (text, _had_errors) = encoding.decode_without_bom_handling(rest);
        return Decoded { text: text.into_owned(), encoding: name };
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded { text: text.to_owned(), encoding: UTF8 },
        Err(_) => {
            let (text, _had_errors) = WINDOWS_1252.decode_without_bom_handling(bytes);
            Decoded { text: text.into_owned(), encoding: WINDOWS1252 }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LATIN1: &[u8] =
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import/plain_tab_latin1.tsv"));
    const UTF8_BOM_FILE: &[u8] =
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import/plain_comma_utf8_bom.csv"));

    #[test]
    fn latin1_file_decodes_norwegian_letters() {
        assert!(LATIN1.windows(2).any(|w| w == b"B\xE6"), "fixture must be Latin-1");
        let d = decode(LATIN1);
        assert_eq!(d.encoding, WINDOWS1252);
        for name in ["Bærum", "Ålesund", "Tromsø", "Unjárga - Nesseby", "Øvre Eiker", "Ås"] {
            assert!(d.text.contains(name), "{name} missing in {:?}", d.text);
        }
    }

    #[test]
    fn utf8_bom_is_detected_and_removed() {
        assert!(UTF8_BOM_FILE.starts_with(b"\xEF\xBB\xBF"));
        let d = decode(UTF8_BOM_FILE);
        assert_eq!(d.encoding, UTF8_BOM);
        assert!(!d.text.starts_with('\u{FEFF}'));
        assert!(d.text.contains("Guovdageaidnu - Kautokeino"));
    }

    #[test]
    fn plain_utf8_and_windows_1252_only_letters() {
        let d = decode("Kárášjohka - Karasjok; Porsáŋgu".as_bytes());
        assert_eq!(d.encoding, UTF8);
        assert_eq!(d.text, "Kárášjohka - Karasjok; Porsáŋgu");
        // š is 0x9A and ž is 0x9E in Windows-1252 but control codes in ISO-8859-1.
        let d = decode(b"K\xE1r\xE1\x9Ajohka \x9E \xE6\xF8\xE5 \xC6\xD8\xC5");
        assert_eq!(d.encoding, WINDOWS1252);
        assert_eq!(d.text, "Kárášjohka ž æøå ÆØÅ");
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for unit in "kode\tØrland".encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
            be.extend_from_slice(&unit.to_be_bytes());
        }
        assert_eq!(decode(&le).text, "kode\tØrland");
        assert_eq!(decode(&le).encoding, UTF16LE);
        assert_eq!(decode(&be).text, "kode\tØrland");
        assert_eq!(decode(&be).encoding, UTF16BE);
        // An odd trailing byte does not panic.
        le.push(0x41);
        let _ = decode(&le);
    }
}
