//! Parallel comparisons (`A potential victims and B confirmed victims, an increase compared with
//! C potential victims and D confirmed victims`): pairs by measure, never across, and the
//! direction word said of each pair. Made-up texts in the report's style.

use tiplint::diagnostic::Severity;
use tiplint::rules::{RuleSet, Selection, check_source};
use tiplint::source::Source;

/// The trend-mismatch checks (expression, passed) and findings (severity, labels) of `text`.
#[allow(clippy::type_complexity)]
fn trend(text: &str) -> (Vec<(String, bool)>, Vec<(Severity, Vec<String>)>) {
    let rules = RuleSet::default_rules();
    let sel = Selection::resolve(&rules, &["trend-mismatch".to_string()], &[]).unwrap();
    let r = check_source(&Source::new("t.txt", text.to_string()), &rules, &sel);
    (
        r.checks
            .iter()
            .filter(|c| c.rule == "trend-mismatch")
            .map(|c| (c.expression.clone(), c.ok))
            .collect(),
        r.diagnostics
            .iter()
            .filter(|d| d.rule == "trend-mismatch")
            .map(|d| {
                (
                    d.severity,
                    d.labels.iter().map(|l| l.text.clone()).collect(),
                )
            })
            .collect(),
    )
}

#[test]
fn the_direction_before_compared_is_said_of_each_pair() {
    let (checks, findings) = trend(
        "Police referred 45 potential victims and 28 confirmed victims to care, an increase compared with 30 potential victims and 20 confirmed victims in 2021.\n",
    );
    assert_eq!(
        checks,
        vec![
            ("45 > 30 (an increase)".to_string(), true),
            ("28 > 20 (an increase)".to_string(), true)
        ]
    );
    assert!(findings.is_empty());
}

#[test]
fn pairs_that_all_go_against_the_direction_are_errors_each_on_its_own_pair() {
    let (_, findings) = trend(
        "Police referred 25 potential victims and 18 confirmed victims to care, an increase compared with 30 potential victims and 20 confirmed victims in 2021.\n",
    );
    let labels = |now: &str, before: &str| {
        vec![
            "direction".to_string(),
            format!("now: {now}"),
            format!("before: {before}"),
        ]
    };
    assert_eq!(
        findings,
        vec![
            (Severity::Error, labels("25", "30")),
            (Severity::Error, labels("18", "20"))
        ]
    );
}

#[test]
fn a_pair_against_a_direction_another_pair_bears_out_is_an_info() {
    // The decrease may be of the victims together (16 against 37).
    let (_, findings) = trend(
        "The agency recognized five confirmed victims and 11 potential victims, a marked decrease compared with 33 confirmed victims and four potential victims in 2021.\n",
    );
    assert_eq!(
        findings,
        vec![(
            Severity::Info,
            vec![
                "direction".to_string(),
                "now: 11".to_string(),
                "before: 4".to_string()
            ]
        )]
    );
}
