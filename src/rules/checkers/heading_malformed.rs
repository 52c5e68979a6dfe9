//! TL201: a chapter without a recognisable heading (country and tier). A text with no heading
//! at all is an excerpt (`Context::excerpt`), unless `--chapter` asks for the full check.

use super::{Checker, Context, Output};
use crate::rules::spec::RuleSpec;

#[derive(Default)]
pub struct HeadingMalformed;

impl Checker for HeadingMalformed {
    fn check(&self, cx: &Context, rule: &RuleSpec, out: &mut Output) {
        for chapter in &cx.report.chapters {
            match &chapter.heading {
                // An excerpt has no heading to check (the `excerpt` rule says so).
                None if cx.excerpt => {}
                None => {
                    let first_line = cx.source.first_line(chapter.span);
                    out.diagnostics.push(
                        rule.diagnostic(
                            first_line,
                            "no chapter heading: the text has no line naming the country and its tier",
                        )
                        .with_label(first_line, "the chapter starts here, without a heading")
                        .with_help("start the chapter with a heading such as `Country Name (Tier 2)`"),
                    );
                }
                Some(h) => {
                    if let Some(problem) = &h.problem {
                        let mut d = rule
                            .diagnostic(h.span, format!("malformed chapter heading: {problem}"));
                        if let Some(t) = h.tier_span {
                            d = d.with_label(t, "tier");
                        }
                        out.diagnostics.push(d.with_help(
                            "write the heading as `Country Name (Tier 1)`, `(Tier 2)`, `(Tier 2 Watch List)`, `(Tier 3)` or `(Special Case)`",
                        ));
                    }
                }
            }
        }
    }
}
