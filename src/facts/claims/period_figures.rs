//! Typed figures with the period each belongs to (DESIGN §4.1, layer 1), for relating one
//! edition's figures to another's (`--previous`).
//!
//! Every count and every amount of money (not a dollar conversion in parentheses, which each
//! edition converts again) becomes a record: its value and exactness, the period it is stated
//! for (its own tag `40 cases in 2020`, the tag closing its group `(93 … and two … in 2018)`, a
//! sentence opening with its year `In 2020, …`, the previous reporting period, or the edition's
//! own period when the sentence names no other year), and its key: what it measures (the
//! counted noun, or the currency), the action and actor, and the restrictions its own words
//! state. A figure compared with another (`compared with 20 in 2021`, `(24 in 2018)`) that does
//! not name what it counts takes the key of the figure it is compared with.

use super::comparisons::is_gerund;
use super::periods::{Period, earlier_side_of, tag_after};
use super::*;

/// The period a figure is stated for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigurePeriod {
    /// The edition's own reporting period.
    Own,
    /// A calendar or fiscal year named in the text.
    Year(i32),
    /// `the previous reporting period`, `the prior year`, `last year`.
    Previous,
    /// The sentence names other years or several periods: which one is not known.
    Unknown,
}

/// One figure with its period and its key.
#[derive(Debug, Clone)]
pub struct PeriodFigure {
    pub figure: Fig,
    /// `about 20`, `more than 20`, a figure with a scale word (`1.2 million`).
    pub approx: bool,
    pub period: FigurePeriod,
    /// The counted noun, singular (`victim`), or `money:EUR`; `None` when not read.
    pub measure: Option<String>,
    /// `identify`, `prosecute` …
    pub action: Option<String>,
    /// Who did it, as the sentence names it before its verb (`government`, `federal government`).
    pub actor: Option<String>,
    /// (dimension, value) pairs, sorted.
    pub restrictions: Vec<(String, String)>,
    /// The key was taken from the figure this one is compared with.
    pub inherited: bool,
    /// The earlier side of a comparison whose later side is the edition's own period (`24
    /// victims, compared with 20 in 2021`): its year is before the edition's own.
    pub restated: bool,
    /// The sentence says its data were revised or updated.
    pub revised: bool,
    pub sentence: Span,
    /// The figure's words were part of another figure's list (`including 24 …`).
    pub part: bool,
}

/// Words saying a figure's data were revised.
const REVISED: &[&str] = &[
    "revised",
    "updated",
    "corrected",
    "amended",
    "adjusted",
    "reconciled",
    "erroneously",
    "incorrectly",
];

/// Words that make a counted noun another measure (`ongoing investigations`).
const QUALIFIERS: &[&str] = &[
    "ongoing",
    "pending",
    "continuing",
    "continued",
    "remaining",
    "new",
    "additional",
    "further",
    "other",
    "open",
    "previous",
    "older",
];

/// Words after which no single period can be read for a sentence's untagged figures.
const SPAN_WORDS: &[&str] = &[
    "since",
    "cumulative",
    "cumulatively",
    "between",
    "altogether",
    "annually",
    "average",
    "per",
    "each",
    "every",
];

impl Extractor<'_, '_> {
    /// The period figures of paragraph `p`; `first`: its first comparison in `out`.
    pub(super) fn period_figures(&self, p: &Para, first: usize, out: &mut ChapterClaims) {
        let n = p.qs.len();
        // Dollar conversions in parentheses after an amount: not figures of their own.
        let conversions: HashSet<usize> = (0..n)
            .filter(|&m| matches!(p.qs[m].kind, QKind::Money(_)))
            .filter_map(|m| super::figures::conversion_of(p, m))
            .collect();
        let recordable = |q: usize| match &p.qs[q].kind {
            QKind::Count => true,
            QKind::Money(_) => !conversions.contains(&q),
            _ => false,
        };
        let mut period: Vec<Option<FigurePeriod>> = vec![None; n];
        // Own tags.
        for (q, quantity) in p.qs.iter().enumerate() {
            if !recordable(q) {
                continue;
            }
            let tag = match quantity.kind {
                QKind::Money(_) => money_tag(p, q).map(Some),
                _ => tag_after(p, q).map(|(t, end)| {
                    // `in previous years`: several periods.
                    if t == Period::Earlier && (p.is(end - 1, "years") || p.is(end - 1, "periods"))
                    {
                        None
                    } else {
                        Some(t)
                    }
                }),
            };
            period[q] = tag.map(|t| t.map_or(FigurePeriod::Unknown, of_period));
        }
        // The groups after a comparison connective.
        for k in 0..p.toks.len() {
            if let Some((figures, periods, compared)) = earlier_side_of(p, k) {
                for (q, t) in figures.into_iter().zip(periods) {
                    if period[q].is_none() {
                        // The nearest tag after it (`45 … and 33 … in 2019 and 49 … in 2018`:
                        // 45 is of 2019), else the group's.
                        let t = next_tag(p, q).unwrap_or(t);
                        period[q] = Some(match t {
                            Period::Own if compared => FigurePeriod::Previous,
                            Period::Own => continue,
                            t => of_period(t),
                        });
                    }
                }
            }
        }
        let mut records: Vec<(usize, PeriodFigure)> = Vec::new();
        // Each record's action read from its own words (not looked for before it).
        let mut own_actions: Vec<Option<String>> = Vec::new();
        // Whether each record's noun names a class of people (`adults`), not what is counted.
        let mut classes: Vec<bool> = Vec::new();
        let later_sides: HashSet<Span> = out.comparisons[first..]
            .iter()
            .filter(|c| !c.past_only)
            .map(|c| c.current.span)
            .collect();
        // Per sentence (by its first token): whether it names other periods, and whether it
        // says its data were revised; read once.
        let mut sentences: HashMap<usize, (bool, bool)> = HashMap::default();
        for q in 0..n {
            if !recordable(q) {
                continue;
            }
            let at = p.qs[q].toks.0;
            let sent = p.sentence[at];
            let (start, end) = (p.sentence_start(at), p.sentence_end(at));
            let (other_periods, revised) = *sentences.entry(start).or_insert_with(|| {
                let other = (start..end).any(|k| {
                    p.year_at(k).is_some()
                        || super::periods::period_word(p, k)
                        || p.word_ref(k).is_some_and(|w| SPAN_WORDS.contains(&w))
                });
                let revised = (start..end)
                    .filter_map(|k| p.word_ref(k))
                    .any(|w| REVISED.contains(&w));
                (other, revised)
            });
            let period = period[q].unwrap_or_else(|| {
                if let Some(y) = opening_year(p, start) {
                    FigurePeriod::Year(y)
                } else if later_sides.contains(&p.qs[q].span) {
                    // The later side of a comparison with an earlier period: the edition's own.
                    FigurePeriod::Own
                } else if other_periods {
                    FigurePeriod::Unknown
                } else {
                    FigurePeriod::Own
                }
            });
            let quantity = &p.qs[q];
            let np = p.np(q);
            // `95 official and potential victims`: the noun after the classes joined.
            let head = np
                .head()
                .map(|h| self.coordinated_head(p, q, h).unwrap_or(h));
            // `49 adults`, `12 girls`: a class of people, told of what its group counts.
            classes.push(head.is_some_and(|h| self.lex.restricts_people(h)));
            let measure = match &quantity.kind {
                QKind::Money(code) if !code.starts_with('?') => Some(format!("money:{code}")),
                QKind::Money(_) => None,
                _ => head
                    .filter(|h| np.link == Link::Noun && self.lex.counted.contains(*h))
                    .map(|h| {
                        // `seven ongoing investigations` are not the period's investigations.
                        let qualifier = np.words.iter().find(|w| QUALIFIERS.contains(w));
                        let head = singular(h).into_owned();
                        qualifier.map_or(head.clone(), |q| format!("{q} {head}"))
                    }),
            };
            let own_action = at
                .checked_sub(1)
                .and_then(|k| p.word_ref(k))
                .filter(|w| is_gerund(w))
                .and_then(|w| self.lex.action_of(w))
                .or_else(|| self.action_of_figure(p, q, false));
            own_actions.push(own_action.map(str::to_string));
            let action = own_action
                .or_else(|| self.action_of_figure(p, q, true))
                .map(str::to_string);
            let mut restrictions: Vec<(String, String)> = self
                .restrictions_of(p, q)
                .pairs()
                .map(|(d, v)| (d.to_string(), v.to_string()))
                .collect();
            restrictions.sort();
            restrictions.dedup();
            // `530 victims of illegal recruitment`, `14 cases in the capital`: a part of what
            // the noun counts, named after it in words no restriction reads.
            let after = p.after_np(q);
            let after_tag = tag_after(p, q).map_or(after, |(_, end)| end);
            let relative = matches!(
                p.word_ref(after_tag),
                Some("who" | "whom" | "that" | "which" | "whose")
            ) && p.sentence.get(after_tag) == Some(&sent);
            let narrowed = relative
                || np.link == Link::Noun
                    && restrictions.is_empty()
                    && p.word_ref(after).is_some_and(para::narrowing_preposition)
                    && super::periods::period_at(p, after).is_none();
            let measure = measure.filter(|_| !narrowed);
            records.push((
                q,
                PeriodFigure {
                    figure: p.fig(q),
                    approx: quantity.approx || quantity.scaled,
                    period,
                    measure,
                    action,
                    actor: self.actor_before(p, start, at),
                    restrictions,
                    inherited: false,
                    restated: false,
                    revised,
                    sentence: p.toks[start].span.cover(p.toks[end - 1].span),
                    part: super::periods::part_of_figure(p, q),
                },
            ));
        }
        // A compared figure that does not say what it counts counts what its partner counts.
        let index: HashMap<Span, usize> = records
            .iter()
            .enumerate()
            .map(|(k, (_, r))| (r.figure.span, k))
            .collect();
        // The parts of a breakdown by class (`Of these, 28 were adults and 67 were children`)
        // count what their whole counts, by its action and actor; each keeps its own class.
        for b in &out.breakdowns {
            let Some(&whole) = index.get(&b.total.span) else {
                continue;
            };
            if classes[whole] || records[whole].1.measure.is_none() {
                continue;
            }
            let total = records[whole].1.clone();
            for part in &b.parts {
                let Some(&k) = index.get(&part.span) else {
                    continue;
                };
                let r = &mut records[k].1;
                if k == whole || r.restrictions.is_empty() || !(r.measure.is_none() || classes[k]) {
                    continue;
                }
                r.measure.clone_from(&total.measure);
                r.inherited = true;
                classes[k] = false;
                if r.action.is_none() {
                    r.action.clone_from(&total.action);
                }
                if r.actor.is_none() {
                    r.actor.clone_from(&total.actor);
                }
            }
        }
        for c in &out.comparisons[first..] {
            let (Some(&later), Some(&earlier)) =
                (index.get(&c.current.span), index.get(&c.previous.span))
            else {
                continue;
            };
            let partner = records[later].1.clone();
            let partner_class = classes[later];
            let own_action = own_actions[earlier].clone();
            let r = &mut records[earlier].1;
            r.restated |= partner.period == FigurePeriod::Own;
            // The earlier side's action is its own (`compared with prosecuting 12`), else the
            // later side's: the words before it are the later figure's.
            r.action = own_action
                .or_else(|| partner.action.clone())
                .or_else(|| c.action.clone());
            if r.actor.is_none() {
                r.actor = partner.actor.clone();
            }
            // `(49 adults … in 2017)` after `28 were adults`: of what the later side counts.
            let own_class = classes[earlier] && !r.restrictions.is_empty();
            if (r.measure.is_none() || own_class) && partner.measure.is_some() && !partner_class {
                r.measure = partner.measure;
                r.inherited = true;
                if r.restrictions.is_empty() {
                    r.restrictions = partner.restrictions;
                }
            }
        }
        out.period_figures
            .extend(records.into_iter().map(|(_, r)| r));
    }

    /// `95 official and potential victims`: when head `h` of count `q` states a class or
    /// status (`official`) and `and`/`or` joins further such words, the counted noun after them.
    fn coordinated_head<'t>(&self, p: &Para<'t, '_>, q: usize, h: &str) -> Option<&'t str> {
        if !self.lex.restrictions.contains_key(h) {
            return None;
        }
        let k = p.after_np(q);
        if !(p.is(k, "and") || p.is(k, "or")) || p.sentence.get(k) != p.sentence.get(k + 1) {
            return None;
        }
        for j in k + 1..k + 4 {
            if j >= p.toks.len() || p.q_of[j].is_some() {
                return None;
            }
            let w = p.word_ref(j)?;
            if self.lex.counted.contains(w) && !self.lex.restrictions.contains_key(w) {
                return Some(w);
            }
            if !self.lex.restrictions.contains_key(w) {
                return None;
            }
        }
        None
    }

    /// The actor a sentence names before its verb at token `at`: the words from the sentence's
    /// start (past an opening `In 2020,`) up to the figure, when they hold one of the lexicon's
    /// actors; lower case, without articles (`the federal government` → `federal government`).
    fn actor_before(&self, p: &Para, start: usize, at: usize) -> Option<String> {
        // From the start of the figure's clause: after the last `;` or `,` before it.
        let from = (start.max(at.saturating_sub(12))..at)
            .rev()
            .find(|&k| p.punct(k, ';') || p.punct(k, ','))
            .map_or(start, |k| k + 1);
        if at - from > 12 {
            return None;
        }
        let mut words = Vec::new();
        for k in from..at {
            let w = p.word_ref(k)?;
            if self.lex.action_of(w).is_some() && (w.ends_with("ed") || is_gerund(w)) {
                break;
            }
            if matches!(w, "reported" | "said" | "stated") {
                break;
            }
            if !matches!(w, "the" | "a" | "an") {
                words.push(w);
            }
            if words.len() > 4 {
                return None;
            }
        }
        let phrase = words.join(" ");
        let actor = self
            .lex
            .actors
            .iter()
            .map(|a| a.trim_start_matches("the ").trim_start_matches("an "))
            .filter(|a| !a.is_empty())
            .any(|a| phrase.ends_with(a));
        if !actor {
            return None;
        }
        Some(match phrase.as_str() {
            "government" | "authorities" | "officials" => "government".to_string(),
            _ => phrase,
        })
    }
}

/// A period tag as a figure's period.
fn of_period(t: Period) -> FigurePeriod {
    match t {
        Period::Own => FigurePeriod::Own,
        Period::Year(y) => FigurePeriod::Year(y),
        Period::Earlier => FigurePeriod::Previous,
    }
}

/// `In 2020, …`, `During 2020, …`: the year a sentence starting at token `start` opens with.
fn opening_year(p: &Para, start: usize) -> Option<i32> {
    let k = if p.is(start, "in") || p.is(start, "during") {
        start + 1
    } else {
        return None;
    };
    let k = if p.is(k, "fiscal") && p.is(k + 1, "year") {
        k + 2
    } else {
        k
    };
    let y = p.year_at(k)?;
    if !p.punct(k + 1, ',') {
        return None;
    }
    rust_decimal::prelude::ToPrimitive::to_i32(&p.qs[y].value)
}

/// The period tag after an amount of money, past its conversion in parentheses (`€461,500
/// ($523,240) in 2020`).
fn money_tag(p: &Para, q: usize) -> Option<Period> {
    let mut k = p.qs[q].toks.1;
    // Past the currency's name (`19 million drams`).
    while p.word_ref(k).is_some() && p.q_of[k].is_none() && !p.is(k, "in") && k < p.qs[q].toks.1 + 3
    {
        k += 1;
    }
    if p.punct(k, '(') {
        k = p.closing.get(&k)? + 1;
    }
    super::periods::period_at(p, k).map(|(t, _)| t)
}

/// The first period tag after figure `q` in its sentence, before a `;` or a connective of
/// another comparison.
fn next_tag(p: &Para, q: usize) -> Option<Period> {
    let at = p.qs[q].toks.0;
    let end = p.sentence_end(at);
    let depth = p.depth[at];
    for k in p.after_np(q)..end.min(p.after_np(q) + 30) {
        if p.punct(k, ';') || p.is(k, "compared") || p.depth[k] < depth {
            return None;
        }
        if let Some((t, _)) = super::periods::period_at(p, k) {
            return Some(t);
        }
    }
    None
}
