//! Renderers: one module per output format. Each reads the finished results, never the text's
//! structure.

pub mod github;
pub mod human;
pub mod json;
pub mod sarif;
pub mod short;

use crate::diagnostic::Severity;
use crate::rules::FileResult;
use crate::source::Source;

/// One file's outcome: checked, or refused with a reason.
pub struct FileOutcome {
    pub name: String,
    pub checked: Result<(Source, FileResult), String>,
}

#[derive(Debug, Clone, Copy, Default, serde::Serialize, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub chapters: usize,
    /// Error findings, and inputs that could not be read (each is an error too).
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub checks: usize,
    pub checks_failed: usize,
    /// Findings silenced by inline suppressions.
    pub suppressed: usize,
    /// Findings hidden by `--baseline`.
    pub baselined: usize,
    /// Inputs that could not be read (missing, binary, not a regular file…), counted in `errors`.
    pub unreadable: usize,
}

impl Summary {
    pub fn of(outcomes: &[FileOutcome]) -> Summary {
        let unreadable = outcomes.iter().filter(|o| o.checked.is_err()).count();
        let mut s = Summary {
            files: outcomes.len(),
            errors: unreadable,
            unreadable,
            ..Summary::default()
        };
        for (_, r) in outcomes.iter().filter_map(|o| o.checked.as_ref().ok()) {
            s.chapters += r.chapters.len();
            for d in &r.diagnostics {
                match d.severity {
                    Severity::Error => s.errors += 1,
                    Severity::Warning => s.warnings += 1,
                    Severity::Info => s.infos += 1,
                }
            }
            s.checks += r.checks.len();
            s.suppressed += r.suppressed;
            s.checks_failed += r.checks.iter().filter(|c| !c.ok).count();
        }
        s
    }

    pub fn line(&self) -> String {
        format!(
            "{} file(s), {} chapter(s): {} error(s), {} warning(s), {} info(s); {} check(s), {} failed",
            self.files,
            self.chapters,
            self.errors,
            self.warnings,
            self.infos,
            self.checks,
            self.checks_failed
        )
    }
}
