//! TL308 `currency-name`: one currency named two ways beside amounts in a chapter (`4 million
//! Som` and `1,000 soms`). Codes (`KZT`) are not names: a chapter may define one after the name
//! (`Kazakhstani Tenge (KZT)`) and use it from then on.

use super::{Checker, Context, Output};
use crate::facts::CurrencyWord;
use crate::rules::spec::RuleSpec;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

#[derive(Default)]
pub struct CurrencyName;

impl Checker for CurrencyName {
    fn check(&self, cx: &Context, rule: &RuleSpec, out: &mut Output) {
        for chapter in &cx.facts.chapters {
            // The forms of each currency, in order of first use; an amount of one takes the
            // singular whatever the chapter's style, so it is not compared.
            let mut by_code: BTreeMap<&str, Vec<(&str, Vec<&CurrencyWord>)>> = BTreeMap::new();
            for w in chapter
                .currency_words
                .iter()
                .filter(|w| w.amount != Decimal::ONE)
            {
                let form = cx.source.slice(w.span);
                if form.eq_ignore_ascii_case(&w.code) {
                    continue;
                }
                let forms = by_code.entry(w.code.as_str()).or_default();
                match forms.iter_mut().find(|(f, _)| *f == form) {
                    Some((_, uses)) => uses.push(w),
                    None => forms.push((form, vec![w])),
                }
            }
            for forms in by_code.values().filter(|f| f.len() > 1) {
                // The chapter's form: the most used, the first used on a tie.
                let keep = forms
                    .iter()
                    .enumerate()
                    .max_by_key(|(k, (_, uses))| (uses.len(), std::cmp::Reverse(*k)))
                    .map(|(k, _)| k)
                    .expect("two or more forms");
                let (_, model_uses) = &forms[keep];
                let model = model_uses[0];
                let model_text = cx.source.slice(model.span);
                for (k, (form, uses)) in forms.iter().enumerate() {
                    if k == keep {
                        continue;
                    }
                    for w in uses {
                        let written = *form;
                        let d = rule
                            .diagnostic(
                                w.span,
                                format!(
                                    "the currency is written `{written}` here and `{model_text}` elsewhere in this chapter"
                                ),
                            )
                            .with_label(w.span, format!("`{written}`"))
                            .with_label(
                                model.span,
                                format!(
                                    "the chapter's form ({} of {} amounts)",
                                    model_uses.len(),
                                    forms.iter().map(|(_, u)| u.len()).sum::<usize>()
                                ),
                            )
                            .with_help(format!("write the currency one way: `{model_text}`"))
                            .with_fix(w.span, model_text.to_string());
                        out.diagnostics.push(d);
                    }
                }
            }
        }
    }
}
