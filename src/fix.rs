//! Applying fixes to a text: in order, the earlier of two overlapping fixes wins.

use crate::diagnostic::Fix;

/// Apply non-overlapping fixes; a fix overlapping an earlier one (by start, then end) is skipped.
/// Returns the new text and how many fixes were applied.
pub fn apply_fixes<'a>(text: &str, fixes: impl IntoIterator<Item = &'a Fix>) -> (String, usize) {
    let mut fixes: Vec<&Fix> = fixes.into_iter().collect();
    fixes.sort_by_key(|f| (f.span.start, f.span.end, f.replacement.clone()));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    let mut applied = 0;
    for fix in fixes {
        if fix.span.start < at || fix.span.end > text.len() {
            continue;
        }
        out.push_str(&text[at..fix.span.start]);
        out.push_str(&fix.replacement);
        at = fix.span.end;
        applied += 1;
    }
    out.push_str(&text[at..]);
    (out, applied)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Span;

    #[test]
    fn applies_in_order_and_skips_overlaps() {
        let fixes = [
            Fix {
                span: Span::new(6, 7),
                replacement: "X".into(),
            },
            Fix {
                span: Span::new(0, 1),
                replacement: "".into(),
            },
            Fix {
                span: Span::new(6, 8),
                replacement: "Y".into(),
            },
        ];
        let (out, n) = apply_fixes("\\$12 ab c", &fixes);
        assert_eq!(out, "$12 aX c");
        assert_eq!(n, 2);
    }
}
