//! `--format human`: miette's graphical report, a label on each piece of offending text.

use super::{FileOutcome, Summary};
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::Source;
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic, NamedSource, Report,
};

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

fn render_one(handler: &GraphicalReportHandler, src: &Source, d: &Diagnostic) -> String {
    let report = Report::new(to_miette(d))
        .with_source_code(NamedSource::new(src.name.clone(), src.text.clone()));
    let mut out = String::new();
    if handler.render_report(&mut out, report.as_ref()).is_err() {
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
