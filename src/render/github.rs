//! `--format github`: workflow commands that GitHub Actions turns into annotations.

use super::{FileOutcome, Keep, visible};
use crate::diagnostic::Severity;

/// GitHub's escaping for a property value and for a message, after the other control
/// characters are made visible (a log shows them to a terminal).
fn escape_data(s: &str) -> String {
    visible(s, Keep::LineEnds)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(outcomes: &[FileOutcome]) -> String {
    let mut out = String::new();
    for o in outcomes {
        if let Ok((src, r)) = &o.checked {
            for d in &r.diagnostics {
                let level = match d.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                    Severity::Info => "notice",
                };
                let (line, col) = src.line_col(d.span.start);
                let (end_line, end_col) = src.line_col(d.span.end);
                out.push_str(&format!(
                    "::{level} file={},line={line},col={col},endLine={end_line},endColumn={end_col},title={}::{}\n",
                    escape_property(&o.name),
                    escape_property(&d.rule),
                    escape_data(&d.message)
                ));
            }
        } else if let Err(e) = &o.checked {
            out.push_str(&format!(
                "::error file={},title=input::{}\n",
                escape_property(&o.name),
                escape_data(e)
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_shown_and_line_ends_escaped_by_githubs_rules() {
        assert_eq!(
            escape_data("a\u{1b}[2J%\r\nb\rc\u{202e}"),
            "a␛[2J%25%0D%0Ab%0Dc\u{fffd}"
        );
        assert_eq!(escape_property("t\u{7}.txt:1,2"), "t␇.txt%3A1%2C2");
    }
}
