//! Why a save failed, in the window's language: the engine's message names the file and the cause in
//! English; the planner says the cause the user can act on — the disk is full, the folder is not writable — in
//! bokmål or English, by the error's kind, and keeps the system's own words for anything else.

use std::io::{Error, ErrorKind};

use crate::lang::Lang;

texts!(WriteFailureTexts {
    full: "disken er full; frigjør plass eller lagre på en annen disk",
        "the disk is full; free some space or save on another disk";
    quota: "diskkvoten din er brukt opp; frigjør plass eller lagre et annet sted",
        "your disk quota is used up; free some space or save elsewhere";
    read_only: "disken er skrivebeskyttet; lagre et annet sted", "the disk is read-only; save elsewhere";
    denied: "du har ikke skrivetilgang til filen eller mappen; lagre et annet sted eller be om skrivetilgang",
        "you may not write the file or its folder; save elsewhere or ask for write access";
    too_large: "filen er større enn programmet får skrive (ulimit -f)",
        "the file is larger than the program may write (ulimit -f)";
});

/// The cause of a failed write in words a user acts on, when its kind is one of those; `None` otherwise.
pub fn cause(e: &Error, lang: Lang) -> Option<&'static str> {
    let t = WriteFailureTexts::get(lang);
    Some(match e.kind() {
        ErrorKind::StorageFull => t.full,
        ErrorKind::QuotaExceeded => t.quota,
        ErrorKind::ReadOnlyFilesystem => t.read_only,
        ErrorKind::PermissionDenied => t.denied,
        ErrorKind::FileTooLarge => t.too_large,
        _ => return None,
    })
}

/// "FILE: cause" for a failed write of `file`, or `None` to keep the error's own message.
pub fn saying(file: &str, e: &Error, lang: Lang) -> Option<String> {
    cause(e, lang).map(|cause| format!("{file}: {cause}."))
}

/// A year file that could not be saved, said as [`saying`] says it; any other year error as it is.
pub fn year_error(e: &crate::year::YearError, lang: Lang) -> String {
    match e {
        crate::year::YearError::Write { file, source } => saying(file, source, lang),
        _ => None,
    }
    .unwrap_or_else(|| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_causes_a_user_can_act_on_are_said_in_the_windows_language() {
        let full = Error::new(ErrorKind::StorageFull, "cannot write plan.ron: the disk is full");
        assert_eq!(
            saying("/data/plan.ron", &full, Lang::Nb).as_deref(),
            Some("/data/plan.ron: disken er full; frigjør plass eller lagre på en annen disk.")
        );
        let denied = Error::from(ErrorKind::PermissionDenied);
        assert!(saying("plan.ron", &denied, Lang::En).is_some_and(|s| s.contains("may not write")));
        // Anything else keeps its own message.
        assert_eq!(saying("plan.ron", &Error::from(ErrorKind::IsADirectory), Lang::Nb), None);
    }
}
