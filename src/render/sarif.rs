//! `--format sarif`: SARIF 2.1.0, one run, every rule listed.

use super::FileOutcome;
use crate::diagnostic::Severity;
use crate::rules::RuleSet;
use serde_json::{Value, json};

pub fn render(outcomes: &[FileOutcome], rules: &RuleSet) -> String {
    let rule_list: Vec<Value> = rules
        .rules
        .iter()
        .map(|r| {
            json!({
                "id": r.spec.name,
                "name": r.spec.name,
                "shortDescription": {"text": r.spec.summary},
                "fullDescription": {"text": r.spec.doc.trim()},
                "properties": {"code": r.spec.code},
                "defaultConfiguration": {"level": level(r.spec.severity)},
            })
        })
        .collect();
    let mut results = Vec::new();
    for o in outcomes {
        if let Ok((src, r)) = &o.checked {
            for d in &r.diagnostics {
                let (sl, sc) = src.line_col(d.span.start);
                let (el, ec) = src.line_col(d.span.end);
                let index = rules.rules.iter().position(|x| x.spec.name == d.rule);
                let mut result = json!({
                    "ruleId": d.rule,
                    "level": level(d.severity),
                    "message": {"text": d.message},
                    "locations": [{"physicalLocation": {
                        "artifactLocation": {"uri": o.name},
                        "region": {"startLine": sl, "startColumn": sc, "endLine": el, "endColumn": ec,
                                   "byteOffset": d.span.start, "byteLength": d.span.len()}
                    }}],
                });
                if let Some(i) = index {
                    result["ruleIndex"] = json!(i);
                }
                results.push(result);
            }
        }
    }
    let mut run = json!({
        "tool": {"driver": {
            "name": "tiplint",
            "version": env!("CARGO_PKG_VERSION"),
            "rules": rule_list,
        }},
        "results": results,
    });
    // An input that could not be read is a notification of the tool's run, not a result.
    let unreadable: Vec<Value> = outcomes
        .iter()
        .filter_map(|o| o.checked.as_ref().err().map(|e| (&o.name, e)))
        .map(|(name, e)| {
            json!({
                "level": "error",
                "message": {"text": e},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": name}}}],
            })
        })
        .collect();
    if !unreadable.is_empty() {
        run["invocations"] = json!([{
            "executionSuccessful": false,
            "toolExecutionNotifications": unreadable,
        }]);
    }
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [run],
    });
    let mut s = serde_json::to_string_pretty(&doc).expect("plain data serialises");
    s.push('\n');
    s
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}
