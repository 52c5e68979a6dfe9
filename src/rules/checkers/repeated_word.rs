//! TL309 `repeated-word`: the same word twice in a row (`the the`), a slip of editing.

use super::words::chapter_words;
use super::{Checker, Context, Output, options};
use crate::rules::spec::RuleSpec;
use crate::source::Span;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RepeatedWord {
    /// Words English may double on purpose (`that that`, `had had`), in lower case.
    #[serde(default)]
    allowed: Vec<String>,
}

pub fn build(table: &toml::Table) -> Result<Box<dyn Checker>, String> {
    let rule: RepeatedWord = options(table)?;
    Ok(Box::new(rule))
}

impl Checker for RepeatedWord {
    fn check(&self, cx: &Context, rule: &RuleSpec, out: &mut Output) {
        for words in chapter_words(cx) {
            for n in 1..words.tokens.len() {
                let (first, second) = (&words.tokens[n - 1], &words.tokens[n]);
                let lower = words.lower[n];
                // A capitalised second word is a name (`Bora Bora`), not a slip.
                if words.lower[n - 1] != words.lower[n]
                    || self.allowed.iter().any(|a| a == lower)
                    || !lower.chars().any(char::is_alphabetic)
                    || second.text.starts_with(char::is_uppercase)
                {
                    continue;
                }
                // Only white space between them: a comma or a full stop makes it a list or two
                // sentences (`It is, is it?`).
                let gap = Span::new(first.span.end, second.span.start);
                if gap.is_empty() || !cx.source.slice(gap).chars().all(char::is_whitespace) {
                    continue;
                }
                out.diagnostics.push(
                    rule.diagnostic(
                        first.span.cover(second.span),
                        format!("`{}` is repeated", second.text),
                    )
                    .with_label(second.span, "the second time")
                    .with_help(format!("delete the second `{}`", second.text))
                    .with_fix(Span::new(first.span.end, second.span.end), ""),
                );
            }
        }
    }
}
