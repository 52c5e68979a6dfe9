//! tiplint's findings as LSP diagnostics: ranges in UTF-16 code units, labels as related
//! information, the rule's code with a link to its documentation.

use super::workspace::Checked;
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::Span;
use lsp_types::{
    CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    Position, Range, Url,
};

/// The range of `span` in the checked text.
pub fn range(checked: &Checked, span: Span) -> Range {
    Range::new(position(checked, span.start), position(checked, span.end))
}

/// The position of byte `offset`: 0-based line, column in UTF-16 code units.
pub fn position(checked: &Checked, offset: usize) -> Position {
    let (line, column) = checked.columns.line_col(&checked.source, offset);
    let n = |x: usize| u32::try_from(x.saturating_sub(1)).unwrap_or(u32::MAX);
    Position::new(n(line), n(column))
}

/// Every finding of the checked text.
pub fn diagnostics(checked: &Checked, uri: &Url, docs: &Url) -> Vec<lsp_types::Diagnostic> {
    checked
        .result
        .diagnostics
        .iter()
        .map(|d| diagnostic(d, checked, uri, docs))
        .collect()
}

/// One finding: its message (and its help on the next line), each label as related
/// information at the label's figure, its code linked to the rule's documentation.
pub fn diagnostic(
    d: &Diagnostic,
    checked: &Checked,
    uri: &Url,
    docs: &Url,
) -> lsp_types::Diagnostic {
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    // (The server checks no earlier editions, so every label is in the document itself.)
    let related: Vec<DiagnosticRelatedInformation> = d
        .own_labels()
        .map(|l| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), range(checked, l.span)),
            message: if l.text.is_empty() {
                checked.source.slice(l.span).to_string()
            } else {
                l.text.clone()
            },
        })
        .collect();
    lsp_types::Diagnostic {
        range: range(checked, d.span),
        severity: Some(severity(d.severity)),
        code: Some(NumberOrString::String(d.code.clone())),
        code_description: Some(CodeDescription {
            href: rule_doc(docs, &d.code, &d.rule),
        }),
        source: Some("tiplint".to_string()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: Some(serde_json::json!({ "rule": d.rule })),
    }
}

pub fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// The rules' documentation: `docs/rules.md` of the tiplint that was built, unless the editor
/// names another (`initializationOptions.rulesDocumentation`, a URL).
pub fn default_docs() -> Url {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
    Url::from_file_path(&path)
        .or_else(|()| Url::parse("file:///docs/rules.md"))
        .expect("a file URL")
}

/// The link to one rule's section of the documentation: its heading's anchor (`## TL101
/// `sum-mismatch`` is `#tl101-sum-mismatch`, as Markdown renderers make anchors).
pub fn rule_doc(docs: &Url, code: &str, name: &str) -> Url {
    let heading = format!("{code} {name}");
    let anchor: String = heading
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect();
    let mut url = docs.clone();
    url.set_fragment(Some(&anchor));
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_links_point_at_the_rules_heading() {
        let docs = Url::parse("https://example.org/tiplint/docs/rules.md").unwrap();
        assert_eq!(
            rule_doc(&docs, "TL101", "sum-mismatch").as_str(),
            "https://example.org/tiplint/docs/rules.md#tl101-sum-mismatch"
        );
        assert!(default_docs().as_str().ends_with("docs/rules.md"));
    }

    #[test]
    fn every_built_in_rule_has_the_heading_its_link_names() {
        let rules = crate::rules::RuleSet::default_rules();
        let page = crate::docs::rules_listing(&rules, crate::cli::RulesFormat::Markdown);
        for r in &rules.rules {
            let heading = format!("## {} `{}`", r.spec.code, r.spec.name);
            assert!(page.contains(&heading), "{heading}");
        }
    }
}
