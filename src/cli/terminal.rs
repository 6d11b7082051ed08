//! Text for the terminal: an error chain with each cause said once, and text from files with its control
//! characters made visible, so a scenario name cannot move the cursor, clear the screen or reverse a line.

use std::borrow::Cow;

/// The error and its causes joined by ": ", leaving out a cause whose text an outer message already contains
/// (many errors put their cause in their own message and also return it as `source()`).
pub fn error_text(error: &anyhow::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    for cause in error.chain() {
        let text = cause.to_string();
        if text.is_empty() || parts.iter().any(|p| p.contains(&text)) {
            continue;
        }
        parts.push(text);
    }
    parts.join(": ")
}

/// Characters that change how a terminal shows what follows: C0 and C1 controls (ESC, CR, BEL, ...), DEL, and
/// the bidirectional formatting characters that reorder a line.
fn is_dangerous(c: char) -> bool {
    c.is_control() || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every dangerous character written as `\u{..}`; line breaks and tabs are kept when
/// `keep_lines` (a multi-line report), escaped otherwise (a name within a line).
pub fn escape(text: &str, keep_lines: bool) -> Cow<'_, str> {
    let dangerous = |c: char| is_dangerous(c) && !(keep_lines && (c == '\n' || c == '\t'));
    if !text.chars().any(dangerous) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if dangerous(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// [`escape`] for a whole report or message: lines kept.
pub fn safe(text: &str) -> Cow<'_, str> {
    escape(text, true)
}

/// [`escape`] for a message of one line (a warning, a note): a line break in a name read from a file is shown
/// as `\u{a}`, so a file cannot forge a line of its own.
pub fn line(text: &str) -> Cow<'_, str> {
    escape(text, false)
}

/// Prints `lines` on standard error, one each ([`line`]), at most `max` of them and then how many more there
/// are: a file with a million ties does not write a million lines.
pub fn eprint_lines(lines: impl IntoIterator<Item = String>, max: usize, more: impl Fn(usize) -> String) {
    let mut left_out = 0usize;
    for (i, text) in lines.into_iter().enumerate() {
        if i < max {
            eprintln!("{}", line(&text));
        } else {
            left_out += 1;
        }
    }
    if left_out > 0 {
        eprintln!("{}", line(&more(left_out)));
    }
}

/// Writes a command's result to standard output: on a terminal with control characters made visible (text
/// from a file cannot move the cursor or forge a line), into a pipe or a file as it is.
pub fn print_result(bytes: &[u8]) -> std::io::Result<()> {
    use std::io::{IsTerminal, Write};
    let mut out = std::io::stdout().lock();
    match std::str::from_utf8(bytes) {
        Ok(text) if out.is_terminal() => out.write_all(safe(text).as_bytes())?,
        _ => out.write_all(bytes)?,
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, thiserror::Error)]
    #[error("a.ron: cannot read the file: {source}")]
    struct Embeds {
        source: std::io::Error,
    }

    #[test]
    fn each_cause_is_printed_once() {
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "No such file or directory (os error 2)");
        let e = anyhow::Error::new(Embeds { source: io }).context("plan.ron: dataset");
        assert_eq!(
            error_text(&e),
            "plan.ron: dataset: a.ron: cannot read the file: No such file or directory (os error 2)"
        );
        let plain = anyhow::anyhow!("disk full").context("writing out.csv");
        assert_eq!(error_text(&plain), "writing out.csv: disk full");
    }

    #[test]
    fn control_and_bidi_characters_are_made_visible() {
        assert_eq!(escape("Oslo\u{1b}[2J\r", false), "Oslo\\u{1b}[2J\\u{d}");
        assert_eq!(escape("abc\u{202E}fed", false), "abc\\u{202e}fed");
        assert_eq!(escape("a\nb\tc", true), "a\nb\tc");
        assert_eq!(escape("a\nb", false), "a\\u{a}b");
        assert_eq!(escape("\u{9b}31m", true), "\\u{9b}31m");
        assert!(matches!(escape("Bærum – Guovdageaidnu", false), Cow::Borrowed(_)));
    }
}
