//! TL110 `date-out-of-period`: a dated event outside the edition's reporting period (April 1 of
//! the year before the edition to March 31 of its year) that the sentence does not mark as past.

use super::{Checker, Context, Output};
use crate::diagnostic::Check;
use crate::rules::spec::RuleSpec;
use crate::source::Span;
use serde_json::json;

#[derive(Default)]
pub struct DateOutOfPeriod;

/// The year a reporting period starts in (the year before the edition; wider than `i32`, so that
/// any edition given has one).
fn first_year(edition: i32) -> i64 {
    i64::from(edition) - 1
}

/// Is (year, month) within the reporting period of `edition`?
pub fn in_period(edition: i32, year: i32, month: u32) -> bool {
    (i64::from(year) == first_year(edition) && month >= 4) || (year == edition && month <= 3)
}

impl Checker for DateOutOfPeriod {
    fn check(&self, cx: &Context, rule: &RuleSpec, out: &mut Output) {
        let Some(edition) = cx.edition else { return };
        for chapter in &cx.facts.chapters {
            // `After a court acquitted him in December 2021, prosecutors appealed in May 2022`: a
            // date beside one in the period is the background of that event, not a stale one.
            let in_period_sentences: Vec<Span> = chapter
                .dated
                .iter()
                .filter(|d| in_period(edition, d.year, d.month))
                .map(|d| d.sentence)
                .collect();
            for d in chapter.dated.iter().filter(|d| !d.marked) {
                let ok = in_period(edition, d.year, d.month);
                if !ok && in_period_sentences.contains(&d.sentence) {
                    continue;
                }
                out.checks.push(Check {
                    rule: rule.name.clone(),
                    ok,
                    expression: format!("{}-{:02} within April {} – March {edition}", d.year, d.month, first_year(edition)),
                    values: json!({"date": format!("{}-{:02}", d.year, d.month), "edition": edition}),
                    span: d.span,
                    figures: vec![d.span],
                });
                if !ok {
                    out.diagnostics.push(
                        rule.diagnostic(
                            d.span,
                            format!("this date is outside the {edition} edition's reporting period (April {} to March {edition})", first_year(edition)),
                        )
                        .with_label(d.span, "dated event")
                        .with_help("mark it as past (`previously`, `in previous years`), move it, or check the edition (--edition)"),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::in_period;

    #[test]
    fn the_period_runs_april_to_march_and_any_edition_is_safe() {
        assert!(in_period(2023, 2022, 4) && in_period(2023, 2023, 3));
        assert!(!in_period(2023, 2022, 3) && !in_period(2023, 2023, 4));
        // The year before i32::MIN does not exist: no overflow, no period start.
        assert!(!in_period(i32::MIN, i32::MAX, 4));
        assert!(in_period(i32::MIN, i32::MIN, 1));
    }
}
