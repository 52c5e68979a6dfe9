//! What must hold for any input, whatever its bytes: shared by the property suite
//! (`tests/properties.rs`, run by `cargo test`) and the fuzz targets (`fuzz/`), so the two
//! damage-and-check loops assert the same things.
//!
//! - decoding either refuses the bytes or gives a source;
//! - every span a finding, label, fix, check or chapter carries lies inside the text and on
//!   character boundaries;
//! - every output format renders without panicking, and the JSON and SARIF documents parse;
//! - the safe fixes never lose a byte that no fix touched, and fixing a fixed text changes
//!   nothing.

#![allow(dead_code)] // each test or fuzz target uses only some of these

use std::sync::OnceLock;
use tiplint::fix::{Applying, apply_fixes, fix_to_fixed_point, safe_fixes};
use tiplint::render::{self, FileOutcome};
use tiplint::rules::{FileResult, RuleSet, Selection, check_source};
use tiplint::source::{Source, Span};

/// The built-in rules, loaded once per process.
pub fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(RuleSet::default_rules)
}

/// The name a damaged input is checked under (`.txt`, or `.md` for Markdown handling).
pub fn name_for(markdown: bool) -> &'static str {
    if markdown {
        "damaged.md"
    } else {
        "damaged.txt"
    }
}

/// Check `text` with every rule.
pub fn check(name: &str, text: &str) -> (Source, FileResult) {
    let src = Source::new(name, text.to_string());
    let result = check_source(&src, rules(), &Selection::default());
    (src, result)
}

fn assert_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} span {span:?} is outside the text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} span {span:?} cuts through a character: {:?}",
        &text[text.floor_char_boundary(span.start)..text.ceil_char_boundary(span.end)]
    );
}

/// Every span of a result lies in the text and on character boundaries.
pub fn assert_spans(text: &str, result: &FileResult) {
    for d in &result.diagnostics {
        let what = format!("[{}] {}", d.rule, d.message);
        assert_span(text, d.span, &what);
        for l in &d.labels {
            assert_span(text, l.span, &format!("{what}: label `{}`", l.text));
        }
        if let Some(f) = &d.fix {
            assert_span(text, f.span, &format!("{what}: fix"));
        }
    }
    for c in &result.checks {
        assert_span(
            text,
            c.span,
            &format!("check [{}] {}", c.rule, c.expression),
        );
    }
    for c in &result.chapters {
        assert_span(text, c.span, "chapter");
    }
}

/// Render `outcome` in every format: none may panic, JSON and SARIF must parse.
pub fn assert_renders(outcomes: &[FileOutcome]) {
    let json = render::json::render(outcomes, 0);
    let doc: serde_json::Value = serde_json::from_str(&json).expect("--format json is JSON");
    assert_eq!(doc["version"], 1);
    let files = doc["files"].as_array().expect("files is an array");
    assert_eq!(files.len(), outcomes.len());
    let sarif = render::sarif::render(outcomes, rules());
    let sarif: serde_json::Value = serde_json::from_str(&sarif).expect("--format sarif is JSON");
    assert_eq!(sarif["version"], "2.1.0");
    let short = render::short::render(outcomes);
    let findings: usize = outcomes
        .iter()
        .filter_map(|o| o.checked.as_ref().ok())
        .map(|(_, r)| r.diagnostics.len())
        .sum();
    assert_eq!(short.lines().count(), findings, "one line per finding");
    render::github::render(outcomes);
    for human in [
        render::human::render(outcomes, false, true, 0),
        render::human::render(outcomes, true, false, 0),
    ] {
        // miette says so in its output when a span cannot be read from the source it is given.
        assert!(!human.contains("Failed to read contents"), "{human}");
    }
}

/// Decode, check and render any bytes; the properties above must hold. Returns the decoded text
/// when the bytes were text.
pub fn check_bytes(bytes: &[u8], markdown: bool) -> Option<String> {
    let name = name_for(markdown);
    let src = match Source::from_bytes(name, bytes.to_vec()) {
        Ok(src) => src,
        Err(e) => {
            // A refusal says why in words, and the renderers report it as an unreadable input.
            assert!(!e.to_string().is_empty());
            assert_renders(&[FileOutcome {
                name: name.to_string(),
                checked: Err(e.to_string()),
            }]);
            return None;
        }
    };
    let text = src.text.clone();
    let result = check_source(&src, rules(), &Selection::default());
    assert_spans(&text, &result);
    assert_renders(&[FileOutcome {
        name: name.to_string(),
        checked: Ok((src, result)),
    }]);
    Some(text)
}

/// Every byte of `old` outside `touched` appears in `new`, in order, each untouched run whole.
pub fn assert_untouched_bytes_kept(old: &str, new: &str, touched: &[Span]) {
    let mut spans: Vec<Span> = touched.to_vec();
    spans.sort();
    let mut untouched = Vec::new();
    let mut at = 0;
    for s in spans {
        if s.start > at {
            untouched.push(&old[at..s.start]);
        }
        at = at.max(s.end);
    }
    untouched.push(&old[at.min(old.len())..]);
    let mut cursor = 0;
    for run in untouched.into_iter().filter(|r| !r.is_empty()) {
        match new[cursor..].find(run) {
            Some(k) => cursor += k + run.len(),
            None => panic!(
                "the fixes lost bytes no fix touched: {run:?} is not in the fixed text after byte {cursor}"
            ),
        }
    }
}

/// One round of safe fixes keeps every untouched byte; fixing to a fixed point and then again
/// changes nothing the second time. Returns the fixed text.
pub fn assert_fix_round_trip(name: &str, text: &str) -> String {
    let (_, result) = check(name, text);
    let fixes = safe_fixes(&result, rules());
    let touched: Vec<Span> = fixes.iter().map(|f| f.span).collect();
    let (once, _) = apply_fixes(text, fixes.iter().copied());
    assert_untouched_bytes_kept(text, &once, &touched);
    let recheck = |t: &str| check(name, t).1;
    let (fixed, _) = fix_to_fixed_point(text, rules(), Applying::Safe, recheck);
    let (again, applied) = fix_to_fixed_point(&fixed, rules(), Applying::Safe, recheck);
    assert!(
        applied == 0 && again == fixed,
        "fixing a fixed text changed it again ({applied} fix(es)):\n{}",
        tiplint::fix::unified_diff(name, &fixed, &again)
    );
    fixed
}

/// Decode and parse any bytes (structure, then claims): every span of the tree lies in the text
/// and on character boundaries, and the tree serialises as `tiplint parse` prints it.
pub fn parse_bytes(bytes: &[u8]) {
    let Ok(src) = Source::from_bytes("damaged.txt", bytes.to_vec()) else {
        return;
    };
    let text = src.text.as_str();
    let vocabulary = &rules().vocabulary;
    let report = tiplint::parse::StructureGrammar::new(vocabulary).parse(text);
    for &s in &report.preamble {
        assert_span(text, s, "preamble");
    }
    for c in &report.chapters {
        assert_span(text, c.span, "chapter");
        if let Some(h) = &c.heading {
            for s in [Some(h.span), Some(h.name_span), h.tier_span]
                .into_iter()
                .flatten()
            {
                assert_span(text, s, "heading");
            }
        }
        for &s in &c.unknown {
            assert_span(text, s, "unknown line");
        }
        for section in &c.sections {
            assert_span(text, section.span, "section");
            if let Some(t) = section.title_span {
                assert_span(text, t, "section title");
            }
            for r in &section.recommendations {
                assert_span(text, r.span, "recommendation");
                if let Some(m) = r.marker {
                    assert_span(text, m, "recommendation marker");
                }
            }
            for p in &section.paragraphs {
                assert_span(text, p.span, "paragraph");
                for &part in &p.parts {
                    assert_span(text, part, "paragraph part");
                }
                for s in &p.sentences {
                    assert_span(text, s.span, "sentence");
                }
            }
        }
    }
    serde_json::to_string(&report).expect("the structure serialises");
    let lexicon = tiplint::facts::Lexicon::new(vocabulary);
    tiplint::facts::extract(text, &report, &lexicon);
}
