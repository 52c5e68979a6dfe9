//! Rules written by users in TOML: existence and substitution, and their errors.

use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;

fn tiplint() -> Command {
    Command::cargo_bin("tiplint").unwrap()
}

const RULES: &str = r#"
[[rule]]
name = "no-vague-numbers"
code = "HOUSE1"
kind = "existence"
severity = "warning"
summary = "Vague quantities"
[rule.options]
patterns = ["a number of", "numerous"]
message = "say how many instead of `{match}`"

[[rule]]
name = "prostitution-wording"
code = "HOUSE2"
kind = "substitution"
severity = "error"
fix = "safe"
summary = "House wording"
[rule.options]
swap = [{ from = "prostitution", to = "commercial sex" }, { from = "victim-centred", to = "victim-centered" }]

[[rule]]
name = "law-number"
code = "HOUSE3"
kind = "substitution"
severity = "info"
fix = "safe"
summary = "Law numbers are written No."
[rule.options]
regex = true
case_sensitive = true
swap = [{ from = 'Law #(\d+)', to = 'Law No. $1' }]
"#;

#[test]
fn existence_and_substitution_rules_with_messages_and_fixes() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("house.toml"), RULES).unwrap();
    fs::write(
        dir.path().join("c.txt"),
        "Numerous victims were exploited in Prostitution under Law #12; a victim-centred approach helped.\n",
    )
    .unwrap();
    let out = tiplint()
        .current_dir(dir.path())
        .args([
            "--rule-file",
            "house.toml",
            "check",
            "--format",
            "short",
            "--select",
            "HOUSE1,HOUSE2,HOUSE3",
            "c.txt",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("c.txt:1:1: warning: say how many instead of `Numerous` [no-vague-numbers]"),
        "{text}"
    );
    assert!(
        text.contains(
            "error: write `commercial sex` instead of `Prostitution` [prostitution-wording]"
        ),
        "{text}"
    );
    assert!(
        text.contains("info: write `Law No. 12` instead of `Law #12` [law-number]"),
        "{text}"
    );
    tiplint()
        .current_dir(dir.path())
        .args([
            "--rule-file",
            "house.toml",
            "check",
            "--fix",
            "--select",
            "HOUSE2,HOUSE3",
            "c.txt",
        ])
        .assert()
        .code(0);
    assert_eq!(
        fs::read_to_string(dir.path().join("c.txt")).unwrap(),
        "Numerous victims were exploited in commercial sex under Law No. 12; a victim-centered approach helped.\n"
    );
}

#[test]
fn a_bad_pattern_is_an_error_naming_the_file_and_rule() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("bad.toml"),
        RULES.replace(r"Law #(\d+)", r"Law #(\d+"),
    )
    .unwrap();
    tiplint()
        .current_dir(dir.path())
        .args(["--rule-file", "bad.toml", "rules"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("bad.toml").and(predicate::str::contains(
                "rule `law-number`: invalid pattern",
            )),
        );
}
