//! Change one figure of the sample at a time: exactly the matching rule fires as an error, and
//! one of its labels sits on the changed figure.

use std::collections::BTreeSet;
use tiplint::diagnostic::Severity;
use tiplint::rules::{RuleSet, Selection, check_source};
use tiplint::source::Source;

const SAMPLE: &str = include_str!("../samples/kyrgyz-republic-2023.txt");

/// (text around the figure, the figure in it, its replacement, the rules that must fire)
const CASES: &[(&str, &str, &str, &[&str])] = &[
    (
        "identified 66 victims –",
        "66",
        "67",
        &["sum-mismatch", "split-mismatch"],
    ),
    (
        "– 18 sex trafficking victims (17",
        "18",
        "19",
        &["sum-mismatch"],
    ),
    (
        "(17 adult females and one girl)",
        "17",
        "16",
        &["sum-mismatch"],
    ),
    ("47 forced labor victims (26", "47", "46", &["sum-mismatch"]),
    ("(26 adult", "26", "25", &["sum-mismatch"]),
    ("19 adult females, one boy", "19", "18", &["sum-mismatch"]),
    ("and one girl victimized", "one", "two", &["sum-mismatch"]),
    ("48 were Kyrgyzstani", "48", "47", &["split-mismatch"]),
    (
        "18 were foreign nationals",
        "18",
        "19",
        &["split-mismatch", "sum-mismatch"],
    ),
    (
        "victim and 17 forced labor victims)",
        "17",
        "16",
        &["sum-mismatch"],
    ),
    (
        "identifying seven victims",
        "seven",
        "eight",
        &["sum-mismatch"],
    ),
    (
        "three female sex trafficking victims",
        "three",
        "two",
        &["sum-mismatch"],
    ),
    (
        "four male forced labor victims",
        "four",
        "five",
        &["sum-mismatch"],
    ),
    (
        "prosecuting three defendants",
        "three",
        "four",
        &["sum-mismatch"],
    ),
    (
        "two for sex trafficking and one for labor",
        "two",
        "three",
        &["sum-mismatch"],
    ),
    (
        "investigating 30 trafficking cases",
        "30",
        "3",
        &["trend-mismatch"],
    ),
    (
        "compared with six trafficking cases",
        "six",
        "60",
        &["trend-mismatch"],
    ),
    (
        "4 million Som (\\$46,000)",
        "46,000",
        "64,000",
        &["rate-mismatch"],
    ),
    ("4 million Som (\\$46,000)", "4", "6", &["rate-mismatch"]),
    ("soms (\\$12)", "12", "21", &["rate-mismatch"]),
    (
        "1,000 Kyrgyzstani soms",
        "1,000",
        "3,000",
        &["rate-mismatch"],
    ),
    ("Kyrgyz Republic (Tier 2)", "2", "3", &["tier-mismatch"]),
    ("remained on Tier 2", "2", "3", &["tier-mismatch"]),
    (
        "135 agencies out of the 160",
        "135",
        "170",
        &["part-exceeds-whole"],
    ),
    ("three to six years", "three", "seven", &["range-reversed"]),
];

#[test]
fn the_unchanged_sample_has_no_error() {
    let rules = RuleSet::default_rules();
    let result = check_source(
        &Source::new("sample.txt", SAMPLE.to_string()),
        &rules,
        &Selection::default(),
    );
    let errors: Vec<_> = result
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn each_changed_figure_fires_its_rule_at_the_figure() {
    let rules = RuleSet::default_rules();
    let mut failures = Vec::new();
    for &(context, figure, replacement, expected) in CASES {
        let at = SAMPLE
            .find(context)
            .unwrap_or_else(|| panic!("{context:?} is not in the sample"));
        assert_eq!(
            SAMPLE.matches(context).count(),
            1,
            "{context:?} is ambiguous"
        );
        let figure_at = at + context.find(figure).expect("figure in its context");
        let text = format!(
            "{}{}{}",
            &SAMPLE[..figure_at],
            replacement,
            &SAMPLE[figure_at + figure.len()..]
        );
        let changed = (figure_at, figure_at + replacement.len());
        let result = check_source(
            &Source::new("changed.txt", text),
            &rules,
            &Selection::default(),
        );
        let errors: Vec<_> = result
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .collect();
        let fired: BTreeSet<&str> = errors.iter().map(|d| d.rule.as_str()).collect();
        let wanted: BTreeSet<&str> = expected.iter().copied().collect();
        if fired != wanted {
            failures.push(format!(
                "{context:?} {figure}→{replacement}: fired {fired:?}, expected {wanted:?}"
            ));
            continue;
        }
        let labelled = errors.iter().any(|d| {
            d.labels
                .iter()
                .any(|l| l.span.start <= changed.0 && changed.1 <= l.span.end)
        });
        if !labelled {
            failures.push(format!(
                "{context:?} {figure}→{replacement}: no label on the changed figure"
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
