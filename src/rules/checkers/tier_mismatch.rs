//! TL106 `tier-mismatch`: the heading's tier, the standards sentence and the tier statement
//! (`remained on Tier 2`) must agree.

use super::{Checker, Context, Output};
use crate::diagnostic::Check;
use crate::facts::Standards;
use crate::parse::Tier;
use crate::rules::spec::RuleSpec;
use serde_json::json;

#[derive(Default)]
pub struct TierMismatch;

impl Checker for TierMismatch {
    fn check(&self, cx: &Context, rule: &RuleSpec, out: &mut Output) {
        for chapter in &cx.facts.chapters {
            let t = &chapter.tier;
            // A waiver keeps on Tier 2 Watch List a country not making significant efforts.
            let allows = |std: Standards, tier: Tier| {
                std.allows(tier)
                    || t.waiver
                        && std == Standards::NotMakingEfforts
                        && tier == Tier::Tier2WatchList
            };
            let statement = t.statements.first();
            let present = usize::from(t.heading.is_some())
                + usize::from(t.standards.is_some())
                + usize::from(statement.is_some());
            if present < 2 {
                continue;
            }
            let mut problems = Vec::new();
            // What the text says against the heading, said once after it: `the heading says
            // Tier 1 but the text says Tier 3 and that the government …`.
            let mut against_heading = Vec::new();
            if let (Some((h, _)), Some((s, _))) = (t.heading, statement)
                && h != *s
            {
                against_heading.push(s.to_string());
            }
            if let (Some((h, _)), Some((std, _))) = (t.heading, t.standards)
                && !allows(std, h)
            {
                against_heading.push(if against_heading.is_empty() {
                    format!("the government {}", std.describe())
                } else {
                    format!("that the government {}", std.describe())
                });
            }
            if let (Some((h, _)), false) = (t.heading, against_heading.is_empty()) {
                problems.push(format!(
                    "the heading says {h} but the text says {}",
                    against_heading.join(" and ")
                ));
            }
            if let (Some((s, _)), Some((std, _))) = (statement, t.standards)
                && !allows(std, *s)
                && t.heading.is_none_or(|(h, _)| h == *s)
            {
                problems.push(format!(
                    "the text places the country on {s} but says the government {}",
                    std.describe()
                ));
            }
            let ok = problems.is_empty();
            let spans: Vec<_> = [
                t.heading.map(|x| x.1),
                t.standards.map(|x| x.1),
                statement.map(|x| x.1),
            ]
            .into_iter()
            .flatten()
            .collect();
            let span = spans
                .iter()
                .copied()
                .reduce(|a, b| a.cover(b))
                .expect("two present");
            out.checks.push(Check {
                rule: rule.name.clone(),
                ok,
                expression: [
                    t.heading.map(|(h, _)| format!("heading: {h}")),
                    t.standards
                        .map(|(s, _)| format!("standards: {}", s.describe())),
                    statement.map(|(s, _)| format!("statement: {s}")),
                    t.waiver
                        .then(|| "a waiver from a downgrade to Tier 3".to_string()),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join("; "),
                values: json!({
                    "heading": t.heading.map(|(h, _)| h.to_string()),
                    "standards": t.standards.map(|(s, _)| s.describe()),
                    "statement": statement.map(|(s, _)| s.to_string()),
                    "waiver": t.waiver,
                }),
                span,
                figures: spans,
            });
            if ok {
                continue;
            }
            let at = statement
                .map(|x| x.1)
                .or(t.standards.map(|x| x.1))
                .unwrap_or(span);
            let mut d = rule.diagnostic(at, problems.join("; "));
            if let Some((h, s)) = t.heading {
                d = d.with_label(s, format!("heading: {h}"));
            }
            if let Some((std, s)) = t.standards {
                d = d.with_label(s, format!("implies {}", std.describe()));
            }
            if let Some((st, s)) = statement {
                d = d.with_label(*s, format!("statement: {st}"));
            }
            out.diagnostics.push(d.with_help("make the heading, the standards sentence and the tier statement name the same tier"));
        }
    }
}
