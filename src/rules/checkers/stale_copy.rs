//! TL112 `stale-copy` (with `--previous`): a sentence holding figures (counts of a named noun, or
//! amounts of money) copied unchanged from the same country's chapter in an earlier edition.
//! Sentences without such figures (the law, penalties, the tier, the profile) are expected to
//! carry over and are left alone.

use super::{Checker, Context, Output};
use crate::diagnostic::OtherFile;
use crate::editions::earlier_chapters;
use crate::rules::spec::RuleSpec;
use crate::source::Span;
use std::collections::HashMap;
use std::sync::Arc;

#[derive(Default)]
pub struct StaleCopy;

/// A sentence's words joined by single spaces.
fn normalised(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Checker for StaleCopy {
    fn check(&self, cx: &Context, rule: &RuleSpec, out: &mut Output) {
        let Some(edition) = cx.edition else { return };
        if cx.previous.is_empty() {
            return;
        }
        let count = cx.report.chapters.len();
        for (chapter, claims) in cx.report.chapters.iter().zip(&cx.facts.chapters) {
            let paired = earlier_chapters(chapter.country(), count, edition, cx.previous, cx.vocab);
            // Each earlier sentence by its text: the newest edition's first.
            let mut earlier: HashMap<String, (usize, Span)> = HashMap::new();
            for (k, p) in paired.iter().enumerate().rev() {
                for s in p.edition.report.chapters[p.chapter].sentences() {
                    earlier.insert(normalised(p.edition.source.slice(s.span)), (k, s.span));
                }
            }
            if earlier.is_empty() {
                continue;
            }
            let files: Vec<Arc<OtherFile>> =
                paired.iter().map(|p| p.edition.label_file()).collect();
            for s in chapter.sentences() {
                // The figures are in the order of the text: the first at or after the
                // sentence's start.
                let figures = &claims.period_figures;
                let first = figures.partition_point(|f| f.figure.span.start < s.span.start);
                // A count of something named or an amount (not `Tier 2`, `COVID-19`, `Law
                // 137-03`).
                let with_figures = figures[first..]
                    .iter()
                    .take_while(|f| f.figure.span.start < s.span.end)
                    .any(|f| f.measure.is_some() && s.span.contains(f.figure.span));
                if !with_figures {
                    continue;
                }
                let Some(&(k, span)) = earlier.get(&normalised(cx.source.slice(s.span))) else {
                    continue;
                };
                let p = &paired[k];
                let (line, column) = p.edition.source.line_col(span.start);
                out.diagnostics.push(
                    rule.diagnostic(
                        s.span,
                        format!(
                            "this sentence and its figures are copied unchanged from the {} edition",
                            p.year
                        ),
                    )
                    .with_label_in(files[k].clone(), span, format!("the {} edition", p.year))
                    .with_help(format!(
                        "the {} edition ({}:{line}:{column}) has the same sentence; update its figures for this reporting period, or say they are an earlier period's",
                        p.year, p.edition.name
                    )),
                );
            }
        }
    }
}
