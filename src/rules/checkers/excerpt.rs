//! TL206: a text without a chapter heading is checked as an excerpt (DESIGN §2). One finding
//! says so, at its first line; the rules that need a whole chapter leave it alone.

use super::{Checker, Context, Output};
use crate::rules::spec::RuleSpec;

#[derive(Default)]
pub struct Excerpt;

impl Checker for Excerpt {
    fn check(&self, cx: &Context, rule: &RuleSpec, out: &mut Output) {
        if !cx.excerpt {
            return;
        }
        let Some(first) = cx.report.chapters.first() else {
            return;
        };
        let line = cx.source.first_line(first.span);
        out.diagnostics.push(
            rule.diagnostic(
                line,
                "checked as an excerpt: the text has no chapter heading, so its heading, its sections and their order were not checked",
            )
            .with_label(line, "the excerpt starts here")
            .with_help(
                "a whole chapter starts with a heading such as `Country Name (Tier 2)`; `--chapter` checks a text without one as a whole chapter",
            ),
        );
    }
}
