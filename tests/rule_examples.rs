//! Every example of every rule, run: the rule's documentation and its tests cannot drift apart.

use tiplint::editions::EarlierEdition;
use tiplint::fix::apply_fixes;
use tiplint::rules::{RuleSet, Selection, Settings, check_source_against};
use tiplint::source::Source;

fn only(rules: &RuleSet, name: &str) -> Selection {
    Selection::resolve(rules, &[name.to_string()], &[]).unwrap()
}

fn spans_are_sound(src: &Source, result: &tiplint::rules::FileResult) {
    let ok = |s: tiplint::source::Span| {
        s.start <= s.end
            && s.end <= src.text.len()
            && src.text.is_char_boundary(s.start)
            && src.text.is_char_boundary(s.end)
    };
    for d in &result.diagnostics {
        assert!(ok(d.span), "{}: bad span {:?}", d.rule, d.span);
        assert!(
            d.labels.iter().all(|l| ok(l.span)),
            "{}: bad label span",
            d.rule
        );
        assert!(d.fix.iter().all(|f| ok(f.span)), "{}: bad fix span", d.rule);
    }
}

/// Check `src` with the rules `sel` selects, against the earlier edition `previous` if any.
fn check_source(
    src: &Source,
    rules: &RuleSet,
    sel: &Selection,
    previous: &[EarlierEdition],
) -> tiplint::rules::FileResult {
    check_source_against(src, rules, sel, Settings::default(), previous)
}

#[test]
fn every_rule_flags_its_must_flag_examples_and_not_the_others() {
    let rules = RuleSet::default_rules();
    assert!(rules.rules.len() >= 7);
    let mut failures = Vec::new();
    for rule in &rules.rules {
        let spec = &rule.spec;
        let sel = only(&rules, &spec.name);
        let previous: Vec<EarlierEdition> = spec
            .examples
            .previous
            .iter()
            .map(|text| EarlierEdition::read(Source::new("previous.txt", text.clone()), &rules))
            .collect();
        assert!(
            !spec.examples.must_flag.is_empty() && !spec.examples.must_not_flag.is_empty(),
            "rule {} needs examples it must flag and examples it must not",
            spec.name
        );
        for text in &spec.examples.must_flag {
            let src = Source::new("example.txt", text.clone());
            let result = check_source(&src, &rules, &sel, &previous);
            spans_are_sound(&src, &result);
            if !result.diagnostics.iter().any(|d| d.rule == spec.name) {
                failures.push(format!("{} did not flag: {text:?}", spec.name));
            }
        }
        for text in &spec.examples.must_not_flag {
            let src = Source::new("example.txt", text.clone());
            let result = check_source(&src, &rules, &sel, &previous);
            let hits: Vec<_> = result
                .diagnostics
                .iter()
                .filter(|d| d.rule == spec.name)
                .collect();
            if !hits.is_empty() {
                failures.push(format!(
                    "{} flagged {text:?}: {}",
                    spec.name, hits[0].message
                ));
            }
        }
        for example in &spec.examples.reads {
            let src = Source::new("example.txt", example.text.clone());
            let result = check_source(&src, &rules, &sel, &previous);
            spans_are_sound(&src, &result);
            let passed = result
                .checks
                .iter()
                .any(|k| k.rule == spec.name && k.ok && k.expression == example.check);
            let flagged = result.diagnostics.iter().any(|d| d.rule == spec.name);
            if !passed || flagged {
                let got: Vec<_> = result
                    .checks
                    .iter()
                    .filter(|k| k.rule == spec.name)
                    .map(|k| format!("{} ({})", k.expression, if k.ok { "ok" } else { "failed" }))
                    .collect();
                failures.push(format!(
                    "{} did not read {:?} as the passed check {:?}; checks: {got:?}; flagged: {flagged}",
                    spec.name, example.text, example.check
                ));
            }
        }
        for example in &spec.examples.fixes {
            let src = Source::new("example.txt", example.input.clone());
            let result = check_source(&src, &rules, &sel, &previous);
            let (fixed, applied) = apply_fixes(
                &src.text,
                result.diagnostics.iter().filter_map(|d| d.fix.as_ref()),
            );
            assert!(applied > 0, "{}: no fix for {:?}", spec.name, example.input);
            if fixed != example.output {
                failures.push(format!(
                    "{} fixed {:?} into {fixed:?}, expected {:?}",
                    spec.name, example.input, example.output
                ));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn rules_have_stable_codes_names_and_docs() {
    let rules = RuleSet::default_rules();
    for r in &rules.rules {
        let s = &r.spec;
        assert!(
            s.code.len() == 5 && s.code.starts_with("TL"),
            "{}: code {}",
            s.name,
            s.code
        );
        assert!(
            s.name.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
            "{}",
            s.name
        );
        assert!(
            s.doc.split_whitespace().count() >= 30,
            "{}: the doc is a paragraph",
            s.name
        );
        assert!(!s.summary.is_empty());
        if s.fix.is_some() {
            assert!(
                !s.examples.fixes.is_empty(),
                "{}: a fixable rule shows its fix",
                s.name
            );
        }
    }
    // The catalogue of DESIGN §5: these names and codes never change.
    for (name, code) in [
        ("heading-malformed", "TL201"),
        ("missing-section", "TL202"),
        ("section-order", "TL203"),
        ("broken-paragraph", "TL204"),
        ("recommendation-form", "TL205"),
        ("escaped-markup", "TL301"),
        ("duplicate-sentence", "TL307"),
    ] {
        let r = rules.find(name).unwrap_or_else(|| panic!("{name} missing"));
        assert_eq!(r.spec.code, code);
    }
}
