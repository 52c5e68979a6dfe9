//! Lines of the file and what each one is: a heading, a section label, a bullet, a title, prose.

use crate::parse::tree::SectionKind;
use crate::source::{Span, line_spans};
use crate::vocab::Vocabulary;
use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::take_while1,
    character::complete::{char, one_of, space1},
    combinator::{opt, recognize},
};

/// One line, without its line end; `content` has surrounding whitespace (and a BOM) trimmed.
#[derive(Debug, Clone, Copy)]
pub struct Line {
    pub content: Span,
}

impl Line {
    pub fn is_blank(&self) -> bool {
        self.content.is_empty()
    }
}

fn is_trimmable(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}'
}

/// Split text into lines (ended by LF, CRLF or a lone CR, as the source's line index reads
/// them), with byte spans into `text`. A line end at the very end starts no further line.
pub fn split_lines(text: &str) -> Vec<Line> {
    line_spans(text)
        .filter(|line| line.start < text.len())
        .map(|line| {
            let raw = &text[line.start..line.end];
            let lead = raw.len() - raw.trim_start_matches(is_trimmable).len();
            let trimmed = raw.trim_matches(is_trimmable);
            let start = line.start + lead;
            Line {
                content: Span::new(start, start + trimmed.len()),
            }
        })
        .collect()
}

/// A bullet at the start of a line: `•`, `*`, `·`, `▪`, `◦`, `-`, `–`, or `1.`/`1)`, then a space.
pub fn bullet(i: &str) -> IResult<&str, &str> {
    recognize((
        alt((
            recognize(one_of("•*·▪◦‣●-–")),
            recognize((take_while1(|c: char| c.is_ascii_digit()), one_of(".)"))),
        )),
        space1,
    ))
    .parse(i)
}

/// A section label found on a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LabelMatch {
    pub kind: SectionKind,
    /// The label's length in bytes (without the colon).
    pub len: usize,
    /// Where the section's text starts on the same line, if it does (`TRAFFICKING PROFILE: As …`).
    pub inline_text: Option<usize>,
}

/// Upper case, or every significant word capitalised.
fn upper_or_title_case(s: &str) -> bool {
    if !s.chars().any(|c| c.is_lowercase()) {
        return true;
    }
    s.split_whitespace().all(|w| {
        w.chars().next().is_some_and(|c| c.is_uppercase())
            || matches!(w, "of" | "for" | "and" | "the" | "in" | "on" | "to")
    })
}

/// Match a section label at the start of a trimmed line, as the vocabulary names them.
/// A label ending in ` *` takes any words up to its colon (`RECOMMENDATIONS FOR KAZAKHSTAN:`),
/// or, with no colon, to the end of a line of its own (`RECOMMENDATIONS FOR MONGOLIA`).
pub fn match_label(line: &str, vocab: &Vocabulary) -> Option<LabelMatch> {
    for section in &vocab.sections {
        let Some(kind) = SectionKind::from_name(&section.kind) else {
            continue;
        };
        for label in &section.labels {
            let (fixed, wildcard) = match label.strip_suffix(" *") {
                Some(f) => (f, true),
                None => (label.as_str(), false),
            };
            if line.len() < fixed.len()
                || !line.is_char_boundary(fixed.len())
                || !line[..fixed.len()].eq_ignore_ascii_case(fixed)
            {
                continue;
            }
            let mut len = fixed.len();
            if wildcard {
                // Up to the colon, or the whole line when it is the label alone.
                let end = match line[len..].find(':') {
                    Some(colon) => colon,
                    None if !ends_sentence(line) => line.len() - len,
                    None => continue,
                };
                let words = &line[len..len + end];
                if !words.starts_with(' ') || words.split_whitespace().count() > 6 {
                    continue;
                }
                len += end;
            }
            if !upper_or_title_case(&line[..len]) {
                continue;
            }
            let rest = &line[len..];
            let after: IResult<&str, Option<char>> = opt(char(':')).parse(rest);
            let Ok((after_colon, colon)) = after else {
                continue;
            };
            if after_colon.trim().is_empty() {
                return Some(LabelMatch {
                    kind,
                    len,
                    inline_text: None,
                });
            }
            if colon.is_some() && after_colon.starts_with(char::is_whitespace) {
                let text_start = line.len() - after_colon.trim_start().len();
                return Some(LabelMatch {
                    kind,
                    len,
                    inline_text: Some(text_start),
                });
            }
        }
    }
    None
}

/// A report title such as `2022 Trafficking in Persons Report: Armenia`.
pub fn is_title(line: &str, vocab: &Vocabulary) -> bool {
    if line.len() > 160 {
        return false;
    }
    let lower = line.to_lowercase();
    !ends_sentence(line)
        && line.split_whitespace().count() <= 12
        && vocab
            .title_markers
            .iter()
            .any(|m| lower.contains(&m.to_lowercase()))
}

/// The year a report title names next to its title marker (`2019 Trafficking in Persons Report`,
/// `Trafficking in Persons Report 2019`), if it names one.
pub fn title_year(line: &str, vocab: &Vocabulary) -> Option<i32> {
    let lower = line.to_lowercase();
    vocab.title_markers.iter().find_map(|m| {
        let m = m.to_lowercase();
        let at = lower.find(&m)?;
        let year = |w: &str| {
            let w = w.trim_matches(|c: char| !c.is_ascii_digit());
            (w.len() == 4)
                .then(|| w.parse::<i32>().ok())
                .flatten()
                .filter(|y| (1990..=2100).contains(y))
        };
        let before = lower[..at].split_whitespace().next_back();
        let after = lower[at + m.len()..].split_whitespace().next();
        before.and_then(year).or_else(|| after.and_then(year))
    })
}

/// An HTML comment on its own line (`<!-- tiplint-disable … -->`): never prose.
pub fn is_comment_line(line: &str) -> bool {
    line.starts_with("<!--") && line.ends_with("-->")
}

/// Whether text ends as a sentence or clause does (so a blank line after it is a real break).
pub fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    let t = t.trim_end_matches(['"', '”', '’', '\'', ')', ']']);
    t.ends_with(['.', ':', ';', '?', '!', '…'])
}

/// Function words a heading does not end with but a page-broken fragment may.
const TRAILING_FUNCTION_WORDS: &[&str] = &[
    "of", "the", "and", "or", "to", "in", "for", "a", "an", "on", "with", "by", "at", "from", "as",
];

/// A short title-like line with no sentence in it (`Regional Affairs`, `Key Findings`): kept as
/// unknown text rather than read as a paragraph that continues after the next blank line.
pub fn is_label_like(line: &str) -> bool {
    if line.len() > 120 {
        return false;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.is_empty() || words.len() > 8 || ends_sentence(line) {
        return false;
    }
    if line.contains(". ") || line.contains(", ") && words.len() > 5 {
        return false;
    }
    let last = words[words.len() - 1].to_lowercase();
    if TRAILING_FUNCTION_WORDS.contains(&last.as_str()) {
        return false;
    }
    upper_or_title_case(line)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::registry::default_vocabulary;

    #[test]
    fn lines_keep_offsets_through_crlf_and_bom() {
        let text = "\u{FEFF}Kyrgyz Republic (Tier 2)\r\n\r\n  Text here.\r\n";
        let lines = split_lines(text);
        assert_eq!(lines.len(), 3);
        assert_eq!(
            &text[lines[0].content.start..lines[0].content.end],
            "Kyrgyz Republic (Tier 2)"
        );
        assert!(lines[1].is_blank());
        assert_eq!(
            &text[lines[2].content.start..lines[2].content.end],
            "Text here."
        );
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line() {
        // Old Mac files: `\r` alone ends a line; `\r\n` is still one line end.
        let text = "Kyrgyz Republic (Tier 2)\r\rText here.\r\nMore.\r";
        let lines: Vec<&str> = split_lines(text)
            .iter()
            .map(|l| &text[l.content.start..l.content.end])
            .collect();
        assert_eq!(
            lines,
            ["Kyrgyz Republic (Tier 2)", "", "Text here.", "More."]
        );
    }

    #[test]
    fn labels_inline_standalone_and_title_case() {
        let v = default_vocabulary();
        let m = match_label("PROSECUTION", &v).unwrap();
        assert_eq!((m.kind, m.inline_text), (SectionKind::Prosecution, None));
        let m = match_label("Prioritized Recommendations", &v).unwrap();
        assert_eq!(m.kind, SectionKind::Recommendations);
        let m = match_label("PRIORITIZED RECOMMENDATIONS:", &v).unwrap();
        assert_eq!(m.inline_text, None);
        let line = "TRAFFICKING PROFILE: As reported over the past five years, …";
        let m = match_label(line, &v).unwrap();
        assert_eq!(m.kind, SectionKind::Profile);
        assert_eq!(
            &line[m.inline_text.unwrap()..m.inline_text.unwrap() + 2],
            "As"
        );
        let m = match_label("RECOMMENDATIONS FOR KAZAKHSTAN:", &v).unwrap();
        assert_eq!(m.kind, SectionKind::Recommendations);
        let m = match_label("RECOMMENDATIONS FOR BOSNIA AND HERZEGOVINA", &v).unwrap();
        assert_eq!(
            (m.kind, m.inline_text),
            (SectionKind::Recommendations, None)
        );
        assert!(match_label("Recommendations for the government remained unmet.", &v).is_none());
        assert!(match_label("Prosecution of traffickers increased.", &v).is_none());
        assert!(match_label("prosecution", &v).is_none());
    }

    #[test]
    fn bullets_and_titles() {
        assert!(bullet("• Increase efforts").is_ok());
        assert!(bullet("* Increase efforts").is_ok());
        assert!(bullet("3. Increase efforts").is_ok());
        assert!(bullet("30 cases were").is_err());
        let v = default_vocabulary();
        assert!(is_title("2022 Trafficking in Persons Report: Armenia", &v));
        assert_eq!(
            title_year("2022 Trafficking in Persons Report: Armenia", &v),
            Some(2022)
        );
        assert_eq!(
            title_year("Trafficking in Persons Report 2019", &v),
            Some(2019)
        );
        assert_eq!(
            title_year("Trafficking in Persons Report: Armenia", &v),
            None
        );
        assert!(!is_title(
            "The Trafficking in Persons Report noted this.",
            &v
        ));
    }

    #[test]
    fn sentence_ends_and_label_like_lines() {
        assert!(ends_sentence("the previous year."));
        assert!(ends_sentence("called “bride kidnapping.”"));
        assert!(!ends_sentence("The Ministry of"));
        assert!(is_label_like("Regional Affairs"));
        assert!(!is_label_like("The Ministry of"));
        assert!(!is_label_like("The government did not secure convictions"));
    }
}
