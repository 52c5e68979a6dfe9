//! `--format short`: `path:line:column: severity: message [rule]`, one physical line per
//! finding (a message's line breaks folded, every other control shown: `one_line`).

use super::{FileOutcome, Keep, one_line, visible};

pub fn render(outcomes: &[FileOutcome]) -> String {
    let mut out = String::new();
    for o in outcomes {
        if let Ok((src, r)) = &o.checked {
            for d in &r.diagnostics {
                let (line, col) = src.line_col(d.span.start);
                // A message may quote the text: its line breaks are folded, its other control
                // characters shown, not obeyed.
                out.push_str(&format!(
                    "{}:{line}:{col}: {}: {} [{}]\n",
                    visible(&o.name, Keep::Tabs),
                    d.severity,
                    one_line(&d.message),
                    visible(&d.rule, Keep::Tabs)
                ));
            }
        }
    }
    out
}
