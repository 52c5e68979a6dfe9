//! Baselines: record today's findings (`--write-baseline FILE`) and report only new ones
//! (`--baseline FILE`). A finding's identity is its file, rule, chapter and the normalised text of
//! the sentence it sits in — not its line — so it survives edits elsewhere in the file.

use crate::render::FileOutcome;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Entry {
    pub path: String,
    pub rule: String,
    /// FNV-1a of the chapter and the finding's sentence, normalised.
    pub fingerprint: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<Entry>,
}

fn entries(outcomes: &[FileOutcome]) -> Vec<Vec<Entry>> {
    outcomes
        .iter()
        .map(|o| match &o.checked {
            Ok((source, r)) => r
                .diagnostics
                .iter()
                .zip(r.fingerprints(source))
                .map(|(d, fingerprint)| Entry {
                    path: o.name.clone(),
                    rule: d.rule.clone(),
                    fingerprint,
                })
                .collect(),
            Err(_) => Vec::new(),
        })
        .collect()
}

pub fn write(path: &std::path::Path, outcomes: &[FileOutcome]) -> Result<usize, String> {
    let findings: Vec<Entry> = entries(outcomes).into_iter().flatten().collect();
    let n = findings.len();
    let text = serde_json::to_string_pretty(&Baseline {
        version: 1,
        findings,
    })
    .expect("plain data serialises")
        + "\n";
    std::fs::write(path, text)
        .map_err(|e| format!("{}: cannot write the baseline: {e}", path.display()))?;
    Ok(n)
}

pub fn read(path: &std::path::Path) -> Result<Baseline, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: cannot read the baseline: {e}", path.display()))?;
    serde_json::from_str(&text)
        .map_err(|e| format!("{}: not a tiplint baseline: {e}", path.display()))
}

/// Remove the findings the baseline holds (each entry hides one finding); returns how many.
pub fn apply(baseline: &Baseline, outcomes: &mut [FileOutcome]) -> usize {
    let mut budget: HashMap<&Entry, usize> = HashMap::new();
    for e in &baseline.findings {
        *budget.entry(e).or_default() += 1;
    }
    let all = entries(outcomes);
    let mut hidden = 0;
    for (o, ids) in outcomes.iter_mut().zip(all) {
        let Ok((_, r)) = &mut o.checked else { continue };
        let keep: Vec<bool> = ids
            .iter()
            .map(|e| match budget.get_mut(e) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    false
                }
                _ => true,
            })
            .collect();
        hidden += keep.iter().filter(|k| !**k).count();
        let mut k = keep.iter();
        r.diagnostics
            .retain(|_| *k.next().expect("one flag per finding"));
        let mut k = keep.iter();
        r.identities
            .retain(|_| *k.next().expect("one flag per finding"));
    }
    hidden
}
