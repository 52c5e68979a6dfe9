//! Baselines: record today's findings (`--write-baseline FILE`) and report only new ones
//! (`--baseline FILE`). A finding's identity is its file, rule, chapter and the normalised text of
//! the sentence it sits in — not its line — so it survives edits elsewhere in the file.
//!
//! A file is recorded by its path relative to the baseline's directory, normalised (`ch.txt`,
//! `../chapters/ch.txt`), whatever it was called on the command line and wherever tiplint ran:
//! `bl/ch.txt`, `./bl/ch.txt` and `/abs/bl/ch.txt` are one file. Standard input is recorded by its
//! name (`<stdin>`, or `--stdin-filename`, read as a path).

use crate::render::FileOutcome;
use crate::replace::{self, Owner, replace};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

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

/// The path a file is recorded under in a baseline kept in the directory `base` (absolute,
/// resolved): relative to it, normalised, with `/`.
fn recorded_path(name: &str, base: &Path) -> String {
    if name == "<stdin>" {
        return name.to_string();
    }
    crate::paths::relative_to(&crate::paths::resolved(Path::new(name)), base)
}

/// The directory of the baseline file at `path`, resolved (symbolic links followed).
fn directory_of(path: &Path) -> PathBuf {
    let abs = crate::paths::absolute(path);
    crate::paths::resolved_dir(abs.parent().unwrap_or(Path::new("/")))
}

fn entries(outcomes: &[FileOutcome], base: &Path) -> Vec<Vec<Entry>> {
    outcomes
        .iter()
        .map(|o| match &o.checked {
            Ok((source, r)) => r
                .diagnostics
                .iter()
                .zip(r.fingerprints(source))
                .map(|(d, fingerprint)| Entry {
                    path: recorded_path(&o.name, base),
                    rule: d.rule.clone(),
                    fingerprint,
                })
                .collect(),
            Err(_) => Vec::new(),
        })
        .collect()
}

/// The baseline format this tiplint writes and reads.
pub const VERSION: u32 = 1;

/// Write the findings of `outcomes` to `path`: through a temporary file renamed over it, so a
/// full disk never leaves a truncated baseline; a symbolic link is followed. A path that is not a
/// regular file (`/dev/stdout`) is written to, not replaced.
pub fn write(path: &Path, outcomes: &[FileOutcome]) -> Result<usize, String> {
    let findings: Vec<Entry> = entries(outcomes, &directory_of(path))
        .into_iter()
        .flatten()
        .collect();
    let n = findings.len();
    let text = serde_json::to_string_pretty(&Baseline {
        version: VERSION,
        findings,
    })
    .expect("plain data serialises")
        + "\n";
    let failed = |e: String| format!("{}: cannot write the baseline: {e}", path.display());
    match std::fs::metadata(path) {
        Ok(meta) if !meta.is_file() => std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .and_then(|mut f| f.write_all(text.as_bytes()))
            .map_err(|e| failed(e.to_string()))?,
        _ => {
            let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
            replace(&target, text.as_bytes(), Owner::IfAllowed).map_err(|e| {
                failed(match e {
                    replace::Error::Io(e) => e,
                    replace::Error::Owner(e) => e.to_string(),
                })
            })?;
        }
    }
    Ok(n)
}

pub fn read(path: &Path) -> Result<Baseline, String> {
    let bytes = crate::input::read_regular_file(path)
        .map_err(|e| format!("{}: cannot read the baseline: {e}", path.display()))?;
    let not_one = |e: serde_json::Error| format!("{}: not a tiplint baseline: {e}", path.display());
    // The version first: another version may hold other fields.
    #[derive(Deserialize)]
    struct Versioned {
        version: u32,
    }
    let Versioned { version } = serde_json::from_slice(&bytes).map_err(not_one)?;
    if version != VERSION {
        return Err(format!(
            "{}: baseline version {version}; this tiplint reads version {VERSION}",
            path.display()
        ));
    }
    serde_json::from_slice(&bytes).map_err(not_one)
}

/// Remove the findings the baseline at `path` holds (each entry hides one finding); returns how
/// many. A recorded path is normalised before it is compared (`./ch.txt` is `ch.txt`).
pub fn apply(baseline: &Baseline, path: &Path, outcomes: &mut [FileOutcome]) -> usize {
    let recorded: Vec<Entry> = baseline
        .findings
        .iter()
        .map(|e| Entry {
            path: crate::paths::normalised_relative(&e.path),
            ..e.clone()
        })
        .collect();
    let mut budget: HashMap<&Entry, usize> = HashMap::new();
    for e in &recorded {
        *budget.entry(e).or_default() += 1;
    }
    let all = entries(outcomes, &directory_of(path));
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
