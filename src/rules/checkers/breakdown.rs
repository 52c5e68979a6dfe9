//! TL101 `sum-mismatch`, TL102 `split-mismatch`, TL103 `part-exceeds-whole`: the parts of a
//! breakdown against its total.

use super::figures::{json, plus, sum, text};
use super::{Checker, Context, Output, options};
use crate::diagnostic::Check;
use crate::facts::{Breakdown, Doubt, RelationKind};
use crate::rules::spec::RuleSpec;
use crate::source::Span;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;
use serde::Deserialize;
use serde_json::json;
use std::cell::OnceCell;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BreakdownRule {
    /// `sum` (closed enumerations, and `including` lists that add up), `split`, or `subset`.
    relation: String,
    /// How far (in units) the parts of a sum or split may be from the total and still pass; 0
    /// by default. Set from `[tolerances]` in `tiplint.toml`.
    #[serde(default)]
    tolerance: u32,
}

pub fn build(table: &toml::Table) -> Result<Box<dyn Checker>, String> {
    let rule: BreakdownRule = options(table)?;
    if !matches!(rule.relation.as_str(), "sum" | "split" | "subset") {
        return Err(format!(
            "invalid options: relation must be sum, split or subset, not `{}`",
            rule.relation
        ));
    }
    Ok(Box::new(rule))
}

fn check(rule: &RuleSpec, b: &Breakdown, ok: bool, expression: String) -> Check {
    Check {
        rule: rule.name.clone(),
        ok,
        expression,
        values: json!({"total": json(b.total.value), "parts": b.parts.iter().map(|p| json(p.value)).collect::<Vec<_>>()}),
        span: b.span,
        figures: std::iter::once(b.total.span)
            .chain(b.parts.iter().map(|p| p.span))
            .collect(),
    }
}

impl BreakdownRule {
    fn sum_rule(
        &self,
        rule: &RuleSpec,
        b: &Breakdown,
        others: &OnceCell<Sums>,
        all: &[Breakdown],
        out: &mut Output,
    ) {
        // Parts beyond the arithmetic's range are not checked.
        let Some((total, off)) =
            sum(&b.parts).and_then(|t| Some((t, t.checked_sub(b.total.value)?)))
        else {
            return;
        };
        // The parts of a group within the total are only bounded by it.
        let bounded = b.doubt == Some(Doubt::PartOfWhole) && total < b.total.value;
        let ok = bounded || off.abs() <= rust_decimal::Decimal::from(self.tolerance);
        let expression = if bounded {
            format!(
                "{} = {} ≤ {} (a group within the total)",
                plus(&b.parts),
                text(total),
                text(b.total.value)
            )
        } else if total == b.total.value {
            format!("{} = {}", plus(&b.parts), text(b.total.value))
        } else {
            format!(
                "{} = {}, within {} of {}",
                plus(&b.parts),
                text(total),
                self.tolerance,
                text(b.total.value)
            )
        };
        out.checks.push(check(
            rule,
            b,
            ok,
            if ok {
                expression
            } else {
                format!(
                    "{} = {}, not {}",
                    plus(&b.parts),
                    text(total),
                    text(b.total.value)
                )
            },
        ));
        if ok {
            return;
        }
        let what = if b.kind == RelationKind::Split {
            "the parts of this split"
        } else {
            "the parts"
        };
        // A split that refers back and falls short may name only some categories; it is an
        // error when another enumeration of the same total adds up or agrees with it (so the
        // reference is right).
        let corroborated = others.get_or_init(|| Sums::new(all)).corroborate(b, total);
        let short_split = b.kind == RelationKind::Split && total < b.total.value && !corroborated;
        // A list that may leave people out is wrong for certain only when its parts exceed.
        let doubt = b.doubt.filter(|&d| {
            !matches!(d, Doubt::Unlisted | Doubt::PartOfWhole) || total < b.total.value
        });
        let uncertain = short_split || b.by_action || doubt.is_some();
        let mut d = rule
            .diagnostic(
                b.span,
                format!(
                    "{what} add up to {}, but the total says {}",
                    text(total),
                    text(b.total.value)
                ),
            )
            .with_label(b.total.span, format!("total: {}", text(b.total.value)));
        for p in &b.parts {
            d = d.with_label(p.span, format!("part: {}", text(p.value)));
        }
        let mut d = d.with_help(format!(
            "{} = {}, not {}",
            plus(&b.parts),
            text(total),
            text(b.total.value)
        ));
        if uncertain {
            d.severity = crate::diagnostic::Severity::Info;
            let reason = if short_split {
                "the split may name only some categories".to_string()
            } else if let Some(doubt) = doubt {
                doubt.reason().to_string()
            } else {
                "groups told by what was done may overlap or leave some out".to_string()
            };
            d.message.push_str(&format!(" ({reason})"));
        }
        out.diagnostics.push(d);
    }

    fn subset_rule(&self, rule: &RuleSpec, b: &Breakdown, out: &mut Output) {
        let total = b.total.value;
        let every_part_fits = b.parts.iter().all(|p| p.value <= total);
        let expression = if b.parts.len() == 1 {
            format!("{} ≤ {}", text(b.parts[0].value), text(total))
        } else {
            format!("each of {} ≤ {}", plus(&b.parts), text(total))
        };
        out.checks.push(check(rule, b, every_part_fits, expression));
        for p in b.parts.iter().filter(|p| p.value > total) {
            out.diagnostics.push(
                rule.diagnostic(
                    b.span,
                    format!(
                        "a part ({}) is larger than its whole ({})",
                        text(p.value),
                        text(total)
                    ),
                )
                .with_label(p.span, format!("part: {}", text(p.value)))
                .with_label(b.total.span, format!("whole: {}", text(total)))
                .with_help(format!("{} > {}", text(p.value), text(total))),
            );
        }
    }
}

/// A chapter's sums and splits by the total they enumerate (the figure's span): how many add up
/// to it, and how many come to each other sum. Read once per chapter, on the first mismatch.
struct Sums(FxHashMap<Span, (usize, FxHashMap<Decimal, usize>)>);

impl Sums {
    fn new(all: &[Breakdown]) -> Sums {
        let mut by_total: FxHashMap<Span, (usize, FxHashMap<Decimal, usize>)> =
            FxHashMap::default();
        for o in all
            .iter()
            .filter(|o| matches!(o.kind, RelationKind::Sum | RelationKind::Split))
        {
            // Parts beyond the arithmetic's range corroborate nothing.
            let Some(parts) = sum(&o.parts) else { continue };
            let entry = by_total.entry(o.total.span).or_default();
            if parts == o.total.value {
                entry.0 += 1;
            } else {
                *entry.1.entry(parts.normalize()).or_default() += 1;
            }
        }
        Sums(by_total)
    }

    /// Does another sum or split of `b`'s total (`b` a sum or split whose parts come to `parts`,
    /// not to its total) add up, or come to the same sum?
    fn corroborate(&self, b: &Breakdown, parts: Decimal) -> bool {
        self.0.get(&b.total.span).is_some_and(|(add_up, sums)| {
            // `b` itself is counted among those that come to `parts`.
            let same = sums.get(&parts.normalize()).copied().unwrap_or(0);
            *add_up + same > 1
        })
    }
}

impl Checker for BreakdownRule {
    fn check(&self, cx: &Context, rule: &RuleSpec, out: &mut Output) {
        for chapter in &cx.facts.chapters {
            let others = OnceCell::new();
            for b in &chapter.breakdowns {
                match (self.relation.as_str(), b.kind) {
                    ("sum", RelationKind::Sum) | ("split", RelationKind::Split) => {
                        self.sum_rule(rule, b, &others, &chapter.breakdowns, out)
                    }
                    // An `including` list is a full breakdown only when it adds up; otherwise its
                    // parts are a subset of the total.
                    ("sum", RelationKind::Including) if sum(&b.parts) == Some(b.total.value) => {
                        self.sum_rule(rule, b, &others, &chapter.breakdowns, out)
                    }
                    ("subset", RelationKind::Including) if sum(&b.parts) != Some(b.total.value) => {
                        self.subset_rule(rule, b, out)
                    }
                    ("subset", RelationKind::Subset) => self.subset_rule(rule, b, out),
                    _ => {}
                }
            }
        }
    }
}
