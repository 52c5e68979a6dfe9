//! Texts that make a rule fire on every paragraph or in every chapter: a rule shows its first
//! findings by position, at most `PER_CHAPTER` in a chapter and `PER_FILE` in a file, and one
//! `info` finding counts the rest.

use tiplint::diagnostic::Severity;
use tiplint::rules::findings::{PER_CHAPTER, PER_FILE};
use tiplint::rules::{FileResult, RuleSet, Selection, check_source};
use tiplint::source::Source;

fn check(text: &str) -> (Source, FileResult) {
    let rules = RuleSet::default_rules();
    let src = Source::new("chapter.txt", text.to_string());
    let result = check_source(&src, &rules, &Selection::default());
    (src, result)
}

#[test]
fn a_rule_that_fires_on_every_paragraph_shows_its_first_thousand_and_counts_the_rest() {
    // `x`, a blank line, `x` …: each page break and each repeated word is a finding.
    let paragraphs = 3 * PER_CHAPTER;
    let (src, result) = check(&"x\n\n".repeat(paragraphs));
    for rule in ["broken-paragraph", "repeated-word"] {
        let found: Vec<_> = result
            .diagnostics
            .iter()
            .filter(|d| d.rule == rule)
            .collect();
        assert_eq!(found.len(), PER_CHAPTER + 1, "{rule}");
        // The first thousand by position, then the note at the first left out.
        let summary = found.last().unwrap();
        assert_eq!(
            summary.message,
            format!(
                "{} more findings of this rule in this chapter not shown",
                paragraphs - 1 - PER_CHAPTER
            )
        );
        assert_eq!(summary.severity, Severity::Info);
        let lines: Vec<usize> = found.iter().map(|d| src.line_col(d.span.start).0).collect();
        assert!(lines.windows(2).all(|w| w[0] < w[1]), "{rule}");
        assert_eq!(lines[PER_CHAPTER], lines[PER_CHAPTER - 1] + 2, "{rule}");
    }
}

#[test]
fn a_rule_that_fires_in_every_chapter_shows_its_first_ten_thousand_in_the_file() {
    // One-line chapters, each without any of its five sections.
    let chapters = PER_FILE / 5 + 100;
    let (_, result) = check(&"Narnia (Tier 2)\n\nx\n\n".repeat(chapters));
    let found: Vec<_> = result
        .diagnostics
        .iter()
        .filter(|d| d.rule == "missing-section")
        .collect();
    assert_eq!(found.len(), PER_FILE + 1);
    let summary = found.last().unwrap();
    assert_eq!(
        summary.message,
        "500 more findings of this rule in this file not shown, from here on"
    );
    assert_eq!(result.chapters.len(), chapters);
}
