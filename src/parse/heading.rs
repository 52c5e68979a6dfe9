//! The chapter heading grammar: `Kyrgyz Republic (Tier 2)`, `KYRGYZ REPUBLIC: TIER 2`,
//! `BELARUS: Tier 2 Watch List`, `LIBYA: Special Case`, and a name line followed by a tier line.

use crate::parse::tree::Tier;
use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, tag_no_case, take_till1, take_while},
    character::complete::{char, one_of, space0, space1},
    combinator::{opt, value},
};

/// The longest line read as a heading (a name of up to eight words, a tier, and stray text).
pub const MAX_HEADING_LEN: usize = 160;

/// What the heading grammar found on one line, as byte ranges relative to the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadingMatch {
    pub name: (usize, usize),
    /// The tier text's range, and the tier if it is one of the known forms.
    pub tier_text: (usize, usize),
    pub tier: Option<Tier>,
    /// Text after the tier that does not belong to a heading.
    pub trailing: Option<(usize, usize)>,
}

/// A strict tier: `Tier 1`, `Tier 2`, `Tier 2 Watch List`, `Tier 3`, `Special Case` (any case).
pub fn tier(i: &str) -> IResult<&str, Tier> {
    alt((
        value(
            Tier::Tier2WatchList,
            (
                tag_no_case("tier"),
                space1,
                char('2'),
                space1,
                tag_no_case("watch"),
                space1,
                tag_no_case("list"),
            ),
        ),
        (tag_no_case("tier"), space1, one_of("123")).map(|(_, _, d)| match d {
            '1' => Tier::Tier1,
            '2' => Tier::Tier2,
            _ => Tier::Tier3,
        }),
        value(
            Tier::SpecialCase,
            (tag_no_case("special"), space1, tag_no_case("case")),
        ),
    ))
    .parse(i)
}

/// Something that is meant to be a tier, even if misspelt: `Tier 4`, `Teir 2`, `Tier Two`.
fn tier_like(i: &str) -> IResult<&str, &str> {
    alt((
        tag_no_case("tier"),
        tag_no_case("teir"),
        tag_no_case("tire "),
        tag_no_case("special"),
    ))
    .parse(i)
}

fn name(i: &str) -> IResult<&str, &str> {
    take_till1(|c| c == '(' || c == ':' || c == '–' || c == '—').parse(i)
}

/// The separator between name and tier, and whether a `)` must close the tier.
fn separator(i: &str) -> IResult<&str, bool> {
    alt((
        value(true, (char('('), space0)),
        value(false, (char(':'), space0)),
        value(false, (one_of("–—"), space0)),
    ))
    .parse(i)
}

/// Match one trimmed line against the heading forms. `None` when the line is not a heading at all.
pub fn match_heading(line: &str) -> Option<HeadingMatch> {
    // A heading is a short line; prose lines are not worth the grammar's time.
    if line.len() > MAX_HEADING_LEN {
        return None;
    }
    let (rest, raw_name) = name(line).ok()?;
    let name_trimmed = raw_name.trim_end();
    if !plausible_name(name_trimmed) {
        return None;
    }
    let (after_sep, closes) = separator(rest).ok()?;
    // The line must at least try to state a tier, or it is prose that happens to hold a colon.
    tier_like(after_sep).ok()?;
    let tier_start = line.len() - after_sep.len();
    let (mut rest, tier) = match tier(after_sep) {
        Ok((r, t)) => (r, Some(t)),
        Err(_) => {
            // Up to the closing parenthesis (or the end): that is the unrecognised tier text.
            let (r, _) = take_while::<_, &str, nom::error::Error<&str>>(|c| c != ')')
                .parse(after_sep)
                .ok()?;
            (r, None)
        }
    };
    let tier_end = line.len() - rest.len();
    let tier_text = (tier_start, line[..tier_end].trim_end().len());
    let mut closed = !closes;
    if closes && let Ok((r, _)) = (space0::<&str, nom::error::Error<&str>>, char(')')).parse(rest) {
        rest = r;
        closed = true;
    }
    // An optional footnote mark after the heading.
    if let Ok((r, _)) = (space0::<&str, nom::error::Error<&str>>, opt(tag("*"))).parse(rest) {
        rest = r;
    }
    let rest_trim = rest.trim();
    let trailing = if !closed || !rest_trim.is_empty() {
        let start = line.len() - rest.trim_start().len();
        Some((start.min(line.len()), line.trim_end().len().max(start)))
    } else {
        None
    };
    Some(HeadingMatch {
        name: (0, name_trimmed.len()),
        tier_text,
        tier: if closed { tier } else { None },
        trailing,
    })
}

/// A line holding only a tier (the second line of a two-line heading).
pub fn match_tier_line(line: &str) -> Option<Tier> {
    match tier(line.trim()) {
        Ok((rest, t)) if rest.trim().is_empty() => Some(t),
        _ => None,
    }
}

/// A country name: one to eight words starting with a capital letter, made of letters and the
/// marks names use (`Côte d’Ivoire`, `Korea, North`, `Guinea-Bissau`, `St. Lucia`): a line
/// that has other text before the name (`IN THIS SECTION/ MAURITIUS`) is not one.
pub fn plausible_name(name: &str) -> bool {
    if name.len() > MAX_HEADING_LEN {
        return false;
    }
    let words = name.split_whitespace().take(9).count();
    (1..=8).contains(&words)
        && name.chars().next().is_some_and(|c| c.is_uppercase())
        && name.chars().all(|c| {
            c.is_alphabetic()
                || c.is_whitespace()
                || matches!(c, ',' | '.' | '-' | '‑' | '\'' | '’')
        })
        && !name.trim_end().ends_with('.')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tier_of(line: &str) -> Option<Option<Tier>> {
        match_heading(line).map(|m| m.tier)
    }

    #[test]
    fn heading_forms() {
        assert_eq!(tier_of("Kyrgyz Republic (Tier 2)"), Some(Some(Tier::Tier2)));
        assert_eq!(tier_of("KYRGYZ REPUBLIC: TIER 2"), Some(Some(Tier::Tier2)));
        assert_eq!(
            tier_of("BELARUS: Tier 2 Watch List"),
            Some(Some(Tier::Tier2WatchList))
        );
        assert_eq!(
            tier_of("KYRGYZ REPUBLIC (Tier 2 Watch List)"),
            Some(Some(Tier::Tier2WatchList))
        );
        assert_eq!(
            tier_of("LIBYA: Special Case"),
            Some(Some(Tier::SpecialCase))
        );
        assert_eq!(
            tier_of("Yemen (Special Case)"),
            Some(Some(Tier::SpecialCase))
        );
        assert_eq!(tier_of("KOREA, NORTH: TIER 3"), Some(Some(Tier::Tier3)));
        assert_eq!(tier_of("Luxembourg (Tier 1)*"), Some(Some(Tier::Tier1)));
        assert_eq!(tier_of("CÔTE D’IVOIRE – Tier 2"), Some(Some(Tier::Tier2)));
    }

    #[test]
    fn malformed_headings_are_still_headings() {
        assert_eq!(tier_of("Kyrgyz Republic (Tier 4)"), Some(None));
        assert_eq!(tier_of("Kyrgyz Republic (Teir 2)"), Some(None));
        assert_eq!(tier_of("Kyrgyz Republic (Tier 2"), Some(None));
        let m = match_heading("LUXEMBOURG (Tier 1) Extracted in part from a report").unwrap();
        assert_eq!(m.tier, Some(Tier::Tier1));
        assert!(m.trailing.is_some());
    }

    #[test]
    fn prose_is_not_a_heading() {
        assert_eq!(
            tier_of("PRIORITIZED RECOMMENDATIONS: Increase efforts."),
            None
        );
        assert_eq!(tier_of("2022 Trafficking in Persons Report: Armenia"), None);
        assert_eq!(
            tier_of("The government remained on Tier 2 (Tier 2) for years."),
            None
        );
        assert_eq!(tier_of("(Tier 2)"), None);
        assert_eq!(tier_of("IN THIS SECTION/ NARNIA (TIER 2)"), None);
    }

    #[test]
    fn spans_point_at_name_and_tier() {
        let line = "Kyrgyz Republic (Tier 2)";
        let m = match_heading(line).unwrap();
        assert_eq!(&line[m.name.0..m.name.1], "Kyrgyz Republic");
        assert_eq!(&line[m.tier_text.0..m.tier_text.1], "Tier 2");
        assert_eq!(
            match_tier_line("  Tier 2 Watch List "),
            Some(Tier::Tier2WatchList)
        );
    }
}
