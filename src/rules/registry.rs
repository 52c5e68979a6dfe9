//! The rule set: rule files (embedded defaults, or a directory), validated, with their checkers.

use crate::rules::checkers::{self, Checker};
use crate::rules::spec::{RuleFile, RuleSpec};
use crate::vocab::Vocabulary;
use std::collections::HashSet;
use std::fmt;
use std::path::Path;

/// The default rule files, embedded so the binary works anywhere.
pub const DEFAULT_RULE_FILES: &[(&str, &str)] = &[
    (
        "rules/structure.toml",
        include_str!("../../rules/structure.toml"),
    ),
    (
        "rules/consistency.toml",
        include_str!("../../rules/consistency.toml"),
    ),
    ("rules/style.toml", include_str!("../../rules/style.toml")),
    (
        "rules/editorial.toml",
        include_str!("../../rules/editorial.toml"),
    ),
    (
        "rules/vocabulary.toml",
        include_str!("../../rules/vocabulary.toml"),
    ),
    (
        "rules/numbers.toml",
        include_str!("../../rules/numbers.toml"),
    ),
    (
        "rules/countries.toml",
        include_str!("../../rules/countries.toml"),
    ),
    (
        "rules/currencies.toml",
        include_str!("../../rules/currencies.toml"),
    ),
];

/// A rules file or directory that cannot be used: where, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    pub path: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "{}:{l}:{c}: {}", self.path, self.message),
            (Some(l), None) => write!(f, "{}:{l}: {}", self.path, self.message),
            _ => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

impl std::error::Error for RuleError {}

/// A rule ready to run: its data and its checker.
pub struct LoadedRule {
    pub spec: RuleSpec,
    pub checker: Box<dyn Checker>,
}

pub struct RuleSet {
    pub rules: Vec<LoadedRule>,
    pub vocabulary: Vocabulary,
}

impl RuleSet {
    /// The embedded default rules.
    pub fn default_rules() -> RuleSet {
        Self::from_files(
            DEFAULT_RULE_FILES
                .iter()
                .map(|(p, t)| (p.to_string(), t.to_string())),
            None,
        )
        .expect("the embedded rule files are valid (tested)")
    }

    /// Every `*.toml` in `dir` (sorted by name), replacing the default rules. Vocabulary lists the
    /// directory does not give are taken from the defaults.
    pub fn from_dir(dir: &Path) -> Result<RuleSet, RuleError> {
        Self::load(Some(dir), &[])
    }

    /// The rules in use: those of `dir` (or the defaults), plus `extra` rule files.
    pub fn load(dir: Option<&Path>, extra: &[std::path::PathBuf]) -> Result<RuleSet, RuleError> {
        let mut files = match dir {
            Some(dir) => dir_files(dir)?,
            None => DEFAULT_RULE_FILES
                .iter()
                .map(|(p, t)| (p.to_string(), t.to_string()))
                .collect(),
        };
        for path in extra {
            files.push(read_rule_file(path)?);
        }
        let defaults =
            (dir.is_some() || !extra.is_empty()).then(|| Self::default_rules().vocabulary);
        Self::from_files(files, defaults.as_ref())
    }

    /// A rule by name or code, to change.
    fn find_mut(&mut self, rule: &str) -> Result<&mut LoadedRule, String> {
        let at = self.rules.iter().position(|r| {
            r.spec.name.eq_ignore_ascii_case(rule) || r.spec.code.eq_ignore_ascii_case(rule)
        });
        match at {
            Some(k) => Ok(&mut self.rules[k]),
            None => Err(self.unknown(rule)),
        }
    }

    /// Override a rule's default severity (by name or code).
    pub fn set_severity(
        &mut self,
        rule: &str,
        severity: crate::diagnostic::Severity,
    ) -> Result<(), String> {
        self.find_mut(rule)?.spec.severity = severity;
        Ok(())
    }

    /// Set one option of a rule (by name or code) and rebuild its checker, so the value is
    /// validated as the rule file's own would be (`tolerances` in `tiplint.toml`).
    pub fn set_option(&mut self, rule: &str, key: &str, value: toml::Value) -> Result<(), String> {
        let r = self.find_mut(rule)?;
        let mut options = r.spec.options.clone();
        options.insert(key.to_string(), value);
        r.checker = checkers::build(&r.spec.kind, &options).map_err(|e| {
            if e.contains(&format!("unknown field `{key}`")) {
                format!("rule `{}` takes no {key}", r.spec.name)
            } else {
                format!("rule `{}`: {e}", r.spec.name)
            }
        })?;
        r.spec.options = options;
        Ok(())
    }

    /// Parse and validate rule files given as (path, text).
    pub fn from_files(
        files: impl IntoIterator<Item = (String, String)>,
        fallback: Option<&Vocabulary>,
    ) -> Result<RuleSet, RuleError> {
        let mut rules = Vec::new();
        let mut vocabulary = Vocabulary::default();
        let mut names = HashSet::new();
        let mut codes = HashSet::new();
        for (path, text) in files {
            let file: RuleFile = toml::from_str(&text).map_err(|e| {
                let (line, column) = match e.span() {
                    Some(span) => {
                        let before = &text[..span.start.min(text.len())];
                        let line = before.matches('\n').count() + 1;
                        let column =
                            before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                        (Some(line), Some(column))
                    }
                    None => (None, None),
                };
                RuleError {
                    path: path.clone(),
                    line,
                    column,
                    message: format!("invalid rule file: {}", e.message().trim()),
                }
            })?;
            if let Some(v) = file.vocabulary {
                vocabulary.extend(v);
            }
            for spec in file.rule {
                let at = |message: String| RuleError {
                    path: path.clone(),
                    line: line_of(&text, &spec.name),
                    column: None,
                    message: format!("rule `{}`: {message}", spec.name),
                };
                if !names.insert(spec.name.clone()) {
                    return Err(at("a rule of this name is already defined".into()));
                }
                if !codes.insert(spec.code.clone()) {
                    return Err(at(format!(
                        "code {} is already used by another rule",
                        spec.code
                    )));
                }
                let checker = checkers::build(&spec.kind, &spec.options).map_err(at)?;
                rules.push(LoadedRule { spec, checker });
            }
        }
        if let Some(fallback) = fallback {
            vocabulary.fill_missing(fallback);
        }
        // Listed and run in the order of their codes, whatever the files' order.
        rules.sort_by(|a, b| a.spec.code.cmp(&b.spec.code));
        Ok(RuleSet { rules, vocabulary })
    }

    pub fn find(&self, name_or_code: &str) -> Option<&LoadedRule> {
        self.rules.iter().find(|r| {
            r.spec.name.eq_ignore_ascii_case(name_or_code)
                || r.spec.code.eq_ignore_ascii_case(name_or_code)
        })
    }

    /// The rules a selector names, as ruff reads one: a rule's name or code, a prefix of codes
    /// (`TL1`: every rule whose code starts so), or `ALL`; case is ignored. Empty when it names
    /// none.
    pub fn matching(&self, selector: &str) -> Vec<&LoadedRule> {
        let s = selector.trim();
        if s.eq_ignore_ascii_case("ALL") {
            return self.rules.iter().collect();
        }
        if let Some(r) = self.find(s) {
            return vec![r];
        }
        if s.is_empty() {
            return Vec::new();
        }
        self.rules
            .iter()
            .filter(|r| {
                r.spec
                    .code
                    .get(..s.len())
                    .is_some_and(|p| p.eq_ignore_ascii_case(s))
            })
            .collect()
    }

    /// The error for a name that is no rule: `unknown rule `sum-missmatch` (did you mean
    /// `sum-mismatch`?; see `tiplint rules`)`.
    pub fn unknown(&self, name: &str) -> String {
        let hint = crate::suggest::closest(
            name,
            self.rules
                .iter()
                .flat_map(|r| [r.spec.name.as_str(), r.spec.code.as_str()]),
        );
        match hint {
            Some(h) => format!("unknown rule `{name}` (did you mean `{h}`? see `tiplint rules`)"),
            None => format!("unknown rule `{name}` (see `tiplint rules`)"),
        }
    }
}

fn read_rule_file(path: &Path) -> Result<(String, String), RuleError> {
    // A FIFO or a device would block or never end: only a regular file of bounded size is read.
    let text = crate::input::read_text_file(path).map_err(|message| RuleError {
        path: path.display().to_string(),
        line: None,
        column: None,
        message,
    })?;
    Ok((path.display().to_string(), text))
}

fn dir_files(dir: &Path) -> Result<Vec<(String, String)>, RuleError> {
    let err = |message: String| RuleError {
        path: dir.display().to_string(),
        line: None,
        column: None,
        message,
    };
    let entries =
        std::fs::read_dir(dir).map_err(|e| err(format!("cannot read rules directory: {e}")))?;
    let mut paths: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(err("no .toml rule files in this directory".into()));
    }
    paths.iter().map(|p| read_rule_file(p)).collect()
}

fn line_of(text: &str, name: &str) -> Option<usize> {
    let needle = format!("\"{name}\"");
    text.find(&needle)
        .map(|at| text[..at].matches('\n').count() + 1)
}

/// The embedded vocabulary (for tests and tools that need no rules).
pub fn default_vocabulary() -> Vocabulary {
    RuleSet::default_rules().vocabulary
}
