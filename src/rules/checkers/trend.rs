//! TL104 `trend-mismatch`: a direction word against the figures it describes, in its own
//! sentence or as an introduction's summary of a section's comparison.

use super::figures::{json, text};
use super::{Checker, Context, Output};
use crate::diagnostic::Severity;
use crate::diagnostic::{Check, Diagnostic};
use crate::facts::{Comparison, Direction, Opener, Summary};
use crate::parse::SectionKind;
use crate::rules::spec::RuleSpec;
use rust_decimal::Decimal;
use serde_json::json;

#[derive(Default)]
pub struct Trend;

fn agrees(d: Direction, c: &Comparison) -> bool {
    match d {
        Direction::Up => c.current.value > c.previous.value,
        Direction::Down => c.current.value < c.previous.value,
    }
}

/// Whether a summary holds for a comparison: its direction, and its multiple when it states one
/// (`more than double`: more than twice the earlier figure; a multiple beyond the arithmetic's
/// range is more than any figure).
fn summary_holds(s: &Summary, c: &Comparison) -> bool {
    match s.factor {
        Some(f) => c
            .previous
            .value
            .checked_mul(Decimal::from(f))
            .is_some_and(|m| c.current.value > m),
        None => agrees(s.direction, c),
    }
}

fn symbol(d: Direction) -> &'static str {
    match d {
        Direction::Up => ">",
        Direction::Down => "<",
    }
}

fn check(rule: &RuleSpec, d: Direction, c: &Comparison, ok: bool) -> Check {
    Check {
        rule: rule.name.clone(),
        ok,
        expression: format!(
            "{} {} {} ({})",
            text(c.current.value),
            symbol(d),
            text(c.previous.value),
            d.word()
        ),
        values: json!({"current": json(c.current.value), "previous": json(c.previous.value)}),
        span: c.span,
        figures: vec![c.current.span, c.previous.span],
    }
}

/// The labels on a comparison's two figures.
fn with_figures(d: Diagnostic, c: &Comparison) -> Diagnostic {
    d.with_label(c.current.span, format!("now: {}", text(c.current.value)))
        .with_label(
            c.previous.span,
            format!("before: {}", text(c.previous.value)),
        )
}

/// The change from `previous` to `current`, in percent of `previous`; `None` from nothing, or
/// beyond the arithmetic's range.
fn change_percent(current: Decimal, previous: Decimal) -> Option<Decimal> {
    current
        .checked_sub(previous)?
        .abs()
        .checked_div(previous)?
        .checked_mul(Decimal::ONE_HUNDRED)
}

/// `14 cases, compared with 22 cases in 2021, a 36 percent decrease`: the change the figures
/// make, against the percentage stated, within the rounding of its last digit (and, for an
/// approximate percentage, a tenth of it more; a disagreement only that could explain is an info).
/// A change beyond the arithmetic's range is not checked.
fn stated_percent(rule: &RuleSpec, d: Direction, c: &Comparison, out: &mut Output) {
    let Some(stated) = c.percent else { return };
    let Some(exact) = change_percent(c.current.value, c.previous.value) else {
        return;
    };
    // Shown to one decimal; compared exactly.
    let change = exact.round_dp(1);
    let approx_room = if stated.approx {
        (stated.value / Decimal::TEN).max(Decimal::ONE)
    } else {
        Decimal::ZERO
    };
    // The room the rounding leaves, and twice the approximation's for an info.
    let room = stated.half_unit.checked_add(approx_room);
    let wider = room.and_then(|r| r.checked_add(approx_room));
    let off = exact.checked_sub(stated.value).map(|o| o.abs());
    let (Some(off), Some(room), Some(wider)) = (off, room, wider) else {
        return;
    };
    let ok = off <= room;
    let arithmetic = format!(
        "|{} − {}| / {} = {} %",
        text(c.current.value),
        text(c.previous.value),
        text(c.previous.value),
        text(change)
    );
    out.checks.push(Check {
        rule: rule.name.clone(),
        ok,
        expression: format!("{arithmetic}, stated {} %", text(stated.value)),
        values: json!({"current": json(c.current.value), "previous": json(c.previous.value),
            "percent": json(stated.value)}),
        span: c.span,
        figures: vec![c.current.span, c.previous.span],
    });
    if ok {
        return;
    }
    let mut diagnostic = with_figures(
        rule.diagnostic(
            stated.span,
            format!(
                "the text says a {} percent {}, but {} against {} is {} percent",
                text(stated.value),
                match d {
                    Direction::Up => "increase",
                    Direction::Down => "decrease",
                },
                text(c.current.value),
                text(c.previous.value),
                text(change)
            ),
        )
        .with_label(stated.span, format!("stated: {} %", text(stated.value))),
        c,
    )
    .with_help(arithmetic);
    if off <= wider {
        diagnostic.severity = Severity::Info;
    }
    out.diagnostics.push(diagnostic);
}

impl Checker for Trend {
    fn check(&self, cx: &Context, rule: &RuleSpec, out: &mut Output) {
        for chapter in &cx.facts.chapters {
            let first_check = out.checks.len();
            // A direction word said of several pairs at once (`A potential victims and B
            // confirmed victims, a decrease compared with C … and D …`) may be about them
            // together: one pair bearing it out makes another against it uncertain.
            let borne_out: std::collections::HashSet<crate::source::Span> = chapter
                .comparisons
                .iter()
                .filter(|c| !c.approx)
                .filter_map(|c| c.direction.filter(|&(d, _)| agrees(d, c)).map(|(_, s)| s))
                .collect();
            // Direction words stated with the comparison.
            for c in &chapter.comparisons {
                let Some((d, dspan)) = c.direction.filter(|_| !c.approx) else {
                    continue;
                };
                let ok = agrees(d, c);
                out.checks.push(check(rule, d, c, ok));
                if ok {
                    stated_percent(rule, d, c, out);
                } else {
                    let mut diagnostic = with_figures(
                        rule.diagnostic(
                            dspan.cover(c.span),
                            format!(
                                "the text says {}, but {} against {} is not",
                                d.word(),
                                text(c.current.value),
                                text(c.previous.value)
                            ),
                        )
                        .with_label(dspan, "direction"),
                        c,
                    )
                    .with_help(format!(
                        "{} {} {} is false",
                        text(c.current.value),
                        symbol(d),
                        text(c.previous.value)
                    ));
                    if borne_out.contains(&dspan) {
                        diagnostic.severity = Severity::Info;
                        diagnostic.message.push_str(
                            " (the direction is said of other figures too, which bear it out: it may be about them together)",
                        );
                    }
                    out.diagnostics.push(diagnostic);
                }
            }
            for o in &chapter.openers {
                opener(rule, o, &chapter.comparisons, out);
            }
            // Introduction summaries against the sections' comparisons, one action at a time
            // (`investigating and prosecuting more cases` states two trends).
            // One check per comparison and direction, however many summaries state it
            // (`fewer prosecutions` and `prosecuted fewer traffickers`).
            let mut checked = std::collections::HashSet::new();
            for s in &chapter.summaries {
                let funding = s.actions.iter().any(|a| a == "fund");
                let actions: Vec<Option<&String>> = if s.actions.is_empty() {
                    vec![None]
                } else {
                    s.actions.iter().map(Some).collect()
                };
                for action in actions {
                    let matching: Vec<&Comparison> = chapter
                        .comparisons
                        .iter()
                        .filter(|c| {
                            c.section != SectionKind::Intro
                                && funding == c.money
                                && !c.past_only
                                && !c.approx
                        })
                        .filter(|c| match action {
                            Some(a) => c.action.as_ref() == Some(a),
                            None => c.action.is_none() && c.noun.is_some() && c.noun == s.noun,
                        })
                        .collect();
                    if matching.is_empty() {
                        continue;
                    }
                    let agreeing = matching.iter().filter(|c| summary_holds(s, c)).count();
                    let mut record = |ok: bool| {
                        for c in &matching {
                            if checked.insert((c.span.start, c.span.end, s.direction, s.factor)) {
                                let mut k = check(rule, s.direction, c, ok);
                                if let Some(f) = s.factor {
                                    k.expression = format!(
                                        "{} > {f} × {} ({})",
                                        text(c.current.value),
                                        text(c.previous.value),
                                        more_than(f)
                                    );
                                }
                                out.checks.push(k);
                            }
                        }
                    };
                    if agreeing == matching.len() {
                        record(true);
                    } else if agreeing == 0 {
                        record(false);
                        let mut d = rule
                            .diagnostic(
                                s.direction_span,
                                format!(
                                    "the introduction says {}, but the section's figures say otherwise",
                                    s.factor.map_or(d_word(s.direction), more_than)
                                ),
                            )
                            .with_label(s.span, "summary");
                        for c in &matching {
                            d = with_figures(d, c);
                        }
                        out.diagnostics.push(d.with_help(against_each(&matching)));
                    }
                }
            }
            // A comparison that states no direction and that no summary or opening verdict
            // checked is still a relation read: a passed check with its two figures.
            let seen: std::collections::HashSet<_> = out.checks[first_check..]
                .iter()
                .map(|k| (k.span.start, k.span.end))
                .collect();
            for c in chapter
                .comparisons
                .iter()
                .filter(|c| c.direction.is_none() || c.approx)
            {
                if !seen.contains(&(c.span.start, c.span.end)) {
                    out.checks.push(undirected(rule, c));
                }
            }
        }
    }
}

/// A comparison that states no direction: read, with nothing to contradict.
fn undirected(rule: &RuleSpec, c: &Comparison) -> Check {
    Check {
        rule: rule.name.clone(),
        ok: true,
        expression: format!(
            "{} against {} ({})",
            text(c.current.value),
            text(c.previous.value),
            if c.approx {
                "approximate: no direction judged"
            } else {
                "no direction stated"
            }
        ),
        values: json!({"current": json(c.current.value), "previous": json(c.previous.value)}),
        span: c.span,
        figures: vec![c.current.span, c.previous.span],
    }
}

/// A section's opening verdict (`The government decreased law enforcement efforts.`) against the
/// comparisons of its section that state no direction of their own. Efforts are more than any one
/// figure, so one figure going the verdict's way bears it out (one check, on that figure); when
/// none does and some go the other way, the check fails at `info`: worth a second look, not an
/// error. When every figure is unchanged there is nothing to check.
fn opener(rule: &RuleSpec, o: &Opener, comparisons: &[Comparison], out: &mut Output) {
    let undirected: Vec<&Comparison> = comparisons
        .iter()
        .filter(|c| {
            c.section == o.section
                && c.direction.is_none()
                && !c.past_only
                && !c.approx
                && c.span.start >= o.span.start
        })
        .collect();
    let (said, went, other_way) = match o.direction {
        Direction::Up => ("increased", "rose", Direction::Down),
        Direction::Down => ("decreased", "fell", Direction::Up),
    };
    let record = |c: &Comparison, ok: bool, out: &mut Output| {
        let mut k = check(rule, o.direction, c, ok);
        k.expression = format!(
            "{}, as the section's opening sentence says efforts {said}",
            k.expression
        );
        out.checks.push(k);
    };
    if let Some(c) = undirected.iter().find(|c| agrees(o.direction, c)) {
        record(c, true, out);
        return;
    }
    // `… 65 victims, a significant increase compared with 31 in 2029 but similar to 70 in 2028`:
    // a figure the text itself says went the verdict's way bears it out too.
    if comparisons.iter().any(|c| {
        c.section == o.section
            && !c.approx
            && c.span.start >= o.span.start
            && c.direction.is_some_and(|(d, _)| d == o.direction)
            && agrees(o.direction, c)
    }) {
        return;
    }
    let against: Vec<&Comparison> = undirected
        .into_iter()
        .filter(|c| agrees(other_way, c))
        .collect();
    let Some(first) = against.first() else {
        return;
    };
    record(first, false, out);
    let mut d = rule
        .diagnostic(
            o.direction_span,
            format!(
                "the section's opening sentence says efforts {said}, but no figure it compares with an earlier one {went}"
            ),
        )
        .with_label(o.direction_span, "the opening verdict");
    for c in &against {
        d = with_figures(d, c);
    }
    d.severity = Severity::Info;
    out.diagnostics.push(d.with_help(format!(
        "compared: {}. Efforts are more than these figures, so this is an info, not an error",
        against_each(&against)
    )));
}

/// `30 against 20; 5 against 8`: each comparison's figures.
fn against_each(comparisons: &[&Comparison]) -> String {
    comparisons
        .iter()
        .map(|c| {
            format!(
                "{} against {}",
                text(c.current.value),
                text(c.previous.value)
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// A summary's multiple in words (`more than double`).
fn more_than(factor: u32) -> &'static str {
    if factor == 2 {
        "more than double"
    } else {
        "more than triple"
    }
}

fn d_word(d: Direction) -> &'static str {
    match d {
        Direction::Up => "more (an increase)",
        Direction::Down => "fewer (a decrease)",
    }
}
