//! TL204: a paragraph split mid-sentence by a page break. Fix: join the halves with one space.

use super::{Checker, Context, Output};
use crate::rules::spec::RuleSpec;
use crate::source::Span;

#[derive(Default)]
pub struct BrokenParagraph;

/// The last word of `text[span]` (after its last white space, which may be wider than a byte).
fn last_word(text: &str, span: Span) -> Span {
    let s = &text[span.start..span.end];
    let start = s
        .char_indices()
        .rfind(|(_, c)| c.is_whitespace())
        .map_or(0, |(p, c)| p + c.len_utf8());
    Span::new(span.start + start, span.end)
}

/// The first word of `text[span]`.
fn first_word(text: &str, span: Span) -> Span {
    let s = &text[span.start..span.end];
    Span::new(
        span.start,
        span.start + s.find(char::is_whitespace).unwrap_or(s.len()),
    )
}

impl Checker for BrokenParagraph {
    fn check(&self, cx: &Context, rule: &RuleSpec, out: &mut Output) {
        let text = &cx.source.text;
        for chapter in &cx.report.chapters {
            for paragraph in chapter.paragraphs() {
                for pair in paragraph.parts.windows(2) {
                    let (before, after) = (last_word(text, pair[0]), first_word(text, pair[1]));
                    let gap = Span::new(pair[0].end, pair[1].start);
                    out.diagnostics.push(
                        rule.diagnostic(
                            before.cover(after),
                            format!(
                                "paragraph split by a page break between `{}` and `{}`",
                                &text[before.start..before.end],
                                &text[after.start..after.end]
                            ),
                        )
                        .with_label(before, "the sentence breaks off here")
                        .with_label(after, "and goes on here")
                        .with_help("join the two halves with a single space")
                        .with_fix(gap, " "),
                    );
                }
            }
        }
    }
}
