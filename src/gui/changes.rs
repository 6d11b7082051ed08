//! Which municipalities a change brought in or left out: the model requires the planner to say so.

use crate::data::Dataset;
use crate::engine::Allocation;
use crate::lang::Lang;
use crate::numfmt;

/// Names listed before the rest is shortened to "…".
const NAMES_SHOWN: usize = 4;

texts!(ChangeTexts {
    came_in: "nye", "new";
    left: "ikke lenger anmodet", "no longer asked";
});

#[derive(Debug, Clone, PartialEq)]
pub struct ChangeNote {
    pub came_in: Vec<String>,
    pub left: Vec<String>,
}

pub fn asked_flags(allocation: &Allocation) -> Vec<bool> {
    allocation.rows.iter().map(|r| r.asked()).collect()
}

impl ChangeNote {
    /// The difference between two results on the same dataset; `None` when the same municipalities are asked.
    pub fn between(dataset: &Dataset, before: &[bool], after: &[bool]) -> Option<ChangeNote> {
        if before.len() != after.len() || before.len() != dataset.len() {
            return None;
        }
        let names = |pick: fn(bool, bool) -> bool| -> Vec<String> {
            (0..after.len()).filter(|&i| pick(before[i], after[i])).map(|i| dataset.display_name(i)).collect()
        };
        let note = ChangeNote { came_in: names(|b, a| a && !b), left: names(|b, a| b && !a) };
        (!note.came_in.is_empty() || !note.left.is_empty()).then_some(note)
    }

    pub fn text(&self, lang: Lang) -> String {
        let list = |names: &[String]| {
            let mut s = names.iter().take(NAMES_SHOWN).cloned().collect::<Vec<_>>().join(", ");
            if names.len() > NAMES_SHOWN {
                s.push_str(", …");
            }
            s
        };
        let count = |n: usize| numfmt::integer(n as f64, lang);
        let mut parts = Vec::new();
        if !self.came_in.is_empty() {
            let head = ChangeTexts::get(lang).came_in;
            parts.push(format!("{} {head}: {}", count(self.came_in.len()), list(&self.came_in)));
        }
        if !self.left.is_empty() {
            let head = ChangeTexts::get(lang).left;
            parts.push(format!("{} {head}: {}", count(self.left.len()), list(&self.left)));
        }
        parts.join("; ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_who_came_in_and_who_left() {
        let d = crate::data::embedded_dataset("norway-2020").unwrap();
        let before: Vec<bool> = (0..d.len()).map(|i| i % 2 == 0).collect();
        let mut after = before.clone();
        after[1] = true;
        after[3] = true;
        after[0] = false;
        let note = ChangeNote::between(&d, &before, &after).unwrap();
        assert_eq!(note.came_in, [d.municipalities[1].name.clone(), d.municipalities[3].name.clone()]);
        assert_eq!(note.left, [d.municipalities[0].name.clone()]);
        let text = note.text(Lang::En);
        assert!(text.starts_with("2 new: "), "{text}");
        assert!(text.contains("; 1 no longer asked: "), "{text}");
        assert!(ChangeNote::between(&d, &before, &before).is_none());
    }
}
