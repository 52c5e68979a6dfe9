//! `tiplint.toml`: discovered from the working directory, or given with --config.

use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;

fn tiplint() -> Command {
    Command::cargo_bin("tiplint").unwrap()
}

fn project(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("tiplint.toml"), config).unwrap();
    fs::create_dir(dir.path().join("chapters")).unwrap();
    fs::copy(
        "samples/kyrgyz-republic-2023.txt",
        dir.path().join("chapters/kg.txt"),
    )
    .unwrap();
    dir
}

#[test]
fn settings_from_the_discovered_file_apply_and_the_command_line_wins() {
    let dir = project(
        "edition = 2023\nselect = [\"escaped-markup\"]\n\n[severity]\nescaped-markup = \"error\"\n",
    );
    let sub = dir.path().join("chapters");
    tiplint()
        .current_dir(&sub)
        .args(["check", "--format", "short", "kg.txt"])
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains("error: escaped `$`")
                .and(predicate::str::contains("[broken-paragraph]").not()),
        );
    tiplint()
        .current_dir(&sub)
        .args([
            "check",
            "--format",
            "short",
            "--select",
            "broken-paragraph",
            "kg.txt",
        ])
        .assert()
        .code(0)
        .stdout(
            predicate::str::contains("[broken-paragraph]")
                .and(predicate::str::contains("escaped").not()),
        );
}

#[test]
fn extra_rule_files_add_house_rules() {
    let dir = project("rule_files = [\"house.toml\"]\n");
    fs::write(
        dir.path().join("house.toml"),
        r#"[[rule]]
name = "house-names"
code = "TL990"
kind = "outdated-name"
severity = "warning"
fix = "safe"
summary = "Names the house style writes otherwise"
doc = "Our style writes the Kyrgyz Republic in full; this list holds the forms we replace, for every chapter we edit, whatever the edition."

[rule.options]
names = [{ old = "Kirghizia", new = "Kyrgyz Republic" }]

[rule.examples]
must_flag = ["Victims from Kirghizia were identified.\n"]
must_not_flag = ["Victims from the Kyrgyz Republic were identified.\n"]
"#,
    )
    .unwrap();
    fs::write(
        dir.path().join("chapters/kg.txt"),
        "Traffickers exploited victims from Kirghizia.\n",
    )
    .unwrap();
    tiplint()
        .current_dir(dir.path())
        .args([
            "check",
            "--format",
            "short",
            "--select",
            "house-names",
            "chapters/kg.txt",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "`Kirghizia` is now `Kyrgyz Republic` [house-names]",
        ));
}

#[test]
fn unknown_keys_and_unknown_rules_are_errors_that_name_them() {
    let dir = project("edition = 2023\nfail_fast = true\n");
    tiplint()
        .current_dir(dir.path())
        .args(["check", "chapters/kg.txt"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("tiplint.toml:2:1").and(predicate::str::contains("fail_fast")),
        );
    let dir = project("[severity]\nno-such-rule = \"info\"\n");
    tiplint()
        .current_dir(dir.path())
        .args(["check", "chapters/kg.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown rule `no-such-rule`"));
    let dir = project("ignore = [\"TL999\"]\n");
    tiplint()
        .current_dir(dir.path())
        .args(["check", "chapters/kg.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown rule `TL999`"));
    let elsewhere = tempfile::tempdir().unwrap();
    tiplint()
        .current_dir(elsewhere.path())
        .args([
            "--config",
            dir.path().join("tiplint.toml").to_str().unwrap(),
            "rules",
        ])
        .assert()
        .code(0);
}
