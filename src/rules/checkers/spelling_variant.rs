//! TL302 `spelling-variant`: one word written with and without its hyphen in a chapter.

use super::words::{chapter_words, with_case_of};
use super::{Checker, Context, NoOptions, Output, options};
use crate::rules::spec::RuleSpec;
use std::collections::{BTreeMap, HashSet};

pub struct SpellingVariant;

pub fn build(table: &toml::Table) -> Result<Box<dyn Checker>, String> {
    let NoOptions {} = options(table)?;
    Ok(Box::new(SpellingVariant))
}

impl Checker for SpellingVariant {
    fn check(&self, cx: &Context, rule: &RuleSpec, out: &mut Output) {
        let style: HashSet<String> = cx
            .vocab
            .hyphenated_compounds
            .iter()
            .map(|c| c.to_lowercase())
            .collect();
        for words in chapter_words(cx) {
            // Occurrences of each hyphenated word and of its joined form, by lower-case form.
            let mut forms: BTreeMap<String, (Vec<usize>, Vec<usize>)> = BTreeMap::new();
            for (n, (w, lower)) in words.tokens.iter().zip(&words.lower).enumerate() {
                if w.text.contains('-') && !w.text.chars().any(|c| c.is_ascii_digit()) {
                    forms.entry(lower.to_string()).or_default().0.push(n);
                }
            }
            let joined: BTreeMap<String, String> = forms
                .keys()
                .map(|h| (h.replace('-', ""), h.clone()))
                .collect();
            // Only words as long as some joined form can be one.
            let lengths: HashSet<usize> = joined.keys().map(String::len).collect();
            for (n, lower) in words.lower.iter().enumerate() {
                if !lengths.contains(&lower.len()) {
                    continue;
                }
                if let Some(h) = joined.get(lower.as_ref()) {
                    forms.get_mut(h).expect("from the same keys").1.push(n);
                }
            }
            for (hyphenated, (with, without)) in &forms {
                if without.is_empty() {
                    continue;
                }
                let prefer_hyphen = style.contains(hyphenated) || with.len() >= without.len();
                let (keep, change) = if prefer_hyphen {
                    (with, without)
                } else {
                    (without, with)
                };
                let model = &words.tokens[keep[0]];
                let target = if prefer_hyphen {
                    hyphenated.clone()
                } else {
                    hyphenated.replace('-', "")
                };
                for &n in change {
                    let w = &words.tokens[n];
                    let fixed = with_case_of(&target, w.text);
                    out.diagnostics.push(
                        rule.diagnostic(
                            w.span,
                            format!(
                                "`{}` is also written `{}` in this chapter",
                                w.text, model.text
                            ),
                        )
                        .with_label(w.span, format!("write `{fixed}`"))
                        .with_label(model.span, "the chapter's form")
                        .with_help(if style.contains(hyphenated) {
                            "the style list writes it with a hyphen"
                        } else {
                            "the chapter mostly writes it the other way"
                        })
                        .with_fix(w.span, fixed.clone()),
                    );
                }
            }
        }
    }
}
