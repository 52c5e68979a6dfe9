//! Comparisons of a figure with an earlier one, and the introduction's summaries of them.

use super::figures::conversion_of;
use super::*;

impl Extractor<'_, '_> {
    /// `… 30 cases, compared with six …`, `…, an increase from 76 in 2017`, `down from 12`.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn comparison(
        &self,
        p: &Para,
        prev: usize,
        at: usize,
        section: SectionKind,
        parts: &HashSet<usize>,
        previous_values: &mut HashSet<usize>,
        out: &mut ChapterClaims,
    ) {
        let sent = p.sentence[at];
        // What introduces the earlier figure?
        let mut k = at;
        let mut steps = 0;
        let mut intro: Option<usize> = None;
        while k > 0 && steps < 6 {
            k -= 1;
            steps += 1;
            if p.sentence[k] != sent {
                break;
            }
            // `an increase from the 2019 amount of €359,420`
            if p.year_at(k).is_some() {
                continue;
            }
            let w = p.word_ref(k).unwrap_or_default();
            if (w == "with" || w == "to") && p.is(k.wrapping_sub(1), "compared") {
                intro = Some(k - 1);
                break;
            }
            // `…—similar to 15 investigations in 2021`: a comparison that states no direction.
            if w == "to" && k > 0 && matches!(p.word_ref(k - 1), Some("similar" | "comparable")) {
                intro = Some(k - 1);
                break;
            }
            if w == "from" && k > 0 {
                intro = Some(k);
                break;
            }
            let filler = matches!(
                w,
                "the"
                    | "a"
                    | "an"
                    | "total"
                    | "of"
                    | "amount"
                    | "level"
                    | "figure"
                    | "number"
                    | "only"
                    | "just"
            ) || w.ends_with("ing") && self.lex.action_of(w).is_some()
                // `compared with the investigation of 403 cases`: the action named as a noun.
                || p.is(k + 1, "of") && self.lex.action_of(w).is_some();
            if !filler {
                break;
            }
        }
        // `compared with 2021, when police initiated 22`: the earlier year, then what was done.
        let intro = intro.or_else(|| compared_with_year_when(p, at));
        let Some(intro) = intro else {
            return;
        };
        // The direction stated with the comparison: `an increase from`, `a decrease compared with`,
        // `up from`, `down from`, with the change in percent where stated (`an increase of about
        // 20 percent compared with`, `a 60 percent increase from`).
        let mut direction = None;
        let mut direction_at = None;
        let mut stated = None;
        // `decreased to 12 from 20`: the verb, the figure it reached, then the earlier one.
        let reached = intro
            .checked_sub(1)
            .filter(|_| p.is(intro, "from"))
            .and_then(|k| p.q_of[k])
            .filter(|&q| p.qs[q].toks.1 == intro && p.qs[q].kind == p.qs[prev].kind)
            .and_then(|q| self.verb_to(p, q).map(|d| (q, d)));
        if let Some((_, d)) = reached {
            direction = Some(d);
        }
        let mut j = intro;
        for _ in 0..4 {
            let Some(before) = j.checked_sub(1) else {
                break;
            };
            j = before;
            if p.sentence[j] != sent {
                break;
            }
            if stated.is_none()
                && let Some((start, percent)) = percent_ending_at(p, j)
            {
                // Only as `<change> of [about] 20 percent`.
                let Some(of) = start.checked_sub(1).and_then(|k| {
                    (k.saturating_sub(2)..=k)
                        .rev()
                        .take_while(|&b| p.word_ref(b).is_some())
                        .find(|&b| p.is(b, "of"))
                }) else {
                    break;
                };
                if !of
                    .checked_sub(1)
                    .and_then(|b| p.word_ref(b))
                    .is_some_and(change_noun)
                {
                    break;
                }
                stated = Some(percent);
                j = of;
                continue;
            }
            if p.q_at.contains_key(&j) {
                break;
            }
            if let Some(w) = p.word_ref(j) {
                if let Some(d) = self.lex.direction_of(w) {
                    if !matches!(w, "more" | "fewer" | "less") {
                        direction = Some((d, p.toks[j].span));
                        direction_at = Some(j);
                    }
                    break;
                }
                // Only a word qualifying the change stands between it and `from` or `compared`
                // (`decreased slightly from`): `handed down prison terms ranging from` states none.
                if !qualifies_change(w) {
                    break;
                }
            } else if !p.punct(j, ',') {
                break;
            }
        }
        if stated.is_none()
            && let Some(d) = direction_at
            && let Some(before) = d.checked_sub(1)
        {
            stated = percent_ending_at(p, before).map(|(_, percent)| percent);
        }
        if direction.is_none() {
            stated = None;
        }
        // `compared with one and seven, respectively`: the earlier figures of a breakdown's parts,
        // or of as many figures; `compared with 12 investigations, 10 prosecutions, and six
        // convictions`: figure for figure.
        let (earlier, respectively) = earlier_figures(p, prev);
        if respectively {
            self.respectively(p, &earlier, intro, direction, section, parts, out);
            previous_values.extend(earlier);
            return;
        }
        if earlier.len() >= 2 && self.parallel(p, &earlier, intro, direction, section, parts, out) {
            previous_values.extend(earlier);
            return;
        }
        // `compared with 19 victims exploited in labor trafficking and 25 victims of sexual
        // exploitation in 2021, respectively`: figures paired in an order the reader of single
        // figures does not follow.
        if respectively_later(p, prev) {
            return;
        }
        // `compared with 22 cases in 2021, a 36 percent decrease`: the direction after it.
        let mut percent = stated;
        if direction.is_none()
            && !p.is(intro, "from")
            && let Some((d, stated)) = self.direction_after(p, prev)
        {
            direction = Some(d);
            percent = stated;
        }
        if p.is(intro, "from") && direction.is_none() {
            // A bare `from` (`from 2019 to 2021`, `victims from Uzbekistan`) compares nothing.
            return;
        }
        // The current figure. After a direction verb (`fell from 30 to 12`) it is the figure after
        // `to`: the sentence's earlier figures are about something else. Otherwise it is the
        // nearest earlier figure of the same kind in the clause (not across `;`) that is not a
        // part of a breakdown.
        let money = matches!(p.qs[prev].kind, QKind::Money(_));
        // `four years, down from five years`: a length of time is compared with one of the same
        // unit, and only where a direction is stated (no summary speaks of lengths of time).
        let duration = matches!(p.qs[prev].kind, QKind::Duration(_));
        let verb = direction_at
            .and_then(|j| p.word_ref(j))
            .is_some_and(direction_verb);
        let current = if let Some((q, _)) = reached {
            Some(q)
        } else if verb && p.is(intro, "from") {
            // `increased from 20 in 2021 to 30`: past the year of the earlier figure.
            let mut to = p.qs[prev].toks.1;
            if p.in_year(to) {
                to += 2;
            }
            let next = if p.is(to, "to") {
                p.q_at.get(&(to + 1)).copied()
            } else {
                None
            };
            next.filter(|&q| p.qs[q].kind == p.qs[prev].kind)
        } else {
            // `17 cases involving 25 suspects, compared with 19 cases …`: an earlier figure that
            // names what it counts goes with the nearest figure counting the same thing.
            let counted_head = |q: usize| p.counted_head(q);
            // What the earlier figure counts: its counted noun, or any noun it names
            // (`167 inspectors`).
            let named = |q: usize| p.np(q).head().map(singular);
            let wanted = if money {
                None
            } else {
                counted_head(prev).or_else(|| named(prev))
            };
            let wanted_action = self.action_of_figure(p, prev, false);
            // The nearest figure counting it; a figure a little further back with the very noun
            // phrase of the earlier one counts it more plainly (`19 victims among the 64
            // potential victims, compared with 23 victims`: 19).
            // Likewise one naming it before one naming nothing (`50 victims—20 for sex
            // trafficking and 30 unspecified—compared to 70 victims`: 50).
            let (mut named_it, mut nearest): (Option<usize>, Option<usize>) = (None, None);
            let mut j = intro;
            loop {
                let found = named_it.or(nearest);
                if j == 0 {
                    break found;
                }
                j -= 1;
                if p.sentence[j] != sent
                    || p.punct(j, ';')
                    || nearest
                        .or(named_it)
                        .is_some_and(|n| p.qs[n].toks.0 > j + PLAINER_WITHIN)
                {
                    break found;
                }
                // `53 victims—including 40 … and five …—an increase from 40`: an aside between
                // dashes is passed over whole, as a parenthesis is.
                if aside_dash(p, j)
                    && let Some(open) = (0..j)
                        .rev()
                        .take_while(|&b| p.sentence[b] == sent && !p.punct(b, ';'))
                        .find(|&b| aside_dash(p, b))
                {
                    j = open;
                    continue;
                }
                let Some(&q) = p.q_at.get(&j) else { continue };
                if p.depth[j] > p.depth[intro] {
                    continue;
                }
                // `12 investigations, a decrease from 25 in 2021 and a decrease from 20 in 2020`:
                // another comparison's earlier figure (25) is not the figure compared.
                if previous_values.contains(&q) {
                    continue;
                }
                let qq = &p.qs[q];
                if money || duration {
                    if qq.kind == p.qs[prev].kind {
                        // `between two and 10 years, compared with …`: a range is not a figure.
                        let range_end = p.qs[q].toks.0.checked_sub(2).is_some_and(|b| {
                            p.q_of[b].is_some() && matches!(p.word_ref(b + 1), Some("and" | "to"))
                        });
                        break (!range_end).then_some(q);
                    }
                } else if qq.kind == QKind::Count && !parts.contains(&q) {
                    // `prosecuting three defendants, compared with no prosecutions`: different
                    // nouns for the same action.
                    let same_action = wanted_action.is_some()
                        && self.action_of_figure(p, q, true) == wanted_action;
                    // A figure naming another noun, counted or not (`five regions` before
                    // `an increase from 167 inspectors`), is not the one compared.
                    let names = |w: &str| p.np(q).words.iter().any(|x| singular(x) == w);
                    let words = &p.np(q).words;
                    match &wanted {
                        Some(w) if !words.is_empty() && !names(w) && !same_action => continue,
                        _ if !words.is_empty() && *words == p.np(prev).words => break Some(q),
                        Some(w) if names(w) => {
                            named_it.get_or_insert(q);
                        }
                        // An earlier figure naming nothing (`compared to 20 in 2016`) goes with
                        // the nearest figure, unless that one is a part of another (`196
                        // victims, including 180 in A and 16 in B, compared to 20`: 196).
                        None if !scoped(p, q) => break Some(q),
                        _ => {
                            nearest.get_or_insert(q);
                        }
                    }
                }
            }
        };
        let Some(current) = current else {
            return;
        };
        // `rose to 25, compared with 18`: the verb that led to the figure names the direction.
        if direction.is_none() {
            direction = self.verb_to(p, current);
        }
        if duration && direction.is_none() {
            return;
        }
        // Two amounts of the currency in the clause before it: which one is compared is a guess.
        if money {
            let clause_start = (0..intro)
                .rev()
                .take_while(|&k| p.sentence[k] == sent && !p.punct(k, ';'))
                .last()
                .unwrap_or(intro);
            let amounts = (clause_start..intro)
                .filter_map(|k| p.q_at.get(&k))
                .filter(|&&q| q != prev && p.qs[q].kind == p.qs[prev].kind)
                .count();
            if amounts > 1 {
                return;
            }
        }
        let (c, v) = (&p.qs[current], &p.qs[prev]);
        if !money && !duration && (c.kind != QKind::Count || v.kind != QKind::Count) {
            return;
        }
        previous_values.insert(prev);
        let comparison = Comparison {
            percent,
            ..self.compared(p, current, p.fig(prev), direction, section)
        };
        let action = comparison.action.clone();
        out.comparisons.push(comparison);
        // `a multiyear decrease compared with €412,870 in 2021 and €461,500 in 2020`: each
        // earlier figure goes the same way against the one before it.
        let multiyear = direction_at.is_some_and(|j| {
            (1..=2).any(|b| {
                j.checked_sub(b)
                    .and_then(|k| p.word_ref(k))
                    .is_some_and(|w| {
                        matches!(
                            w,
                            "multiyear"
                                | "multi-year"
                                | "consecutive"
                                | "continued"
                                | "steady"
                                | "continuous"
                        )
                    })
            })
        });
        if let (true, Some(direction)) = (multiyear, direction) {
            let mut later = prev;
            while let Some(earlier) = next_dated_figure(p, later) {
                previous_values.insert(earlier);
                out.comparisons.push(Comparison {
                    action: action.clone(),
                    noun: None,
                    ..self.compared(p, later, p.fig(earlier), Some(direction), section)
                });
                later = earlier;
            }
        }
    }

    /// `initiated 40 investigations—24 for … and 16 for …—compared with one and seven,
    /// respectively, in 2019`: the breakdown just before `compared` was, part for part, the
    /// earlier figures; its total is compared with their sum (here 40 with 8). The parts are not
    /// compared one by one: a direction word is about the whole.
    #[allow(clippy::too_many_arguments)]
    fn respectively(
        &self,
        p: &Para,
        earlier: &[usize],
        intro: usize,
        direction: Option<(Direction, Span)>,
        section: SectionKind,
        parts: &HashSet<usize>,
        out: &mut ChapterClaims,
    ) {
        if !earlier.iter().all(|&q| p.qs[q].is_exact_count()) {
            return;
        }
        let first = p.sentence_start(intro);
        let (from, to) = (p.toks[first].span.start, p.toks[intro].span.start);
        // The latest breakdown of the sentence before `compared`, with as many parts.
        // Without one, the earlier figures are compared with as many figures before them.
        let Some(breakdown) = out
            .breakdowns
            .iter()
            .rev()
            .find(|b| {
                matches!(b.kind, RelationKind::Sum | RelationKind::Split)
                    && b.span.start >= from
                    && b.span.end <= to
            })
            .filter(|b| b.parts.len() == earlier.len())
        else {
            self.parallel(p, earlier, intro, direction, section, parts, out);
            return;
        };
        let Some(total) = p.quantity_of(breakdown.total) else {
            return;
        };
        // Earlier figures whose sum is beyond the arithmetic are not compared.
        let Some(value) = sum_of(p, earlier) else {
            return;
        };
        let last = *earlier.last().expect("two or more");
        let previous = Fig {
            value,
            span: p.qs[earlier[0]].span.cover(p.qs[last].span),
        };
        out.comparisons
            .push(self.compared(p, total, previous, direction, section));
    }

    /// `investigated 10 cases, prosecuted eight defendants, and convicted five traffickers,
    /// compared with 12 investigations, 10 prosecutions, and six convictions`: the figures before
    /// `compared` (in its clause, not parts of a breakdown) and the earlier ones, in order, when
    /// there are as many and no pair measures two different actions. A direction stated before
    /// `compared` (`…, an increase compared with …`) is said of each pair. Returns false when one
    /// figure stands before (it is compared as usual); with a different number, nothing is
    /// compared (which goes with which would be a guess).
    #[allow(clippy::too_many_arguments)]
    fn parallel(
        &self,
        p: &Para,
        earlier: &[usize],
        intro: usize,
        direction: Option<(Direction, Span)>,
        section: SectionKind,
        parts: &HashSet<usize>,
        out: &mut ChapterClaims,
    ) -> bool {
        let (sent, depth) = (p.sentence[intro], p.depth[intro]);
        let mut current = Vec::new();
        let mut k = intro;
        while k > 0 {
            k -= 1;
            if p.sentence[k] != sent || p.punct(k, ';') {
                break;
            }
            // `15 cases involving 30 suspects`: the suspects qualify the cases.
            if p.depth[k] == depth
                && !p.is(k.wrapping_sub(1), "involving")
                && let Some(q) = p.count_at(k).filter(|q| !parts.contains(q))
            {
                current.push(q);
            }
        }
        current.reverse();
        if current.len() < 2 {
            return false;
        }
        let exact = |q: &usize| p.qs[*q].is_exact_count();
        if current.len() != earlier.len() || !current.iter().chain(earlier).all(exact) {
            return true;
        }
        // (current, earlier, what each measures)
        let pairs: Vec<_> = current
            .iter()
            .zip(earlier)
            .map(|(&c, &e)| {
                let now = self.action_of_figure(p, c, true);
                (c, e, now, self.action_of_figure(p, e, false))
            })
            .collect();
        if pairs
            .iter()
            .any(|(_, _, now, then)| matches!((now, then), (Some(a), Some(b)) if a != b))
        {
            return true;
        }
        for (c, e, now, then) in pairs {
            out.comparisons.push(Comparison {
                action: now.or(then).map(str::to_string),
                ..self.compared(p, c, p.fig(e), direction, section)
            });
        }
        true
    }

    /// `…, compared with 22 cases in 2021, a 36 percent decrease` / `…, a significant increase`:
    /// the direction named right after the earlier figure `prev` (past its noun, its year or
    /// `the previous year`), in the same clause.
    fn direction_after(
        &self,
        p: &Para,
        prev: usize,
    ) -> Option<((Direction, Span), Option<StatedPercent>)> {
        let sent = p.sentence[p.qs[prev].toks.0];
        let mut k = p.after_np(prev);
        // `450,000 euros ($480,000) in 2021`: past the conversion.
        if let Some(usd) = conversion_of(p, prev)
            && p.punct(p.qs[usd].toks.1, ')')
        {
            k = p.qs[usd].toks.1 + 1;
        }
        let tail_end = k + 6;
        // `in 2021`, `the previous year`, `during the previous reporting period`
        while k < tail_end
            && (p.word_ref(k).is_some_and(|w| {
                matches!(
                    w,
                    "in" | "during"
                        | "the"
                        | "previous"
                        | "prior"
                        | "year"
                        | "reporting"
                        | "period"
                )
            }) || p.year_at(k).is_some())
        {
            k += 1;
        }
        if !p.punct(k, ',') {
            return None;
        }
        k += 1;
        if matches!(p.word_ref(k), Some("a" | "an")) {
            k += 1;
        }
        // `36 percent`, `significant`, `slight`
        let mut percent = None;
        for _ in 0..3 {
            if let Some(&q) = p.q_at.get(&k)
                && p.qs[q].kind == QKind::Percent
            {
                k = p.qs[q].toks.1;
                percent = Some(stated_percent(&p.qs[q]));
                if p.is(k, "percent") || p.punct(k, '%') {
                    k += 1;
                } else if p.is(k, "per") && p.is(k + 1, "cent") {
                    k += 2;
                }
            } else if p.word_ref(k).is_some_and(qualifies_change) {
                k += 1;
            }
        }
        let w = p.word_ref(k)?;
        // `a decrease in child victims` may be about something else than the figure.
        if p.sentence[k] != sent || !change_noun(w) || p.is(k + 1, "in") || p.is(k + 1, "of") {
            return None;
        }
        self.lex
            .direction_of(w)
            .map(|d| ((d, p.toks[k].span), percent))
    }

    /// Quantity `current` compared with an earlier figure: what it measures (a length of time
    /// measures no action a summary could speak of), the noun it counts, whether it is money.
    pub(super) fn compared(
        &self,
        p: &Para,
        current: usize,
        previous: Fig,
        direction: Option<(Direction, Span)>,
        section: SectionKind,
    ) -> Comparison {
        let q = &p.qs[current];
        let action = match q.kind {
            QKind::Duration(_) => None,
            _ => self.action_of_figure(p, current, true),
        };
        Comparison {
            current: p.fig(current),
            previous,
            direction,
            action: action.map(str::to_string),
            noun: p.np(current).head().map(|w| singular(w).into_owned()),
            money: matches!(q.kind, QKind::Money(_)),
            section,
            percent: None,
            past_only: false,
            approx: q.approx
                || p.quantity_of(previous)
                    .is_some_and(|prev| p.qs[prev].approx),
            span: q.span.cover(previous.span),
        }
    }

    /// `increased to 30`, `fell to 12`: the direction of the verb right before `to` and figure
    /// `q`.
    fn verb_to(&self, p: &Para, q: usize) -> Option<(Direction, Span)> {
        let to = p.qs[q].toks.0.checked_sub(1).filter(|&k| p.is(k, "to"))?;
        let v = to.checked_sub(1)?;
        let w = p.word_ref(v).filter(|w| direction_verb(w))?;
        self.lex.direction_of(w).map(|d| (d, p.toks[v].span))
    }

    /// What figure `q` measures: a verb or noun with an action stem in its noun phrase, or else
    /// (when `look_back`) among the five words before it, not past another figure or the words
    /// it counts (`12 investigations involving 19 suspects`: the suspects are not investigations).
    pub(super) fn action_of_figure(&self, p: &Para, q: usize, look_back: bool) -> Option<&str> {
        if let Some(a) = p
            .np(q)
            .words
            .iter()
            .rev()
            .find_map(|w| self.lex.action_of(w))
        {
            return Some(a);
        }
        if !look_back {
            return self.action_after(p, q);
        }
        let at = p.qs[q].toks.0;
        // After the noun phrase of the figure before, if it is near.
        let from = (at.saturating_sub(5)..at)
            .rev()
            .find_map(|k| p.q_of[k])
            .map_or(at.saturating_sub(5), |r| p.after_np(r));
        (from.min(at)..at)
            .rev()
            .take_while(|&k| p.sentence[k] == p.sentence[at])
            .find_map(|k| p.word_ref(k).and_then(|w| self.lex.action_of(w)))
    }

    /// `the 312 individuals the government prosecuted`, `20 victims identified in 2021`, `130
    /// child victims assisted`: the action of a verb in the past right after figure `q`'s noun
    /// phrase, past a relative pronoun and one of the lexicon's actors, if any.
    fn action_after(&self, p: &Para, q: usize) -> Option<&str> {
        let sent = p.sentence[p.qs[q].toks.0];
        let mut k = p.after_np(q);
        if matches!(p.word_ref(k), Some("whom" | "that" | "who" | "which")) {
            k += 1;
        }
        // The longest actor phrase of up to three words starting at `k`.
        let actor = (1..=3).rev().find(|&n| {
            let words: Option<Vec<&str>> = (k..k + n).map(|j| p.word_ref(j)).collect();
            words.is_some_and(|w| self.lex.actors.contains(&w.join(" ")))
        });
        k += actor.unwrap_or(0);
        let w = p.word_ref(k).filter(|_| p.sentence.get(k) == Some(&sent))?;
        w.ends_with("ed").then(|| self.lex.action_of(w)).flatten()
    }

    /// `nine victims (13 in 2017)`, `decreased … to 10 months (15 months in 2017)`: a figure and,
    /// in parentheses, its value in an earlier year.
    pub(super) fn paren_previous(
        &self,
        p: &Para,
        open: usize,
        section: SectionKind,
        previous_values: &mut HashSet<usize>,
        out: &mut ChapterClaims,
    ) {
        let Some(&prev) = p.q_at.get(&(open + 1)) else {
            return;
        };
        let pq = &p.qs[prev];
        if !matches!(pq.kind, QKind::Count | QKind::Duration(_) | QKind::Money(_)) {
            return;
        }
        let mut k = pq.toks.1;
        // `(€2.8 million ($3.2 million) in 2021)`: past the conversion.
        if matches!(pq.kind, QKind::Money(_)) && p.punct(k, '(') {
            while k < p.toks.len() && !p.punct(k, ')') {
                k += 1;
            }
            k += 1;
        }
        let after = k;
        while p.word_ref(k).is_some_and(|w| !matches!(w, "in" | "during")) && k < after + 3 {
            k += 1;
        }
        let dated = p.in_year(k);
        if !dated || !p.punct(k + 2, ')') {
            return;
        }
        // The figure right before the parenthesis (its noun may stand between).
        let mut j = open;
        let current = loop {
            if j == 0 || open - j > 6 {
                break None;
            }
            j -= 1;
            if p.sentence[j] != p.sentence[open] || p.punct(j, ',') || p.punct(j, ';') {
                break None;
            }
            if let Some(q) = p.q_of[j] {
                let same = match (&p.qs[q].kind, &pq.kind) {
                    (QKind::Duration(a), QKind::Duration(b)) => a == b,
                    (QKind::Count, QKind::Duration(_)) => false,
                    (a, b) => a == b,
                };
                break same.then_some(q);
            }
        };
        let Some(current) = current else { return };
        let mut current = partitive_whole_of(p, current).unwrap_or(current);
        // `95 victims of sex trafficking, including 26 children (76 victims in 2019)`: a
        // parenthesis naming what another figure counts is about the figure the list is of, not
        // the item it follows; with no such figure it is not read.
        let head = |q: usize| p.np(q).head().map(singular);
        if let (Some(then), Some(now)) = (head(prev), head(current))
            && then != now
        {
            let Some(whole) = including_whole(p, current).filter(|&w| head(w) == Some(then)) else {
                return;
            };
            current = whole;
        }
        previous_values.insert(prev);
        // `decreased … to 10 months`: a direction verb whose `to` leads to the figure.
        let mut direction = None;
        if p.is(p.qs[current].toks.0.wrapping_sub(1), "to") {
            let start = p.qs[current].toks.0.saturating_sub(10);
            for k in (start..p.qs[current].toks.0).rev() {
                if p.sentence[k] != p.sentence[open] || p.punct(k, ';') {
                    break;
                }
                if let Some(w) = p.word_ref(k)
                    && matches!(
                        w,
                        "increased"
                            | "decreased"
                            | "rose"
                            | "fell"
                            | "declined"
                            | "dropped"
                            | "grew"
                    )
                {
                    direction = self.lex.direction_of(w).map(|d| (d, p.toks[k].span));
                    break;
                }
            }
        }
        out.comparisons
            .push(self.compared(p, current, p.fig(prev), direction, section));
    }
}

/// Is count `q` a part within the scope of a figure before it: `three of whom`, or an item of a
/// list after `including` (passing over the list's other items back to the word)?
fn scoped(p: &Para, q: usize) -> bool {
    if of_whom(p, q) {
        return true;
    }
    let at = p.qs[q].toks.0;
    let sent = p.sentence[at];
    for k in (at.saturating_sub(SCOPE_REACH)..at).rev() {
        if p.sentence[k] != sent || p.punct(k, ';') || p.punct(k, '(') || p.punct(k, ')') {
            return false;
        }
        if p.is(k, "including") {
            return true;
        }
        // A figure counting something named is the whole the list would be of: no `including`
        // between.
        if let Some(c) = p.count_at(k)
            && p.np(c).head().is_some_and(|h| p.counted.contains(h))
        {
            return false;
        }
    }
    false
}

/// How far back the word opening a list of parts is looked for.
const SCOPE_REACH: usize = 15;

/// How many tokens before the nearest figure counting what an earlier figure counts one with its
/// very noun phrase is looked for.
const PLAINER_WITHIN: usize = 30;

/// A word that only qualifies a change before its noun: `significant`, `sharp`, `slightly`.
pub(super) fn qualifies_change(w: &str) -> bool {
    w.ends_with("ly")
        || matches!(
            w,
            "significant"
                | "sharp"
                | "slight"
                | "small"
                | "large"
                | "marked"
                | "substantial"
                | "dramatic"
                | "notable"
                | "considerable"
                | "overall"
        )
}

/// The nouns a text names a change with (`a 36 percent decrease`, `This increase …`); their
/// direction is the vocabulary's.
pub(super) fn change_noun(w: &str) -> bool {
    matches!(
        w,
        "increase" | "decrease" | "decline" | "drop" | "rise" | "reduction" | "growth"
    )
}

/// The earlier figures after `compared with`, starting at quantity `q`: `one and seven`, `12
/// investigations, 10 prosecutions, and six convictions` (each right after the one before and its
/// noun), and whether `respectively` closes them.
fn earlier_figures(p: &Para, q: usize) -> (Vec<usize>, bool) {
    // Past the figure, its noun and what it involves (`12 cases involving 20 suspects`).
    let after = |q: usize| {
        let k = p.after_np(q);
        match p.count_at(k + 1) {
            Some(inner) if p.is(k, "involving") => p.after_np(inner),
            _ => k,
        }
    };
    let mut items = vec![q];
    let mut k = after(q);
    loop {
        let mut j = k;
        if p.punct(j, ',') {
            j += 1;
        }
        if p.is(j, "and") {
            j += 1;
        }
        // `…, prosecuting nine defendants`: each figure after the gerund of its action.
        if p.word_ref(j).is_some_and(is_gerund) {
            j += 1;
        }
        match p.count_at(j) {
            Some(next) if j > k && p.np(next).link == Link::Noun => {
                items.push(next);
                k = after(next);
            }
            _ => break,
        }
    }
    if p.punct(k, ',') {
        k += 1;
    }
    let respectively = items.len() >= 2 && p.is(k, "respectively");
    (items, respectively)
}

/// For count `q` in a list after `including`, the figure the list is of: the count whose noun
/// phrase ends (with its qualifiers) right before `including`.
fn including_whole(p: &Para, q: usize) -> Option<usize> {
    let at = p.qs[q].toks.0;
    let (sent, depth) = (p.sentence[at], p.depth[at]);
    let including = (at.saturating_sub(SCOPE_REACH)..at)
        .rev()
        .take_while(|&k| p.sentence[k] == sent && !p.punct(k, ';') && p.depth[k] == depth)
        .find(|&k| p.is(k, "including"))?;
    let before = if p.punct(including - 1, ',') {
        including - 1
    } else {
        including
    };
    (before.saturating_sub(12)..before)
        .rev()
        .find_map(|j| p.count_at(j))
        .filter(|&w| p.ends_near(w, before, 6))
}

/// `33 of the 95 victims (60 in 2017)`: for count `q` (95) after `of [the]`, the count that
/// heads the phrase (33), which is what a figure or parenthesis after the phrase is about.
pub(super) fn partitive_whole_of(p: &Para, q: usize) -> Option<usize> {
    let at = p.qs[q].toks.0;
    let of = if p.is(at.checked_sub(1)?, "the") {
        at.checked_sub(2)?
    } else {
        at - 1
    };
    if !p.is(of, "of") {
        return None;
    }
    let head = p.q_of[of.checked_sub(1)?]?;
    (p.qs[head].kind == QKind::Count && p.qs[head].toks.1 == of && p.np(head).words.is_empty())
        .then_some(head)
}

/// Whether `respectively` closes the clause of earlier figure `q` (before `;` or the sentence's
/// end, at its depth).
pub(super) fn respectively_later(p: &Para, q: usize) -> bool {
    let at = p.qs[q].toks.0;
    let (sent, depth) = (p.sentence[at], p.depth[at]);
    (at..p.toks.len())
        .take_while(|&k| p.sentence[k] == sent && !p.punct(k, ';') && p.depth[k] >= depth)
        .any(|k| p.depth[k] == depth && p.is(k, "respectively"))
}

/// A dash that opens or closes an aside: not one between two figures (`2020–2021`).
fn aside_dash(p: &Para, k: usize) -> bool {
    p.toks[k].is_dash() && !list::between_figures(p, k)
}

/// A verb in `-ing` (`prosecuting`), not a preposition in `-ing` (`during`) nor one that
/// introduces a list or what a figure involves.
pub(super) fn is_gerund(w: &str) -> bool {
    w.len() > 5
        && w.ends_with("ing")
        && !matches!(
            w,
            "including" | "involving" | "during" | "following" | "regarding" | "concerning"
        )
}

/// A verb of change in the past (`increased`, `rose`), as opposed to a noun (`an increase`).
fn direction_verb(w: &str) -> bool {
    w.ends_with("ed") || matches!(w, "rose" | "fell" | "grew" | "risen" | "fallen")
}

/// A percentage as stated with a change.
pub(super) fn stated_percent(q: &Quantity) -> StatedPercent {
    StatedPercent {
        value: q.value,
        half_unit: q.half_last_digit,
        approx: q.approx,
        span: q.span,
    }
}

/// The percentage whose last token is `k` (`20 percent`, `20%`, `20 per cent`): its first token,
/// and the percentage.
fn percent_ending_at(p: &Para, k: usize) -> Option<(usize, StatedPercent)> {
    let after_number = if p.is(k, "percent") || p.punct(k, '%') {
        k
    } else if p.is(k, "cent") && p.is(k.checked_sub(1)?, "per") {
        k - 1
    } else {
        return None;
    };
    let q = p.q_of[after_number.checked_sub(1)?]?;
    let number = &p.qs[q];
    (number.kind == QKind::Percent && number.toks.1 == after_number)
        .then(|| (number.toks.0, stated_percent(number)))
}

/// `…, compared with 2021, when police initiated 22`: where `compared` is, for the earlier figure
/// at token `at` (at most three words after `when`).
fn compared_with_year_when(p: &Para, at: usize) -> Option<usize> {
    let sent = p.sentence[at];
    let when = (at.saturating_sub(4)..at)
        .rev()
        .take_while(|&k| p.sentence[k] == sent && p.word_ref(k).is_some())
        .find(|&k| p.is(k, "when"))?;
    let comma = when.checked_sub(1).filter(|&k| p.punct(k, ','))?;
    let year = p.q_of[comma.checked_sub(1)?].filter(|&y| p.qs[y].kind == QKind::Year)?;
    let with = p.qs[year].toks.0.checked_sub(1)?;
    let compared = with.checked_sub(1)?;
    ((p.is(with, "with") || p.is(with, "to")) && p.is(compared, "compared")).then_some(compared)
}
