//! TL301: escape debris such as `\$` left by a conversion. Fix: drop the backslash.

use super::{Checker, Context, Output, options};
use crate::rules::spec::RuleSpec;
use crate::source::Span;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EscapedMarkup {
    /// Characters whose escape is debris in plain text.
    characters: String,
    /// In Markdown, where escapes are syntax, only these are debris.
    markdown_characters: String,
}

pub fn build(table: &toml::Table) -> Result<Box<dyn Checker>, String> {
    let checker: EscapedMarkup = options(table)?;
    Ok(Box::new(checker))
}

impl Checker for EscapedMarkup {
    fn check(&self, cx: &Context, rule: &RuleSpec, out: &mut Output) {
        let set = if cx.source.is_markdown() {
            &self.markdown_characters
        } else {
            &self.characters
        };
        let text = &cx.source.text;
        let mut skip_until = 0;
        for (at, _) in text.match_indices('\\') {
            if at < skip_until {
                continue;
            }
            let Some(next) = text[at + 1..].chars().next() else {
                break;
            };
            if next == '\\' {
                // An escaped backslash: neither is debris.
                skip_until = at + 2;
                continue;
            }
            if !set.contains(next) {
                continue;
            }
            let span = Span::new(at, at + 1 + next.len_utf8());
            out.diagnostics.push(
                rule.diagnostic(
                    span,
                    format!("escaped `{next}`: the backslash is conversion debris"),
                )
                .with_label(span, format!("should read `{next}`"))
                .with_help("drop the backslash")
                .with_fix(span, next.to_string()),
            );
        }
    }
}
