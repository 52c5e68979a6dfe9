//! The top of the page: the summary of every input (the same figures as the other formats'
//! summaries), a legend of the marks, and a table with a row per chapter: its checks held and
//! failed, its findings, and its coverage (sentences with figures that a check read).

use super::{FileView, Placed, Shown};
use crate::diagnostic::Severity;
use crate::render::{Keep, Summary, visible};
use maud::{Markup, html};

/// What one section holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub held: usize,
    pub failed: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Sentences with two or more counted figures of one measure, and how many a check read.
    pub sentences: usize,
    pub read: usize,
}

pub fn tally(view: &FileView, placed: &Placed) -> Tally {
    let mut t = Tally {
        sentences: placed.measured,
        read: placed.measured.saturating_sub(placed.unread),
        ..Tally::default()
    };
    for b in &placed.beside {
        for &k in &b.checks {
            if view.result.checks[k].ok {
                t.held += 1;
            } else {
                t.failed += 1;
            }
        }
        for &j in &b.findings {
            match view.result.diagnostics[j].severity {
                Severity::Error => t.errors += 1,
                Severity::Warning => t.warnings += 1,
                Severity::Info => t.infos += 1,
            }
        }
    }
    t
}

/// `2 errors, 1 warning, 0 infos`.
pub fn findings_text(t: &Tally) -> String {
    let n = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!(
        "{}, {}, {}",
        n(t.errors, "error", "errors"),
        n(t.warnings, "warning", "warnings"),
        n(t.infos, "info", "infos")
    )
}

/// `5 of 6 sentences with figures read`, or that there is none.
pub fn coverage_text(t: &Tally) -> String {
    match t.sentences {
        0 => "no sentence with figures to read".to_string(),
        n => format!(
            "{} of {n} {} with figures read",
            t.read,
            if n == 1 { "sentence" } else { "sentences" }
        ),
    }
}

/// The heading of a section: its chapter's country and tier, or what it is.
pub fn title(view: &FileView, placed: &Placed) -> String {
    match placed
        .section
        .chapter
        .and_then(|k| view.result.chapters.get(k))
    {
        Some(c) => {
            let name = c
                .country
                .as_deref()
                .unwrap_or("Excerpt without a chapter heading");
            let name = visible(name, Keep::Tabs);
            match c.tier {
                Some(tier) => format!("{name} ({tier})"),
                None => name.into_owned(),
            }
        }
        None => "Text outside the chapters".to_string(),
    }
}

pub fn overall(summary: &Summary) -> Markup {
    html! {
        ul class="overall" {
            li { (summary.findings_line()) }
            li { (summary.checks_line()) }
            li { "coverage: " (summary.coverage.read) " of " (summary.coverage.sentences) " sentences with figures read" }
        }
    }
}

pub fn legend() -> Markup {
    html! {
        section class="legend" aria-label="How the text is marked" {
            h2 { "How to read the text" }
            ul {
                li { a class="fig held" { "12" span class="sr" { " (figure in a check that held)" } } " a figure every check held for (solid underline, ✓)" }
                li { a class="fig failed" { "30" span class="sr" { " (figure in a failed check)" } } " a figure in a check that failed (double underline, ✗): follow it to the check's arithmetic" }
                li { span class="unread" { "a sentence" } span class="unread-tag" {} " a sentence with figures no check read (dotted underline, ?)" }
                li { span class="flagged sev-warning" { "words" } a class="ref sev-warning" data-n="1" {} " the span of a finding (wavy underline) and its number, beside the paragraph" }
            }
        }
    }
}

/// The table of every section that is a chapter (or that holds checks or findings).
pub fn table(shown: &[Shown]) -> Markup {
    let many = shown.len() > 1;
    html! {
        table class="chapters" {
            caption { "Chapters: checks, findings and coverage" }
            thead {
                tr {
                    @if many { th scope="col" { "File" } }
                    th scope="col" { "Chapter" }
                    th scope="col" { "Checks held" }
                    th scope="col" { "Checks failed" }
                    th scope="col" { "Findings" }
                    th scope="col" { "Coverage" }
                }
            }
            tbody {
                @for s in shown {
                    @match s {
                        Shown::Refused { name, reason } => tr class="refused" {
                            @if many { td { (visible(name, Keep::Tabs)) } }
                            td colspan="5" { "could not be read: " (visible(reason, Keep::Tabs)) }
                        },
                        Shown::Checked(view) => {
                            @for (k, placed) in view.sections.iter().enumerate() {
                                @let t = tally(view, placed);
                                @if placed.section.chapter.is_some() || t != Tally::default() {
                                    tr class=[(t.failed > 0).then_some("has-failed")] {
                                        @if many { td { (visible(view.name, Keep::Tabs)) } }
                                        th scope="row" { a href=(format!("#{}", view.section_id(k))) { (title(view, placed)) } }
                                        td { (t.held) }
                                        td {
                                            @if t.failed > 0 { span class="sign" aria-hidden="true" { "✗ " } }
                                            (t.failed)
                                        }
                                        td { (findings_text(&t)) }
                                        td { (coverage_text(&t)) }
                                    }
                                }
                            }
                        },
                    }
                }
            }
        }
    }
}
