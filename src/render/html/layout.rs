//! Where things go on the page: a file's text cut into sections (its chapters, and any text
//! outside them) and each section into paragraphs, and which paragraph owns a position (the
//! findings and checks that start there are shown beside it).

use crate::rules::ChapterInfo;
use crate::source::Span;

/// A part of the file shown under its own heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Section {
    pub span: Span,
    /// The chapter (an index into the file's chapters), or `None` for text outside every
    /// chapter (a report's title page).
    pub chapter: Option<usize>,
}

/// The file's chapters in order, and the text between or around them that is not blank.
pub fn sections(text: &str, chapters: &[ChapterInfo]) -> Vec<Section> {
    let mut out = Vec::with_capacity(chapters.len() + 1);
    let mut at = 0;
    let outside = |from: usize, to: usize, out: &mut Vec<Section>| {
        if from < to && text.get(from..to).is_some_and(|t| !t.trim().is_empty()) {
            out.push(Section {
                span: Span::new(from, to),
                chapter: None,
            });
        }
    };
    for (k, c) in chapters.iter().enumerate() {
        let span = clamp(c.span, text);
        // Chapters come in order and do not overlap; one that does is shown from where the
        // last ended.
        let start = span.start.max(at);
        outside(at, start, &mut out);
        out.push(Section {
            span: Span::new(start, span.end.max(start)),
            chapter: Some(k),
        });
        at = at.max(span.end);
    }
    outside(at, text.len(), &mut out);
    out
}

/// The paragraphs of `section`: runs of lines that are not blank (a blank line holds only white
/// space), each from its first character to the end of its last line (its line end left out).
/// A line ends at `\n`, `\r\n` or a lone `\r`.
pub fn paragraphs(text: &str, section: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let Some(body) = text.get(section.start..section.end) else {
        return out;
    };
    let mut open: Option<Span> = None;
    let mut at = 0;
    while at < body.len() {
        let rest = &body[at..];
        let (line_len, end_len) = match rest.find(['\n', '\r']) {
            Some(k) if rest[k..].starts_with("\r\n") => (k, 2),
            Some(k) => (k, 1),
            None => (rest.len(), 0),
        };
        let line = Span::new(section.start + at, section.start + at + line_len);
        if rest[..line_len].trim().is_empty() {
            out.extend(open.take());
        } else {
            open = Some(open.map_or(line, |p| p.cover(line)));
        }
        at += line_len + end_len;
    }
    out.extend(open);
    out
}

/// The paragraph that owns `position`: the last one starting at or before it (the first one
/// for a position before every paragraph). `None` when there is no paragraph.
pub fn owner(paragraphs: &[Span], position: usize) -> Option<usize> {
    if paragraphs.is_empty() {
        return None;
    }
    Some(
        paragraphs
            .partition_point(|p| p.start <= position)
            .saturating_sub(1),
    )
}

/// `span` held to the text: in order, within it, on character boundaries.
pub fn clamp(span: Span, text: &str) -> Span {
    crate::diagnostic::within_chars(span, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'t>(text: &'t str, spans: &[Span]) -> Vec<&'t str> {
        spans.iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn paragraphs_are_runs_of_lines_that_are_not_blank() {
        let text = "Narnia (Tier 2)\r\n\r\nOne line\nand its next.\n \t \nLast\rline";
        let ps = paragraphs(text, Span::new(0, text.len()));
        assert_eq!(
            texts(text, &ps),
            ["Narnia (Tier 2)", "One line\nand its next.", "Last\rline"]
        );
        assert!(paragraphs("\n\n  \n", Span::new(0, 5)).is_empty());
    }

    #[test]
    fn text_outside_the_chapters_is_a_section_when_it_is_not_blank() {
        let text = "Title page\n\nNarnia (Tier 2)\n\nText.\n";
        let chapter = |start, end| ChapterInfo {
            country: Some("Narnia".into()),
            tier: None,
            span: Span::new(start, end),
        };
        let s = sections(text, &[chapter(12, text.len())]);
        assert_eq!(
            s,
            [
                Section {
                    span: Span::new(0, 12),
                    chapter: None
                },
                Section {
                    span: Span::new(12, text.len()),
                    chapter: Some(0)
                }
            ]
        );
        // Blank text around a chapter is no section; a chapter's span past the text is held to it.
        let s = sections("\n\nNarnia", &[chapter(2, 99)]);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].span, Span::new(2, 8));
    }

    #[test]
    fn a_position_belongs_to_the_paragraph_it_follows() {
        let ps = [Span::new(5, 10), Span::new(20, 30)];
        assert_eq!(owner(&ps, 0), Some(0));
        assert_eq!(owner(&ps, 12), Some(0));
        assert_eq!(owner(&ps, 20), Some(1));
        assert_eq!(owner(&[], 3), None);
    }
}
