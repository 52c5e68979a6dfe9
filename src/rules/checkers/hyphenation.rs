//! TL303 `hyphenation`: a compound from the style list written without its hyphen.

use super::words::{chapter_words, with_case_of};
use super::{Checker, Context, Output};
use crate::rules::spec::RuleSpec;
use crate::text::Prefilter;
use rustc_hash::{FxHashMap, FxHashSet};

#[derive(Default)]
pub struct Hyphenation;

impl Checker for Hyphenation {
    fn check(&self, cx: &Context, rule: &RuleSpec, out: &mut Output) {
        let joined: FxHashMap<String, &str> = cx
            .vocab
            .hyphenated_compounds
            .iter()
            .map(|c| (c.replace('-', "").to_lowercase(), c.as_str()))
            .collect();
        // Only words with the first letter and length of some joined compound can be one (no
        // hashing for the many words that cannot be).
        let candidates = Prefilter::new(joined.keys().map(String::as_str));
        for words in chapter_words(cx) {
            // Where the chapter also writes the hyphenated form, `spelling-variant` reports it.
            let written: FxHashSet<&str> =
                words.hyphenated.iter().map(|&n| words.lower[n]).collect();
            // A word with a hyphen is never a joined form (the table's keys have none).
            for (w, lower) in words.tokens.iter().zip(&words.lower) {
                if !candidates.may_hold(lower) {
                    continue;
                }
                let Some(compound) = joined.get(*lower) else {
                    continue;
                };
                if written.contains(compound.to_lowercase().as_str()) {
                    continue;
                }
                let fixed = with_case_of(compound, w.text);
                out.diagnostics.push(
                    rule.diagnostic(
                        w.span,
                        format!("`{}` is written `{fixed}` in house style", w.text),
                    )
                    .with_label(w.span, format!("write `{fixed}`"))
                    .with_help("the hyphen was probably lost at a line end")
                    .with_fix(w.span, fixed.clone()),
                );
            }
        }
    }
}
