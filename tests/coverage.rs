//! Coverage: which sentences hold two or more counted figures of one measure (the facts stage),
//! and which of those a check read (after the rules ran). Texts made up in the report's style.

use tiplint::facts::{Lexicon, extract};
use tiplint::parse::StructureGrammar;
use tiplint::rules::{RuleSet, Selection, check_source};
use tiplint::source::Source;

/// The figures (as written) of each measured sentence of `text`.
fn measured(text: &str) -> Vec<Vec<&str>> {
    let rules = RuleSet::default_rules();
    let report = StructureGrammar::new(&rules.vocabulary).parse(text);
    let lex = Lexicon::new(&rules.vocabulary);
    let facts = extract(text, &report, &lex);
    facts
        .chapters
        .iter()
        .flat_map(|c| c.measured.iter())
        .map(|m| m.figures.iter().map(|f| &text[f.start..f.end]).collect())
        .collect()
}

#[test]
fn figures_of_one_counted_noun_make_a_measured_sentence() {
    assert_eq!(
        measured("Police opened 14 cases in the north and nine cases in the south.\n"),
        [["14", "nine"]]
    );
    // Different measures, or one figure of a measure: nothing to relate.
    assert!(measured("Police opened 14 cases and arrested three suspects.\n").is_empty());
    assert!(
        measured("In 2021, 14 cases were opened under Article 171 within 30 days.\n").is_empty()
    );
    // Money and percentages are not counts.
    assert!(measured("It spent $400 of $900, or 44 percent of 100 percent.\n").is_empty());
}

#[test]
fn a_figure_without_its_noun_counts_with_the_list_it_stands_in() {
    // Classes of people and elided nouns take the measure of the figure they follow.
    assert_eq!(
        measured(
            "The government identified 30 victims, of whom 20 were women and 18 were foreign.\n"
        ),
        [["30", "20", "18"]]
    );
    assert_eq!(
        measured("The government identified 24 victims, compared with 53 in 2021.\n"),
        [["24", "53"]]
    );
    // A class of people on its own keeps its noun: women and men are two measures.
    assert!(measured("Courts convicted 12 women and three men.\n").is_empty());
    // An elided figure with nothing before it has no measure.
    assert!(
        measured("Of these, 12 were for sex trafficking and 40 traffickers were jailed.\n")
            .is_empty()
    );
}

#[test]
fn a_measured_sentence_is_read_when_a_check_compared_one_of_its_figures() {
    let text = "The government identified 30 victims, of whom 20 were women and 10 were men. \
                Police opened 14 cases in the north and nine cases in the south.\n";
    let result = check_source(
        &Source::new("t.txt", text.to_string()),
        &RuleSet::default_rules(),
        &Selection::default(),
    );
    assert_eq!(result.coverage.sentences, 2);
    assert_eq!(result.coverage.read, 1);
    let unread: Vec<&str> = result
        .unread
        .iter()
        .map(|s| &text[s.start..s.end])
        .collect();
    assert_eq!(
        unread,
        ["Police opened 14 cases in the north and nine cases in the south."]
    );
    // With the consistency rules not run, nothing is read.
    let none = check_source(
        &Source::new("t.txt", text.to_string()),
        &RuleSet::default_rules(),
        &Selection::resolve(&RuleSet::default_rules(), &["repeated-word".into()], &[]).unwrap(),
    );
    assert_eq!((none.coverage.sentences, none.coverage.read), (2, 0));
}
