//! TL203: sections out of the standard order, or a section given twice.

use super::{Checker, Context, Output};
use crate::parse::SectionKind;
use crate::rules::spec::RuleSpec;

#[derive(Default)]
pub struct SectionOrder;

impl Checker for SectionOrder {
    fn check(&self, cx: &Context, rule: &RuleSpec, out: &mut Output) {
        // An excerpt's sections may be any part of a chapter, pasted in any order.
        if cx.excerpt {
            return;
        }
        let order: Vec<SectionKind> = cx
            .vocab
            .sections
            .iter()
            .filter_map(|s| SectionKind::from_name(&s.kind))
            .collect();
        let rank = |k: SectionKind| order.iter().position(|&o| o == k);
        for chapter in &cx.report.chapters {
            let mut latest: Option<&crate::parse::Section> = None;
            for (i, section) in chapter.sections.iter().enumerate() {
                let span = section.title_span.unwrap_or(section.span);
                if let Some(earlier) = chapter.sections[..i]
                    .iter()
                    .find(|s| s.kind == section.kind)
                {
                    let mut d = rule.diagnostic(
                        span,
                        format!(
                            "{} appears a second time in this chapter",
                            section.kind.display()
                        ),
                    );
                    if let Some(t) = earlier.title_span {
                        d = d.with_label(t, "first here");
                    }
                    out.diagnostics.push(d.with_label(span, "again here"));
                    continue;
                }
                if let Some(prev) = latest
                    && rank(section.kind) < rank(prev.kind)
                {
                    let mut d = rule.diagnostic(
                        span,
                        format!(
                            "{} comes after {}, but belongs before it",
                            section.kind.display(),
                            prev.kind.display()
                        ),
                    );
                    if let Some(t) = prev.title_span {
                        d = d.with_label(t, format!("{} starts here", prev.kind.display()));
                    }
                    out.diagnostics.push(d.with_label(span, "out of order").with_help(
                            "the standard order is: introduction, PRIORITIZED RECOMMENDATIONS, PROSECUTION, PROTECTION, PREVENTION, TRAFFICKING PROFILE",
                        ));
                    continue;
                }
                latest = Some(section);
            }
        }
    }
}
