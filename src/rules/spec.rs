//! A rule as data: the `[[rule]]` entries of `rules/*.toml`.

use crate::diagnostic::{Diagnostic, Severity};
use crate::source::Span;
use crate::vocab::Vocabulary;
use serde::{Deserialize, Serialize};

/// One rule file: rules and/or vocabulary tables.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    #[serde(default)]
    pub rule: Vec<RuleSpec>,
    #[serde(default)]
    pub vocabulary: Option<Vocabulary>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    /// Stable name (`sum-mismatch`).
    pub name: String,
    /// Stable code (`TL101`).
    pub code: String,
    /// Which Rust checker runs it.
    pub kind: String,
    pub severity: Severity,
    /// One line: what it flags.
    pub summary: String,
    /// One paragraph: what it does, why, and how to fix what it finds.
    #[serde(default)]
    pub doc: String,
    /// `safe` when the rule offers fixes that may be applied without review.
    #[serde(default)]
    pub fix: Option<FixSafety>,
    /// Options of the rule's kind (checked when the rules are loaded).
    #[serde(default)]
    pub options: toml::Table,
    /// Required of the built-in rules (a test checks it); optional in a user's rule file.
    #[serde(default)]
    pub examples: Examples,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FixSafety {
    Safe,
    Unsafe,
}

/// Texts the rule must flag and texts it must not: its documentation and its tests at once.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    #[serde(default)]
    pub must_flag: Vec<String>,
    #[serde(default)]
    pub must_not_flag: Vec<String>,
    /// Texts and what the rule's fixes turn them into.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fixes: Vec<FixExample>,
    /// Texts the rule reads and finds consistent: the passed check it must report for each
    /// (a relation the rule does not read is neither flagged nor passed, so `must_not_flag`
    /// cannot tell reading from missing).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reads: Vec<ReadExample>,
    /// An earlier edition every example of the rule is checked against (as `--previous`), for
    /// the rules that relate editions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ReadExample {
    pub text: String,
    /// The expression of the passed check (as `--format json` prints it).
    pub check: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FixExample {
    pub input: String,
    pub output: String,
}

impl RuleSpec {
    /// Start a diagnostic of this rule at `span`.
    pub fn diagnostic(&self, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            rule: self.name.clone(),
            code: self.code.clone(),
            severity: self.severity,
            message: message.into(),
            span,
            labels: Vec::new(),
            help: None,
            fix: None,
        }
    }
}
