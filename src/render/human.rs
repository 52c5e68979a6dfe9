//! `--format human`: miette's graphical report, a label on each piece of offending text.

use super::{FileOutcome, Keep, Summary, picture, visible};
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::{Source, Span};
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};
use std::borrow::Cow;
use std::fmt;

/// Columns a tab takes in a snippet.
const TAB_WIDTH: usize = 4;

/// How far into a line (in columns) a label may start and still be drawn under the text.
/// miette pads up to a label with `{:width$}`, which panics beyond 65,535 columns; and such a
/// snippet is no use on a terminal anyway. A finding with a label further in is listed as plain
/// lines instead, each label with its place.
const WIDEST: usize = 32_768;

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
        if d.labels.is_empty() {
            vec![(self.span(d.span), None)]
        } else {
            d.labels
                .iter()
                .map(|l| (self.span(l.span), Some(l.text.as_str())))
                .collect()
        }
    }

    /// Can miette draw every label under the text? Each label's start is at most `WIDEST`
    /// columns from where miette starts counting: the start of its line, or of the first label
    /// (every character counted as wide, every tab at its widest, so this is a bound).
    fn drawable(&self, labels: &[(Span, Option<&str>)]) -> bool {
        let text = self.source.text.as_str();
        let first = labels.iter().map(|(s, _)| s.start).min().unwrap_or(0);
        labels.iter().all(|(s, _)| {
            // Back from the label to its line's start or the first label, at most `WIDEST`.
            text[first..s.start]
                .chars()
                .rev()
                .take_while(|&c| c != '\n')
                .try_fold(0, |columns, c| {
                    let columns = columns + if c == '\t' { TAB_WIDTH } else { 2 };
                    (columns <= WIDEST).then_some(columns)
                })
                .is_some()
        })
    }
}

/// Build miette's diagnostic for one finding, its labels at their places in the shown text.
fn to_miette(d: &Diagnostic, labels: &[(Span, Option<&str>)]) -> MietteDiagnostic {
    let severity = match d.severity {
        Severity::Error => miette::Severity::Error,
        Severity::Warning => miette::Severity::Warning,
        Severity::Info => miette::Severity::Advice,
    };
    let labels = labels.iter().map(|(s, text)| {
        LabeledSpan::new(
            text.map(|t| visible(t, Keep::Lines).into_owned()),
            s.start,
            s.len(),
        )
    });
    let mut m = MietteDiagnostic::new(visible(&d.message, Keep::Lines))
        .with_code(visible(&format!("{}({})", d.rule, d.code), Keep::Tabs))
        .with_severity(severity)
        .with_labels(labels);
    if let Some(h) = &d.help {
        m = m.with_help(visible(h, Keep::Lines));
    }
    m
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
        out.push_str(&format!(
            "   {}: {}\n",
            place(l.span.start),
            visible(&l.text, Keep::Tabs)
        ));
    }
    if let Some(h) = &d.help {
        out.push_str(&format!("  help: {}\n", visible(h, Keep::Tabs)));
    }
    out
}

/// The shown file as miette reads it: each span found through the line index (not by scanning
/// the file for every report), its column counted in characters as in every other format, and
/// the text borrowed rather than copied for each report.
struct Snippets<'s>(&'s Shown<'s>);

impl fmt::Debug for Snippets<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Snippets({})", self.0.name)
    }
}

impl SourceCode for Snippets<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let src = &*self.0.source;
        let text = src.text.as_str();
        let start = span.offset();
        let end = start
            .checked_add(span.len())
            .filter(|&e| {
                e <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(e)
            })
            .ok_or(MietteError::OutOfBounds)?;
        let (line, column) = src.line_col(start);
        // The line of the span's last character (a whole character back from its end).
        let last_char = text[start..end]
            .char_indices()
            .next_back()
            .map_or(start, |(i, _)| start + i);
        let (last, _) = src.line_col(last_char);
        // Without lines of context the snippet is the span itself (as miette's own sources give
        // it); with them, whole lines.
        let (from, first_line, first_column) = if before == 0 {
            (start, line - 1, column - 1)
        } else {
            let first = (line - 1).saturating_sub(before);
            (src.line_bounds(first).start, first, 0)
        };
        let to = if after == 0 {
            end
        } else {
            src.line_bounds(last - 1 + after).end.max(end)
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.0.name.to_string(),
            &text.as_bytes()[from..to],
            (from, to - from).into(),
            first_line,
            first_column,
            last,
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

/// One finding: drawn by miette when it can be, else as plain lines.
fn render_one(handler: &GraphicalReportHandler, shown: &Shown, d: &Diagnostic) -> String {
    let labels = shown.labels(d);
    if !shown.drawable(&labels) {
        return plain(shown, d);
    }
    let report = WithSource {
        diagnostic: to_miette(d, &labels),
        source: Snippets(shown),
    };
    let mut out = String::new();
    if handler.render_report(&mut out, &report).is_err() {
        out = plain(shown, d);
    }
    out
}

pub fn render(outcomes: &[FileOutcome], color: bool, verbose: bool, baselined: usize) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(100)
        .tab_width(TAB_WIDTH)
        .with_context_lines(0);
    let mut out = String::new();
    for o in outcomes {
        // Names, messages and expressions may quote the text: shown, not obeyed.
        let name = visible(&o.name, Keep::Tabs);
        match &o.checked {
            Ok((src, r)) => {
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
            Err(e) => out.push_str(&format!("error: {name}: {}\n", visible(e, Keep::Tabs))),
        }
    }
    out.push_str(
        &Summary {
            baselined,
            ..Summary::of(outcomes)
        }
        .line(),
    );
    out.push('\n');
    out
}
