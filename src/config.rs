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
    /// Globs of files and directories a directory walk skips, replacing [`DEFAULT_EXCLUDE`].
    #[serde(default)]
    pub exclude: Option<Vec<String>>,
    /// Globs skipped as well as those of `exclude` (or the default list).
    #[serde(default, rename = "extend-exclude", alias = "extend_exclude")]
    pub extend_exclude: Vec<String>,
    /// Rules (names or codes) turned off for the files a glob matches (`!glob`: those it does
    /// not match).
    #[serde(default, rename = "per-file-ignores", alias = "per_file_ignores")]
    pub per_file_ignores: BTreeMap<String, Vec<String>>,
}

/// What a directory walk skips when the configuration sets no `exclude`: version-control and
/// build directories (hidden files and what `.gitignore` lists are skipped anyway).
pub const DEFAULT_EXCLUDE: &[&str] = &[
    ".git",
    ".hg",
    ".svn",
    "node_modules",
    "target",
    "venv",
    ".venv",
    "site-packages",
];

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

impl Loaded {
    /// The directory globs are read from: the configuration's, else the working directory.
    pub fn root(&self) -> PathBuf {
        match self.path.as_deref().and_then(Path::parent) {
            Some(dir) => crate::paths::absolute(dir),
            None => crate::paths::absolute(Path::new(".")),
        }
    }

    fn named(&self) -> String {
        self.path
            .as_deref()
            .map_or(FILE_NAME.into(), |p| p.display().to_string())
    }

    /// The configuration's globs, compiled; an invalid one is an error naming the file.
    pub fn globs(&self) -> Result<Globs, String> {
        let root = self.root();
        let exclude: Vec<&str> = match &self.config.exclude {
            Some(list) => list.iter().map(String::as_str).collect(),
            None => DEFAULT_EXCLUDE.to_vec(),
        };
        let exclude = exclude
            .into_iter()
            .chain(self.config.extend_exclude.iter().map(String::as_str));
        let exclude =
            Pattern::set(&root, exclude).map_err(|e| format!("{}: exclude: {e}", self.named()))?;
        let per_file = self
            .config
            .per_file_ignores
            .iter()
            .map(|(glob, rules)| {
                let (negated, glob) = match glob.strip_prefix('!') {
                    Some(g) => (true, g),
                    None => (false, glob.as_str()),
                };
                Pattern::set(&root, [glob])
                    .map(|set| (set, negated, rules.clone()))
                    .map_err(|e| format!("{}: [per-file-ignores]: {e}", self.named()))
            })
            .collect::<Result<_, _>>()?;
        Ok(Globs { exclude, per_file })
    }
}

impl Loaded {
    /// The rules in use under this configuration: those of `dir` (or the built-in ones), then
    /// the configuration's rule files and `extra`, with the configuration's severities and
    /// tolerances. Errors name the configuration file and table.
    pub fn rule_set(
        &self,
        dir: Option<&Path>,
        extra: &[PathBuf],
    ) -> Result<crate::rules::RuleSet, String> {
        let files: Vec<PathBuf> = self
            .rule_files()
            .into_iter()
            .chain(extra.iter().cloned())
            .collect();
        let mut rules = crate::rules::RuleSet::load(dir, &files).map_err(|e| e.to_string())?;
        let at = |table: &str, e: String| format!("{}: [{table}]: {e}", self.named());
        for (rule, severity) in &self.config.severity {
            rules
                .set_severity(rule, *severity)
                .map_err(|e| at("severity", e))?;
        }
        for (rule, tolerance) in &self.config.tolerances {
            rules
                .set_option(rule, "tolerance", tolerance.clone())
                .map_err(|e| at("tolerances", e))?;
        }
        Ok(rules)
    }
}

/// Globs as ruff reads them: a pattern matches a path's file name (`README.md`, `drafts`,
/// `*.md`) or the path itself, the pattern taken relative to the configuration's directory
/// (`docs/rules.md`, `chapters/**/*.txt`).
struct Pattern;

impl Pattern {
    fn set<'p>(
        root: &Path,
        patterns: impl IntoIterator<Item = &'p str>,
    ) -> Result<globset::GlobSet, String> {
        let mut set = globset::GlobSetBuilder::new();
        for p in patterns {
            let anchored = root.join(p);
            for g in [p.to_string(), anchored.to_string_lossy().into_owned()] {
                let glob = globset::Glob::new(g.trim_end_matches('/'))
                    .map_err(|e| format!("invalid glob `{p}`: {}", e.kind()))?;
                set.add(glob);
            }
        }
        set.build().map_err(|e| e.to_string())
    }
}

/// The compiled globs of a configuration.
#[derive(Debug, Clone, Default)]
pub struct Globs {
    exclude: globset::GlobSet,
    per_file: Vec<(globset::GlobSet, bool, Vec<String>)>,
}

fn matches(set: &globset::GlobSet, path: &Path) -> bool {
    let abs = crate::paths::absolute(path);
    set.is_match(&abs) || abs.file_name().is_some_and(|n| set.is_match(n))
}

impl Globs {
    /// Does a directory walk skip `path` (a file or a directory)?
    pub fn excluded(&self, path: &Path) -> bool {
        matches(&self.exclude, path)
    }

    /// The rules `[per-file-ignores]` turns off for the file at `path`.
    pub fn ignored_rules(&self, path: &Path) -> Vec<String> {
        self.per_file
            .iter()
            .filter(|(set, negated, _)| matches(set, path) != *negated)
            .flat_map(|(_, _, rules)| rules.iter().cloned())
            .collect()
    }

    /// `selection` less the rules `[per-file-ignores]` turns off for the file at `path`.
    pub fn selection_for(
        &self,
        selection: &crate::rules::Selection,
        rules: &crate::rules::RuleSet,
        path: &Path,
    ) -> crate::rules::Selection {
        let mut s = selection.clone();
        for r in self.ignored_rules(path) {
            for rule in rules.matching(&r) {
                s.ignore.insert(rule.spec.name.clone());
            }
        }
        s
    }

    /// Every rule name `[per-file-ignores]` names, to check they exist.
    pub fn named_rules(&self) -> impl Iterator<Item = &String> {
        self.per_file.iter().flat_map(|(_, _, rules)| rules)
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
