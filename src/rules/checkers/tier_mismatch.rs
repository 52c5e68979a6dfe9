//! TL106 `tier-mismatch`: the heading's tier, the standards sentence and the tier statement
//! (`remained on Tier 2`) must agree.

use super::{Checker, Context, Output};
use crate::diagnostic::Check;
use crate::facts::{Standards, TierMove};
use crate::parse::Tier;
use crate::rules::spec::RuleSpec;
use serde_json::json;

#[derive(Default)]
pub struct TierMismatch;

impl Checker for TierMismatch {
    fn check(&self, cx: &Context, rule: &RuleSpec, out: &mut Output) {
        across_editions(cx, rule, out);
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

/// A tier's rank, best first; `None` for a special case.
fn rank(t: Tier) -> Option<u8> {
    match t {
        Tier::Tier1 => Some(1),
        Tier::Tier2 => Some(2),
        Tier::Tier2WatchList => Some(3),
        Tier::Tier3 => Some(4),
        Tier::SpecialCase => None,
    }
}

/// With `--previous`: the tier statement (`remained on`, `upgraded to`, `downgraded to`) against
/// the heading of the same country's chapter in the edition just before; a change of tier the
/// introduction states with neither word (it has a standards sentence but says only `remained
/// on`, or nothing) is a mismatch too.
fn across_editions(cx: &Context, rule: &RuleSpec, out: &mut Output) {
    let Some(edition) = cx.edition else { return };
    if cx.previous.is_empty() {
        return;
    }
    let count = cx.report.chapters.len();
    for (chapter, claims) in cx.report.chapters.iter().zip(&cx.facts.chapters) {
        let t = &claims.tier;
        let paired = crate::editions::earlier_chapters(
            chapter.country(),
            count,
            edition,
            cx.previous,
            cx.vocab,
        );
        let Some(before) = paired.iter().find(|p| p.year == edition - 1) else {
            continue;
        };
        let Some((was, was_span)) = before.edition.facts.chapters[before.chapter].tier.heading
        else {
            continue;
        };
        let statement = t.statements.first().map(|&(tier, span)| {
            let word = t
                .moves
                .iter()
                .find(|(s, _)| *s == span)
                .map_or(TierMove::Placed, |m| m.1);
            (tier, span, word)
        });
        let (now, at) = match (t.heading, statement) {
            (_, Some((tier, span, _))) => (tier, span),
            (Some((tier, span)), None) => (tier, span),
            (None, None) => continue,
        };
        let (Some(r_now), Some(r_was)) = (rank(now), rank(was)) else {
            continue;
        };
        let problem = match statement.map(|s| s.2) {
            Some(TierMove::Remained) if now != was => Some(format!(
                "the text says the country remained on {now}, but the {} edition placed it on {was}",
                before.year
            )),
            Some(TierMove::Upgraded) if r_now >= r_was => Some(format!(
                "the text says the country was upgraded to {now}, but the {} edition placed it on {was}",
                before.year
            )),
            Some(TierMove::Downgraded) if r_now <= r_was => Some(format!(
                "the text says the country was downgraded to {now}, but the {} edition placed it on {was}",
                before.year
            )),
            None if now != was && t.standards.is_some() => Some(format!(
                "the country moved from {was} (the {} edition) to {now}, but the text says neither upgraded nor downgraded",
                before.year
            )),
            _ => None,
        };
        out.checks.push(Check {
            rule: rule.name.clone(),
            ok: problem.is_none(),
            expression: format!("{now} after {was} in the {} edition", before.year),
            values: json!({"current": now.to_string(), "previous": was.to_string()}),
            span: at,
            figures: vec![at],
        });
        let Some(problem) = problem else { continue };
        let file = std::sync::Arc::new(crate::diagnostic::OtherFile {
            name: before.edition.name.clone(),
            source: before.edition.source.clone(),
        });
        let (line, column) = before.edition.source.line_col(was_span.start);
        out.diagnostics.push(
            rule.diagnostic(at, problem)
                .with_label(at, format!("this edition: {now}"))
                .with_label_in(file, was_span, format!("the {} edition: {was}", before.year))
                .with_help(format!(
                    "the {} edition ({}:{line}:{column}) placed the country on {was}; say `upgraded to`, `downgraded to` or `remained on` accordingly",
                    before.year, before.edition.name
                )),
        );
    }
}
