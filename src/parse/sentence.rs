//! Sentence boundaries inside a paragraph.
//!
//! A sentence ends at `.`, `?` or `!` (with any closing quotes or brackets) followed by
//! whitespace and a capital letter, a digit, an opening quote or bracket, or a list marker, or at
//! the paragraph's end. Abbreviations from the vocabulary (`U.S.`, `e.g.`, `No.`), initials
//! (`J.`), and decimals (`1.5`) do not end a sentence.

use crate::source::Span;
use std::collections::HashSet;

/// Split `span` of `text` into sentence spans (trimmed; list markers between sentences skipped).
pub fn split_sentences(text: &str, span: Span, abbreviations: &HashSet<String>) -> Vec<Span> {
    let body = &text[span.start..span.end];
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if start.is_none() {
            if c.is_whitespace() || is_list_marker(c) && next_is_space(&chars, i) {
                i += 1;
                continue;
            }
            start = Some(at);
        }
        if matches!(c, '.' | '?' | '!') {
            // Take closing quotes and brackets with the terminator.
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j].1, '"' | '”' | '’' | '\'' | ')' | ']') {
                j += 1;
            }
            let end = chars.get(j).map_or(body.len(), |&(o, _)| o);
            let boundary = if j >= chars.len() {
                true
            } else if chars[j].1.is_whitespace() {
                let mut k = j;
                while k < chars.len() && chars[k].1.is_whitespace() {
                    k += 1;
                }
                k >= chars.len() || opens_sentence(chars[k].1)
            } else {
                false
            };
            if boundary && !(c == '.' && is_abbreviation(body, at, abbreviations)) {
                let s = start.take().unwrap_or(at);
                out.push(Span::new(span.start + s, span.start + end));
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if let Some(s) = start {
        let tail = body[s..].trim_end();
        if !tail.is_empty() {
            out.push(Span::new(span.start + s, span.start + s + tail.len()));
        }
    }
    out
}

fn is_list_marker(c: char) -> bool {
    matches!(c, '*' | '•' | '·' | '▪' | '◦')
}

fn next_is_space(chars: &[(usize, char)], i: usize) -> bool {
    chars.get(i + 1).is_none_or(|&(_, c)| c.is_whitespace())
}

fn opens_sentence(c: char) -> bool {
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '$' | '\\')
        || is_list_marker(c)
}

/// The word ending at the period at `dot` is an abbreviation or an initial.
fn is_abbreviation(body: &str, dot: usize, abbreviations: &HashSet<String>) -> bool {
    let word_start = body[..dot]
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '“' || c == '"')
        .map_or(0, |p| {
            p + body[p..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &body[word_start..=dot];
    if abbreviations.contains(&word.to_lowercase()) {
        return true;
    }
    let letters: Vec<char> = word[..word.len() - 1].chars().collect();
    // An initial: one capital letter (`J. Smith`), or dotted letters (`U.N.`).
    if letters.len() == 1 && letters[0].is_uppercase() {
        return true;
    }
    letters.len() >= 3
        && letters.iter().enumerate().all(|(n, c)| {
            if n % 2 == 1 {
                *c == '.'
            } else {
                c.is_alphabetic()
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let abbr: HashSet<String> = ["u.s.", "e.g.", "i.e.", "no.", "dr.", "st.", "jan."]
            .iter()
            .map(|s| s.to_string())
            .collect();
        split_sentences(text, Span::new(0, text.len()), &abbr)
            .into_iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn splits_on_terminators() {
        assert_eq!(
            split("The government acted. It identified 30 victims! Why? Because."),
            vec![
                "The government acted.",
                "It identified 30 victims!",
                "Why?",
                "Because."
            ]
        );
    }

    #[test]
    fn abbreviations_initials_and_decimals_do_not_end() {
        assert_eq!(
            split(
                "The U.S. Embassy and Dr. Smith met on Jan. 5. It cost 1.5 million. Law No. 12 passed."
            ),
            vec![
                "The U.S. Embassy and Dr. Smith met on Jan. 5.",
                "It cost 1.5 million.",
                "Law No. 12 passed."
            ]
        );
        assert_eq!(
            split("Officials, e.g. Police, and J. Doe met. Next."),
            vec!["Officials, e.g. Police, and J. Doe met.", "Next."]
        );
    }

    #[test]
    fn quotes_lists_and_page_breaks() {
        assert_eq!(
            split("It was called “bride kidnapping.” Next one. * Increase aid. * Train staff"),
            vec![
                "It was called “bride kidnapping.”",
                "Next one.",
                "Increase aid.",
                "Train staff"
            ]
        );
        assert_eq!(
            split("It did not secure convictions\n\nfor a second year. Then"),
            vec![
                "It did not secure convictions\n\nfor a second year.",
                "Then"
            ]
        );
        assert_eq!(
            split("ends with lower. case goes on."),
            vec!["ends with lower. case goes on."]
        );
    }
}
