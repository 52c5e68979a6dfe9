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

/// Whether the words `long` (up to the acronym's length and two more) read as its long form: the
/// first of them starts with the acronym's first letter and the last with its last letter
/// (`anti-trafficking unit` for `ATU`, `US Department of State` for `USDOS`).
fn initials_match(acr: &str, long: &[&str]) -> bool {
    let initial = |w: &str| {
        w.chars()
            .find(|c| c.is_alphabetic())
            .map(|c| c.to_ascii_lowercase())
    };
    let (Some(first), Some(last)) = (acr.chars().next(), acr.chars().last()) else {
        return false;
    };
    let (first, last) = (first.to_ascii_lowercase(), last.to_ascii_lowercase());
    (1..=long.len().min(acr.len() + 2))
        .any(|n| initial(long[0]) == Some(first) && initial(long[n - 1]) == Some(last))
}

/// The words of `text` that are prose, without surrounding punctuation.
fn words_of(text: &str) -> Vec<&str> {
    text.split(|c: char| c.is_whitespace() || c == '-' || c == '‑')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether `body` defines `acr` in one of the report's other forms: `ACR (long form)`,
/// `long form or ACR`, `ACR – long form` (the long form's first and last words carrying the
/// acronym's first and last letters).
fn defined_otherwise(body: &str, acr: &str) -> bool {
    let is_word_char = |c: char| c.is_alphanumeric();
    body.match_indices(acr).any(|(at, _)| {
        let end = at + acr.len();
        if body[..at].chars().next_back().is_some_and(is_word_char)
            || body[end..].chars().next().is_some_and(is_word_char)
        {
            return false;
        }
        let after = body[end..].trim_start_matches(' ');
        // `ACR (long form)`, `ACR – long form`, `ACR - long form`.
        let long_after = after
            .strip_prefix('(')
            .map(|r| r.split(')').next().unwrap_or(""))
            .or_else(|| {
                ["–", "—", "- "]
                    .iter()
                    .find_map(|d| after.strip_prefix(d))
                    .map(|r| r.split(['–', '—', ',', ';', '.', '(']).next().unwrap_or(""))
            });
        if long_after.is_some_and(|l| initials_match(acr, &words_of(l))) {
            return true;
        }
        // `long form or ACR`: the words before `or`, nearest last.
        let before = body[..at].trim_end_matches(' ');
        let Some(before) = before
            .strip_suffix(" or")
            .or_else(|| before.strip_suffix(" or,"))
        else {
            return false;
        };
        let clause = before
            .rsplit(['.', ';', ',', '(', ':'])
            .next()
            .unwrap_or("");
        let mut words = words_of(clause);
        // The long form ends at `or`; where it starts is found by its first letter.
        let n = words.len();
        let take = n.min(acr.len() + 2);
        words.drain(..n - take);
        (0..words.len()).any(|start| initials_match(acr, &words[start..]))
            && words.last().is_some_and(|w| {
                w.chars()
                    .find(|c| c.is_alphabetic())
                    .map(|c| c.to_ascii_lowercase())
                    == acr.chars().last().map(|c| c.to_ascii_lowercase())
            })
    })
}

/// The longest stretch read on either side of a word for its chunk or its line: a line longer
/// than this is prose, not a heading (and the checks stay linear on long inputs).
const NEAR: usize = 120;

/// `text[..at]`'s last `NEAR` bytes (or fewer, on a character boundary).
fn near_before(text: &str, at: usize) -> &str {
    let mut from = at.saturating_sub(NEAR);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    &text[from..at]
}

/// `text[at..]`'s first `NEAR` bytes (or fewer, on a character boundary).
fn near_after(text: &str, at: usize) -> &str {
    let mut to = (at + NEAR).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    &text[at..to]
}

/// Whether the word at `span` is part of an identifier: its whitespace-delimited chunk holds a
/// digit outside the word (`section 98AA`, `No.CL/20140010`).
fn in_identifier(text: &str, span: crate::source::Span) -> bool {
    let before = near_before(text, span.start);
    let before = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let after = near_after(text, span.end);
    let after = after.split(char::is_whitespace).next().unwrap_or("");
    before.bytes().any(|b| b.is_ascii_digit()) || after.bytes().any(|b| b.is_ascii_digit())
}

/// The pieces of the chapter's paragraphs (the text between blank lines, which a page break may
/// have joined to the next) written in capitals, two words or more and no lower-case letter: a
/// title, a name or page furniture in capitals, whose words are not acronyms. Judged per piece,
/// not per line: a line break inside a piece is a space.
fn capital_pieces(text: &str, chapter: &crate::parse::Chapter) -> Vec<crate::source::Span> {
    chapter
        .sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .flat_map(|p| p.parts.iter().copied())
        .filter(|span| {
            let said = &text[span.start..span.end];
            !said.chars().any(char::is_lowercase)
                && said
                    .split_whitespace()
                    .filter(|w| w.chars().any(char::is_alphabetic))
                    .nth(1)
                    .is_some()
        })
        .collect()
}

impl Checker for UndefinedAcronym {
    fn check(&self, cx: &Context, rule: &RuleSpec, out: &mut Output) {
        let glossary: HashSet<String> = self
            .glossary
            .iter()
            .map(|g| g.trim_end_matches(['+', 's']).to_string())
            .collect();
        // Currencies need no definition: every code (but those that are also words), symbol
        // and name of `rules/currencies.toml`, in capitals.
        let currencies: HashSet<String> = cx
            .vocab
            .currencies
            .iter()
            .flat_map(|c| {
                let code = (!c.word_code).then(|| c.code.clone());
                code.into_iter()
                    .chain(c.symbols.iter().cloned())
                    .chain(c.names.iter().map(|n| n.to_uppercase()))
            })
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
            let capitals = capital_pieces(text, chapter);
            let in_capitals = |span: crate::source::Span| {
                let at = capitals.partition_point(|p| p.end <= span.start);
                capitals.get(at).is_some_and(|p| p.contains(span))
            };
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
                if judged.contains(acr) || glossary.contains(acr) || currencies.contains(acr) {
                    continue;
                }
                // Letters of a legal identifier, or a word of a piece in capitals: not acronyms
                // (a later use in prose is still judged).
                if in_identifier(text, w.span) || in_capitals(w.span) {
                    continue;
                }
                judged.insert(acr);
                // Defined as `Full Name (ACR)` anywhere in the chapter, or in another form.
                if parenthesised.contains(acr)
                    || parenthesised.contains(format!("{acr}s").as_str())
                    || defined_otherwise(body, acr)
                {
                    continue;
                }
                // Longer than six letters: a word in capitals, not an acronym.
                if acr.len() > 6 {
                    continue;
                }
                // The acronym only, not the compound it opens (`DGS-operated`).
                let own = w.text.split('-').next().unwrap_or(w.text);
                let span = crate::source::Span::new(w.span.start, w.span.start + own.len());
                out.diagnostics.push(
                    rule.diagnostic(
                        span,
                        format!("`{acr}` is not defined in this chapter or the report glossary"),
                    )
                    .with_label(span, "first use")
                    .with_help(format!("spell it out at first use: `Full Name ({acr})`")),
                );
            }
        }
    }
}
