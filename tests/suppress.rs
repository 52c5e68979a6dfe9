//! Inline suppressions in .txt and .md.

use tiplint::rules::{RuleSet, Selection, check_source};
use tiplint::source::Source;

fn rules_fired(name: &str, text: &str) -> Vec<(String, usize)> {
    let rules = RuleSet::default_rules();
    let src = Source::new(name, text.to_string());
    let result = check_source(
        &src,
        &rules,
        &Selection::resolve(
            &rules,
            &[],
            &["missing-section".into(), "heading-malformed".into()],
        )
        .unwrap(),
    );
    result
        .diagnostics
        .iter()
        .map(|d| (d.rule.clone(), src.line_col(d.span.start).0))
        .collect()
}

const TEXT: &str = "Narnia (Tier 2)\n\n<!-- tiplint-disable-next-line escaped-markup -->\nIt paid 1,000 som (\\$12).\n\nIt paid 2,000 som (\\$24).\n\n<!-- tiplint-disable TL204 -->\nThe Ministry of\n\nLabor leads.\n<!-- tiplint-enable TL204 -->\n\nThe Ministry of\n\nLabor leads again.\n";

#[test]
fn next_line_and_block_suppressions_in_text_and_markdown() {
    for name in ["chapter.txt", "chapter.md"] {
        let fired = rules_fired(name, TEXT);
        // Line 4's escape is silenced, line 6's is not; the first page break is inside the block.
        assert!(
            !fired.contains(&("escaped-markup".into(), 4)),
            "{name}: {fired:?}"
        );
        assert!(
            fired.contains(&("escaped-markup".into(), 6)),
            "{name}: {fired:?}"
        );
        let breaks: Vec<_> = fired
            .iter()
            .filter(|(r, _)| r == "broken-paragraph")
            .collect();
        assert_eq!(
            breaks,
            vec![&("broken-paragraph".to_string(), 14)],
            "{name}: {fired:?}"
        );
        assert!(
            !fired.iter().any(|(r, _)| r == "unused-suppression"),
            "{name}: {fired:?}"
        );
    }
}

#[test]
fn a_suppression_that_silences_nothing_is_reported() {
    let fired = rules_fired(
        "chapter.txt",
        "Narnia (Tier 2)\n\n<!-- tiplint-disable-next-line hyphenation -->\nNothing to see.\n",
    );
    assert_eq!(fired, vec![("unused-suppression".to_string(), 3)]);
}

#[test]
fn suppressions_count_lines_as_the_findings_do_with_cr_and_crlf_line_ends() {
    let lf = rules_fired("chapter.txt", TEXT);
    for end in ["\r", "\r\n"] {
        let text = TEXT.replace('\n', end);
        assert_eq!(rules_fired("chapter.txt", &text), lf, "{end:?}");
    }
}

#[test]
fn a_suppressed_finding_past_a_rules_limit_is_suppressed_not_left_out() {
    // A rule firing on each of 1,500 paragraphs is shown 1,000 times in the chapter; the
    // suppression of its last finding silences that one, which is then neither counted among
    // those left out nor reported as a suppression that silences nothing.
    let text = "x\n\n".repeat(1500) + "<!-- tiplint-disable-next-line repeated-word -->\nx\n\nx\n";
    let rules = RuleSet::default_rules();
    let selection = Selection::resolve(
        &rules,
        &["repeated-word".into(), "unused-suppression".into()],
        &[],
    )
    .unwrap();
    let result = check_source(&Source::new("t.txt", text), &rules, &selection);
    assert_eq!(result.suppressed, 1);
    let infos: Vec<&str> = result
        .diagnostics
        .iter()
        .filter(|d| d.severity == tiplint::diagnostic::Severity::Info)
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        infos,
        ["499 more findings of this rule in this chapter not shown"]
    );
    assert!(result.diagnostics.iter().all(|d| d.rule == "repeated-word"));
}
