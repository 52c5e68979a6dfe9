//! TL202: a required section is absent from a chapter.

use super::{Checker, Context, Output};
use crate::parse::{Chapter, SectionKind};
use crate::rules::spec::RuleSpec;
use crate::source::Span;

#[derive(Default)]
pub struct MissingSection;

/// Where a section's absence is shown: the next present section's label, else the chapter's start.
fn anchor(
    cx: &Context,
    chapter: &Chapter,
    order: &[SectionKind],
    missing: SectionKind,
) -> (Span, String) {
    let rank = |k: SectionKind| order.iter().position(|&o| o == k);
    let after = chapter
        .sections
        .iter()
        .find(|s| rank(s.kind) > rank(missing));
    if let Some(next) = after {
        let span = next
            .title_span
            .unwrap_or_else(|| cx.source.first_line(next.span));
        return (span, format!("{} belongs before this", missing.display()));
    }
    let span = chapter
        .heading
        .as_ref()
        .map(|h| h.span)
        .unwrap_or_else(|| cx.source.first_line(chapter.span));
    let what = match missing {
        SectionKind::Intro => "introduction".to_string(),
        _ => format!("{} section", missing.display()),
    };
    (span, format!("this chapter has no {what}"))
}

impl Checker for MissingSection {
    fn check(&self, cx: &Context, rule: &RuleSpec, out: &mut Output) {
        // An excerpt holds part of a chapter: what it leaves out is not missing.
        if cx.excerpt {
            return;
        }
        let order: Vec<SectionKind> = cx
            .vocab
            .sections
            .iter()
            .filter_map(|s| SectionKind::from_name(&s.kind))
            .collect();
        for chapter in &cx.report.chapters {
            for wanted in cx.vocab.sections.iter().filter(|s| s.required) {
                let Some(kind) = SectionKind::from_name(&wanted.kind) else {
                    continue;
                };
                if chapter.sections.iter().any(|s| s.kind == kind) {
                    continue;
                }
                let (span, label) = anchor(cx, chapter, &order, kind);
                let what = match kind {
                    SectionKind::Intro => {
                        "the chapter has no introduction before its first section".to_string()
                    }
                    _ => format!("the chapter has no {} section", kind.display()),
                };
                out.diagnostics.push(
                    rule.diagnostic(span, what)
                        .with_label(span, label)
                        .with_help(
                            "a chapter has, in order: introduction, PRIORITIZED RECOMMENDATIONS, PROSECUTION, PROTECTION, PREVENTION, TRAFFICKING PROFILE",
                        ),
                );
            }
        }
    }
}
