//! TL305 `number-style`: one to nine spelled out, 10 and above in numerals, no numeral opening a
//! sentence.

use super::figures::text;
use super::{Checker, Context, Output};
use crate::rules::spec::RuleSpec;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

#[derive(Default)]
pub struct NumberStyle;

const WORDS: [&str; 10] = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
];

impl Checker for NumberStyle {
    fn check(&self, cx: &Context, rule: &RuleSpec, out: &mut Output) {
        for chapter in &cx.facts.chapters {
            for n in chapter.numbers.iter().filter(|n| !n.exempt) {
                let small = n.value >= Decimal::ONE && n.value < Decimal::from(10);
                let written = cx.source.slice(n.span);
                if n.digits && small {
                    let word = WORDS[n.value.to_usize().unwrap_or(0).min(9)];
                    let word = if n.opens_sentence {
                        super::words::with_case_of(word, "A")
                    } else {
                        word.to_string()
                    };
                    out.diagnostics.push(
                        rule.diagnostic(
                            n.span,
                            format!("house style spells out numbers below 10: `{word}`"),
                        )
                        .with_label(n.span, format!("write `{word}`"))
                        .with_fix(n.span, word),
                    );
                } else if n.digits && n.opens_sentence {
                    out.diagnostics.push(
                        rule.diagnostic(
                            n.span,
                            format!("a sentence does not open with a numeral (`{written}`)"),
                        )
                        .with_label(n.span, "rephrase so that the sentence starts with a word")
                        .with_help(format!("for example: `A total of {written} …`")),
                    );
                } else if !n.digits && n.value >= Decimal::from(10) && !n.opens_sentence {
                    out.diagnostics.push(
                        rule.diagnostic(
                            n.span,
                            format!(
                                "house style writes 10 and above in numerals: `{}`",
                                text(n.value)
                            ),
                        )
                        .with_label(n.span, format!("write `{}`", text(n.value)))
                        .with_fix(n.span, text(n.value)),
                    );
                }
            }
        }
    }
}
