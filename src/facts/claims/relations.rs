//! Breakdowns, splits, subsets and comparisons of one paragraph: the enumerations of running text.

use super::*;

/// How far past its sentence a pattern may look for a figure (`; and there were 20 …`).
const LOOKAHEAD: usize = 5;

impl Extractor<'_, '_> {
    /// Breakdowns, splits, subsets and comparisons of one paragraph.
    /// Read the paragraph's breakdowns and comparisons. Returns the anchors that may point to
    /// two wholes joined by `and`, for `one_whole_per_anchor` once every breakdown of the
    /// paragraph is read.
    pub(super) fn relations(
        &self,
        p: &Para,
        section: SectionKind,
        out: &mut ChapterClaims,
        complements: &mut Complements,
    ) -> Vec<EitherOfTwo> {
        let lex = self.lex;
        let mut parts_used: HashSet<usize> = HashSet::default();
        let mut previous_values: HashSet<usize> = HashSet::default();
        // Totals in paragraph order: (quantity, sentence).
        let mut totals: Vec<usize> = Vec::new();
        let mut sentence_total: Option<(usize, usize)> = None; // (sentence, quantity)
        // The total the sentence's enumerations are about (set by a dash, colon, comma or
        // `Of …` enumeration, not by a nested parenthesis).
        let mut sentence_anchor: Option<(usize, usize)> = None;
        // Figures given for a past year in parentheses: (year, quantity).
        let mut year_figures: Vec<(Decimal, usize)> = Vec::new();
        let mut consumed = 0usize;
        // Demonstratives after two wholes joined by `and`: (first, second, breakdowns before).
        let mut both: Vec<EitherOfTwo> = Vec::new();
        let n = p.toks.len();
        let is_total = |q: usize, np: &Np| {
            p.qs[q].is_exact_count()
                && np.link == Link::Noun
                && np.head().is_some_and(|h| lex.counted.contains(h))
        };
        // Every pattern below starts at a figure, a punctuation mark or one of these words: the
        // other tokens are passed over at once.
        let starts_pattern = |i: usize| {
            let t = &p.toks[i];
            p.q_at.contains_key(&i)
                || t.kind == TokKind::Punct
                || matches!(t.text.len(), 2..=5)
                    && matches!(
                        p.word_ref(i),
                        Some("all" | "of" | "among" | "which" | "these" | "they" | "those")
                    )
        };
        // Every pattern holds a figure within its sentence or a few tokens after it: a sentence
        // without one (and without one just after it) is passed over whole.
        let mut sentence_end = 0;
        let mut i = 0;
        while i < n {
            if i >= sentence_end {
                sentence_end = p.sentence_end(i);
                let look = (sentence_end + LOOKAHEAD).min(n);
                if (i..look).all(|k| p.q_of[k].is_none()) {
                    i = sentence_end;
                    continue;
                }
            }
            // `Seventy-nine were potential victims and 26 official victims.`, `Overall, 21 were
            // women, eight men, and one boy.`, `Authorities identified 93 as potential victims and
            // two as official victims.`: a partition opening its sentence, its parts naming no
            // noun of their own, splits the victims spoken of.
            if (i == 0 || p.sentence[i - 1] != p.sentence[i]) && i >= consumed {
                let first = if p.is(i, "overall") && p.punct(i + 1, ',') {
                    Some(i + 2)
                } else {
                    self.list_after_anchor(p, i)
                };
                if let Some((total, list)) =
                    first.and_then(|first| self.opening_split(p, first, &parts_used))
                {
                    self.closed_clause(p, total, &list, RelationKind::Split, out, &mut parts_used);
                    consumed = list.end;
                }
            }
            if !starts_pattern(i) {
                i += 1;
                continue;
            }
            let sent = p.sentence[i];
            if sentence_total.is_some_and(|(s, _)| s != sent) {
                sentence_total = None;
            }
            // A comparison's earlier figure is not a total anything refers back to.
            if let Some(&q) = p.q_at.get(&i)
                && matches!(
                    p.qs[q].kind,
                    QKind::Count | QKind::Money(_) | QKind::Duration(_)
                )
            {
                self.comparison(p, q, i, section, &parts_used, &mut previous_values, out);
            }
            if sentence_anchor.is_some_and(|(s, _)| s != sent) {
                sentence_anchor = None;
            }
            // A count that counts something: a total others may refer back to.
            if let Some(q) = p.count_at(i) {
                let np = p.np(q);
                if !parts_used.contains(&q) && !previous_values.contains(&q) && is_total(q, np) {
                    totals.push(q);
                    sentence_total = Some((sent, q));
                }
            }
            let t = &p.toks[i];
            // (b) `18 sex trafficking victims (17 adult females and one girl)`; a breakdown
            // tagged with a year (`(eight … and five … in 2017)`) is of that year's figure.
            if t.is_punct('(') && p.count_at(i + 1).is_some() {
                if let Some(list) = parse_list(p, i + 1, Mode::Paren) {
                    let closes = p.punct(list.end, ')');
                    let tagged_year = (list.end >= 2 && p.is(list.end - 2, "in"))
                        .then(|| p.year_at(list.end - 1).map(|y| p.qs[y].value))
                        .flatten();
                    if closes && list.items.len() >= 2 {
                        // That year's figure the parts make, else its only one.
                        let made = sum_of(p, &list.items);
                        let of_year = || {
                            year_figures
                                .iter()
                                .filter(|(y, _)| Some(*y) == tagged_year)
                                .map(|&(_, q)| q)
                        };
                        // A dated list restates, for its year, the split it follows (`49 were
                        // adults and 56 were children (51 adults and 44 children in 2029)`): of
                        // that year's total. After a figure that is no part, it would break that
                        // figure's own earlier value down, which is not known.
                        let restates_split = p
                            .count_before(i, 8)
                            .is_some_and(|b| parts_used.contains(&b));
                        let total =
                            match tagged_year {
                                Some(_) if !restates_split => None,
                                Some(_) => of_year()
                                    .find(|&q| Some(p.qs[q].value) == made)
                                    .or_else(|| {
                                        let mut all = of_year();
                                        all.next().filter(|_| all.next().is_none())
                                    }),
                                None => p.count_before(i, 25),
                            };
                        if let Some(total) = total {
                            let np = p.np(total);
                            let counts_something =
                                np.head().is_some_and(|h| lex.counted.contains(h))
                                    || np.link == Link::Were
                                    || tagged_year.is_some();
                            if p.qs[total].is_exact_count() && counts_something {
                                self.closed(
                                    p,
                                    total,
                                    &list,
                                    RelationKind::Sum,
                                    out,
                                    &mut parts_used,
                                );
                            }
                        }
                    }
                }
                // `(13 in 2017)`: remember the year's figure, when it is a total's (not a part's:
                // `nine were foreigners (eight in 2016)`).
                if let Some(&q) = p.q_at.get(&(i + 1)) {
                    let k = p.qs[q].toks.1;
                    let of_part = p.count_before(i, 8).is_some_and(|b| {
                        parts_used.contains(&b) || self.predicate_names_class(p, b)
                    });
                    if p.qs[q].is_exact_count()
                        && !of_part
                        && p.is(k, "in")
                        && p.punct(k + 2, ')')
                        && let Some(y) = p.year_at(k + 1)
                    {
                        year_figures.push((p.qs[y].value, q));
                    }
                }
            }
            // `All were foreign citizens, including five men and two women`: the latest total.
            let sentence_start = i == 0 || p.sentence[i - 1] != sent;
            if sentence_start && t.is_word("all") && (p.is(i + 1, "were") || p.is(i + 1, "of")) {
                let mut k = i + 2;
                while k < p.toks.len() && p.sentence[k] == sent && !p.punct(k, ',') && k < i + 10 {
                    k += 1;
                }
                if p.punct(k, ',')
                    && p.is(k + 1, "including")
                    && p.count_at(k + 2).is_some()
                    && let (Some(&total), Some(list)) =
                        (totals.last(), parse_list(p, k + 2, Mode::Clause))
                {
                    self.including(p, total, &list, out, &mut parts_used);
                    consumed = list.end;
                }
            }
            // `nine victims (13 in 2017)`, also inside an enumeration read before.
            if t.is_punct('(') {
                self.paren_previous(p, i, section, &mut previous_values, out);
            }
            if i < consumed {
                i += 1;
                continue;
            }
            // (a) `66 victims – 18 …, 47 …, and one …`
            if t.is_dash()
                && p.count_at(i + 1).is_some()
                && let Some(total) = p
                    .count_before(i, 6)
                    .filter(|&q| is_total(q, p.np(q)) && p.ends_near(q, i, 2))
                && let Some(list) = parse_list(p, i + 1, Mode::Dash)
                && self.closed(p, total, &list, RelationKind::Sum, out, &mut parts_used)
            {
                sentence_anchor = Some((sent, total));
                consumed = list.end;
            }
            // (c) `30 cases: 20 … and 10 …`
            if t.is_punct(':')
                && p.count_at(i + 1).is_some()
                && let Some(total) = p
                    .count_before(i, 6)
                    .filter(|&q| is_total(q, p.np(q)) && p.ends_near(q, i, 1))
                && let Some(list) = parse_list(p, i + 1, Mode::Clause)
            {
                if self.closed(p, total, &list, RelationKind::Sum, out, &mut parts_used) {
                    sentence_anchor = Some((sent, total));
                }
                consumed = list.end;
            }
            // (d) `Of the 24 victims identified, 21 were … and three were …`; `Of these, …`
            let clause_start = i == 0 || p.sentence[i - 1] != sent || p.punct(i - 1, ';');
            if clause_start
                && (t.is_word("of") || t.is_word("among"))
                && let Some(anchor) = self.anchor(p, i, &totals)
            {
                let (total, list_start, explicit) =
                    (anchor.total, anchor.list_start, anchor.explicit);
                sentence_anchor = Some((sent, total));
                if anchor.either_of_two
                    && let Some(first) = records::conjoined(p, total, &totals)
                {
                    both.push(EitherOfTwo {
                        first,
                        second: total,
                        anchor: i,
                        from: out.breakdowns.len(),
                    });
                }
                let from = out.breakdowns.len();
                if let Some(list) = list_start
                    .and_then(|k| parse_list(p, k, Mode::Clause))
                    .map(|l| list::semicolon_series(p, &l).unwrap_or(l))
                {
                    let np = p.np(list.items[0]);
                    let kind = if explicit {
                        RelationKind::Sum
                    } else {
                        RelationKind::Split
                    };
                    if list.items.len() >= 2 && self.verb_led(p, &list) {
                        // `Of these facilities, 24 served children, … and two operated as …`
                        self.record(p, total, &list, kind, out, &mut parts_used);
                    } else if list.items.len() >= 2
                        && (np.link != Link::Noun
                            || explicit
                            || self.predicate_names_class(p, list.items[0])
                            || there_were(p, list.items[0]))
                    {
                        self.closed_clause(p, total, &list, kind, out, &mut parts_used);
                    } else if list.items.len() == 1
                        && (np.link == Link::Were
                            || explicit
                                && (compatible(lex, p.np(total), np)
                                    || self.verb_first(p, list.items[0])))
                    {
                        // `Of the 58 victims, 21 were children`; `Of the 18 convicted
                        // traffickers, 14 received prison terms`
                        self.subset(p, total, list.items[0], out);
                        parts_used.insert(list.items[0]);
                    }
                    consumed = list.end;
                    if list.items.len() == 1
                        && let Some(end) =
                            self.predicate_including(p, list.items[0], out, &mut parts_used)
                    {
                        consumed = end;
                    }
                }
                if anchor.part_of_whole {
                    for b in &mut out.breakdowns[from..] {
                        b.doubt = Some(Doubt::PartOfWhole);
                    }
                }
            }
            // `Of these, four were … and two were …, which included four women, one man, …`
            if t.is_word("which")
                && (p.is(i + 1, "included") || p.is(i + 1, "includes") || p.is(i + 1, "include"))
                && p.count_at(i + 2).is_some()
                && let (Some((_, total)), Some(list)) =
                    (sentence_anchor, parse_list(p, i + 2, Mode::Clause))
            {
                self.including(p, total, &list, out, &mut parts_used);
                consumed = list.end;
            }
            // `These victims included 385 adults and 255 children`: the latest total.
            if sentence_start
                && let Some((first, noun)) = self.these_included(p, i)
                && let Some(total) = records::latest_whole_of(p, i, &totals, noun)
                && let Some(list) = parse_list(p, first, Mode::Clause)
            {
                self.including(p, total, &list, out, &mut parts_used);
                sentence_anchor = Some((sent, total));
                consumed = list.end;
            }
            // `1,839 victims, of whom 1,422 were females and 410 were children`
            if t.is_word("of")
                && (p.is(i + 1, "whom") || p.is(i + 1, "which"))
                && p.count_at(i + 2).is_some()
                && let (Some((_, total)), Some(list)) =
                    (sentence_total, parse_list(p, i + 2, Mode::Clause))
            {
                self.including(p, total, &list, out, &mut parts_used);
                consumed = list.end;
            }
            // (g) `; 48 were Kyrgyzstani and 18 were foreign nationals`
            if t.is_punct(';') && p.depth[i] == 0 {
                let mut first = if p.is(i + 1, "and") { i + 2 } else { i + 1 };
                // `; there were 20 women, seven boys, and two girls`
                let there_were = p.is(first, "there") && p.is(first + 1, "were");
                if there_were {
                    first += 2;
                }
                // Parts that name their noun (`; and 140 citizens, 49 foreigners, and 56 of
                // unknown nationality`) split the sentence's anchored whole when their classes
                // take in everyone (not `two were from Narnia and one from Ruritania`, which may
                // name the foreign victims alone).
                if let Some(q) = p.count_at(first)
                    && let Some(list) = parse_list(p, first, Mode::Clause)
                    && list.items.len() >= 2
                    && (p.np(q).link == Link::Were
                        || there_were
                        || sentence_anchor.is_some() && self.exhaustive(p, &list.items))
                    && let Some(total) = split_total(
                        p,
                        &list,
                        sentence_anchor,
                        sentence_total,
                        &totals,
                        &previous_values,
                    )
                    // `Twenty were children; 12 were female and eight were male`: not of the
                    // 20, which is itself a part, but of the whole before it.
                    .filter(|&t| !self.predicate_names_class(p, t))
                    .or_else(|| {
                        self.whole_of_class(p, q, |c| parts_used.contains(&c))
                            .filter(|w| w.joined.is_none())
                            .map(|w| w.whole)
                    })
                {
                    self.closed_clause(p, total, &list, RelationKind::Split, out, &mut parts_used);
                    consumed = list.end;
                }
            }
            if let Some(q) = p.count_at(i) {
                let np = p.np(q);
                // (e) `three defendants, two for sex trafficking and one for labor trafficking`
                if is_total(q, np) && !parts_used.contains(&q) {
                    let after = p.qs[q].toks.1 + np.words.len();
                    // Both readings below want parts told by what they are for or of (elliptic;
                    // `of whom` is too): the list is not read past another part, each of
                    // which may be a total of its own (`1 victim, 2 victims, …`).
                    if p.punct(after, ',')
                        && p.count_at(after + 1).is_some()
                        && let Some(list) = parse_list_of(p, after + 1, Mode::Clause, |x| {
                            p.np(x).link == Link::Elliptic
                        })
                    {
                        if list.items.len() >= 2 && list.items.iter().all(|&x| of_whom(p, x)) {
                            // `20 victims, 10 of whom were children and five of whom were women`:
                            // facts about some of them, which may overlap: an `including` list.
                            self.including(p, q, &list, out, &mut parts_used);
                            consumed = list.end;
                        } else if list.items.len() >= 2
                            && self.closed(p, q, &list, RelationKind::Sum, out, &mut parts_used)
                        {
                            sentence_anchor = Some((sent, q));
                            consumed = list.end;
                        }
                    }
                    // (f) `six cases, including one … and five …`
                    let mut k = after;
                    // `95 victims of sex trafficking, including …`: past the form it names.
                    if p.is(k, "of") || p.is(k, "for") {
                        let form = (k + 1..(k + 5).min(n))
                            .take_while(|&j| {
                                p.word_ref(j)
                                    .is_some_and(|w| self.lex.exploitation.contains(w))
                            })
                            .last();
                        if let Some(last) = form {
                            k = last + 1;
                        }
                    }
                    // `40 cases in 2020, including …`
                    if p.in_year(k) {
                        k += 2;
                    }
                    // `95 victims (77 in 2021), including …`: past the earlier year's figure.
                    if p.punct(k, '(')
                        && let Some(close) = (k + 1..(k + 6).min(n)).find(|&j| p.punct(j, ')'))
                        && (k + 1..close).any(|j| p.year_at(j).is_some())
                    {
                        k = close + 1;
                    }
                    // `, including …`, `—including …` or `(including …)`
                    let paren = p.punct(k, '(');
                    if paren || p.punct(k, ',') || p.toks.get(k).is_some_and(|t| t.is_dash()) {
                        k += 1;
                    }
                    // `18 defendants in six cases, including 10 for forced labor`: after a
                    // figure that modifies an earlier one, parts that name nothing may be of
                    // either.
                    let modifier = p.qs[q].toks.0.checked_sub(1).is_some_and(|b| {
                        matches!(
                            p.word_ref(b),
                            Some(
                                "in" | "involving"
                                    | "against"
                                    | "with"
                                    | "from"
                                    | "across"
                                    | "at"
                                    | "on"
                                    | "for"
                            )
                        ) && p.count_before(b, 8).is_some()
                    });
                    let mode = if paren { Mode::Paren } else { Mode::Clause };
                    if p.is(k, "including")
                        && p.count_at(k + 1).is_some()
                        && let Some(list) = parse_list(p, k + 1, mode)
                        && !(modifier && list.items.iter().any(|&x| p.np(x).link == Link::Elliptic))
                    {
                        self.including(p, q, &list, out, &mut parts_used);
                        consumed = list.end;
                    }
                }
                if let Some(end) = self.predicate_including(p, q, out, &mut parts_used) {
                    consumed = end;
                }
                // (h) `135 agencies out of the 160`, `21 of the 50 victims`
                let mut k = p.after_noun(q);
                // `40 suspects, 25 of whom were charged`: a part of the total before the comma.
                if p.is(k, "of")
                    && (p.is(k + 1, "whom") || p.is(k + 1, "which"))
                    && p.punct(p.qs[q].toks.0.wrapping_sub(1), ',')
                    && let Some(whole) = p
                        .count_before(p.qs[q].toks.0 - 1, 6)
                        .filter(|&t| p.ends_near(t, p.qs[q].toks.0 - 1, 0))
                    && p.qs[q].is_exact_count()
                {
                    self.subset(p, whole, q, out);
                    parts_used.insert(q);
                }
                // `Thirty-two of the victims were women, four men, …`: as after `Of the
                // victims,`.
                if np.link == Link::Elliptic
                    && p.is(k, "of")
                    && p.is(k + 1, "the")
                    && p.count_at(k + 2).is_none()
                    && p.qs[q].is_exact_count()
                    && let Some(at) = self.anchor_head(p, k + 2)
                    && self.predicate_names_class(p, q)
                    && let Some(named) = self.whole_named(p, k + 2, at, &totals)
                    && let Some(list) = parse_list(p, p.qs[q].toks.0, Mode::Clause)
                    && list.items.len() >= 2
                {
                    let from = out.breakdowns.len();
                    if !named.specific
                        && let Some(first) = records::conjoined(p, named.total, &totals)
                    {
                        both.push(EitherOfTwo {
                            first,
                            second: named.total,
                            anchor: p.qs[q].toks.0,
                            from,
                        });
                    }
                    self.closed_clause(
                        p,
                        named.total,
                        &list,
                        RelationKind::Split,
                        out,
                        &mut parts_used,
                    );
                    if named.part_of_whole {
                        for b in &mut out.breakdowns[from..] {
                            b.doubt = Some(Doubt::PartOfWhole);
                        }
                    }
                    consumed = consumed.max(list.end);
                }
                let out_of = p.is(k, "out");
                if out_of {
                    k += 1;
                }
                // `out of (the) M`, `of the M`, or `17 of 31 states` (a figure naming nothing
                // before a figure naming what it counts): a bare `of` after a noun (`2,000 bytes
                // of one section`) relates different things. `43 victims from the 127 potential
                // victims`: when both name the same thing.
                let bare_of = np.link == Link::Elliptic
                    && p.count_at(k + 1)
                        .is_some_and(|w| p.np(w).link == Link::Noun && !p.np(w).words.is_empty());
                let from_the = p.is(k, "from") && p.is(k + 1, "the") && np.link == Link::Noun;
                if p.is(k, "of") && (out_of || p.is(k + 1, "the") || bare_of) || from_the {
                    let mut j = k + 1;
                    if p.is(j, "the") {
                        j += 1;
                    }
                    if let Some(whole) = p.count_at(j)
                        && p.qs[whole].is_exact_count()
                        && p.qs[q].is_exact_count()
                    {
                        // When both figures name what they count, it must be the same thing.
                        let same_thing = match (np.link, np.head(), p.np(whole).head()) {
                            (Link::Noun, Some(a), Some(b)) => singular(a) == singular(b),
                            _ => !from_the,
                        };
                        if same_thing {
                            self.subset(p, whole, q, out);
                            parts_used.insert(q);
                            // `32 of the 71 victims were adults, 19 children`: the first part of
                            // a partition of the whole, as after `Of the 71 victims,`.
                            if self.predicate_names_class(p, q)
                                && let Some(list) = parse_list(p, p.qs[q].toks.0, Mode::Clause)
                                && list.items.len() >= 2
                            {
                                self.closed_clause(
                                    p,
                                    whole,
                                    &list,
                                    RelationKind::Sum,
                                    out,
                                    &mut parts_used,
                                );
                                consumed = consumed.max(list.end);
                            }
                        }
                    }
                }
            }
            i += 1;
        }
        self.referrals(p, &totals, &parts_used, &previous_values, out);
        self.complements(p, &totals, &parts_used, &previous_values, out, complements);
        self.this_compared(p, section, out);
        self.remaining(p, out);
        both
    }

    /// Settle the whole of each anchor that may point to two joined wholes (see
    /// `either_or_both`), after every breakdown of the paragraph is read.
    pub(super) fn one_whole_per_anchor(
        &self,
        p: &Para,
        anchors: Vec<EitherOfTwo>,
        out: &mut ChapterClaims,
    ) {
        for a in anchors {
            either_or_both(
                p,
                a.first,
                a.second,
                a.anchor,
                &mut out.breakdowns[a.from..],
            );
        }
    }
}

/// An anchor (`Of these,`) after two wholes joined by `and`: the first and second whole, the
/// anchor's token, and the first breakdown read after it.
pub(super) struct EitherOfTwo {
    first: usize,
    second: usize,
    anchor: usize,
    from: usize,
}

/// `60 potential victims and four official victims. Of these, …`: the breakdowns read against the
/// second whole are of the one their parts make (either, or both together); parts that make none
/// are read against both together, in doubt (the text does not say which whole it breaks down).
/// One `these` names one group: once a breakdown in the anchor's sentence has made one of the
/// wholes, every later breakdown and subset of that sentence is of the same whole, and parts that
/// make another one contradict it.
fn either_or_both(p: &Para, first: usize, second: usize, anchor: usize, read: &mut [Breakdown]) {
    let (a, b) = (p.fig(first), p.fig(second));
    let Some(sum) = a.value.checked_add(b.value) else {
        return;
    };
    let together = Fig {
        value: sum,
        span: a.span.cover(b.span),
    };
    let sentence_end = p.toks[p.sentence_end(anchor) - 1].span.end;
    let in_sentence = |r: &Breakdown| r.parts.first().is_some_and(|f| f.span.start < sentence_end);
    // The whole a breakdown's parts make, if any.
    let made = |r: &Breakdown| {
        let parts = list::sum_of_figs(&r.parts);
        match r.kind {
            RelationKind::Sum | RelationKind::Split => [b, a, together]
                .into_iter()
                .find(|w| parts == Some(w.value)),
            RelationKind::Including | RelationKind::Subset => None,
        }
    };
    // (A class figure's whole may already be both together: `; 58 were children`.)
    let ours = |r: &Breakdown| r.total.span == b.span || r.total.span == together.span;
    let named = read
        .iter()
        .filter(|r| ours(r) && in_sentence(r))
        .find_map(made);
    for r in read.iter_mut().filter(|r| ours(r)) {
        let named = named.filter(|_| in_sentence(r));
        r.total = match (r.kind, named, made(r)) {
            (_, Some(whole), _) => whole,
            (RelationKind::Sum | RelationKind::Split, None, Some(whole)) => whole,
            (RelationKind::Sum | RelationKind::Split, None, None) => {
                r.doubt = Some(Doubt::UnclearWhole);
                together
            }
            (RelationKind::Including | RelationKind::Subset, None, _) => together,
        };
        r.span = r.span.cover(r.total.span);
    }
}

/// The total a split after `;` refers back to: the total its sentence enumerated (`66 victims –
/// 18 …, 47 …; 48 were …`), else the sentence's one total. When the sentence states several
/// (`identified 66 victims and referred 40 to shelters; 50 were …`), the reference is unclear:
/// the split is read only against the one its parts make, if any.
fn split_total(
    p: &Para,
    list: &List,
    anchor: Option<(usize, usize)>,
    latest: Option<(usize, usize)>,
    totals: &[usize],
    previous_values: &HashSet<usize>,
) -> Option<usize> {
    if let Some((_, a)) = anchor {
        return Some(a);
    }
    let (sent, latest) = latest?;
    let candidates: Vec<usize> = totals
        .iter()
        .copied()
        .filter(|&q| p.sentence[p.qs[q].toks.0] == sent && !previous_values.contains(&q))
        .collect();
    if candidates.len() <= 1 {
        return Some(latest);
    }
    let parts = list::sum_of(p, &list.items)?;
    candidates
        .into_iter()
        .rev()
        .find(|&q| p.qs[q].value == parts)
}

/// Does figure `q` follow `there were` (`Of these, there were 31 women, …`)?
fn there_were(p: &Para, q: usize) -> bool {
    let at = p.qs[q].toks.0;
    at >= 2 && p.is(at - 1, "were") && p.is(at - 2, "there")
}
