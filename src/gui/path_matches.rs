//! Help for the in-app path field (no native dialog): the folder a relative name is taken from, and the
//! entries there that start with what is typed, so a file can be found without a browser.

use std::path::{MAIN_SEPARATOR, Path};

/// Entries listed under the field; the rest are found by typing more.
pub const MAX_LISTED: usize = 12;

/// The entries of the folder named by `text` (relative to `base` unless absolute) whose names start with its
/// last part, case aside, as texts for the field: folders end with the separator, so choosing one lists it.
/// Hidden entries only when the typed part starts with a dot. An unreadable folder lists nothing.
pub fn matches(text: &str, base: &Path) -> Vec<String> {
    let split = text.rfind(['/', MAIN_SEPARATOR]).map_or(0, |i| i + 1);
    let (folder, prefix) = text.split_at(split);
    let prefix = prefix.to_lowercase();
    let dir = if folder.is_empty() { base.to_path_buf() } else { base.join(folder) };
    let Ok(entries) = std::fs::read_dir(&dir) else { return Vec::new() };
    let mut found: Vec<String> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let shown = name.to_lowercase().starts_with(&prefix) && (prefix.starts_with('.') || !name.starts_with('.'));
            let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
            shown.then(|| format!("{folder}{name}{}", if is_dir { "/" } else { "" }))
        })
        .collect();
    found.sort();
    found.truncate(MAX_LISTED);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_what_starts_with_the_typed_name_in_the_typed_folder() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("planer")).unwrap();
        for name in ["planer/Oslo-variant.ron", "planer/oslo.csv", "planer/bergen.ron", "planer/.skjult", "plan.ron"] {
            std::fs::write(dir.path().join(name), "").unwrap();
        }
        assert_eq!(matches("pla", dir.path()), ["plan.ron", "planer/"]);
        assert_eq!(matches("planer/osl", dir.path()), ["planer/Oslo-variant.ron", "planer/oslo.csv"]);
        assert_eq!(matches("planer/", dir.path()), ["planer/Oslo-variant.ron", "planer/bergen.ron", "planer/oslo.csv"]);
        assert_eq!(matches("planer/.", dir.path()), ["planer/.skjult"]);
        assert!(matches("finnes-ikke/x", dir.path()).is_empty());
        let absolute = format!("{}/planer/b", dir.path().display());
        assert_eq!(
            matches(&absolute, Path::new("/elsewhere")),
            [format!("{}/planer/bergen.ron", dir.path().display())]
        );
    }
}
