//! What a finding shows of its text: each line holding a label, cut to a window around its
//! labels, as rustc and ruff cut long lines. A report paragraph is one line of thousands of
//! characters; the snippet shows the sentence around a label (at most `CONTEXT` columns each
//! side), `…` where text is left out, and a long label by its two ends.
//!
//! Purely presentational: the findings' spans are untouched. An [`Excerpt`] keeps, for every
//! piece of text it shows, where that piece is in the file, so the renderer numbers each line
//! and places each label as the file has them.

use crate::source::{Source, Span};
use unicode_width::UnicodeWidthChar;

/// Columns of context shown at most on each side of a label.
pub const CONTEXT: usize = 60;
/// A label wider than this (in columns) is shown by its two ends, `…` between.
pub const LONG: usize = 40;
/// Columns of a long label shown from its start, and from its end.
const HEAD: usize = 28;
const TAIL: usize = 10;
/// Columns a tab takes at most.
pub const TAB_WIDTH: usize = 4;
/// Where text is left out.
const CUT: &str = "…";
/// Between two windows on one line.
const GAP: &str = " … ";
/// Two windows closer than this (in columns) are shown as one, with the text between.
const JOIN: usize = 4;
/// Bytes looked at around a place to tell whether a sentence starts there.
const LOOK: usize = 64;
/// Bytes a long label's shown end may move to end at a word's edge.
const SNAP: usize = 16;

/// The lines a finding shows, each cut to its windows, joined by line feeds.
#[derive(Debug)]
pub struct Excerpt {
    pub text: String,
    pub lines: Vec<ExcerptLine>,
    /// Each span given to [`excerpt`], where it is shown in `text`.
    pub spans: Vec<Span>,
}

/// One shown line.
#[derive(Debug)]
pub struct ExcerptLine {
    /// The line's number in the file, 0-based.
    pub number: usize,
    /// Where the line is in the excerpt's text (without a line end).
    pub span: Span,
    /// Where the line starts in the file.
    source_start: usize,
    /// A line without labels, shown because it is the only one between two that have them
    /// (as rustc does): one snippet instead of two.
    pub between: bool,
    pieces: Vec<Piece>,
}

/// A run of the file's text shown as it is: `len` bytes from `from` in the file, at `at` in the
/// excerpt's text.
#[derive(Debug, Clone, Copy)]
struct Piece {
    at: usize,
    from: usize,
    len: usize,
}

impl ExcerptLine {
    /// Where the shown text at `at` (an offset on this line) is in the file: in a piece, its own
    /// place; on a `…`, where the text it stands for starts.
    pub fn source_offset(&self, at: usize) -> usize {
        let mut cut_from = self.source_start;
        for p in &self.pieces {
            if at < p.at {
                break;
            }
            if at <= p.at + p.len {
                return p.from + (at - p.at);
            }
            cut_from = p.from + p.len;
        }
        cut_from
    }

    /// Where the file's offset `x` (on this line) is shown; an offset in text left out is shown
    /// after the `…` that stands for it.
    fn shown_offset(&self, x: usize) -> usize {
        let mut after_cut = self.span.start;
        for (k, p) in self.pieces.iter().enumerate() {
            if x < p.from {
                return after_cut;
            }
            if x <= p.from + p.len {
                return p.at + (x - p.from);
            }
            after_cut = match self.pieces.get(k + 1) {
                Some(_) => p.at + p.len + GAP.trim_end().len(),
                None => self.span.end,
            };
        }
        after_cut
    }
}

impl Excerpt {
    /// The index in `lines` of the line holding the excerpt's offset `at` (a line's end, its
    /// line feed, belongs to it).
    pub fn line_index(&self, at: usize) -> usize {
        self.lines
            .partition_point(|l| l.span.end < at)
            .min(self.lines.len().saturating_sub(1))
    }
}

/// A label as cut to its line: where it starts and ends on its first line, and whether it goes
/// on past that line.
struct Cut {
    line: usize,
    start: usize,
    end: usize,
    goes_on: bool,
}

/// What must be shown of a label, and which sides may take context.
#[derive(Debug, Clone, Copy)]
struct Anchor {
    from: usize,
    to: usize,
    grow_left: bool,
    grow_right: bool,
}

/// The excerpt that shows `spans` (byte spans into `src`, on character boundaries): each line
/// holding a span's start, cut to windows around what it holds, in at most `budget` columns
/// where the labels leave room for context. A span running past its line is shown to the end of
/// that line's excerpt.
pub fn excerpt(src: &Source, spans: &[Span], budget: usize) -> Excerpt {
    let text = src.text.as_str();
    let cuts: Vec<Cut> = spans
        .iter()
        .map(|s| {
            let start = s.start.min(text.len());
            let line = src.line_of(start);
            let bounds = src.line_bounds(line);
            let next = if line + 1 < src.line_count() {
                src.line_bounds(line + 1).start
            } else {
                text.len()
            };
            Cut {
                line,
                start: start.min(bounds.end),
                end: s.end.clamp(start, text.len()).min(bounds.end),
                goes_on: s.end > next,
            }
        })
        .collect();
    let mut numbers: Vec<usize> = cuts.iter().map(|c| c.line).collect();
    numbers.sort_unstable();
    numbers.dedup();
    // A single line between two shown lines is shown too (a page break's blank line).
    let between: Vec<usize> = numbers
        .windows(2)
        .filter(|w| w[1] == w[0] + 2)
        .map(|w| w[0] + 1)
        .collect();
    numbers.extend(&between);
    numbers.sort_unstable();
    let mut out = String::new();
    let mut lines = Vec::with_capacity(numbers.len());
    for &number in &numbers {
        let bounds = src.line_bounds(number);
        let is_between = between.binary_search(&number).is_ok();
        let anchors: Vec<Anchor> = if is_between {
            // Its start, and as much of its first sentence as the others show around a label.
            vec![Anchor {
                from: bounds.start,
                to: bounds.start,
                grow_left: false,
                grow_right: true,
            }]
        } else {
            cuts.iter()
                .filter(|c| c.line == number)
                .flat_map(|c| anchors(text, c))
                .collect()
        };
        let windows = [CONTEXT, 48, 36, 24, 12, 6, 0]
            .iter()
            .map(|&context| windows(text, bounds, &anchors, context))
            .find(|w| width(text, bounds, w) <= budget)
            .unwrap_or_else(|| windows(text, bounds, &anchors, 0));
        if !lines.is_empty() {
            out.push('\n');
        }
        let start = out.len();
        let mut pieces = Vec::with_capacity(windows.len());
        for (k, w) in windows.iter().enumerate() {
            if k == 0 && w.start > bounds.start {
                out.push_str(CUT);
            }
            if k > 0 {
                out.push_str(GAP);
            }
            pieces.push(Piece {
                at: out.len(),
                from: w.start,
                len: w.len(),
            });
            out.push_str(&text[w.start..w.end]);
        }
        if windows.last().is_some_and(|w| w.end < bounds.end) {
            out.push_str(CUT);
        }
        lines.push(ExcerptLine {
            number,
            span: Span::new(start, out.len()),
            source_start: bounds.start,
            between: is_between,
            pieces,
        });
    }
    let spans = cuts
        .iter()
        .map(|c| {
            let line = &lines[numbers.partition_point(|&n| n < c.line)];
            let start = line.shown_offset(c.start);
            let end = if c.goes_on {
                line.span.end
            } else {
                line.shown_offset(c.end)
            };
            Span::new(start, end.max(start))
        })
        .collect();
    Excerpt {
        text: out,
        lines,
        spans,
    }
}

/// What a label needs shown: all of it, or, when long, its first `HEAD` and last `TAIL`
/// columns (only the first when it goes on past its line), context outside it only.
fn anchors(text: &str, c: &Cut) -> Vec<Anchor> {
    let whole = Anchor {
        from: c.start,
        to: c.end,
        grow_left: true,
        grow_right: true,
    };
    if columns_up_to(&text[c.start..c.end], LONG + 1) <= LONG {
        return vec![whole];
    }
    let head_end = word_end(text, c.start, advance(text, c.start, c.end, HEAD), c.end);
    let head = Anchor {
        // Not ending on white space (unless that is all there is).
        to: match text[c.start..head_end].trim_end().len() {
            0 => head_end,
            kept => c.start + kept,
        },
        grow_right: false,
        ..whole
    };
    if c.goes_on {
        return vec![head];
    }
    let tail_start = word_start(text, c.start, back(text, c.start, c.end, TAIL), c.end);
    let tail = Anchor {
        from: match text[tail_start..c.end].trim_start().len() {
            0 => tail_start,
            kept => c.end - kept,
        },
        grow_left: false,
        ..whole
    };
    vec![head, tail]
}

/// The windows of one line: each anchor with up to `context` columns of its sentence each side
/// (cut at a word's edge where one is near), merged where they meet.
fn windows(text: &str, line: Span, anchors: &[Anchor], context: usize) -> Vec<Span> {
    let mut windows: Vec<Span> = anchors
        .iter()
        .map(|a| {
            let from = if a.grow_left {
                grow_left(text, line, a.from, context)
            } else {
                a.from
            };
            let to = if a.grow_right {
                grow_right(text, line, a.to, context)
            } else {
                a.to
            };
            Span::new(from, to.max(from))
        })
        .collect();
    windows.sort_unstable();
    let mut merged: Vec<Span> = Vec::with_capacity(windows.len());
    for w in windows {
        match merged.last_mut() {
            Some(last) if w.start <= last.end || columns(&text[last.end..w.start]) < JOIN => {
                *last = last.cover(w);
            }
            _ => merged.push(w),
        }
    }
    merged
}

/// Columns the shown line takes: its windows, and the `…` between and around them.
fn width(text: &str, line: Span, windows: &[Span]) -> usize {
    let shown: usize = windows.iter().map(|w| columns(&text[w.start..w.end])).sum();
    let gaps = windows.len().saturating_sub(1) * GAP.chars().count();
    let left = windows.first().is_some_and(|w| w.start > line.start);
    let right = windows.last().is_some_and(|w| w.end < line.end);
    shown + gaps + usize::from(left) + usize::from(right)
}

/// Columns a character takes (a tab at its widest).
fn char_columns(c: char) -> usize {
    if c == '\t' {
        TAB_WIDTH
    } else {
        c.width().unwrap_or(0)
    }
}

/// Columns `s` takes.
pub fn columns(s: &str) -> usize {
    s.chars().map(char_columns).sum()
}

/// Columns `s` takes, counted up to `max` (so a long label is not walked to its end).
fn columns_up_to(s: &str, max: usize) -> usize {
    let mut n = 0;
    for c in s.chars() {
        n += char_columns(c);
        if n >= max {
            break;
        }
    }
    n
}

/// The offset `n` columns on from `from` (not past `end`).
fn advance(text: &str, from: usize, end: usize, n: usize) -> usize {
    let mut cols = 0;
    for (i, c) in text[from..end].char_indices() {
        cols += char_columns(c);
        if cols > n {
            return from + i;
        }
    }
    end
}

/// The offset `n` columns back from `end` (not before `start`).
fn back(text: &str, start: usize, end: usize, n: usize) -> usize {
    let mut cols = 0;
    for (i, c) in text[start..end].char_indices().rev() {
        cols += char_columns(c);
        if cols > n {
            return start + i + c.len_utf8();
        }
    }
    start
}

/// `at`, or the end of the word it cuts when that is within `SNAP` bytes (not past `end`), or
/// else the start of that word when that is after `start`.
fn word_end(text: &str, start: usize, at: usize, end: usize) -> usize {
    let cut = |p: usize| {
        p == end
            || text[p..].starts_with(char::is_whitespace)
            || text[..p].ends_with(char::is_whitespace)
    };
    if cut(at) {
        return at;
    }
    let ahead = &text[at..text.floor_char_boundary((at + SNAP).min(end))];
    if let Some(k) = ahead.find(char::is_whitespace) {
        return at + k;
    }
    if at + ahead.len() == end {
        return end;
    }
    match text[start..at].rfind(char::is_whitespace) {
        Some(k) if k > 0 => start + k,
        _ => at,
    }
}

/// `at`, or the start of the word it cuts when that is within `SNAP` bytes (not before
/// `start`), or else the end of that word when that is before `end`.
fn word_start(text: &str, start: usize, at: usize, end: usize) -> usize {
    let cut = |p: usize| {
        p == start
            || text[p..].starts_with(char::is_whitespace)
            || text[..p].ends_with(char::is_whitespace)
    };
    if cut(at) {
        return at;
    }
    let behind = &text[text.ceil_char_boundary(at.saturating_sub(SNAP).max(start))..at];
    let after_space = |(k, c): (usize, char)| k + c.len_utf8();
    if let Some(k) = behind.char_indices().rfind(|(_, c)| c.is_whitespace()) {
        return at - behind.len() + after_space(k);
    }
    if at - behind.len() == start {
        return start;
    }
    match text[at..end]
        .char_indices()
        .find(|(_, c)| c.is_whitespace())
    {
        Some(k) => at + after_space(k),
        None => at,
    }
}

/// Does a sentence start at `p` (on `line`)? After `.`, `!` or `?` (and closing quotes or
/// brackets) and white space, at a character that is not lower case; not after an initial
/// (`U.S. Government`). A reading for display only: the rules read sentences from the parser.
fn sentence_starts_at(text: &str, line: Span, p: usize) -> bool {
    if p <= line.start {
        return true;
    }
    let Some(next) = text[p..line.end].chars().next() else {
        return false;
    };
    if next.is_whitespace() || next.is_lowercase() {
        return false;
    }
    // What comes before, as far back as a sentence's end can show (white space, closing quotes,
    // the stop and an initial): a long run of white space is no sentence's end.
    let before = &text[text.floor_char_boundary(p.saturating_sub(LOOK).max(line.start))..p];
    let trimmed = before.trim_end();
    if trimmed.len() == before.len() {
        return false;
    }
    let trimmed = trimmed.trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')', ']']);
    let Some(stripped) = trimmed.strip_suffix(['.', '!', '?']) else {
        return false;
    };
    let word = stripped
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let mut letters = word.chars();
    !matches!((letters.next(), letters.next()), (Some(c), None) if c.is_uppercase())
}

/// Where a window reaching back from `from` starts: up to `context` columns back, not past the
/// start of the sentence, at the start of a word where one is near.
fn grow_left(text: &str, line: Span, from: usize, context: usize) -> usize {
    let mut p = from;
    let mut cols = 0;
    while p > line.start && !sentence_starts_at(text, line, p) {
        let c = text[line.start..p]
            .chars()
            .next_back()
            .expect("p > line start");
        cols += char_columns(c);
        if cols > context {
            // Cut at the start of the next word, if there is one before `from`.
            if !c.is_whitespace()
                && let Some(k) = text[p..from].find(char::is_whitespace)
            {
                p += k;
            }
            break;
        }
        p -= c.len_utf8();
    }
    p + (text[p..from].len() - text[p..from].trim_start().len())
}

/// Where a window reaching on from `to` ends: up to `context` columns on, not past the end of
/// the sentence, at the end of a word where one is near.
fn grow_right(text: &str, line: Span, to: usize, context: usize) -> usize {
    let mut p = to;
    let mut cols = 0;
    while p < line.end {
        let c = text[p..line.end].chars().next().expect("p < line end");
        if c.is_whitespace() {
            let ahead = &text[p..text.floor_char_boundary((p + LOOK).min(line.end))];
            let run = ahead.len() - ahead.trim_start().len();
            if p + run == line.end || run < ahead.len() && sentence_starts_at(text, line, p + run) {
                break;
            }
        }
        cols += char_columns(c);
        if cols > context {
            // Cut at the end of the last word, if there is one after `to`.
            if !c.is_whitespace()
                && let Some(k) = text[to..p].rfind(char::is_whitespace)
            {
                p = to + k;
            }
            break;
        }
        p += c.len_utf8();
    }
    to + text[to..p].trim_end().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(text: &str, labels: &[&str], budget: usize) -> (Excerpt, Vec<String>) {
        let src = Source::new("t.txt", text.to_string());
        let spans: Vec<Span> = labels
            .iter()
            .map(|l| {
                let at = text.find(l).unwrap();
                Span::new(at, at + l.len())
            })
            .collect();
        let e = excerpt(&src, &spans, budget);
        let shown = e
            .spans
            .iter()
            .map(|s| e.text[s.start..s.end].to_string())
            .collect();
        (e, shown)
    }

    #[test]
    fn a_label_in_a_long_line_shows_its_sentence() {
        let text = format!(
            "{} The ministry gave 40 shelters to the victims of the region. {}",
            "Before this came other news of the year. ".repeat(30),
            "Later news followed in the spring. ".repeat(30)
        );
        let (e, shown) = show(&text, &["40 shelters"], 120);
        assert_eq!(
            e.text,
            "…The ministry gave 40 shelters to the victims of the region.…"
        );
        assert_eq!(shown, ["40 shelters"]);
        assert_eq!(e.lines[0].number, 0);
    }

    #[test]
    fn context_is_cut_at_a_word_and_bounded() {
        let words =
            "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu ".repeat(20);
        let text = format!("{words}TARGET {words}");
        let (e, shown) = show(&text, &["TARGET"], 200);
        assert_eq!(shown, ["TARGET"]);
        let line = &e.text;
        assert!(line.starts_with('…') && line.ends_with('…'), "{line}");
        let (left, right) = line.split_once("TARGET").unwrap();
        assert!(
            columns(left) <= CONTEXT + 1 && columns(right) <= CONTEXT + 1,
            "{line}"
        );
        // Whole words only.
        let inner = line.trim_matches('…');
        assert!(
            words.contains(inner.split_once(" TARGET").unwrap().0),
            "{line}"
        );
    }

    #[test]
    fn labels_far_apart_on_one_line_get_a_window_each() {
        let filler = "The officials met again. ".repeat(200);
        let text = format!("Ruritania reported 12 cases. {filler}It reported 9 cases.");
        let (e, shown) = show(&text, &["12 cases", "9 cases"], 120);
        assert_eq!(shown, ["12 cases", "9 cases"]);
        assert!(e.text.contains(" … "), "{}", e.text);
        assert!(columns(&e.text) <= 120, "{}", e.text);
        // The offsets map back to the file.
        let at = e.spans[1].start;
        assert_eq!(e.lines[0].source_offset(at), text.find("9 cases").unwrap());
    }

    #[test]
    fn a_long_label_is_shown_by_its_ends() {
        let long = "word ".repeat(100);
        let text = format!("Start here. {long}end of it. After that more.");
        let src = Source::new("t.txt", text.clone());
        let start = text.find("word").unwrap();
        let end = text.find("end of it.").unwrap() + "end of it.".len();
        let e = excerpt(&src, &[Span::new(start, end)], 120);
        let shown = &e.text[e.spans[0].start..e.spans[0].end];
        assert!(
            shown.starts_with("word word") && shown.ends_with("end of it."),
            "{shown}"
        );
        assert!(shown.contains(" … "), "{shown}");
        assert!(columns(shown) <= HEAD + TAIL + 4, "{shown}");
    }

    #[test]
    fn a_span_over_several_lines_is_shown_on_its_first() {
        let text = "first line of text\nsecond line\nthird line\n";
        let src = Source::new("t.txt", text.to_string());
        let e = excerpt(&src, &[Span::new(6, 30)], 120);
        assert_eq!(e.lines.len(), 1);
        assert_eq!(&e.text[e.spans[0].start..e.spans[0].end], "line of text");
    }

    #[test]
    fn lines_keep_their_numbers_and_order() {
        let text = "one\ntwo 2\nthree\nfour 4\nfive\nsix\nseven 7\n";
        let (e, shown) = show(text, &["4", "7", "2"], 120);
        assert_eq!(shown, ["4", "7", "2"]);
        // The one line between two shown lines is shown; two lines are not.
        assert_eq!(e.text, "two 2\nthree\nfour 4\nseven 7");
        assert_eq!(
            e.lines
                .iter()
                .map(|l| (l.number, l.between))
                .collect::<Vec<_>>(),
            [(1, false), (2, true), (3, false), (6, false)]
        );
        assert_eq!(e.line_index(e.spans[0].start), 2);
        assert_eq!(e.line_index(e.spans[1].start), 3);
    }

    proptest::proptest! {
        #[test]
        fn any_spans_are_shown_on_their_lines_and_map_back(
            text in "[a-z .A-Z\u{e9}\u{2014}\t\n\r]{0,400}",
            raw in proptest::collection::vec((0usize..500, 0usize..500), 1..6),
            budget in 0usize..200,
        ) {
            let src = Source::new("t.txt", text.clone());
            let spans: Vec<Span> = raw
                .iter()
                .map(|&(a, b)| {
                    let (a, b) = (a.min(b), a.max(b));
                    Span::new(text.floor_char_boundary(a), text.floor_char_boundary(b))
                })
                .collect();
            let e = excerpt(&src, &spans, budget);
            assert_eq!(e.text.split('\n').count(), e.lines.len());
            assert!(e.lines.windows(2).all(|w| w[0].number < w[1].number));
            for (s, shown) in spans.iter().zip(&e.spans) {
                assert!(shown.start <= shown.end && shown.end <= e.text.len());
                assert!(e.text.is_char_boundary(shown.start) && e.text.is_char_boundary(shown.end));
                let line = &e.lines[e.line_index(shown.start)];
                assert_eq!(line.number, src.line_of(s.start));
                assert!(!line.between);
                let bounds = src.line_bounds(line.number);
                assert_eq!(line.source_offset(shown.start), s.start.min(bounds.end));
                assert!(line.span.contains(*shown));
            }
        }
    }

    #[test]
    fn initials_do_not_end_a_sentence() {
        let text = "Officials of the U.S. Government met 12 victims today. Then more.";
        let (e, _) = show(text, &["12"], 120);
        assert_eq!(
            e.text,
            "Officials of the U.S. Government met 12 victims today.…"
        );
    }
}
