//! Claim patterns, one small text each, written in the style of the report.

use rust_decimal::Decimal;
use tiplint::facts::{Direction, Doubt, RelationKind};

#[path = "support/claims.rs"]
mod read;
use read::claims;

/// Each comparison of `text`: its current and earlier figure, and what it measures.
fn compared_pairs(text: &str) -> Vec<(Decimal, Decimal, Option<String>)> {
    claims(text)
        .comparisons
        .iter()
        .map(|c| (c.current.value, c.previous.value, c.action.clone()))
        .collect()
}

fn d(n: i64) -> Decimal {
    Decimal::from(n)
}

/// Every breakdown as (kind, total, parts).
fn breakdowns(text: &str) -> Vec<(RelationKind, Decimal, Vec<Decimal>)> {
    claims(text)
        .breakdowns
        .iter()
        .map(|b| {
            (
                b.kind,
                b.total.value,
                b.parts.iter().map(|p| p.value).collect(),
            )
        })
        .collect()
}

fn sum(total: i64, parts: &[i64]) -> (RelationKind, Decimal, Vec<Decimal>) {
    (
        RelationKind::Sum,
        d(total),
        parts.iter().map(|&p| d(p)).collect(),
    )
}

fn split(total: i64, parts: &[i64]) -> (RelationKind, Decimal, Vec<Decimal>) {
    (
        RelationKind::Split,
        d(total),
        parts.iter().map(|&p| d(p)).collect(),
    )
}

#[test]
fn dash_list_with_nested_parentheses() {
    let b = breakdowns(
        "NGOs identified 31 victims – 12 sex trafficking victims (ten women and two girls), 18 forced labor victims, and one boy in begging – in the capital.",
    );
    assert_eq!(b, vec![sum(31, &[12, 18, 1]), sum(12, &[10, 2])]);
}

#[test]
fn parentheses_after_the_total_even_past_a_year() {
    assert_eq!(
        breakdowns(
            "Police opened nine investigations (four of forced labor and five of sex trafficking)."
        ),
        vec![sum(9, &[4, 5])]
    );
    assert_eq!(
        breakdowns(
            "Police opened 12 investigations in 2030 (two of forced labor and ten of sex trafficking)."
        ),
        vec![sum(12, &[2, 10])]
    );
}

#[test]
fn colon_list() {
    assert_eq!(
        breakdowns(
            "Courts convicted 11 traffickers: eight for sex trafficking and three for forced labor."
        ),
        vec![sum(11, &[8, 3])]
    );
}

#[test]
fn explicit_and_back_referring_anchors() {
    assert_eq!(
        breakdowns("Of the 15 victims identified, nine were women and six were girls."),
        vec![sum(15, &[9, 6])]
    );
    assert_eq!(
        breakdowns(
            "The government identified 15 victims. Of these, nine were women and six were girls."
        ),
        vec![split(15, &[9, 6])]
    );
    assert_eq!(
        breakdowns(
            "The government identified 15 victims. Of those victims, nine were women and six were girls."
        ),
        vec![split(15, &[9, 6])]
    );
    assert_eq!(
        breakdowns(
            "The government identified 15 victims. Among them, nine were women and six were girls."
        ),
        vec![split(15, &[9, 6])]
    );
}

#[test]
fn split_after_a_semicolon_refers_to_the_sentence_total() {
    let b = breakdowns(
        "NGOs assisted 20 victims – 15 women and five men; 12 were Narnian and eight were foreign nationals.",
    );
    assert_eq!(b, vec![sum(20, &[15, 5]), split(20, &[12, 8])]);
}

#[test]
fn two_splits_written_as_one_are_told_apart() {
    let b = breakdowns(
        "Of the 40 victims assisted, 30 were Narnian and ten were foreigners; 25 were victims of sex trafficking, 15 of forced labor, 22 were female, and 18 male.",
    );
    assert_eq!(
        b,
        vec![
            sum(40, &[30, 10]),
            split(40, &[25, 15]),
            split(40, &[22, 18])
        ]
    );
}

#[test]
fn elliptical_comma_form() {
    assert_eq!(
        breakdowns(
            "The government prosecuted five defendants, three for sex trafficking and two for forced labor."
        ),
        vec![sum(5, &[3, 2])]
    );
    // Parts counting other things are not a breakdown.
    assert!(
        breakdowns("The government trained 40 judges, 30 prosecutors, and 20 police officers.")
            .is_empty()
    );
}

#[test]
fn including_lists_are_open() {
    let b = breakdowns("Police identified 30 victims, including 12 children and eight men.");
    assert_eq!(b, vec![(RelationKind::Including, d(30), vec![d(12), d(8)])]);
    let b = breakdowns(
        "Police opened 40 cases in 2030, including 24 sex trafficking cases and 16 forced labor cases, and eight cases in 2029, including one sex trafficking case and seven forced labor cases.",
    );
    assert_eq!(b[0], (RelationKind::Including, d(40), vec![d(24), d(16)]));
    assert_eq!(b[1], (RelationKind::Including, d(8), vec![d(1), d(7)]));
}

#[test]
fn of_whom_all_were_and_which_included() {
    assert_eq!(
        breakdowns(
            "The ministry served 1,200 victims, of whom 700 were women and 500 were children."
        )[0]
        .1,
        d(1200)
    );
    let b = breakdowns(
        "Authorities identified seven victims. All were foreign citizens, including five men and two women.",
    );
    assert_eq!(b, vec![(RelationKind::Including, d(7), vec![d(5), d(2)])]);
    let b = breakdowns(
        "The government identified six victims. Of these, four were sex trafficking victims and two were labor trafficking victims, which included three women, two men, and one boy.",
    );
    assert!(
        b.contains(&(RelationKind::Including, d(6), vec![d(3), d(2), d(1)])),
        "{b:?}"
    );
}

#[test]
fn year_tagged_breakdown_belongs_to_that_years_figure() {
    let b = breakdowns(
        "The government identified nine victims (13 in 2029). Of these, eight were subjected to forced labor and one to sex trafficking (ten were subjected to sex trafficking and three to forced labor in 2029).",
    );
    assert!(b.contains(&split(9, &[8, 1])), "{b:?}");
    assert!(b.contains(&sum(13, &[10, 3])), "{b:?}");
}

#[test]
fn subsets() {
    let b =
        breakdowns("Inspectors found 35 agencies out of the 60 agencies licensed charged fees.");
    assert_eq!(b, vec![(RelationKind::Subset, d(60), vec![d(35)])]);
    let b = breakdowns("Only 21 of the 50 identified victims received care.");
    assert_eq!(b, vec![(RelationKind::Subset, d(50), vec![d(21)])]);
}

#[test]
fn nothing_is_read_from_approximate_or_per_year_lists() {
    assert!(
        breakdowns("The government identified more than 30 victims (12 women and 10 men).")
            .is_empty()
    );
    assert!(
        breakdowns("The government identified 30 victims (around 12 women and 10 men).").is_empty()
    );
    assert!(
        breakdowns("The government identified 30 victims (two in 2028 and three in 2029).")
            .is_empty()
    );
    assert!(
        breakdowns("It identified 30 victims, compared with 12 and 18, respectively, in 2029.")
            .is_empty()
    );
}

#[test]
fn comparisons_with_their_direction() {
    let c = claims("The government identified 83 victims, an increase from 76 in 2029.");
    assert_eq!(c.comparisons.len(), 1);
    let cmp = &c.comparisons[0];
    assert_eq!((cmp.current.value, cmp.previous.value), (d(83), d(76)));
    assert_eq!(cmp.direction.map(|x| x.0), Some(Direction::Up));
    let c = claims(
        "The government reported investigating 30 cases, compared with six cases the previous year.",
    );
    assert_eq!(
        (
            c.comparisons[0].current.value,
            c.comparisons[0].previous.value
        ),
        (d(30), d(6))
    );
    assert_eq!(c.comparisons[0].direction, None);
    assert_eq!(c.comparisons[0].action.as_deref(), Some("investigate"));
    let c = claims("Courts convicted 12 traffickers, down from 20 the year before.");
    assert_eq!(
        c.comparisons[0].direction.map(|x| x.0),
        Some(Direction::Down)
    );
    let c = claims(
        "The government prosecuted three defendants, two for sex trafficking and one for labor trafficking, compared with no prosecutions in the previous year.",
    );
    assert_eq!(
        (
            c.comparisons[0].current.value,
            c.comparisons[0].previous.value
        ),
        (d(3), d(0))
    );
}

#[test]
fn earlier_year_in_parentheses_and_multiyear_chains() {
    let c = claims(
        "The average prison term decreased for the second year to 10 months (15 months in 2029).",
    );
    assert_eq!(
        (
            c.comparisons[0].current.value,
            c.comparisons[0].previous.value
        ),
        (d(10), d(15))
    );
    assert_eq!(
        c.comparisons[0].direction.map(|x| x.0),
        Some(Direction::Down)
    );
    let c = claims(
        "The government allocated €270,000 ($290,000), a multiyear decrease compared with €400,000 ($430,000) in 2029 and €450,000 ($480,000) in 2028.",
    );
    let pairs: Vec<_> = c
        .comparisons
        .iter()
        .map(|x| (x.current.value, x.previous.value))
        .collect();
    assert_eq!(pairs, vec![(d(270000), d(400000)), (d(400000), d(450000))]);
}

#[test]
fn intro_summaries_carry_their_actions() {
    let c = claims(
        "These efforts included investigating and prosecuting more trafficking cases. The government identified fewer victims. However, it increased protection efforts.",
    );
    let s: Vec<_> = c
        .summaries
        .iter()
        .map(|s| (s.direction, s.actions.clone()))
        .collect();
    assert_eq!(
        s,
        vec![
            (
                Direction::Up,
                vec!["prosecute".to_string(), "investigate".to_string()]
            ),
            (Direction::Down, vec!["identify".to_string()]),
        ]
    );
}

#[test]
fn a_dash_list_past_the_totals_year_and_its_comparison() {
    let text = "The government identified 53 victims in 2030—48 victims of forced labor and five victims of sex trafficking—an increase from 40 victims in 2029.";
    assert_eq!(breakdowns(text), vec![sum(53, &[48, 5])]);
    // The earlier figure after the list is compared with the list's total, not its last part.
    let pairs: Vec<_> = compared_pairs(text)
        .into_iter()
        .map(|(a, b, _)| (a, b))
        .collect();
    assert_eq!(pairs, vec![(d(53), d(40))]);
    assert_eq!(
        breakdowns(
            "Police investigated 30 cases in 2030: 20 for sex trafficking and 10 for forced labor."
        ),
        vec![sum(30, &[20, 10])]
    );
}

#[test]
fn a_comparison_after_an_aside_between_dashes_is_of_the_figure_before_it() {
    for text in [
        "The government identified 53 victims—including 40 victims of forced labor and five victims of sex trafficking—an increase from 40 victims in 2029.",
        "The government identified 53 victims—at least 40 victims of forced labor and five victims of sex trafficking—compared with 40 victims in 2029.",
    ] {
        let pairs: Vec<_> = compared_pairs(text)
            .into_iter()
            .map(|(a, b, _)| (a, b))
            .collect();
        assert_eq!(pairs, vec![(d(53), d(40))], "{text}");
    }
    // A dash between two years is no aside.
    let pairs: Vec<_> = compared_pairs(
        "In 2020–2021, the government identified 53 victims in 2021–2022, an increase from 40 victims.",
    )
    .into_iter()
    .map(|(a, b, _)| (a, b))
    .collect();
    assert_eq!(pairs, vec![(d(53), d(40))]);
}

#[test]
fn two_earlier_figures_are_each_compared_with_the_current_one() {
    let pairs: Vec<_> = compared_pairs(
        "Police initiated 12 investigations, a decrease from 25 in 2021 and a decrease from 20 in 2020.",
    )
    .into_iter()
    .map(|(a, b, _)| (a, b))
    .collect();
    assert_eq!(pairs, vec![(d(12), d(25)), (d(12), d(20))]);
}

#[test]
fn an_of_whom_aside_is_not_a_part_and_a_list_of_them_is_an_including_list() {
    // In parentheses the aside ends at the closing parenthesis.
    assert_eq!(
        breakdowns(
            "The government identified 32 victims (20 adults and 12 children, two of them with disabilities)."
        ),
        vec![sum(32, &[20, 12])]
    );
    assert_eq!(
        breakdowns(
            "The government identified 35 victims – 20 women, 10 men, and five children, two of whom were girls."
        ),
        vec![sum(35, &[20, 10, 5])]
    );
    assert_eq!(
        breakdowns(
            "The government identified 35 victims – 20 women, two of whom were pregnant, 10 men, and five children."
        ),
        vec![sum(35, &[20, 10, 5])]
    );
    // A list of such clauses is about some of them, which may overlap: an `including` list.
    assert_eq!(
        breakdowns(
            "Police arrested 32 suspects, 12 of whom were released on bail, and 20 of whom remained in detention."
        ),
        vec![(RelationKind::Including, d(32), vec![d(12), d(20)])]
    );
}

#[test]
fn a_list_is_closed_by_the_next_clause_counting_the_rest() {
    assert_eq!(
        breakdowns(
            "The government identified 35 victims: 20 citizens and 10 foreign nationals; the nationality of the remaining five was unknown."
        ),
        vec![sum(35, &[20, 10, 5])]
    );
    // Another group after `;` leaves the list closed.
    assert_eq!(
        breakdowns(
            "Of five foreign victims, four were men and one was a woman; five of the citizens were exploited abroad, while the rest were exploited at home."
        ),
        vec![sum(5, &[4, 1])]
    );
}

#[test]
fn an_aside_between_dashes_in_a_clause_list_is_not_a_part() {
    assert_eq!(
        breakdowns(
            "Of the 66 victims, 18 were sex trafficking victims – 17 adult females and one girl – and 48 were forced labor victims."
        ),
        vec![sum(66, &[18, 48])]
    );
}

#[test]
fn a_list_that_may_go_on_after_a_semicolon_is_read_only_when_it_makes_the_total() {
    // The clause right after the list states the shortfall.
    for text in [
        "Of the 66 victims, 18 were sex trafficking victims and 47 were forced labor victims; one was exploited in forced criminality.",
        "The government identified 66 victims – 18 sex trafficking victims and 47 forced labor victims; one was exploited in forced criminality.",
    ] {
        assert_eq!(breakdowns(text), vec![], "{text}");
    }
    // One more figure of another kind: the rest, or another fact? The list is not read; the
    // figure is a part of the whole either way.
    assert_eq!(
        breakdowns("Of the 20 victims, 12 were women and five were men; two were children."),
        vec![subset(20, 2)]
    );
    // The clause counts the rest further on: a part.
    assert_eq!(
        breakdowns(
            "The government identified 35 victims: 20 citizens and 10 foreign nationals; in addition, the remaining five were stateless."
        ),
        vec![sum(35, &[20, 10, 5])]
    );
    // When the parts make the total, another fact after `;` leaves the list closed.
    assert_eq!(
        breakdowns(
            "Of these nine victims, eight were subjected to forced labor and one to sex trafficking; two were children."
        ),
        vec![sum(9, &[8, 1]), subset(9, 2)]
    );
}

#[test]
fn a_figure_for_each_of_several_parts_leaves_the_list_unsummed() {
    assert_eq!(
        breakdowns(
            "The government identified 15 victims – five exploited abroad, four at home, and three each in two neighboring countries."
        ),
        vec![]
    );
}

#[test]
fn the_remaining_figure_closes_a_clause_list() {
    assert_eq!(
        breakdowns(
            "Of the 20 victims, 12 were women, five were men, and the remaining three were children."
        ),
        vec![sum(20, &[12, 5, 3])]
    );
}

#[test]
fn a_clause_list_whose_first_parts_make_the_total_is_not_read() {
    // The last part's class is not read: whether it goes on with the first partition or counts
    // another way, the text does not say.
    assert_eq!(
        breakdowns(
            "Of the 20 victims, 12 were adults and eight were minors, and 15 were referred to shelters."
        ),
        vec![]
    );
    // Read by class, it counts another way: two partitions, each checked (by age; a part by
    // nationality).
    assert_eq!(
        breakdowns(
            "Of the 20 victims, 12 were adults and eight were minors, and 15 were citizens."
        ),
        vec![sum(20, &[12, 8]), subset(20, 15)]
    );
    // Nor one that goes on after `;` with a figure the parts lack (that figure is a part of the
    // whole either way).
    assert_eq!(
        breakdowns("Of the 20 victims, 12 were women and five were men; three were children."),
        vec![subset(20, 3)]
    );
}

#[test]
fn a_converted_range_is_not_paired_with_the_ranges_high_end() {
    for text in [
        "Fines ranged from 10,000 to 20,000 som ($115-$230).",
        "Fines ranged between 10,000 and 20,000 som ($115 and $230).",
    ] {
        assert!(claims(text).conversions.is_empty(), "{text}");
    }
}

#[test]
fn a_waiver_from_a_downgrade_is_read() {
    let text = "NARNIA: TIER 2 WATCH LIST\n\nThe Government of Narnia does not fully meet the minimum standards and is not making significant efforts to do so; therefore Narnia was granted a waiver from an otherwise required downgrade to Tier 3 and remained on Tier 2 Watch List.\n";
    assert!(claims(text).tier.waiver);
    assert!(
        !claims(&text.replace(
            "was granted a waiver from an otherwise required downgrade to Tier 3 and ",
            ""
        ))
        .tier
        .waiver
    );
}

#[test]
fn a_split_after_several_totals_refers_to_the_one_its_parts_make() {
    assert_eq!(
        breakdowns(
            "The government identified 66 victims and referred 40 victims to shelters; 50 were women and 16 were men."
        ),
        vec![split(66, &[50, 16])]
    );
    assert_eq!(
        breakdowns(
            "The government identified 66 victims and referred 40 victims to shelters; 30 were women and 10 were men."
        ),
        vec![split(40, &[30, 10])]
    );
    assert_eq!(
        breakdowns(
            "The government identified 66 victims and referred 40 victims to shelters; 50 were women and 15 were men."
        ),
        vec![]
    );
}

#[test]
fn a_part_without_a_figure_leaves_a_dash_or_parenthesis_list_open() {
    for text in [
        "The government identified 20 victims – 12 women, seven men, and an unknown number of children.",
        "The government identified 20 victims (12 women, seven men, and several children).",
    ] {
        assert_eq!(breakdowns(text), vec![], "{text}");
    }
    assert_eq!(
        breakdowns("The government identified 20 victims – 12 women, seven men, and one child."),
        vec![sum(20, &[12, 7, 1])]
    );
}

#[test]
fn an_including_list_after_a_modifying_figure_needs_named_parts() {
    assert_eq!(
        breakdowns(
            "The government convicted 18 traffickers in six cases, including 10 for forced labor."
        ),
        vec![]
    );
    assert_eq!(
        breakdowns(
            "The government prosecuted 18 defendants in six cases, including four forced labor cases."
        ),
        vec![(RelationKind::Subset, d(6), vec![d(4)])]
    );
}

#[test]
fn referrals_after_victims_added_to_the_total_are_not_read() {
    assert_eq!(
        breakdowns(
            "The government identified 40 victims and NGOs identified 15 more. Police referred 30 victims, NGOs referred 20, and five victims self-referred."
        ),
        vec![]
    );
    assert_eq!(
        breakdowns(
            "The government identified 55 victims. Police referred 30 victims, NGOs referred 20, and five victims self-referred."
        ),
        vec![sum(55, &[30, 20, 5])]
    );
}

#[test]
fn a_shortfall_the_sentence_states_leaves_the_list_unread() {
    for text in [
        "The government identified 66 victims – 18 sex trafficking victims and 47 forced labor victims – and one victim of forced criminality.",
        "Of the 31 victims identified, 12 were victims of sex trafficking and 18 of forced labor, while the form of exploitation of one was unknown.",
    ] {
        assert_eq!(breakdowns(text), vec![], "{text}");
    }
    // A figure that does not make up the difference leaves the list read.
    assert_eq!(
        breakdowns(
            "Of the 31 victims identified, 12 were victims of sex trafficking and 18 of forced labor, while the form of exploitation of two was unknown."
        ),
        vec![sum(31, &[12, 18])]
    );
}

/// Each section opener as (direction, the verb as written).
fn openers(text: &str) -> Vec<(Direction, String)> {
    let c = claims(text);
    c.openers
        .iter()
        .map(|o| {
            (
                o.direction,
                text[o.direction_span.start..o.direction_span.end].to_string(),
            )
        })
        .collect()
}

#[test]
fn section_openers_are_the_first_sentence_about_efforts() {
    assert_eq!(
        openers("The government decreased law enforcement efforts. Police opened six cases."),
        vec![(Direction::Down, "decreased".to_string())]
    );
    assert_eq!(
        openers("The government slightly increased efforts to protect victims."),
        vec![(Direction::Up, "increased".to_string())]
    );
    assert_eq!(
        openers("Authorities significantly increased prevention efforts."),
        vec![(Direction::Up, "increased".to_string())]
    );
    // No direction, another subject, not the first sentence, not efforts, two directions.
    for text in [
        "The government maintained protection efforts.",
        "Observers said the government increased protection efforts.",
        "Police opened six cases. The government increased law enforcement efforts.",
        "The government increased funding for shelters.",
        "The government did not increase protection efforts.",
        "The government increased prevention efforts but decreased funding.",
    ] {
        assert_eq!(openers(text), vec![], "{text}");
    }
}

#[test]
fn conversions_and_ranges() {
    // `som` is the Kyrgyz and the Uzbek currency: the heading says whose.
    let c = claims(
        "Kyrgyz Republic (Tier 2)\n\nThe government provided 4 million som ($46,000); fines ranged from €1,500 to €12,000 ($1,800 to $14,400).",
    );
    let conv: Vec<_> = c
        .conversions
        .iter()
        .map(|x| (x.currency.as_str(), x.local.value, x.usd.value))
        .collect();
    assert_eq!(
        conv,
        vec![
            ("KGS", d(4_000_000), d(46_000)),
            ("EUR", d(1500), d(1800)),
            ("EUR", d(12000), d(14400))
        ]
    );
    let c = claims(
        "Penalties were three to six years' imprisonment, or between 12 and 18 months, under the 2030-2033 plan; prosecutions decreased from 30 to six.",
    );
    let r: Vec<_> = c
        .ranges
        .iter()
        .map(|x| (x.low.value, x.high.value))
        .collect();
    assert_eq!(r, vec![(d(3), d(6)), (d(12), d(18)), (d(2030), d(2033))]);
}

#[test]
fn tier_statements_count_lists_dates_and_statements() {
    let c = claims(
        "Narnia (Tier 2)\n\nThe Government of Narnia does not fully meet the minimum standards but is making significant efforts to do so; therefore Narnia was upgraded to Tier 2. NGOs ran two shelters in Aville and Btown. In May 2030, the government identified 12 victims.\n",
    );
    assert!(c.tier.heading.is_some() && c.tier.standards.is_some());
    assert_eq!(c.tier.statements.len(), 1);
    assert_eq!(c.count_lists.len(), 1);
    assert_eq!(c.count_lists[0].items.len(), 2);
    assert_eq!((c.dated[0].year, c.dated[0].month), (2030, 5));
    assert!(!c.dated[0].marked);
}

#[test]
fn a_direction_verb_compares_the_two_figures_of_from_to() {
    let c = claims("The government identified 45 victims; investigations decreased from 30 to 12.");
    let pairs: Vec<_> = c
        .comparisons
        .iter()
        .map(|x| (x.current.value, x.previous.value))
        .collect();
    assert_eq!(pairs, vec![(d(12), d(30))]);
    let c = claims("The government identified 45 victims, and prosecutions fell from 30 to 42.");
    assert_eq!(
        (
            c.comparisons[0].current.value,
            c.comparisons[0].previous.value
        ),
        (d(42), d(30))
    );
}

#[test]
fn hypothetical_tier_statements_are_not_placements() {
    let c = claims(
        "Narnia (Tier 2 Watch List)\n\nWithout a waiver Narnia would have been downgraded to Tier 3. Narnia remained on Tier 2 Watch List.\n",
    );
    assert_eq!(c.tier.statements.len(), 1);
    assert_eq!(c.tier.statements[0].0, tiplint::parse::Tier::Tier2WatchList);
}

#[test]
fn a_list_after_a_colon_or_dash_belongs_to_the_figure_it_follows() {
    // The colon follows `the previous year`, not the earlier figure's noun phrase.
    assert!(breakdowns("Authorities identified 25 victims, compared with 30 victims the previous year: 15 adults and ten children.").is_empty());
    // Occupations are classes of officials.
    assert_eq!(
        breakdowns(
            "The ministry trained 300 officials – 120 police officers, 100 prosecutors and 80 judges – across 12 regions."
        ),
        vec![sum(300, &[120, 100, 80])]
    );
}

#[test]
fn a_bare_of_between_two_figures_is_not_a_subset() {
    assert!(breakdowns("Most files hold the first ~2,000 bytes of one section.").is_empty());
    assert!(breakdowns("The ministry printed 5,000 copies of 12 leaflets.").is_empty());
    assert_eq!(
        breakdowns("Only 21 of the 50 identified victims received care.").len(),
        1
    );
    assert_eq!(
        breakdowns("Courts suspended six out of eight sentences.").len(),
        1
    );
}

#[test]
fn currency_words_are_the_names_and_codes_beside_amounts() {
    let text = "Kyrgyz Republic (Tier 2)\n\nIt gave 4 million Som ($46,000), 1,000 Kyrgyzstani soms, KGS 500 and $3 million to NGOs.\n";
    let c = claims(text);
    let words: Vec<(&str, &str, Decimal)> = c
        .currency_words
        .iter()
        .map(|w| (w.code.as_str(), &text[w.span.start..w.span.end], w.amount))
        .collect();
    assert_eq!(
        words,
        [
            ("KGS", "Som", d(4_000_000)),
            ("KGS", "soms", d(1000)),
            ("KGS", "KGS", d(500)),
        ]
    );
}

#[test]
fn referral_lists_break_down_the_victims_assisted() {
    // The latest victim total that does not restate a part (not `Of the 40 foreign victims`).
    let text = "NGOs assisted 70 victims; 30 were Narnian and 40 were foreigners. Of the 40 foreign victims, 35 were men. Police referred 20 victims (15 in 2021), embassies referred five, NGOs referred 25, 10 were referred by IOM, and ten victims self-referred.\n";
    assert!(breakdowns(text).contains(&sum(70, &[20, 5, 25, 10, 10])));
    // Anchored in the same sentence, closed by `the additional`.
    let text = "NGOs assisted 90 victims; among these, police referred 50 and embassies and self-referrals accounted for the additional 40.\n";
    assert!(breakdowns(text).contains(&sum(90, &[50, 40])));
    // An open list (no self-referrals, no `remaining`) names only some referrers.
    let text = "NGOs assisted 90 victims. Police referred 50 victims and embassies referred 20.\n";
    assert!(!breakdowns(text).iter().any(|b| b.2.len() == 2));
}

#[test]
fn all_but_complements_link_across_paragraphs() {
    let text = "The government identified 50 victims, an increase from 30 in 2021. All but seven of the identified victims were from Narnia; the government identified four victims from Ruritania and three victims from Freedonia.\n\nAll 43 Narnian victims identified by the government received shelter.\n";
    let found = breakdowns(text);
    assert!(found.contains(&sum(50, &[43, 7])), "{found:?}");
    assert!(found.contains(&sum(7, &[4, 3])), "{found:?}");
    // A nationality of another place is not the complement.
    let text = "The government identified 50 victims. All but seven of the identified victims were from Narnia.\n\nAll 43 Ruritanian victims identified by the government received shelter.\n";
    assert!(!breakdowns(text).iter().any(|b| b.1 == d(50)));
}

#[test]
fn a_bare_of_anchor_after_a_semicolon() {
    let text = "All but five victims were adults; of five foreign victims, four were from Ruritania and one from Freedonia.\n";
    assert!(breakdowns(text).contains(&sum(5, &[4, 1])));
}

#[test]
fn a_part_in_an_earlier_paragraph_does_not_hide_a_total() {
    let text = "The government identified 90 victims (30 women and 60 men).\n\nNGOs assisted 60 victims. Police referred 20 victims, embassies referred 15, and 25 victims self-referred.\n";
    let found = breakdowns(text);
    assert!(found.contains(&sum(60, &[20, 15, 25])), "{found:?}");
    // Two different victim totals nearby: the list's total is a guess, so it is not read.
    let text = "The government identified 40 victims in shelters. NGOs assisted 60 victims. Police referred 20 victims, embassies referred 15, and 25 victims self-referred.\n";
    let found = breakdowns(text);
    assert!(!found.iter().any(|b| b.2.len() == 3), "{found:?}");
}

#[test]
fn a_split_after_there_were() {
    let text = "The government identified 30 victims. Of these, 20 were victims of sex trafficking and ten of forced labor; there were 18 women, eight boys, and four girls.\n";
    let found = breakdowns(text);
    assert!(found.contains(&split(30, &[18, 8, 4])), "{found:?}");
}

#[test]
fn this_compared_with_pairs_each_figure_with_the_one_done_the_same_way() {
    let c = claims(
        "Police initiated four investigations and continued six investigations from earlier years. This compared with initiating one investigation and continuing eight investigations during the previous reporting period.\n",
    );
    let pairs: Vec<(Decimal, Decimal, Option<String>)> = c
        .comparisons
        .iter()
        .map(|x| (x.current.value, x.previous.value, x.action.clone()))
        .collect();
    assert_eq!(
        pairs,
        [
            (d(4), d(1), Some("investigate".to_string())),
            (d(6), d(8), Some("investigate".to_string()))
        ]
    );
    // Two figures of the same thing before it: which one is compared is a guess, so none is.
    let c = claims(
        "The government identified 12 victims and 30 potential victims. This compared with 20 victims in 2021.\n",
    );
    assert!(c.comparisons.is_empty());
    // Only at the start of a sentence that follows another in the paragraph.
    let c = claims("This compared with 20 victims in 2021.\n");
    assert!(c.comparisons.is_empty());
}

#[test]
fn this_was_a_decrease_from_states_a_direction() {
    let c = claims(
        "The government convicted nine traffickers. This represented a significant decrease from 14 in 2021.\n",
    );
    assert_eq!(c.comparisons.len(), 1);
    let cmp = &c.comparisons[0];
    assert_eq!((cmp.current.value, cmp.previous.value), (d(9), d(14)));
    assert_eq!(cmp.direction.map(|x| x.0), Some(Direction::Down));
    // Without a noun, the earlier figure must be the sentence before's only one.
    let c = claims(
        "The government convicted nine traffickers and acquitted two defendants. This was an increase from 14 in 2021.\n",
    );
    assert!(c.comparisons.is_empty());
}

#[test]
fn respectively_compares_the_breakdown_total_with_the_sum_of_the_earlier_figures() {
    let c = claims(
        "Police opened 30 investigations—20 for sex trafficking and ten for forced labor—compared with four and five, respectively, in 2029.",
    );
    assert_eq!(c.comparisons.len(), 1);
    let cmp = &c.comparisons[0];
    assert_eq!((cmp.current.value, cmp.previous.value), (d(30), d(9)));
    assert_eq!(cmp.action.as_deref(), Some("investigate"));
    // Without a breakdown of as many parts before it, nothing is compared.
    let c = claims("Police opened 30 investigations, compared with four and five, respectively.");
    assert!(c.comparisons.is_empty());
}

#[test]
fn a_sentence_naming_a_direction_gives_it_to_the_comparison_before() {
    let c = claims(
        "The government identified 24 victims, compared with 30 in 2029. This significant decrease followed cuts.",
    );
    assert_eq!(
        c.comparisons[0].direction.map(|x| x.0),
        Some(Direction::Down)
    );
    // Two comparisons in the sentence before: which one it names is a guess.
    let c = claims(
        "The government identified 24 victims, compared with 30 in 2029, and ten traffickers, compared with 12 in 2029. This decrease followed cuts.",
    );
    assert!(c.comparisons.iter().all(|c| c.direction.is_none()));
}

#[test]
fn including_lists_of_amounts() {
    let b = breakdowns(
        "The ministry spent 2.5 million som ($29,000) on shelters, including 2 million som ($23,200) for rent and 500,000 som ($5,800) for food.",
    );
    assert_eq!(
        b,
        vec![
            (
                RelationKind::Including,
                d(2_500_000),
                vec![d(2_000_000), d(500_000)]
            ),
            (
                RelationKind::Including,
                d(29_000),
                vec![d(23_200), d(5_800)]
            ),
        ]
    );
    // Rounded amounts that do not add up are not read; a later comparison is not a part.
    let b = breakdowns(
        "The ministry spent 2.5 million som on shelters, including 2 million som for rent and 400,000 som for food, an increase from 2.1 million som in 2029.",
    );
    assert!(b.is_empty());
}

#[test]
fn the_remaining_closes_a_subset_or_including_list() {
    let b = breakdowns(
        "Police identified 30 victims. Of these, 20 were women. The remaining ten were men.",
    );
    assert!(b.contains(&sum(30, &[20, 10])));
    let b = breakdowns(
        "Of these, 71 were Narnian citizens—all adults, including 51 exploited in sex trafficking and 16 exploited in forced labor. The remaining four were exploited in begging.",
    );
    assert!(b.contains(&(RelationKind::Including, d(71), vec![d(51), d(16)])));
    assert!(b.contains(&sum(71, &[51, 16, 4])));
    // `The remaining two shelters` counts something else.
    let b = breakdowns(
        "NGOs assisted 40 victims, including ten children. The remaining two shelters closed.",
    );
    assert!(!b.iter().any(|(k, _, _)| *k == RelationKind::Sum));
}

#[test]
fn verb_led_parts_after_an_anchor() {
    let b = breakdowns(
        "The ministry ran 16 shelters. Of these shelters, 12 served women, two served children, and two operated as transit centers.",
    );
    assert!(b.contains(&split(16, &[12, 2, 2])));
    // Not closed by `and`: the list may go on.
    let b = breakdowns(
        "The ministry ran 16 shelters. Of these shelters, 12 served women, two served children; one closed.",
    );
    assert!(b.is_empty());
}

#[test]
fn lists_of_earlier_figures_are_compared_figure_for_figure() {
    assert_eq!(
        compared_pairs(
            "The government investigated 10 cases, prosecuted eight defendants, and convicted five traffickers, compared with 12 investigations, 10 prosecutions, and six convictions in 2029.",
        ),
        vec![
            (d(10), d(12), Some("investigate".to_string())),
            (d(8), d(10), Some("prosecute".to_string())),
            (d(5), d(6), Some("convict".to_string())),
        ]
    );
    // Three figures against two: which goes with which is a guess.
    let c = claims(
        "The government investigated 10 cases, prosecuted eight defendants, and convicted five traffickers, compared with 12 investigations and six convictions in 2029.",
    );
    assert!(c.comparisons.is_empty());
}

#[test]
fn a_percentage_before_the_earlier_figure_is_read_with_the_comparison() {
    let percent = |text: &str| {
        let c = claims(text);
        assert_eq!(c.comparisons.len(), 1, "{text}");
        let cmp = &c.comparisons[0];
        (
            cmp.current.value,
            cmp.previous.value,
            cmp.direction.map(|x| x.0),
            cmp.percent.map(|p| (p.value, p.approx)),
        )
    };
    assert_eq!(
        percent(
            "Police arrested 12 suspects, a decrease of about 20 percent compared with 15 in 2029."
        ),
        (d(12), d(15), Some(Direction::Down), Some((d(20), true)))
    );
    assert_eq!(
        percent(
            "Officials assisted 40 victims, a 60 percent increase compared with 25 the previous year."
        ),
        (d(40), d(25), Some(Direction::Up), Some((d(60), false)))
    );
    assert_eq!(
        percent("The ministry identified 150 victims, an increase of 25 percent from 120 in 2029."),
        (d(150), d(120), Some(Direction::Up), Some((d(25), false)))
    );
    // A percentage of something else, or one not joined to the change, is not the change.
    let c = claims(
        "The ministry identified 30 victims, 20 percent of whom were children, an increase compared with 25 in 2029.",
    );
    assert!(c.comparisons.iter().all(|c| c.percent.is_none()));
}

#[test]
fn an_earlier_year_then_what_was_done_in_it() {
    let c =
        claims("Police initiated 14 investigations, compared with 2029, when police initiated 22.");
    assert_eq!(c.comparisons.len(), 1);
    assert_eq!(
        (
            c.comparisons[0].current.value,
            c.comparisons[0].previous.value
        ),
        (d(14), d(22))
    );
    // Without the year and `when`, the figure after a verb is not an earlier figure.
    let c = claims("Police initiated 14 investigations, and prosecutors initiated 22.");
    assert!(c.comparisons.is_empty());
}

#[test]
fn lengths_of_time_are_compared_only_with_a_direction_and_the_same_unit() {
    let c = claims("The average sentence was four years, down from five years in 2029.");
    assert_eq!(c.comparisons.len(), 1);
    let cmp = &c.comparisons[0];
    assert_eq!((cmp.current.value, cmp.previous.value), (d(4), d(5)));
    assert_eq!(cmp.direction.map(|x| x.0), Some(Direction::Down));
    // No summary speaks of lengths of time: they measure no action.
    assert_eq!(cmp.action, None);
    for text in [
        // No direction.
        "The average sentence was four years, compared with five years in 2029.",
        // Another unit.
        "The average sentence was 40 months, down from five years in 2029.",
        // The end of a range.
        "Courts imposed sentences of two to 10 years, a decrease compared with 12 years in 2029.",
    ] {
        assert!(claims(text).comparisons.is_empty(), "{text}");
    }
}

#[test]
fn a_verb_of_change_before_to_and_the_figure_names_the_direction() {
    for (text, current, previous, direction) in [
        (
            "Prosecutions rose to 25, compared with 18 in 2029.",
            25,
            18,
            Direction::Up,
        ),
        (
            "Investigations decreased to 12 from 20 in 2029.",
            12,
            20,
            Direction::Down,
        ),
        (
            "The number of investigations increased from 20 in 2029 to 30 in 2030.",
            30,
            20,
            Direction::Up,
        ),
    ] {
        let c = claims(text);
        assert_eq!(c.comparisons.len(), 1, "{text}");
        let cmp = &c.comparisons[0];
        assert_eq!(
            (cmp.current.value, cmp.previous.value),
            (d(current), d(previous)),
            "{text}"
        );
        assert_eq!(cmp.direction.map(|x| x.0), Some(direction), "{text}");
    }
    // `referred to 12 shelters`: a verb that is not a change leaves the comparison without one.
    let c = claims("Victims were referred to 12 shelters, compared with 20 in 2029.");
    assert!(c.comparisons.iter().all(|c| c.direction.is_none()));
}

#[test]
fn earlier_figures_after_gerunds_are_compared_figure_for_figure() {
    assert_eq!(
        compared_pairs(
            "The ministry reported investigating 15 cases involving 30 suspects, prosecuting 10 defendants, and convicting eight traffickers, compared with investigating 12 cases, prosecuting nine defendants, and convicting six traffickers in 2029.",
        ),
        vec![
            (d(15), d(12), Some("investigate".to_string())),
            (d(10), d(9), Some("prosecute".to_string())),
            (d(8), d(6), Some("convict".to_string())),
        ]
    );
}

#[test]
fn a_sentence_cut_off_by_the_end_of_the_input_is_not_read() {
    // An excerpt that ends mid-sentence: what the sentence says is not known whole.
    let cut = "The government identified 40 victims. Police identified 66 victims: 18 women and 40 men, and fo";
    assert_eq!(breakdowns(cut), []);
    // The same words ended are read.
    let ended =
        "The government identified 40 victims. Police identified 66 victims: 18 women and 40 men.";
    assert_eq!(
        breakdowns(ended),
        [(RelationKind::Sum, d(66), vec![d(18), d(40)])]
    );
}

#[test]
fn figures_dated_in_a_parenthesis_are_compared_figure_for_figure() {
    let pairs = compared_pairs(
        "The government identified 58 potential victims and four official victims (51 potential victims and three official victims in 2030).\n",
    );
    assert!(pairs.iter().any(|(c, p, _)| *c == d(58) && *p == d(51)));
    assert!(pairs.iter().any(|(c, p, _)| *c == d(4) && *p == d(3)));
    // Never across.
    assert!(!pairs.iter().any(|(c, p, _)| *c == d(4) && *p == d(51)));
}

#[test]
fn each_earlier_year_is_compared_with_the_next_later_one() {
    let pairs =
        compared_pairs("Officials assisted 44 trafficking victims (39 in 2029 and 52 in 2028).\n");
    assert!(pairs.iter().any(|(c, p, _)| *c == d(44) && *p == d(39)));
    assert!(pairs.iter().any(|(c, p, _)| *c == d(39) && *p == d(52)));
    let chained =
        claims("Officials assisted 44 trafficking victims (39 in 2029 and 52 in 2028).\n");
    assert!(
        chained
            .comparisons
            .iter()
            .filter(|c| c.current.value == d(39))
            .all(|c| c.past_only)
    );
}

#[test]
fn the_later_figure_is_the_one_that_counts_the_same_thing_plainest() {
    // The nearest figure with the same noun phrase, not the nearest with the same head.
    let pairs = compared_pairs(
        "The agency confirmed 19 victims among the 64 potential victims, compared with 23 victims in 2030.\n",
    );
    assert!(pairs.iter().any(|(c, p, _)| *c == d(19) && *p == d(23)));
    assert!(!pairs.iter().any(|(c, _, _)| *c == d(64)));
    // Past an aside between dashes whose parts name nothing counted.
    let pairs = compared_pairs(
        "Officials identified 50 trafficking victims in 2030—20 for sex trafficking, 10 for forced labor, and 20 unspecified—compared to 70 victims in 2029.\n",
    );
    assert!(pairs.iter().any(|(c, p, _)| *c == d(50) && *p == d(70)));
    assert!(!pairs.iter().any(|(c, p, _)| *c == d(20) && *p == d(70)));
}

#[test]
fn a_figure_for_earlier_years_is_not_the_later_side() {
    let pairs = compared_pairs(
        "Prosecutors opened four investigations and continued 11 investigations begun in prior years, compared to opening two investigations in 2029.\n",
    );
    assert!(pairs.iter().any(|(c, p, _)| *c == d(4) && *p == d(2)));
    assert!(!pairs.iter().any(|(c, _, _)| *c == d(11)));
}

#[test]
fn a_dated_parenthesis_after_what_qualifies_the_noun() {
    let pairs = compared_pairs(
        "Inspectors found 140 possible victims of “labor exploitation” (57 in 2029) at worksites.\n",
    );
    assert!(pairs.iter().any(|(c, p, _)| *c == d(140) && *p == d(57)));
    // A parenthesis that dates nothing compares nothing.
    let pairs = compared_pairs("Police identified 30 victims (20 women and 10 men).\n");
    assert!(pairs.is_empty());
}

#[test]
fn a_single_figure_after_including_is_a_subset_of_the_figure_before() {
    let subset = |total: i64, part: i64| (RelationKind::Subset, d(total), vec![d(part)]);
    assert!(
        breakdowns("Officers found 81 possible victims of forced labor, including 14 minors.\n")
            .contains(&subset(81, 14))
    );
    assert!(
        breakdowns(
            "The unit opened 212 cases (including 17 cases carried over from earlier years).\n"
        )
        .contains(&subset(212, 17))
    );
    // A list after `including` is not one part; a figure that is not attached is not either.
    let list = breakdowns("Police identified 30 victims, including 20 women and 10 men.\n");
    assert!(!list.contains(&subset(30, 20)));
    let unattached = breakdowns("Police identified 30 victims in raids including 12 hotels.\n");
    assert!(!unattached.iter().any(|b| b.0 == RelationKind::Subset));
}

#[test]
fn a_sentence_opening_on_a_comparison_compares_the_sentence_before() {
    let pairs = compared_pairs(
        "The agency certified 58 victims and placed them in shelters. This compared with 71 potential victims certified in 2029.\n",
    );
    assert!(pairs.iter().any(|(c, p, _)| *c == d(58) && *p == d(71)));
    // Only a sentence that opens on it: a figure of its own stands before the connective.
    let pairs = compared_pairs(
        "The agency certified 58 victims. Police referred 30 victims, compared with 40 in 2029.\n",
    );
    assert!(!pairs.iter().any(|(c, _, _)| *c == d(58)));
}

fn subset(total: i64, part: i64) -> (RelationKind, Decimal, Vec<Decimal>) {
    (RelationKind::Subset, d(total), vec![d(part)])
}

#[test]
fn two_partitions_written_as_one_list_are_checked_each_on_its_own() {
    // By sex, then by form of exploitation, in one parenthesis: two partitions of the 30.
    assert_eq!(
        breakdowns(
            "Police identified 30 victims (22 women and eight men, 19 for forced labor, and 11 for sex trafficking), compared with 25 in 2029."
        ),
        [sum(30, &[22, 8]), sum(30, &[19, 11])]
    );
    // By age, then by sex, each with its own earlier year in parentheses.
    assert_eq!(
        breakdowns(
            "NGOs identified 50 victims. Of these, 20 were adults and 30 were minors (10 adults and 12 children in 2029), 41 were female and nine male (15 female and seven male in 2029), and two were foreign."
        )
        .into_iter()
        .filter(|b| b.1 == d(50))
        .collect::<Vec<_>>(),
        [split(50, &[20, 30]), split(50, &[41, 9]), subset(50, 2)]
    );
    // By sex, with the children among them: the children are a part, not a third class of sex.
    assert_eq!(
        breakdowns("The ministry identified 90 victims – 40 females, 50 males, and 35 children."),
        [sum(90, &[40, 50]), subset(90, 35)]
    );
}

#[test]
fn a_part_stated_as_of_several_forms_is_a_class_of_its_own() {
    // `both … and …` is one class of the form dimension, beside each form alone.
    assert_eq!(
        breakdowns(
            "The government prosecuted 30 suspects (12 for labor trafficking, six for sex trafficking, and 12 for both sex and labor trafficking)."
        ),
        [sum(30, &[12, 6, 12])]
    );
}

#[test]
fn of_these_refers_to_the_nearest_whole_of_the_period_not_an_earlier_years() {
    // The earlier year's figures, in parentheses or after `compared with`, are not what
    // `these` refers to.
    let of = |text: &str, total: i64| {
        breakdowns(text)
            .into_iter()
            .filter(|b| b.0 == RelationKind::Split)
            .map(|b| (b.1 == d(total), b.2))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        of(
            "Police identified 30 victims in 2030, compared with 41 victims in 2029 and 25 victims in 2028. Of these, 20 were female and 10 were male.",
            30
        ),
        [(true, vec![d(20), d(10)])]
    );
    assert_eq!(
        of(
            "The ministry identified 44 victims (39 victims and five suspected victims in 2029). Of these, 40 were adults and four were children.",
            44
        ),
        [(true, vec![d(40), d(4)])]
    );
}

#[test]
fn of_these_after_two_wholes_joined_by_and_refers_to_both_or_either_but_one_for_all_its_splits() {
    // `these` after `60 potential victims and four official victims` are the 64, or either.
    let text = "NGOs identified 60 potential victims and four official victims (50 potential victims and three official victims in 2029). Of these, 24 were adults and 40 were minors; 38 were sex trafficking victims and 22 forced labor victims.";
    let c = claims(text);
    let read: Vec<_> = c
        .breakdowns
        .iter()
        .filter(|b| matches!(b.kind, RelationKind::Split | RelationKind::Sum))
        .map(|b| (b.total.value, b.parts.len(), b.doubt.is_some()))
        .collect();
    // One `these` names one group: the first split makes the 64, so the second, making only
    // the 60, contradicts it.
    assert_eq!(read, vec![(d(64), 2, false), (d(64), 2, false)]);
    let c = claims(
        "NGOs identified 60 potential victims and four official victims. Of these, 30 were sex trafficking victims and 30 forced labor victims; 20 were women and 40 were men.",
    );
    let read: Vec<_> = c
        .breakdowns
        .iter()
        .map(|b| (b.total.value, b.doubt.is_some()))
        .collect();
    assert_eq!(read, vec![(d(60), false), (d(60), false)]);
    // Parts that make neither, nor both, are read against both, in doubt: not an error.
    let c = claims(
        "NGOs identified 60 potential victims and four official victims. Of these, 24 were adults and 38 were minors.",
    );
    assert!(
        c.breakdowns
            .iter()
            .any(|b| b.total.value == d(64) && b.doubt.is_some()),
        "{:?}",
        c.breakdowns
    );
}

#[test]
fn a_list_whose_text_says_its_groups_overlap_only_bounds_its_whole() {
    for text in [
        "NGOs identified 50 victims, some of whom were exploited in more than one form of trafficking; 30 were sex trafficking victims and 25 were forced labor victims.",
        "Of the 50 victims, 30 were victims of sex trafficking and 25 were victims of forced labor; several were victims of multiple forms of trafficking.",
    ] {
        let read = breakdowns(text);
        assert!(
            read.iter()
                .all(|b| !matches!(b.0, RelationKind::Sum | RelationKind::Split)),
            "{text}: {read:?}"
        );
        assert!(
            read.iter()
                .any(|b| b.0 == RelationKind::Including && b.1 == d(50)),
            "{text}: {read:?}"
        );
    }
}

#[test]
fn a_direction_word_away_from_the_comparison_states_none() {
    // `down` belongs to `handed down`; `from 12 to 21 years` is a range.
    let c = claims(
        "Judges convicted 31 offenders and handed down prison terms ranging from nine to 14 years.\n",
    );
    assert!(c.comparisons.iter().all(|x| x.direction.is_none()));
    // A qualifying word may stand between.
    let c = claims("Police investigated 12 cases, down slightly from 20 in 2029.\n");
    assert!(
        c.comparisons
            .iter()
            .any(|x| x.direction.map(|d| d.0) == Some(Direction::Down))
    );
}

#[test]
fn a_figure_naming_another_noun_is_not_the_one_compared() {
    let pairs = compared_pairs(
        "The ministry deployed 84 labor inspectors in all six districts during the reporting period, an increase from 70 inspectors the previous year.\n",
    );
    assert!(
        pairs.iter().any(|(c, p, _)| *c == d(84) && *p == d(70)),
        "{pairs:?}"
    );
    assert!(!pairs.iter().any(|(c, _, _)| *c == d(6)));
}

#[test]
fn a_list_whose_parts_state_classes_only_in_part_is_read_in_doubt() {
    let c = claims(
        "The government identified 126 victims. Of these, 70 were Moldovan nationals, and 58 were recruited online.\n",
    );
    let b = c
        .breakdowns
        .iter()
        .find(|b| b.total.value == d(126) && b.parts.len() == 2)
        .expect("read");
    assert_eq!(b.doubt, Some(Doubt::UnreadClass));
    // Parts that each state a class are read without doubt.
    let c = claims(
        "The government identified 66 victims. Of these, 48 were Moldovan and 18 were foreign nationals.\n",
    );
    assert!(c.breakdowns.iter().all(|b| b.doubt.is_none()));
}

#[test]
fn an_earlier_figure_naming_nothing_goes_with_the_nearest_figure_not_a_part_of_another() {
    let pairs = compared_pairs(
        "Officials supported 96 Narnian victims abroad, including 80 in Ruritania and 16 in other countries, compared to 20 in 2029.\n",
    );
    assert!(pairs.iter().any(|(c, p, _)| *c == d(96) && *p == d(20)));
    assert!(!pairs.iter().any(|(c, _, _)| *c == d(16)));
    // Items of a list, each compared with its own earlier figure.
    let pairs = compared_pairs(
        "Police identified 90 suspects for sex trafficking (compared to 80 in 2029), 30 for labor trafficking (compared to 27 in 2029).\n",
    );
    assert!(pairs.iter().any(|(c, p, _)| *c == d(30) && *p == d(27)));
    assert!(!pairs.iter().any(|(c, p, _)| *c == d(90) && *p == d(27)));
}

#[test]
fn a_single_figure_of_a_class_is_a_part_of_the_victims_spoken_of() {
    // After an anchored enumeration, in a clause after `;`.
    assert_eq!(
        breakdowns(
            "Police identified 48 victims. Of these, 30 were victims of sex trafficking and 18 of forced labor; 17 were children; five were foreign nationals."
        ),
        vec![split(48, &[30, 18]), subset(48, 17), subset(48, 5)]
    );
    // Opening its own sentence, past an earlier year's figure in parentheses.
    assert_eq!(
        breakdowns(
            "The government identified 40 victims (52 in 2029). Eighteen victims were children (21 in 2029)."
        ),
        vec![subset(40, 18)]
    );
    // Two wholes joined by `and` are one whole together.
    assert_eq!(
        breakdowns(
            "NGOs identified 60 potential victims and four official victims. Thirty were children."
        ),
        vec![subset(64, 30)]
    );
}

#[test]
fn a_single_figure_of_a_class_is_not_read_when_its_whole_is_unclear() {
    for text in [
        // Another count of people comes last.
        "Police identified 40 victims and NGOs assisted 200 people. Sixty were children.",
        // Two victim figures of different values.
        "Police identified 40 victims. NGOs identified 15 victims. Ten were children.",
        // The latest victim figure is an earlier year's, with no figure of the period beside it.
        "Police compared the 75 victims of 2029. Sixty were children.",
        // Too far back.
        "Police identified 40 victims. Courts met. Judges met. Thirty were children.",
        // Not a class of people.
        "Police identified 40 victims. Thirty were referred to shelters.",
    ] {
        assert_eq!(breakdowns(text), vec![], "{text}");
    }
}

#[test]
fn a_split_after_a_class_figure_is_of_the_whole_before_it() {
    assert_eq!(
        breakdowns(
            "The government identified 36 victims. Twenty were children; 29 were female and seven were male."
        ),
        vec![split(36, &[29, 7]), subset(36, 20)]
    );
}

#[test]
fn classes_that_take_in_everyone_make_an_including_list_a_breakdown() {
    // By sex, by age, by both.
    for (text, total, parts) in [
        (
            "The agency reported 90 victims, of which 70 were female and 20 were male.",
            90,
            &[70, 20][..],
        ),
        (
            "Police reported 1,600 victims—including 300 children and 1,300 adults—in 2029.",
            1600,
            &[300, 1300][..],
        ),
        (
            "Police identified 300 victims, including 60 girls, 20 boys, and 220 adults.",
            300,
            &[60, 20, 220][..],
        ),
        (
            "The government identified 50 victims. These victims included 35 adults and 15 children.",
            50,
            &[35, 15][..],
        ),
        (
            "The government identified 50 victims. Among them were 10 men, 15 women, 20 boys, and 5 girls.",
            50,
            &[10, 15, 20, 5][..],
        ),
    ] {
        assert_eq!(breakdowns(text), vec![sum(total, parts)], "{text}");
    }
    // Classes that leave some out (children; males) stay an open list.
    for text in [
        "The government identified 50 victims, including 20 women and 10 men.",
        "The government identified 50 victims, including 20 women and 10 girls.",
    ] {
        assert!(
            breakdowns(text)
                .iter()
                .all(|(kind, _, _)| *kind == RelationKind::Including),
            "{text}"
        );
    }
}

#[test]
fn a_dated_list_after_a_split_restates_it_for_that_year() {
    let read = breakdowns(
        "The government identified 105 victims (95 in 2029). Of these, 49 were adults and 56 were children (51 adults and 44 children in 2029).",
    );
    assert!(read.contains(&split(105, &[49, 56])), "{read:?}");
    assert!(read.contains(&sum(95, &[51, 44])), "{read:?}");
    // After a figure that is no part of a split: that figure's own earlier value, not known.
    let read = breakdowns(
        "The government identified 30 victims (80 in 2029); 14 were adults (26 women and 46 men in 2029).",
    );
    assert!(read.iter().all(|(_, total, _)| *total != d(80)), "{read:?}");
    // Two figures of that year, neither of which the parts make: which one, unclear.
    let read = breakdowns(
        "Police identified 105 victims (95 in 2029) and NGOs assisted 40 victims (30 in 2029). Of these, 20 were adults and 20 were children (15 adults and 10 children in 2029).",
    );
    assert!(
        read.iter()
            .all(|(_, _, parts)| *parts != vec![d(15), d(10)]),
        "{read:?}"
    );
}

#[test]
fn a_partition_opening_a_sentence_splits_the_victims_spoken_of() {
    for text in [
        "The government identified 105 victims. Seventy-nine were identified as potential victims and 26 were officially identified as victims.",
        "The government identified 105 victims. Overall, 79 were women and 26 were men.",
    ] {
        assert_eq!(breakdowns(text), vec![split(105, &[79, 26])], "{text}");
    }
    // After a short clause saying who did what.
    assert_eq!(
        breakdowns(
            "The government identified 95 victims. Authorities identified 93 as potential victims and two as official victims."
        ),
        vec![split(95, &[93, 2])]
    );
    // A count between may be what the parts divide.
    assert_eq!(
        breakdowns(
            "The government identified 105 victims. Police referred 40 to shelters. 30 were women and 10 were men."
        ),
        vec![]
    );
}

#[test]
fn a_part_of_unknown_class_closes_a_split() {
    // The rest is counted, so the split names every category: a closed sum.
    assert_eq!(
        breakdowns(
            "The government identified 50 possible victims. Of these, 30 were victims of sex trafficking, 10 in forced labor, two in forced begging, and eight were unknown."
        ),
        vec![sum(50, &[30, 10, 2, 8])]
    );
}

#[test]
fn an_including_list_may_follow_words_that_qualify_its_whole() {
    assert_eq!(
        breakdowns(
            "The government referred 60 trafficking victims to care, including 30 labor trafficking victims, 20 sex trafficking victims, and 10 victims of unspecified forms of trafficking."
        ),
        vec![sum(60, &[30, 20, 10])]
    );
    let read = breakdowns(
        "Consulates assisted 90 Narnian forced labor victims abroad, including 80 in Ruritania and 10 in other countries.",
    );
    assert_eq!(read.len(), 1, "{read:?}");
    assert_eq!((read[0].1, read[0].2.clone()), (d(90), vec![d(80), d(10)]));
    // Parts that name nothing may belong to another figure of the clause.
    assert_eq!(
        breakdowns(
            "Courts convicted 18 traffickers in six cases in 2029, including 10 for forced labor and eight for sex trafficking."
        )
        .iter()
        .filter(|(_, total, _)| *total == d(6))
        .count(),
        0
    );
}

#[test]
fn referrals_after_a_semicolon_divide_the_count_referred_before_it() {
    assert_eq!(
        breakdowns(
            "First responders referred 100 potential victims (90 in 2029) to the center; police referred 50 (40 in 2029), social workers referred 30 (35 in 2029), and NGOs referred 20 (15 in 2029)."
        ),
        vec![sum(100, &[50, 30, 20])]
    );
    // Not closed by `and`: the list may go on.
    assert_eq!(
        breakdowns(
            "First responders referred 100 potential victims to the center; police referred 50, social workers referred 30."
        ),
        vec![]
    );
    // Those who came on their own are referrals too, and the series goes on past `;` until
    // `and` closes it; the count referred may be compared with an earlier year's.
    assert_eq!(
        breakdowns(
            "In 2030, first responders referred 90 potential victims to the center, compared with 80 in 2029; police referred 50 potential victims, social workers referred 20, and NGOs referred 10; six potential victims self-identified; and other institutions referred four potential victims."
        ),
        vec![sum(90, &[50, 20, 10, 6, 4])]
    );
    assert_eq!(
        breakdowns(
            "First responders referred 100 potential victims (90 in 2029) to the center; police referred 50 (40 in 2029), social workers referred 30 (35 in 2029); and 20 victims self-identified."
        ),
        vec![sum(100, &[50, 30, 20])]
    );
}

#[test]
fn referrals_in_a_sentence_that_adds_a_fact_divide_no_earlier_figure() {
    assert_eq!(
        breakdowns(
            "Mobile units identified 20 potential victims. Additionally, the government referred 50 potential victims, NGOs referred 12, and three self-identified."
        ),
        vec![]
    );
    assert_eq!(
        breakdowns(
            "Mobile units identified 65 potential victims. The government referred 50 potential victims, NGOs referred 12, and three self-identified."
        ),
        vec![sum(65, &[50, 12, 3])]
    );
}

#[test]
fn anchors_name_their_whole_by_its_noun_and_restrictions() {
    // Words before the counted noun.
    assert_eq!(
        breakdowns(
            "The government identified 100 victims. Of the total number of victims, nine were men."
        ),
        vec![subset(100, 9)]
    );
    // A restriction picks the whole that states it, not both joined wholes.
    let read = breakdowns(
        "Police identified 33 presumed victims and 45 confirmed victims. Of the confirmed victims, 30 were women and 15 were men.",
    );
    assert_eq!(read, vec![split(45, &[30, 15])]);
    // A restriction no whole states: a group within the latest whole, which bounds it.
    assert_eq!(
        breakdowns(
            "The government identified 100 victims. Of the child victims identified, 90 were girls and 20 were boys."
        ),
        vec![split(100, &[90, 20])]
    );
    // The earlier side of `This number compared with` is no whole.
    let read = breakdowns(
        "Police identified 13 confirmed victims. This number compared with 45 confirmed victims in 2029. Of the confirmed victims, five were women and eight were men.",
    );
    assert_eq!(read, vec![split(13, &[5, 8])]);
}

#[test]
fn an_anchor_may_be_followed_by_who_did_what_to_the_parts() {
    for (text, total, parts) in [
        (
            "Among the 13 victims, authorities identified five female victims and eight male victims.",
            13,
            &[5, 8][..],
        ),
        (
            "Of the 28 victims, traffickers exploited 14 in sex trafficking, 13 in labor trafficking, and one for unspecified exploitation.",
            28,
            &[14, 13, 1][..],
        ),
    ] {
        assert_eq!(breakdowns(text), vec![sum(total, parts)], "{text}");
    }
    assert_eq!(
        breakdowns(
            "The government identified 74 victims. Of these, there were 31 women, 25 men, 14 children, and four were unspecified."
        ),
        vec![sum(74, &[31, 25, 14, 4])]
    );
}

#[test]
fn a_first_part_naming_the_whole_noun_before_its_class_is_a_were_part() {
    assert_eq!(
        breakdowns(
            "The government identified 470 victims. Of these, 411 victims were female and 59 were male."
        ),
        vec![split(470, &[411, 59])]
    );
}

#[test]
fn the_rest_counted_after_a_semicolon_is_a_part() {
    assert_eq!(
        breakdowns(
            "Of the 100 identified victims, 60 were victims of labor exploitation, and 30 were victims of sex trafficking; the government could not specify a form of trafficking for the remaining 10 victims."
        ),
        vec![sum(100, &[60, 30, 10])]
    );
}

#[test]
fn a_part_of_unknown_class_counts_what_the_whole_counts() {
    assert_eq!(
        breakdowns(
            "The government enrolled five victims (two from Narnia, one from Ruritania, and two unknown) in its program."
        ),
        vec![sum(5, &[2, 1, 2])]
    );
    assert_eq!(
        breakdowns(
            "Authorities identified 60 victims, of which 30 were victims of sex trafficking, 20 were victims of forced labor, and 10 unknown."
        ),
        vec![sum(60, &[30, 20, 10])]
    );
}

#[test]
fn a_partition_opening_a_sentence_may_name_the_whole_noun_first() {
    assert_eq!(
        breakdowns(
            "The government identified 98 victims. Eight victims were men, 86 were women, and four identified as transgender."
        ),
        vec![split(98, &[8, 86, 4])]
    );
}

#[test]
fn an_earlier_figure_beside_the_period_s_own_is_passed_over() {
    assert_eq!(
        breakdowns(
            "Police identified 40 victims, compared with 75 victims in 2029. Thirty were children."
        ),
        vec![subset(40, 30)]
    );
}

#[test]
fn several_partitions_that_take_in_everyone_in_one_of_whom_list() {
    assert_eq!(
        breakdowns(
            "In 2029, authorities identified 124 victims, of whom 110 were adults, 14 were children, 109 were female, and 15 were male."
        ),
        vec![sum(124, &[110, 14]), sum(124, &[109, 15])]
    );
}

#[test]
fn these_victims_refers_to_the_latest_count_of_victims() {
    let read = breakdowns(
        "NGOs identified 245 victims from these calls; 45 investigations resulted from the calls. These victims included 196 women and girls, 39 men and boys, and 10 with gender unspecified; and 140 citizens, 49 foreigners, and 56 with nationality unspecified.",
    );
    assert!(read.contains(&sum(245, &[196, 39, 10])), "{read:?}");
    // (Counting its rest, the split names every category: a sum.)
    assert!(read.contains(&sum(245, &[140, 49, 56])), "{read:?}");
}

#[test]
fn a_partition_opening_a_sentence_may_hold_a_part_of_another_dimension() {
    let read = breakdowns(
        "The government identified 43 victims, compared with 48 victims in 2029; 23 were victims of sex trafficking and 20 of forced labor. Overall, 21 were women, eight men, 13 girls, and one boy, and one foreign victim.",
    );
    assert!(read.contains(&split(43, &[21, 8, 13, 1])), "{read:?}");
    assert!(read.contains(&subset(43, 1)), "{read:?}");
}

#[test]
fn a_list_may_separate_its_items_by_semicolons() {
    let read = breakdowns(
        "The government identified 110 victims. Of these, 61 were sex trafficking victims; 35 labor trafficking victims, including 26 forced begging victims; and 14 victims of forced criminality.",
    );
    assert!(read.contains(&split(110, &[61, 35, 14])), "{read:?}");
}

#[test]
fn a_list_of_nationalities_after_a_semicolon_may_name_the_foreign_victims_alone() {
    let read = breakdowns(
        "The government identified eight victims. Of these, five were women and three were men; two victims were from Narnia and one from Ruritania.",
    );
    assert!(
        read.iter().all(|(_, _, parts)| *parts != vec![d(2), d(1)]),
        "{read:?}"
    );
}

#[test]
fn a_part_of_the_whole_opens_a_partition_of_that_whole() {
    // `32 of the 71 victims were adults, 19 children` reads as `Of the 71 victims, 32 were
    // adults, 19 children`.
    let sums = |t: &str| -> Vec<(Decimal, Vec<Decimal>)> {
        claims(t)
            .breakdowns
            .iter()
            .filter(|b| b.kind == RelationKind::Sum)
            .map(|b| (b.total.value, b.parts.iter().map(|f| f.value).collect()))
            .collect()
    };
    assert_eq!(
        sums(
            "Officials reported that 30 of the 70 victims of forced labor were adults, 19 children."
        ),
        [(d(70), vec![d(30), d(19)])]
    );
    assert_eq!(
        sums("Officials said 12 of the 40 victims identified in 2030 were women and 28 were men."),
        [(d(40), vec![d(12), d(28)])]
    );
    // Classes of different dimensions may overlap: no partition.
    assert_eq!(
        sums("Police said 12 of the 40 victims were children, 10 were Ghanaian."),
        []
    );
    assert_eq!(
        sums("Of the 40 victims, 12 were children and 10 were Ghanaian."),
        []
    );
}

#[test]
fn an_anchor_naming_a_group_within_the_whole_only_bounds_it() {
    let read = |t: &str| -> Vec<(Decimal, Option<Doubt>)> {
        claims(t)
            .breakdowns
            .iter()
            .filter(|b| matches!(b.kind, RelationKind::Sum | RelationKind::Split))
            .map(|b| (b.total.value, b.doubt))
            .collect()
    };
    assert_eq!(
        read(
            "The government identified 50 victims. Of the child victims, 12 were girls and 10 were boys."
        ),
        [(d(50), Some(Doubt::PartOfWhole))]
    );
    // Parts beyond the whole, even when one more figure follows after `;`.
    let r = read(
        "Police identified and referred 60 victims to care, including 30 labor trafficking victims, 20 sex trafficking victims, and 10 victims of unspecified forms. Of the sex and labor trafficking victims identified, there were 30 women, 25 men, and 10 children; 20 were foreign victims.",
    );
    assert!(r.contains(&(d(60), Some(Doubt::PartOfWhole))), "{r:?}");
    // A figure that counts the group itself is its whole.
    assert_eq!(
        read(
            "The government identified 22 child victims and 28 adult victims. Of the child victims, 12 were girls and 10 were boys."
        ),
        [(d(22), None)]
    );
}

#[test]
fn an_including_list_in_parentheses_after_its_whole() {
    assert_eq!(
        breakdowns("Police identified 30 victims (including 20 women and 15 men)."),
        vec![(RelationKind::Including, d(30), vec![d(20), d(15)])]
    );
    assert_eq!(
        breakdowns("Police identified 90 victims of forced labor, including 20 children."),
        vec![subset(90, 20)]
    );
}

#[test]
fn a_part_stated_as_a_lower_bound_is_checked_by_it() {
    let read = breakdowns(
        "The ministry reported 800 suspected victims in 2030; of these, 700 were female and 100 were male, and at least 300 were children.",
    );
    assert!(read.contains(&subset(800, 300)), "{read:?}");
    assert!(read.contains(&split(800, &[700, 100])), "{read:?}");
    assert_eq!(
        breakdowns("Of the 15 identified victims, at least four were children."),
        vec![subset(15, 4)]
    );
    // Any other approximation states no bound.
    assert_eq!(
        breakdowns("Of the 15 identified victims, about four were children."),
        vec![]
    );
}

#[test]
fn a_part_of_the_named_group_opens_a_partition_of_its_whole() {
    assert_eq!(
        breakdowns(
            "The government identified 50 victims. Twenty of the victims were women, 10 men, and 25 children."
        ),
        vec![split(50, &[20, 10, 25])]
    );
    // After two joined wholes, the one its parts make.
    let read = breakdowns(
        "NGOs identified 60 potential victims and two official victims. Of these, 40 were sex trafficking victims and 20 were forced labor victims. Thirty of the victims were women, 10 men, and 20 children.",
    );
    assert!(read.contains(&split(60, &[30, 10, 20])), "{read:?}");
    // One part alone is a subset.
    assert_eq!(
        breakdowns("The government identified 50 victims. Twenty of the victims were Ghanaian."),
        vec![subset(50, 20)]
    );
    // `the victims` are all of them, not a group within; when every figure names a group, the
    // latest.
    let read = breakdowns(
        "Police identified 60 potential victims. Of these, 30 were sex trafficking victims, including 20 begging victims; 30 were labor trafficking victims. Forty of the victims were women, 10 men, and 10 children.",
    );
    assert!(read.contains(&split(60, &[40, 10, 10])), "{read:?}");
    assert_eq!(
        breakdowns(
            "The government identified 45 sex trafficking victims. Of the identified victims, 40 were women and five were men."
        ),
        vec![split(45, &[40, 5])]
    );
}
