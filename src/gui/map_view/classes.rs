//! The map's classes live with the map geometry, so the Map tab and the printed figures share them; the
//! follow-up statuses take their colours from the Follow-up tab.

pub use crate::map::classes::*;

/// One class per follow-up status, in the status colours (the figures use the same).
pub fn statuses() -> Classes {
    crate::figure::status_classes()
}
