//! Excerpts (DESIGN §2): a text without a chapter heading is checked as part of a chapter, with
//! one `info` saying so; `--chapter` forces the full check; `[per-file-ignores]` turns rules off
//! by glob; `exclude`/`extend-exclude` keep files out of a directory walk.

use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;
use std::path::Path;

fn tiplint() -> Command {
    Command::cargo_bin("tiplint").unwrap()
}

/// One section of an invented chapter, without its heading.
const SECTION: &str = "PROSECUTION\n\nThe government of Narnia convicted 14 traffickers, compared with nine the previous year.\n";

/// A passage cut off mid-sentence, without a heading or a section label.
const PASSAGE: &str =
    "The government of Narnia identified 23 victims and referred them to shelters run by";

/// (rule, severity) of every finding of a JSON report, per file path.
fn findings(out: &[u8]) -> Vec<(String, String, String)> {
    let doc: serde_json::Value = serde_json::from_slice(out).expect("a JSON report");
    let mut all = Vec::new();
    for f in doc["files"].as_array().unwrap() {
        for d in f["diagnostics"].as_array().unwrap() {
            all.push((
                f["path"].as_str().unwrap().to_string(),
                d["rule"].as_str().unwrap().to_string(),
                d["severity"].as_str().unwrap().to_string(),
            ));
        }
    }
    all
}

fn json_report(dir: &Path, args: &[&str]) -> (Vec<(String, String, String)>, i32) {
    let out = tiplint()
        .current_dir(dir)
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    (findings(&out.stdout), out.status.code().unwrap())
}

fn rules_of(found: &[(String, String, String)], path: &str) -> Vec<String> {
    found
        .iter()
        .filter(|(p, _, _)| p == path)
        .map(|(_, r, _)| r.clone())
        .collect()
}

#[test]
fn a_section_without_a_heading_is_one_info_not_six_errors() {
    for text in [SECTION, PASSAGE] {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("part.txt"), text).unwrap();
        let (found, code) = json_report(dir.path(), &["part.txt"]);
        assert_eq!(code, 0, "{found:?}");
        let excerpt: Vec<_> = found.iter().filter(|(_, r, _)| r == "excerpt").collect();
        assert_eq!(excerpt.len(), 1, "{found:?}");
        assert_eq!(excerpt[0].2, "info");
        for (_, rule, _) in &found {
            assert!(
                !matches!(
                    rule.as_str(),
                    "missing-section" | "heading-malformed" | "section-order"
                ),
                "{text:?}: {found:?}"
            );
        }
    }
}

#[test]
fn the_other_rules_still_run_on_an_excerpt() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("part.txt"),
        "PROTECTION\n\nThe government paid \\$12 to each of the the victims.\n",
    )
    .unwrap();
    let (found, _) = json_report(dir.path(), &["part.txt"]);
    let rules = rules_of(&found, "part.txt");
    assert!(rules.contains(&"escaped-markup".to_string()), "{rules:?}");
    assert!(rules.contains(&"repeated-word".to_string()), "{rules:?}");
}

#[test]
fn chapter_forces_the_full_check_and_a_heading_makes_a_chapter() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("part.txt"), SECTION).unwrap();
    fs::write(
        dir.path().join("whole.txt"),
        format!("Narnia (Tier 2)\n\n{SECTION}"),
    )
    .unwrap();
    let (found, code) = json_report(dir.path(), &["--chapter", "part.txt"]);
    assert_eq!(code, 1);
    let rules = rules_of(&found, "part.txt");
    assert!(
        rules.contains(&"heading-malformed".to_string()),
        "{rules:?}"
    );
    assert_eq!(
        rules.iter().filter(|r| *r == "missing-section").count(),
        5,
        "{rules:?}"
    );
    assert!(!rules.contains(&"excerpt".to_string()), "{rules:?}");
    // A file with a heading is a chapter, checked in full without --chapter.
    let (found, code) = json_report(dir.path(), &["whole.txt"]);
    assert_eq!(code, 1);
    let rules = rules_of(&found, "whole.txt");
    assert!(rules.contains(&"missing-section".to_string()), "{rules:?}");
    assert!(!rules.contains(&"excerpt".to_string()), "{rules:?}");
}

#[test]
fn per_file_ignores_turn_rules_off_by_glob() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("tiplint.toml"),
        "[per-file-ignores]\n\"parts/*.txt\" = [\"excerpt\"]\n\"notes.md\" = [\"TL309\"]\n\"!parts/**\" = [\"escaped-markup\"]\n",
    )
    .unwrap();
    fs::create_dir_all(dir.path().join("parts/sub")).unwrap();
    let text = "The government paid \\$12 to each of the the victims.\n";
    for f in ["parts/a.txt", "b.txt", "parts/sub/notes.md"] {
        fs::write(dir.path().join(f), text).unwrap();
    }
    let (found, _) = json_report(dir.path(), &["."]);
    let a = rules_of(&found, "./parts/a.txt");
    let b = rules_of(&found, "./b.txt");
    let notes = rules_of(&found, "./parts/sub/notes.md");
    // `parts/*.txt` is read from the configuration's directory; `notes.md`, a file name, matches
    // in any directory; `!parts/**` matches the files outside `parts`.
    assert!(!a.contains(&"excerpt".to_string()), "{a:?}");
    assert!(a.contains(&"escaped-markup".to_string()), "{a:?}");
    assert!(b.contains(&"excerpt".to_string()), "{b:?}");
    assert!(!b.contains(&"escaped-markup".to_string()), "{b:?}");
    assert!(!notes.contains(&"repeated-word".to_string()), "{notes:?}");
    assert!(notes.contains(&"excerpt".to_string()), "{notes:?}");
    // The same from a subdirectory: the globs stay anchored at the configuration.
    let (found, _) = json_report(&dir.path().join("parts"), &["a.txt"]);
    assert!(!rules_of(&found, "a.txt").contains(&"excerpt".to_string()));
}

#[test]
fn an_unknown_rule_or_a_bad_glob_in_per_file_ignores_names_the_file() {
    for config in [
        "[per-file-ignores]\n\"*.txt\" = [\"no-such-rule\"]\n",
        "[per-file-ignores]\n\"[*.txt\" = [\"excerpt\"]\n",
        "extend-exclude = [\"[docs\"]\n",
    ] {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("tiplint.toml"), config).unwrap();
        fs::write(dir.path().join("a.txt"), SECTION).unwrap();
        tiplint()
            .current_dir(dir.path())
            .args(["check", "a.txt"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("tiplint.toml"));
    }
}

/// A project holding a chapter, its README, its rule docs and a vendored directory.
fn project(config: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    if let Some(c) = config {
        fs::write(dir.path().join("tiplint.toml"), c).unwrap();
    }
    for (f, text) in [
        ("chapters/narnia.txt", SECTION),
        ("README.md", "# Our chapters\n\nRun the the checker.\n"),
        ("docs/rules.md", "# Rules\n\nSome rules.\n"),
        ("node_modules/pkg/README.md", "# A package\n"),
    ] {
        let p = dir.path().join(f);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, text).unwrap();
    }
    dir
}

fn walked(dir: &Path, args: &[&str]) -> Vec<String> {
    let out = tiplint()
        .current_dir(dir)
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    doc["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn exclude_and_extend_exclude_keep_files_out_of_a_directory_walk() {
    // No configuration: every text file but the default exclusions (node_modules).
    let dir = project(None);
    assert_eq!(
        walked(dir.path(), &["."]),
        ["./README.md", "./chapters/narnia.txt", "./docs/rules.md"]
    );
    // extend-exclude adds to the defaults: a file name anywhere, a directory, a path.
    let dir = project(Some("extend-exclude = [\"README.md\", \"docs\"]\n"));
    assert_eq!(walked(dir.path(), &["."]), ["./chapters/narnia.txt"]);
    let dir = project(Some("extend-exclude = [\"docs/rules.md\"]\n"));
    assert_eq!(
        walked(dir.path(), &["."]),
        ["./README.md", "./chapters/narnia.txt"]
    );
    // exclude replaces the defaults.
    let dir = project(Some("exclude = [\"*.md\"]\n"));
    assert_eq!(walked(dir.path(), &["."]), ["./chapters/narnia.txt"]);
    let dir = project(Some("exclude = []\n"));
    assert_eq!(walked(dir.path(), &["."]).len(), 4);
    // A file named on the command line is checked whatever the exclusions say.
    let dir = project(Some("extend-exclude = [\"README.md\"]\n"));
    assert_eq!(walked(dir.path(), &["README.md"]), ["README.md"]);
    // The globs are read from the configuration's directory, wherever tiplint runs.
    let dir = project(Some("extend-exclude = [\"docs/rules.md\"]\n"));
    assert_eq!(
        walked(&dir.path().join("docs"), &[".."]),
        ["../README.md", "../chapters/narnia.txt"]
    );
}
