//! Hover: on a figure, what tiplint read about it (its record: measure, restrictions, action,
//! actor, period, exactness and scope, as `tiplint extract` prints it; the claims it stands in:
//! the breakdown it is the total or a part of, the comparison it is a side of, the statement it
//! counts in) and the checks it took part in, with their expressions and values (the records `--format json`
//! prints as `checks`); on a finding, its rule.

use super::workspace::Checked;
use crate::facts::{Fig, FigureRecord, RelationKind};
use crate::source::Span;
use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind};
use std::fmt::Write;

/// The hover at byte `offset`, if there is anything to say there.
pub fn hover(checked: &Checked, offset: usize) -> Option<Hover> {
    let mut text = String::new();
    let figure = figure_at(checked, offset);
    if let Some(span) = figure {
        figure_section(checked, span, &mut text);
    }
    let findings: Vec<_> = checked
        .result
        .diagnostics
        .iter()
        .filter(|d| d.span.start <= offset && offset <= d.span.end)
        .collect();
    for d in findings {
        if !text.is_empty() {
            text.push_str("\n---\n\n");
        }
        let _ = writeln!(
            text,
            "**{}** `{}` ({}): {}",
            d.code,
            d.rule,
            d.severity,
            escape(&d.message)
        );
        if let Some(r) = checked.setup.rules.find(&d.rule) {
            let _ = writeln!(text, "\n{}", escape(r.spec.summary.trim()));
        }
    }
    if text.is_empty() {
        return None;
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: text,
        }),
        range: figure.map(|s| super::convert::range(checked, s)),
    })
}

/// Every figure a claim or a check names: the smallest that holds `offset` (its end included,
/// for a cursor just after it).
fn figure_at(checked: &Checked, offset: usize) -> Option<Span> {
    let facts = checked.facts();
    let mut spans: Vec<Span> = checked
        .result
        .checks
        .iter()
        .flat_map(|c| c.figures.iter().copied())
        .collect();
    for c in &facts.chapters {
        if !c
            .span
            .contains(Span::new(offset.min(c.span.end), offset.min(c.span.end)))
        {
            continue;
        }
        for b in &c.breakdowns {
            spans.push(b.total.span);
            spans.extend(b.parts.iter().map(|p| p.span));
        }
        for x in &c.comparisons {
            spans.extend([x.current.span, x.previous.span]);
        }
        spans.extend(c.statements.iter().map(|s| s.figure.span));
        for p in &c.percents {
            spans.extend([p.count.span, p.whole.span, p.percent.span]);
        }
        for r in &c.ranges {
            spans.extend([r.low.span, r.high.span]);
        }
        for x in &c.conversions {
            spans.extend([x.local.span, x.usd.span]);
        }
        spans.extend(c.count_lists.iter().map(|l| l.count.span));
        spans.extend(c.records.iter().map(|r| r.span));
    }
    spans
        .into_iter()
        .filter(|s| s.start <= offset && offset <= s.end && !s.is_empty())
        .min_by_key(|s| (s.len(), s.start))
}

/// What was read about the figure at `span`, and its checks.
fn figure_section(checked: &Checked, span: Span, text: &mut String) {
    let src = &checked.source;
    let shown = |s: Span| format!("`{}`", crate::render::one_line(src.slice(s)));
    let list = |figs: &[Fig]| {
        figs.iter()
            .map(|f| f.value.to_string())
            .collect::<Vec<_>>()
            .join(" + ")
    };
    let _ = writeln!(text, "**tiplint** figure {}\n", shown(span));
    let edition = checked.result.edition.map(|(e, _)| e);
    let records = checked.facts().chapters.iter().flat_map(|c| &c.records);
    for r in records.filter(|r| r.span == span) {
        record_section(r, edition, text);
    }
    let mut read = Vec::new();
    for c in &checked.facts().chapters {
        for b in &c.breakdowns {
            let kind = match b.kind {
                RelationKind::Sum => "a breakdown",
                RelationKind::Split => "a split of an earlier total",
                RelationKind::Including => "an `including` list",
                RelationKind::Subset => "a subset",
            };
            let doubt = b
                .doubt
                .map(|d| format!(" (not certain: {})", d.reason()))
                .unwrap_or_default();
            if b.total.span == span {
                read.push(format!(
                    "the whole of {kind}: {} into {}{doubt}",
                    b.total.value,
                    list(&b.parts)
                ));
            }
            if b.parts.iter().any(|p| p.span == span) {
                read.push(format!(
                    "a part of {kind} of {}: {}{doubt}",
                    b.total.value,
                    list(&b.parts)
                ));
            }
        }
        for x in &c.comparisons {
            let mut s = if x.current.span == span {
                format!("the later figure of a comparison with {}", x.previous.value)
            } else if x.previous.span == span {
                format!(
                    "the earlier figure of a comparison with {}",
                    x.current.value
                )
            } else {
                continue;
            };
            if let Some(noun) = &x.noun {
                let _ = write!(s, "; counts `{noun}`");
            }
            if let Some(action) = &x.action {
                let _ = write!(s, "; action `{action}`");
            }
            match x.direction {
                Some((d, _)) => {
                    let _ = write!(s, "; the text says {}", d.word());
                }
                None => s.push_str("; the text states no direction"),
            }
            if x.approx {
                s.push_str("; approximate, so no direction is judged");
            }
            read.push(s);
        }
        for st in c.statements.iter().filter(|s| s.figure.span == span) {
            read.push(format!(
                "{} `{}`, action `{}` by `{}`",
                st.figure.value, st.noun, st.action, st.actor
            ));
        }
        for p in &c.percents {
            if [p.count.span, p.whole.span, p.percent.span].contains(&span) {
                read.push(format!(
                    "{} percent: {} of {}",
                    p.percent.value, p.count.value, p.whole.value
                ));
            }
        }
        for r in c
            .ranges
            .iter()
            .filter(|r| r.low.span == span || r.high.span == span)
        {
            read.push(format!("a range from {} to {}", r.low.value, r.high.value));
        }
        for x in &c.conversions {
            if x.local.span == span || x.usd.span == span {
                read.push(format!(
                    "a conversion: {} {} = {} USD",
                    x.local.value, x.currency, x.usd.value
                ));
            }
        }
        for l in c.count_lists.iter().filter(|l| l.count.span == span) {
            read.push(format!(
                "a count of {} followed by a list of {}",
                l.count.value,
                l.items.len()
            ));
        }
    }
    if read.is_empty() {
        text.push_str("No claim read around it.\n");
    } else {
        text.push_str("Read as:\n");
        for r in read {
            let _ = writeln!(text, "- {}", escape(&r));
        }
    }
    let checks: Vec<_> = checked
        .result
        .checks
        .iter()
        .filter(|c| c.figures.contains(&span))
        .collect();
    if checks.is_empty() {
        text.push_str("\nNo check took part with it.\n");
        return;
    }
    text.push_str("\nChecks:\n");
    for c in checks {
        let code = checked
            .setup
            .rules
            .find(&c.rule)
            .map_or(String::new(), |r| format!(" {}", r.spec.code));
        let _ = writeln!(
            text,
            "- {} `{}`{code}: `{}` — values `{}`",
            if c.ok { "✔ held" } else { "✘ failed" },
            c.rule,
            c.expression.replace('`', "'"),
            serde_json::to_string(&c.values).unwrap_or_default()
        );
    }
}

/// A figure's record (DESIGN §4.1, layer 1): what it counts, and what it is a part of or
/// compared with; a field not read says so.
fn record_section(r: &FigureRecord, edition: Option<i32>, text: &mut String) {
    let or_unknown = |v: Option<&str>| v.map_or("unknown".to_string(), |v| format!("`{v}`"));
    let value = r
        .value
        .map_or("no value".to_string(), |v| v.normalize().to_string());
    let unit = r
        .measure
        .as_ref()
        .and_then(|m| m.unit())
        .map(|u| format!(" {u}"))
        .unwrap_or_default();
    let restrictions = if r.restrictions.is_empty() {
        "none stated".to_string()
    } else {
        r.restrictions
            .iter()
            .map(|(d, v)| format!("{d} {v}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut lines = vec![
        format!("value: {value}{unit} ({})", r.exactness.name()),
        format!(
            "measure: {}",
            or_unknown(r.measure.as_ref().map(|m| m.name()))
        ),
        format!("restrictions: {restrictions}"),
        format!(
            "action: {}; actor: {}",
            or_unknown(r.action.as_deref()),
            or_unknown(r.actor.as_deref())
        ),
        format!(
            "period: {}",
            crate::extract::period_text(r.period, edition).unwrap_or("unknown".to_string())
        ),
    ];
    let mut scope = Vec::new();
    if let Some(p) = r.part_of {
        scope.push(format!(
            "a part of {} ({})",
            p.whole.value,
            crate::extract::kind_name(p.kind)
        ));
    }
    if let Some(c) = r.compared_with {
        scope.push(format!("compared with {}", c.value));
    }
    if let Some(c) = r.converted {
        scope.push(format!("converted: {}", c.value));
    }
    lines.push(format!(
        "scope: {}",
        if scope.is_empty() {
            "none read".to_string()
        } else {
            scope.join("; ")
        }
    ));
    text.push_str("Record:\n");
    for l in lines {
        let _ = writeln!(text, "- {}", escape(&l));
    }
    text.push('\n');
}

/// Markdown's special characters in text taken from the document or a message, escaped.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in crate::render::one_line(s).chars() {
        if matches!(c, '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lsp::workspace::{Options, Workspace};
    use lsp_types::Url;

    /// The hover's text at the first `figure` of `text`, checked as `excerpt.txt`.
    fn hover_text(text: &str, figure: &str) -> String {
        let dir = tempfile::tempdir().unwrap();
        let (ws, _) = Workspace::new(Options::default(), dir.path().to_path_buf());
        let uri = Url::from_file_path(dir.path().join("excerpt.txt")).unwrap();
        let checked = ws.check(&uri, text);
        let at = text.find(figure).unwrap() + 1;
        match hover(&checked, at).expect("a hover").contents {
            HoverContents::Markup(m) => m.value,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_figure_shows_its_record() {
        let text = "In 2029, civil society identified 40 victims (12 girls and 28 boys), \
            compared with 31 victims in 2028.\n";
        let girls = hover_text(text, "12");
        assert!(girls.contains("Record:"), "{girls}");
        // A class of people in a breakdown counts what its whole counts.
        assert!(girls.contains("measure: `victim`"), "{girls}");
        assert!(girls.contains("actor: `civil society`"), "{girls}");
        assert!(
            girls.contains("restrictions: sex female, age child"),
            "{girls}"
        );
        assert!(girls.contains("period: 2029"), "{girls}");
        assert!(girls.contains("a part of 40 (sum)"), "{girls}");
        let whole = hover_text(text, "40");
        assert!(whole.contains("actor: `civil society`"), "{whole}");
        assert!(whole.contains("action: `identify`"), "{whole}");
        assert!(whole.contains("compared with 31"), "{whole}");
        // A figure no claim reads still has its record; what was not read says so.
        let alone = hover_text("Some 14 hotlines operated.\n", "14");
        assert!(alone.contains("value: 14 (approximate)"), "{alone}");
        assert!(alone.contains("measure: unknown"), "{alone}");
        assert!(alone.contains("scope: none read"), "{alone}");
    }
}
