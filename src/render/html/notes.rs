//! What is shown beside a paragraph: the findings that start in it (numbered as their tags in
//! the text), and the checks made there: each failed one a `<details>` that opens on a click (or
//! when a failed figure's link is followed) to show its arithmetic, its values and the other
//! figures it used; the checks that held folded into one more `<details>`.

use super::text::severity_class;
use super::{Beside, FileView};
use crate::diagnostic::{Check, Diagnostic};
use crate::render::{Keep, visible};
use crate::source::Span;
use maud::{Markup, html};

/// One line of the input's words, as a message quotes them.
fn line(s: &str) -> std::borrow::Cow<'_, str> {
    visible(s, Keep::Tabs)
}

/// `line L, column C` of a position.
fn place(view: &FileView, at: usize) -> String {
    let (l, c) = view.src.line_col(at);
    format!("line {l}, column {c}")
}

/// The text under `span`, its white space run together, as a quotation.
fn quote(view: &FileView, span: Span) -> String {
    let words = view
        .src
        .text
        .get(span.start..span.end)
        .unwrap_or("")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let (shown, cut) = crate::output::clip(&words, crate::output::MAX_QUOTE);
    format!("“{}{}”", line(shown), if cut { "…" } else { "" })
}

/// The text under `span` as it is, line ends and all made visible (`␊`), as a quotation: what
/// a fix replaces may be white space alone.
fn exact(view: &FileView, span: Span) -> String {
    let raw = view.src.text.get(span.start..span.end).unwrap_or("");
    let (shown, cut) = crate::output::clip(raw, crate::output::MAX_QUOTE);
    format!("“{}{}”", line(shown), if cut { "…" } else { "" })
}

pub fn beside(view: &FileView, beside: &Beside) -> Markup {
    let checks = &view.result.checks;
    let (failed, held): (Vec<usize>, Vec<usize>) =
        beside.checks.iter().partition(|&&k| !checks[k].ok);
    html! {
        @for &j in &beside.findings { (finding(view, j)) }
        @for &k in &failed { (check(view, k)) }
        @if !held.is_empty() {
            details class="held-checks" {
                summary {
                    span class="sign" aria-hidden="true" { "✓" }
                    " " (held.len()) (if held.len() == 1 { " check held" } else { " checks held" })
                }
                @for &k in &held { (check(view, k)) }
            }
        }
    }
}

fn finding(view: &FileView, j: usize) -> Markup {
    let d: &Diagnostic = &view.result.diagnostics[j];
    html! {
        div class=(format!("finding {}", severity_class(d.severity))) id=(view.finding_id(j)) {
            p class="finding-head" {
                span class="num" { (j + 1) }
                " "
                span class="severity" { (d.severity) }
                " "
                code { (line(&d.code)) " " (line(&d.rule)) }
                " "
                span class="where" { (place(view, d.span.start)) }
            }
            p class="message" { (line(&d.message)) }
            @if !d.labels.is_empty() {
                ul class="labels" {
                    @for l in &d.labels {
                        li { span class="quote" { (quote(view, l.span)) } " " (line(&l.text)) }
                    }
                }
            }
            @if let Some(help) = &d.help {
                p class="help" { "help: " (line(help)) }
            }
            @if let Some(fix) = &d.fix {
                p class="fix" {
                    "fix: replace " span class="quote" { (exact(view, fix.span)) }
                    " with “" (line(&fix.replacement)) "”"
                }
            }
        }
    }
}

/// A check as a `<details>`: its verdict and arithmetic as the summary; opened, its values, the
/// figures it compared (each a link to its mark) and the findings its rule reported there.
fn check(view: &FileView, k: usize) -> Markup {
    let c: &Check = &view.result.checks[k];
    let (class, sign, verdict) = if c.ok {
        ("check held", "✓", "held")
    } else {
        ("check failed", "✗", "failed")
    };
    // A failed check's findings: its rule's, where it was made (a check that held has none).
    let findings: Vec<usize> = if c.ok {
        Vec::new()
    } else {
        let overlaps = |d: &Diagnostic| {
            d.span.start < c.span.end.max(c.span.start + 1)
                && c.span.start < d.span.end.max(d.span.start + 1)
        };
        (view.result.diagnostics.iter().enumerate())
            .filter(|(_, d)| d.rule == c.rule && overlaps(d))
            .map(|(j, _)| j)
            .collect()
    };
    html! {
        details class=(class) {
            summary {
                span class="sign" aria-hidden="true" { (sign) }
                " "
                span class="verdict" { (verdict) }
                " "
                code { (line(&c.rule)) }
                ": "
                span class="expression" { (line(&c.expression)) }
            }
            div class="why" id=(view.check_id(k)) {
                p { "Arithmetic: " code { (line(&c.expression)) } " (" (place(view, c.span.start)) ")" }
                (values(&c.values))
                @let used = &view.figures.of_check[k];
                @if !used.is_empty() {
                    p { "Figures it used:" }
                    ol class="used" {
                        @for &f in used {
                            @let mark = &view.figures.marks[f];
                            li {
                                a href=(format!("#{}", view.figure_id(f))) { (quote(view, mark.span)) }
                                " " (place(view, mark.span.start))
                                @if mark.checks.len() > 1 {
                                    " (in " (mark.checks.len()) " checks)"
                                }
                            }
                        }
                    }
                }
                @for j in findings {
                    p { "Finding " a href=(format!("#{}", view.finding_id(j))) { (j + 1) } ": " (line(&view.result.diagnostics[j].message)) }
                }
            }
        }
    }
}

/// A check's values (DESIGN §6: `total` and `parts`, `current` and `previous`, …), each name
/// with its value: numbers and words as they are, lists joined by commas.
fn values(values: &serde_json::Value) -> Markup {
    let Some(map) = values.as_object() else {
        return html! {};
    };
    html! {
        dl class="values" {
            @for (name, value) in map {
                dt { (line(name)) }
                dd { (line(&value_text(value))) }
            }
        }
    }
}

fn value_text(value: &serde_json::Value) -> String {
    use serde_json::Value;
    match value {
        Value::String(s) => s.clone(),
        Value::Bool(b) => if *b { "yes" } else { "no" }.to_string(),
        Value::Null => "none".to_string(),
        Value::Array(items) => items.iter().map(value_text).collect::<Vec<_>>().join(", "),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_words_and_lists() {
        let v = serde_json::json!({"total": 30, "parts": [12, 10, 6], "waiver": false, "note": "a <b>"});
        assert_eq!(value_text(&v["parts"]), "12, 10, 6");
        assert_eq!(value_text(&v["waiver"]), "no");
        let html = values(&v).into_string();
        assert!(html.contains("<dt>total</dt><dd>30</dd>"), "{html}");
        assert!(html.contains("a &lt;b&gt;"), "{html}");
    }
}
