//! TL111 `prior-year-mismatch` (with `--previous`): a figure this edition states for an earlier
//! period (`compared with 20 in 2021`, `(six victims in 2020)`, `the previous reporting period`)
//! against the figure an earlier edition printed for that period with the same key: what it
//! counts (or the currency: the local amount, never the dollar conversion, which each edition
//! makes again), the action, the actor and the restrictions.
//!
//! The earlier figures of a period are those of the edition whose own period it was and those
//! later editions restated. A pair is evaluated only when every earlier figure of that key and
//! period agrees; it fails at `error` only when both figures are exact, their actions were read,
//! and the text does not say the data were revised or updated (then it is an `info`).

use super::{Checker, Context, Output};
use crate::diagnostic::{Check, OtherFile, Severity};
use crate::editions::{Paired, earlier_chapters};
use crate::facts::{FigurePeriod, PeriodFigure};
use crate::rules::spec::RuleSpec;
use serde_json::json;
use std::sync::Arc;

#[derive(Default)]
pub struct PriorYear;

/// The year figure `r` of an edition `edition` is for: its own period is the calendar year before
/// the edition (the 2022 edition reports on 2021), the previous reporting period the one before.
pub fn year_of(r: &PeriodFigure, edition: i32) -> Option<i32> {
    match r.period {
        FigurePeriod::Own => Some(edition - 1),
        FigurePeriod::Previous => Some(edition - 2),
        FigurePeriod::Year(y) if y < edition => Some(y),
        _ => None,
    }
}

/// Do two optional keys agree: equal, or one not read.
fn compatible(a: &Option<String>, b: &Option<String>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

/// An earlier figure of the same key and period.
struct Earlier<'a> {
    figure: &'a PeriodFigure,
    paired: Paired<'a>,
}

impl Checker for PriorYear {
    fn check(&self, cx: &Context, rule: &RuleSpec, out: &mut Output) {
        let Some(edition) = cx.edition else { return };
        if cx.previous.is_empty() {
            return;
        }
        let count = cx.report.chapters.len();
        for (chapter, claims) in cx.report.chapters.iter().zip(&cx.facts.chapters) {
            let paired = earlier_chapters(chapter.country(), count, edition, cx.previous, cx.vocab);
            if paired.is_empty() {
                continue;
            }
            let files: Vec<Arc<OtherFile>> =
                paired.iter().map(|p| p.edition.label_file()).collect();
            for r in &claims.period_figures {
                let Some(year) = year_of(r, edition).filter(|&y| y < edition - 1) else {
                    continue;
                };
                if r.measure.is_none() {
                    continue;
                }
                let earlier: Vec<(usize, Earlier)> = paired
                    .iter()
                    .enumerate()
                    .flat_map(|(k, p)| {
                        p.edition.facts.chapters[p.chapter]
                            .period_figures
                            .iter()
                            .filter(move |c| year_of(c, p.year) == Some(year))
                            .map(move |c| {
                                (
                                    k,
                                    Earlier {
                                        figure: c,
                                        paired: *p,
                                    },
                                )
                            })
                    })
                    .filter(|(_, e)| {
                        let c = e.figure;
                        c.measure == r.measure
                            && c.restrictions == r.restrictions
                            && compatible(&c.action, &r.action)
                            && compatible(&c.actor, &r.actor)
                    })
                    .collect();
                if earlier.is_empty() {
                    continue;
                }
                let same = earlier
                    .iter()
                    .find(|(_, e)| e.figure.figure.value == r.figure.value);
                let (k, e) = match same {
                    Some(found) => found,
                    None => {
                        let first = &earlier[0];
                        // Earlier figures that disagree among themselves: which one this edition
                        // restates is not known.
                        if earlier
                            .iter()
                            .any(|(_, e)| e.figure.figure.value != first.1.figure.figure.value)
                        {
                            continue;
                        }
                        first
                    }
                };
                let ok = same.is_some();
                let c = e.figure;
                let current = super::figures::text(r.figure.value);
                let previous = super::figures::text(c.figure.value);
                let period = match r.period {
                    FigurePeriod::Previous => format!("the previous reporting period ({year})"),
                    _ => year.to_string(),
                };
                out.checks.push(Check {
                    rule: rule.name.clone(),
                    ok,
                    expression: format!(
                        "{current} for {period} = {previous} in the {} edition",
                        e.paired.year
                    ),
                    values: json!({"current": super::figures::json(r.figure.value), "previous": super::figures::json(c.figure.value)}),
                    span: r.figure.span,
                    figures: vec![r.figure.span],
                });
                if ok {
                    continue;
                }
                let sure = !r.approx
                    && !c.approx
                    && r.action.is_some()
                    && c.action.is_some()
                    && r.actor.is_some()
                    && r.actor == c.actor
                    && !r.revised;
                let (line, column) = e.paired.edition.source.line_col(c.figure.span.start);
                let what = [r.measure.as_deref(), r.action.as_deref()]
                    .into_iter()
                    .flatten()
                    .map(|w| w.trim_start_matches("money:"))
                    .collect::<Vec<_>>()
                    .join(", ");
                let mut message = format!(
                    "this edition gives {current} for {period}, but the {} edition gave {previous} ({what})",
                    e.paired.year
                );
                if r.revised {
                    message.push_str("; the sentence says the data were revised or updated");
                } else if r.approx || c.approx {
                    message.push_str("; one of the figures is approximate");
                }
                let mut d = rule
                    .diagnostic(r.figure.span, message)
                    .with_label(r.figure.span, format!("{period}: {current}"))
                    .with_label_in(
                        files[*k].clone(),
                        c.figure.span,
                        format!("the {} edition: {previous}", e.paired.year),
                    )
                    .with_help(format!(
                        "the {} edition ({}:{line}:{column}) printed {previous}; correct the figure, or say that the data were revised",
                        e.paired.year, e.paired.edition.name
                    ));
                if !sure {
                    d.severity = Severity::Info;
                }
                out.diagnostics.push(d);
            }
        }
    }
}
