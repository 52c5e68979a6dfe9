//! `--format human`: miette's graphical report, a label on each piece of offending text, each
//! line shown cut to a window around its labels (`window`).

use super::window::{self, Excerpt, TAB_WIDTH};
use super::{FileOutcome, Keep, Summary, one_line, picture, visible};
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::{Source, Span};
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};
use std::borrow::Cow;
use std::fmt;

/// How wide a drawn line may be (gutter, text, label), where the labels leave room.
const WIDTH: usize = 136;

/// A shown line wider than this (in columns) is not drawn: miette pads up to a label with
/// `{:width$}`, which panics beyond 65,535 columns. Windows keep lines near `WIDTH`; only a
/// finding with thousands of labels on one line could reach this, and it is listed as plain
/// lines instead, each label with its place.
const WIDEST: usize = 32_768;

/// A label's text is clipped to this many characters, then folded into lines of at most
/// `LABEL_COLUMNS` columns (fewer where its mark is far right, but not under `LABEL_NARROWEST`).
const LABEL_CHARS: usize = 200;
const LABEL_COLUMNS: usize = 60;
const LABEL_NARROWEST: usize = 24;

/// A file as the terminal is shown it: its control characters made visible (`super::picture`,
/// one character for one, so lines and columns are the file's), and where each byte offset of
/// the file went (a picture may be longer in bytes than what it shows).
struct Shown<'s> {
    file: &'s Source,
    /// The file's name, shown.
    name: Cow<'s, str>,
    source: Cow<'s, Source>,
    /// For each character shown as a picture of another length: its offset in the file, and
    /// how many bytes longer the shown text is from there on.
    shifts: Vec<(usize, usize)>,
}

impl<'s> Shown<'s> {
    fn new(file: &'s Source) -> Shown<'s> {
        let text = file.text.as_str();
        let mut shifts = Vec::new();
        let mut shown = String::new();
        let mut longer = 0;
        for (i, c) in text.char_indices() {
            let after = i + c.len_utf8();
            let Some(p) = picture(c, text[after..].chars().next(), Keep::Lines) else {
                continue;
            };
            if shown.is_empty() {
                shown.reserve(text.len() + 64);
            }
            shown.push_str(&text[shown.len() - longer..i]);
            shown.push(p);
            // A picture is never shorter than what it shows (three bytes, for one to three).
            if p.len_utf8() != c.len_utf8() {
                longer += p.len_utf8() - c.len_utf8();
                shifts.push((i, longer));
            }
        }
        let source = if shown.is_empty() {
            Cow::Borrowed(file)
        } else {
            shown.push_str(&text[shown.len() - longer..]);
            Cow::Owned(Source::new(file.name.clone(), shown))
        };
        Shown {
            file,
            name: visible(&file.name, Keep::Tabs),
            source,
            shifts,
        }
    }

    /// Where byte `at` of the file is in the shown text.
    fn offset(&self, at: usize) -> usize {
        let k = self.shifts.partition_point(|&(i, _)| i < at);
        at + k.checked_sub(1).map_or(0, |k| self.shifts[k].1)
    }

    fn span(&self, span: Span) -> Span {
        Span::new(self.offset(span.start), self.offset(span.end))
    }

    /// The spans miette draws for a finding: its labels, or its own span without any.
    fn labels<'d>(&self, d: &'d Diagnostic) -> Vec<(Span, Option<&'d str>)> {
        // A label in another file (an earlier edition) is not drawn here: the finding's help
        // names where it is.
        if d.own_labels().next().is_none() {
            vec![(self.span(d.span), None)]
        } else {
            d.own_labels()
                .map(|l| (self.span(l.span), Some(l.text.as_str())))
                .collect()
        }
    }
}

/// Build miette's diagnostic for one finding, its labels at their places in the excerpt, each
/// with its text as shown.
fn to_miette(d: &Diagnostic, labels: Vec<(Span, Option<String>)>) -> MietteDiagnostic {
    let severity = match d.severity {
        Severity::Error => miette::Severity::Error,
        Severity::Warning => miette::Severity::Warning,
        Severity::Info => miette::Severity::Advice,
    };
    let labels = labels
        .into_iter()
        .map(|(s, text)| LabeledSpan::new(text, s.start, s.len()));
    let mut m = MietteDiagnostic::new(visible(&d.message, Keep::Lines))
        .with_code(visible(&format!("{}({})", d.rule, d.code), Keep::Tabs))
        .with_severity(severity)
        .with_labels(labels);
    if let Some(h) = &d.help {
        m = m.with_help(visible(h, Keep::Lines));
    }
    m
}

/// Columns of `text` as miette counts them on a line: tabs to the next stop, other characters
/// by their Unicode width.
fn drawn_columns(text: &str) -> usize {
    text.chars().fold(0, |column, c| {
        column
            + if c == '\t' {
                TAB_WIDTH - column % TAB_WIDTH
            } else {
                unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)
            }
    })
}

/// Each label's text as shown: on one line (see `one_line`), clipped to `LABEL_CHARS`
/// characters, and folded to fit between where miette draws it (its mark's column, found as
/// miette finds it) and `WIDTH`. `gutter`: the columns before a line's text.
fn label_texts(
    excerpt: &Excerpt,
    labels: &[(Span, Option<&str>)],
    gutter: usize,
) -> Vec<Option<String>> {
    // Where each label's mark (`┬`) is: miette draws the labels of a line in order of their
    // start, each underline starting no earlier than the one before it ends.
    let mut order: Vec<usize> = (0..labels.len()).collect();
    order.sort_by_key(|&k| excerpt.spans[k].start);
    let mut mark = vec![0; labels.len()];
    let mut line = usize::MAX;
    let mut highest = 0;
    for k in order {
        let span = excerpt.spans[k];
        let here = excerpt.line_index(span.start);
        if here != line {
            line = here;
            highest = 0;
        }
        let line_start = excerpt.lines[here].span.start;
        let start = drawn_columns(&excerpt.text[line_start..span.start]).max(highest);
        let end = if span.is_empty() {
            start + 1
        } else {
            drawn_columns(&excerpt.text[line_start..span.end]).max(start + 1)
        };
        mark[k] = (start + end) / 2;
        highest = highest.max(end);
    }
    labels
        .iter()
        .zip(mark)
        .map(|((_, text), mark)| {
            let text = one_line((*text)?);
            let text = match crate::output::clip(&text, LABEL_CHARS) {
                (kept, true) => format!("{kept}…"),
                (_, false) => text.into_owned(),
            };
            // `╰── ` before the text.
            let room = WIDTH
                .saturating_sub(gutter + mark + 4)
                .clamp(LABEL_NARROWEST, LABEL_COLUMNS);
            Some(textwrap::wrap(&text, room).join("\n"))
        })
        .collect()
}

/// A finding as plain lines, without a snippet: where it is, its message, each label with its
/// place, its help.
fn plain(shown: &Shown, d: &Diagnostic) -> String {
    let name = &shown.name;
    let place = |at: usize| {
        let (line, column) = shown.file.line_col(at);
        format!("{name}:{line}:{column}")
    };
    let symbol = match d.severity {
        Severity::Error => "×",
        Severity::Warning => "⚠",
        Severity::Info => "☞",
    };
    let mut out = format!(
        "{}\n\n  {symbol} {}\n   at {}\n",
        visible(&format!("{}({})", d.rule, d.code), Keep::Tabs),
        visible(&d.message, Keep::Tabs),
        place(d.span.start)
    );
    for l in &d.labels {
        let at = match &l.file {
            Some(f) => {
                let (line, column) = f.source.line_col(l.span.start);
                format!("{}:{line}:{column}", f.name)
            }
            None => place(l.span.start),
        };
        out.push_str(&format!("   {at}: {}\n", visible(&l.text, Keep::Tabs)));
    }
    if let Some(h) = &d.help {
        out.push_str(&format!("  help: {}\n", visible(h, Keep::Tabs)));
    }
    out
}

/// The excerpt of a finding as miette reads it: each span read from the shown lines only (the
/// lines asked for around a span are its own whole lines, never the file's lines between
/// them), numbered and placed as in the file, its column counted in characters as in every
/// other format.
struct Snippets<'s> {
    shown: &'s Shown<'s>,
    excerpt: &'s Excerpt,
}

impl fmt::Debug for Snippets<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Snippets({})", self.shown.name)
    }
}

impl SourceCode for Snippets<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let excerpt = self.excerpt;
        let text = excerpt.text.as_str();
        let start = span.offset();
        let end = start
            .checked_add(span.len())
            .filter(|&e| {
                e <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(e)
            })
            .ok_or(MietteError::OutOfBounds)?;
        let mut first = excerpt.line_index(start);
        // The line of the span's last character (a whole character back from its end).
        let last_char = text[start..end]
            .char_indices()
            .next_back()
            .map_or(start, |(i, _)| start + i);
        let mut last = excerpt.line_index(last_char);
        let line = &excerpt.lines[first];
        // With lines of context, a line shown between two labelled ones comes along, so miette
        // draws the three in one snippet.
        let between = |k: usize, next_to: usize| {
            let (a, b) = (&excerpt.lines[k], &excerpt.lines[next_to]);
            a.between && a.number.abs_diff(b.number) == 1
        };
        if before > 0 && first > 0 && between(first - 1, first) {
            first -= 1;
        }
        if after > 0 && last + 1 < excerpt.lines.len() && between(last + 1, last) {
            last += 1;
        }
        let first_line = &excerpt.lines[first];
        // Without lines of context the snippet is the span itself (as miette's own sources give
        // it), at its place in the file; with them, its whole shown lines.
        let (from, column) = if before == 0 {
            let (_, column) = self.shown.source.line_col(line.source_offset(start));
            (start, column - 1)
        } else {
            (first_line.span.start, 0)
        };
        let to = if after == 0 {
            end
        } else {
            excerpt.lines[last].span.end.max(end)
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.shown.name.to_string(),
            &text.as_bytes()[from..to],
            (from, to - from).into(),
            if before == 0 {
                line.number
            } else {
                first_line.number
            },
            column,
            last - first + 1,
        )))
    }
}

/// A finding with its file, for miette's report handler.
#[derive(Debug)]
struct WithSource<'s> {
    diagnostic: MietteDiagnostic,
    source: Snippets<'s>,
}

impl fmt::Display for WithSource<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.diagnostic, f)
    }
}

impl std::error::Error for WithSource<'_> {}

impl miette::Diagnostic for WithSource<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.diagnostic.code()
    }
    fn severity(&self) -> Option<miette::Severity> {
        self.diagnostic.severity()
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.diagnostic.help()
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.diagnostic.labels()
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }
}

/// One finding: drawn by miette over its excerpt when it can be, else as plain lines.
fn render_one(handler: &GraphicalReportHandler, shown: &Shown, d: &Diagnostic) -> String {
    let labels = shown.labels(d);
    let spans: Vec<Span> = labels.iter().map(|(s, _)| *s).collect();
    let source = &*shown.source;
    let last_line = spans
        .iter()
        .map(|s| source.line_of(s.start.min(source.len())) + 1)
        .max()
        .unwrap_or(1);
    // ` 123 │ ` before each line's text.
    let gutter = last_line.to_string().len() + 4;
    let excerpt = window::excerpt(source, &spans, WIDTH.saturating_sub(gutter));
    if excerpt
        .lines
        .iter()
        .any(|l| window::columns(&excerpt.text[l.span.start..l.span.end]) > WIDEST)
    {
        return plain(shown, d);
    }
    let texts = label_texts(&excerpt, &labels, gutter);
    let report = WithSource {
        diagnostic: to_miette(d, excerpt.spans.iter().copied().zip(texts).collect()),
        source: Snippets {
            shown,
            excerpt: &excerpt,
        },
    };
    let mut out = String::new();
    if handler.render_report(&mut out, &report).is_err() {
        out = plain(shown, d);
    }
    out
}

/// The report: each finding (and with `verbose`, the edition and the checks), then the summary.
pub fn render(outcomes: &[FileOutcome], color: bool, verbose: bool, baselined: usize) -> String {
    let mut out = render_findings(outcomes, color, verbose);
    out.push_str(
        &Summary {
            baselined,
            ..Summary::of(outcomes)
        }
        .lines(),
    );
    out
}

/// The report without its summary (`--quiet`).
pub fn render_findings(outcomes: &[FileOutcome], color: bool, verbose: bool) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(100)
        .tab_width(TAB_WIDTH)
        // Asks for a span's whole lines: `Snippets` gives the shown lines and no others.
        .with_context_lines(1);
    let mut out = String::new();
    for o in outcomes {
        // Names, messages and expressions may quote the text: shown, not obeyed.
        let name = visible(&o.name, Keep::Tabs);
        // An input that could not be read is said on standard error, as every format says it
        // (the summary counts it).
        if let Ok((src, r)) = &o.checked {
            let shown = Shown::new(src);
            for d in &r.diagnostics {
                out.push_str(&render_one(&handler, &shown, d));
                out.push('\n');
            }
            if verbose {
                match r.edition {
                        Some((year, crate::rules::EditionSource::Given)) => out.push_str(&format!("{name}: edition {year} (given)\n")),
                        Some((year, crate::rules::EditionSource::Guessed)) => out.push_str(&format!(
                            "{name}: edition {year} (guessed from the text's title or dates; set it with --edition)\n"
                        )),
                        None => out.push_str(&format!("{name}: edition unknown (no dated months in the text; set it with --edition)\n")),
                    }
                for c in &r.checks {
                    let (line, col) = src.line_col(c.span.start);
                    out.push_str(&format!(
                        "{name}:{line}:{col}: check {} [{}]: {}\n",
                        if c.ok { "passed" } else { "FAILED" },
                        visible(&c.rule, Keep::Tabs),
                        visible(&c.expression, Keep::Tabs)
                    ));
                }
            }
        }
    }
    out
}
