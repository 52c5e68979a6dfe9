//! TL109 `count-mismatch`: a count of places followed by a list of more places than it counts
//! (`two crisis centers … in Bishkek, Osh, and Naryn`).

use super::figures::{json, text};
use super::{Checker, Context, Output};
use crate::diagnostic::Check;
use crate::rules::spec::RuleSpec;
use rust_decimal::Decimal;
use serde_json::json;

#[derive(Default)]
pub struct CountMismatch;

impl Checker for CountMismatch {
    fn check(&self, cx: &Context, rule: &RuleSpec, out: &mut Output) {
        for chapter in &cx.facts.chapters {
            for l in &chapter.count_lists {
                let named = Decimal::from(l.items.len());
                // `five shelters in Bishkek, Osh, and Naryn`: a place may hold several; only
                // fewer places counted than named is a contradiction.
                if l.count.value > named {
                    continue;
                }
                let names: Vec<&str> = l.items.iter().map(|s| cx.source.slice(*s)).collect();
                let ok = named == l.count.value;
                out.checks.push(Check {
                    rule: rule.name.clone(),
                    ok,
                    expression: format!(
                        "{} = {} named ({})",
                        text(l.count.value),
                        l.items.len(),
                        names.join(", ")
                    ),
                    values: json!({"count": json(l.count.value), "items": names}),
                    span: l.span,
                    figures: vec![l.count.span],
                });
                if !ok {
                    let mut d = rule
                        .diagnostic(
                            l.span,
                            format!(
                                "the text counts {} but names {}",
                                text(l.count.value),
                                l.items.len()
                            ),
                        )
                        .with_label(l.count.span, format!("count: {}", text(l.count.value)));
                    for (k, s) in l.items.iter().enumerate() {
                        d = d.with_label(*s, format!("{}", k + 1));
                    }
                    out.diagnostics.push(d.with_help(format!(
                        "{} listed: {}",
                        l.items.len(),
                        names.join(", ")
                    )));
                }
            }
        }
    }
}
