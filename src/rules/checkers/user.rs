//! User rules without Rust: `existence` (these words, phrases or patterns must not appear) and
//! `substitution` (write this instead of that), with a message naming the matched text and an
//! optional fix.

use super::{Checker, Context, Output, options};
use crate::rules::spec::RuleSpec;
use crate::source::Span;
use regex::{Regex, RegexBuilder};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExistenceOptions {
    /// Words or phrases (matched as whole words), or regular expressions with `regex = true`.
    patterns: Vec<String>,
    #[serde(default)]
    regex: bool,
    #[serde(default)]
    case_sensitive: bool,
    /// `{match}` is replaced by the matched text.
    #[serde(default = "default_existence_message")]
    message: String,
    /// Leave matches inside quotation marks alone (a law's or a source's own words).
    #[serde(default)]
    skip_quoted: bool,
}

fn default_existence_message() -> String {
    "`{match}` should not appear".into()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SubstitutionOptions {
    /// What to write instead: each entry's `from` (a word, phrase or pattern) and `to`.
    swap: Vec<Swap>,
    #[serde(default)]
    regex: bool,
    #[serde(default)]
    case_sensitive: bool,
    /// `{match}` and `{replacement}` are filled in.
    #[serde(default = "default_substitution_message")]
    message: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Swap {
    from: String,
    to: String,
}

fn default_substitution_message() -> String {
    "write `{replacement}` instead of `{match}`".into()
}

fn compile(pattern: &str, regex: bool, case_sensitive: bool) -> Result<Regex, String> {
    let source = if regex {
        pattern.to_string()
    } else {
        format!(r"\b{}\b", regex::escape(pattern))
    };
    RegexBuilder::new(&source)
        .case_insensitive(!case_sensitive)
        .build()
        .map_err(|e| {
            format!(
                "invalid pattern `{pattern}`: {}",
                e.to_string().lines().last().unwrap_or("")
            )
        })
}

struct Existence {
    patterns: Vec<Regex>,
    message: String,
    skip_quoted: bool,
}

/// Whether `at` stands inside quotation marks within its paragraph: more `“` than `”` before it,
/// or an odd number of `"`.
fn quoted(body: &str, at: usize) -> bool {
    let before = &body[..at];
    let para = before.rfind("\n\n").map_or(before, |k| &before[k..]);
    let open = para.matches('“').count() > para.matches('”').count();
    open || para.matches('"').count() % 2 == 1
}

/// Each finding carries its replacement as a fix; `--fix` applies it when the rule says
/// `fix = "safe"`.
struct Substitution {
    swaps: Vec<(Regex, String)>,
    message: String,
}

pub fn build_existence(table: &toml::Table) -> Result<Box<dyn Checker>, String> {
    let o: ExistenceOptions = options(table)?;
    if o.patterns.is_empty() {
        return Err("invalid options: `patterns` is empty".into());
    }
    let patterns = o
        .patterns
        .iter()
        .map(|p| compile(p, o.regex, o.case_sensitive))
        .collect::<Result<_, _>>()?;
    Ok(Box::new(Existence {
        patterns,
        message: o.message,
        skip_quoted: o.skip_quoted,
    }))
}

pub fn build_substitution(table: &toml::Table) -> Result<Box<dyn Checker>, String> {
    let o: SubstitutionOptions = options(table)?;
    if o.swap.is_empty() {
        return Err("invalid options: `swap` is empty".into());
    }
    let swaps = o
        .swap
        .iter()
        .map(|s| compile(&s.from, o.regex, o.case_sensitive).map(|r| (r, s.to.clone())))
        .collect::<Result<_, _>>()?;
    Ok(Box::new(Substitution {
        swaps,
        message: o.message,
    }))
}

impl Checker for Existence {
    fn check(&self, cx: &Context, rule: &RuleSpec, out: &mut Output) {
        for chapter in &cx.report.chapters {
            let body = cx.source.slice(chapter.span);
            for re in &self.patterns {
                for m in re
                    .find_iter(body)
                    .filter(|m| !(m.is_empty() || self.skip_quoted && quoted(body, m.start())))
                {
                    let span =
                        Span::new(chapter.span.start + m.start(), chapter.span.start + m.end());
                    out.diagnostics.push(
                        rule.diagnostic(span, self.message.replace("{match}", m.as_str()))
                            .with_label(span, "here"),
                    );
                }
            }
        }
    }
}

impl Checker for Substitution {
    fn check(&self, cx: &Context, rule: &RuleSpec, out: &mut Output) {
        for chapter in &cx.report.chapters {
            let body = cx.source.slice(chapter.span);
            for (re, to) in &self.swaps {
                for caps in re.captures_iter(body) {
                    let m = caps.get(0).expect("the whole match");
                    if m.is_empty() {
                        continue;
                    }
                    let mut replacement = String::new();
                    caps.expand(to, &mut replacement);
                    let span =
                        Span::new(chapter.span.start + m.start(), chapter.span.start + m.end());
                    let message = self
                        .message
                        .replace("{match}", m.as_str())
                        .replace("{replacement}", &replacement);
                    out.diagnostics.push(
                        rule.diagnostic(span, message)
                            .with_label(span, format!("write `{replacement}`"))
                            .with_fix(span, replacement),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod quote_tests {
    use super::quoted;

    #[test]
    fn inside_quotation_marks_within_the_paragraph() {
        let t = "It said “a b c” and \"d e\" then f.\n\nNew “g";
        assert!(quoted(t, t.find('b').unwrap()));
        assert!(!quoted(t, t.find(" and").unwrap()));
        assert!(quoted(t, t.find('e').unwrap()));
        assert!(!quoted(t, t.find('f').unwrap()));
        // A quotation left open does not run into the next paragraph.
        let t = "He said “a b\n\nc d";
        assert!(!quoted(t, t.find('c').unwrap()));
    }
}
