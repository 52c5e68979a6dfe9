//! `--format short`: `path:line:column: severity: message [rule]`, one line per finding.

use super::{FileOutcome, Keep, visible};

pub fn render(outcomes: &[FileOutcome]) -> String {
    let mut out = String::new();
    for o in outcomes {
        if let Ok((src, r)) = &o.checked {
            for d in &r.diagnostics {
                let (line, col) = src.line_col(d.span.start);
                // A message may quote the text: its control characters are shown, not obeyed.
                out.push_str(&format!(
                    "{}:{line}:{col}: {}: {} [{}]\n",
                    visible(&o.name, Keep::Tabs),
                    d.severity,
                    visible(&d.message, Keep::Tabs),
                    visible(&d.rule, Keep::Tabs)
                ));
            }
        }
    }
    out
}
