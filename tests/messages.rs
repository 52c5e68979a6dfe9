//! What the command line says: messages, errors, listings (issue 14, item 10).

use assert_cmd::Command;
use serde_json::Value;
use std::fs;

fn tiplint() -> Command {
    Command::cargo_bin("tiplint").unwrap()
}

fn json_of(out: &[u8]) -> Value {
    serde_json::from_slice(out).expect("stdout is one JSON document")
}

#[test]
fn tier_mismatch_says_the_heading_once() {
    let text = "Narnia (Tier 2)\n\nThe Government of Narnia fully meets the minimum standards for the elimination of trafficking. Therefore Narnia remained on Tier 1.\n";
    let out = tiplint()
        .args([
            "check",
            "--format",
            "json",
            "--select",
            "tier-mismatch",
            "-",
        ])
        .write_stdin(text)
        .output()
        .unwrap();
    let doc = json_of(&out.stdout);
    let message = doc["files"][0]["diagnostics"][0]["message"]
        .as_str()
        .unwrap();
    assert_eq!(
        message,
        "the heading says Tier 2 but the text says Tier 1 and that the government fully meets the minimum standards (Tier 1)"
    );
}

/// The rule names of a JSON report's findings, in order, once each.
fn rules_found(args: &[&str], text: &str) -> Vec<String> {
    let out = tiplint()
        .args(["check", "--format", "json"])
        .args(args)
        .arg("-")
        .write_stdin(text)
        .output()
        .unwrap();
    let doc = json_of(&out.stdout);
    let mut rules: Vec<String> = doc["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap().to_string())
        .collect();
    rules.dedup();
    rules
}

/// Invented: a breakdown that does not add up (TL101), a repeated word (TL309).
const TWO_FINDINGS: &str = "NGOs identified 40 victims – 12 sex trafficking victims, 25 forced labor victims, and one boy exploited in begging. The government identified the the victims in 2022.\n";

#[test]
fn an_unknown_rule_in_the_configuration_names_the_file_and_the_list() {
    for (list, line) in [
        ("select", "select = [\"sum-missmatch\"]\n"),
        ("ignore", "ignore = [\"TL999\"]\n"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("tiplint.toml"), line).unwrap();
        fs::write(dir.path().join("a.txt"), TWO_FINDINGS).unwrap();
        let out = tiplint()
            .current_dir(dir.path())
            .args(["check", "a.txt"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.contains(&format!("tiplint.toml: `{list}`: unknown rule")),
            "{err}"
        );
    }
}

#[test]
fn an_unknown_rule_gets_a_did_you_mean() {
    let out = tiplint()
        .args(["check", "--select", "sum-missmatch", "-"])
        .write_stdin(TWO_FINDINGS)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("--select: unknown rule `sum-missmatch` (did you mean `sum-mismatch`?"),
        "{err}"
    );
    let out = tiplint()
        .args(["explain", "repeated-words"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("did you mean `repeated-word`?"), "{err}");
    // Nothing near: no guess.
    let out = tiplint().args(["explain", "zzzz"]).output().unwrap();
    assert!(
        !String::from_utf8(out.stderr)
            .unwrap()
            .contains("did you mean")
    );
}

#[test]
fn rules_are_selected_by_code_prefix_and_all() {
    let all = rules_found(&[], TWO_FINDINGS);
    assert!(all.contains(&"sum-mismatch".to_string()), "{all:?}");
    assert!(all.contains(&"repeated-word".to_string()), "{all:?}");
    assert_eq!(
        rules_found(&["--select", "TL1"], TWO_FINDINGS),
        ["sum-mismatch"]
    );
    assert_eq!(
        rules_found(&["--select", "tl30"], TWO_FINDINGS),
        ["repeated-word"]
    );
    assert_eq!(rules_found(&["--select", "ALL"], TWO_FINDINGS), all);
    assert!(
        rules_found(&["--ignore", "ALL"], TWO_FINDINGS).is_empty(),
        "everything ignored"
    );
    // A prefix no code has is unknown.
    tiplint()
        .args(["check", "--select", "TL7", "-"])
        .write_stdin(TWO_FINDINGS)
        .assert()
        .code(2);
}

#[test]
fn extend_select_and_extend_ignore_add_to_the_configuration() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("tiplint.toml"),
        "select = [\"sum-mismatch\"]\nignore = [\"excerpt\"]\n",
    )
    .unwrap();
    fs::write(dir.path().join("a.txt"), TWO_FINDINGS).unwrap();
    let found = |args: &[&str]| {
        let out = tiplint()
            .current_dir(dir.path())
            .args(["check", "--format", "json"])
            .args(args)
            .arg("a.txt")
            .output()
            .unwrap();
        let doc = json_of(&out.stdout);
        let mut rules: Vec<String> = doc["files"][0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["rule"].as_str().unwrap().to_string())
            .collect();
        rules.dedup();
        rules
    };
    assert_eq!(found(&[]), ["sum-mismatch"]);
    assert_eq!(
        found(&["--extend-select", "repeated-word"]),
        ["sum-mismatch", "repeated-word"]
    );
    assert_eq!(
        found(&["--extend-select", "repeated-word,excerpt"]),
        ["sum-mismatch", "repeated-word"],
        "the configuration's ignore still holds"
    );
    assert_eq!(
        found(&[
            "--extend-select",
            "repeated-word",
            "--extend-ignore",
            "TL101"
        ]),
        ["repeated-word"]
    );
    // --select replaces the configuration's list; --extend-select adds to it.
    assert_eq!(
        found(&[
            "--select",
            "repeated-word",
            "--extend-select",
            "sum-mismatch"
        ]),
        ["sum-mismatch", "repeated-word"]
    );
}

#[test]
fn a_suppression_naming_no_rule_says_so() {
    let text = "<!-- tiplint-disable-next-line sum-missmatch -->\nThe government identified the the victims.\n";
    let out = tiplint()
        .args(["check", "--format", "short", "-"])
        .write_stdin(text)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("<stdin>:1:1: info: `sum-missmatch` is not a rule (did you mean `sum-mismatch`?), so this suppression silences nothing of it [unused-suppression]"),
        "{stdout}"
    );
    // A known name beside it still silences its finding, and the unknown one is still said.
    let text = "<!-- tiplint-disable-next-line repeated-word, no-such-rule -->\nThe government identified the the victims.\n";
    let out = tiplint()
        .args(["check", "--format", "short", "-"])
        .write_stdin(text)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(!stdout.contains("[repeated-word]"), "{stdout}");
    assert!(
        stdout.contains("`no-such-rule` is not a rule, so this suppression silences nothing of it"),
        "{stdout}"
    );
}

#[test]
fn a_misspelt_directive_is_said_not_ignored() {
    let text = "<!-- tiplint-disable-nextline repeated-word -->\nThe government identified the the victims.\n";
    let out = tiplint()
        .args(["check", "--format", "short", "-"])
        .write_stdin(text)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("[repeated-word]"),
        "it silences nothing: {stdout}"
    );
    assert!(
        stdout.contains("<stdin>:1:1: info: `tiplint-disable-nextline` is not a tiplint directive (did you mean `tiplint-disable-next-line`?), so this comment silences nothing [unused-suppression]"),
        "{stdout}"
    );
    // Other comments are none of tiplint's business.
    let text = "<!-- an editor's note -->\nThe government identified 12 victims.\n";
    let out = tiplint()
        .args(["check", "--format", "short", "-"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert!(
        !String::from_utf8(out.stdout)
            .unwrap()
            .contains("unused-suppression")
    );
}

#[test]
fn human_output_says_an_unreadable_input_on_standard_error_and_counts_it() {
    let out = tiplint()
        .args([
            "check",
            "--format",
            "human",
            "--color",
            "never",
            "missing.txt",
            "tests/fixtures/clean-chapter.txt",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!stdout.contains("missing.txt"), "{stdout}");
    assert!(
        stderr.contains("error: missing.txt: no such file or directory"),
        "{stderr}"
    );
    assert!(stdout.contains(": 1 error,"), "{stdout}");
}

#[test]
fn the_rules_table_is_aligned() {
    let out = tiplint().args(["rules"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    // The column of severities starts at one place on every line, however long the name.
    let starts: Vec<usize> = text
        .lines()
        .map(|l| {
            ["error", "warning", "info"]
                .iter()
                .filter_map(|s| l.find(&format!("  {s} ")))
                .min()
                .unwrap_or_else(|| panic!("no severity in {l:?}"))
        })
        .collect();
    assert!(text.contains("victim-centered-language"), "{text}");
    assert!(starts.windows(2).all(|w| w[0] == w[1]), "{text}");
}

#[test]
fn explain_shows_fix_examples() {
    let out = tiplint()
        .args(["explain", "repeated-word"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let fixed = text
        .split("Fixed, for example:\n")
        .nth(1)
        .unwrap_or_else(|| panic!("{text}"));
    assert!(fixed.contains("  becomes\n"), "{text}");
}

#[test]
fn explain_prints_no_empty_headings() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("house.toml");
    fs::write(
        &file,
        "[[rule]]\nname = \"no-vague-numbers\"\ncode = \"HOUSE1\"\nkind = \"existence\"\nseverity = \"warning\"\nsummary = \"Vague quantities\"\n[rule.options]\npatterns = [\"a number of\"]\nmessage = \"say how many\"\n",
    )
    .unwrap();
    let out = tiplint()
        .args(["--rule-file", file.to_str().unwrap(), "explain", "HOUSE1"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text,
        "HOUSE1 no-vague-numbers (default severity: warning)\n\nVague quantities\n"
    );
}

/// The human report of the sample as a terminal shows it (through `script`), with `env` set.
fn on_a_terminal(env: &[(&str, &str)]) -> String {
    let bin = assert_cmd::cargo::cargo_bin("tiplint");
    let mut cmd = std::process::Command::new("script");
    cmd.args(["-qec"])
        .arg(format!(
            "{} check samples/kyrgyz-republic-2023.txt",
            bin.display()
        ))
        .arg("/dev/null")
        .env_remove("NO_COLOR")
        .env("TERM", "xterm-256color");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("script(1) runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn colour_follows_no_color_and_term() {
    let coloured = |s: &str| s.contains("\u{1b}[");
    let plain = on_a_terminal(&[]);
    assert!(plain.contains("coverage:"), "{plain}");
    assert!(coloured(&plain), "a terminal gets colour");
    assert!(
        coloured(&on_a_terminal(&[("NO_COLOR", "")])),
        "an empty NO_COLOR asks nothing"
    );
    assert!(!coloured(&on_a_terminal(&[("NO_COLOR", "1")])));
    assert!(!coloured(&on_a_terminal(&[("TERM", "dumb")])));
}

#[test]
fn extend_select_without_a_selection_runs_every_rule() {
    let all = rules_found(&[], TWO_FINDINGS);
    assert_eq!(
        rules_found(&["--extend-select", "TL309"], TWO_FINDINGS),
        all
    );
    // An unknown name in it is still an error.
    let out = tiplint()
        .args(["check", "--extend-select", "TL999", "-"])
        .write_stdin(TWO_FINDINGS)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("--extend-select: unknown rule `TL999`")
    );
}
