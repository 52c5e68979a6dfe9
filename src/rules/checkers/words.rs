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

/// A cheap first test before a look-up by word: the (first byte, length) pairs of the keys, so
/// that most words of a chapter are passed over without hashing.
pub struct Prefilter {
    /// By first byte, a bit per length (lengths of 31 bytes and more share the last bit).
    lengths: [u32; 256],
}

impl Prefilter {
    pub fn new<'k>(keys: impl Iterator<Item = &'k str>) -> Prefilter {
        let mut lengths = [0; 256];
        for k in keys {
            if let Some(&first) = k.as_bytes().first() {
                lengths[usize::from(first)] |= Self::bit(k);
            }
        }
        Prefilter { lengths }
    }

    fn bit(w: &str) -> u32 {
        1 << w.len().min(31)
    }

    /// Whether `w` may be one of the keys.
    pub fn may_hold(&self, w: &str) -> bool {
        w.as_bytes()
            .first()
            .is_some_and(|&b| self.lengths[usize::from(b)] & Self::bit(w) != 0)
    }
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
    fn prefilter_passes_every_key_and_stops_other_first_letters_and_lengths() {
        let keys = ["antitrafficking", "lowincome", "a"];
        let filter = Prefilter::new(keys.into_iter());
        assert!(keys.iter().all(|k| filter.may_hold(k)));
        assert!(!filter.may_hold("antitrafficker"));
        // Same first letter and length: a prefilter lets it through to the look-up.
        assert!(filter.may_hold("antitraffickers"));
        assert!(!filter.may_hold("government"));
        assert!(!filter.may_hold("lowincomes"));
        assert!(!filter.may_hold(""));
        // Long words share one bit: a key of 40 bytes lets other long words through.
        let long = "a".repeat(40);
        let filter = Prefilter::new(std::iter::once(long.as_str()));
        assert!(filter.may_hold(&"a".repeat(35)));
    }

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
