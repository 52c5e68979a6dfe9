//! `--format short`: `path:line:column: severity: message [rule]`, one line per finding.

use super::FileOutcome;

pub fn render(outcomes: &[FileOutcome]) -> String {
    let mut out = String::new();
    for o in outcomes {
        if let Ok((src, r)) = &o.checked {
            for d in &r.diagnostics {
                let (line, col) = src.line_col(d.span.start);
                out.push_str(&format!(
                    "{}:{line}:{col}: {}: {} [{}]\n",
                    o.name, d.severity, d.message, d.rule
                ));
            }
        }
    }
    out
}
