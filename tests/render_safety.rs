//! Every output format survives any text: spans inside characters, labels far apart on one very
//! long line, and control characters that would command the terminal.

use assert_cmd::Command;
use tiplint::rules::{RuleSet, Selection, check_source};
use tiplint::source::Source;

const FORMATS: [&str; 5] = ["json", "github", "sarif", "short", "human"];

fn tiplint() -> Command {
    Command::cargo_bin("tiplint").unwrap()
}

/// Check `text` (read from stdin) in `format`; the exit code must be 0 or 1, never a panic's
/// 101. Returns what was printed.
fn run(format: &str, text: &str) -> String {
    let out = tiplint()
        .args([
            "check",
            "--format",
            format,
            "--stdin-filename",
            "t.txt",
            "-",
        ])
        .write_stdin(text.to_string())
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{format}: exit {:?}\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("the output is UTF-8")
}

/// A recommendation whose first word has a bullet and a curly quote glued to it.
const GLUED_RECOMMENDATION: &str = "Kyrgyz Republic (Tier 2)\n\nPRIORITIZED RECOMMENDATIONS:\n\n* \u{201c}y invease support for victims.\n";

#[test]
fn a_recommendation_with_a_glued_quote_renders_in_every_format() {
    for format in FORMATS {
        let out = run(format, GLUED_RECOMMENDATION);
        if format != "sarif" {
            assert!(out.contains("(`y`)"), "{format}: {out}");
        }
    }
}

#[test]
fn the_recommendation_span_is_the_word_itself() {
    let rules = RuleSet::default_rules();
    let sel = Selection::resolve(&rules, &["recommendation-form".into()], &[]).unwrap();
    for (text, word) in [
        (GLUED_RECOMMENDATION, "y"),
        (
            "Kyrgyz Republic (Tier 2)\n\nPRIORITIZED RECOMMENDATIONS:\n\n\u{2022}\u{201c}Training of officials.\u{201d}\n",
            "Training",
        ),
    ] {
        let src = Source::new("t.txt", text.to_string());
        let r = check_source(&src, &rules, &sel);
        let spans: Vec<&str> = r
            .diagnostics
            .iter()
            .filter(|d| d.message.contains("imperative"))
            .flat_map(|d| std::iter::once(d.span).chain(d.labels.iter().map(|l| l.span)))
            .map(|s| src.slice(s))
            .collect();
        assert_eq!(spans, [word, word], "{text:?}");
    }
}
