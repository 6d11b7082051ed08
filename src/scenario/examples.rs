//! The example scenarios shipped in `scenarios/`, checked as a user would use them.

#[cfg(test)]
mod tests {
    use crate::engine::allocate;
    use crate::report::{CsvStyle, result_table, write_csv};
    use crate::scenario::{parse_scenario, resolve_dataset, scenario_to_text};

    const EXAMPLES: [(&str, &str); 5] = [
        ("imdi-2020.ron", include_str!("../../scenarios/imdi-2020.ron")),
        ("equal-weights-2020.ron", include_str!("../../scenarios/equal-weights-2020.ron")),
        ("labour-market-first-2020.ron", include_str!("../../scenarios/labour-market-first-2020.ron")),
        ("imdi-2024.ron", include_str!("../../scenarios/imdi-2024.ron")),
        ("plan-year-2024.ron", include_str!("../../scenarios/plan-year-2024.ron")),
    ];

    #[test]
    fn every_example_opens_allocates_and_round_trips() {
        for (name, text) in EXAMPLES {
            let scenario = parse_scenario(text, name).unwrap();
            assert!(!scenario.notes.is_empty(), "{name} explains itself");
            let (dataset, warning) = resolve_dataset(&scenario, None).unwrap();
            assert!(warning.is_none());
            let a = allocate(&dataset, &scenario).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(a.allocated, u64::from(scenario.target.total), "{name}");
            let again = parse_scenario(&scenario_to_text(&scenario), name).unwrap();
            assert_eq!(again, scenario, "{name} round-trips");
        }
    }

    /// The IMDi 2020 example's full result, kept as a file: any change to the model shows up here as a diff.
    /// Regenerate with `UPDATE_GOLDEN=1 cargo test golden` after an intended change.
    #[test]
    fn golden_imdi_2020() {
        let (name, text) = EXAMPLES[0];
        let scenario = parse_scenario(text, name).unwrap();
        let (dataset, _) = resolve_dataset(&scenario, None).unwrap();
        let a = allocate(&dataset, &scenario).unwrap();
        let csv = write_csv(&result_table(&dataset, &scenario, &a, crate::lang::Lang::En), CsvStyle::Plain);
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/imdi-2020.csv");
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(path, &csv).unwrap();
        }
        let expected = std::fs::read(path).expect("golden file; create it with UPDATE_GOLDEN=1");
        assert!(csv == expected, "result differs from tests/golden/imdi-2020.csv");
    }
}
