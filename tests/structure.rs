//! The structure parser on whole files: spans survive BOM and CRLF, nothing panics, every span is
//! in bounds and on a character boundary.

use tiplint::parse::{Report, SectionKind, StructureGrammar, Tier};
use tiplint::rules::{RuleSet, Selection, check_source};
use tiplint::source::{Source, Span};

fn parse(text: &str) -> Report {
    let rules = RuleSet::default_rules();
    StructureGrammar::new(&rules.vocabulary).parse(text)
}

fn sentences(text: &str) -> Vec<String> {
    parse(text)
        .chapters
        .iter()
        .flat_map(|c| {
            c.sentences()
                .map(|s| text[s.span.start..s.span.end].replace("\r\n", "\n"))
                .collect::<Vec<_>>()
        })
        .collect()
}

fn sound(text: &str, s: Span) -> bool {
    s.start <= s.end
        && s.end <= text.len()
        && text.is_char_boundary(s.start)
        && text.is_char_boundary(s.end)
}

#[test]
fn bom_and_crlf_do_not_shift_spans() {
    let lf = std::fs::read_to_string("samples/kyrgyz-republic-2023.txt").unwrap();
    let crlf = format!("\u{FEFF}{}", lf.replace('\n', "\r\n"));
    let a = sentences(&lf);
    let b = sentences(&crlf);
    assert!(a.len() > 100);
    assert_eq!(a, b);
    let r = parse(&crlf);
    let h = r.chapters[0].heading.as_ref().unwrap();
    assert_eq!(&crlf[h.span.start..h.span.end], "Kyrgyz Republic (Tier 2)");
    let broken: usize = r.chapters[0].paragraphs().map(|p| p.parts.len() - 1).sum();
    assert_eq!(broken, 8);
}

#[test]
fn the_sample_has_every_section_in_order() {
    let text = std::fs::read_to_string("samples/kyrgyz-republic-2023.txt").unwrap();
    let r = parse(&text);
    assert_eq!(r.chapters.len(), 1);
    assert_eq!(r.chapters[0].tier(), Some(Tier::Tier2));
    let kinds: Vec<SectionKind> = r.chapters[0].sections.iter().map(|s| s.kind).collect();
    use SectionKind::*;
    assert_eq!(
        kinds,
        vec![
            Intro,
            Recommendations,
            Prosecution,
            Protection,
            Prevention,
            Profile
        ]
    );
    // The page break inside the recommendations does not split an item.
    let recs = &r.chapters[0].sections[1].recommendations;
    let sixth = &text[recs[5].span.start..recs[5].span.end];
    assert!(
        sixth.starts_with("Increase funding") && sixth.ends_with("victims of trafficking."),
        "{sixth}"
    );
}

#[test]
fn markdown_headings_and_several_chapters() {
    let text = std::fs::read_to_string("tests/fixtures/two-chapters.md").unwrap();
    let r = parse(&text);
    assert_eq!(
        r.preamble.len(),
        1,
        "the report title before the first chapter"
    );
    assert_eq!(r.chapters.len(), 2);
    assert_eq!(r.chapters[0].country(), Some("Narnia"));
    assert_eq!(r.chapters[0].sections.len(), 6);
    assert_eq!(r.chapters[0].sections[1].recommendations.len(), 2);
    assert_eq!(r.chapters[1].tier(), Some(Tier::Tier1));
}

/// A small deterministic generator, so a failure reproduces.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
}

#[test]
fn mangled_text_never_panics_and_spans_stay_sound() {
    let base: Vec<char> = std::fs::read_to_string("samples/kyrgyz-republic-2023.txt")
        .unwrap()
        .chars()
        .collect();
    let rules = RuleSet::default_rules();
    let all = Selection::default();
    let pieces = [
        "\n",
        "\n\n",
        "\r\n",
        "(",
        ")",
        ":",
        " * ",
        "•",
        "–",
        "\\$",
        "Tier ",
        "PROSECUTION",
        "ü",
        "\u{FEFF}",
        ".",
        "#",
        "  ",
        ";",
        "All but ",
        " referred ",
        "self-referred",
        " the remaining 4",
        "; of 5 victims, ",
        "All 12 Narnian victims identified",
        " Som",
        " soms",
        " the the ",
        ", compared with 3 and 4, respectively, ",
        ". This significant increase ",
        ". The remaining 4 were ",
        " tenge (KZT) ($5) ",
        ", including 2 million som ($3) for x and ",
        " served ",
        " exploited in ",
        " were Narnian—all adults, including 3 ",
        ", a decrease of about 20 percent compared with ",
        " a 60 % increase from ",
        ", compared with 2021, when police initiated ",
        " rose to 25, compared with ",
        " decreased to 12 from ",
        " years, down from 5 years ",
        "İ",
        "\n\nThe government slightly decreased prevention efforts. ",
    ];
    let mut rng = Lcg(7);
    for round in 0..150 {
        let mut chars = base.clone();
        for _ in 0..(1 + rng.next() % 40) {
            let at = rng.next() % (chars.len() + 1);
            match rng.next() % 3 {
                0 if at < chars.len() => {
                    chars.remove(at);
                }
                _ => {
                    let p = pieces[rng.next() % pieces.len()];
                    for (k, c) in p.chars().enumerate() {
                        chars.insert(at + k, c);
                    }
                }
            }
        }
        // Sometimes keep only a slice, as an excerpt would.
        let text: String = if round % 5 == 0 {
            let a = rng.next() % chars.len();
            chars[a..].iter().take(rng.next() % 3000 + 1).collect()
        } else {
            chars.into_iter().collect()
        };
        let src = Source::new("fuzz.txt", text.clone());
        let result = check_source(&src, &rules, &all);
        for d in &result.diagnostics {
            assert!(
                sound(&text, d.span),
                "round {round}: {} span {:?}",
                d.rule,
                d.span
            );
            assert!(d.labels.iter().all(|l| sound(&text, l.span)));
        }
        for c in parse(&text).chapters {
            for s in c.sentences() {
                assert!(sound(&text, s.span), "round {round}: sentence {:?}", s.span);
            }
        }
    }
}

/// A chapter of the given heading and recommendations label, every section present.
fn chapter_with(before: &str, label: &str) -> String {
    format!(
        "{before}NARNIA: Tier 2\n\nThe Government of Narnia does not fully meet the minimum standards \
         for the elimination of trafficking but is making significant efforts to do so.\n\n{label}\n\n\
         Increase efforts to identify victims.\n\nTrain judges on the law.\n\nPROSECUTION\n\n\
         The government increased law enforcement efforts.\n\nPROTECTION\n\n\
         The government maintained efforts to protect victims.\n\nPREVENTION\n\n\
         The government increased prevention efforts.\n\nTRAFFICKING PROFILE\n\n\
         As reported over the past five years, traffickers exploit victims.\n"
    )
}

#[test]
fn a_recommendations_label_naming_the_country_may_stand_alone_without_a_colon() {
    use SectionKind::*;
    for label in ["RECOMMENDATIONS FOR NARNIA", "Recommendations for Narnia"] {
        let text = chapter_with("", label);
        let r = parse(&text);
        let kinds: Vec<SectionKind> = r.chapters[0].sections.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            vec![
                Intro,
                Recommendations,
                Prosecution,
                Protection,
                Prevention,
                Profile
            ],
            "{label}"
        );
    }
    // A sentence that starts with the same words is no label.
    let text = chapter_with(
        "",
        "PRIORITIZED RECOMMENDATIONS:\n\nRecommendations for the government remained unmet",
    );
    let r = parse(&text);
    assert_eq!(
        r.chapters[0]
            .sections
            .iter()
            .filter(|s| s.kind == SectionKind::Recommendations)
            .count(),
        1
    );
}

#[test]
fn a_line_ending_in_a_heading_after_other_words_is_not_a_heading() {
    let text = chapter_with(
        "IN THIS SECTION/ NARNIA (TIER 2)\n\n",
        "PRIORITIZED RECOMMENDATIONS:",
    );
    let r = parse(&text);
    assert_eq!(r.chapters.len(), 1);
    assert_eq!(r.chapters[0].country(), Some("Narnia"));
    assert_eq!(r.chapters[0].sections.len(), 6);
}

#[test]
fn a_missing_section_is_named_in_plain_words() {
    let rules = RuleSet::default_rules();
    let sel = Selection::resolve(&rules, &["missing-section".to_string()], &[]).unwrap();
    let src = Source::new("bare.txt", "NARNIA: Tier 2\n".to_string());
    let labels: Vec<String> = check_source(&src, &rules, &sel)
        .diagnostics
        .iter()
        .flat_map(|d| d.labels.iter().map(|l| l.text.clone()))
        .collect();
    assert!(
        labels.contains(&"this chapter has no introduction".to_string()),
        "{labels:?}"
    );
    assert!(
        labels.contains(&"this chapter has no PROSECUTION section".to_string()),
        "{labels:?}"
    );
}

#[test]
fn a_report_title_line_states_the_edition() {
    // Dated months alone would imply the 2024 edition; the title says 2019.
    let text = "2019 Trafficking in Persons Report: Narnia\n\nNARNIA: Tier 2\n\nIn June 2023 the \
                government met in Turkey. In May 2023 officials trained police.\n"
        .to_string();
    let rules = RuleSet::default_rules();
    let src = Source::new("titled.txt", text);
    let result = check_source(&src, &rules, &Selection::default());
    assert_eq!(result.edition.map(|e| e.0), Some(2019));
    assert!(
        !result.diagnostics.iter().any(|d| d.rule == "outdated-name"),
        "Turkey is the name of the 2019 edition"
    );
}

#[test]
fn an_acronym_in_a_compound_is_labelled_alone() {
    let rules = RuleSet::default_rules();
    let sel = Selection::resolve(&rules, &["undefined-acronym".to_string()], &[]).unwrap();
    let text = "The government funded DGS-operated shelters.\n".to_string();
    let src = Source::new("compound.txt", text.clone());
    let result = check_source(&src, &rules, &sel);
    let spans: Vec<&str> = result
        .diagnostics
        .iter()
        .map(|d| &text[d.span.start..d.span.end])
        .collect();
    assert_eq!(spans, ["DGS"]);
}
