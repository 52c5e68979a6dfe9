//! `tiplint.toml`: per-repository settings, found from the working directory upward or given
//! with `--config`. Unknown keys are errors that name them.

use crate::diagnostic::Severity;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = "tiplint.toml";

/// The editions (years) tiplint accepts, here and on the command line: those the dates of a text
/// are read in (a dated event of 1900 to 2100).
pub const EDITIONS: RangeInclusive<i32> = 1900..=2100;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The report edition (year) the files belong to, one of [`EDITIONS`].
    #[serde(default, deserialize_with = "edition")]
    pub edition: Option<i32>,
    /// Run only these rules (names or codes).
    #[serde(default)]
    pub select: Vec<String>,
    /// Do not run these rules (names or codes).
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Severity per rule (name or code): `error`, `warning` or `info`.
    #[serde(default)]
    pub severity: BTreeMap<String, Severity>,
    /// Tolerance per rule (name or code) that takes one: `sum-mismatch`/`split-mismatch`
    /// (units the parts may differ from the total), `rate-mismatch` (percent around the rates
    /// the rounding allows).
    #[serde(default)]
    pub tolerances: BTreeMap<String, toml::Value>,
    /// Rule files added to the rules in use, relative to this file.
    #[serde(default)]
    pub rule_files: Vec<PathBuf>,
}

/// An edition year, refused outside [`EDITIONS`] (so no later arithmetic on it can overflow).
fn edition<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<i32>, D::Error> {
    let year = i64::deserialize(d)?;
    i32::try_from(year)
        .ok()
        .filter(|y| EDITIONS.contains(y))
        .map(Some)
        .ok_or_else(|| {
            serde::de::Error::custom(format!(
                "edition {year} is not a year in {}..={}",
                EDITIONS.start(),
                EDITIONS.end()
            ))
        })
}

/// A loaded configuration and where it came from.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub config: Config,
    pub path: Option<PathBuf>,
}

impl Loaded {
    /// Extra rule files, resolved against the configuration's directory.
    pub fn rule_files(&self) -> Vec<PathBuf> {
        let base = self
            .path
            .as_deref()
            .and_then(Path::parent)
            .unwrap_or(Path::new("."));
        self.config
            .rule_files
            .iter()
            .map(|f| base.join(f))
            .collect()
    }
}

/// `tiplint.toml` in `start` or the nearest directory above it.
pub fn discover(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|p| p.is_file())
}

/// Read a configuration file; errors name the file, line and column.
pub fn load(path: &Path) -> Result<Config, String> {
    let text =
        crate::input::read_text_file(path).map_err(|e| format!("{}: {e}", path.display()))?;
    toml::from_str(&text).map_err(|e| {
        let at = e
            .span()
            .map(|s| {
                let before = &text[..s.start.min(text.len())];
                format!(
                    ":{}:{}",
                    before.matches('\n').count() + 1,
                    before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1
                )
            })
            .unwrap_or_default();
        format!(
            "{}{at}: invalid configuration: {}",
            path.display(),
            e.message().trim()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join(FILE_NAME);
        std::fs::write(&p, "edition = 2023\ncolour = \"red\"\n").unwrap();
        let err = load(&p).unwrap_err();
        assert!(err.contains("colour") && err.contains(":2:1"), "{err}");
        std::fs::write(
            &p,
            "edition = 2023\nselect = [\"TL101\"]\n[severity]\nduplicate-sentence = \"info\"\n",
        )
        .unwrap();
        let c = load(&p).unwrap();
        assert_eq!(c.edition, Some(2023));
        assert_eq!(c.severity.get("duplicate-sentence"), Some(&Severity::Info));
    }

    #[test]
    fn found_from_a_subdirectory() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE_NAME), "").unwrap();
        let sub = dir.path().join("a/b");
        std::fs::create_dir_all(&sub).unwrap();
        assert_eq!(discover(&sub), Some(dir.path().join(FILE_NAME)));
    }
}
