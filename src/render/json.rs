//! `--format json`: the document of DESIGN §6.

use super::{FileOutcome, Summary};
use crate::diagnostic::{Check, Diagnostic, Fix};
use crate::rules::{ChapterInfo, Coverage};
use crate::source::{Source, Span};
use serde::Serialize;

#[derive(Serialize)]
struct Doc<'a> {
    version: u32,
    files: Vec<JsonFile<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct JsonFile<'a> {
    path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
    chapters: Vec<&'a ChapterInfo>,
    /// Added after DESIGN §6's example: sentences with figures, and how many were read.
    #[serde(skip_serializing_if = "Option::is_none")]
    coverage: Option<Coverage>,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    checks: Vec<JsonCheck<'a>>,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    rule: &'a str,
    code: &'a str,
    severity: crate::diagnostic::Severity,
    message: &'a str,
    span: Span,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    labels: Vec<JsonLabel<'a>>,
    help: Option<&'a str>,
    fix: Option<&'a Fix>,
}

#[derive(Serialize)]
struct JsonLabel<'a> {
    /// The file the label is in, when it is not the finding's (an earlier edition).
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<&'a str>,
    span: Span,
    line: usize,
    column: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct JsonCheck<'a> {
    rule: &'a str,
    ok: bool,
    expression: &'a str,
    values: &'a serde_json::Value,
    span: Span,
    line: usize,
    column: usize,
}

fn diagnostic<'a>(src: &Source, d: &'a Diagnostic) -> JsonDiagnostic<'a> {
    let (line, column) = src.line_col(d.span.start);
    let (end_line, end_column) = src.line_col(d.span.end);
    JsonDiagnostic {
        rule: &d.rule,
        code: &d.code,
        severity: d.severity,
        message: &d.message,
        span: d.span,
        line,
        column,
        end_line,
        end_column,
        labels: d
            .labels
            .iter()
            .map(|l| {
                let (line, column) = l
                    .file
                    .as_ref()
                    .map_or(src, |f| &f.source)
                    .line_col(l.span.start);
                JsonLabel {
                    path: l.file.as_ref().map(|f| f.name.as_str()),
                    span: l.span,
                    line,
                    column,
                    text: &l.text,
                }
            })
            .collect(),
        help: d.help.as_deref(),
        fix: d.fix.as_ref(),
    }
}

fn check<'a>(src: &Source, c: &'a Check) -> JsonCheck<'a> {
    let (line, column) = src.line_col(c.span.start);
    JsonCheck {
        rule: &c.rule,
        ok: c.ok,
        expression: &c.expression,
        values: &c.values,
        span: c.span,
        line,
        column,
    }
}

pub fn render(outcomes: &[FileOutcome], baselined: usize) -> String {
    let files = outcomes
        .iter()
        .map(|o| match &o.checked {
            Ok((src, r)) => JsonFile {
                path: &o.name,
                error: None,
                chapters: r.chapters.iter().collect(),
                coverage: Some(r.coverage),
                diagnostics: r.diagnostics.iter().map(|d| diagnostic(src, d)).collect(),
                checks: r.checks.iter().map(|c| check(src, c)).collect(),
            },
            Err(e) => JsonFile {
                path: &o.name,
                error: Some(e),
                chapters: Vec::new(),
                coverage: None,
                diagnostics: Vec::new(),
                checks: Vec::new(),
            },
        })
        .collect();
    let doc = Doc {
        version: 1,
        files,
        summary: Summary {
            baselined,
            ..Summary::of(outcomes)
        },
    };
    let mut s = serde_json::to_string_pretty(&doc).expect("plain data serialises");
    s.push('\n');
    s
}
