//! The map's classes live with the map geometry, so the Map tab and the printed figures share them; the
//! follow-up statuses take their colours from the Follow-up tab.

pub use crate::map::classes::*;

use super::palette;

/// One class per follow-up status, in the status colours.
pub fn statuses() -> Classes {
    Classes::categories(
        super::measure::STATUS_CLASSES
            .iter()
            .map(|a| crate::gui::followup_view::answer_colour(*a).unwrap_or(palette::NO_DATA))
            .collect(),
    )
}
