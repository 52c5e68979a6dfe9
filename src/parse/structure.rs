//! Assemble classified lines into the report tree.
//!
//! Paragraph rules: consecutive lines are one paragraph while a line does not end a sentence
//! (soft wrapping); a line ending a sentence ends the paragraph (web text puts one paragraph per
//! line). A paragraph part that does not end a sentence, followed by blank lines and more prose,
//! was split by a page break: the two halves are one paragraph with two parts.

use crate::parse::heading::{match_heading, match_tier_line, plausible_name};
use crate::parse::lines::{
    Line, bullet, ends_sentence, is_comment_line, is_label_like, is_title, match_label,
    split_lines, title_year,
};
use crate::parse::sentence::{ends_with_terminator, split_sentences};
use crate::parse::tree::*;
use crate::source::Span;
use crate::vocab::{Vocabulary, normalise_name};
use std::collections::{HashMap, HashSet};

/// Everything the structure parser reads from the vocabulary, prepared once.
pub struct StructureGrammar<'v> {
    vocab: &'v Vocabulary,
    countries: HashMap<String, String>,
    abbreviations: HashSet<String>,
}

impl<'v> StructureGrammar<'v> {
    pub fn new(vocab: &'v Vocabulary) -> Self {
        StructureGrammar {
            vocab,
            countries: vocab.country_index(),
            abbreviations: vocab.abbreviation_set(),
        }
    }

    pub fn parse(&self, text: &str) -> Report {
        let lines = split_lines(text);
        let (items, furniture) = self.items(text, &lines);
        // Sentences are split in the text with the page furniture blanked out, so that a
        // sentence a page break interrupts reads as one (its span still covers the bytes between).
        let mut report = if furniture.is_empty() {
            self.assemble(text, items)
        } else {
            self.assemble(&mask(text, &furniture), items)
        };
        report.furniture = furniture;
        // The first title that names its year states the edition.
        report.title_edition = lines.iter().find_map(|l| {
            let s = &text[l.content.start..l.content.end];
            is_title(s, self.vocab)
                .then(|| title_year(s, self.vocab))
                .flatten()
        });
        report
    }

    fn country_name(&self, written: &str) -> String {
        self.countries
            .get(&normalise_name(written))
            .cloned()
            .unwrap_or_else(|| title_case(written))
    }

    fn heading(&self, text: &str, line: Span, second: Option<(Span, Tier)>) -> Option<Heading> {
        let s = &text[line.start..line.end];
        if let Some((tier_span, tier)) = second {
            return Some(Heading {
                span: line.cover(tier_span),
                name: s.to_string(),
                name_span: line,
                country: self.country_name(s),
                tier: Some(tier),
                tier_span: Some(tier_span),
                problem: None,
            });
        }
        let m = match_heading(s)?;
        let at = |r: (usize, usize)| Span::new(line.start + r.0, line.start + r.1);
        let name = &s[m.name.0..m.name.1];
        let problem = match (m.tier, m.trailing) {
            (None, _) => Some(format!(
                "`{}` is not a tier (expected Tier 1, Tier 2, Tier 2 Watch List, Tier 3 or Special Case)",
                &s[m.tier_text.0..m.tier_text.1].trim()
            )),
            (Some(_), Some(t)) => Some(format!(
                "unexpected text after the tier: `{}`",
                &s[t.0..t.1]
            )),
            _ => None,
        };
        Some(Heading {
            span: line,
            name: name.to_string(),
            name_span: at(m.name),
            country: self.country_name(name),
            tier: m.tier,
            tier_span: Some(at(m.tier_text)),
            problem,
        })
    }

    /// A name line that a tier line follows (`BELARUS` / `Tier 2 Watch List`).
    fn two_line_heading(
        &self,
        text: &str,
        lines: &[Line],
        i: usize,
    ) -> Option<(usize, Span, Tier)> {
        let l = lines[i].content;
        let s = &text[l.start..l.end];
        if s.len() > 60 || !plausible_name(s) || s.contains(':') {
            return None;
        }
        let all_caps = !s.chars().any(char::is_lowercase) && s.chars().any(char::is_alphabetic);
        if !all_caps && !self.countries.contains_key(&normalise_name(s)) {
            return None;
        }
        let next = (i + 1..lines.len()).find(|&j| !lines[j].is_blank())?;
        if next > i + 2 {
            return None;
        }
        let n = lines[next].content;
        let tier = match_tier_line(&text[n.start..n.end])?;
        Some((next, n, tier))
    }

    /// A line of PDF page furniture: a page number (digits alone), the report's running title in
    /// capitals (`TRAFFICKING IN PERSONS REPORT`), or a country name alone that a chapter heading
    /// before it already named (`countries`: those names, normalised).
    fn is_furniture(&self, line: &str, countries: &HashSet<String>) -> bool {
        (line.len() <= 6 && line.bytes().all(|b| b.is_ascii_digit()))
            || (is_title(line, self.vocab)
                && !line.chars().any(char::is_lowercase)
                && !line.contains(':'))
            || (line.len() <= 60 && countries.contains(&normalise_name(line)))
    }

    fn items(&self, text: &str, lines: &[Line]) -> (Vec<Item>, Vec<Span>) {
        let mut items: Vec<Item> = Vec::new();
        let mut furniture = Vec::new();
        let mut countries: HashSet<String> = HashSet::new();
        let mut blank_before = false;
        let mut i = 0;
        while i < lines.len() {
            let line = lines[i];
            i += 1;
            if line.is_blank() {
                blank_before = true;
                continue;
            }
            let mut span = line.content;
            let had_blank = std::mem::take(&mut blank_before);
            // A Markdown heading (`## PROSECUTION`): read what follows the hashes.
            let hashes = text[span.start..span.end].len()
                - text[span.start..span.end].trim_start_matches('#').len();
            let md_heading =
                (1..=6).contains(&hashes) && text[span.start + hashes..span.end].starts_with(' ');
            if md_heading {
                let rest = &text[span.start + hashes..span.end];
                span = Span::new(span.end - rest.trim_start().len(), span.end);
            }
            let s = &text[span.start..span.end];
            if let Some(h) = self.heading(text, span, None) {
                countries.insert(normalise_name(&h.name));
                countries.insert(normalise_name(&h.country));
                items.push(Item::Heading(h));
                continue;
            }
            if let Some((next, tier_span, tier)) = self.two_line_heading(text, lines, i - 1)
                && let Some(h) = self.heading(text, span, Some((tier_span, tier)))
            {
                countries.insert(normalise_name(&h.name));
                countries.insert(normalise_name(&h.country));
                items.push(Item::Heading(h));
                i = next + 1;
                continue;
            }
            // Page furniture is passed over as a blank line is: a paragraph it interrupts goes on.
            if !md_heading && self.is_furniture(s, &countries) {
                furniture.push(span);
                blank_before = true;
                continue;
            }
            if let Some(m) = match_label(s, self.vocab) {
                let title_span = Span::new(span.start, span.start + m.len);
                items.push(Item::Label {
                    kind: m.kind,
                    title: text[title_span.start..title_span.end].to_string(),
                    span: title_span,
                    inline: m.inline_text.is_some(),
                });
                if let Some(at) = m.inline_text {
                    items.push(Item::Piece(Piece::new(
                        Span::new(span.start + at, span.end),
                        None,
                        ends_sentence(s),
                    )));
                }
                continue;
            }
            if md_heading || is_title(s, self.vocab) || is_comment_line(s) {
                items.push(Item::Unknown(span));
                continue;
            }
            let marker = bullet(s)
                .ok()
                .map(|(rest, _)| Span::new(span.start, span.end - rest.len()));
            let ends = ends_sentence(s);
            if marker.is_none()
                && let Some(Item::Piece(prev)) = items.last_mut()
                && !prev.ends_sentence
            {
                if !had_blank {
                    // A soft-wrapped line: the same part goes on.
                    let last = prev.parts.last_mut().expect("a piece has a part");
                    *last = last.cover(span);
                    prev.lines += 1;
                    prev.ends_sentence = ends;
                    continue;
                }
                if !(prev.lines == 1 && prev.parts.len() == 1 && prev.label_like) {
                    // A page break: a new part of the same paragraph.
                    prev.parts.push(span);
                    prev.lines += 1;
                    prev.ends_sentence = ends;
                    continue;
                }
            }
            let mut piece = Piece::new(span, marker, ends);
            piece.label_like = marker.is_none() && is_label_like(s);
            items.push(Item::Piece(piece));
        }
        // A lone title-like line that nothing continued is a label we do not know, not prose.
        for item in &mut items {
            if let Item::Piece(p) = item
                && p.label_like
                && p.lines == 1
                && p.parts.len() == 1
            {
                *item = Item::Unknown(p.parts[0]);
            }
        }
        (items, furniture)
    }

    fn assemble(&self, text: &str, items: Vec<Item>) -> Report {
        let mut report = Report::default();
        let first_heading = items.iter().position(|it| matches!(it, Item::Heading(_)));
        let mut chapters: Vec<Vec<Item>> = Vec::new();
        match first_heading {
            None => chapters.push(items),
            Some(first) => {
                let mut iter = items.into_iter();
                for item in iter.by_ref().take(first) {
                    report.preamble.push(item.span());
                }
                for item in iter {
                    if matches!(item, Item::Heading(_)) {
                        chapters.push(Vec::new());
                    }
                    chapters
                        .last_mut()
                        .expect("starts with a heading")
                        .push(item);
                }
            }
        }
        for chapter_items in chapters {
            if chapter_items.is_empty() {
                continue;
            }
            report.chapters.push(self.chapter(text, chapter_items));
        }
        report
    }

    fn chapter(&self, text: &str, items: Vec<Item>) -> Chapter {
        let span = items
            .iter()
            .map(Item::span)
            .reduce(Span::cover)
            .unwrap_or_default();
        let mut chapter = Chapter {
            span,
            heading: None,
            sections: Vec::new(),
            unknown: Vec::new(),
        };
        for item in items {
            match item {
                Item::Heading(h) => chapter.heading = Some(h),
                Item::Unknown(s) => chapter.unknown.push(s),
                Item::Label {
                    kind,
                    title,
                    span,
                    inline,
                } => chapter.sections.push(Section {
                    kind,
                    title: Some(title),
                    title_span: Some(span),
                    inline,
                    span,
                    paragraphs: Vec::new(),
                    recommendations: Vec::new(),
                }),
                Item::Piece(p) => {
                    if chapter.sections.is_empty() {
                        chapter.sections.push(Section {
                            kind: SectionKind::Intro,
                            title: None,
                            title_span: None,
                            inline: false,
                            span: p.span(),
                            paragraphs: Vec::new(),
                            recommendations: Vec::new(),
                        });
                    }
                    let section = chapter.sections.last_mut().expect("just ensured");
                    let paragraph = self.paragraph(text, &p);
                    section.span = section.span.cover(paragraph.span);
                    if section.kind == SectionKind::Recommendations {
                        section
                            .recommendations
                            .extend(recommendations(text, &paragraph, p.marker));
                    }
                    section.paragraphs.push(paragraph);
                }
            }
        }
        chapter
    }

    fn paragraph(&self, text: &str, p: &Piece) -> Paragraph {
        let span = p.span();
        Paragraph {
            span,
            parts: p.parts.clone(),
            sentences: split_sentences(text, span, &self.abbreviations)
                .into_iter()
                .map(|span| Sentence {
                    span,
                    ended: ends_with_terminator(&text[span.start..span.end]),
                })
                .collect(),
        }
    }
}

/// `text` with the bytes of `spans` replaced by spaces: the same length, the same offsets, the
/// same line breaks (the spans hold none).
pub fn mask(text: &str, spans: &[Span]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for s in spans {
        bytes[s.start..s.end].fill(b' ');
    }
    // Whole characters were replaced by ASCII spaces: still UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_string())
}

/// Items of a recommendations paragraph: split on a leading bullet and on inline ` * ` / ` • `.
fn recommendations(text: &str, p: &Paragraph, marker: Option<Span>) -> Vec<Recommendation> {
    let mut out = Vec::new();
    let mut item_start = marker.map_or(p.span.start, |m| m.end);
    let mut item_marker = marker;
    let body = &text[p.span.start..p.span.end];
    let mut previous = None;
    for (at, c) in body.char_indices() {
        let before = previous.replace(c);
        let abs = p.span.start + at;
        if abs < item_start || !matches!(c, '*' | '•' | '·' | '▪') {
            continue;
        }
        // A marker between spaces (never the paragraph's first or last character).
        let after = body[at + c.len_utf8()..].chars().next();
        if before.is_some_and(char::is_whitespace) && after.is_some_and(char::is_whitespace) {
            push_item(text, &mut out, item_start, abs, item_marker);
            item_marker = Some(Span::new(abs, abs + c.len_utf8()));
            item_start = abs + c.len_utf8();
        }
    }
    push_item(text, &mut out, item_start, p.span.end, item_marker);
    out
}

fn push_item(
    text: &str,
    out: &mut Vec<Recommendation>,
    start: usize,
    end: usize,
    marker: Option<Span>,
) {
    let raw = &text[start..end];
    let lead = raw.len() - raw.trim_start().len();
    let trimmed = raw.trim();
    if !trimmed.is_empty() {
        out.push(Recommendation {
            span: Span::new(start + lead, start + lead + trimmed.len()),
            marker,
        });
    }
}

fn title_case(name: &str) -> String {
    if name.chars().any(char::is_lowercase) {
        return name.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    name.split_whitespace()
        .map(|w| {
            let lower = w.to_lowercase();
            if matches!(lower.as_str(), "of" | "the" | "and") {
                return lower;
            }
            let mut out = String::new();
            let mut up = true;
            for c in lower.chars() {
                if up {
                    out.extend(c.to_uppercase());
                } else {
                    out.push(c);
                }
                up = matches!(c, '-' | '\'' | '’' | '(');
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

enum Item {
    Heading(Heading),
    Label {
        kind: SectionKind,
        title: String,
        span: Span,
        inline: bool,
    },
    Unknown(Span),
    Piece(Piece),
}

impl Item {
    fn span(&self) -> Span {
        match self {
            Item::Heading(h) => h.span,
            Item::Label { span, .. } | Item::Unknown(span) => *span,
            Item::Piece(p) => p.span(),
        }
    }
}

/// Prose lines that form one paragraph, possibly in several parts.
struct Piece {
    parts: Vec<Span>,
    marker: Option<Span>,
    ends_sentence: bool,
    lines: usize,
    label_like: bool,
}

impl Piece {
    fn new(span: Span, marker: Option<Span>, ends_sentence: bool) -> Piece {
        Piece {
            parts: vec![span],
            marker,
            ends_sentence,
            lines: 1,
            label_like: false,
        }
    }
    fn span(&self) -> Span {
        self.parts[0].cover(*self.parts.last().expect("a piece has a part"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::registry::default_vocabulary;

    fn parse(text: &str) -> Report {
        let v = default_vocabulary();
        StructureGrammar::new(&v).parse(text)
    }

    #[test]
    fn title_case_of_upper_names() {
        assert_eq!(title_case("KYRGYZ REPUBLIC"), "Kyrgyz Republic");
        assert_eq!(title_case("GUINEA-BISSAU"), "Guinea-Bissau");
        assert_eq!(title_case("Kyrgyz  Republic"), "Kyrgyz Republic");
    }

    #[test]
    fn page_break_makes_two_parts_of_one_paragraph() {
        let text = "Text one ends here and the Ministry of\n\nLabor leads. Next sentence.\n";
        let r = parse(text);
        let p = &r.chapters[0].sections[0].paragraphs[0];
        assert_eq!(p.parts.len(), 2);
        assert_eq!(p.sentences.len(), 2);
        assert_eq!(
            &text[p.sentences[0].span.start..p.sentences[0].span.end],
            "Text one ends here and the Ministry of\n\nLabor leads."
        );
    }

    #[test]
    fn one_paragraph_per_line_in_web_text() {
        let r = parse("First paragraph ends.\nSecond paragraph ends.\n");
        assert_eq!(r.chapters[0].sections[0].paragraphs.len(), 2);
    }

    #[test]
    fn soft_wrapped_lines_join() {
        let r = parse("A sentence that wraps\nonto a second line.\n");
        let s = &r.chapters[0].sections[0];
        assert_eq!(s.paragraphs.len(), 1);
        assert_eq!(s.paragraphs[0].parts.len(), 1);
    }

    #[test]
    fn preamble_before_the_first_heading_is_kept_apart() {
        let text = "2023 Trafficking in Persons Report: Belarus\n\nRegional Affairs\n\nSend a letter now.\n\nBELARUS (Tier 3)\n\nThe Government acted.\n";
        let r = parse(text);
        assert_eq!(r.preamble.len(), 3);
        assert_eq!(r.chapters.len(), 1);
        assert_eq!(r.chapters[0].country(), Some("Belarus"));
        assert_eq!(r.chapters[0].tier(), Some(Tier::Tier3));
    }

    #[test]
    fn two_line_heading() {
        let r = parse("BELARUS\nTier 2 Watch List\n\nThe Government acted.\n");
        assert_eq!(r.chapters[0].tier(), Some(Tier::Tier2WatchList));
        assert_eq!(r.chapters[0].country(), Some("Belarus"));
    }

    #[test]
    fn many_chapters_with_inline_and_standalone_sections() {
        let text = "Armenia (Tier 2)\n\nIntro text.\n\nPRIORITIZED RECOMMENDATIONS: Increase aid. * Train judges.\n\nPROSECUTION\n\nThe government acted.\n\nTRAFFICKING PROFILE: As reported.\n\nBELARUS: TIER 3\n\nIntro.\n\nPrioritized Recommendations\n\n• Increase aid.\n• Train judges\n";
        let r = parse(text);
        assert_eq!(r.chapters.len(), 2);
        let kinds: Vec<_> = r.chapters[0].sections.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            vec![
                SectionKind::Intro,
                SectionKind::Recommendations,
                SectionKind::Prosecution,
                SectionKind::Profile
            ]
        );
        let recs = &r.chapters[0].sections[1].recommendations;
        assert_eq!(recs.len(), 2);
        assert_eq!(&text[recs[1].span.start..recs[1].span.end], "Train judges.");
        let recs = &r.chapters[1].sections[1].recommendations;
        assert_eq!(recs.len(), 2);
        assert_eq!(&text[recs[1].span.start..recs[1].span.end], "Train judges");
    }
}
