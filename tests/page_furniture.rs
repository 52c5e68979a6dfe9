//! A whole report in one file, as text extracted from the PDF: 190 invented chapters with page
//! furniture (page numbers, the running title, the chapter's country name alone on a line)
//! between paragraphs and inside them. The furniture is neither a paragraph nor a heading, a
//! paragraph it interrupts is one paragraph, and it causes no finding.

use tiplint::parse::{Report, StructureGrammar};
use tiplint::rules::{RuleSet, Selection, check_source};
use tiplint::source::Source;

const FIRST: &[&str] = &[
    "Bor", "Cal", "Dun", "Esk", "Fen", "Gal", "Hol", "Ist", "Jor", "Kel", "Lom", "Mar", "Nov",
    "Ost", "Pel", "Quor", "Rav", "Sel", "Tor",
];
const LAST: &[&str] = &[
    "avia", "onia", "aria", "esia", "ova", "umbia", "enia", "ador", "inia", "ostan",
];

/// 190 invented country names.
fn names() -> Vec<String> {
    FIRST
        .iter()
        .flat_map(|a| LAST.iter().map(move |b| format!("{a}{b}")))
        .collect()
}

/// One chapter. With `furniture`, page breaks fall between paragraphs and inside one (a
/// sentence and a breakdown cut in two, the running title and a page number between).
fn chapter(name: &str, n: usize, furniture: bool) -> String {
    let upper = name.to_uppercase();
    let heading = if n.is_multiple_of(2) {
        format!("{upper}: TIER 2")
    } else {
        format!("{name} (Tier 2)")
    };
    let page = 100 + 2 * n;
    let (inside, between) = if furniture {
        (
            format!("\n\nTRAFFICKING IN PERSONS REPORT\n\n{page}\n\n"),
            format!("\n\n{upper}\n\n{}\n\n", page + 1),
        )
    } else {
        ("\n\n".to_string(), "\n\n".to_string())
    };
    format!(
        "{heading}\n\nThe Government of {name} does not fully meet the minimum standards for the elimination of trafficking but is making significant efforts to do so.\n\nPROSECUTION\n\nThe government investigated {a} cases and convicted {b} traffickers. Officials identified {t} victims: {m} men and{inside}{w} women, compared with 9 victims in the previous year.{between}PROTECTION\n\nThe government referred {w} victims to shelters.\n\n",
        a = 10 + n % 7,
        b = 2 + n % 3,
        t = 12 + n % 5,
        m = 5,
        w = 7 + n % 5,
    )
}

fn report(furniture: bool) -> String {
    let mut text = String::from("2023 Trafficking in Persons Report\n\n");
    for (n, name) in names().iter().enumerate() {
        text.push_str(&chapter(name, n, furniture));
    }
    text
}

fn parse(text: &str) -> Report {
    let rules = RuleSet::default_rules();
    StructureGrammar::new(&rules.vocabulary).parse(text)
}

#[test]
fn a_report_of_190_chapters_with_furniture_splits_into_its_chapters() {
    let text = report(true);
    let r = parse(&text);
    let countries: Vec<&str> = r.chapters.iter().filter_map(|c| c.country()).collect();
    assert_eq!(countries.len(), 190);
    assert_eq!(countries, names());
    for c in &r.chapters {
        // No stray label, no section but the three, no paragraph made of furniture.
        assert!(c.unknown.is_empty(), "{:?}", c.country());
        assert_eq!(c.sections.len(), 3, "{:?}", c.country());
        assert_eq!(c.paragraphs().count(), 3, "{:?}", c.country());
    }
    // Two lines of furniture inside each chapter's paragraph, two between paragraphs.
    assert_eq!(r.furniture.len(), 4 * 190);
    for f in &r.furniture {
        let line = &text[f.start..f.end];
        assert!(
            line == "TRAFFICKING IN PERSONS REPORT"
                || line.bytes().all(|b| b.is_ascii_digit())
                || names().iter().any(|n| n.to_uppercase() == line),
            "{line:?}"
        );
    }
}

#[test]
fn a_paragraph_split_by_a_page_break_is_one_paragraph_of_two_parts_over_the_real_bytes() {
    let text = report(true);
    let r = parse(&text);
    let c = &r.chapters[3];
    let p = &c.sections[1].paragraphs[0];
    assert_eq!(p.parts.len(), 2);
    assert!(text[p.parts[0].start..p.parts[0].end].ends_with("5 men and"));
    assert!(text[p.parts[1].start..p.parts[1].end].starts_with("10 women"));
    // The sentence the page break cut is one sentence; its span holds the real bytes, the
    // furniture between them included.
    let cut = p
        .sentences
        .iter()
        .find(|s| text[s.span.start..s.span.end].starts_with("Officials identified"))
        .unwrap();
    let bytes = &text[cut.span.start..cut.span.end];
    assert!(bytes.ends_with("in the previous year."), "{bytes}");
    assert!(
        bytes.contains("TRAFFICKING IN PERSONS REPORT\n\n106\n\n"),
        "{bytes}"
    );
}

#[test]
fn the_furniture_causes_no_finding() {
    let rules = RuleSet::default_rules();
    let findings = |furniture: bool| {
        let src = Source::new("report.txt", report(furniture));
        let result = check_source(&src, &rules, &Selection::default());
        let mut found: Vec<(String, String)> = result
            .diagnostics
            .iter()
            .map(|d| (d.rule.clone(), d.message.clone()))
            .collect();
        found.sort();
        (found, result.checks.len())
    };
    let (with, with_checks) = findings(true);
    let (without, without_checks) = findings(false);
    assert_eq!(with, without);
    // The breakdown the page break cuts is read and checked as in the text without furniture.
    assert_eq!(with_checks, without_checks);
    assert!(!with.iter().any(|(r, _)| r == "sum-mismatch"), "{with:#?}");
}

#[test]
fn a_chapter_file_with_a_page_number_and_a_running_title_reads_as_without_them() {
    let plain = chapter("Zembla", 1, false);
    let broken = chapter("Zembla", 1, true);
    let sentences = |text: &str| -> Vec<String> {
        let r = parse(text);
        let masked = tiplint::parse::structure::mask(text, &r.furniture);
        r.chapters[0]
            .sentences()
            .map(|s| {
                masked[s.span.start..s.span.end]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    };
    assert_eq!(sentences(&broken), sentences(&plain));
    // A country name alone that no heading named before is not furniture.
    let r = parse("Zembla (Tier 2)\n\nThe government acted.\n\nRURITANIA\n\nMore text here.\n");
    assert!(r.furniture.is_empty());
}
