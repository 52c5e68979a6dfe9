//! A chapter saved with CRLF or old-Mac CR line ends reads as the same chapter saved with LF.

use tiplint::rules::{RuleSet, Selection, check_source};
use tiplint::source::Source;

/// Each finding and each check as (rule, line, column, message or expression), in order.
fn findings(text: &str) -> Vec<(String, usize, usize, String)> {
    let rules = RuleSet::default_rules();
    let src = Source::new("chapter.txt", text.to_string());
    let result = check_source(&src, &rules, &Selection::default());
    let at = |rule: &str, offset: usize, what: &str| {
        let (line, column) = src.line_col(offset);
        (rule.to_string(), line, column, what.to_string())
    };
    let diagnostics = result
        .diagnostics
        .iter()
        .map(|d| at(&d.rule, d.span.start, &d.message));
    let checks = result
        .checks
        .iter()
        .map(|c| at(&c.rule, c.span.start, &c.expression));
    diagnostics.chain(checks).collect()
}

#[test]
fn the_sample_with_cr_or_crlf_line_ends_has_the_findings_of_the_lf_original() {
    let lf = std::fs::read_to_string("samples/kyrgyz-republic-2023.txt").unwrap();
    assert!(!lf.contains('\r'));
    let expected = findings(&lf);
    assert!(!expected.is_empty());
    for end in ["\r", "\r\n"] {
        let text = lf.replace('\n', end);
        assert_eq!(findings(&text), expected, "line ends {end:?}");
    }
}
