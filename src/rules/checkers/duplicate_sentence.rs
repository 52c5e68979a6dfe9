//! TL307: the same sentence twice in one chapter.

use super::{Checker, Context, Output, options};
use crate::rules::spec::RuleSpec;
use serde::Deserialize;
use std::collections::HashMap;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DuplicateSentence {
    /// Shorter sentences (`Tier 2.`) may repeat without notice.
    min_words: usize,
}

pub fn build(table: &toml::Table) -> Result<Box<dyn Checker>, String> {
    let checker: DuplicateSentence = options(table)?;
    Ok(Box::new(checker))
}

/// Lower case, single spaces, straight quotes: two sentences differing only so are the same.
fn normalise(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(['’', '‘'], "'")
        .replace(['“', '”'], "\"")
        .to_lowercase()
}

impl Checker for DuplicateSentence {
    fn check(&self, cx: &Context, rule: &RuleSpec, out: &mut Output) {
        for chapter in &cx.report.chapters {
            let mut seen = HashMap::new();
            for sentence in chapter.sentences() {
                let text = cx.source.slice(sentence.span);
                if text.split_whitespace().count() < self.min_words {
                    continue;
                }
                let key = normalise(text);
                match seen.get(&key) {
                    None => {
                        seen.insert(key, sentence.span);
                    }
                    Some(&first) => out.diagnostics.push(
                        rule.diagnostic(
                            sentence.span,
                            "this sentence appears twice in the chapter",
                        )
                        .with_label(first, "first here")
                        .with_label(sentence.span, "again here")
                        .with_help("delete one of the two, or say what changed"),
                    ),
                }
            }
        }
    }
}
