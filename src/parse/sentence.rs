//! Sentence boundaries inside a paragraph.
//!
//! A sentence ends at `.`, `?` or `!` (with any closing quotes or brackets) followed by
//! whitespace and a capital letter, a digit, an opening quote or bracket, or a list marker, or at
//! the paragraph's end. Abbreviations from the vocabulary (`U.S.`, `e.g.`, `No.`), initials
//! (`J.`), and decimals (`1.5`) do not end a sentence.

use crate::source::Span;
use std::collections::HashSet;

/// Closing quotes and brackets, which go with the terminator before them.
const CLOSERS: [char; 6] = ['"', '”', '’', '\'', ')', ']'];

/// Does this sentence end with its own terminator (`.`, `?` or `!`, before any closing quotes or
/// brackets), rather than only where its paragraph or the input ends?
pub fn ends_with_terminator(sentence: &str) -> bool {
    sentence
        .trim_end()
        .trim_end_matches(CLOSERS)
        .ends_with(['.', '!', '?'])
}

/// Split `span` of `text` into sentence spans (trimmed; list markers between sentences skipped).
pub fn split_sentences(text: &str, span: Span, abbreviations: &HashSet<String>) -> Vec<Span> {
    let body = &text[span.start..span.end];
    let mut out = Vec::new();
    let mut start = skip_to_sentence(body, 0);
    let mut pos = start;
    // Jump from terminator to terminator; everything between belongs to the sentence.
    while let Some(rel) = memchr::memchr3(b'.', b'?', b'!', &body.as_bytes()[pos..]) {
        let at = pos + rel;
        let c = body.as_bytes()[at];
        // Take closing quotes and brackets with the terminator.
        let mut end = at + 1;
        for (o, d) in body[end..].char_indices() {
            if CLOSERS.contains(&d) {
                end = at + 1 + o + d.len_utf8();
            } else {
                break;
            }
        }
        let rest = &body[end..];
        let boundary = match rest.chars().next() {
            None => true,
            Some(n) if n.is_whitespace() => {
                rest.trim_start().chars().next().is_none_or(opens_sentence)
            }
            Some(_) => false,
        };
        pos = end;
        if boundary && !(c == b'.' && is_abbreviation(body, at, abbreviations)) {
            if start < at + 1 {
                out.push(Span::new(span.start + start, span.start + end));
            }
            start = skip_to_sentence(body, end);
            pos = start;
            if start >= body.len() {
                break;
            }
        }
    }
    if start < body.len() {
        let tail = body[start..].trim_end();
        if !tail.is_empty() {
            out.push(Span::new(
                span.start + start,
                span.start + start + tail.len(),
            ));
        }
    }
    out
}

/// Past whitespace and list markers (`*`, `•` followed by a space) to where a sentence starts.
fn skip_to_sentence(body: &str, mut at: usize) -> usize {
    let mut chars = body[at..].chars().peekable();
    while let Some(c) = chars.next() {
        let next_space = chars.peek().is_none_or(|n| n.is_whitespace());
        if c.is_whitespace() || is_list_marker(c) && next_space {
            at += c.len_utf8();
        } else {
            break;
        }
    }
    at
}

fn is_list_marker(c: char) -> bool {
    matches!(c, '*' | '•' | '·' | '▪' | '◦')
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
    if abbreviations.contains(crate::text::lower(word).as_ref()) {
        return true;
    }
    let letters = &word[..word.len() - 1];
    // An initial: one capital letter (`J. Smith`), or dotted letters (`U.N.`).
    let count = letters.chars().count();
    if count == 1 {
        return letters.starts_with(char::is_uppercase);
    }
    count >= 3
        && letters.chars().enumerate().all(|(n, c)| {
            if n % 2 == 1 {
                c == '.'
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
    fn a_sentence_ends_with_its_terminator_before_closing_marks() {
        assert!(ends_with_terminator("It was “sexual exploitation.”"));
        assert!(ends_with_terminator("Was it (the law)?) "));
        assert!(!ends_with_terminator("and fo"));
        assert!(!ends_with_terminator("(24 in 2021)"));
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
