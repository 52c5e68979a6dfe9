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

/// A project holding one chapter text and the given configuration.
fn project_with(config: &str, chapter: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("tiplint.toml"), config).unwrap();
    fs::write(dir.path().join("chapter.txt"), chapter).unwrap();
    dir
}

fn short(dir: &tempfile::TempDir, rule: &str) -> assert_cmd::assert::Assert {
    tiplint()
        .current_dir(dir.path())
        .args([
            "check",
            "--format",
            "short",
            "--select",
            rule,
            "chapter.txt",
        ])
        .assert()
}

#[test]
fn tolerances_loosen_sums_and_exchange_rates() {
    let sum = "The government identified nine victims (six women and four girls).\n";
    short(&project_with("", sum), "sum-mismatch")
        .code(1)
        .stdout(predicate::str::contains(
            "add up to 10, but the total says 9",
        ));
    let dir = project_with("[tolerances]\nsum-mismatch = 1\n", sum);
    short(&dir, "sum-mismatch")
        .code(0)
        .stdout(predicate::str::is_empty());
    // The check says it passed within the tolerance, not that the figures are equal.
    tiplint()
        .current_dir(dir.path())
        .args(["check", "--format", "json", "chapter.txt"])
        .assert()
        .stdout(predicate::str::contains("\"6 + 4 = 10, within 1 of 9\""));
    let rates = "Kyrgyz Republic (Tier 2)\n\nIt gave 4 million som ($46,000). Fees were 1,000 soms ($15).\n";
    // 75.3–98.9 som per dollar with rounding (3.5–4.5 million over 45,500–46,500) against
    // 64.5–69.0 (1,000 over 14.5–15.5): 2% more room each way is not enough, 5% is.
    short(
        &project_with("[tolerances]\nrate-mismatch = 2\n", rates),
        "rate-mismatch",
    )
    .code(1)
    .stdout(predicate::str::contains("different exchange rates"));
    short(
        &project_with("[tolerances]\nTL105 = 5\n", rates),
        "rate-mismatch",
    )
    .code(0)
    .stdout(predicate::str::is_empty());
}

#[test]
fn a_tolerance_a_rule_cannot_take_is_an_error_naming_it() {
    let text = "The government identified nine victims.\n";
    for (config, message) in [
        (
            "[tolerances]\ntier-mismatch = 1\n",
            "rule `tier-mismatch` takes no tolerance",
        ),
        (
            "[tolerances]\nno-such-rule = 1\n",
            "unknown rule `no-such-rule`",
        ),
        (
            "[tolerances]\nrate-mismatch = 120\n",
            "tolerance is a percentage",
        ),
        ("[tolerances]\nsum-mismatch = -1\n", "sum-mismatch"),
    ] {
        tiplint()
            .current_dir(project_with(config, text).path())
            .args(["check", "chapter.txt"])
            .assert()
            .code(2)
            .stderr(
                predicate::str::contains("[tolerances]").and(predicate::str::contains(message)),
            );
    }
}

#[test]
fn the_edition_from_the_file_applies_and_must_be_a_plausible_year() {
    // The sample's dates fall in the 2023 edition's period; the 2019 edition's they do not.
    let dir = project("edition = 2019\nselect = [\"date-out-of-period\"]\n");
    tiplint()
        .current_dir(dir.path().join("chapters"))
        .args(["check", "--format", "short", "kg.txt"])
        .assert()
        .stdout(predicate::str::contains(
            "outside the 2019 edition's reporting period",
        ));
    for edition in ["-2147483648", "2147483647", "0", "12023"] {
        let dir = project(&format!("edition = {edition}\n"));
        for fix in [false, true] {
            tiplint()
                .current_dir(dir.path().join("chapters"))
                .args(["check", "kg.txt"])
                .args(fix.then_some("--fix"))
                .assert()
                .code(2)
                .stderr(
                    predicate::str::contains("tiplint.toml:1:11: invalid configuration")
                        .and(predicate::str::contains("edition"))
                        .and(predicate::str::contains("1900..=2100"))
                        .and(predicate::str::contains("panicked").not()),
                );
        }
    }
}

#[test]
fn an_error_echoes_at_most_a_short_piece_of_the_input() {
    let key = "k".repeat(1 << 20);
    // The error a configuration file makes: exit 2, a short message.
    let error_of = |config: String| {
        let dir = project(&config);
        let out = tiplint()
            .current_dir(dir.path())
            .args(["check", "chapters/kg.txt"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.len() < 1000, "{} bytes of error", err.len());
        err
    };
    let err = error_of(format!("{key} = 1\n"));
    assert!(
        err.contains("unknown field `kkkk") && err.contains("…`"),
        "{err}"
    );
    // The same for a long rule name in the file's lists.
    let err = error_of(format!("select = [\"{key}\"]\n"));
    assert!(err.contains("unknown rule `kkkk"), "{err}");
}
