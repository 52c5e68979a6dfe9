//! TL306 `outdated-name`: a name the style list replaces (`Turkey` → `Türkiye`).

use super::{Checker, Context, Output, options};
use crate::rules::spec::RuleSpec;
use crate::source::Span;
use aho_corasick::{AhoCorasick, MatchKind};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Options {
    names: Vec<Substitution>,
}

pub struct OutdatedName {
    names: Vec<Substitution>,
    /// Every old name at once: one pass over the text, whatever the length of the list.
    finder: AhoCorasick,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Substitution {
    old: String,
    new: String,
    /// Text that, right before the old name, shows it is part of a current one (`North `).
    #[serde(default)]
    not_after: Vec<String>,
    /// The first edition that uses the new name; earlier editions keep the old one.
    #[serde(default)]
    since: Option<i32>,
}

pub fn build(table: &toml::Table) -> Result<Box<dyn Checker>, String> {
    let Options { names } = options(table)?;
    if let Some(bad) = names
        .iter()
        .find(|s| s.old.is_empty() || s.new.contains(&s.old) && s.not_after.is_empty())
    {
        return Err(format!(
            "invalid options: `{}` → `{}` would match its own replacement",
            bad.old, bad.new
        ));
    }
    let finder = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(names.iter().map(|s| &s.old))
        .map_err(|e| format!("invalid options: {e}"))?;
    Ok(Box::new(OutdatedName { names, finder }))
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || c == '-')
}

impl Checker for OutdatedName {
    fn check(&self, cx: &Context, rule: &RuleSpec, out: &mut Output) {
        let text = &cx.source.text;
        for chapter in &cx.report.chapters {
            let body = &text[chapter.span.start..chapter.span.end];
            // The longest name at each place (`not_after` tells a current name that ends with an
            // old one, `North Macedonia`).
            for m in self.finder.find_iter(body) {
                let s = &self.names[m.pattern().as_usize()];
                let at = m.start();
                if let (Some(since), Some(edition)) = (s.since, cx.edition)
                    && edition < since
                {
                    continue;
                }
                let before = &body[..at];
                let after = &body[at + s.old.len()..];
                if is_word_char(before.chars().next_back()) || is_word_char(after.chars().next()) {
                    continue;
                }
                if s.not_after.iter().any(|p| before.ends_with(p.as_str())) {
                    continue;
                }
                let span = Span::new(
                    chapter.span.start + at,
                    chapter.span.start + at + s.old.len(),
                );
                out.diagnostics.push(
                    rule.diagnostic(span, format!("`{}` is now `{}`", s.old, s.new))
                        .with_label(span, format!("write `{}`", s.new))
                        .with_help("the report uses the current name")
                        .with_fix(span, s.new.clone()),
                );
            }
        }
    }
}
