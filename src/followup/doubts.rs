//! Numbers that are valid but that no municipality can have, and inputs that do not fit the follow-up: warned
//! about by every command that takes them, naming the municipality (as `check` does for the target).

use super::FollowUp;
use crate::data::Dataset;

/// Above this many refugees per 1,000 inhabitants (one in ten) a number is taken for a mistake. IMDi's largest
/// requests are a few per 1,000.
pub const IMPLAUSIBLE_PER_1000: f64 = 100.0;

/// One sentence for each municipality whose number in `values` (per dataset row) is above its population or
/// above [`IMPLAUSIBLE_PER_1000`]; `what` names the numbers ("column \"vedtak_2024\"", "the revised request").
pub fn implausible_counts(dataset: &Dataset, what: &str, values: impl IntoIterator<Item = Option<u32>>) -> Vec<String> {
    dataset
        .municipalities
        .iter()
        .zip(values)
        .filter_map(|(m, v)| {
            let v = v?;
            let per_1000 = f64::from(v) / m.population * 1000.0;
            let why = if f64::from(v) > m.population {
                format!("more than its population ({})", m.population)
            } else if per_1000 > IMPLAUSIBLE_PER_1000 {
                format!("{per_1000:.0} per 1,000 inhabitants (population {})", m.population)
            } else {
                return None;
            };
            Some(format!("{what}: {} ({}) has {v}, {why}", m.name, m.code))
        })
        .collect()
}

/// Decisions of municipalities that were not asked: they count as decided places, not as answers.
pub fn unasked_decisions(dataset: &Dataset, f: &FollowUp) -> Option<String> {
    let listed: Vec<String> = dataset
        .municipalities
        .iter()
        .zip(&f.rows)
        .filter(|(_, s)| s.request == 0 && s.decision.is_some_and(|d| d > 0))
        .map(|(m, s)| format!("{} ({}) {}", m.name, m.code, s.decision.unwrap_or(0)))
        .collect();
    if listed.is_empty() {
        return None;
    }
    Some(format!(
        "{} municipalities that were not asked have a decision ({}); their places count as decided, but not as \
         answers to the request",
        listed.len(),
        listed.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::embedded_dataset;
    use crate::followup::{column_counts, follow_up};

    #[test]
    fn the_2024_request_and_decisions_are_plausible() {
        let d = embedded_dataset("norway-2024").unwrap();
        for column in ["anmodning_2024", "vedtak_2024", "bosatt_2024_delaar"] {
            let values = column_counts(&d, column).unwrap();
            assert_eq!(implausible_counts(&d, column, values), Vec::<String>::new());
        }
    }

    #[test]
    fn a_number_above_the_population_or_one_in_ten_is_named() {
        let d = embedded_dataset("norway-2024").unwrap();
        let smallest = d.municipalities.iter().min_by(|a, b| a.population.total_cmp(&b.population)).unwrap();
        let i = d.municipalities.iter().position(|m| m.code == smallest.code).unwrap();
        let mut values = vec![None; d.len()];
        values[i] = Some(1_000_000_000);
        assert_eq!(
            implausible_counts(&d, "the decision", values.clone()),
            [format!(
                "the decision: {} ({}) has 1000000000, more than its population ({})",
                smallest.name, smallest.code, smallest.population
            )]
        );
        let tenth = (smallest.population / 5.0) as u32;
        values[i] = Some(tenth);
        let w = implausible_counts(&d, "x", values);
        assert_eq!(w.len(), 1);
        assert!(
            w[0].ends_with(&format!("has {tenth}, 200 per 1,000 inhabitants (population {})", smallest.population)),
            "{w:?}"
        );
    }

    #[test]
    fn decisions_without_a_request_are_listed() {
        let d = embedded_dataset("norway-2024").unwrap();
        let request: Vec<u32> = column_counts(&d, "anmodning_2024").unwrap().iter().map(|v| v.unwrap_or(0)).collect();
        let mut decisions = column_counts(&d, "vedtak_2024").unwrap();
        let f = follow_up(&d, 36_985, &request, &decisions, None).unwrap();
        let before = unasked_decisions(&d, &f);
        let i = request.iter().position(|&r| r == 0).expect("someone not asked");
        decisions[i] = Some(7);
        let f = follow_up(&d, 36_985, &request, &decisions, None).unwrap();
        let after = unasked_decisions(&d, &f).unwrap();
        assert_ne!(before.as_deref(), Some(after.as_str()));
        let m = &d.municipalities[i];
        assert!(after.contains(&format!("{} ({}) 7", m.name, m.code)), "{after}");
    }
}
