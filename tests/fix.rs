//! `--fix` and `--diff` on a copy of the sample.

use assert_cmd::Command;
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
