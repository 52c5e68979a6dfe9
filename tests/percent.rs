//! Percentages as relations: each text is made up, in the style of the report.

use rust_decimal::Decimal;
use tiplint::diagnostic::Severity;
use tiplint::rules::{RuleSet, Selection, check_source};
use tiplint::source::Source;

#[path = "support/claims.rs"]
mod read;
use read::claims;

fn d(n: i64) -> Decimal {
    Decimal::from(n)
}

/// Each percentage read with its count and whole, as (count, whole, percent).
fn pairs(text: &str) -> Vec<(Decimal, Decimal, Decimal)> {
    claims(text)
        .percents
        .iter()
        .map(|x| (x.count.value, x.whole.value, x.percent.value))
        .collect()
}

/// Each closed list of percentages, as its values.
fn lists(text: &str) -> Vec<Vec<Decimal>> {
    claims(text)
        .percent_parts
        .iter()
        .map(|l| l.parts.iter().map(|x| x.value).collect())
        .collect()
}

#[test]
fn a_percentage_after_a_part_is_of_the_total_its_breakdown_names() {
    let want = vec![(d(36), d(150), d(24))];
    for text in [
        "The government identified 150 victims, including 36 children (24 percent).\n",
        "The government identified 150 victims—36 children (24 percent) and 114 adults.\n",
        "Authorities convicted 36 of the 150 defendants (24 percent).\n",
        "Authorities convicted 36 out of 150 defendants (24 percent).\n",
        "The government identified 150 victims, 36 (24 percent) of whom were children.\n",
        "Of the 150 victims identified, 24 percent (36) were children.\n",
        "Of the 150 victims identified, 24 percent (36 victims) were children.\n",
    ] {
        assert_eq!(pairs(text), want, "{text}");
    }
}

#[test]
fn every_part_of_a_list_with_percentages_is_read_against_the_whole() {
    assert_eq!(
        pairs(
            "Of the 150 victims identified, 24 percent (36) were children and 76 percent (114) were adults.\n"
        ),
        vec![(d(36), d(150), d(24)), (d(114), d(150), d(76))]
    );
    // `of them` after the pair: the figure right before it.
    assert_eq!(
        pairs("Of the 150 victims, 100 were women, 40 percent (40) of them girls.\n"),
        vec![(d(40), d(100), d(40))]
    );
}

#[test]
fn a_percentage_whose_whole_the_text_does_not_name_is_not_read() {
    for text in [
        // The whole is not in the sentence.
        "Of the investigations, 121 (37 percent) involved other crimes.\n",
        "Judges suspended the sentences of 25 convicted traffickers (68 percent).\n",
        // A change, not a part.
        "Referrals rose by 36 percent (1,851 victims) in 2022.\n",
        // A year tag in the parenthesis.
        "Of the 150 victims identified, 24 percent (36 in 2021) were children.\n",
        // A count between the anchor and the pair that is not stated with a percentage.
        "Of the 150 victims, 100 were women and 40 percent (40) were girls.\n",
    ] {
        assert_eq!(pairs(text), vec![], "{text}");
    }
}

#[test]
fn a_closed_list_of_percentages_of_one_whole_is_read() {
    for (text, want) in [
        (
            "A helpline recorded 400 victims—70 percent female and 25 percent male, and 5 percent with their sex unspecified.\n",
            vec![d(70), d(25), d(5)],
        ),
        (
            "Of these victims, 51 percent were adults and 49 percent were children.\n",
            vec![d(51), d(49)],
        ),
        (
            "Police identified 200 victims; 60 percent of them were women and 40 percent were men.\n",
            vec![d(60), d(40)],
        ),
        (
            "In 2022, 60 percent of the victims identified were women and 40 percent of the victims identified were men.\n",
            vec![d(60), d(40)],
        ),
        (
            "Of the victims, about 20 percent were male, 70 percent were female, and 10 percent did not have their sex recorded.\n",
            vec![d(20), d(70), d(10)],
        ),
    ] {
        assert_eq!(lists(text), vec![want], "{text}");
    }
    // Two lists in one sentence, the second of another year.
    assert_eq!(
        lists(
            "Of the victims, 20 percent were male and 80 percent were female, compared with 30 percent male and 70 percent female in 2021.\n"
        ),
        vec![vec![d(20), d(80)], vec![d(30), d(70)]]
    );
}

#[test]
fn a_list_of_percentages_that_may_overlap_or_leave_a_rest_is_not_read() {
    for text in [
        // A part stated as a count.
        "Of these, 55 percent were female, 45 percent were male, and three victims were transgender.\n",
        // Parts of two dimensions.
        "Of these, 45 percent were women, 30 percent were men, and 25 percent were children.\n",
        // Shares of other wholes.
        "Police referred 20 percent of women and 30 percent of men to shelters.\n",
        // Not every part: only one value of the dimension.
        "Of these, 60 percent were women and 30 percent were of unknown origin.\n",
        // Forms of exploitation are no closed set.
        "Of these, 40 percent were exploited in sex trafficking and 50 percent in forced labor.\n",
        // The sentence names a rest.
        "Of these, 60 percent were women and 30 percent were men; the rest were children.\n",
        // Open: no `and` before the last.
        "Of these, 60 percent were women, 30 percent were men.\n",
        // Shares of other wholes, told by a place or an action.
        "Of these, 60 percent were women in the capital and 30 percent were men in the provinces.\n",
        "Of these, 60 percent of women received shelter and 30 percent of men received shelter.\n",
        "In 2022, 60 percent of the victims were women and 30 percent of the traffickers were men.\n",
        "In 2022, 60 percent of women were adults and 30 percent were children.\n",
    ] {
        assert_eq!(lists(text), Vec::<Vec<Decimal>>::new(), "{text}");
    }
}

/// The findings of `percent-mismatch` on `text`: (severity, labels, help).
fn findings(text: &str) -> Vec<(Severity, Vec<String>, Option<String>)> {
    let rules = RuleSet::default_rules();
    let sel = Selection::resolve(&rules, &["percent-mismatch".to_string()], &[]).unwrap();
    check_source(&Source::new("t.txt", text.to_string()), &rules, &sel)
        .diagnostics
        .into_iter()
        .filter(|d| d.rule == "percent-mismatch")
        .map(|d| {
            (
                d.severity,
                d.labels.into_iter().map(|l| l.text).collect(),
                d.help,
            )
        })
        .collect()
}

#[test]
fn a_mismatch_labels_each_figure_and_shows_the_arithmetic() {
    let found = findings("Of the 150 victims identified, 24 percent (46) were children.\n");
    assert_eq!(
        found,
        vec![(
            Severity::Error,
            vec![
                "percent: 24".to_string(),
                "count: 46".to_string(),
                "whole: 150".to_string()
            ],
            Some("46 / 150 × 100 = 30.67; 24 percent, as rounded, stands for 23.5 to 24.5".into())
        )]
    );
}

#[test]
fn a_mismatch_of_an_approximate_percentage_or_figure_is_an_info() {
    for text in [
        "Of the 150 victims identified, about 24 percent (46) were children.\n",
        "Of the 150 victims identified, 24 percent (about 46) were children.\n",
        "Of the victims, approximately 20 percent were male and 70 percent were female.\n",
    ] {
        let found = findings(text);
        assert_eq!(found.len(), 1, "{text}");
        assert_eq!(found[0].0, Severity::Info, "{text}");
    }
}

#[test]
fn the_rounding_of_the_percentage_is_allowed() {
    // 1/3 is 33.33 percent: `33 percent` and `33.3 percent` agree, `33.4 percent` does not.
    let text = |p: &str| format!("Of the 30 victims identified, {p} percent (10) were children.\n");
    assert!(findings(&text("33")).is_empty());
    assert!(findings(&text("33.3")).is_empty());
    assert_eq!(findings(&text("33.4")).len(), 1);
    // Three parts rounded each to the unit may be 1.5 off 100, not more.
    let list =
        |a: &str| format!("Of these, {a} percent were adults and 50 percent were children.\n");
    assert!(findings(&list("51")).is_empty());
    assert_eq!(findings(&list("52")).len(), 1);
}

#[test]
fn a_list_by_sex_of_children_is_read_like_one_of_adults() {
    // `girls` and `boys` state sex and age, as `women` and `men` do: the parts differ in sex.
    for text in [
        "Of the 50 child victims, 60 percent were girls and 30 percent were boys.\n",
        "Of the 50 adult victims, 60 percent were women and 30 percent were men.\n",
    ] {
        assert_eq!(lists(text), vec![vec![d(60), d(30)]], "{text}");
        let found = findings(text);
        assert_eq!(found.len(), 1, "{text}");
        assert_eq!(found[0].0, Severity::Error, "{text}");
    }
    // Parts that differ in more than one dimension are no partition.
    assert!(lists("Of these, 60 percent were girls and 40 percent were men.\n").is_empty());
}

#[test]
fn a_percentage_or_count_is_read_past_any_approximation_the_quantity_grammar_knows() {
    for text in [
        "Of the 150 victims identified, 24 percent (an estimated 46) were children.\n",
        "Of the 150 victims identified, close to 24 percent (46) were children.\n",
        "Of the victims, an estimated 20 percent were male and 70 percent were female.\n",
    ] {
        let found = findings(text);
        assert_eq!(found.len(), 1, "{text}");
        assert_eq!(found[0].0, Severity::Info, "{text}");
    }
}
