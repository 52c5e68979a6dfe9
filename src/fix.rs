//! Fixes: choosing the safe ones, applying them, showing them as a diff, writing them safely.

use crate::diagnostic::Fix;
use crate::input::file_id;
use crate::replace::{self, Owner};
use crate::rules::spec::FixSafety;
use crate::rules::{FileResult, RuleSet};
use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
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

/// Which fixes `--fix` and `--diff` apply: the safe ones, or (`--unsafe-fixes`) every one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applying {
    Safe,
    AlsoUnsafe,
}

/// Is this fix, of a finding of `rule`, one to apply? A fix is safe when its rule's fixes are
/// (`fix = "safe"`) and the fix itself needs no review.
pub fn applies(fix: &Fix, safety: Option<FixSafety>, applying: Applying) -> bool {
    match applying {
        Applying::AlsoUnsafe => safety.is_some(),
        Applying::Safe => safety == Some(FixSafety::Safe) && !fix.needs_review,
    }
}

/// The fixes of a result that come from rules whose fixes are safe, and need no review.
pub fn safe_fixes<'r>(result: &'r FileResult, rules: &RuleSet) -> Vec<&'r Fix> {
    fixes(result, rules, Applying::Safe)
}

/// The fixes of a result to apply.
pub fn fixes<'r>(result: &'r FileResult, rules: &RuleSet, applying: Applying) -> Vec<&'r Fix> {
    result
        .diagnostics
        .iter()
        .filter_map(|d| {
            let fix = d.fix.as_ref()?;
            let safety = rules.find(&d.rule).and_then(|r| r.spec.fix);
            applies(fix, safety, applying).then_some(fix)
        })
        .collect()
}

/// Apply fixes until none is left (a fix may make another possible), at most a few rounds.
/// `check` re-checks a text. Returns the final text and the number of fixes applied.
pub fn fix_to_fixed_point(
    text: &str,
    rules: &RuleSet,
    applying: Applying,
    mut check: impl FnMut(&str) -> FileResult,
) -> (String, usize) {
    let mut current = text.to_string();
    let mut total = 0;
    for _ in 0..5 {
        let result = check(&current);
        let (next, applied) = apply_fixes(&current, fixes(&result, rules, applying));
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

/// Replace `path`'s contents with `new`, if the file still holds `original`.
///
/// A symbolic link is followed: its target is fixed, the link kept. The file is locked (an
/// exclusive advisory lock) from the moment it is read again until it is replaced, so two tiplint
/// runs never both fix one text and one lose the other's fixes: the second sees the first's
/// changes and refuses. The new text is written to a temporary file beside it, with the file's
/// owner, group and mode, and renamed over it, so a crash never leaves half a file. A file with
/// other hard links, or whose owner a new file could not be given (we are not root), is written
/// in place instead, keeping its inode. A read-only file is refused, even for root.
pub fn write_if_unchanged(path: &Path, original: &[u8], new: &str) -> Result<(), String> {
    let target = std::fs::canonicalize(path)
        .map_err(|e| format!("cannot find the file again before writing: {e}"))?;
    let mut file = open_locked(&target)?;
    let mut on_disk = Vec::new();
    (&file)
        .take(original.len() as u64 + 1)
        .read_to_end(&mut on_disk)
        .map_err(|e| format!("cannot read it again before writing: {e}"))?;
    if on_disk != original {
        return Err(
            "the file changed on disk since it was read; not fixed (run again)".to_string(),
        );
    }
    let meta = file
        .metadata()
        .map_err(|e| format!("cannot read its metadata: {e}"))?;
    if links(&meta) > 1 {
        // Its other names would keep the old text if a new file took this one's name.
        return write_in_place(&mut file, original, new.as_bytes());
    }
    match crate::replace::replace(&target, new.as_bytes(), Owner::Keep) {
        Ok(()) => Ok(()),
        Err(replace::Error::Owner(_)) => write_in_place(&mut file, original, new.as_bytes()),
        Err(replace::Error::Io(e)) => Err(e),
    }
    // The lock goes with `file`, after the rename.
}

/// `target` opened for reading and writing and locked, once no other run holds it. A run that
/// held it may have renamed a new file over the one we waited for: then the new one is locked.
fn open_locked(target: &Path) -> Result<File, String> {
    for _ in 0..100 {
        let meta = std::fs::metadata(target)
            .map_err(|e| format!("cannot find the file again before writing: {e}"))?;
        if meta.permissions().readonly() {
            return Err("the file is read-only; not fixed".to_string());
        }
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(target)
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::PermissionDenied => {
                    "the file is read-only for us (permission denied); not fixed".to_string()
                }
                _ => format!("cannot open it for writing: {e}; not fixed"),
            })?;
        lock_within(&file, LOCK_WAIT, || {
            crate::output::note(&format!(
                "{}: waiting for another program's lock on the file (at most {} seconds)",
                target.display(),
                LOCK_WAIT.as_secs()
            ))
        })?;
        let locked = file
            .metadata()
            .map_err(|e| format!("cannot read its metadata: {e}"))?;
        match std::fs::metadata(target) {
            Ok(now) if file_id(target, &now) == file_id(target, &locked) => return Ok(file),
            Ok(_) => continue,
            Err(e) => return Err(format!("cannot find the file again before writing: {e}")),
        }
    }
    Err("the file keeps being replaced by other programs; not fixed (run again)".to_string())
}

/// How long `--fix` waits for another program's lock on a file before refusing it.
const LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

/// Take an exclusive lock on `file`, waiting at most `wait` for whoever holds it: a lock that is
/// never released must not hang the run. `waiting` is told once, when the wait begins.
fn lock_within(
    file: &File,
    wait: std::time::Duration,
    waiting: impl FnOnce(),
) -> Result<(), String> {
    let until = std::time::Instant::now() + wait;
    let mut waiting = Some(waiting);
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(()),
            Err(std::fs::TryLockError::WouldBlock) if std::time::Instant::now() < until => {
                if let Some(tell) = waiting.take() {
                    tell();
                }
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(format!(
                    "another program has held a lock on the file for {} seconds; not fixed",
                    wait.as_secs()
                ));
            }
            Err(std::fs::TryLockError::Error(e)) => {
                return Err(format!("cannot lock the file: {e}; not fixed"));
            }
        }
    }
}

/// Write `new` over the file's contents, keeping its inode (its other links, its owner). Should
/// the write fail (a full disk), the original text is put back.
fn write_in_place(file: &mut File, original: &[u8], new: &[u8]) -> Result<(), String> {
    fn overwrite(file: &mut File, bytes: &[u8]) -> std::io::Result<()> {
        file.seek(SeekFrom::Start(0))?;
        file.write_all(bytes)?;
        file.set_len(bytes.len() as u64)?;
        file.sync_all()
    }
    overwrite(file, new).map_err(|e| match overwrite(file, original) {
        Ok(()) => format!("cannot write: {e}; the file is as it was"),
        Err(back) => format!("cannot write: {e}, nor put the file back as it was: {back}"),
    })
}

#[cfg(unix)]
fn links(meta: &std::fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(meta)
}

#[cfg(not(unix))]
fn links(_: &std::fs::Metadata) -> u64 {
    1
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
                needs_review: false,
            },
            Fix {
                span: Span::new(0, 1),
                replacement: "".into(),
                needs_review: false,
            },
            Fix {
                span: Span::new(6, 8),
                replacement: "Y".into(),
                needs_review: false,
            },
        ];
        let (out, n) = apply_fixes("\\$12 ab c", &fixes);
        assert_eq!(out, "$12 aX c");
        assert_eq!(n, 2);
    }

    #[test]
    fn a_lock_held_too_long_is_refused_not_waited_for() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("chapter.txt");
        std::fs::write(&path, "text\n").unwrap();
        let holder = File::open(&path).unwrap();
        holder.lock().unwrap();
        let other = File::open(&path).unwrap();
        let mut told = 0;
        let err =
            lock_within(&other, std::time::Duration::from_millis(100), || told += 1).unwrap_err();
        assert_eq!(told, 1, "the wait is told once");
        assert!(err.contains("held a lock"), "{err}");
        holder.unlock().unwrap();
        lock_within(&other, std::time::Duration::from_millis(100), || {}).unwrap();
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
