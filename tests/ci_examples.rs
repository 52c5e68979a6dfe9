//! The pre-commit hook (.pre-commit-hooks.yaml) and the GitHub Actions examples (docs/ci/):
//! each is parsed, and the tiplint command it runs is run as written on invented chapters.

use assert_cmd::Command;
use serde_norway::Value as Yaml;
use std::fs;
use std::path::Path;

fn yaml(path: &str) -> Yaml {
    let text = fs::read_to_string(path).unwrap();
    serde_norway::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn str_of<'y>(v: &'y Yaml, key: &str) -> &'y str {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("`{key}` is not a string in {v:?}"))
}

/// Invented chapter text: a clean chapter and a breakdown that does not add up.
const SUM_ERROR: &str = "NGOs identified 40 victims – 12 sex trafficking victims, 25 forced labor victims, and one boy exploited in begging.\n";

/// A directory holding `chapters/` with a clean chapter, a Markdown file and a sum error.
fn chapters() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let chapters = dir.path().join("chapters");
    fs::create_dir(&chapters).unwrap();
    for name in ["clean-chapter.txt", "two-chapters.md"] {
        fs::copy(Path::new("tests/fixtures").join(name), chapters.join(name)).unwrap();
    }
    fs::write(chapters.join("excerpt.txt"), SUM_ERROR).unwrap();
    dir
}

/// A command line without quotes or shell syntax, as the examples write them, split into words.
fn words(line: &str) -> Vec<&str> {
    assert!(
        !line.contains(['"', '\'', '$', '|', '>', '<', ';', '&', '\n']),
        "not a plain command: {line}"
    );
    line.split_whitespace().collect()
}

/// The `run` of the workflow's one step that runs `tiplint check`, and the steps.
fn tiplint_step(workflow: &Yaml) -> (&str, &Vec<Yaml>) {
    let jobs = workflow["jobs"].as_mapping().expect("jobs");
    assert_eq!(jobs.len(), 1);
    let steps = jobs.values().next().unwrap()["steps"]
        .as_sequence()
        .expect("steps");
    let runs: Vec<&str> = steps
        .iter()
        .filter_map(|s| s["run"].as_str())
        .filter(|r| r.trim_start().starts_with("tiplint "))
        .collect();
    assert_eq!(runs.len(), 1, "{runs:?}");
    // tiplint is installed before it runs.
    let install = steps
        .iter()
        .position(|s| {
            s["run"]
                .as_str()
                .is_some_and(|r| r.contains("cargo install"))
        })
        .expect("an install step");
    let check = steps
        .iter()
        .position(|s| s["run"].as_str() == Some(runs[0]))
        .unwrap();
    assert!(install < check);
    (runs[0].trim(), steps)
}

/// Runs `line` (which starts with `tiplint`) in `dir`.
fn run(dir: &Path, line: &str, extra: &[&str]) -> std::process::Output {
    let words = words(line);
    assert_eq!(words[0], "tiplint");
    Command::cargo_bin("tiplint")
        .unwrap()
        .current_dir(dir)
        .args(&words[1..])
        .args(extra)
        .output()
        .unwrap()
}

#[test]
fn the_sarif_workflow_writes_the_file_it_uploads() {
    let workflow = yaml("docs/ci/tiplint-sarif.yml");
    assert!(workflow["on"].is_mapping(), "`on` is read as a key");
    assert_eq!(workflow["permissions"]["security-events"], "write");
    let (line, steps) = tiplint_step(&workflow);
    let upload = steps
        .iter()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("github/codeql-action/upload-sarif@"))
        })
        .expect("an upload-sarif step");
    // Uploaded also when the check failed.
    assert_eq!(str_of(upload, "if"), "always()");
    let sarif_file = str_of(&upload["with"], "sarif_file");

    let dir = chapters();
    let out = run(dir.path(), line, &[]);
    assert_eq!(out.status.code(), Some(1), "the sum error fails the job");
    let sarif: serde_json::Value =
        serde_json::from_slice(&fs::read(dir.path().join(sarif_file)).unwrap())
            .expect("the uploaded file is JSON");
    assert_eq!(sarif["version"], "2.1.0");
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(results.iter().any(|r| r["ruleId"] == "sum-mismatch"
        && r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            == "chapters/excerpt.txt"));
}

#[test]
fn the_annotations_workflow_prints_workflow_commands() {
    let workflow = yaml("docs/ci/tiplint-annotations.yml");
    assert!(workflow["on"].is_mapping(), "`on` is read as a key");
    let (line, _) = tiplint_step(&workflow);
    let dir = chapters();
    let out = run(dir.path(), line, &[]);
    assert_eq!(out.status.code(), Some(1), "the sum error fails the job");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(!stdout.is_empty());
    for l in stdout.lines() {
        assert!(
            l.starts_with("::error ") || l.starts_with("::warning ") || l.starts_with("::notice "),
            "not a workflow command: {l}"
        );
    }
    assert!(
        stdout.lines().any(
            |l| l.starts_with("::error file=chapters/excerpt.txt,line=1,")
                && l.contains("title=sum-mismatch::")
        ),
        "{stdout}"
    );
}

#[test]
fn the_pre_commit_hook_checks_the_staged_chapters() {
    let hooks = yaml(".pre-commit-hooks.yaml");
    let hooks = hooks.as_sequence().expect("a list of hooks");
    assert_eq!(hooks.len(), 1);
    let hook = &hooks[0];
    assert_eq!(str_of(hook, "id"), "tiplint");
    assert!(!str_of(hook, "name").is_empty());
    // pre-commit's `rust` language installs the repository's crate with cargo: its binary must be
    // the command the entry names.
    assert_eq!(str_of(hook, "language"), "rust");
    let cargo: toml::Table = toml::from_str(&fs::read_to_string("Cargo.toml").unwrap()).unwrap();
    let entry = str_of(hook, "entry");
    assert_eq!(
        cargo["bin"][0]["name"].as_str(),
        words(entry).first().copied()
    );

    // pre-commit passes the names of the staged files `files` (a Python regex, searched) matches.
    let files = regex::Regex::new(str_of(hook, "files")).unwrap();
    let staged = [
        "chapters/clean-chapter.txt",
        "chapters/two-chapters.md",
        "chapters/excerpt.txt",
        "src/main.rs",
        "Cargo.toml",
        "notes.txt.bak",
    ];
    let passed: Vec<&str> = staged
        .iter()
        .copied()
        .filter(|f| files.is_match(f))
        .collect();
    assert_eq!(passed, &staged[..3]);
    assert_eq!(
        hook["types"].as_sequence().map(|t| t.len()),
        Some(1),
        "{hook:?}"
    );
    assert_eq!(hook["types"][0], "text");

    let dir = chapters();
    let out = run(dir.path(), entry, &passed);
    assert_eq!(out.status.code(), Some(1), "the sum error fails the commit");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout
            .lines()
            .any(|l| l.starts_with("chapters/excerpt.txt:1:") && l.ends_with("[sum-mismatch]")),
        "{stdout}"
    );
    // The clean files alone pass.
    let out = run(dir.path(), entry, &passed[..2]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
}
