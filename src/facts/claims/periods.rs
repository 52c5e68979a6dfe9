//! Comparisons read from the periods figures belong to (DESIGN §4.1, layer 1 then 2).
//!
//! Each figure after a comparison connective (`compared with`, `in comparison to`, `versus`, or
//! a parenthesis holding figures for a year: `(68 in 2016)`) is typed with the period it belongs
//! to: its own tag (`53 in 2019`, `124 victims identified in 2019`, `six the previous year`), or
//! the tag that closes its group (`(93 potential victims and two official victims in 2018)`).
//! It is then paired with a figure before the connective that counts the same thing for a later
//! period: the one figure of the same measure, or figure for figure when as many stand on each
//! side (`A potential victims and B official victims (C potential … and D official … in 2018)`:
//! A with C, B with D, never across). What the older construction readers already compared is
//! left to them; a pair found here states no direction of its own.

use super::comparisons::is_gerund;
use super::*;

/// How many tokens before its connective the later side of a comparison is looked for.
const WINDOW: usize = 60;

/// The period a figure is stated for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Period {
    /// No tag: the edition's own period (or the sentence's).
    Own,
    /// `in 2019`, `during 2019`, `in fiscal year 2019`.
    Year(i32),
    /// `the previous reporting period`, `the previous year`, `the prior year`, `last year`.
    Earlier,
}

impl Period {
    /// Whether a figure of period `self` may be the later side of a comparison with one of
    /// `earlier`.
    fn later_than(self, earlier: Period) -> bool {
        match (self, earlier) {
            (Period::Own, Period::Year(_) | Period::Earlier | Period::Own) => true,
            (Period::Year(a), Period::Year(b)) => a > b,
            (Period::Year(_), Period::Earlier) => true,
            _ => false,
        }
    }
}

/// A connective that introduces the earlier side of a comparison, and where its figures start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Connective {
    /// `compared with`, `compared to`, `in comparison to`, `versus`.
    Compared,
    /// A parenthesis right after a figure (and its noun and tag).
    Paren,
}

/// Words that may stand between a connective and its first figure (`compared with the total
/// of 20`, `compared with identifying 20`).
fn filler(w: &str) -> bool {
    matches!(
        w,
        "the" | "a" | "an" | "total" | "of" | "only" | "just" | "some" | "with" | "to"
    ) || is_gerund(w)
}

impl Extractor<'_, '_> {
    /// The comparisons of paragraph `p` that the period of each figure shows, past those already
    /// read.
    pub(super) fn dated_comparisons(
        &self,
        p: &Para,
        section: SectionKind,
        first: usize,
        out: &mut ChapterClaims,
    ) {
        let known: HashSet<(usize, usize)> = out.comparisons[first..]
            .iter()
            .flat_map(|c| [c.previous.span, c.current.span])
            .map(|s| (s.start, s.end))
            .collect();
        let mut found = Vec::new();
        for k in 0..p.toks.len() {
            let Some((connective, start)) = connective_at(p, k) else {
                continue;
            };
            let (earlier, periods) = earlier_side(p, connective, k, start);
            if earlier.is_empty() {
                continue;
            }
            // `compared with four and five, respectively`: the figures summed and compared by the
            // reader of breakdowns.
            let within_earlier = |q: usize| {
                out.comparisons[first..].iter().any(|c| {
                    c.previous.span.contains(p.qs[q].span) && c.previous.span != p.qs[q].span
                })
            };
            if earlier.iter().any(|&q| within_earlier(q)) {
                continue;
            }
            // A parenthesis is a comparison only when it dates its figures.
            if connective == Connective::Paren && periods.contains(&Period::Own) {
                continue;
            }
            // The later side: figures for a later period than the earliest of the earlier side
            // (`continued 11 investigations begun in prior years` is not compared).
            let later: Vec<usize> = later_side(p, connective, k, &earlier)
                .into_iter()
                .filter(|&c| {
                    let t = tag_after(p, c).map_or(Period::Own, |(t, _)| t);
                    periods.iter().all(|&e| t.later_than(e))
                })
                .collect();
            // `40 investigations—24 … and 16 …—compared with 10 and 17, respectively`: the
            // earlier figures of a breakdown's parts, compared (or not) as a sum by the reader
            // of breakdowns.
            let part_of_breakdown = |c: usize| {
                out.breakdowns.iter().any(|b| {
                    matches!(b.kind, RelationKind::Sum | RelationKind::Split)
                        && b.parts.iter().any(|f| f.span == p.qs[c].span)
                })
            };
            if earlier.len() >= 2
                && super::comparisons::respectively_later(p, earlier[0])
                && later.iter().any(|&c| part_of_breakdown(c))
            {
                continue;
            }
            // `44 victims (39 in 2029 and 52 in 2028)`, `compared with 610 in 2029 and 720
            // in 2028`: each year's figure against the next later one.
            let years: Vec<i32> = periods
                .iter()
                .filter_map(|t| match t {
                    Period::Year(y) => Some(*y),
                    _ => None,
                })
                .collect();
            let chain = earlier.len() >= 2
                && years.len() == earlier.len()
                && years.windows(2).all(|w| w[0] > w[1]);
            if chain {
                for w in earlier.windows(2) {
                    let (later_year, e) = (w[0], w[1]);
                    let span = p.qs[e].span;
                    if p.qs[e].is_exact_count()
                        && p.qs[later_year].is_exact_count()
                        && !known.contains(&(span.start, span.end))
                    {
                        found.push(Comparison {
                            action: None,
                            noun: None,
                            past_only: true,
                            ..self.compared(p, later_year, p.fig(e), None, section)
                        });
                    }
                }
            }
            let fits = |e: usize, c: usize| self.same_action(p, e, c);
            // A word naming a class of people stands for its class (`minor` and `child` both
            // say: age, child).
            let class = |w: String| {
                let mut values: Vec<String> = self
                    .lex
                    .people_values(&w)
                    .chain(self.lex.people_values(&format!("{w}s")))
                    .map(|(d, v)| format!("{d}={v}"))
                    .collect();
                values.sort();
                values.dedup();
                if values.is_empty() {
                    w
                } else {
                    values.join(",")
                }
            };
            let pairs = if chain {
                pair(p, &earlier[..1], &later, &fits, &class)
            } else {
                pair(p, &earlier, &later, &fits, &class)
            };
            for (e, c) in pairs {
                let period_of_c = tag_after(p, c).map_or(Period::Own, |(t, _)| t);
                let n = earlier.iter().position(|&x| x == e).unwrap_or(0);
                if !period_of_c.later_than(periods[n]) {
                    continue;
                }
                let (cs, es) = (p.qs[c].span, p.qs[e].span);
                if known.contains(&(es.start, es.end)) || known.contains(&(cs.start, cs.end)) {
                    continue;
                }
                found.push(self.compared(p, c, p.fig(e), None, section));
            }
        }
        out.comparisons.extend(found);
    }
}

impl Extractor<'_, '_> {
    /// Whether earlier figure `e` and later figure `c` measure the same action: `Some(true)` when
    /// the action of `e` (its gerund, noun phrase or the verb after it: `identifying 70`, `110
    /// victims assisted`) is one of the verbs `c` follows (`identified and referred 61`) or its
    /// own; `Some(false)` when both are read and differ; `None` when either is unknown.
    fn same_action(&self, p: &Para, e: usize, c: usize) -> Option<bool> {
        let at = p.qs[e].toks.0;
        let then = at
            .checked_sub(1)
            .and_then(|k| p.word_ref(k))
            .filter(|w| is_gerund(w))
            .and_then(|w| self.lex.action_of(w))
            .or_else(|| self.action_of_figure(p, e, false))?;
        let mut now: Vec<&str> = Vec::new();
        // The verbs right before `c`, joined by `and` or commas.
        let mut k = p.qs[c].toks.0;
        while let Some(before) = k.checked_sub(1) {
            k = before;
            match p.word_ref(k) {
                Some("and") => continue,
                Some(w) if w.ends_with("ly") => continue,
                Some(w) => match self.lex.action_of(w) {
                    Some(a) if w.ends_with("ed") => now.push(a),
                    _ => break,
                },
                None if p.punct(k, ',') => continue,
                None => break,
            }
        }
        if now.is_empty() {
            now.extend(self.action_of_figure(p, c, true));
        }
        (!now.is_empty()).then(|| now.contains(&then))
    }
}

/// The words after count `q` that say what it counts, up to the end of its list item (`,`,
/// `and`, another figure, a period tag), lower case and singular, without the words that only
/// join them (`were`, `of`, `with`, `the`).
fn descriptor(p: &Para, q: usize) -> Vec<String> {
    let sent = p.sentence[p.qs[q].toks.0];
    let mut words = Vec::new();
    let mut k = p.qs[q].toks.1;
    for _ in 0..8 {
        if p.sentence.get(k) != Some(&sent) || period_at(p, k).is_some() || p.q_of[k].is_some() {
            break;
        }
        if p.quote_mark(k) {
            k += 1;
            continue;
        }
        let Some(w) = p.word_ref(k) else { break };
        if matches!(w, "and" | "or" | "respectively") || stops_tag_search(w) && w != "of" {
            break;
        }
        if !matches!(
            w,
            "were" | "was" | "of" | "with" | "the" | "a" | "an" | "in" | "to" | "for" | "by"
        ) {
            words.push(singular(w).into_owned());
        }
        k += 1;
    }
    words
}

/// Whether count `q` is an item of a list after `including` that follows a figure (`61 victims,
/// including 30 … and 31 …`): a part of that figure, not a figure of its own.
pub(super) fn part_of_figure(p: &Para, q: usize) -> bool {
    let at = p.qs[q].toks.0;
    let (sent, depth) = (p.sentence[at], p.depth[at]);
    for k in (at.saturating_sub(16)..at).rev() {
        if p.sentence[k] != sent || p.punct(k, ';') || p.depth[k] != depth {
            return false;
        }
        if p.is(k, "including") {
            let before = if p.punct(k - 1, ',') { k - 1 } else { k };
            return (before.saturating_sub(10)..before)
                .rev()
                .find_map(|j| p.count_at(j))
                .is_some_and(|w| p.ends_near(w, before, 4));
        }
    }
    false
}

/// A comparison connective at token `k`: which, and the token its figures may start at.
fn connective_at(p: &Para, k: usize) -> Option<(Connective, usize)> {
    let w = p.word_ref(k);
    if w == Some("compared") && (p.is(k + 1, "with") || p.is(k + 1, "to")) {
        return Some((Connective::Compared, k + 2));
    }
    if w == Some("comparison")
        && p.is(k.wrapping_sub(1), "in")
        && (p.is(k + 1, "with") || p.is(k + 1, "to"))
    {
        return Some((Connective::Compared, k + 2));
    }
    if matches!(w, Some("versus" | "vs")) {
        return Some((Connective::Compared, k + 1));
    }
    if p.punct(k, '(') && p.count_at(k + 1).is_some() {
        return Some((Connective::Paren, k + 1));
    }
    None
}

/// The period tag right after figure `q` (past its noun and a few words of its own clause:
/// `124 victims identified in 2019`), and the token after the tag.
pub(super) fn tag_after(p: &Para, q: usize) -> Option<(Period, usize)> {
    let sent = p.sentence[p.qs[q].toks.0];
    let mut k = p.after_np(q);
    for _ in 0..5 {
        if p.sentence.get(k) != Some(&sent) {
            return None;
        }
        if let Some(end) = period_at(p, k) {
            return Some(end);
        }
        match p.word_ref(k) {
            Some(w) if !stops_tag_search(w) && p.q_of[k].is_none() => k += 1,
            _ => return None,
        }
    }
    None
}

/// A period phrase starting at token `k`: `in 2019`, `during 2019`, `in fiscal year 2019`,
/// `[in|during] the previous [reporting] period|year`, `the prior year`, `last year`.
pub(super) fn period_at(p: &Para, k: usize) -> Option<(Period, usize)> {
    let year = |at: usize| {
        p.year_at(at)
            .and_then(|y| rust_decimal::prelude::ToPrimitive::to_i32(&p.qs[y].value))
    };
    if p.is(k, "from") {
        return earlier_period(p, k + 1);
    }
    if p.is(k, "in") || p.is(k, "during") || p.is(k, "for") {
        if let Some(y) = year(k + 1) {
            return Some((Period::Year(y), k + 2));
        }
        if p.is(k + 1, "fiscal")
            && p.is(k + 2, "year")
            && let Some(y) = year(k + 3)
        {
            return Some((Period::Year(y), k + 4));
        }
        return earlier_period(p, k + 1);
    }
    earlier_period(p, k)
}

/// `the previous [reporting] period|year`, `the prior year`, `the preceding year`, `last year`,
/// `previous years`, `prior reporting periods` (after `in`, `during` or `from`).
fn earlier_period(p: &Para, k: usize) -> Option<(Period, usize)> {
    if p.is(k, "last") && p.is(k + 1, "year") {
        return Some((Period::Earlier, k + 2));
    }
    let mut j = if p.is(k, "the") { k + 1 } else { k };
    if !matches!(
        p.word_ref(j),
        Some("previous" | "prior" | "preceding" | "past")
    ) {
        return None;
    }
    j += 1;
    if p.is(j, "reporting") {
        j += 1;
    }
    matches!(p.word_ref(j), Some("period" | "year" | "periods" | "years"))
        .then_some((Period::Earlier, j + 1))
}

/// Whether an earlier period is named at token `k` (`the previous year`, `prior years`).
pub(super) fn period_word(p: &Para, k: usize) -> bool {
    earlier_period(p, k).is_some()
}

/// The figures of the earlier side of a comparison whose connective is at token `k`, the
/// period each is for, and whether the connective is a word (`compared with`), not a
/// parenthesis.
pub(super) fn earlier_side_of(p: &Para, k: usize) -> Option<(Vec<usize>, Vec<Period>, bool)> {
    let (connective, start) = connective_at(p, k)?;
    let (figures, periods) = earlier_side(p, connective, k, start);
    (!figures.is_empty()).then_some((figures, periods, connective == Connective::Compared))
}

/// Words that end the search for a figure's own period: the start of another clause or list
/// item, or of what the figure is compared with.
fn stops_tag_search(w: &str) -> bool {
    matches!(
        w,
        "and"
            | "or"
            | "but"
            | "while"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "that"
            | "including"
            | "compared"
            | "of"
            | "than"
            | "when"
            | "because"
            | "although"
    )
}

/// Whether word `w` at token `k` may stand in what qualifies an earlier figure: not a figure,
/// nor the start of another clause (`of` only as a preposition: `victims of forced labor`, not
/// `of whom`).
fn qualifies(p: &Para, k: usize, w: &str) -> bool {
    p.q_of[k].is_none()
        && if w == "of" {
            !matches!(
                p.word_ref(k + 1),
                Some("whom" | "which" | "these" | "those" | "them")
            )
        } else {
            !stops_tag_search(w) && w != "respectively"
        }
}

/// The figures of the earlier side, after the connective at `k` whose figures start at
/// `start`, with the period each is for: its own tag, else the tag that closes the group.
fn earlier_side(
    p: &Para,
    connective: Connective,
    k: usize,
    start: usize,
) -> (Vec<usize>, Vec<Period>) {
    let sent = p.sentence[k];
    let end = match connective {
        Connective::Paren => match p.closing.get(&k) {
            Some(&close) if close < p.sentence_end(k) => close,
            _ => return (Vec::new(), Vec::new()),
        },
        Connective::Compared => p.sentence_end(k),
    };
    let mut j = start;
    while j < end && p.word_ref(j).is_some_and(filler) {
        j += 1;
    }
    let mut figures = Vec::new();
    let mut tags: Vec<Option<Period>> = Vec::new();
    let depth = p.depth.get(j).copied().unwrap_or(0);
    while let Some(q) = p.q_at.get(&j).copied() {
        if p.qs[q].kind != QKind::Count || p.sentence[j] != sent || p.depth[j] != depth {
            break;
        }
        figures.push(q);
        let mut tag = tag_after(p, q);
        let mut next = tag.map_or_else(|| p.after_np(q), |(_, e)| e);
        // What qualifies the figure before the next item (`63 with emergency aid and 37 with
        // long-term aid`, `19 victims exploited in labor trafficking and 25 …`, `110 child
        // victims assisted and 90 girls referred to shelters in 2028`), and its tag there.
        let mut steps = 0;
        if tag.is_none() {
            while next < end && steps < 8 {
                if let Some(found) = period_at(p, next) {
                    tag = Some(found);
                    next = found.1;
                    break;
                }
                match p.word_ref(next) {
                    Some(w) if qualifies(p, next, w) => {}
                    _ if p.quote_mark(next) => {}
                    _ => break,
                }
                next += 1;
                steps += 1;
            }
        }
        tags.push(tag.map(|(t, _)| t));
        // After what qualifies a figure, only `,` or `and` opens the next item (`109 victims
        // comprising 99 females …` is no list of earlier figures).
        if steps > 0 && tag.is_none() && !p.punct(next, ',') && !p.is(next, "and") {
            break;
        }
        // The next item of the list: `, and`, `and`, `,`.
        if p.punct(next, ',') {
            next += 1;
        }
        if p.is(next, "and") {
            next += 1;
        }
        while next < end && p.word_ref(next).is_some_and(|w| filler(w) && w != "of") {
            next += 1;
        }
        if next >= end || p.count_at(next).is_none() {
            break;
        }
        j = next;
    }
    if figures.is_empty() {
        return (figures, Vec::new());
    }
    // A tag closing the group: `(93 … and two … in 2018)`; `compared with 20 and 15 in 2021`.
    let last = *figures.last().expect("not empty");
    // `compared with four and five, respectively`: figures of the parts of a breakdown, which
    // the breakdown reader compares (or not) as a sum; a list of them is paired in order.
    let after = p.after_np(last);
    if figures.len() < 2
        && (p.is(after, "respectively") || (p.punct(after, ',') && p.is(after + 1, "respectively")))
    {
        return (Vec::new(), Vec::new());
    }
    let closing = *tags.last().expect("not empty");
    let group = match connective {
        Connective::Paren => closing.or_else(|| group_tag(p, last, end)),
        Connective::Compared => closing,
    };
    let periods = tags
        .iter()
        .map(|t| t.or(group).unwrap_or(Period::Own))
        .collect();
    // Every figure of a list is the same kind of thing: an earlier figure that is approximate
    // or part of a list with one is not compared.
    if figures.len() > 1 && figures.iter().any(|&q| p.qs[q].approx) {
        return (Vec::new(), Vec::new());
    }
    (figures, periods)
}

/// In a parenthesis closing at `end`, the period phrase that ends it (`… in 2018)`).
fn group_tag(p: &Para, last: usize, end: usize) -> Option<Period> {
    (p.qs[last].toks.1..end)
        .rev()
        .take(6)
        .find_map(|k| period_at(p, k).filter(|&(_, e)| e == end))
        .map(|(t, _)| t)
}

/// The figures before the connective at `k` that an earlier side of `n` figures may pair with:
/// the counts of its clause (not past `;`, nor into another parenthesis), in order. For a
/// parenthesis, only those its noun phrase (and tag) ends right before.
fn later_side(p: &Para, connective: Connective, k: usize, earlier: &[usize]) -> Vec<usize> {
    let n = earlier.len();
    let sent = p.sentence[k];
    // `59 with long-term aid in 2029 (compared to providing 30 …)`: a parenthesis opening on the
    // connective compares the figures before it.
    let opens = connective == Connective::Compared && k > 0 && p.punct(k - 1, '(');
    let (depth, k) = if opens {
        (p.depth[k] - 1, k - 1)
    } else {
        (p.depth[k], k)
    };
    let mut figures = Vec::new();
    let mut j = k;
    // A clause's figures stand near its connective: the walk back is bounded, so a sentence of
    // many comparisons is read in linear time.
    let reach = k.saturating_sub(WINDOW);
    while j > reach {
        j -= 1;
        if p.sentence[j] != sent || p.punct(j, ';') || p.depth[j] < depth {
            break;
        }
        if p.depth[j] != depth {
            continue;
        }
        if let Some(q) = p.count_at(j) {
            figures.push(q);
        }
    }
    // `… identified 100 victims. This compared with 124 victims identified in 2029.`: a
    // sentence that opens on the comparison compares the figures of the sentence before.
    let first = p.sentence_start(k);
    if connective == Connective::Compared
        && figures.is_empty()
        && p.is(first, "this")
        && (first + 1..k)
            .all(|j| matches!(p.word_ref(j), Some("is" | "was" | "compares" | "compared")))
        && let Some(before) = first.checked_sub(1)
    {
        let sent_before = p.sentence[before];
        figures = (p.sentence_start(before)..first)
            .filter(|&j| p.sentence[j] == sent_before && p.depth[j] == 0)
            .filter_map(|j| p.count_at(j))
            .collect();
        // One earlier figure and two before it counting the same thing (`12 victims and 30
        // potential victims. This compared with 20 victims …`): which is compared is a guess.
        if let [e] = earlier {
            let head = |q: usize| p.counted_head(q);
            let wanted = head(*e);
            let same = figures
                .iter()
                .filter(|&&c| match (&wanted, head(c)) {
                    (Some(w), Some(h)) => *w == h,
                    (None, h) => h.is_some(),
                    _ => false,
                })
                .count();
            if same != 1 {
                return Vec::new();
            }
        }
        return figures;
    }
    figures.reverse();
    if connective == Connective::Paren {
        // The figure the parenthesis follows: its noun phrase, and its tag, end at the `(`.
        let Some(&last) = figures.last() else {
            return figures;
        };
        // Past what qualifies its noun (`140 victims of “labor exploitation” (57 in 2029)`).
        if !p.ends_near(last, k, 8) {
            return Vec::new();
        }
        let from = figures.len().saturating_sub(n);
        let mut last = figures.split_off(from);
        // `21 of the 80 victims (45 in 2028)`: the parenthesis is about the 21.
        if let [q] = last[..] {
            last[0] = super::comparisons::partitive_whole_of(p, q).unwrap_or(q);
        }
        return last;
    }
    figures
}

/// Which later figure each earlier one is compared with: one earlier figure goes with the
/// nearest later one counting the same thing; several go figure for figure with as many later
/// ones when each pair counts the same thing, else with the later figure whose noun phrase is
/// the same, when exactly one is. `class` gives a word naming a class of people as its class
/// (`minor` and `child` are one).
fn pair(
    p: &Para,
    earlier: &[usize],
    later: &[usize],
    fits: &dyn Fn(usize, usize) -> Option<bool>,
    class: &dyn Fn(String) -> String,
) -> Vec<(usize, usize)> {
    let head = |q: usize| p.counted_head(q);
    let same = |a: usize, b: usize| match (head(a), head(b)) {
        (Some(x), Some(y)) => x == y || class(x.into_owned()) == class(y.into_owned()),
        _ => true,
    };
    // A pair measuring two different actions is never one.
    let later: Vec<usize> = later.to_vec();
    let apart = |e: usize, c: usize| fits(e, c) == Some(false);
    let exact = |q: usize| p.qs[q].is_exact_count();
    let words = |q: usize| &p.np(q).words;
    if earlier.len() == 1 {
        // A pair of one figure may be approximate: read, never judged.
        let exact = |q: usize| p.qs[q].kind == QKind::Count;
        // The nearest figure with the same noun phrase, else the nearest with the same head
        // (`19 victims among the 64 potential victims, compared with 23 victims`: 19).
        let e = earlier[0];
        let same_words = later
            .iter()
            .rev()
            .find(|&&c| !words(c).is_empty() && words(c) == words(e));
        return same_words
            .or_else(|| {
                later
                    .iter()
                    .rev()
                    .find(|&&c| head(c).is_some() && same(c, e))
            })
            .filter(|&&c| !apart(e, c))
            .filter(|&&c| exact(c) && exact(e))
            .map(|&c| vec![(e, c)])
            .unwrap_or_default();
    }
    // Figure for figure with as many figures of their own (not items of an `including` list
    // after a figure), each pair counting the same thing or measuring the same action.
    let own: Vec<usize> = later
        .iter()
        .copied()
        .filter(|&c| !part_of_figure(p, c))
        .collect();
    let tail = &own[own.len().saturating_sub(earlier.len())..];
    // What each figure's words say it counts (`of sex trafficking`, `with emergency aid`): a
    // pair shares more of them than either shares with another figure of the other side
    // (`10 of sex trafficking, three of forced labor (three of forced labor and eight of sex
    // trafficking in 2028)` is no list in order).
    let described_as =
        |q: usize| -> Vec<String> { descriptor(p, q).into_iter().map(class).collect() };
    let described: Vec<Vec<String>> = tail.iter().map(|&c| described_as(c)).collect();
    let shared = |a: &[String], b: &[String]| a.iter().filter(|w| b.contains(w)).count();
    let closest = |i: usize, e: usize| {
        let mine = described_as(e);
        if mine.is_empty() || described[i].is_empty() {
            return true;
        }
        let with_own = shared(&mine, &described[i]);
        with_own > 0
            && described
                .iter()
                .enumerate()
                .all(|(j, other)| j == i || shared(&mine, other) < with_own)
    };
    if tail.len() == earlier.len()
        && tail.iter().zip(earlier).enumerate().all(|(i, (&c, &e))| {
            let fit = fits(e, c);
            fit != Some(false) && (fit == Some(true) || same(c, e) && closest(i, e))
        })
    {
        return earlier
            .iter()
            .zip(tail)
            .filter(|&(&e, &c)| exact(e) && exact(c))
            .map(|(&e, &c)| (e, c))
            .collect();
    }
    earlier
        .iter()
        .filter_map(|&e| {
            // Items of an `including` list are parts, not figures of a list of their own; a
            // figure counting the same thing after the verbs of its action (`identified and
            // referred 61 victims, compared with identifying 70 victims and referring 61 …`)
            // goes with each.
            let mut matching = own.iter().filter(|&&c| {
                let counted_alike = head(c).is_some() && head(c) == head(e);
                !apart(e, c)
                    && (!words(e).is_empty() && words(c) == words(e)
                        || counted_alike && fits(e, c) == Some(true))
            });
            match (matching.next(), matching.next()) {
                (Some(&c), None) if exact(c) && exact(e) => Some((e, c)),
                _ => None,
            }
        })
        .collect()
}
