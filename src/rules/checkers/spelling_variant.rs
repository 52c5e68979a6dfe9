//! TL302 `spelling-variant`: one word written two ways in a chapter: with and without its hyphen,
//! or capitalised mid-sentence where the chapter otherwise writes it in lower case (or the reverse).

use super::words::{Words, chapter_words, with_case_of};
use super::{Checker, Context, Output, options};
use crate::diagnostic::Diagnostic;
use crate::facts::token::Token;
use crate::rules::spec::RuleSpec;
use crate::text::Prefilter;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpellingVariant {
    /// Lower-case words after which a capitalised word may begin a name (`Government of X`,
    /// `Office for Y`): a capitalised word followed by one of these is not compared.
    #[serde(default)]
    name_connectors: Vec<String>,
    /// How many times more often the lower-case form must occur than the capitalised one before
    /// the capitalised uses are reported (hyphen variants are always reported).
    #[serde(default = "default_majority")]
    case_majority: usize,
}

fn default_majority() -> usize {
    2
}

pub fn build(table: &toml::Table) -> Result<Box<dyn Checker>, String> {
    let rule: SpellingVariant = options(table)?;
    if rule.case_majority == 0 {
        return Err("invalid options: case_majority must be at least 1".into());
    }
    Ok(Box::new(rule))
}

/// A word written otherwise than the chapter's form (`model`), with the fix to that form.
/// A capital's fix needs review (`Fix::needs_review`): the capitalised word may be a name.
fn variant(
    rule: &RuleSpec,
    w: &Token,
    model: &Token,
    fixed: String,
    help: String,
    review: bool,
) -> Diagnostic {
    let d = rule
        .diagnostic(
            w.span,
            format!(
                "`{}` is also written `{}` in this chapter",
                w.text, model.text
            ),
        )
        .with_label(w.span, format!("write `{fixed}`"))
        .with_label(model.span, "the chapter's form")
        .with_help(help);
    if review {
        d.with_unsafe_fix(w.span, fixed)
    } else {
        d.with_fix(w.span, fixed)
    }
}

/// How a word is capitalised, for the words this rule compares.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Case {
    Lower,
    Capitalised,
}

fn case_of(word: &str) -> Option<Case> {
    let mut chars = word.chars();
    let first = chars.next()?;
    if !chars.clone().all(|c| c.is_lowercase() || c == '-') || !chars.any(char::is_alphabetic) {
        return None;
    }
    if first.is_lowercase() {
        Some(Case::Lower)
    } else if first.is_uppercase() {
        Some(Case::Capitalised)
    } else {
        None
    }
}

impl SpellingVariant {
    /// Words written both in lower case and capitalised in the middle of a sentence, away from
    /// other capitalised words (so names, titles and sentence starts are never compared): a
    /// capitalised word between connectors and capitals on either side is part of a name.
    fn case_variants(&self, text: &str, words: &Words, rule: &RuleSpec, out: &mut Output) {
        let tokens = &words.tokens;
        // Only spaces (or a comma) between two words: they are in the same sentence.
        let joined = |a: usize, b: usize| {
            let gap = &text[tokens[a].span.end..tokens[b].span.start];
            matches!(gap, " " | "  " | ", ")
        };
        // Capitalised words in the middle of a sentence are few: find them first, then count
        // only their lower-case forms.
        let mut uses: FxHashMap<&str, (Vec<usize>, Vec<usize>)> = FxHashMap::default();
        let starts_upper = |w: &str| match w.as_bytes().first() {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => w.starts_with(char::is_uppercase),
        };
        for (n, w) in tokens.iter().enumerate() {
            if !starts_upper(w.text) {
                continue;
            }
            let isolated = n > 0
                && n + 1 < tokens.len()
                && joined(n - 1, n)
                && joined(n, n + 1)
                && case_of(w.text) == Some(Case::Capitalised)
                && case_of(tokens[n - 1].text) == Some(Case::Lower)
                && case_of(tokens[n + 1].text) == Some(Case::Lower)
                && !self.name_connectors.iter().any(|c| c == words.lower[n + 1])
                // After a connector that follows a capitalised word, it ends a name
                // (`Office of Victims`, `Department for Immigration`).
                && !(n >= 2
                    && joined(n - 2, n - 1)
                    && starts_upper(tokens[n - 2].text)
                    && self.name_connectors.iter().any(|c| c == words.lower[n - 1]));
            let lower = words.lower[n];
            if isolated && lower.len() >= 3 {
                uses.entry(lower).or_default().1.push(n);
            }
        }
        if uses.is_empty() {
            return;
        }
        // Only words with a candidate's first letter and length are looked up.
        let candidates = Prefilter::new(uses.keys().copied());
        for (n, w) in tokens.iter().enumerate() {
            if candidates.may_hold(w.text)
                && !starts_upper(w.text)
                && let Some(entry) = uses.get_mut(w.text)
            {
                entry.0.push(n);
            }
        }
        let mut uses: Vec<_> = uses.into_iter().collect();
        uses.sort_unstable_by_key(|(lower, _)| *lower);
        for (lower, (small, capital)) in uses {
            if small.is_empty() || capital.is_empty() {
                continue;
            }
            // Only a capital among lower-case uses is reported: where the capitalised form is the
            // more frequent, the lower-case uses may be the common noun (`local government`
            // beside `the Government`), which is not a variant.
            if small.len() < self.case_majority * capital.len() {
                continue;
            }
            let (keep, change) = (small, capital);
            let model = &tokens[keep[0]];
            for &n in &change {
                let w = &tokens[n];
                let fixed = with_case_of(lower, model.text);
                out.diagnostics.push(variant(
                    rule,
                    w,
                    model,
                    fixed,
                    format!(
                        "the chapter writes `{}` {} times, and `{}` mid-sentence {} times",
                        model.text,
                        keep.len(),
                        w.text,
                        change.len()
                    ),
                    true,
                ));
            }
        }
    }
}

impl Checker for SpellingVariant {
    fn check(&self, cx: &Context, rule: &RuleSpec, out: &mut Output) {
        let style: FxHashSet<String> = cx
            .vocab
            .hyphenated_compounds
            .iter()
            .map(|c| c.to_lowercase())
            .collect();
        for words in chapter_words(cx) {
            self.case_variants(&cx.source.text, words, rule, out);
            // Occurrences of each hyphenated word and of its joined form, by lower-case form.
            let mut forms: BTreeMap<&str, (Vec<usize>, Vec<usize>)> = BTreeMap::new();
            for &n in &words.hyphenated {
                if !words.tokens[n].text.bytes().any(|b| b.is_ascii_digit()) {
                    forms.entry(words.lower[n]).or_default().0.push(n);
                }
            }
            let joined: FxHashMap<String, &str> =
                forms.keys().map(|h| (h.replace('-', ""), *h)).collect();
            // Only words with the first letter and length of some joined form can be one.
            let candidates = Prefilter::new(joined.keys().map(String::as_str));
            for (n, lower) in words.lower.iter().enumerate() {
                if !candidates.may_hold(lower) {
                    continue;
                }
                if let Some(h) = joined.get(*lower) {
                    forms.get_mut(h).expect("from the same keys").1.push(n);
                }
            }
            for (hyphenated, (with, without)) in &forms {
                if without.is_empty() {
                    continue;
                }
                let prefer_hyphen = style.contains(*hyphenated) || with.len() >= without.len();
                let (keep, change) = if prefer_hyphen {
                    (with, without)
                } else {
                    (without, with)
                };
                let model = &words.tokens[keep[0]];
                let target = if prefer_hyphen {
                    hyphenated.to_string()
                } else {
                    hyphenated.replace('-', "")
                };
                for &n in change {
                    let w = &words.tokens[n];
                    let fixed = with_case_of(&target, w.text);
                    let help = if style.contains(*hyphenated) {
                        "the style list writes it with a hyphen"
                    } else {
                        "the chapter mostly writes it the other way"
                    };
                    out.diagnostics
                        .push(variant(rule, w, model, fixed, help.to_string(), false));
                }
            }
        }
    }
}
