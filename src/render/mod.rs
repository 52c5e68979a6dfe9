//! Renderers: one module per output format. Each reads the finished results, never the text's
//! structure.

pub mod github;
pub mod human;
pub mod json;
pub mod sarif;
pub mod short;
pub mod unread;

use crate::diagnostic::Severity;
use crate::rules::{Coverage, FileResult};
use crate::source::Source;
use std::borrow::Cow;

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
    /// Sentences with two or more counted figures of one measure, and how many a check read.
    pub coverage: Coverage,
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
            s.coverage = s.coverage + r.coverage;
        }
        s
    }

    pub fn line(&self) -> String {
        format!(
            "{} file(s), {} chapter(s): {} error(s), {} warning(s), {} info(s); {} check(s), {} failed; coverage: {} of {} sentences with figures read",
            self.files,
            self.chapters,
            self.errors,
            self.warnings,
            self.infos,
            self.checks,
            self.checks_failed,
            self.coverage.read,
            self.coverage.sentences
        )
    }
}

/// Which white-space controls `visible` leaves as they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// Tabs only: the output is one line per finding (`short`).
    Tabs,
    /// Tabs, line feeds, and a carriage return before a line feed: text shown as lines
    /// (`human`); a lone carriage return is shown as the line feed it stands for.
    Lines,
    /// Tabs and every line end, which the format escapes by its own rules (`github`).
    LineEnds,
}

/// What `c` (followed by `next`) is shown as, when not as itself: C0 controls and DEL as their
/// Unicode control pictures (`␛` for ESC), C1 controls and the bidirectional controls (which
/// reorder what a terminal shows) as U+FFFD. One character for one, so columns counted in
/// characters stay right.
pub fn picture(c: char, next: Option<char>, keep: Keep) -> Option<char> {
    match c {
        '\t' => None,
        '\n' if keep != Keep::Tabs => None,
        '\r' if keep == Keep::LineEnds || keep == Keep::Lines && next == Some('\n') => None,
        // A lone carriage return ends a line (old Mac files), as in the line index.
        '\r' if keep == Keep::Lines => Some('\n'),
        '\0'..='\u{1f}' => char::from_u32(0x2400 + u32::from(c)),
        '\u{7f}' => Some('\u{2421}'),
        '\u{80}'..='\u{9f}'
        | '\u{61c}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}' => Some('\u{fffd}'),
        _ => None,
    }
}

/// `s` as a terminal or a log may show it: every character that could command the terminal or
/// reorder the text made visible (see `picture`). Borrowed when there is none.
pub fn visible(s: &str, keep: Keep) -> Cow<'_, str> {
    let shown = |(i, c): (usize, char)| picture(c, s[i + c.len_utf8()..].chars().next(), keep);
    if s.char_indices().all(|ic| shown(ic).is_none()) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.char_indices()
            .map(|ic| shown(ic).unwrap_or(ic.1))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_shown_one_character_for_one() {
        let s = "a\u{1b}[2Jb\u{7}\u{7f}\u{9b}c\u{202e}d\u{2067}\te\r\nf\rg\nh";
        assert_eq!(
            visible(s, Keep::Lines),
            "a␛[2Jb␇␡\u{fffd}c\u{fffd}d\u{fffd}\te\r\nf\ng\nh",
            "a lone CR is the line end it stands for"
        );
        assert_eq!(
            visible(s, Keep::Tabs),
            "a␛[2Jb␇␡\u{fffd}c\u{fffd}d\u{fffd}\te␍␊f␍g␊h"
        );
        assert_eq!(
            visible(s, Keep::LineEnds),
            "a␛[2Jb␇␡\u{fffd}c\u{fffd}d\u{fffd}\te\r\nf\rg\nh"
        );
        for keep in [Keep::Tabs, Keep::Lines, Keep::LineEnds] {
            assert_eq!(visible(s, keep).chars().count(), s.chars().count());
        }
        assert!(matches!(
            visible("Türkiye — “quoted”\tand\n", Keep::Lines),
            Cow::Borrowed(_)
        ));
    }
}
