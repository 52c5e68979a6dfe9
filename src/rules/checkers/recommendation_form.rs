//! TL205: a recommendation that does not open with an imperative verb or does not end with a period.

use super::{Checker, Context, Output};
use crate::parse::SectionKind;
use crate::parse::lines::ends_sentence;
use crate::rules::spec::RuleSpec;
use crate::source::Span;
use std::collections::HashSet;

#[derive(Default)]
pub struct RecommendationForm;

/// Words of `text` with their byte ranges.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_whitespace()
        .map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

impl Checker for RecommendationForm {
    fn check(&self, cx: &Context, rule: &RuleSpec, out: &mut Output) {
        let verbs: HashSet<String> = cx
            .vocab
            .imperative_verbs
            .iter()
            .map(|v| v.to_lowercase())
            .collect();
        let not_imperative: HashSet<String> = cx
            .vocab
            .non_imperative_openers
            .iter()
            .map(|v| v.to_lowercase())
            .collect();
        let text = &cx.source.text;
        for chapter in &cx.report.chapters {
            for section in chapter
                .sections
                .iter()
                .filter(|s| s.kind == SectionKind::Recommendations)
            {
                for item in &section.recommendations {
                    let body = &text[item.span.start..item.span.end];
                    // An excerpt cut off inside this item: its end (and a lone first word) is
                    // not the writer's.
                    let cut_off = item.span.end == text.trim_end().len() && !ends_sentence(body);
                    if cut_off && body.split_whitespace().count() < 2 {
                        continue;
                    }
                    // Skip adverbs (`Vigorously investigate`, `Proactively identify`).
                    let mut opener = None;
                    for (at, w) in words(body) {
                        let bare = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
                        let lower = bare.to_lowercase();
                        if lower.ends_with("ly") && !verbs.contains(&lower) {
                            continue;
                        }
                        // Where the word starts without the marks glued to it (`*“train`).
                        let start = at + (bare.as_ptr() as usize - w.as_ptr() as usize);
                        opener = Some((at, start, bare, lower));
                        break;
                    }
                    if let Some((at, start, word, lower)) = opener {
                        let starts_lower =
                            word.chars().next().is_some_and(char::is_lowercase) && at == 0;
                        let clearly_not = not_imperative.contains(&lower)
                            || lower.ends_with("ing")
                            || lower.ends_with("ed") && !verbs.contains(&lower);
                        // `Respecting due process, investigate …`: an opening phrase, then the verb.
                        let after_phrase = body
                            .find(',')
                            .filter(|&c| body[..c].split_whitespace().count() <= 8)
                            .and_then(|c| body[c + 1..].split_whitespace().next())
                            .map(|w| {
                                w.trim_matches(|c: char| !c.is_alphanumeric())
                                    .to_lowercase()
                            });
                        let verb_after_phrase = after_phrase.is_some_and(|w| verbs.contains(&w));
                        if !verbs.contains(&lower)
                            && !verb_after_phrase
                            && (starts_lower || clearly_not)
                        {
                            let start = item.span.start + start;
                            let span = Span::new(start, start + word.len());
                            out.diagnostics.push(
                                rule.diagnostic(
                                    span,
                                    format!("recommendation does not start with an imperative verb (`{word}`)"),
                                )
                                .with_label(span, "expected a verb such as `Increase`, `Train`, `Ensure`")
                                .with_help("write each recommendation as an instruction: `Increase efforts to …`"),
                            );
                        }
                    }
                    let trimmed = body.trim_end_matches(['"', '”', '’', ')', ']']);
                    if !trimmed.ends_with('.') && !cut_off {
                        let end = item.span.end;
                        let last_char = body.chars().next_back().map_or(0, char::len_utf8);
                        let span = Span::new(end - last_char, end);
                        out.diagnostics.push(
                            rule.diagnostic(span, "recommendation does not end with a period")
                                .with_label(span, "a period belongs here")
                                .with_help("end every recommendation with a period"),
                        );
                    }
                }
            }
        }
    }
}
