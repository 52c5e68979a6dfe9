//! What is expected of a linter's command line: --statistics, --quiet, --output-file,
//! completions.

use assert_cmd::Command;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fs;

fn tiplint() -> Command {
    Command::cargo_bin("tiplint").unwrap()
}

const SAMPLE: &str = "samples/kyrgyz-republic-2023.txt";

/// How many findings of each rule the JSON report of the sample holds.
fn counts_in_the_report() -> BTreeMap<String, u64> {
    let out = tiplint()
        .args(["check", "--format", "json", SAMPLE])
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut counts = BTreeMap::new();
    for d in doc["files"][0]["diagnostics"].as_array().unwrap() {
        *counts
            .entry(d["rule"].as_str().unwrap().to_string())
            .or_insert(0) += 1;
    }
    counts
}

#[test]
fn statistics_count_the_findings_of_each_rule() {
    let expected = counts_in_the_report();
    assert!(expected.len() >= 2, "{expected:?}");
    let out = tiplint()
        .args(["check", "--statistics", "--format", "json", SAMPLE])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let list: Value = serde_json::from_slice(&out.stdout).unwrap();
    let got: BTreeMap<String, u64> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["name"].as_str().unwrap().to_string(),
                e["count"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(got, expected);
    let firsts: Vec<u64> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["count"].as_u64().unwrap())
        .collect();
    assert!(
        firsts.windows(2).all(|w| w[0] >= w[1]),
        "most frequent first"
    );

    // As text: one aligned line a rule, count first.
    let out = tiplint()
        .args(["check", "--statistics", SAMPLE])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), expected.len(), "{text}");
    for line in text.lines() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(
            expected[fields[2]].to_string(),
            fields[0],
            "{line} in\n{text}"
        );
        assert!(fields[1].starts_with("TL"), "{line}");
    }
    let name_columns: Vec<usize> = text
        .lines()
        .map(|l| l.find(l.split_whitespace().nth(2).unwrap()).unwrap())
        .collect();
    assert!(name_columns.windows(2).all(|w| w[0] == w[1]), "{text}");
}

#[test]
fn quiet_prints_the_findings_only() {
    let out = tiplint()
        .args(["check", "--quiet", "--format", "short", SAMPLE])
        .output()
        .unwrap();
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let loud = tiplint()
        .args(["check", "--format", "short", SAMPLE])
        .output()
        .unwrap();
    assert_eq!(out.stdout, loud.stdout);
    assert!(!loud.stderr.is_empty(), "the summary, without --quiet");

    let out = tiplint()
        .args([
            "check", "-q", "--format", "human", "--color", "never", SAMPLE,
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("broken-paragraph"), "{text}");
    assert!(
        !text.contains("coverage:") && !text.contains("checks:"),
        "{text}"
    );

    // Errors are still said.
    let out = tiplint()
        .args(["check", "-q", "missing.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("missing.txt")
    );
}

#[test]
fn output_file_holds_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.json");
    let out = tiplint()
        .args(["check", "--format", "json", "--output-file"])
        .arg(&report)
        .arg(SAMPLE)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    let direct = tiplint()
        .args(["check", "--format", "json", SAMPLE])
        .output()
        .unwrap();
    assert_eq!(fs::read(&report).unwrap(), direct.stdout);

    // Without --format, a file gets the short format, uncoloured.
    let short = dir.path().join("report.txt");
    tiplint()
        .args(["check", "-o"])
        .arg(&short)
        .arg(SAMPLE)
        .assert()
        .code(0);
    let text = fs::read_to_string(&short).unwrap();
    assert!(text.starts_with(&format!("{SAMPLE}:")), "{text}");
    assert!(!text.contains('\u{1b}'));

    // A report that cannot be written is an error.
    let out = tiplint()
        .args(["check", "-o"])
        .arg(dir.path().join("no/such/dir/r.txt"))
        .arg(SAMPLE)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("cannot write the report")
    );
}

#[test]
fn completions_are_generated_for_each_shell() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = tiplint().args(["completions", shell]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = String::from_utf8(out.stdout).unwrap();
        // Every option of `check`, including the newest, is offered.
        for option in ["extend-select", "statistics", "output-file", "unsafe-fixes"] {
            assert!(script.contains(option), "{shell}: no {option}");
        }
    }
    // A broken configuration does not stop it.
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("tiplint.toml"), "nonsense = 1\n").unwrap();
    tiplint()
        .current_dir(dir.path())
        .args(["completions", "bash"])
        .assert()
        .code(0);
    tiplint().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn bash_completion_script_is_valid_bash() {
    let out = tiplint().args(["completions", "bash"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("complete -F _tiplint"),
        "a completion function registered for tiplint"
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("tiplint.bash");
    fs::write(&file, &out.stdout).unwrap();
    let status = std::process::Command::new("bash")
        .arg("-n")
        .arg(&file)
        .status()
        .unwrap();
    assert!(status.success());
}
