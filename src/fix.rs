//! Fixes: choosing the safe ones, applying them, showing them as a diff, writing them safely.

use crate::diagnostic::Fix;
use crate::rules::spec::FixSafety;
use crate::rules::{FileResult, RuleSet};
use std::io::Write;
use std::path::Path;

/// Apply non-overlapping fixes; a fix overlapping an earlier one (by start, then end) is skipped.
/// Returns the new text and how many fixes were applied.
pub fn apply_fixes<'a>(text: &str, fixes: impl IntoIterator<Item = &'a Fix>) -> (String, usize) {
    let mut fixes: Vec<&Fix> = fixes.into_iter().collect();
    fixes.sort_by(|a, b| {
        (a.span.start, a.span.end, &a.replacement).cmp(&(b.span.start, b.span.end, &b.replacement))
    });
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

/// The fixes of a result that come from rules whose fixes are safe.
pub fn safe_fixes<'r>(result: &'r FileResult, rules: &RuleSet) -> Vec<&'r Fix> {
    result
        .diagnostics
        .iter()
        .filter(|d| {
            rules
                .find(&d.rule)
                .is_some_and(|r| r.spec.fix == Some(FixSafety::Safe))
        })
        .filter_map(|d| d.fix.as_ref())
        .collect()
}

/// Apply safe fixes until none is left (a fix may make another possible), at most a few rounds.
/// `check` re-checks a text. Returns the final text and the number of fixes applied.
pub fn fix_to_fixed_point(
    text: &str,
    rules: &RuleSet,
    mut check: impl FnMut(&str) -> FileResult,
) -> (String, usize) {
    let mut current = text.to_string();
    let mut total = 0;
    for _ in 0..5 {
        let result = check(&current);
        let (next, applied) = apply_fixes(&current, safe_fixes(&result, rules));
        if applied == 0 || next == current {
            break;
        }
        total += applied;
        current = next;
    }
    (current, total)
}

/// A unified diff of the change, with `path` in both headers (`patch -p0`, `git apply -p0`).
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(2)
        .header(path, path)
        .to_string()
}

/// Replace `path`'s contents with `new`, if the file still holds `original`: written to a
/// temporary file beside it and renamed over it, so a crash never leaves half a file.
pub fn write_if_unchanged(path: &Path, original: &[u8], new: &str) -> Result<(), String> {
    let on_disk =
        std::fs::read(path).map_err(|e| format!("cannot read it again before writing: {e}"))?;
    if on_disk != original {
        return Err(
            "the file changed on disk since it was read; not fixed (run again)".to_string(),
        );
    }
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .map_err(|e| format!("cannot create a temporary file: {e}"))?;
    tmp.write_all(new.as_bytes())
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(|e| format!("cannot write: {e}"))?;
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = std::fs::set_permissions(tmp.path(), meta.permissions());
    }
    tmp.persist(path)
        .map_err(|e| format!("cannot replace the file: {}", e.error))?;
    Ok(())
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

    #[test]
    fn refuses_a_file_changed_since_it_was_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("chapter.txt");
        std::fs::write(&path, "old text\n").unwrap();
        let original = std::fs::read(&path).unwrap();
        std::fs::write(&path, "someone else's edit\n").unwrap();
        let err = write_if_unchanged(&path, &original, "fixed text\n").unwrap_err();
        assert!(err.contains("changed on disk"), "{err}");
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "someone else's edit\n"
        );
        std::fs::write(&path, "old text\n").unwrap();
        write_if_unchanged(&path, &original, "fixed text\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "fixed text\n");
    }

    #[test]
    fn diff_headers_name_the_file() {
        let d = unified_diff("a.txt", "one\ntwo\n", "one\n2\n");
        assert!(d.starts_with("--- a.txt\n+++ a.txt\n"), "{d}");
        assert!(d.contains("-two\n+2\n"), "{d}");
    }
}
