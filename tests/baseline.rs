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
