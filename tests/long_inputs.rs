//! Long inputs: a chapter on one 2 MB line, long lists in one sentence. Each is checked for what
//! it finds, not for how long it takes; before the readers were made linear, these inputs did
//! not finish in minutes.
//!
//! Sizes: the one-line chapter and one list are 2 MB; the other lists are 200 KB, which the
//! quadratic readers did not finish in minutes either. `cargo test` runs a debug build, where
//! checking 2 MB takes about a second and a half: all 2 MB would make this file take half a
//! minute. Optimising the debug build instead (`[profile.dev.package."*"] opt-level = 2` halved the
//! whole suite's time, at the price of rebuilding every dependency once in every target
//! directory; `opt-level = 1` for tiplint alone saved a third of this file's time) is a choice
//! for the whole project, not for one test.

use std::collections::BTreeMap;
use tiplint::rules::findings::PER_CHAPTER;
use tiplint::rules::{FileResult, RuleSet, Selection, check_source};
use tiplint::source::Source;

const TWO_MB: usize = 2_000_000;

fn check(text: &str) -> (Source, FileResult) {
    let rules = RuleSet::default_rules();
    let src = Source::new("chapter.txt", text.to_string());
    let result = check_source(&src, &rules, &Selection::default());
    (src, result)
}

/// How many times each (rule, message) was reported.
fn multiset(result: &FileResult) -> BTreeMap<(String, String), usize> {
    let mut out = BTreeMap::new();
    for d in &result.diagnostics {
        *out.entry((d.rule.clone(), d.message.clone())).or_default() += 1;
    }
    out
}

/// How many times each (rule, expression) was checked.
fn checks(result: &FileResult) -> BTreeMap<(String, String), usize> {
    let mut out = BTreeMap::new();
    for c in &result.checks {
        *out.entry((c.rule.clone(), c.expression.clone()))
            .or_default() += 1;
    }
    out
}

/// The two agree; if not, the first entries that differ (not the whole of both).
fn assert_same<K: Ord + std::fmt::Debug>(
    a: &BTreeMap<K, usize>,
    b: &BTreeMap<K, usize>,
    what: &str,
) {
    let differ: Vec<_> = a
        .keys()
        .chain(b.keys())
        .filter(|k| a.get(*k) != b.get(*k))
        .take(10)
        .map(|k| (k, a.get(k), b.get(k)))
        .collect();
    assert!(differ.is_empty(), "{what}: {differ:#?}");
}

/// The sample's prose paragraphs, each whole: section labels dropped (a label in the middle of a
/// line is no label, so the one-line text could not have them) and paragraphs split by a page
/// break joined again (on one line they are joined anyway).
fn sample_paragraphs() -> Vec<String> {
    let text = std::fs::read_to_string("samples/kyrgyz-republic-2023.txt").unwrap();
    let mut paragraphs = Vec::new();
    let mut open = String::new();
    for block in text.split("\n\n").map(str::trim).skip(1) {
        if block.is_empty() || !block.chars().any(char::is_lowercase) {
            continue;
        }
        let block = ["PRIORITIZED RECOMMENDATIONS: ", "TRAFFICKING PROFILE: "]
            .iter()
            .fold(block, |b, label| b.strip_prefix(label).unwrap_or(b));
        if !open.is_empty() {
            open.push(' ');
        }
        open.push_str(&block.replace('\n', " "));
        if open.ends_with('.') || open.ends_with(".\"") {
            paragraphs.push(std::mem::take(&mut open));
        }
    }
    assert!(open.is_empty() && paragraphs.len() > 10);
    paragraphs
}

/// The paragraphs repeated to some `size` bytes (as many in either form), under one heading,
/// joined by `separator`.
fn chapter_of(paragraphs: &[String], size: usize, separator: &str) -> String {
    let average = paragraphs.iter().map(String::len).sum::<usize>() / paragraphs.len();
    let count = size / average;
    let body: Vec<&str> = paragraphs
        .iter()
        .cycle()
        .take(count)
        .map(String::as_str)
        .collect();
    format!("Kyrgyz Republic (Tier 2)\n\n{}\n", body.join(separator))
}

#[test]
fn a_two_megabyte_line_has_the_findings_of_the_same_text_in_paragraphs() {
    let paragraphs = sample_paragraphs();
    let (_, in_paragraphs) = check(&chapter_of(&paragraphs, TWO_MB, "\n\n"));
    let (_, one_line) = check(&chapter_of(&paragraphs, TWO_MB, " "));
    // The same findings and checks: every paragraph ends a sentence, and no relation the
    // claims read reaches from one paragraph into the next, so running the paragraphs together
    // changes nothing. (Each sentence is there a hundred times: duplicate-sentence shows its
    // first thousand findings and one that counts the rest, the same way in both.)
    assert_same(&multiset(&one_line), &multiset(&in_paragraphs), "findings");
    assert_same(&checks(&one_line), &checks(&in_paragraphs), "checks");
    let duplicates = one_line
        .diagnostics
        .iter()
        .filter(|d| d.rule == "duplicate-sentence")
        .count();
    assert_eq!(duplicates, PER_CHAPTER + 1);
}

/// A list's kind: the text of its `n`th item, and what stands between two items.
struct Kind {
    name: &'static str,
    item: fn(usize) -> String,
    between: &'static str,
}

/// A list sentence of `size` bytes in a chapter; on one line, or wrapped at 80 columns as text
/// extracted from a PDF is.
fn list_chapter(size: usize, kind: &Kind, wrapped: bool) -> String {
    let mut sentence = String::from("The government identified victims: ");
    let mut n = 0;
    while sentence.len() < size {
        n += 1;
        if n > 1 {
            sentence.push_str(kind.between);
        }
        sentence.push_str(&(kind.item)(n));
    }
    sentence.push('.');
    if wrapped {
        let mut lines = String::new();
        let mut width = 0;
        for word in sentence.split(' ') {
            // Not before a dash: a line that starts with one is a bullet.
            if width > 0 && width + word.len() >= 80 && word != "–" {
                lines.push('\n');
                width = 0;
            } else if width > 0 {
                lines.push(' ');
                width += 1;
            }
            lines.push_str(word);
            width += word.len();
        }
        sentence = lines;
    }
    format!("Narnia (Tier 2)\n\n{sentence}\n")
}

#[test]
fn long_lists_have_the_findings_of_the_same_lists_wrapped_over_lines() {
    let kinds = [
        // Each part a total that a list may follow (`three defendants, two for …`).
        Kind {
            name: "victims",
            item: |n| format!("{n} victims"),
            between: ", ",
        },
        // Parts that are read as a list after each total.
        Kind {
            name: "mixed",
            item: |n| {
                if n % 2 == 1 {
                    format!("{n} victims")
                } else {
                    format!("{n} for forced labor")
                }
            },
            between: ", ",
        },
        // A breakdown after each dash (`66 victims – 18 …`), each one failing.
        Kind {
            name: "dashes",
            item: |n| format!("{n} victims"),
            between: " – ",
        },
        // Parentheses opened and never closed, each one after a figure.
        Kind {
            name: "parentheses",
            item: |n| format!("{n} victims"),
            between: " (",
        },
        // Percentages of one whole, never closed by `and`: walked once, not once from each.
        Kind {
            name: "percentages",
            item: |n| format!("{} percent were women", n % 90),
            between: ", ",
        },
        // A percentage with its count after each part, all of the total opening the sentence.
        Kind {
            name: "percent pairs",
            item: |n| format!("{} percent ({n}) were women", n % 90),
            between: ", ",
        },
        // A dated parenthesis after each part: each compared with its figure, each looked for
        // near its parenthesis only.
        Kind {
            name: "dated parentheses",
            item: |n| format!("{n} victims (3 in 2029)"),
            between: ", ",
        },
        // A comparison after each part.
        Kind {
            name: "comparisons",
            item: |n| format!("{n} victims, compared with 3 in 2029"),
            between: ", ",
        },
        // An acronym in each part: one finding each, so the limit per chapter is reached.
        Kind {
            name: "acronyms",
            item: |n| {
                let letter = |k: usize| char::from(b'A' + (k % 26) as u8);
                format!("{}{}{}", letter(n / 676), letter(n / 26), letter(n))
            },
            between: ", ",
        },
    ];
    for kind in &kinds {
        let size = if kind.name == "mixed" {
            TWO_MB
        } else {
            200_000
        };
        let (_, one_line) = check(&list_chapter(size, kind, false));
        let (_, wrapped) = check(&list_chapter(size, kind, true));
        // A line break inside a paragraph is a space to every rule.
        let name = kind.name;
        assert_same(&multiset(&one_line), &multiset(&wrapped), name);
        assert_same(&checks(&one_line), &checks(&wrapped), name);
        let shown = |rule: &str| {
            one_line
                .diagnostics
                .iter()
                .filter(|d| d.rule == rule)
                .count()
        };
        match name {
            "acronyms" => assert_eq!(shown("undefined-acronym"), PER_CHAPTER + 1),
            "dashes" => assert!(one_line.checks.len() > 10_000, "{}", one_line.checks.len()),
            // Every part is compared with its earlier figure.
            "dated parentheses" | "comparisons" => {
                let compared = checks_of(&one_line, "trend-mismatch").len();
                assert!(compared > 5_000, "{name}: {compared}");
            }
            _ => {}
        }
    }
}

/// The checks of one rule.
fn checks_of(result: &FileResult, rule: &str) -> Vec<(String, bool)> {
    result
        .checks
        .iter()
        .filter(|c| c.rule == rule)
        .map(|c| (c.expression.clone(), c.ok))
        .collect()
}

/// `20000 items` of `item`, joined by `between`.
fn items(count: usize, item: impl Fn(usize) -> String, between: &str) -> String {
    (1..=count).map(item).collect::<Vec<_>>().join(between)
}

#[test]
fn conversions_whose_parenthesis_never_closes_are_not_read_however_many() {
    // Twenty thousand conversions opened and never closed, then two closed ones in the same
    // sentence: only the closed two are read, as in the sentence without the others. (The
    // parenthesis that closes last closes the last one opened, none of the others.)
    let closed = "1,000 som ($12) and 2,000 som ($5,000)";
    let chapter = |open: &str| {
        format!(
            "Kyrgyz Republic (Tier 2)\n\nIn January 2023, courts fined traffickers {open}{closed}.\n"
        )
    };
    let (_, alone) = check(&chapter(""));
    let unclosed = items(20_000, |n| format!("{n} som (${n}"), " ");
    let (_, long) = check(&chapter(&format!("{unclosed} ")));
    let rates = checks_of(&alone, "rate-mismatch");
    assert_eq!(rates.len(), 1, "{rates:?}");
    let long = checks_of(&long, "rate-mismatch");
    // (Not the whole of a long expression.)
    let short: Vec<_> = long
        .iter()
        .map(|(e, ok)| (&e[..e.len().min(200)], ok))
        .collect();
    assert!(long == rates, "{short:?}");
}

#[test]
fn a_long_list_after_a_total_is_read_as_the_same_short_list() {
    let chapter = |sentence: String| format!("Narnia (Tier 2)\n\n{sentence}.\n");
    let failed = |r: &FileResult| {
        r.checks
            .iter()
            .filter(|c| c.rule == "sum-mismatch" && !c.ok)
            .count()
    };
    // Two halves that each make the total: two lists, both adding up.
    let ones = items(20_000, |_| "1 adults".into(), ", ");
    let (_, halves) = check(&chapter(format!("Of the 10000 victims, {ones}")));
    let sums = checks_of(&halves, "sum-mismatch");
    assert_eq!(sums.len(), 2, "{}", sums.len());
    assert!(sums.iter().all(|(_, passed)| *passed));
    // The first parts make the total and the rest do not: not read.
    let rising = items(20_000, |n| format!("{n} adults"), ", ");
    let (_, prefix) = check(&chapter(format!("Of the 6 victims, {rising}")));
    assert_eq!(checks_of(&prefix, "sum-mismatch"), []);
    // No part of the list makes the total: one list, which does not add up.
    let (_, whole) = check(&chapter(format!("Of the 100 victims, {rising}")));
    assert_eq!(checks_of(&whole, "sum-mismatch").len(), 1);
    assert_eq!(failed(&whole), 1);
}
