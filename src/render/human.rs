//! `--format human`: miette's graphical report, a label on each piece of offending text.

use super::{FileOutcome, Summary};
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::Source;
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};
use std::fmt;

/// Build miette's diagnostic for one finding.
pub fn to_miette(d: &Diagnostic) -> MietteDiagnostic {
    let severity = match d.severity {
        Severity::Error => miette::Severity::Error,
        Severity::Warning => miette::Severity::Warning,
        Severity::Info => miette::Severity::Advice,
    };
    let mut labels: Vec<LabeledSpan> = d
        .labels
        .iter()
        .map(|l| LabeledSpan::new(Some(l.text.clone()), l.span.start, l.span.len()))
        .collect();
    if labels.is_empty() {
        labels.push(LabeledSpan::new(None, d.span.start, d.span.len()));
    }
    let mut m = MietteDiagnostic::new(d.message.clone())
        .with_code(format!("{}({})", d.rule, d.code))
        .with_severity(severity)
        .with_labels(labels);
    if let Some(h) = &d.help {
        m = m.with_help(h.clone());
    }
    m
}

/// The file as miette reads it: each span found through the line index (not by scanning the file
/// for every report), its column counted in characters as in every other format, and the text
/// borrowed rather than copied for each report.
struct Snippets<'s>(&'s Source);

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
        let src = self.0;
        let text = src.text.as_str();
        let start = span.offset();
        let end = start
            .checked_add(span.len())
            .filter(|&e| {
                e <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(e)
            })
            .ok_or(MietteError::OutOfBounds)?;
        let (line, column) = src.line_col(start);
        let (last, _) = src.line_col(end.saturating_sub(1).max(start));
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
            src.name.clone(),
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

fn render_one(handler: &GraphicalReportHandler, src: &Source, d: &Diagnostic) -> String {
    let report = WithSource {
        diagnostic: to_miette(d),
        source: Snippets(src),
    };
    let mut out = String::new();
    if handler.render_report(&mut out, &report).is_err() {
        out = format!("{}: {}: {}\n", src.name, d.severity, d.message);
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
        .with_context_lines(0);
    let mut out = String::new();
    for o in outcomes {
        match &o.checked {
            Ok((src, r)) => {
                for d in &r.diagnostics {
                    out.push_str(&render_one(&handler, src, d));
                    out.push('\n');
                }
                if verbose {
                    match r.edition {
                        Some((year, crate::rules::EditionSource::Given)) => out.push_str(&format!("{}: edition {year} (given)\n", o.name)),
                        Some((year, crate::rules::EditionSource::Guessed)) => out.push_str(&format!(
                            "{}: edition {year} (guessed from the dates in the text; set it with --edition)\n",
                            o.name
                        )),
                        None => out.push_str(&format!("{}: edition unknown (no dated months in the text; set it with --edition)\n", o.name)),
                    }
                    for c in &r.checks {
                        let (line, col) = src.line_col(c.span.start);
                        out.push_str(&format!(
                            "{}:{line}:{col}: check {} [{}]: {}\n",
                            o.name,
                            if c.ok { "passed" } else { "FAILED" },
                            c.rule,
                            c.expression
                        ));
                    }
                }
            }
            Err(e) => out.push_str(&format!("error: {}: {e}\n", o.name)),
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
