//! `--format html`: one self-contained page for every input. At the top, the summary and a row
//! per chapter (checks held and failed, findings, coverage); then each chapter's text as
//! written, every figure a check compared marked held or failed, the sentences no check read
//! marked unread, and beside each paragraph its findings and checks (a failed check opens to
//! show its arithmetic and the figures it used).
//!
//! Built with maud: the markup is checked when tiplint is compiled, and every value put in it
//! is escaped unless marked otherwise (only the page's own style is). The page loads nothing
//! and runs no script: its Content-Security-Policy says so to the browser, and a failed check
//! opens without script (a link into a closed `<details>` opens it).

mod layout;
mod marks;
mod notes;
mod summary;
mod text;

use super::{FileOutcome, Keep, Summary, visible};
use crate::rules::FileResult;
use crate::source::{Source, Span};
use layout::Section;
use marks::{Figures, Marked, Stretch};
use maud::{DOCTYPE, Markup, PreEscaped, html};

/// The page's style, inline (no file is loaded beside the page).
const STYLE: &str = include_str!("style.css");

/// Nothing may be loaded and no script may run; the page's own `<style>` is allowed.
pub const POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'";

/// The longest finding span underlined (in bytes: a long sentence); a longer one is only tagged.
const MAX_UNDERLINE: usize = 400;

/// One input as the page shows it.
pub(crate) enum Shown<'a> {
    Checked(FileView<'a>),
    Refused { name: &'a str, reason: &'a str },
}

/// A checked file and where each of its marks, findings and checks goes.
pub(crate) struct FileView<'a> {
    /// The file's place among the inputs: its ids are `f{n}-…`.
    n: usize,
    name: &'a str,
    src: &'a Source,
    result: &'a FileResult,
    figures: Figures,
    sections: Vec<Placed>,
}

/// A section, its paragraphs, and what goes in and beside each.
pub(crate) struct Placed {
    section: Section,
    paragraphs: Vec<Span>,
    /// Beside each paragraph (one entry for a section without paragraphs).
    beside: Vec<Beside>,
    /// The stretches marked in each paragraph.
    stretches: Vec<Vec<Marked>>,
    /// Sentences with figures that start in the section, and how many of them no check read.
    measured: usize,
    unread: usize,
}

/// The findings and checks (indices) shown beside a paragraph.
#[derive(Debug, Default)]
pub(crate) struct Beside {
    findings: Vec<usize>,
    checks: Vec<usize>,
}

impl<'a> FileView<'a> {
    fn new(n: usize, name: &'a str, src: &'a Source, result: &'a FileResult) -> FileView<'a> {
        let text = &src.text;
        let mut sections = layout::sections(text, &result.chapters);
        if sections.is_empty() {
            sections.push(Section {
                span: Span::new(0, text.len()),
                chapter: None,
            });
        }
        let mut placed: Vec<Placed> = sections
            .into_iter()
            .map(|section| {
                let paragraphs = layout::paragraphs(text, section.span);
                let slots = paragraphs.len().max(1);
                Placed {
                    section,
                    paragraphs,
                    beside: (0..slots).map(|_| Beside::default()).collect(),
                    stretches: vec![Vec::new(); slots],
                    measured: 0,
                    unread: 0,
                }
            })
            .collect();
        let starts: Vec<Span> = placed.iter().map(|p| p.section.span).collect();
        // The section and paragraph that own a position (see `layout::owner`).
        let at = |placed: &[Placed], position: usize| {
            let s = layout::owner(&starts, position).unwrap_or(0);
            let p = layout::owner(&placed[s].paragraphs, position).unwrap_or(0);
            (s, p)
        };
        for (j, d) in result.diagnostics.iter().enumerate() {
            let span = layout::clamp(d.span, text);
            let (s, p) = at(&placed, span.start);
            placed[s].beside[p].findings.push(j);
            // A finding on some words of its paragraph is underlined and tagged where it ends;
            // one on more (the whole paragraph, a whole excerpt, two paragraphs) is tagged where
            // it starts.
            let within = span.len() <= MAX_UNDERLINE
                && placed[s]
                    .paragraphs
                    .get(p)
                    .is_some_and(|para| para.contains(span) && span != *para);
            placed[s].stretches[p].push(Marked {
                stretch: Stretch::Finding(j),
                span: if within {
                    span
                } else {
                    Span::new(span.start, span.start)
                },
                tag_here: true,
            });
        }
        for (k, c) in result.checks.iter().enumerate() {
            let (s, p) = at(&placed, layout::clamp(c.span, text).start);
            placed[s].beside[p].checks.push(k);
        }
        for m in &result.measured {
            let (s, _) = at(&placed, m.start);
            placed[s].measured += 1;
        }
        for (u, sentence) in result.unread.iter().enumerate() {
            let span = layout::clamp(*sentence, text);
            let (s, first) = at(&placed, span.start);
            placed[s].unread += 1;
            // Every paragraph of the section the sentence runs into; its tag in the last.
            let last_byte = span.end.saturating_sub(1).max(span.start);
            let last = layout::owner(&placed[s].paragraphs, last_byte).unwrap_or(0);
            for p in first..=last.max(first) {
                placed[s].stretches[p].push(Marked {
                    stretch: Stretch::Unread(u),
                    span,
                    tag_here: p == last.max(first),
                });
            }
        }
        FileView {
            n,
            name,
            src,
            result,
            figures: marks::figures(text, &result.checks),
            sections: placed,
        }
    }

    fn section_id(&self, k: usize) -> String {
        format!("f{}-s{k}", self.n)
    }
    fn figure_id(&self, k: usize) -> String {
        format!("f{}-fig{k}", self.n)
    }
    fn check_id(&self, k: usize) -> String {
        format!("f{}-check{k}", self.n)
    }
    fn finding_id(&self, j: usize) -> String {
        format!("f{}-finding{j}", self.n)
    }
}

pub fn render(outcomes: &[FileOutcome], baselined: usize) -> String {
    let summary = Summary {
        baselined,
        ..Summary::of(outcomes)
    };
    let shown: Vec<Shown> = outcomes
        .iter()
        .enumerate()
        .map(|(n, o)| match &o.checked {
            Ok((src, result)) => Shown::Checked(FileView::new(n, &o.name, src, result)),
            Err(reason) => Shown::Refused {
                name: &o.name,
                reason,
            },
        })
        .collect();
    let title = match outcomes {
        [one] => format!("tiplint: {}", visible(&one.name, Keep::Tabs)),
        many => format!("tiplint: {} files", many.len()),
    };
    let page = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta http-equiv="Content-Security-Policy" content=(POLICY);
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="generator" content=(concat!("tiplint ", env!("CARGO_PKG_VERSION")));
                title { (title) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                header {
                    h1 { (title) }
                    (summary::overall(&summary))
                    (summary::table(&shown))
                    (summary::legend())
                }
                main {
                    @for s in &shown { (file(s, shown.len() > 1)) }
                }
            }
        }
    };
    let mut out = page.into_string();
    out.push('\n');
    out
}

fn file(shown: &Shown, many: bool) -> Markup {
    match shown {
        Shown::Refused { name, reason } => html! {
            section class="file refused" {
                h2 { (visible(name, Keep::Tabs)) }
                p { "could not be read: " (visible(reason, Keep::Tabs)) }
            }
        },
        Shown::Checked(view) => html! {
            section class="file" id=(format!("f{}", view.n)) {
                @if many { h2 { (visible(view.name, Keep::Tabs)) } }
                @for (k, placed) in view.sections.iter().enumerate() {
                    (section(view, k, placed))
                }
            }
        },
    }
}

fn section(view: &FileView, k: usize, placed: &Placed) -> Markup {
    let t = summary::tally(view, placed);
    html! {
        section class="chapter" id=(view.section_id(k)) {
            h2 class="chapter-title" { (summary::title(view, placed)) }
            p class="tally" {
                (t.held) " checks held, " (t.failed) " failed; " (summary::findings_text(&t)) "; "
                (summary::coverage_text(&t))
            }
            @if placed.paragraphs.is_empty() {
                @if let Some(b) = placed.beside.first() {
                    div class="para" { div class="text" {} aside class="notes" { (notes::beside(view, b)) } }
                }
            }
            @for (p, span) in placed.paragraphs.iter().enumerate() {
                @let runs = marks::runs(*span, &view.figures.marks, &placed.stretches[p]);
                @let b = &placed.beside[p];
                div class="para" {
                    p class="text" { (text::paragraph(view, *span, &runs)) }
                    @if !b.findings.is_empty() || !b.checks.is_empty() {
                        aside class="notes" aria-label="Findings and checks" { (notes::beside(view, b)) }
                    }
                }
            }
        }
    }
}
