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

/// Where a chapter's text stands inside quotation marks within its paragraph: more `“` than `”`
/// before it in the paragraph, or an odd number of `"`. Read in one pass over the text and
/// looked up by binary search, so each match costs no scan of its paragraph.
struct Quoted {
    /// Byte offsets from which the answer changes, with the new answer, in order.
    changes: Vec<(usize, bool)>,
}

impl Quoted {
    fn new(body: &str) -> Quoted {
        let bytes = body.as_bytes();
        let mut changes = Vec::new();
        let (mut open, mut close, mut straight) = (0usize, 0usize, 0usize);
        let (mut inside, mut after_line_end) = (false, false);
        let mut i = 0;
        while i < bytes.len() {
            let rest = &bytes[i..];
            let len = match rest[0] {
                b'\n' | b'\r' => {
                    // A line end right after another one (a blank line) ends the paragraph: a
                    // quotation left open does not run into the next one.
                    if after_line_end {
                        (open, close, straight) = (0, 0, 0);
                    }
                    after_line_end = true;
                    if rest.starts_with(b"\r\n") { 2 } else { 1 }
                }
                b'"' => {
                    straight += 1;
                    after_line_end = false;
                    1
                }
                _ if rest.starts_with("“".as_bytes()) => {
                    open += 1;
                    after_line_end = false;
                    3
                }
                _ if rest.starts_with("”".as_bytes()) => {
                    close += 1;
                    after_line_end = false;
                    3
                }
                _ => {
                    after_line_end = false;
                    1
                }
            };
            i += len;
            let now = open > close || straight % 2 == 1;
            if now != inside {
                changes.push((i, now));
                inside = now;
            }
        }
        Quoted { changes }
    }

    /// Whether byte `at` of the text stands inside quotation marks.
    fn at(&self, at: usize) -> bool {
        let later = self.changes.partition_point(|&(from, _)| from <= at);
        later.checked_sub(1).is_some_and(|k| self.changes[k].1)
    }
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
            // Read on the first match that needs it.
            let quoted = std::cell::OnceCell::new();
            let quoted = |at: usize| quoted.get_or_init(|| Quoted::new(body)).at(at);
            for re in &self.patterns {
                for m in re
                    .find_iter(body)
                    .filter(|m| !(m.is_empty() || self.skip_quoted && quoted(m.start())))
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
    use super::Quoted;

    fn quoted(text: &str, at: usize) -> bool {
        Quoted::new(text).at(at)
    }

    #[test]
    fn inside_quotation_marks_within_the_paragraph() {
        let t = "It said “a b c” and \"d e\" then f.\n\nNew “g";
        assert!(quoted(t, t.find('b').unwrap()));
        assert!(!quoted(t, t.find(" and").unwrap()));
        assert!(quoted(t, t.find('e').unwrap()));
        assert!(!quoted(t, t.find('f').unwrap()));
        assert!(quoted(t, t.find('g').unwrap()));
        // A quotation left open does not run into the next paragraph.
        let t = "He said “a b\n\nc d";
        assert!(!quoted(t, t.find('c').unwrap()));
        // A line with only white space on it does not end the paragraph.
        let t = "He said “a b\n \nc d";
        assert!(quoted(t, t.find('c').unwrap()));
    }

    #[test]
    fn paragraphs_end_at_blank_lines_with_crlf_or_cr_line_ends() {
        for end in ["\r\n", "\r"] {
            let t = "It said “a b\n\nc d \"e\n\nf\ng".replace('\n', end);
            assert!(quoted(&t, t.find('b').unwrap()), "{end:?}");
            assert!(!quoted(&t, t.find('c').unwrap()), "{end:?}");
            assert!(quoted(&t, t.find('e').unwrap()), "{end:?}");
            assert!(!quoted(&t, t.find('f').unwrap()), "{end:?}");
            assert!(!quoted(&t, t.find('g').unwrap()), "{end:?}");
        }
    }
}
