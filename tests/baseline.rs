//! Baselines survive edits elsewhere in the file and hide only what they recorded.

use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;

fn tiplint() -> Command {
    Command::cargo_bin("tiplint").unwrap()
}

#[test]
fn a_baseline_survives_an_inserted_paragraph_and_lets_new_findings_through() {
    let dir = tempfile::tempdir().unwrap();
    let chapter = dir.path().join("k.txt");
    fs::copy("samples/kyrgyz-republic-2023.txt", &chapter).unwrap();
    tiplint()
        .current_dir(dir.path())
        .args(["check", "--write-baseline", "base.json", "k.txt"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains("wrote 15 finding(s)"));
    let text = fs::read_to_string(&chapter).unwrap().replacen(
        "PROSECUTION\n\n",
        "PROSECUTION\n\nAn editor inserted this paragraph, with its own debris (\\$5).\n\n",
        1,
    );
    fs::write(&chapter, text).unwrap();
    let out = tiplint()
        .current_dir(dir.path())
        .args([
            "check",
            "--format",
            "json",
            "--baseline",
            "base.json",
            "k.txt",
        ])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let diags = doc["files"][0]["diagnostics"].as_array().unwrap();
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(diags[0]["line"], 11);
    assert_eq!(diags[0]["rule"], "escaped-markup");
    assert_eq!(doc["summary"]["baselined"], 15);
}

#[test]
fn a_bad_baseline_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("base.json"), "{\"version\": 1}").unwrap();
    tiplint()
        .args([
            "check",
            "--baseline",
            dir.path().join("base.json").to_str().unwrap(),
            "samples/kyrgyz-republic-2023.txt",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a tiplint baseline"));
}

#[test]
fn a_baseline_of_another_version_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("base.json"),
        "{\"version\": 2, \"findings\": []}",
    )
    .unwrap();
    let sample = std::env::current_dir()
        .unwrap()
        .join("samples/kyrgyz-republic-2023.txt");
    tiplint()
        .current_dir(dir.path())
        .args(["check", "--baseline", "base.json"])
        .arg(&sample)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "base.json: baseline version 2; this tiplint reads version 1",
        ));
}

#[test]
fn a_baseline_never_overwrites_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let chapter = dir.path().join("k.txt");
    fs::copy("samples/kyrgyz-republic-2023.txt", &chapter).unwrap();
    let text = fs::read(&chapter).unwrap();
    for baseline in ["k.txt", "./k.txt", "."] {
        let inputs: &[&str] = if baseline == "." { &["."] } else { &["k.txt"] };
        let target = if baseline == "." { "k.txt" } else { baseline };
        tiplint()
            .current_dir(dir.path())
            .args(["check", "--write-baseline", target])
            .args(inputs)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(
                "is one of the inputs; not written",
            ));
        assert_eq!(fs::read(&chapter).unwrap(), text);
    }
}

#[test]
fn a_baseline_that_cannot_be_written_whole_leaves_the_old_one() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy("samples/kyrgyz-republic-2023.txt", dir.path().join("k.txt")).unwrap();
    tiplint()
        .current_dir(dir.path())
        .args(["check", "--write-baseline", "base.json", "k.txt"])
        .assert()
        .code(0);
    let old = fs::read(dir.path().join("base.json")).unwrap();
    assert!(
        old.len() > 1024,
        "the baseline is larger than the limit below"
    );
    // Simulate a full disk: files may not grow past 512 bytes (and the signal that would end the
    // process is ignored, so the write fails with an error instead).
    let bin = assert_cmd::cargo::cargo_bin("tiplint");
    let out = std::process::Command::new("sh")
        .current_dir(dir.path())
        .arg("-c")
        .arg("ulimit -f 1; trap '' XFSZ; exec \"$0\" check --write-baseline base.json k.txt")
        .arg(&bin)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("cannot write the baseline"),
        "{out:?}"
    );
    assert_eq!(fs::read(dir.path().join("base.json")).unwrap(), old);
    // No temporary file is left behind.
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2);
}

/// The number of findings a baseline hid, from the JSON summary.
fn hidden(dir: &std::path::Path, baseline: &str, input: &str) -> (u64, usize) {
    let out = tiplint()
        .current_dir(dir)
        .args(["check", "--format", "json", "--baseline", baseline, input])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    (
        doc["summary"]["baselined"].as_u64().unwrap(),
        doc["files"][0]["diagnostics"].as_array().unwrap().len(),
    )
}

#[test]
fn a_baseline_hides_the_same_findings_whatever_the_path_is_called_and_wherever_it_runs() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("bl")).unwrap();
    fs::create_dir_all(root.join("ci/job")).unwrap();
    fs::write(
        root.join("bl/ch.txt"),
        "Narnia (Tier 2)\n\nThe government paid \\$12 to the the victims.\n",
    )
    .unwrap();
    tiplint()
        .current_dir(root)
        .args(["check", "--write-baseline", "bl/base.json", "bl/ch.txt"])
        .assert()
        .code(0);
    let written: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(root.join("bl/base.json")).unwrap()).unwrap();
    let recorded = written["findings"].as_array().unwrap();
    let n = recorded.len() as u64;
    assert!(n >= 3, "{written:#}");
    // Recorded relative to the baseline's directory.
    assert!(
        recorded.iter().all(|e| e["path"] == "ch.txt"),
        "{written:#}"
    );
    let abs_input = root.join("bl/ch.txt");
    let abs_base = root.join("bl/base.json");
    for (cwd, baseline, input) in [
        (root.to_path_buf(), "bl/base.json", "./bl/ch.txt"),
        (root.to_path_buf(), "./bl/base.json", "bl//ch.txt"),
        (
            root.to_path_buf(),
            "bl/base.json",
            abs_input.to_str().unwrap(),
        ),
        (root.join("bl"), "base.json", "ch.txt"),
        (root.join("ci/job"), "../../bl/base.json", "../../bl/ch.txt"),
        (
            root.join("ci/job"),
            abs_base.to_str().unwrap(),
            "../../ci/../bl/ch.txt",
        ),
    ] {
        assert_eq!(
            hidden(&cwd, baseline, input),
            (n, 0),
            "from {cwd:?}: --baseline {baseline} {input}"
        );
    }
    // Written from another directory, under another spelling: the same baseline.
    tiplint()
        .current_dir(root.join("ci/job"))
        .args([
            "check",
            "--write-baseline",
            abs_base.to_str().unwrap(),
            "../../bl/./ch.txt",
        ])
        .assert()
        .code(0);
    let again: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(root.join("bl/base.json")).unwrap()).unwrap();
    assert_eq!(again, written);
    // A baseline that recorded `./ch.txt` (as typed, by an older tiplint) still matches.
    let typed = fs::read_to_string(root.join("bl/base.json"))
        .unwrap()
        .replace("\"ch.txt\"", "\"./ch.txt\"");
    fs::write(root.join("bl/typed.json"), typed).unwrap();
    assert_eq!(hidden(root, "bl/typed.json", "bl/ch.txt"), (n, 0));
}
