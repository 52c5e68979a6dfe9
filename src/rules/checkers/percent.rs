//! TL113 `percent-mismatch`: a percentage against its count and whole, and percentages of one
//! whole against 100.

use super::figures::{json, text};
use super::{Checker, Context, Output};
use crate::diagnostic::{Check, Severity};
use crate::facts::{PercentOf, PercentParts, StatedPercent};
use crate::rules::spec::RuleSpec;
use rust_decimal::Decimal;
use serde_json::json;

#[derive(Default)]
pub struct PercentMismatch;

impl Checker for PercentMismatch {
    fn check(&self, cx: &Context, rule: &RuleSpec, out: &mut Output) {
        for chapter in &cx.facts.chapters {
            for x in &chapter.percents {
                of_whole(rule, x, out);
            }
            for l in &chapter.percent_parts {
                parts(rule, l, out);
            }
        }
    }
}

/// A computed percentage as text: at most two decimals (`26.67`).
fn shown(d: Decimal) -> String {
    text(d.round_dp(2))
}

/// What a rounded percentage stands for (`23.5 to 24.5`).
fn interval(low: Decimal, high: Decimal) -> String {
    format!("{} to {}", text(low), text(high))
}

/// `count / whole × 100` against the percentage, within half the unit of its last digit.
fn of_whole(rule: &RuleSpec, x: &PercentOf, out: &mut Output) {
    let p = x.percent;
    // Beyond the arithmetic's range, nothing is checked.
    let Some(ratio) = x
        .count
        .value
        .checked_mul(Decimal::ONE_HUNDRED)
        .and_then(|c| c.checked_div(x.whole.value))
    else {
        return;
    };
    let Some(off) = ratio.checked_sub(p.value) else {
        return;
    };
    let ok = off.abs() <= p.half_unit;
    let arithmetic = format!(
        "{} / {} × 100 = {}",
        text(x.count.value),
        text(x.whole.value),
        shown(ratio)
    );
    out.checks.push(Check {
        rule: rule.name.clone(),
        ok,
        expression: format!(
            "{arithmetic} {} {} percent",
            if ok { "≈" } else { "≠" },
            text(p.value)
        ),
        values: json!({
            "total": json(x.whole.value),
            "parts": [json(x.count.value)],
            "percent": [json(p.value)],
        }),
        span: x.span,
        figures: vec![x.count.span, x.whole.span, p.span],
    });
    if ok {
        return;
    }
    let mut d = rule
        .diagnostic(
            x.span,
            format!(
                "{} of {} is {} percent, but the text says {} percent",
                text(x.count.value),
                text(x.whole.value),
                shown(ratio),
                text(p.value)
            ),
        )
        .with_label(p.span, format!("percent: {}", text(p.value)))
        .with_label(x.count.span, format!("count: {}", text(x.count.value)))
        .with_label(x.whole.span, format!("whole: {}", text(x.whole.value)))
        .with_help(format!(
            "{arithmetic}; {} percent, as rounded, stands for {}",
            text(p.value),
            bounds(p)
        ));
    if p.approx || x.approx_figures {
        d.severity = Severity::Info;
        d.message
            .push_str(" (an approximate figure: the mismatch may be rounding)");
    }
    out.diagnostics.push(d);
}

/// The interval a stated percentage stands for.
fn bounds(p: StatedPercent) -> String {
    match (
        p.value.checked_sub(p.half_unit),
        p.value.checked_add(p.half_unit),
    ) {
        (Some(low), Some(high)) => interval(low, high),
        _ => text(p.value),
    }
}

/// Percentages that state every part of one whole sum to 100, within the rounding of each.
fn parts(rule: &RuleSpec, l: &PercentParts, out: &mut Output) {
    let values = || l.parts.iter().map(|p| p.value);
    let (Some(total), Some(slack)) = (
        crate::facts::arith::sum(values()),
        crate::facts::arith::sum(l.parts.iter().map(|p| p.half_unit)),
    ) else {
        return;
    };
    let Some(off) = total.checked_sub(Decimal::ONE_HUNDRED) else {
        return;
    };
    let ok = off.abs() <= slack;
    let plus = values().map(text).collect::<Vec<_>>().join(" + ");
    let listed: Vec<_> = values().map(json).collect();
    out.checks.push(Check {
        rule: rule.name.clone(),
        ok,
        expression: format!(
            "{plus} = {} {} 100 percent",
            text(total),
            if ok { "≈" } else { "≠" }
        ),
        values: json!({"total": 100, "parts": listed, "percent": listed}),
        span: l.span,
        figures: l.parts.iter().map(|p| p.span).collect(),
    });
    if ok {
        return;
    }
    let mut d = rule.diagnostic(
        l.span,
        format!(
            "these percentages of one whole add up to {} percent, not 100",
            text(total)
        ),
    );
    for p in &l.parts {
        d = d.with_label(p.span, format!("part: {} percent", text(p.value)));
    }
    let mut d = d.with_help(format!(
        "{plus} = {}; with each part rounded as stated, they should add up to {}",
        text(total),
        match (
            Decimal::ONE_HUNDRED.checked_sub(slack),
            Decimal::ONE_HUNDRED.checked_add(slack)
        ) {
            (Some(low), Some(high)) => interval(low, high),
            _ => "100".to_string(),
        }
    ));
    if l.parts.iter().any(|p| p.approx) {
        d.severity = Severity::Info;
        d.message
            .push_str(" (approximate percentages: the mismatch may be rounding)");
    }
    out.diagnostics.push(d);
}
