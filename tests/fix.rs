//! `--fix` and `--diff` on a copy of the sample.

use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;

const SAMPLE: &str = "samples/kyrgyz-republic-2023.txt";
const EXPECTED: &str = "tests/expected/kyrgyz-republic-2023.fixed.txt";

fn tiplint() -> Command {
    Command::cargo_bin("tiplint").unwrap()
}

fn copy_of_sample() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(SAMPLE, dir.path().join("chapter.txt")).unwrap();
    dir
}

#[test]
fn fix_joins_the_page_breaks_and_mends_the_words_and_nothing_else() {
    let dir = copy_of_sample();
    tiplint()
        .current_dir(dir.path())
        .args(["check", "--fix", "chapter.txt"])
        .assert()
        .code(0);
    let fixed = fs::read_to_string(dir.path().join("chapter.txt")).unwrap();
    assert_eq!(fixed, fs::read_to_string(EXPECTED).unwrap());
    let original = fs::read_to_string(SAMPLE).unwrap();
    assert_eq!(
        original.matches("\n\n").count() - fixed.matches("\n\n").count(),
        8,
        "the eight page-break splits are joined"
    );
    // A second run finds none of the fixed findings.
    let out = tiplint()
        .current_dir(dir.path())
        .args([
            "check",
            "--format",
            "short",
            "--select",
            "broken-paragraph,escaped-markup,spelling-variant,hyphenation",
            "chapter.txt",
        ])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "");
}

#[test]
fn diff_changes_nothing_and_applies_cleanly() {
    let dir = copy_of_sample();
    let out = tiplint()
        .current_dir(dir.path())
        .args(["check", "--diff", "chapter.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "changes would be made");
    assert_eq!(
        fs::read(dir.path().join("chapter.txt")).unwrap(),
        fs::read(SAMPLE).unwrap()
    );
    let diff = dir.path().join("fix.diff");
    fs::write(&diff, &out.stdout).unwrap();
    let applied = std::process::Command::new("git")
        .current_dir(dir.path())
        .args(["apply", "-p0", "fix.diff"])
        .status()
        .unwrap();
    assert!(applied.success());
    assert_eq!(
        fs::read_to_string(dir.path().join("chapter.txt")).unwrap(),
        fs::read_to_string(EXPECTED).unwrap()
    );
}

#[test]
fn fix_on_standard_input_prints_the_fixed_text() {
    tiplint()
        .args(["check", "--fix", "-"])
        .write_stdin("Narnia paid 1,000 som (\\$12) for antitrafficking work.\n")
        .assert()
        .stdout("Narnia paid 1,000 som ($12) for anti-trafficking work.\n");
}

/// The rules of the two kinds of fix below.
const TWO_FIXES: &str = "escaped-markup,hyphenation";

/// A chapter needing fixes of two kinds: escaped markup (`\$`) and hyphenation.
fn chapter_needing_two_fixes() -> String {
    let mut text = String::from("Narnia (Tier 2)\n\n");
    for i in 0..40 {
        text.push_str(&format!(
            "In case {i}, Narnia paid 1,000 som (\\$12) for antitrafficking work.\n\n"
        ));
    }
    text
}

fn escapes_fixed(text: &str) -> bool {
    !text.contains("\\$")
}

fn hyphens_fixed(text: &str) -> bool {
    !text.contains("antitrafficking")
}

#[test]
fn parallel_fixes_never_lose_a_run_that_reported_success() {
    let dir = tempfile::tempdir().unwrap();
    let bin = assert_cmd::cargo::cargo_bin("tiplint");
    for round in 0..20 {
        let path = dir.path().join(format!("chapter{round}.txt"));
        fs::write(&path, chapter_needing_two_fixes()).unwrap();
        let spawn = |rule: &str| {
            std::process::Command::new(&bin)
                .args(["check", "--fix", "--select", rule])
                .arg(&path)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        };
        let escapes = spawn("escaped-markup");
        let hyphens = spawn("hyphenation");
        let escapes = escapes.wait_with_output().unwrap();
        let hyphens = hyphens.wait_with_output().unwrap();
        let fixed = fs::read_to_string(&path).unwrap();
        for (out, done, rule) in [
            (&escapes, escapes_fixed(&fixed), "escaped-markup"),
            (&hyphens, hyphens_fixed(&fixed), "hyphenation"),
        ] {
            let err = String::from_utf8_lossy(&out.stderr);
            match out.status.code() {
                Some(0) => assert!(
                    done,
                    "round {round}: the {rule} run reported success ({err}) but its fixes are lost"
                ),
                Some(2) => assert!(err.contains("changed on disk"), "round {round}: {err}"),
                other => panic!("round {round}: {rule} exited {other:?}: {err}"),
            }
        }
        assert!(
            escapes.status.success() || hyphens.status.success(),
            "round {round}: one of the two runs goes first and succeeds"
        );
    }
}

#[test]
fn fix_waits_for_a_lock_and_never_loses_the_edit_made_under_it() {
    use std::io::{Seek, Write};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("chapter.txt");
    fs::write(&path, chapter_needing_two_fixes()).unwrap();
    // An editor that locks the file, as tiplint does, while it saves its own change.
    let mut held = fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(&path)
        .unwrap();
    held.lock().unwrap();
    let mut run = std::process::Command::new(assert_cmd::cargo::cargo_bin("tiplint"))
        .args(["check", "--fix"])
        .arg(&path)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // It says when it starts waiting: read its standard error up to that line (no sleep).
    let mut stderr = std::io::BufReader::new(run.stderr.take().unwrap());
    let mut said = String::new();
    while !said.contains("waiting for another program's lock") {
        let mut line = String::new();
        if std::io::BufRead::read_line(&mut stderr, &mut line).unwrap() == 0 {
            break;
        }
        said.push_str(&line);
    }
    assert!(
        said.contains("waiting for another program's lock") && run.try_wait().unwrap().is_none(),
        "tiplint waits while another program holds the lock: {said}"
    );
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        chapter_needing_two_fixes(),
        "nothing is written under another program's lock"
    );
    let edited = chapter_needing_two_fixes().replace("paid", "spent");
    held.rewind().unwrap();
    held.write_all(edited.as_bytes()).unwrap();
    held.set_len(edited.len() as u64).unwrap();
    held.unlock().unwrap();
    let out = run.wait_with_output().unwrap();
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stderr, &mut rest).unwrap();
    let err = said + &rest;
    let after = fs::read_to_string(&path).unwrap();
    assert!(
        after.contains("spent") && !after.contains("paid"),
        "the edit is kept: {err}"
    );
    // It read the file before it waited (it said so), so the edit came after: it refuses.
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("changed on disk"), "{err}");
}

#[test]
fn fix_through_a_symbolic_link_fixes_its_target_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("real")).unwrap();
    let target = dir.path().join("real/chapter.txt");
    fs::write(&target, chapter_needing_two_fixes()).unwrap();
    let link = dir.path().join("link.txt");
    std::os::unix::fs::symlink("real/chapter.txt", &link).unwrap();
    tiplint()
        .current_dir(dir.path())
        .args(["check", "--fix", "--select", TWO_FIXES, "link.txt"])
        .assert()
        .code(0);
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        fs::read_link(&link).unwrap(),
        std::path::Path::new("real/chapter.txt")
    );
    let fixed = fs::read_to_string(&target).unwrap();
    assert!(escapes_fixed(&fixed) && hyphens_fixed(&fixed), "{fixed}");
    // Nothing else was left in either directory.
    let names = |d: &std::path::Path| {
        let mut v: Vec<String> = fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    };
    assert_eq!(names(dir.path()), ["link.txt", "real"]);
    assert_eq!(names(&dir.path().join("real")), ["chapter.txt"]);
}

#[test]
fn fix_keeps_hard_links() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    fs::write(&a, chapter_needing_two_fixes()).unwrap();
    fs::hard_link(&a, &b).unwrap();
    let inode = fs::metadata(&a).unwrap().ino();
    tiplint()
        .current_dir(dir.path())
        .args(["check", "--fix", "--select", TWO_FIXES, "a.txt"])
        .assert()
        .code(0);
    assert_eq!(fs::metadata(&a).unwrap().ino(), inode);
    assert_eq!(fs::metadata(&a).unwrap().nlink(), 2);
    let fixed = fs::read_to_string(&b).unwrap();
    assert!(escapes_fixed(&fixed) && hyphens_fixed(&fixed), "{fixed}");
}

#[test]
fn fix_keeps_the_owner_group_and_mode() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("chapter.txt");
    fs::write(&path, chapter_needing_two_fixes()).unwrap();
    // As root (as in CI), give the file to someone else; otherwise it stays ours.
    if fs::metadata(&path).unwrap().uid() == 0 {
        std::os::unix::fs::chown(&path, Some(4242), Some(4343)).unwrap();
    }
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    let before = fs::metadata(&path).unwrap();
    tiplint()
        .current_dir(dir.path())
        .args(["check", "--fix", "--select", TWO_FIXES, "chapter.txt"])
        .assert()
        .code(0);
    let after = fs::metadata(&path).unwrap();
    let fixed = fs::read_to_string(&path).unwrap();
    assert!(escapes_fixed(&fixed) && hyphens_fixed(&fixed), "{fixed}");
    assert_eq!(
        (after.uid(), after.gid(), after.mode() & 0o7777),
        (before.uid(), before.gid(), 0o640)
    );
}

#[test]
fn fix_refuses_a_read_only_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("chapter.txt");
    let text = chapter_needing_two_fixes();
    fs::write(&path, &text).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    tiplint()
        .current_dir(dir.path())
        .args(["check", "--fix", "--select", TWO_FIXES, "chapter.txt"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "chapter.txt: the file is read-only; not fixed",
        ));
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
}

/// An excerpt with a safe fix (`\$`), a fix that needs review (a currency written two ways), and
/// a finding with no fix (a sum that does not add up).
const MIXED: &str = "The government paid \\$12 each to 30 victims: 12 women and 15 men. It spent 4,000 som on shelters, 2,000 som on food and 1,000 soms on transport.\n";

fn json_findings(out: &[u8]) -> Vec<String> {
    let doc: serde_json::Value = serde_json::from_slice(out).expect("a JSON report");
    doc["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn fix_reports_the_findings_left_in_the_chosen_format() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("part.txt");
    fs::write(&path, MIXED).unwrap();
    for run in ["first", "second"] {
        let out = tiplint()
            .args(["check", "--fix", "--format", "json", path.to_str().unwrap()])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{run} run");
        let left = json_findings(&out.stdout);
        assert!(
            !left.contains(&"escaped-markup".to_string()),
            "{run}: {left:?}"
        );
        assert!(
            left.contains(&"sum-mismatch".to_string()),
            "{run}: {left:?}"
        );
        assert!(
            left.contains(&"currency-name".to_string()),
            "{run}: {left:?}"
        );
    }
    assert!(fs::read_to_string(&path).unwrap().contains("paid $12"));
    tiplint()
        .args([
            "check",
            "--fix",
            "--format",
            "short",
            path.to_str().unwrap(),
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("[sum-mismatch]"))
        .stderr(predicate::str::contains("nothing to fix"));
}

#[test]
fn fixes_that_need_review_are_applied_only_with_unsafe_fixes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("part.txt");
    // A capital among lower-case uses may be a name: its fix needs review, the hyphen's not.
    let text = format!(
        "{MIXED}The anti-trafficking unit met the antitrafficking police. The cyprus office, the cyprus desk and the Cyprus team met.\n"
    );
    fs::write(&path, &text).unwrap();
    tiplint()
        .args(["check", "--fix", path.to_str().unwrap()])
        .assert()
        .code(1);
    let safe = fs::read_to_string(&path).unwrap();
    assert!(safe.contains("1,000 soms"), "{safe}");
    assert!(safe.contains("the Cyprus team"), "{safe}");
    assert!(safe.contains("the anti-trafficking police"), "{safe}");
    tiplint()
        .args(["check", "--diff", "--unsafe-fixes", path.to_str().unwrap()])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("+").and(predicate::str::contains("1,000 som on")));
    tiplint()
        .args(["check", "--fix", "--unsafe-fixes", path.to_str().unwrap()])
        .assert()
        .code(1);
    let all = fs::read_to_string(&path).unwrap();
    assert!(all.contains("1,000 som on transport"), "{all}");
    assert!(all.contains("the cyprus team"), "{all}");
}

#[test]
fn fix_on_standard_input_reports_on_standard_error() {
    tiplint()
        .args(["check", "--fix", "--format", "short", "-"])
        .write_stdin(MIXED)
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with("The government paid $12 each"))
        .stdout(predicate::str::contains("[sum-mismatch]").not())
        .stderr(predicate::str::contains("[sum-mismatch]"));
}
