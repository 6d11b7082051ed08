//! When the need moves enough, the national committee reconsiders the county distribution: by default when
//! the total moves by more than 10 %, or grows by 750 people, or the unaccompanied minors by 150.

/// The year's need: the total, of which unaccompanied minors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NeedFigures {
    pub total: u32,
    pub minors: u32,
}

/// The moves of the need that call for a new county distribution.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Threshold {
    /// A relative move of the total, either way (0.10 = 10 %).
    pub share: f64,
    /// A rise of the total, in people.
    pub people: u32,
    /// A rise of the minors, in people.
    pub minors: u32,
}

impl Default for Threshold {
    fn default() -> Self {
        Threshold { share: 0.10, people: 750, minors: 150 }
    }
}

/// Which part of the threshold a move of the need crossed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Reconsider {
    /// The total moved by this share (signed).
    Share(f64),
    /// The total rose by this many people.
    People(u32),
    /// The minors rose by this many.
    Minors(u32),
}

impl Reconsider {
    pub fn message(self, lang: crate::lang::Lang) -> String {
        use crate::lang::Lang;
        match (self, lang) {
            (Reconsider::Share(s), Lang::Nb) => format!(
                "Behovet er endret med {} %: fylkesfordelingen bør vurderes på nytt.",
                crate::numfmt::decimal(s * 100.0, 1, lang)
            ),
            (Reconsider::Share(s), Lang::En) => {
                format!("The need moved by {:.1} %: the county distribution should be reconsidered.", s * 100.0)
            }
            (Reconsider::People(p), Lang::Nb) => {
                format!("Behovet har økt med {p} personer: fylkesfordelingen bør vurderes på nytt.")
            }
            (Reconsider::People(p), Lang::En) => {
                format!("The need rose by {p} people: the county distribution should be reconsidered.")
            }
            (Reconsider::Minors(m), Lang::Nb) => {
                format!("Behovet for enslige mindreårige har økt med {m}: fylkesfordelingen bør vurderes på nytt.")
            }
            (Reconsider::Minors(m), Lang::En) => format!(
                "The need for unaccompanied minors rose by {m}: the county distribution should be reconsidered."
            ),
        }
    }
}

/// Whether moving the need from `before` to `after` crosses `threshold` (strictly more than it), and how.
pub fn should_reconsider(before: NeedFigures, after: NeedFigures, threshold: Threshold) -> Option<Reconsider> {
    let moved = f64::from(after.total) - f64::from(before.total);
    if before.total > 0 && (moved / f64::from(before.total)).abs() > threshold.share {
        return Some(Reconsider::Share(moved / f64::from(before.total)));
    }
    if before.total == 0 && after.total > 0 {
        return Some(Reconsider::Share(1.0));
    }
    let rise = after.total.saturating_sub(before.total);
    if rise > threshold.people {
        return Some(Reconsider::People(rise));
    }
    let minors = after.minors.saturating_sub(before.minors);
    (minors > threshold.minors).then_some(Reconsider::Minors(minors))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn need(total: u32, minors: u32) -> NeedFigures {
        NeedFigures { total, minors }
    }

    #[test]
    fn each_part_of_the_threshold_is_strict() {
        let t = Threshold::default();
        assert_eq!(should_reconsider(need(5000, 100), need(5500, 100), t), None, "exactly 10 %");
        assert!(matches!(should_reconsider(need(5000, 100), need(5501, 100), t), Some(Reconsider::Share(_))));
        assert!(
            matches!(should_reconsider(need(5000, 100), need(4499, 100), t), Some(Reconsider::Share(s)) if s < 0.0)
        );
        assert_eq!(should_reconsider(need(36985, 0), need(37735, 0), t), None, "exactly 750");
        assert_eq!(should_reconsider(need(36985, 0), need(37736, 0), t), Some(Reconsider::People(751)));
        assert_eq!(should_reconsider(need(36985, 400), need(36985, 550), t), None);
        assert_eq!(should_reconsider(need(36985, 400), need(36985, 551), t), Some(Reconsider::Minors(151)));
        assert_eq!(should_reconsider(need(36985, 400), need(36000, 300), t), None, "a small fall");
    }
}
