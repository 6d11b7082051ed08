//! The national history a dataset can show: its own history points, and the years its columns hold (by their
//! roles: refugees settled in a whole year, IMDi's request), summed over the municipalities.

use super::dataset::{Dataset, HistoryKind, HistoryPoint};
use super::role::ColumnRole;

impl Dataset {
    /// Every year the dataset has, settled and requested. A figure the history lists is kept; a column adds
    /// only what the history lacks.
    pub fn full_history(&self) -> Vec<HistoryPoint> {
        let mut out = self.history.clone();
        for (col, role) in self.roles() {
            let (year, kind) = match role {
                ColumnRole::Settled { year, partial: false } => (year, HistoryKind::Settled),
                ColumnRole::Request { year } => (year, HistoryKind::Requested),
                _ => continue,
            };
            if out.iter().any(|p| p.year == year && p.kind == kind) {
                continue;
            }
            let sum: f64 = col.values.iter().flatten().sum();
            if sum > 0.0 {
                out.push(HistoryPoint { year, value: sum, kind });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::data::{HistoryKind, embedded_dataset};

    #[test]
    fn the_columns_fill_in_the_years_the_history_lacks() {
        let d = embedded_dataset("norway-2020").unwrap();
        let full = d.full_history();
        let has = |year, kind| full.iter().any(|p| p.year == year && p.kind == kind);
        assert!(!d.history.iter().any(|p| p.year == 2018 && p.kind == HistoryKind::Requested));
        assert!(has(2018, HistoryKind::Requested), "the 2018 request from its column");
        assert!(has(2019, HistoryKind::Settled), "refugees settled in 2019 from its column");
        let request_2018: f64 = d.column("anmodning_2018").unwrap().values.iter().flatten().sum();
        assert!(full.iter().any(|p| p.year == 2018 && p.value == request_2018));
        // A year the history already gives is not doubled.
        assert_eq!(full.iter().filter(|p| p.year == 2019 && p.kind == HistoryKind::Requested).count(), 1);
    }

    #[test]
    fn a_column_under_another_name_counts_by_its_role() {
        let mut d = embedded_dataset("norway-2020").unwrap();
        let i = d.column_index("anmodning_2018").unwrap();
        d.columns[i].meta.id = "imdi_request".into();
        assert!(d.full_history().iter().any(|p| p.year == 2018 && p.kind == HistoryKind::Requested));
        d.columns[i].meta.role = None;
        assert!(!d.full_history().iter().any(|p| p.year == 2018 && p.kind == HistoryKind::Requested));
    }
}
