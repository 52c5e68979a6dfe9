//! TL107 `range-reversed`: a range whose low end exceeds its high end.

use super::figures::{json, text};
use super::{Checker, Context, Output};
use crate::diagnostic::Check;
use crate::rules::spec::RuleSpec;
use serde_json::json;

#[derive(Default)]
pub struct RangeReversed;

impl Checker for RangeReversed {
    fn check(&self, cx: &Context, rule: &RuleSpec, out: &mut Output) {
        for chapter in &cx.facts.chapters {
            for r in &chapter.ranges {
                let ok = r.low.value <= r.high.value;
                out.checks.push(Check {
                    rule: rule.name.clone(),
                    ok,
                    expression: format!("{} ≤ {}", text(r.low.value), text(r.high.value)),
                    values: json!({"low": json(r.low.value), "high": json(r.high.value)}),
                    span: r.span,
                    figures: vec![r.low.span, r.high.span],
                });
                if !ok {
                    out.diagnostics.push(
                        rule.diagnostic(
                            r.span,
                            format!(
                                "the range runs from {} down to {}",
                                text(r.low.value),
                                text(r.high.value)
                            ),
                        )
                        .with_label(r.low.span, "low end")
                        .with_label(r.high.span, "high end")
                        .with_help(format!(
                            "{} > {}: swap the ends or correct one of them",
                            text(r.low.value),
                            text(r.high.value)
                        )),
                    );
                }
            }
        }
    }
}
