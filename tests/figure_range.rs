//! Figures beyond what the arithmetic can hold (rust_decimal: 28 decimals, about 7.9 × 10^28):
//! such a figure is not read, a relation whose sum, product or quotient would overflow is not
//! evaluated, and nothing panics, whatever rule or renderer meets them.

use tiplint::render::{FileOutcome, github, human, json, sarif, short};
use tiplint::rules::{FileResult, RuleSet, Selection, check_source};
use tiplint::source::Source;

/// The largest figure rust_decimal holds.
const MAX: &str = "79228162514264337593543950335";
/// One unit of the 28th decimal (the smallest step rust_decimal holds).
const TINY: &str = "0.0000000000000000000000000001";

/// Check `text` with every rule and render the result in every format.
fn check(text: &str) -> FileResult {
    let rules = RuleSet::default_rules();
    let src = Source::new("t.txt", text.to_string());
    let result = check_source(&src, &rules, &Selection::default());
    let outcomes = [FileOutcome {
        name: "t.txt".into(),
        checked: Ok((src, result.clone())),
    }];
    for rendered in [
        json::render(&outcomes, 0),
        short::render(&outcomes),
        github::render(&outcomes),
        sarif::render(&outcomes, &rules),
        human::render(&outcomes, false, true, 0),
    ] {
        assert!(!rendered.is_empty());
    }
    result
}

/// A chapter around `body`, so that every rule runs on it.
fn chapter(body: &str) -> String {
    format!("Kyrgyz Republic (Tier 2)\n\nPROSECUTION\n\n{body}\n")
}

/// The rules that combine figures, and what they evaluated.
fn arithmetic(r: &FileResult) -> Vec<String> {
    const RULES: [&str; 4] = [
        "sum-mismatch",
        "split-mismatch",
        "rate-mismatch",
        "trend-mismatch",
    ];
    r.checks
        .iter()
        .filter(|c| RULES.contains(&c.rule.as_str()))
        .map(|c| format!("{}: {}", c.rule, c.expression))
        .chain(
            r.diagnostics
                .iter()
                .filter(|d| RULES.contains(&d.rule.as_str()))
                .map(|d| format!("{}: {}", d.rule, d.message)),
        )
        .collect()
}

#[test]
fn a_figure_with_more_decimals_than_the_arithmetic_holds_is_not_read() {
    let r = check(&chapter(
        "In 2023, 0.00000000000000000000000000001 percent of victims were men, compared with \
         0.00000000000000000000000000002 percent in 2022, a 50 percent decrease.",
    ));
    assert!(arithmetic(&r).is_empty(), "{:?}", arithmetic(&r));
}

#[test]
fn a_scaled_figure_beyond_the_range_is_not_read() {
    for text in [
        format!(
            "The government identified {MAX} billion victims, compared with 30 victims in 2022."
        ),
        format!(
            "The government allocated {MAX} million som ($46,000) and 1,000 som ($12) to shelters."
        ),
        format!("The government allocated ${MAX} million and {MAX} billion som to shelters."),
        format!("The government identified {MAX} thousand victims – 10 women and 5 men."),
    ] {
        let r = check(&chapter(&text));
        assert!(arithmetic(&r).is_empty(), "{text}: {:?}", arithmetic(&r));
    }
}

#[test]
fn a_breakdown_whose_parts_overflow_is_not_evaluated() {
    for text in [
        format!("The government identified {MAX} victims – {MAX} women and 5 men."),
        format!("The government identified 10 victims – {MAX} women and {MAX} men."),
        format!("The government identified {MAX} victims, including {MAX} women and 5 men."),
        format!("The government identified {MAX} victims ({MAX} women and 5 men) and 3 suspects."),
        format!(
            "The government identified {MAX} victims; {MAX} were women and 5 were men, while \
             {MAX} were adults and 5 were children."
        ),
        format!(
            "The ministry spent {MAX} som on shelters, including {MAX} som for rent and 400,000 \
             som for food."
        ),
    ] {
        let r = check(&chapter(&text));
        assert!(arithmetic(&r).is_empty(), "{text}: {:?}", arithmetic(&r));
    }
    // Within the range, the same sentence is read.
    let r = check(&chapter(
        "The government identified 10 victims – 6 women and 5 men.",
    ));
    assert!(
        arithmetic(&r).iter().any(|c| c.starts_with("sum-mismatch")),
        "{:?}",
        arithmetic(&r)
    );
}

#[test]
fn conversions_whose_rates_overflow_are_not_evaluated() {
    for text in [
        format!("The government allocated {MAX} som ($1) and 1,000 som ($12) to shelters."),
        format!(
            "The government allocated 4 million som (${TINY}) and 1,000 som ($12) to shelters."
        ),
        format!("The government allocated {MAX} som ($0.6) and {MAX} som ($0.7) to shelters."),
        format!("The government allocated approximately {MAX} som ($1) and 1,000 som ($12)."),
    ] {
        let r = check(&chapter(&format!("In April 2023, {text}")));
        assert!(arithmetic(&r).is_empty(), "{text}: {:?}", arithmetic(&r));
    }
}

#[test]
fn earlier_figures_whose_sum_overflows_are_not_compared() {
    let r = check(&chapter(&format!(
        "The government initiated 40 investigations—24 for sex trafficking and 16 for labor \
         trafficking—compared with {MAX} and 17, respectively, in 2021."
    )));
    assert_eq!(arithmetic(&r), ["sum-mismatch: 24 + 16 = 40"]);
}

#[test]
fn a_multiple_beyond_the_range_is_more_than_any_figure() {
    let r = check(&format!(
        "Narnia (Tier 2)\n\nThese efforts included identifying more than double the number of \
         trafficking victims.\n\nPROTECTION\n\nThe government identified {MAX} victims, compared \
         with {MAX} victims in 2021.\n"
    ));
    let trend: Vec<_> = r
        .checks
        .iter()
        .filter(|c| c.rule == "trend-mismatch")
        .map(|c| (c.ok, c.expression.as_str()))
        .collect();
    assert_eq!(
        trend,
        [(false, &*format!("{MAX} > 2 × {MAX} (more than double)"))]
    );
}

#[test]
fn comparisons_and_ranges_with_extreme_figures_do_not_panic() {
    for text in [
        format!(
            "The government investigated {MAX} cases, compared with {TINY} cases in 2022, a 36 \
             percent increase."
        ),
        format!(
            "The government investigated {MAX} cases in 2023, compared with 1 case in 2022, an \
             increase of {MAX} percent."
        ),
        format!("The government investigated {TINY} cases, compared with {MAX} cases in 2022."),
        format!("Prosecutions more than doubled, from {MAX} in 2022 to {MAX} in 2023."),
        format!("Sentences ranged from {MAX} to {TINY} years' imprisonment."),
        format!("The government allocated from ${MAX} to ${TINY} million for shelters."),
        format!(
            "The government investigated 10 cases, prosecuted {MAX} defendants, and convicted {MAX} \
             traffickers, compared with investigating 5 cases, prosecuting {MAX} defendants, and \
             convicting {MAX} traffickers in 2022."
        ),
    ] {
        check(&chapter(&text));
    }
}

#[test]
fn an_edition_at_the_end_of_the_integers_does_not_overflow() {
    use tiplint::rules::{Settings, check_source_with};
    let rules = RuleSet::default_rules();
    let src = Source::new(
        "t.txt",
        chapter("In April 2022, the government identified 30 victims."),
    );
    for edition in [i32::MIN, i32::MAX] {
        let r = check_source_with(
            &src,
            &rules,
            &Selection::default(),
            Settings {
                edition: Some(edition),
                ..Settings::default()
            },
        );
        let period: Vec<_> = r
            .diagnostics
            .iter()
            .filter(|d| d.rule == "date-out-of-period")
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(
            period,
            [&*format!(
                "this date is outside the {edition} edition's reporting period (April {} to \
                 March {edition})",
                i64::from(edition) - 1
            )]
        );
    }
}
