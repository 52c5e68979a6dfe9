//! Comparisons in the report's own language: each construction with invented figures, and the
//! pairs (current, earlier) it must give — no more, no fewer.

use rust_decimal::Decimal;

#[path = "support/claims.rs"]
mod read;
use read::claims;

/// Every comparison of `text` as (current, earlier), sorted.
fn pairs(text: &str) -> Vec<(Decimal, Decimal)> {
    let mut v: Vec<_> = claims(text)
        .comparisons
        .iter()
        .map(|c| (c.current.value, c.previous.value))
        .collect();
    v.sort();
    v
}

fn p(pairs: &[(i64, i64)]) -> Vec<(Decimal, Decimal)> {
    let mut v: Vec<_> = pairs
        .iter()
        .map(|&(a, b)| (Decimal::from(a), Decimal::from(b)))
        .collect();
    v.sort();
    v
}

#[test]
fn similar_to_compares_without_a_direction() {
    let c = claims(
        "Police opened 12 investigations—four for sex trafficking and eight for forced labor—similar to 13 investigations in the previous reporting period.",
    );
    assert_eq!(c.comparisons.len(), 1);
    assert_eq!(
        (
            c.comparisons[0].current.value,
            c.comparisons[0].previous.value
        ),
        (Decimal::from(12), Decimal::from(13))
    );
    assert_eq!(c.comparisons[0].direction, None);
}

#[test]
fn an_action_named_as_a_noun_before_the_earlier_figure() {
    assert_eq!(
        pairs(
            "The government investigated 210 cases (including 40 investigations continued from previous years), compared with the investigation of 260 cases (including 19 ongoing investigations) during the previous reporting period."
        ),
        p(&[(210, 260)])
    );
}

#[test]
fn the_action_of_an_earlier_figure_may_follow_it() {
    // `the 280 individuals the government prosecuted`: prosecuted, as the 410 suspects were.
    assert_eq!(
        pairs(
            "The government prosecuted 410 suspects (150 for sex trafficking and 260 for forced labor)—an increase from the 280 individuals the government prosecuted the previous reporting period."
        ),
        p(&[(410, 280)])
    );
}

#[test]
fn approximate_figures_are_read_but_never_judged() {
    for (text, pair) in [
        (
            "Officials screened approximately 40,200 migrants returned from Narnia in 2029 (31,000 in 2028).",
            (40200, 31000),
        ),
        (
            "The agency assisted at least 150 vulnerable children, including potential victims, in 2029, compared with identifying 170 vulnerable children in the previous reporting period.",
            (150, 170),
        ),
    ] {
        let c = claims(text);
        assert_eq!(c.comparisons.len(), 1, "{text}");
        assert!(c.comparisons[0].approx);
        assert_eq!(
            (
                c.comparisons[0].current.value,
                c.comparisons[0].previous.value
            ),
            (Decimal::from(pair.0), Decimal::from(pair.1))
        );
    }
    // A chain of earlier years after an approximate figure: the exact years with each other.
    assert_eq!(
        pairs(
            "Officials identified at least 120 children who left armed groups in 2029 (145 in 2028 and 190 in 2027)."
        ),
        p(&[(120, 145), (145, 190)])
    );
}

#[test]
fn a_parenthesis_after_a_partitive_is_about_its_first_figure() {
    assert_eq!(
        pairs("Police identified only 21 of the 80 official and potential victims (45 in 2028)."),
        p(&[(21, 45)])
    );
}

#[test]
fn a_parenthesis_naming_another_noun_than_an_including_item_is_about_the_whole() {
    assert_eq!(
        pairs(
            "Police identified 230 potential victims of forced labor (50 in 2028) and 70 potential victims of sex trafficking, including 20 children (61 victims in 2028)."
        ),
        p(&[(70, 61), (230, 50)])
    );
    // With no figure of that noun, nothing is read.
    assert_eq!(
        pairs("Police identified 20 children (61 victims in 2028)."),
        p(&[])
    );
}

#[test]
fn a_parenthesis_opening_on_compared_pairs_item_for_item_past_what_qualifies_them() {
    assert_eq!(
        pairs(
            "The government provided 25 victims with emergency aid and 41 with long-term aid in 2029 (compared to providing 52 with emergency aid and 30 with long-term aid in 2028)."
        ),
        p(&[(25, 52), (41, 30)])
    );
}

#[test]
fn earlier_figures_followed_by_their_participles_pair_by_action() {
    assert_eq!(
        pairs(
            "These units assisted 180 children (170 Narnian and 10 foreign), and officials referred 72 girls to shelters in 2029, compared with 110 child victims assisted and 90 girls referred to shelters in 2028."
        ),
        p(&[(180, 110), (72, 90)])
    );
}

#[test]
fn gerunds_on_the_earlier_side_pair_with_the_verbs_of_one_figure() {
    // Not with the items of the `including` list.
    assert_eq!(
        pairs(
            "The government identified and referred 61 victims to care, including 30 labor trafficking victims, 22 sex trafficking victims, and nine victims of unspecified forms of trafficking, compared with identifying 70 victims and referring 61 victims to care in the previous reporting period."
        ),
        p(&[(61, 61), (61, 70)])
    );
    // An earlier figure of an action the current one was not done by is not paired.
    assert_eq!(
        pairs(
            "The government identified 64 victims, compared with identifying 73 victims and referring 50 victims to care in the previous reporting period."
        ),
        p(&[(64, 73)])
    );
}

#[test]
fn respectively_pairs_lists_in_order() {
    assert_eq!(
        pairs(
            "All identified victims were Narnian, including 160 labor trafficking victims and 12 victims of sexual exploitation, compared with 19 victims exploited in labor trafficking and 25 victims of sexual exploitation in 2028, respectively."
        ),
        p(&[(12, 25), (160, 19)])
    );
}

#[test]
fn lists_whose_items_say_different_things_are_not_paired_in_order() {
    assert_eq!(
        pairs(
            "Of these, 40 were victims of forced criminality, 12 of sex trafficking, and three of forced labor (eight of sex trafficking, seven of forced criminality, and three of forced labor in 2028)."
        ),
        p(&[])
    );
}

#[test]
fn this_was_a_decrease_from_each_earlier_figure_joined_by_and() {
    assert_eq!(
        pairs(
            "The government identified 220 victims in 2029. This was a significant decrease from 610 victims identified in 2028 and 540 victims identified in 2027."
        ),
        p(&[(220, 540), (220, 610)])
    );
}
