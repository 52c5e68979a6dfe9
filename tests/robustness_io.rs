//! Input and output that are not plain files and terminals: full devices, closed pipes, FIFOs,
//! endless devices, symbolic-link loops, a file named twice, an out-of-range edition. None of
//! them may panic, hang or lose output silently.

use assert_cmd::Command;
use assert_cmd::cargo::CommandCargoExt;
use predicates::prelude::*;
use serde_json::Value;
use std::fs;
use std::process::Stdio;

fn tiplint() -> Command {
    Command::cargo_bin("tiplint").unwrap()
}

/// The binary as a plain process, for tests that choose its standard streams.
fn tiplint_process() -> std::process::Command {
    std::process::Command::cargo_bin("tiplint").unwrap()
}

fn dev_full() -> Stdio {
    Stdio::from(
        fs::File::options()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full"),
    )
}

const CLEAN: &str = "tests/fixtures/clean-chapter.txt";
const PAGE_BREAK: &str = "tests/fixtures/page-break.txt";

#[test]
fn a_full_standard_error_does_not_panic() {
    // A missing input makes an error message, which cannot be written.
    let out = tiplint_process()
        .args(["check", "--format", "short", "no-such-chapter.txt"])
        .stdout(Stdio::null())
        .stderr(dev_full())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "exit 2, not a panic's 101");
    // The same through the other places that write to standard error.
    for args in [
        &["explain", "no-such-rule"][..],
        &["check", "--select", "no-such-rule", CLEAN],
        &["check", "--edition", "1066", CLEAN],
    ] {
        let out = tiplint_process()
            .args(args)
            .stdout(Stdio::null())
            .stderr(dev_full())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn a_report_that_cannot_be_written_is_an_error() {
    for format in ["short", "json", "github", "sarif", "human", "html"] {
        let out = tiplint_process()
            .args(["check", "--format", format, PAGE_BREAK])
            .stdout(dev_full())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{format}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.contains("cannot write") && err.contains("standard output"),
            "{format}: {err}"
        );
    }
    let out = tiplint_process()
        .args(["rules", "--format", "json"])
        .stdout(dev_full())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = tiplint_process()
        .arg("--help")
        .stdout(dev_full())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "help that cannot be printed");
}

#[test]
fn a_closed_pipe_stays_quiet() {
    let mut child = tiplint_process()
        .args(["rules", "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Close the reading end at once (`| head -c 0`).
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stderr).unwrap(), "");
}

#[test]
fn an_edition_must_be_a_plausible_year() {
    for edition in ["-2147483648", "2147483647", "0", "1899", "2101"] {
        tiplint()
            .args(["check", &format!("--edition={edition}"), CLEAN])
            .assert()
            .code(2)
            .stderr(
                predicate::str::contains("1900..=2100")
                    .and(predicate::str::contains("panicked").not()),
            );
    }
    tiplint()
        .args(["check", "--edition=2100", CLEAN])
        .assert()
        .code(0);
}

#[test]
fn a_fifo_is_refused_without_being_opened() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("chapter.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    // A writer that waits for a reader: if tiplint opened the FIFO it would read a chapter.
    let mut writer = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "exec cat {CLEAN} > '{}'",
            fifo.display().to_string().replace('\'', "'\\''")
        ))
        .spawn()
        .unwrap();
    let out = tiplint()
        .args(["check", "--format", "short"])
        .arg(&fifo)
        .arg(PAGE_BREAK)
        .output()
        .unwrap();
    let _ = writer.kill();
    let _ = writer.wait();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("chapter.txt") && err.contains("not a regular file") && err.contains("FIFO"),
        "{err}"
    );
    // The other input is still checked.
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("[broken-paragraph]")
    );
}

#[test]
fn an_endless_device_is_refused() {
    tiplint()
        .args(["check", "/dev/zero"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("/dev/zero").and(predicate::str::contains(
                "not a regular file (a character device)",
            )),
        );
    let out = tiplint_process()
        .args(["check", "--format", "short", "-"])
        .stdin(Stdio::from(fs::File::open("/dev/zero").unwrap()))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("<stdin>") && err.contains("256 MiB"), "{err}");
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    // Sparse: no disk space used.
    fs::File::create(&big)
        .unwrap()
        .set_len(256 * 1024 * 1024 + 1)
        .unwrap();
    tiplint()
        .args(["check", big.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("big.txt").and(predicate::str::contains(
                "268435457 bytes, more than the 256 MiB tiplint reads",
            )),
        );
}

#[test]
fn a_symbolic_link_loop_is_named_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("loop.txt");
    std::os::unix::fs::symlink(&link, &link).unwrap();
    let dangling = dir.path().join("dangling.txt");
    std::os::unix::fs::symlink(dir.path().join("gone.txt"), &dangling).unwrap();
    tiplint()
        .args(["check", link.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("loop.txt")
                .and(predicate::str::contains("symbolic links"))
                .and(predicate::str::contains("no such file").not()),
        );
    tiplint()
        .args(["check", dangling.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "dangling.txt: a symbolic link to a file that does not exist",
        ));
}

#[test]
fn an_executable_is_binary_not_utf16() {
    tiplint()
        .args(["check", "/bin/ls"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("binary file").and(predicate::str::contains("UTF-16").not()),
        );
}

#[test]
fn a_file_named_twice_is_checked_once() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(PAGE_BREAK, dir.path().join("chapter.txt")).unwrap();
    fs::create_dir(dir.path().join("sub")).unwrap();
    let out = tiplint()
        .current_dir(dir.path())
        .args([
            "check",
            "--format",
            "json",
            "chapter.txt",
            "./chapter.txt",
            "sub/../chapter.txt",
            ".",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let files = doc["files"].as_array().unwrap();
    assert_eq!(files.len(), 1, "{doc}");
    assert_eq!(files[0]["path"], "chapter.txt", "the first name is kept");
    assert_eq!(doc["summary"]["files"], 1);
    // --fix on a file named twice fixes it once and succeeds.
    tiplint()
        .current_dir(dir.path())
        .args(["check", "--fix", "chapter.txt", "chapter.txt"])
        .assert()
        .code(0);
}

#[test]
fn unreadable_inputs_count_in_every_summary() {
    let args = |format: &str| {
        tiplint()
            .args(["check", "--format", format, "missing.txt", PAGE_BREAK])
            .output()
            .unwrap()
    };
    let out = args("json");
    assert_eq!(out.status.code(), Some(2));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["summary"]["unreadable"], 1);
    assert_eq!(doc["summary"]["files"], 2);
    assert_eq!(
        doc["summary"]["errors"], 1,
        "the unreadable input is an error; the page-break fixture has only warnings: {}",
        doc["summary"]
    );

    let out = args("sarif");
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let invocation = &doc["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let note = &invocation["toolExecutionNotifications"][0];
    assert_eq!(note["level"], "error");
    assert!(
        note["message"]["text"]
            .as_str()
            .unwrap()
            .contains("no such file or directory")
    );
    assert_eq!(
        note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "missing.txt"
    );
    // Readable inputs only: no invocation record, as before.
    let out = tiplint()
        .args(["check", "--format", "sarif", PAGE_BREAK])
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(doc["runs"][0].get("invocations").is_none());

    let out = args("github");
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("::error file=missing.txt,title=input::no such file or directory")
    );
}
