//! A paragraph of the text, as written, with its marks: each figure a check compared (a link to
//! that check, `✓` held or `✗` failed, and words for screen readers), the stretches around
//! them (a finding's span underlined in waves, an unread sentence in dots) and their tags (the
//! finding's number, `?` for an unread sentence).

use super::FileView;
use super::marks::{Run, Stretch, Verdict};
use crate::diagnostic::Severity;
use crate::render::{Keep, visible};
use crate::source::Span;
use maud::{Markup, html};

/// A piece of the text as shown: every control character made visible (one for one), the
/// line ends kept as line feeds (the paragraph keeps its lines; a browser reads `\r\n` and a
/// lone `\r` as one anyway). Escaped where it is put in the page.
fn piece<'t>(view: &FileView<'t>, span: Span) -> std::borrow::Cow<'t, str> {
    let shown = visible(
        view.src.text.get(span.start..span.end).unwrap_or(""),
        Keep::Lines,
    );
    if shown.contains('\r') {
        std::borrow::Cow::Owned(shown.replace("\r\n", "\n"))
    } else {
        shown
    }
}

/// The class of a piece covered by `stretches`: the gravest finding's severity, and whether it
/// lies in an unread sentence.
fn stretch_class(view: &FileView, stretches: &[Stretch]) -> Option<String> {
    let gravest = stretches
        .iter()
        .filter_map(|s| match s {
            Stretch::Finding(j) => view.result.diagnostics.get(*j).map(|d| d.severity),
            Stretch::Unread(_) => None,
        })
        .max();
    let unread = stretches.iter().any(|s| matches!(s, Stretch::Unread(_)));
    let mut class: Vec<&str> = Vec::new();
    if let Some(sev) = gravest {
        class.push("flagged");
        class.push(severity_class(sev));
    }
    if unread {
        class.push("unread");
    }
    (!class.is_empty()).then(|| class.join(" "))
}

pub fn severity_class(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "sev-error",
        Severity::Warning => "sev-warning",
        Severity::Info => "sev-info",
    }
}

/// The pieces of text of one run of `runs`, each in its stretches' class.
fn pieces(view: &FileView, runs: &[Run]) -> Markup {
    html! {
        @for run in runs {
            @if let Run::Text { span, stretches, .. } = run {
                @if let Some(class) = stretch_class(view, stretches) {
                    span class=(class) { (piece(view, *span)) }
                } @else {
                    (piece(view, *span))
                }
            }
        }
    }
}

/// A figure's mark: a link to the check it failed (else the first it took part in), its
/// verdict as a sign (drawn by the style) and as words for screen readers, the checks'
/// arithmetic as its title. `first` says whether this is the mark's first piece (which holds
/// its id).
fn figure(view: &FileView, k: usize, first: bool, runs: &[Run]) -> Markup {
    let mark = &view.figures.marks[k];
    let checks = &view.result.checks;
    let target = mark
        .checks
        .iter()
        .copied()
        .find(|&c| !checks[c].ok)
        .or(mark.checks.first().copied())
        .unwrap_or(0);
    let (class, words) = match mark.verdict {
        Verdict::Failed => ("fig failed", " (figure in a failed check)"),
        Verdict::Held => ("fig held", " (figure in a check that held)"),
    };
    let title: Vec<String> = mark
        .checks
        .iter()
        .map(|&c| {
            let c = &checks[c];
            format!(
                "{} {}: {}",
                if c.ok { "✓ held" } else { "✗ failed" },
                c.rule,
                visible(&c.expression, Keep::Tabs)
            )
        })
        .collect();
    html! {
        a class=(class) href=(format!("#{}", view.check_id(target)))
            id=[first.then(|| view.figure_id(k))] title=(title.join("\n")) {
            (pieces(view, runs))
            span class="sr" { (words) }
        }
    }
}

/// A stretch's tag where it ends: a finding's number linking to it, or the unread sign.
fn tag(view: &FileView, stretch: Stretch) -> Markup {
    match stretch {
        Stretch::Finding(j) => {
            let severity = view.result.diagnostics[j].severity;
            html! {
                a class=(format!("ref {}", severity_class(severity))) href=(format!("#{}", view.finding_id(j)))
                    data-n=(j + 1) {
                    span class="sr" { " (finding " (j + 1) ", " (severity) ")" }
                }
            }
        }
        Stretch::Unread(_) => html! {
            span class="unread-tag" {
                span class="sr" { " (unread: no check read the figures of this sentence)" }
            }
        },
    }
}

/// The paragraph's text with its marks.
pub fn paragraph(view: &FileView, paragraph: Span, runs: &[Run]) -> Markup {
    let mut parts: Vec<Markup> = Vec::new();
    let mut k = 0;
    while k < runs.len() {
        match &runs[k] {
            Run::End(stretch) => {
                parts.push(tag(view, *stretch));
                k += 1;
            }
            Run::Text {
                figure: Some(f), ..
            } => {
                // The pieces of one figure are one mark.
                let n = runs[k..]
                    .iter()
                    .take_while(|r| matches!(r, Run::Text { figure: Some(g), .. } if g == f))
                    .count();
                let span = view.figures.marks[*f].span;
                let first = span.start >= paragraph.start
                    && matches!(&runs[k], Run::Text { span: s, .. } if s.start == span.start);
                parts.push(figure(view, *f, first, &runs[k..k + n]));
                k += n;
            }
            Run::Text { .. } => {
                parts.push(pieces(view, &runs[k..=k]));
                k += 1;
            }
        }
    }
    html! { @for p in &parts { (p) } }
}
