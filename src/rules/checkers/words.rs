//! Shared by the word-level editorial rules: the chapter's words, and case-preserving fixes.

use crate::facts::token::{TokKind, Token};
use crate::rules::checkers::Context;

/// A chapter's words, each with its lower-case form (the text itself when it is lower case, else
/// the claims stage's lower-cased copy).
pub struct Words<'a> {
    pub tokens: Vec<Token<'a>>,
    pub lower: Vec<&'a str>,
    /// Indexes of the words written with a hyphen (`anti-trafficking`), in order.
    pub hyphenated: Vec<usize>,
}

/// The words of every chapter's paragraphs, chapter by chapter, as the claims stage read them
/// (the text is not tokenised again), with their lower-case forms.
pub fn chapter_words<'c, 'a>(cx: &'c Context<'a>) -> &'c [Words<'a>] {
    cx.words.get_or_init(|| {
        cx.facts
            .chapters
            .iter()
            .map(|c| {
                let tokens: Vec<Token<'a>> = c
                    .words
                    .iter()
                    .map(|&span| Token {
                        kind: TokKind::Word,
                        text: cx.source.slice(span),
                        span,
                        space_before: true,
                    })
                    .collect();
                let lower = c.words.iter().map(|&span| c.lower_of(span)).collect();
                // Hyphens are few: find them in the chapter's text, then the word each is in.
                let mut hyphenated: Vec<usize> = Vec::new();
                for at in memchr::memchr_iter(b'-', cx.source.slice(c.span).as_bytes()) {
                    let at = c.span.start + at;
                    let n = c.words.partition_point(|w| w.end <= at);
                    if c.words.get(n).is_some_and(|w| w.start < at) && hyphenated.last() != Some(&n)
                    {
                        hyphenated.push(n);
                    }
                }
                Words {
                    tokens,
                    lower,
                    hyphenated,
                }
            })
            .collect()
    })
}

/// `target` written with the capitalisation of `like` (`Anti-trafficking` for `Antitrafficking`).
pub fn with_case_of(target: &str, like: &str) -> String {
    let upper = like
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
        && like.chars().count() > 1;
    if upper {
        return target.to_uppercase();
    }
    let mut out = String::with_capacity(target.len());
    let mut chars = target.chars();
    match (chars.next(), like.chars().next()) {
        (Some(first), Some(l)) if l.is_uppercase() => out.extend(first.to_uppercase()),
        (Some(first), _) => out.push(first),
        (None, _) => {}
    }
    out.extend(chars);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_follows_the_written_word() {
        assert_eq!(
            with_case_of("anti-trafficking", "Antitrafficking"),
            "Anti-trafficking"
        );
        assert_eq!(
            with_case_of("anti-trafficking", "antitrafficking"),
            "anti-trafficking"
        );
        assert_eq!(with_case_of("low-income", "LOWINCOME"), "LOW-INCOME");
        assert_eq!(with_case_of("NGO-run", "NGOrun"), "NGO-run");
    }
}
