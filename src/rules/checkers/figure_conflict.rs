//! TL108 `figure-conflict`: the same figure (same actor, action and counted noun, in the
//! reporting period) stated twice in a chapter with different values.

use super::figures::{json, text};
use super::{Checker, Context, Output};
use crate::diagnostic::Check;
use crate::facts::FigureStatement;
use crate::rules::spec::RuleSpec;
use serde_json::json;
use std::collections::BTreeMap;

#[derive(Default)]
pub struct FigureConflict;

impl Checker for FigureConflict {
    fn check(&self, cx: &Context, rule: &RuleSpec, out: &mut Output) {
        for chapter in &cx.facts.chapters {
            let mut groups: BTreeMap<(&str, &str, &str), Vec<&FigureStatement>> = BTreeMap::new();
            for s in &chapter.statements {
                groups
                    .entry((s.actor.as_str(), s.action.as_str(), s.noun.as_str()))
                    .or_default()
                    .push(s);
            }
            for ((actor, action, noun), list) in groups {
                let first = list[0];
                for second in &list[1..] {
                    let ok = first.figure.value == second.figure.value;
                    out.checks.push(Check {
                        rule: rule.name.clone(),
                        ok,
                        expression: format!("{actor} / {action} / {noun}: {} = {}", text(first.figure.value), text(second.figure.value)),
                        values: json!({"first": json(first.figure.value), "second": json(second.figure.value)}),
                        span: first.figure.span.cover(second.figure.span),
                        figures: vec![first.figure.span, second.figure.span],
                    });
                    if !ok {
                        out.diagnostics.push(
                            rule.diagnostic(
                                second.figure.span,
                                format!("{actor} ({action}, {noun}s) is given as {} here but {} earlier", text(second.figure.value), text(first.figure.value)),
                            )
                            .with_label(first.figure.span, format!("first: {}", text(first.figure.value)))
                            .with_label(second.figure.span, format!("then: {}", text(second.figure.value)))
                            .with_help("state one figure, or say what distinguishes the two"),
                        );
                    }
                }
            }
        }
    }
}
