//! Change one figure of the sample at a time: exactly the matching rule fires as an error, and
//! one of its labels sits on the changed figure. The same for a made-up chapter holding what the
//! sample does not (percentages, a figure stated twice, parallel comparisons), where warnings
//! count too (`figure-conflict` is one) and a finding must never sit on the figures of another
//! pair.

use std::collections::BTreeSet;
use tiplint::diagnostic::{Diagnostic, Severity};
use tiplint::rules::{RuleSet, Selection, check_source};
use tiplint::source::{Source, Span};

const SAMPLE: &str = include_str!("../samples/kyrgyz-republic-2023.txt");

/// A chapter made up for these tests, in the report's style.
const CHAPTER: &str = include_str!("texts/mutations-chapter.txt");

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

/// (text around the figure, the figure in it, its replacement, the rules that must fire, the least
/// severity that counts, figures (each as text around it and the figure) no finding may sit on)
type Case = (
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    Severity,
    &'static [(&'static str, &'static str)],
);

/// The other pair of the parallel comparison.
const CONFIRMED: &[(&str, &str)] = &[("28 confirmed victims", "28"), ("and 20 confirmed", "20")];
const POTENTIAL: &[(&str, &str)] = &[("45 potential victims", "45"), ("with 30 potential", "30")];

use Severity::{Info, Warning};

const CHAPTER_CASES: &[Case] = &[
    // A percentage with its count and whole.
    (
        "(75 percent)",
        "75",
        "70",
        &["percent-mismatch"],
        Warning,
        &[],
    ),
    (
        "convicted 18 of",
        "18",
        "17",
        &["percent-mismatch"],
        Warning,
        &[],
    ),
    (
        "of the 24 defendants",
        "24",
        "26",
        &["percent-mismatch"],
        Warning,
        &[],
    ),
    (
        "(24 percent)",
        "24",
        "42",
        &["percent-mismatch"],
        Warning,
        &[],
    ),
    (
        "including 36 children",
        "36",
        "63",
        &["percent-mismatch"],
        Warning,
        &[],
    ),
    // Percentages of one whole.
    (
        "60 percent were female",
        "60",
        "70",
        &["percent-mismatch"],
        Warning,
        &[],
    ),
    (
        "40 percent were male",
        "40",
        "45",
        &["percent-mismatch"],
        Warning,
        &[],
    ),
    // The same figure stated twice (a warning, as figure-conflict is).
    (
        "identified 150 victims during",
        "150",
        "160",
        &["figure-conflict"],
        Warning,
        &[],
    ),
    // Parallel comparisons: each pair on its own, never across. The other pair still bears the
    // direction out, so the changed one is an info (the direction may be about both together).
    (
        "45 potential victims",
        "45",
        "25",
        &["trend-mismatch"],
        Info,
        CONFIRMED,
    ),
    (
        "with 30 potential",
        "30",
        "50",
        &["trend-mismatch"],
        Info,
        CONFIRMED,
    ),
    (
        "28 confirmed victims",
        "28",
        "18",
        &["trend-mismatch"],
        Info,
        POTENTIAL,
    ),
    (
        "and 20 confirmed",
        "20",
        "38",
        &["trend-mismatch"],
        Info,
        POTENTIAL,
    ),
];

/// Where `figure` stands in `text`, inside `context` (which must occur once).
fn locate(text: &str, context: &str, figure: &str) -> Span {
    let at = text
        .find(context)
        .unwrap_or_else(|| panic!("{context:?} is not in the text"));
    assert_eq!(text.matches(context).count(), 1, "{context:?} is ambiguous");
    let start = at + context.find(figure).expect("figure in its context");
    Span::new(start, start + figure.len())
}

/// The findings of `text` at `least` or above.
fn serious(text: &str, least: Severity) -> Vec<Diagnostic> {
    let rules = RuleSet::default_rules();
    check_source(
        &Source::new("chapter.txt", text.to_string()),
        &rules,
        &Selection::default(),
    )
    .diagnostics
    .into_iter()
    .filter(|d| d.severity >= least)
    .collect()
}

#[test]
fn the_unchanged_chapter_has_no_finding() {
    let found = serious(CHAPTER, Severity::Info);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn each_changed_figure_of_the_chapter_fires_its_rule_on_its_own_pair() {
    let mut failures = Vec::new();
    for &(context, figure, replacement, expected, least, elsewhere) in CHAPTER_CASES {
        let at = locate(CHAPTER, context, figure);
        let text = format!(
            "{}{}{}",
            &CHAPTER[..at.start],
            replacement,
            &CHAPTER[at.end..]
        );
        let changed = Span::new(at.start, at.start + replacement.len());
        // The figures no finding may sit on, in the changed text.
        let shift = |s: Span| {
            if s.start >= at.end {
                Span::new(s.start + changed.end - at.end, s.end + changed.end - at.end)
            } else {
                s
            }
        };
        let others: Vec<Span> = elsewhere
            .iter()
            .map(|&(c, f)| shift(locate(CHAPTER, c, f)))
            .collect();
        let found = serious(&text, least);
        let fired: BTreeSet<&str> = found.iter().map(|d| d.rule.as_str()).collect();
        let wanted: BTreeSet<&str> = expected.iter().copied().collect();
        let name = format!("{context:?} {figure}→{replacement}");
        if fired != wanted {
            failures.push(format!("{name}: fired {fired:?}, expected {wanted:?}"));
            continue;
        }
        let on = |d: &Diagnostic, s: Span| {
            d.labels
                .iter()
                .any(|l| l.span.start <= s.start && s.end <= l.span.end)
        };
        if !found.iter().any(|d| on(d, changed)) {
            failures.push(format!("{name}: no label on the changed figure"));
        }
        if let Some(d) = found.iter().find(|d| others.iter().any(|&s| on(d, s))) {
            failures.push(format!(
                "{name}: a finding sits on another pair: {}",
                d.message
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
