//! The command line as users and CI call it: formats, exit codes, bad input.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::fs;

fn tiplint() -> Command {
    Command::cargo_bin("tiplint").unwrap()
}

fn json_of(out: &[u8]) -> Value {
    serde_json::from_slice(out).expect("stdout is one JSON document")
}

const SAMPLE: &str = "samples/kyrgyz-republic-2023.txt";

/// The files a JSON report lists, in order.
fn paths_of(doc: &Value) -> Vec<&str> {
    doc["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect()
}

#[test]
fn sample_checks_clean_of_errors_with_chapter_and_summary() {
    let out = tiplint()
        .args(["check", "--format", "json", SAMPLE])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let doc = json_of(&out.stdout);
    assert_eq!(doc["version"], 1);
    let file = &doc["files"][0];
    assert_eq!(file["path"], SAMPLE);
    assert_eq!(file["chapters"][0]["country"], "Kyrgyz Republic");
    assert_eq!(file["chapters"][0]["tier"], "Tier 2");
    assert_eq!(file["chapters"][0]["span"]["start"], 0);
    assert_eq!(file["chapters"][0]["span"]["end"], 20200);
    let diags = file["diagnostics"].as_array().unwrap();
    let broken = diags
        .iter()
        .filter(|d| d["rule"] == "broken-paragraph")
        .count();
    assert_eq!(broken, 8, "the sample has eight page-break splits");
    let escapes = diags
        .iter()
        .filter(|d| d["rule"] == "escaped-markup")
        .count();
    assert_eq!(escapes, 2);
    assert_eq!(doc["summary"]["errors"], 0);
    assert_eq!(doc["summary"]["files"], 1);
    assert_eq!(doc["summary"]["chapters"], 1);
}

#[test]
fn json_diagnostics_carry_lines_columns_labels_and_fixes() {
    let out = tiplint()
        .args([
            "check",
            "--format",
            "json",
            "--select",
            "escaped-markup",
            SAMPLE,
        ])
        .output()
        .unwrap();
    let doc = json_of(&out.stdout);
    let d = &doc["files"][0]["diagnostics"][0];
    assert_eq!(d["code"], "TL301");
    assert_eq!(d["severity"], "warning");
    let text = fs::read_to_string(SAMPLE).unwrap();
    let start = d["span"]["start"].as_u64().unwrap() as usize;
    assert_eq!(&text[start..start + 2], "\\$");
    assert_eq!(d["line"], 29);
    assert_eq!(d["fix"]["replacement"], "$");
    assert_eq!(d["labels"][0]["line"], 29);
}

#[test]
fn fail_on_sets_the_exit_code() {
    tiplint()
        .args(["check", "--fail-on", "warning", SAMPLE])
        .assert()
        .code(1);
    tiplint()
        .args([
            "check",
            "--fail-on",
            "never",
            "tests/fixtures/page-break.txt",
        ])
        .assert()
        .code(0);
    tiplint()
        .args([
            "check",
            "--fail-on",
            "error",
            "tests/fixtures/clean-chapter.txt",
        ])
        .assert()
        .code(0);
}

#[test]
fn short_format_is_one_line_per_finding() {
    tiplint()
        .args(["check", "--format", "short", "tests/fixtures/page-break.txt"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "tests/fixtures/page-break.txt:9:31: warning: paragraph split by a page break between `convictions` and `for` [broken-paragraph]",
        ));
}

#[test]
fn human_format_labels_the_text_and_has_no_colour_off_a_terminal() {
    let out = tiplint()
        .args([
            "check",
            "--format",
            "human",
            "tests/fixtures/page-break.txt",
        ])
        .output()
        .unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("the sentence breaks off here"), "{s}");
    assert!(s.contains("broken-paragraph(TL204)"), "{s}");
    assert!(
        !s.contains('\u{1b}'),
        "no escape codes when not on a terminal"
    );
    let out = tiplint()
        .args([
            "check",
            "--format",
            "human",
            "--color",
            "always",
            "tests/fixtures/page-break.txt",
        ])
        .output()
        .unwrap();
    assert!(String::from_utf8(out.stdout).unwrap().contains('\u{1b}'));
}

#[test]
fn human_and_short_formats_give_the_same_line_and_column_after_wide_characters() {
    // Two en dashes (three bytes each) before the figure: columns count characters.
    let text = "Narnia (Tier 2)\n\nPROTECTION\n\nThe report – a draft – says NGOs identified 40 victims – 12 sex trafficking victims and 25 forced labor victims – in the capital.\n";
    let run = |format: &str| {
        let out = tiplint()
            .args(["check", "--format", format, "-"])
            .write_stdin(text)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let short = run("short");
    let line = short
        .lines()
        .find(|l| l.contains("[sum-mismatch]"))
        .expect("a sum-mismatch finding");
    let at = line
        .split(": error")
        .next()
        .unwrap()
        .trim_start_matches("<stdin>:");
    assert_eq!(at, "5:45", "{short}");
    let human = run("human");
    assert!(human.contains(&format!("[<stdin>:{at}]")), "{human}");
}

#[test]
fn github_and_sarif_formats() {
    tiplint()
        .args(["check", "--format", "github", "tests/fixtures/page-break.txt"])
        .assert()
        .stdout(predicate::str::contains(
            "::warning file=tests/fixtures/page-break.txt,line=9,col=31,endLine=11,endColumn=4,title=broken-paragraph::",
        ));
    let out = tiplint()
        .args([
            "check",
            "--format",
            "sarif",
            "tests/fixtures/page-break.txt",
        ])
        .output()
        .unwrap();
    let doc = json_of(&out.stdout);
    assert_eq!(doc["version"], "2.1.0");
    let run = &doc["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "tiplint");
    assert!(run["tool"]["driver"]["rules"].as_array().unwrap().len() >= 7);
    assert_eq!(run["results"][0]["ruleId"], "broken-paragraph");
    assert_eq!(run["results"][0]["level"], "warning");
    assert_eq!(
        run["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"],
        9
    );
}

#[test]
fn several_files_directories_and_stdin() {
    let out = tiplint()
        .args(["check", "--format", "json", "tests/fixtures", SAMPLE])
        .output()
        .unwrap();
    let doc = json_of(&out.stdout);
    let paths = paths_of(&doc);
    assert_eq!(
        paths,
        vec![
            "tests/fixtures/clean-chapter.txt",
            "tests/fixtures/page-break.txt",
            "tests/fixtures/two-chapters.md",
            SAMPLE
        ]
    );
    let md = &doc["files"][2]["chapters"];
    assert_eq!(md[0]["country"], "Narnia");
    assert_eq!(md[0]["tier"], "Tier 2 Watch List");
    assert_eq!(md[1]["country"], "Oceania");
    assert_eq!(
        doc["files"][2]["diagnostics"].as_array().unwrap().len(),
        0,
        "{}",
        doc["files"][2]
    );

    let out = tiplint()
        .args(["check", "--format", "json", "-"])
        .write_stdin("Narnia (Tier 2)\n\nText with \\$5.\n")
        .output()
        .unwrap();
    let doc = json_of(&out.stdout);
    assert_eq!(doc["files"][0]["path"], "<stdin>");
    assert!(
        doc["files"][0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["rule"] == "escaped-markup")
    );
}

#[test]
fn bad_inputs_exit_2_and_the_others_are_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n).display().to_string();
    fs::write(p("latin1.txt"), b"Narnia (Tier 2)\n\nCaf\xe9 owners.\n").unwrap();
    fs::write(p("binary.txt"), b"\x7fELF\x02\x01\x01\x00\x00\x00").unwrap();
    let utf16: Vec<u8> = "Narnia (Tier 2)\n"
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    fs::write(p("utf16.txt"), utf16).unwrap();
    fs::write(p("empty.txt"), b"").unwrap();
    fs::create_dir(p("nothing")).unwrap();
    fs::write(p("nothing/image.png"), b"PNG").unwrap();
    let cases = [
        ("latin1.txt", "invalid UTF-8 at byte offset 20"),
        ("binary.txt", "binary file (NUL byte at byte offset 7)"),
        ("utf16.txt", "UTF-16 without a byte-order mark"),
        ("empty.txt", "the file is empty"),
        ("nothing", "no .txt or .md files in this directory"),
        ("missing.txt", "no such file or directory"),
    ];
    for (name, message) in cases {
        tiplint()
            .args(["check", &p(name), "tests/fixtures/clean-chapter.txt"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(message).and(predicate::str::contains(name)));
    }
    // The good file is still reported beside the bad one.
    let out = tiplint()
        .args([
            "check",
            "--format",
            "json",
            &p("latin1.txt"),
            "tests/fixtures/page-break.txt",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let doc = json_of(&out.stdout);
    assert!(
        doc["files"][0]["error"]
            .as_str()
            .unwrap()
            .contains("byte offset 20")
    );
    assert!(
        !doc["files"][1]["diagnostics"]
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn a_file_without_heading_is_an_excerpt_and_with_chapter_a_heading_malformed_error() {
    tiplint()
        .args(["check", "--format", "short", "-"])
        .write_stdin("The government identified 12 victims.\n")
        .assert()
        .code(0)
        .stdout("<stdin>:1:1: info: checked as an excerpt: the text has no chapter heading, so its heading, its sections and their order were not checked [excerpt]\n");
    tiplint()
        .args(["check", "--chapter", "--format", "short", "-"])
        .write_stdin("The government identified 12 victims.\n")
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains("<stdin>:1:1: error: no chapter heading")
                .and(predicate::str::contains("[heading-malformed]")),
        );
}

#[test]
fn select_ignore_and_unknown_rules() {
    let out = tiplint()
        .args([
            "check",
            "--format",
            "json",
            "--ignore",
            "TL204,escaped-markup,TL302,hyphenation,currency-name",
            SAMPLE,
        ])
        .output()
        .unwrap();
    let doc = json_of(&out.stdout);
    assert_eq!(doc["files"][0]["diagnostics"].as_array().unwrap().len(), 0);
    tiplint()
        .args(["check", "--select", "no-such-rule", SAMPLE])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown rule `no-such-rule`"));
}

#[test]
fn rules_explain_and_parse_commands() {
    tiplint()
        .args(["rules"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("TL204  broken-paragraph"));
    let out = tiplint()
        .args(["rules", "--format", "json"])
        .output()
        .unwrap();
    let doc = json_of(&out.stdout);
    assert!(doc.as_array().unwrap().iter().any(|r| r["code"] == "TL301"));
    tiplint()
        .args(["rules", "--format", "markdown"])
        .assert()
        .stdout(predicate::str::contains(
            "| TL201 | `heading-malformed` | error |",
        ));
    tiplint()
        .args(["explain", "TL204"])
        .assert()
        .code(0)
        .stdout(
            predicate::str::contains("broken-paragraph")
                .and(predicate::str::contains("Flagged, for example")),
        );
    tiplint().args(["explain", "nope"]).assert().code(2);
    let out = tiplint()
        .args(["parse", SAMPLE, "--format", "json"])
        .output()
        .unwrap();
    let doc = json_of(&out.stdout);
    let ch = &doc["report"]["chapters"][0];
    assert_eq!(ch["heading"]["tier"], "Tier 2");
    let kinds: Vec<&str> = ch["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "intro",
            "recommendations",
            "prosecution",
            "protection",
            "prevention",
            "profile"
        ]
    );
    assert_eq!(
        ch["sections"][1]["recommendations"]
            .as_array()
            .unwrap()
            .len(),
        12
    );
}

#[test]
fn a_rules_directory_replaces_the_defaults_and_bad_rules_are_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("mine.toml"),
        fs::read_to_string("rules/editorial.toml").unwrap(),
    )
    .unwrap();
    let out = tiplint()
        .args([
            "--rules",
            dir.path().to_str().unwrap(),
            "check",
            "--format",
            "json",
            SAMPLE,
        ])
        .output()
        .unwrap();
    let doc = json_of(&out.stdout);
    let rules: Vec<&str> = doc["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert!(rules.iter().all(|r| *r == "escaped-markup"), "{rules:?}");
    assert_eq!(rules.len(), 2);

    fs::write(
        dir.path().join("mine.toml"),
        "[[rule]]\nname = \"x\"\ncode = 5\n",
    )
    .unwrap();
    tiplint()
        .args(["--rules", dir.path().to_str().unwrap(), "check", SAMPLE])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("mine.toml:3:8: invalid rule file"));

    let bad_kind = fs::read_to_string("rules/editorial.toml")
        .unwrap()
        .replace("kind = \"escaped-markup\"", "kind = \"nonsense\"");
    fs::write(dir.path().join("mine.toml"), bad_kind).unwrap();
    tiplint()
        .args(["--rules", dir.path().to_str().unwrap(), "rules"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "rule `escaped-markup`: unknown kind `nonsense`",
        ));
}

#[test]
fn the_rule_catalogue_in_docs_is_generated_from_the_rule_data() {
    let out = tiplint()
        .args(["rules", "--format", "markdown"])
        .output()
        .unwrap();
    let generated = String::from_utf8(out.stdout).unwrap();
    let committed = fs::read_to_string("docs/rules.md").unwrap();
    assert!(
        generated == committed,
        "docs/rules.md is stale: run `cargo run -- rules --format markdown > docs/rules.md`"
    );
}

#[test]
fn directory_walks_skip_hidden_and_ignored_files() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), "Narnia (Tier 2)\n\nText.\n").unwrap();
    fs::write(dir.path().join(".hidden.txt"), "Narnia (Tier 2)\n\nText.\n").unwrap();
    fs::create_dir(dir.path().join("build")).unwrap();
    fs::write(dir.path().join("build/b.txt"), "Narnia (Tier 2)\n\nText.\n").unwrap();
    fs::write(dir.path().join(".ignore"), "build/\n").unwrap();
    let out = tiplint()
        .current_dir(dir.path())
        .args(["check", "--format", "json", "."])
        .output()
        .unwrap();
    let doc = json_of(&out.stdout);
    let paths = paths_of(&doc);
    assert_eq!(paths, vec!["./a.txt"]);
}

/// `check --format short --select RULE -` on `text`: the exit code and the output.
fn short_for_rule(rule: &str, text: &str) -> (Option<i32>, String) {
    let out = tiplint()
        .args(["check", "--format", "short", "--select", rule, "-"])
        .write_stdin(text.to_string())
        .output()
        .unwrap();
    (out.status.code(), String::from_utf8(out.stdout).unwrap())
}

#[test]
fn a_rate_disagreement_from_an_approximate_amount_is_only_an_info() {
    let text = "Philippines (Tier 2)\n\nIt allocated 18.6 million pesos ($373,000), an increase of approximately 1.8 million pesos ($60,000).\n";
    let (code, out) = short_for_rule("rate-mismatch", text);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("info: conversions of PHP"), "{out}");
    assert!(out.contains("(an amount is approximate)"), "{out}");
    // The same disagreement between exact amounts is an error.
    let (code, out) = short_for_rule("rate-mismatch", &text.replace("approximately ", ""));
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("error: conversions of PHP"), "{out}");
}

#[test]
fn a_percent_change_off_only_by_its_approximation_is_an_info() {
    // 12 against 10 is 20 percent: `roughly 25` is off by more than its rounding.
    let (code, out) = short_for_rule(
        "trend-mismatch",
        "The ministry ran 12 shelters, compared with 10 in 2021, a roughly 25 percent increase.\n",
    );
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("info: the text says a 25 percent increase"),
        "{out}"
    );
    let (code, out) = short_for_rule(
        "trend-mismatch",
        "The ministry ran 12 shelters, compared with 10 in 2021, a 25 percent increase.\n",
    );
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("error: the text says a 25 percent increase"),
        "{out}"
    );
}

#[test]
fn a_section_opener_against_its_figures_is_at_most_an_info() {
    // Investigations rose though the opener says efforts fell: an info, the run passes.
    let text = "The government decreased law enforcement efforts. Police investigated 12 cases, compared with nine cases in 2021.\n";
    let (code, out) = short_for_rule("trend-mismatch", text);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("1:16: info: the section's opening sentence says efforts decreased"),
        "{out}"
    );
    // The check is recorded with the figures it compared, failed, and passes once they agree.
    let check = |text: &str| {
        let out = tiplint()
            .args([
                "check",
                "--format",
                "json",
                "--select",
                "trend-mismatch",
                "-",
            ])
            .write_stdin(text.to_string())
            .output()
            .unwrap();
        let doc = json_of(&out.stdout);
        let checks = doc["files"][0]["checks"].as_array().unwrap().clone();
        assert_eq!(checks.len(), 1, "{checks:?}");
        (
            checks[0]["ok"].as_bool().unwrap(),
            checks[0]["values"].clone(),
        )
    };
    assert_eq!(
        check(text),
        (false, serde_json::json!({"current": 12, "previous": 9}))
    );
    assert_eq!(
        check(&text.replace("nine", "40")),
        (true, serde_json::json!({"current": 12, "previous": 40}))
    );
}

#[test]
fn a_breakdown_told_by_what_was_done_is_only_an_info_when_it_does_not_add_up() {
    // Victims may receive both services: the groups may overlap.
    let (code, out) = short_for_rule(
        "sum-mismatch",
        "Of the 30 victims, 20 received shelter and 15 received medical care.\n",
    );
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains(
            "info: the parts add up to 35, but the total says 30 (groups told by what was done"
        ),
        "{out}"
    );
    // Classes of people are a partition: the same shortfall is an error.
    let (code, out) = short_for_rule(
        "sum-mismatch",
        "Of the 24 victims, 21 were women and two were men.\n",
    );
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("error: the parts add up to 23"), "{out}");
}

/// A made-up chapter with two sentences holding two counted figures of one measure: the first
/// (30 victims, 20 women, 10 men) is read as a breakdown, the second (14 cases, nine cases) is
/// read by no rule. The sentence between has no figure.
const COVERAGE_TEXT: &str = "Narnia (Tier 2)

The Government of Narnia does not fully meet the minimum standards for the elimination of \
trafficking but is making significant efforts to do so.

PROTECTION

The government identified 30 victims, of whom 20 were women and 10 were men. The government
reported it was investigating a number of cases. In the north, police opened 14 cases in one
region and nine cases in another region of the country.
";

#[test]
fn coverage_counts_sentences_with_figures_of_one_measure_and_those_read() {
    let out = tiplint()
        .args(["check", "--format", "json", "-"])
        .write_stdin(COVERAGE_TEXT)
        .output()
        .unwrap();
    let doc = json_of(&out.stdout);
    let expected = serde_json::json!({"sentences": 2, "read": 1});
    assert_eq!(doc["summary"]["coverage"], expected);
    assert_eq!(doc["files"][0]["coverage"], expected);
}

#[test]
fn unread_lists_each_unread_sentence_in_the_short_format_and_keeps_the_exit_code() {
    let plain = tiplint()
        .args(["check", "--format", "short", "-"])
        .write_stdin(COVERAGE_TEXT)
        .output()
        .unwrap();
    let out = tiplint()
        .args(["check", "--unread", "-"])
        .write_stdin(COVERAGE_TEXT)
        .output()
        .unwrap();
    // The sentence runs over a line break (shown as a space) and is clipped at 80 characters.
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "<stdin>:8:50: unread: In the north, police opened 14 cases in one region and nine \
         cases in another reg…\n"
    );
    assert_eq!(out.status.code(), plain.status.code());
    assert_eq!(plain.status.code(), Some(1), "the chapter lacks sections");
}

#[test]
fn the_json_summary_keeps_all_its_fields() {
    let out = tiplint()
        .args(["check", "--format", "json", "-"])
        .write_stdin(COVERAGE_TEXT)
        .output()
        .unwrap();
    let doc = json_of(&out.stdout);
    let mut keys: Vec<&str> = doc["summary"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "baselined",
            "chapters",
            "checks",
            "checks_failed",
            "coverage",
            "errors",
            "files",
            "infos",
            "suppressed",
            "unreadable",
            "warnings"
        ]
    );
    for key in [
        "files",
        "chapters",
        "errors",
        "warnings",
        "infos",
        "checks",
        "checks_failed",
    ] {
        assert!(doc["summary"][key].is_u64(), "{key}");
    }
}
