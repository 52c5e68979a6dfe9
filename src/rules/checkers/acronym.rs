//! TL304 `undefined-acronym`: an acronym neither defined in the chapter (`Full Name (ACR)`) nor in
//! the report glossary.

use super::words::chapter_words;
use super::{Checker, Context, Output, options};
use crate::rules::spec::RuleSpec;
use rustc_hash::FxHashSet as HashSet;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UndefinedAcronym {
    /// Acronyms the report defines once for all chapters.
    glossary: Vec<String>,
}

pub fn build(table: &toml::Table) -> Result<Box<dyn Checker>, String> {
    let checker: UndefinedAcronym = options(table)?;
    Ok(Box::new(checker))
}

/// `NRM`, `SOPs`, `COVID-19`: two or more capitals (a plural `s` and digits allowed).
fn acronym(word: &str) -> Option<&str> {
    // Its second letter is a capital or a digit too: most capitalised words fail here.
    if !word
        .as_bytes()
        .get(1)
        .is_some_and(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
    {
        return None;
    }
    let core = word.strip_suffix('s').unwrap_or(word);
    let core = core.split('-').next().unwrap_or(core);
    let capitals = core.chars().filter(char::is_ascii_uppercase).count();
    (capitals >= 2
        && core
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()))
    .then_some(core)
}

impl Checker for UndefinedAcronym {
    fn check(&self, cx: &Context, rule: &RuleSpec, out: &mut Output) {
        let glossary: HashSet<String> = self
            .glossary
            .iter()
            .map(|g| g.trim_end_matches(['+', 's']).to_string())
            .collect();
        let text = &cx.source.text;
        for (chapter, words) in cx.report.chapters.iter().zip(chapter_words(cx)) {
            let body = &text[chapter.span.start..chapter.span.end];
            // The words are the paragraphs' (prose only: headings and section labels are in
            // capitals by design). Each acronym is judged once per chapter.
            let mut judged: HashSet<&str> = HashSet::default();
            // What the chapter puts in short parentheses (`Full Name (ACR)`), read once.
            let parenthesised: HashSet<&str> = body
                .match_indices('(')
                .filter_map(|(at, _)| {
                    let inside = &body[at + 1..];
                    // Within the first 17 bytes only: not to the end of the chapter from each
                    // parenthesis left open.
                    let close = memchr::memchr(b')', &inside.as_bytes()[..inside.len().min(17)])?;
                    Some(&inside[..close])
                })
                .collect();
            for w in &words.tokens {
                // An acronym is capitals and digits: most words fail at the first letter.
                if !w
                    .text
                    .as_bytes()
                    .first()
                    .is_some_and(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
                {
                    continue;
                }
                let Some(acr) = acronym(w.text) else { continue };
                if !judged.insert(acr) || glossary.contains(acr) {
                    continue;
                }
                // Defined as `Full Name (ACR)` anywhere in the chapter, or a country's initials.
                if parenthesised.contains(acr)
                    || parenthesised.contains(format!("{acr}s").as_str())
                    || cx
                        .vocab
                        .currencies
                        .iter()
                        .any(|c| c.code == acr && !c.word_code)
                {
                    continue;
                }
                // Words in capitals around it: a heading or a name in capitals, not an acronym.
                if acr.len() > 6 {
                    continue;
                }
                out.diagnostics.push(
                    rule.diagnostic(
                        w.span,
                        format!("`{acr}` is not defined in this chapter or the report glossary"),
                    )
                    .with_label(w.span, "first use")
                    .with_help(format!("spell it out at first use: `Full Name ({acr})`")),
                );
            }
        }
    }
}
