//! `--statistics`: how many findings each rule reported, instead of the findings.

use super::FileOutcome;
use crate::rules::RuleSet;
use crate::rules::spec::FixSafety;
use serde_json::json;
use std::collections::BTreeMap;

/// One rule's count.
struct Count<'a> {
    code: &'a str,
    name: &'a str,
    severity: String,
    fixable: bool,
    count: usize,
}

fn counts<'a>(outcomes: &'a [FileOutcome], rules: &'a RuleSet) -> Vec<Count<'a>> {
    let mut by_rule: BTreeMap<&str, (usize, &str, String)> = BTreeMap::new();
    for (_, r) in outcomes.iter().filter_map(|o| o.checked.as_ref().ok()) {
        for d in &r.diagnostics {
            by_rule
                .entry(d.rule.as_str())
                .or_insert((0, d.code.as_str(), d.severity.to_string()))
                .0 += 1;
        }
    }
    let mut counts: Vec<Count> = by_rule
        .into_iter()
        .map(|(name, (count, code, severity))| Count {
            code,
            name,
            severity,
            fixable: rules
                .find(name)
                .is_some_and(|r| r.spec.fix == Some(FixSafety::Safe)),
            count,
        })
        .collect();
    // The most frequent first; ties by code.
    counts.sort_by(|a, b| b.count.cmp(&a.count).then(a.code.cmp(b.code)));
    counts
}

/// One line a rule, aligned: `  12  TL301  escaped-markup  warning  (fix)`.
pub fn render_text(outcomes: &[FileOutcome], rules: &RuleSet) -> String {
    let counts = counts(outcomes, rules);
    let width = |f: fn(&Count) -> usize| counts.iter().map(f).max().unwrap_or(0);
    let (wn, wc, wr, ws) = (
        width(|c| c.count.to_string().len()),
        width(|c| c.code.chars().count()),
        width(|c| c.name.chars().count()),
        width(|c| c.severity.len()),
    );
    let mut out = String::new();
    for c in &counts {
        let line = format!(
            "{:>wn$}  {:<wc$}  {:<wr$}  {:<ws$}  {}",
            c.count,
            c.code,
            c.name,
            c.severity,
            if c.fixable { "(fix)" } else { "" }
        );
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// A JSON array: `[{"code", "name", "severity", "count", "fixable"}]`, most frequent first.
pub fn render_json(outcomes: &[FileOutcome], rules: &RuleSet) -> String {
    let list: Vec<_> = counts(outcomes, rules)
        .iter()
        .map(|c| {
            json!({"code": c.code, "name": c.name, "severity": c.severity,
                   "count": c.count, "fixable": c.fixable})
        })
        .collect();
    serde_json::to_string_pretty(&list).expect("plain data serialises") + "\n"
}
