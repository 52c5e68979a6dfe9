//! What the human format shows of the text (a window on each line around its labels, with the
//! file's own line numbers and columns) and how it sums up; the short format's one line per
//! finding and its summary on standard error. Every text here is invented.

use assert_cmd::Command;
use std::fs;

fn tiplint() -> Command {
    Command::cargo_bin("tiplint").unwrap()
}

/// `tiplint check --format FORMAT ARGS… -` over `text` named `t.txt`: standard output and error.
fn check(format: &str, args: &[&str], text: &str) -> (String, String) {
    let out = tiplint()
        .args(["check", "--format", format, "--stdin-filename", "t.txt"])
        .args(args)
        .arg("-")
        .write_stdin(text.to_string())
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "exit {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn human(args: &[&str], text: &str) -> String {
    check("human", args, text).0
}

/// The widest line of `out`, in characters (the human format has no colour off a terminal).
fn widest(out: &str) -> usize {
    out.lines().map(|l| l.chars().count()).max().unwrap_or(0)
}

/// The shown lines of the text: those with a line number in the gutter (` 12 │ …`).
fn shown_lines(out: &str) -> Vec<&str> {
    out.lines()
        .filter(|l| {
            l.split_once(" │ ").is_some_and(|(n, _)| {
                !n.trim().is_empty() && n.trim().bytes().all(|b| b.is_ascii_digit())
            })
        })
        .collect()
}

/// Invented sentences to make a paragraph long: `n` of them, numbered from `first`.
fn sentences(n: usize, first: usize) -> String {
    (first..first + n)
        .map(|k| format!("Officials of district {k} held a meeting on victim care."))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn labels_on_lines_far_apart_show_their_own_lines_only() {
    // One label on line 11, the other on line 19: miette was told line 11 held 11 lines, and
    // printed every line between.
    let mut text = String::from("Ruritania (Tier 2)\n\nPROTECTION\n\n");
    for k in [5, 7, 9] {
        text.push_str(&format!(
            "Opening paragraph {k} says the ministry met its partners.\n\n"
        ));
    }
    text.push_str("The ministry screened low-income families for indicators.\n\n");
    for k in [13, 15, 17] {
        text.push_str(&format!(
            "Between paragraph {k} is not part of the finding.\n\n"
        ));
    }
    text.push_str("Traffickers recruited lowincome workers abroad.\n");
    let out = human(&["--select", "spelling-variant"], &text);
    assert!(
        out.contains("`lowincome` is also written `low-income`"),
        "{out}"
    );
    assert!(
        !out.contains("Between paragraph"),
        "the lines between are shown:\n{out}"
    );
    assert_eq!(
        shown_lines(&out),
        [
            " 11 │ The ministry screened low-income families for indicators.",
            " 19 │ Traffickers recruited lowincome workers abroad."
        ],
        "{out}"
    );
    assert!(
        out.contains("[t.txt:11:23]") && out.contains("[t.txt:19:23]"),
        "{out}"
    );
}

#[test]
fn a_label_on_a_long_line_is_shown_in_its_sentence_cut_to_a_window() {
    let text = format!(
        "Ruritania (Tier 2)\n\nPROTECTION\n\n{} The ministry provided 4 million Ruritanian dollars (\\$46,000) in grants to shelters for adult victims. {}\n",
        sentences(30, 1),
        sentences(30, 31)
    );
    let column = text.find("\\$").unwrap() - text.find("Officials").unwrap() + 1;
    let out = human(&["--select", "escaped-markup"], &text);
    // The sentence around the label, `…` where the line goes on, nothing of the others.
    assert_eq!(
        shown_lines(&out),
        [
            " 5 │ …The ministry provided 4 million Ruritanian dollars (\\$46,000) in grants to shelters for adult victims.…"
        ],
        "{out}"
    );
    // The place is the file's, the underline under the label.
    assert!(out.contains(&format!("[t.txt:5:{column}]")), "{out}");
    let text_line = shown_lines(&out)[0];
    let underline = out.lines().skip_while(|l| *l != text_line).nth(1).unwrap();
    let at = |line: &str, what: char| line.chars().position(|c| c == what).unwrap();
    assert_eq!(at(underline, '─'), at(text_line, '\\'), "{out}");
    assert!(widest(&out) <= 140, "{out}");
}

#[test]
fn context_is_bounded_and_cut_at_whole_words() {
    // One sentence of 2,000 characters: the window is about 60 columns each side.
    let words = "alpha beta gamma delta epsilon zeta eta theta iota kappa ".repeat(20);
    let text = format!("Ruritania (Tier 2)\n\nPROTECTION\n\n{words}awarenessraising {words}.\n");
    let out = human(&["--select", "hyphenation"], &text);
    let line = shown_lines(&out)[0].trim_start_matches(" 5 │ ");
    let (before, after) = line
        .split_once("awarenessraising")
        .expect("the label is shown");
    let (before, after) = (
        before.strip_prefix('…').expect("cut on the left"),
        after.strip_suffix('…').expect("cut on the right"),
    );
    for side in [before, after] {
        let n = side.chars().count();
        assert!((40..=61).contains(&n), "{n} columns: {line}");
        assert!(words.contains(side.trim()), "not whole words: {side:?}");
    }
}

#[test]
fn labels_far_apart_on_one_line_each_get_a_window() {
    let text = format!(
        "Ruritania (Tier 2)\n\nPROTECTION\n\nThe ministry screened low-income families. {} Traffickers recruited lowincome workers abroad.\n",
        sentences(40, 1)
    );
    let out = human(&["--select", "spelling-variant"], &text);
    let lines = shown_lines(&out);
    assert_eq!(lines.len(), 1, "{out}");
    assert!(
        lines[0].starts_with(" 5 │ The ministry screened low-income families.")
            && lines[0].contains(" … ")
            && lines[0].ends_with("Traffickers recruited lowincome workers abroad."),
        "{out}"
    );
    assert!(out.contains("╰── the chapter's form"), "{out}");
    assert!(out.contains("╰── write `low-income`"), "{out}");
    assert!(widest(&out) <= 140, "{out}");
}

#[test]
fn a_span_over_a_whole_paragraph_is_shown_by_its_ends() {
    // No heading, checked as a whole chapter: the finding's label runs over the whole text.
    let text = format!("{}\n", sentences(40, 1));
    let out = human(&["--chapter", "--select", "heading-malformed"], &text);
    assert!(out.contains("no chapter heading"), "{out}");
    let line = shown_lines(&out)[0];
    assert!(
        line.starts_with(" 1 │ Officials of district 1 held") && line.contains(" … "),
        "{out}"
    );
    let underline = out.lines().find(|l| l.contains('┬')).unwrap();
    let drawn = underline.chars().filter(|&c| c == '─' || c == '┬').count();
    assert!(drawn <= 60, "an underline of {drawn} columns:\n{out}");
    assert!(widest(&out) <= 140, "{out}");
}

#[test]
fn a_long_label_text_is_folded_beside_its_mark() {
    let text = format!(
        "Ruritania (Tier 2 Watch List)\n\n{} The Government of Ruritania does not fully meet the minimum standards for the elimination of trafficking but is making significant efforts to do so. {} Therefore Ruritania was upgraded to Tier 2.\n",
        sentences(30, 1),
        sentences(30, 31)
    );
    let out = human(&["--select", "tier-mismatch"], &text);
    assert!(out.contains("the heading says Tier 2 Watch List"), "{out}");
    // The label's words, folded over lines beside its mark, none of them too wide.
    let label: Vec<&str> = out
        .lines()
        .filter_map(|l| l.split_once("┤ ").or_else(|| l.split_once("  │ ")))
        .map(|(_, t)| t)
        .collect();
    assert!(label.len() >= 2, "{out}");
    assert!(
        label.join(" ").contains(
            "implies does not fully meet the minimum standards but is making significant efforts (Tier 2 or Tier 2 Watch List)"
        ),
        "{out}"
    );
    assert!(widest(&out) <= 140, "{out}");
    // The heading, the line between and the standards line in one snippet, each numbered.
    let numbers: Vec<&str> = shown_lines(&out)
        .iter()
        .map(|l| l.split(" │ ").next().unwrap().trim())
        .collect();
    assert_eq!(numbers, ["1", "2", "3"], "{out}");
}

#[test]
fn the_sample_fits_on_a_terminal() {
    let out = tiplint()
        .args([
            "check",
            "--format",
            "human",
            "--color",
            "always",
            "samples/kyrgyz-republic-2023.txt",
        ])
        .output()
        .unwrap();
    let out = String::from_utf8(out.stdout).unwrap();
    // Without the colour codes.
    let mut plain = String::new();
    let mut rest = out.as_str();
    while let Some(at) = rest.find('\u{1b}') {
        plain.push_str(&rest[..at]);
        rest = &rest[at..];
        rest = &rest[rest.find('m').map_or(rest.len(), |m| m + 1)..];
    }
    plain.push_str(rest);
    assert!(widest(&plain) <= 140, "{plain}");
    // Before windows, 15 KB of it were whole paragraphs.
    assert!(out.len() < 14_000, "{} bytes", out.len());
}

/// A sum whose parts do not add up (an error), its finding silenced inline.
const SILENCED_SUM: &str = "Ruritania (Tier 2)\n\nPROTECTION\n\n<!-- tiplint-disable-next-line sum-mismatch -->\nNGOs identified 40 victims – 12 sex trafficking victims and 25 forced labor victims – in the capital.\n";

#[test]
fn the_summary_says_what_suppressions_hid_and_tells_checks_from_findings() {
    let out = human(&["--select", "sum-mismatch"], SILENCED_SUM);
    let summary: Vec<&str> = out.lines().rev().take(3).collect();
    assert!(
        summary[2].starts_with("1 file, 1 chapter: 0 errors")
            && summary[2].ends_with("; 1 more finding hidden (1 by inline suppressions)"),
        "{out}"
    );
    // The failed check stands beside "0 errors": said as a relation that did not hold.
    assert!(
        summary[1].starts_with("checks: ")
            && summary[1].contains(
                "1 did not hold (errors only where every figure was read with confidence)"
            ),
        "{out}"
    );
    assert!(summary[0].starts_with("coverage: "), "{out}");
}

#[test]
fn the_summary_says_what_the_baseline_hid() {
    let dir = tempfile::tempdir().unwrap();
    let chapter = dir.path().join("c.txt");
    let text = "Ruritania (Tier 2)\n\nPROTECTION\n\nIt paid 1,000 crowns (\\$12) and 2,000 crowns (\\$24).\n";
    fs::write(&chapter, text).unwrap();
    tiplint()
        .current_dir(dir.path())
        .args([
            "check",
            "--select",
            "escaped-markup",
            "--write-baseline",
            "base.json",
            "c.txt",
        ])
        .assert()
        .code(0);
    fs::write(&chapter, format!("{text}\nIt paid 3,000 crowns (\\$36).\n")).unwrap();
    let run = |format: &str| {
        tiplint()
            .current_dir(dir.path())
            .args(["check", "--select", "escaped-markup", "--format", format])
            .args(["--baseline", "base.json", "c.txt"])
            .output()
            .unwrap()
    };
    let out = String::from_utf8(run("human").stdout).unwrap();
    assert!(
        out.contains("0 errors, 1 warning, 0 infos; 2 more findings hidden (2 by the baseline)"),
        "{out}"
    );
    // The short format says it in its summary on standard error.
    let err = String::from_utf8(run("short").stderr).unwrap();
    assert!(
        err.contains("2 more findings hidden (2 by the baseline)"),
        "{err}"
    );
}

/// House rules whose messages hold line breaks: one from the text it quotes, one its own.
const RULES: &str = r#"
[[rule]]
name = "vague-number"
code = "HOUSE1"
kind = "existence"
severity = "warning"
summary = "Vague quantities"
[rule.options]
regex = true
patterns = ['a\s+number\s+of']
message = "say how many instead of `{match}`"

[[rule]]
name = "wordy"
code = "HOUSE2"
kind = "existence"
severity = "info"
summary = "Wordy phrases"
[rule.options]
patterns = ["in order to"]
message = """
shorten `{match}`:\u2028write `to`
"""
"#;

#[test]
fn short_format_is_one_physical_line_per_finding_and_ends_with_a_summary_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("house.toml"), RULES).unwrap();
    fs::write(
        dir.path().join("c.txt"),
        "Ruritania (Tier 2)\n\nPROTECTION\n\nThe ministry met a\nnumber of partners in order to plan.\n",
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
            "vague-number,wordy",
            "c.txt",
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    // Every line break a reader of lines would split on is folded into a space.
    let lines: Vec<&str> = stdout
        .split([
            '\n', '\r', '\u{b}', '\u{c}', '\u{85}', '\u{2028}', '\u{2029}',
        ])
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(
        lines,
        [
            "c.txt:5:18: warning: say how many instead of `a number of` [vague-number]",
            "c.txt:6:20: info: shorten `in order to`: write `to` [wordy]",
        ],
        "{stdout:?}"
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr.lines().last(),
        Some(
            "1 file, 1 chapter: 0 errors, 1 warning, 1 info; checks: no relation between figures tested"
        ),
        "{stderr}"
    );
}
