//! `check --unread`: each sentence with two or more counted figures of one measure that no check
//! read, one a line in the short format: `path:line:column: unread: <the sentence>`, its white
//! space run together and clipped as messages clip what they quote.

use super::{FileOutcome, Keep, visible};
use crate::output::{MAX_QUOTE, clip};

pub fn render(outcomes: &[FileOutcome]) -> String {
    let mut out = String::new();
    for o in outcomes {
        if let Ok((src, r)) = &o.checked {
            for &sentence in &r.unread {
                let (line, col) = src.line_col(sentence.start);
                let words = src
                    .slice(sentence)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                let (shown, cut) = clip(&words, MAX_QUOTE);
                out.push_str(&format!(
                    "{}:{line}:{col}: unread: {}{}\n",
                    visible(&o.name, Keep::Tabs),
                    visible(shown, Keep::Tabs),
                    if cut { "…" } else { "" }
                ));
            }
        }
    }
    out
}
