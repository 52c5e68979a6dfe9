//! Renderers: one module per output format. Each reads the finished results, never the text's
//! structure.

pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod sarif;
pub mod short;
pub mod statistics;
pub mod unread;
pub mod window;

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

    /// The findings reported, and those hidden: `2 files, 2 chapters: 1 error, 3 warnings,
    /// 0 infos; 4 more findings hidden (3 by the baseline, 1 by inline suppressions)`.
    pub fn findings_line(&self) -> String {
        let mut line = format!(
            "{}, {}: {}, {}, {}",
            count(self.files, "file", "files"),
            count(self.chapters, "chapter", "chapters"),
            count(self.errors, "error", "errors"),
            count(self.warnings, "warning", "warnings"),
            count(self.infos, "info", "infos"),
        );
        let hidden = self.baselined + self.suppressed;
        if hidden > 0 {
            let by: Vec<String> = [
                (self.baselined, "by the baseline"),
                (self.suppressed, "by inline suppressions"),
            ]
            .iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, by)| format!("{n} {by}"))
            .collect();
            line.push_str(&format!(
                "; {hidden} more {} hidden ({})",
                if hidden == 1 { "finding" } else { "findings" },
                by.join(", ")
            ));
        }
        line
    }

    /// The checks, said apart from the findings: a check is a relation between figures that
    /// was tested. One that does not hold is a finding of its rule's severity, an error only
    /// when every figure it rests on was read with confidence (or it is hidden with the
    /// findings), so failed checks may stand beside no errors.
    pub fn checks_line(&self) -> String {
        let tested = count(self.checks, "relation", "relations");
        match self.checks_failed {
            _ if self.checks == 0 => "checks: no relation between figures tested".to_string(),
            0 => format!("checks: {tested} between figures tested, all held"),
            failed => format!(
                "checks: {tested} between figures tested, {failed} did not hold (errors only where every figure was read with confidence)"
            ),
        }
    }

    /// The summary on one line, for the short format's standard error.
    pub fn line(&self) -> String {
        format!("{}; {}", self.findings_line(), self.checks_line())
    }

    /// The summary as the human format ends it: findings, checks, coverage, each on its line.
    pub fn lines(&self) -> String {
        format!(
            "{}\n{}\ncoverage: {} of {} sentences with figures read\n",
            self.findings_line(),
            self.checks_line(),
            self.coverage.read,
            self.coverage.sentences
        )
    }
}

/// `n` and the noun: `1 error`, `2 errors`.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `s` on one line: each line break (with the white space around it) folded into a space, as a
/// line break in prose is read; then every other control made visible (`visible`). For what a
/// format prints one line per finding (`short`, and the human format's labels).
pub fn one_line(s: &str) -> Cow<'_, str> {
    let breaks = |c: char| {
        matches!(
            c,
            '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
        )
    };
    if !s.contains(breaks) {
        return visible(s, Keep::Tabs);
    }
    let mut folded = String::with_capacity(s.len());
    for (k, part) in s.split(breaks).enumerate() {
        let part = if k > 0 { part.trim_start() } else { part };
        if k > 0 && !part.is_empty() && !folded.is_empty() {
            folded.truncate(folded.trim_end().len());
            folded.push(' ');
        }
        folded.push_str(part);
    }
    Cow::Owned(visible(&folded, Keep::Tabs).into_owned())
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
        // The line and paragraph separators end a line for many readers (editors, JavaScript
        // patterns): in what is one line per finding, a picture of a line end.
        '\u{2028}' | '\u{2029}' if keep == Keep::Tabs => Some('\u{2424}'),
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
        assert_eq!(visible("a\u{2028}b\u{2029}c", Keep::Tabs), "a␤b␤c");
        assert_eq!(visible("a\u{2028}b", Keep::LineEnds), "a\u{2028}b");
    }

    #[test]
    fn one_line_folds_line_breaks_into_spaces() {
        assert_eq!(one_line("plain `text`"), "plain `text`");
        assert_eq!(one_line("say `a\r\n  number`\n"), "say `a number`");
        assert_eq!(
            one_line("one\u{2028}two\u{2029}\u{85}three\u{b}four"),
            "one two three four"
        );
        assert_eq!(one_line("\nlead and\t\u{1b}[2J"), "lead and\t␛[2J");
    }
}
