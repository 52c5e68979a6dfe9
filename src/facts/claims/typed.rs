//! Typed figures (DESIGN §4.1, layer 1): a record for every counted figure of a chapter (counts,
//! money, percentages), saying what it counts as far as its own words, clause and sentence say.
//!
//! Each field is read by the reader the claims stage already has: the exactness from the
//! approximation the quantity grammar read (`at least`, `nearly`); the measure from the figure's
//! counted noun (`counted_head`), or its currency or `percent`; the restrictions from
//! `restrictions_of`; the action from `action_of_figure`, else a verb or noun before it in its
//! clause; the actor and the period from the figure's `PeriodFigure` (the reader of `--previous`:
//! its own tag, the tag closing its group, a sentence opening on a year, the previous period for
//! the earlier side of a comparison, unknown when its sentence names other periods), else from
//! its `FigureStatement` or the actor phrase its sentence opens with, and the period tags of
//! `periods`. The scope (the figure it is a part of, compared with, or converted from) is
//! linked by span to the breakdowns, comparisons and conversions the claims stage produced,
//! never read again. A part, the earlier side of a comparison or a converted amount takes what
//! its own words leave unknown (measure, action, actor; a part also its period) from the figure
//! it is linked to; anything else not read stays unknown.
//!
//! The records are read only when asked for (`tiplint extract`, the language server's hover):
//! no rule reads them yet.

use super::periods::{Period, period_at, tag_after};
use super::*;
use crate::facts::quantity::approximation_len;

/// How exactly a figure is stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exactness {
    Exact,
    /// `around`, `approximately`, `some`, `an estimated`, `dozens`.
    Approximate,
    /// `at least`, `more than`, `over`, `upwards of`, `as few as`.
    AtLeast,
    /// `at most`, `up to`, `fewer than`, `less than`, `nearly`, `almost`, `as many as`.
    AtMost,
}

impl Exactness {
    pub fn name(self) -> &'static str {
        match self {
            Exactness::Exact => "exact",
            Exactness::Approximate => "approximate",
            Exactness::AtLeast => "at least",
            Exactness::AtMost => "at most",
        }
    }
}

/// What a figure counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Measure {
    /// A counted noun, singular and lower case (`victim`, `case`, `investigation`).
    Count(String),
    /// An amount of money, with its ISO 4217 code when the text says which currency it is.
    Money(Option<String>),
    Percent,
}

impl Measure {
    /// The measure's name: the noun, `money` or `percent`.
    pub fn name(&self) -> &str {
        match self {
            Measure::Count(noun) => noun,
            Measure::Money(_) => "money",
            Measure::Percent => "percent",
        }
    }

    /// The unit of the value: the currency's code, or `percent`.
    pub fn unit(&self) -> Option<&str> {
        match self {
            Measure::Count(_) => None,
            Measure::Money(code) => code.as_deref(),
            Measure::Percent => Some("percent"),
        }
    }
}

/// The figure a record is a part of, and how.
#[derive(Debug, Clone, Copy)]
pub struct PartOf {
    pub whole: Fig,
    pub kind: RelationKind,
}

/// One counted figure and what it counts (DESIGN §4.1, layer 1).
#[derive(Debug, Clone)]
pub struct FigureRecord {
    /// The value; unknown for a figure without one (`dozens of victims`).
    pub value: Option<Decimal>,
    pub exactness: Exactness,
    /// The figure as written (`4 million Som`, `30`), without its approximation.
    pub span: Span,
    pub section: SectionKind,
    pub measure: Option<Measure>,
    /// (dimension, value) pairs its own words state (`12 girls`: sex female, age child).
    pub restrictions: Vec<(String, String)>,
    pub action: Option<String>,
    pub actor: Option<String>,
    /// `Own`: the period of the edition the chapter is in.
    pub period: FigurePeriod,
    pub part_of: Option<PartOf>,
    /// The other side of a comparison it is in.
    pub compared_with: Option<Fig>,
    /// The other side of a currency conversion it is in (`4 million som ($46,000)`).
    pub converted: Option<Fig>,
    /// Its measure is a class of people (`17 adult females`): the whole it is a part of says
    /// what the class counts.
    class_measure: bool,
}

impl FigureRecord {
    /// Its period is a year or the previous period, as the text says (not the edition's by
    /// default, nor unknown).
    fn tagged(&self) -> bool {
        matches!(self.period, FigurePeriod::Year(_) | FigurePeriod::Previous)
    }
}

impl Extractor<'_, '_> {
    /// The records of paragraph `p`'s counted figures, appended to `out.records` (after the
    /// paragraph's statements were read).
    pub(super) fn records(&self, p: &Para, section: SectionKind, out: &mut ChapterClaims) {
        // The paragraph's statements and period figures (read before), by their figure's span.
        let from = p.toks[0].span.start;
        let first_statement = out
            .statements
            .partition_point(|s| s.figure.span.start < from);
        let statements: HashMap<Span, &FigureStatement> = out.statements[first_statement..]
            .iter()
            .map(|s| (s.figure.span, s))
            .collect();
        let first_period = out
            .period_figures
            .partition_point(|f| f.figure.span.start < from);
        let periods: HashMap<Span, &PeriodFigure> = out.period_figures[first_period..]
            .iter()
            .map(|f| (f.figure.span, f))
            .collect();
        let mut records = Vec::new();
        for (q, quantity) in p.qs.iter().enumerate() {
            if !counted_figure(p, q) {
                continue;
            }
            let (measure, class_measure) = match &quantity.kind {
                QKind::Count => match p.counted_head(q) {
                    Some(noun) => {
                        let class = p.np(q).head().is_some_and(|h| self.lex.restricts_people(h));
                        (Some(Measure::Count(noun.into_owned())), class)
                    }
                    None => (None, false),
                },
                QKind::Money(code) => (
                    Some(Measure::Money(
                        (!code.starts_with('?')).then(|| code.clone()),
                    )),
                    false,
                ),
                QKind::Percent => (Some(Measure::Percent), false),
                _ => continue,
            };
            let restrictions = if matches!(quantity.kind, QKind::Money(_)) {
                Vec::new()
            } else {
                self.restrictions_of(p, q)
                    .pairs()
                    .map(|(d, v)| (d.to_string(), v.to_string()))
                    .collect()
            };
            let statement = statements.get(&quantity.span);
            let action = statement
                .map(|s| s.action.as_str())
                .or_else(|| self.action_of_figure(p, q, false))
                .or_else(|| self.action_before(p, q))
                .map(str::to_string);
            let read = periods.get(&quantity.span);
            let actor = read
                .and_then(|f| f.actor.clone())
                .or_else(|| statement.map(|s| actor_name(&s.actor)))
                .or_else(|| self.actor_of(p, q));
            let period = match read {
                Some(f) => f.period,
                // A percentage or a converted amount, which `PeriodFigure` leaves out.
                None => match tag_after(p, q)
                    .map(|(t, _)| t)
                    .or_else(|| sentence_tag(p, quantity.toks.0))
                {
                    Some(Period::Year(y)) => FigurePeriod::Year(y),
                    Some(Period::Earlier) => FigurePeriod::Previous,
                    Some(Period::Own) | None => FigurePeriod::Own,
                },
            };
            records.push(FigureRecord {
                value: (!vague(p, q)).then_some(quantity.value),
                exactness: exactness(p, q),
                span: quantity.span,
                section,
                measure,
                restrictions,
                action,
                actor,
                period,
                part_of: None,
                compared_with: None,
                converted: None,
                class_measure,
            });
        }
        out.records.extend(records);
    }

    /// The actor whose phrase opens figure `q`'s sentence (`Civil society identified 66
    /// victims`, `In 2029, the police arrested 12 suspects`), when no `;` and no other actor's
    /// phrase stands between it and the figure, at most 12 tokens after the sentence's opening.
    fn actor_of(&self, p: &Para, q: usize) -> Option<String> {
        let at = p.qs[q].toks.0;
        let mut start = p.sentence_start(at);
        // Past a period the sentence opens with: `In 2029, civil society identified …`.
        if let Some((_, end)) = period_at(p, start)
            && p.punct(end, ',')
        {
            start = end + 1;
        }
        // Near the figure only (as `PeriodFigure` reads its actor): a long sentence is read in
        // linear time.
        if at.saturating_sub(start) > 12 {
            return None;
        }
        let words: Vec<&str> = (start..at.min(start + 4))
            .map_while(|k| p.word_ref(k))
            .collect();
        let phrase = words.join(" ");
        let actor = self
            .lex
            .actors
            .iter()
            .filter(|a| phrase == **a || phrase.starts_with(&format!("{a} ")))
            .max_by_key(|a| a.len())?;
        let after = start + actor.split(' ').count();
        if (after..at).any(|k| p.punct(k, ';')) {
            return None;
        }
        // Another actor's phrase on the way: the figure may be that actor's.
        let other = (after..at).any(|k| {
            (1..=3).any(|n| {
                let w: Option<Vec<&str>> = (k..k + n).map(|j| p.word_ref(j)).collect();
                w.is_some_and(|w| k + n <= at && self.lex.actors.contains(&w.join(" ")))
            })
        });
        (!other).then(|| actor_name(actor))
    }

    /// The action of a verb or noun among the five words before figure `q`, in its clause (not
    /// past `;`, a comma or another figure): `investigating 30 cases`, `identified 66 victims`.
    fn action_before(&self, p: &Para, q: usize) -> Option<&str> {
        let at = p.qs[q].toks.0;
        (at.saturating_sub(5)..at)
            .rev()
            .take_while(|&k| {
                p.sentence[k] == p.sentence[at]
                    && p.q_of[k].is_none()
                    && !p.punct(k, ';')
                    && !p.punct(k, ',')
            })
            .find_map(|k| p.word_ref(k).and_then(|w| self.lex.action_of(w)))
    }
}

/// An actor as `PeriodFigure` names it: without an article, the government's authorities and
/// officials as `government`.
fn actor_name(phrase: &str) -> String {
    let bare = phrase
        .trim_start_matches("the ")
        .trim_start_matches("an ")
        .trim_start_matches("a ");
    match bare {
        "authorities" | "officials" => "government".to_string(),
        _ => bare.to_string(),
    }
}

/// Is quantity `q` a counted figure: a count, an amount of money or a percentage, and not the
/// number of a tier (`Tier 2`) nor the low end of a range of durations (`three to six years`)?
fn counted_figure(p: &Para, q: usize) -> bool {
    let quantity = &p.qs[q];
    match quantity.kind {
        QKind::Money(_) | QKind::Percent => true,
        QKind::Count => {
            let (at, end) = quantity.toks;
            let tier = at.checked_sub(1).is_some_and(|k| p.is(k, "tier"));
            let joined =
                p.is(end, "to") || p.is(end, "and") || p.punct(end, '-') || p.punct(end, '–');
            let duration_range = joined
                && p.q_at
                    .get(&(end + 1))
                    .is_some_and(|&d| matches!(p.qs[d].kind, QKind::Duration(_)));
            !tier && !duration_range
        }
        _ => false,
    }
}

/// The period phrase a sentence opens with, before a comma (`In 2021, …`, `During the previous
/// reporting period, …`), for the sentence holding token `at`.
fn sentence_tag(p: &Para, at: usize) -> Option<Period> {
    let start = p.sentence_start(at);
    let (period, end) = period_at(p, start)?;
    (p.punct(end, ',') && end < at).then_some(period)
}

/// A count without a value of its own: `dozens`, `hundreds`, `thousands`, `scores`.
fn vague(p: &Para, q: usize) -> bool {
    let quantity = &p.qs[q];
    quantity.kind == QKind::Count
        && quantity.approx
        && quantity.toks.1 == quantity.toks.0 + 1
        && matches!(
            p.word_ref(quantity.toks.0),
            Some("dozens" | "hundreds" | "thousands" | "scores")
        )
}

/// How exactly figure `q` is stated, from the approximation before it.
fn exactness(p: &Para, q: usize) -> Exactness {
    let quantity = &p.qs[q];
    if !quantity.approx {
        return Exactness::Exact;
    }
    let at = quantity.toks.0;
    let n = approximation_len(p.toks, at);
    let words: Vec<&str> = (at - n.min(at)..at).filter_map(|k| p.word_ref(k)).collect();
    match words[..] {
        ["at", "least"] | ["more", "than"] | ["over"] | ["upwards", "of"] | ["in", "excess"] => {
            Exactness::AtLeast
        }
        [.., "few", "as"] => Exactness::AtLeast,
        ["at", "most"] | ["up", "to"] | ["less" | "fewer", "than"] | ["nearly" | "almost"] => {
            Exactness::AtMost
        }
        [.., "many", "as"] => Exactness::AtMost,
        _ => Exactness::Approximate,
    }
}

/// Link the chapter's records to the relations read (by span), and let a part, the earlier side
/// of a comparison and a converted amount take what its own words leave unknown from the figure
/// it is linked to.
pub(super) fn link(out: &mut ChapterClaims) {
    let records = &mut out.records;
    if records.is_empty() {
        return;
    }
    let index: HashMap<(usize, usize), usize> = records
        .iter()
        .enumerate()
        .map(|(i, r)| ((r.span.start, r.span.end), i))
        .collect();
    let at = |f: &Fig| index.get(&(f.span.start, f.span.end)).copied();
    // Each record's source of what it leaves unknown, and whether it may take its period too.
    let mut from: Vec<Option<(usize, bool)>> = vec![None; records.len()];
    // Closed breakdowns first: a part of `66 victims` and of an `including` list of it is the
    // breakdown's.
    let closed = |b: &&Breakdown| matches!(b.kind, RelationKind::Sum | RelationKind::Split);
    let (first, second): (Vec<&Breakdown>, Vec<&Breakdown>) =
        out.breakdowns.iter().partition(closed);
    for b in first.into_iter().chain(second) {
        let Some(whole) = at(&b.total) else { continue };
        for part in &b.parts {
            if let Some(r) = at(part)
                && r != whole
                && records[r].part_of.is_none()
            {
                records[r].part_of = Some(PartOf {
                    whole: b.total,
                    kind: b.kind,
                });
                from[r] = Some((whole, true));
            }
        }
    }
    for c in &out.comparisons {
        let (Some(now), Some(then)) = (at(&c.current), at(&c.previous)) else {
            continue;
        };
        if now == then {
            continue;
        }
        if records[now].compared_with.is_none() {
            records[now].compared_with = Some(c.previous);
        }
        if records[then].compared_with.is_none() {
            records[then].compared_with = Some(c.current);
            // The earlier side's period is another than the later's: unknown when not tagged.
            if !records[then].tagged() {
                records[then].period = FigurePeriod::Unknown;
            }
            from[then].get_or_insert((now, false));
        }
    }
    for c in &out.conversions {
        let local = Fig {
            value: c.local.value,
            span: c.local.span,
        };
        let usd = Fig {
            value: c.usd.value,
            span: c.usd.span,
        };
        let (Some(l), Some(u)) = (at(&local), at(&usd)) else {
            continue;
        };
        records[l].converted = Some(usd);
        records[u].converted = Some(local);
        from[u].get_or_insert((l, true));
    }
    // Wholes are read before their parts mostly, but not always: a few passes settle chains
    // (a part of a part of a whole).
    for _ in 0..4 {
        let mut changed = false;
        for r in 0..records.len() {
            let Some((source, with_period)) = from[r] else {
                continue;
            };
            let (whole, part) = if source < r {
                let (a, b) = records.split_at_mut(r);
                (&a[source], &mut b[0])
            } else if source > r {
                let (a, b) = records.split_at_mut(source);
                (&b[0], &mut a[r])
            } else {
                continue;
            };
            if (part.measure.is_none() || part.class_measure)
                && !whole.class_measure
                && whole.measure.is_some()
                && part.measure != whole.measure
            {
                part.measure.clone_from(&whole.measure);
                part.class_measure = false;
                changed = true;
            }
            if part.action.is_none() && whole.action.is_some() {
                part.action.clone_from(&whole.action);
                changed = true;
            }
            if part.actor.is_none() && whole.actor.is_some() {
                part.actor.clone_from(&whole.actor);
                changed = true;
            }
            // A part is of its whole's period: a tagged one, or any known one when the part's
            // own is unknown (its sentence names other periods for other figures).
            let unknown = part.period == FigurePeriod::Unknown;
            if with_period
                && !part.tagged()
                && part.period != whole.period
                && (whole.tagged() || unknown && whole.period != FigurePeriod::Unknown)
            {
                part.period = whole.period;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
}
