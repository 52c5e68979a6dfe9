//! How an enumeration read in running text becomes a breakdown: the total an anchor names, whether
//! the parts count what the total counts, and the record itself.

use super::*;

impl Extractor<'_, '_> {
    /// `Of the 24 victims identified,` / `Of all 167 victims,` / `Of these,` / `Of those victims,` /
    /// `Among them,`: the total referred to, where an enumeration after the comma starts (if one
    /// does), and whether the anchor states the total itself.
    pub(super) fn anchor(&self, p: &Para, i: usize, totals: &[usize]) -> Option<Anchor> {
        let among = p.is(i, "among");
        let mut j = i + 1;
        let mut demonstrative = false;
        while let Some(w) = p.word_ref(j) {
            match w {
                "the" | "all" => {}
                "these" | "those" | "them" => demonstrative = true,
                _ => break,
            }
            j += 1;
        }
        // `Of the 24 victims`, `of all 167 victims`, or a bare `of five foreign victims,` after a
        // semicolon.
        // (`Among` with no article or demonstrative, `among 14 countries`, is no anchor.)
        if j == i + 1 && (among || p.count_at(j).is_none()) {
            return None;
        }
        let mut specific = false;
        let mut part_of_whole = false;
        let (total, explicit, mut k) = if let Some(q) = p.count_at(j)
            && p.np(q).words.is_empty()
            && p.punct(p.qs[q].toks.1, ',')
        {
            // `Of the 14, eight were …`: the latest total of that value.
            let value = p.qs[q].value;
            let total = *totals.iter().rev().find(|&&t| p.qs[t].value == value)?;
            (total, true, p.qs[q].toks.1)
        } else if let Some(q) = p.count_at(j)
            && p.qs[q].is_exact_count()
            && p.word_ref(p.qs[q].toks.1).is_some_and(|w| p.past_verb(w))
            && p.punct(p.qs[q].toks.1 + 1, ',')
        {
            // `Of the 29 convicted,`: those 29.
            (q, true, p.qs[q].toks.1 + 1)
        } else if let Some(q) = p.count_at(j) {
            let np = p.np(q);
            if !p.qs[q].is_exact_count()
                || np.link != Link::Noun
                || !np.head().is_some_and(|h| self.lex.counted.contains(h))
            {
                return None;
            }
            (q, true, p.qs[q].toks.1)
        } else if let Some(at) = self.anchor_head(p, j) {
            // `Of the victims identified,`, `Of the total number of victims,`.
            let named = self.whole_named(p, j, at, totals)?;
            part_of_whole = named.part_of_whole;
            specific = named.specific;
            (named.total, false, at)
        } else if demonstrative && p.punct(j, ',') {
            (latest_whole(p, i, totals)?, false, j)
        } else {
            return None;
        };
        // Up to the comma that closes the anchor, with no other figure on the way.
        let from = k;
        while k < p.toks.len() && !p.punct(k, ',') && k - from < 8 {
            if p.q_at.contains_key(&k) || p.punct(k, ';') || p.sentence[k] != p.sentence[i] {
                return None;
            }
            k += 1;
        }
        if !p.punct(k, ',') {
            return None;
        }
        Some(Anchor {
            total,
            list_start: self.list_after_anchor(p, k + 1),
            explicit,
            either_of_two: !explicit && !specific,
            part_of_whole,
        })
    }

    /// The counted noun of an anchor's phrase starting at token `j` (`victims` in `the total
    /// number of victims`), within a few words, with no figure or punctuation before it.
    pub(super) fn anchor_head(&self, p: &Para, j: usize) -> Option<usize> {
        let counted = |k: usize| p.word_ref(k).is_some_and(|w| self.lex.counted.contains(w));
        let first = (j..j + 6)
            .take_while(|&k| p.word_ref(k).is_some() && p.q_of[k].is_none())
            .find(|&k| counted(k))?;
        // `the child victims`: the last of a run of counted nouns is the head.
        Some(
            (first..)
                .take_while(|&k| counted(k))
                .last()
                .unwrap_or(first),
        )
    }

    /// The whole a noun phrase without a figure names (`the victims identified`, `the child
    /// victims`, from token `j` to its counted noun at `at`): the latest total counting the same
    /// noun, with every restriction the phrase states (`the child victims` are not all the
    /// victims). When no total states them, a part of the latest total that states no class of
    /// its own (`Of the sex and labor trafficking victims identified,` after `74 victims`).
    pub(super) fn whole_named(
        &self,
        p: &Para,
        j: usize,
        at: usize,
        totals: &[usize],
    ) -> Option<NamedWhole> {
        let head = p.word_ref(at)?;
        let stated: Vec<&str> = (j..at)
            .filter_map(|k| p.word_ref(k))
            .filter(|w| self.lex.restrictions.contains_key(*w))
            .collect();
        let counts_head = |q: usize| {
            p.np(q)
                .head()
                .is_some_and(|h| singular(h) == singular(head))
                && !after_compared(p, q)
        };
        // (`the victims` are rather all the victims than a group a figure names, `26 forced
        // begging victims`, when a figure counts them.)
        let named = if stated.is_empty() {
            let latest = |plain: bool| {
                totals
                    .iter()
                    .rev()
                    .find(move |&&q| counts_head(q) && (!plain || !self.names_group(p, q)))
            };
            latest(true).or_else(|| latest(false))
        } else {
            totals
                .iter()
                .rev()
                .find(|&&q| counts_head(q) && stated.iter().all(|w| p.np(q).words.contains(w)))
        };
        let (total, part_of_whole) = match named {
            Some(&q) => (q, false),
            None if !stated.is_empty() => (
                *totals
                    .iter()
                    .rev()
                    .find(|&&q| counts_head(q) && !self.names_group(p, q))?,
                true,
            ),
            None => return None,
        };
        Some(NamedWhole {
            total,
            // `Of the confirmed victims,` names one of two joined wholes.
            specific: !stated.is_empty(),
            part_of_whole,
        })
    }

    /// Where the enumeration after an anchor's comma (token `k`) starts: right there, after
    /// `there were`, or after a short clause that names who did what to the parts (`Of the 28
    /// victims, traffickers exploited 14 in …`, `authorities identified five …`).
    pub(super) fn list_after_anchor(&self, p: &Para, k: usize) -> Option<usize> {
        if let Some(q) = p.count_from(k) {
            return Some(p.qs[q].toks.0);
        }
        if p.is(k, "there") && p.is(k + 1, "were") && p.count_at(k + 2).is_some() {
            return Some(k + 2);
        }
        let verb = (k..k + 4)
            .take_while(|&j| p.word_ref(j).is_some() && p.q_of[j].is_none())
            .find(|&j| p.word_ref(j).is_some_and(|w| p.past_verb(w)))?;
        p.count_at(verb + 1).map(|_| verb + 1)
    }

    /// (f) after a predicate: `71 were Narnian citizens—all adults, including 51 … and 16 …`: an
    /// `including` list of the count `q`. Returns where the list ends.
    pub(super) fn predicate_including(
        &self,
        p: &Para,
        q: usize,
        out: &mut ChapterClaims,
        used: &mut HashSet<usize>,
    ) -> Option<usize> {
        let np = p.np(q);
        if np.link != Link::Were || !p.qs[q].is_exact_count() {
            return None;
        }
        let mut k = p.qs[q].toks.1 + 1 + np.words.len();
        // An aside after a dash, up to the comma: `—all women and girls,`
        if p.toks.get(k).is_some_and(|t| t.is_dash()) {
            let aside = k;
            while p.word_ref(k + 1).is_some() && k < aside + 8 {
                k += 1;
            }
            k += 1;
        }
        if !(p.punct(k, ',') && p.is(k + 1, "including")) {
            return None;
        }
        p.count_at(k + 2)?;
        let list = parse_list(p, k + 2, Mode::Clause)?;
        self.including(p, q, &list, out, used);
        Some(list.end)
    }

    /// Record an enumeration read in running text. Two enumerations written as one (`33 were
    /// …, 134 of …, 57 were female, 107 male`) are told apart where a `were` item follows items
    /// without one, or where both halves add up to the total.
    pub(super) fn closed_clause(
        &self,
        p: &Para,
        total: usize,
        list: &List,
        kind: RelationKind,
        out: &mut ChapterClaims,
        used: &mut HashSet<usize>,
    ) -> bool {
        if let Some(read) = self.by_partition(p, total, list, kind, out, used) {
            return read;
        }
        // (`411 victims were female` is a `were` item as `59 were male` is.)
        let links: Vec<Link> = list
            .items
            .iter()
            .map(|&q| {
                if self.predicate_names_class(p, q) {
                    Link::Were
                } else {
                    p.np(q).link
                }
            })
            .collect();
        // (A part of unknown class, `and 13 were unknown`, is the rest of the partition before.)
        let mut cuts: Vec<usize> = (1..list.items.len())
            .filter(|&k| links[k] == Link::Were && links[k - 1] != Link::Were)
            .filter(|&k| !self.of_unknown_class(p, list.items[k]))
            .collect();
        // The sums of the parts before and from each item, in one pass each way (`None` beyond
        // the arithmetic's range, as `sum_of`).
        let whole = Some(p.qs[total].value);
        let values = || list.items.iter().map(|&q| p.qs[q].value);
        let running = |acc: &mut Option<Decimal>, v: Decimal| {
            *acc = acc.and_then(|a| a.checked_add(v));
            Some(*acc)
        };
        let before: Vec<Option<Decimal>> = std::iter::once(Some(Decimal::ZERO))
            .chain(values().scan(Some(Decimal::ZERO), running))
            .collect();
        let mut from: Vec<Option<Decimal>> = std::iter::once(Some(Decimal::ZERO))
            .chain(values().rev().scan(Some(Decimal::ZERO), running))
            .collect();
        from.reverse();
        let all = before[list.items.len()];
        if cuts.is_empty() && all != whole {
            cuts = (2..list.items.len().saturating_sub(1))
                .filter(|&k| before[k] == whole && from[k] == whole)
                .take(1)
                .collect();
        }
        if cuts.is_empty() {
            // `Of the 20 victims, 12 were adults and eight were minors, and 15 were citizens`:
            // the first parts make the total and the rest may count another way (or be the
            // error): which, the text does not say.
            let prefix_makes_it = (2..list.items.len()).any(|k| before[k] == whole);
            if prefix_makes_it && all != whole {
                return false;
            }
            return self.closed_one(p, total, list, kind, out, used);
        }
        let mut any = false;
        let mut from = 0;
        for cut in cuts.into_iter().chain(std::iter::once(list.items.len())) {
            let part = List {
                items: list.items[from..cut].to_vec(),
                end: list.end,
                approx: list.approx,
            };
            // A run of a list of one partition is of one partition.
            if part.items.len() >= 2 {
                any |= self.closed_one(p, total, &part, kind, out, used);
            }
            from = cut;
        }
        any
    }

    /// Record a closed enumeration if every part is an exact count of the total's kind.
    pub(super) fn closed(
        &self,
        p: &Para,
        total: usize,
        list: &List,
        kind: RelationKind,
        out: &mut ChapterClaims,
        used: &mut HashSet<usize>,
    ) -> bool {
        if list.approx || !p.qs[total].is_exact_count() || list.items.contains(&total) {
            return false;
        }
        if let Some(read) = self.by_partition(p, total, list, kind, out, used) {
            return read;
        }
        self.closed_one(p, total, list, kind, out, used)
    }

    /// Record a closed enumeration of one partition (its partitions already found) if every part
    /// is an exact count of the total's kind.
    fn closed_one(
        &self,
        p: &Para,
        total: usize,
        list: &List,
        kind: RelationKind,
        out: &mut ChapterClaims,
        used: &mut HashSet<usize>,
    ) -> bool {
        if list.approx || !p.qs[total].is_exact_count() || list.items.contains(&total) {
            return false;
        }
        // Parts whose sum is beyond the arithmetic are not a breakdown it can check.
        let Some(parts) = sum_of(p, &list.items) else {
            return false;
        };
        let total_np = p.np(total);
        let total_np = if total_np.link == Link::Were || total_np.words.is_empty() {
            // `18 were foreign nationals (…)`: the part counts what its words say.
            Np {
                link: Link::Noun,
                words: vec!["victims"],
                capitalised: false,
            }
        } else {
            total_np.clone()
        };
        if !list
            .items
            .iter()
            .all(|&q| compatible(self.lex, &total_np, p.np(q)))
        {
            return false;
        }
        // `35 victims: 20 … and 10 …; the nationality of the remaining five was unknown`, `…;
        // one was exploited in forced criminality`: a clause after `;` that counts the rest, or
        // one more figure alone, may go on with the enumeration, or may be another fact (`; two
        // were children`). Read as closed only when the parts already make or pass the total (two or more
        // figures there are a second breakdown: `; 48 were Narnian and 18 were foreign`).
        // (Two wholes joined by `and` are made by their sum too.)
        let together = p
            .joined_before(total)
            .and_then(|o| p.qs[o].value.checked_add(p.qs[total].value));
        if p.punct(list.end, ';') && parts != p.qs[total].value && Some(parts) != together {
            // `…; the government could not specify the form for the remaining 47 victims`: the
            // rest is a part.
            if let Some(rest) = rest_after(p, list.end + 1)
                && p.qs[rest].is_exact_count()
                && compatible(self.lex, &total_np, p.np(rest))
            {
                let mut items = list.items.clone();
                items.push(rest);
                let whole = List {
                    items,
                    end: p.qs[rest].toks.1,
                    approx: false,
                };
                let from = out.breakdowns.len();
                self.record(p, total, &whole, kind, out, used);
                // The rest is of whatever class the others leave: only theirs may be in doubt.
                if !self.classes_in_doubt(p, &list.items) {
                    for b in &mut out.breakdowns[from..] {
                        if b.doubt == Some(Doubt::UnreadClass) {
                            b.doubt = None;
                        }
                    }
                }
                return true;
            }
            // (Parts already beyond the total are not made right by more.)
            if parts < p.qs[total].value
                && (speaks_of_the_rest(p, list.end + 1) || one_more_figure(p, list.end + 1))
            {
                return false;
            }
        }
        // `Of the 31 victims, 12 were … and 18 …, while the form of exploitation of one was
        // unknown`, `66 victims – 18 … and 47 … – and one victim of …`: the clause right after
        // the list states what its parts leave out.
        if let Some(short) = p.qs[total].value.checked_sub(parts)
            && short > Decimal::ZERO
            && next_clause_states(p, list.end, short)
        {
            return false;
        }
        self.record(p, total, list, kind, out, used);
        true
    }

    /// A list holding several partitions of its total (`22 women and eight men, 19 for forced
    /// labor and 11 for sex trafficking`): each of two or more parts is read as a breakdown of its
    /// own, a part alone as a subset. `None` when the list is one partition; `Some(false)` when
    /// which parts make a partition cannot be told.
    fn by_partition(
        &self,
        p: &Para,
        total: usize,
        list: &List,
        kind: RelationKind,
        out: &mut ChapterClaims,
        used: &mut HashSet<usize>,
    ) -> Option<bool> {
        match self.partitions(p, &list.items) {
            restrictions::Partitions::One => None,
            restrictions::Partitions::Unclear => Some(false),
            restrictions::Partitions::Several(runs) => {
                let mut any = false;
                let lone = runs.iter().any(|run| run.len() == 1);
                // A list is vague as a whole (`three each`) or through its approximate parts:
                // then only the partitions holding one (`738 were female and 144 were male, and
                // at least 374 were children`).
                let approx_part = |q: &usize| p.qs[*q].approx;
                let vague = list.approx && !list.items.iter().any(approx_part);
                for run in runs {
                    if let [alone] = run[..] {
                        if !vague {
                            self.subset(p, total, alone, out);
                            used.insert(alone);
                            any = true;
                        }
                        continue;
                    }
                    let part = List {
                        approx: vague || run.iter().any(approx_part),
                        items: run,
                        end: list.end,
                    };
                    let from = out.breakdowns.len();
                    any |= self.closed_one(p, total, &part, kind, out, used);
                    if lone {
                        for b in &mut out.breakdowns[from..] {
                            b.doubt = Some(Doubt::LonePart);
                        }
                    }
                }
                Some(any)
            }
        }
    }

    /// `These victims included 385 adults …`, `These included …`, `They included …`, `Among them
    /// were …` at the start of a sentence (token `at`): where the list after the verb starts.
    /// Also the counted noun it names (`victims`), if any.
    pub(super) fn these_included(&self, p: &Para, at: usize) -> Option<(usize, Option<usize>)> {
        let mut k = at;
        let counted = |k: usize| p.word_ref(k).is_some_and(|w| self.lex.counted.contains(w));
        if p.is(k, "among") && matches!(p.word_ref(k + 1), Some("them" | "these" | "those")) {
            k += 2;
            let noun = counted(k).then_some(k);
            k += usize::from(noun.is_some());
            return (p.is(k, "were") && p.count_at(k + 1).is_some()).then_some((k + 1, noun));
        }
        if !matches!(p.word_ref(k), Some("these" | "they" | "those")) {
            return None;
        }
        k += 1;
        let noun = counted(k).then_some(k);
        k += usize::from(noun.is_some());
        (matches!(
            p.word_ref(k),
            Some("included" | "include" | "includes" | "comprised")
        ) && p.count_at(k + 1).is_some())
        .then_some((k + 1, noun))
    }

    /// Each item of an anchored enumeration is the subject of its own verb (`24 served children,
    /// 13 served women, and two operated as …`): the items count what the anchor counts.
    pub(super) fn verb_led(&self, p: &Para, list: &List) -> bool {
        // Closed by `and` before its last item: `24 served children, 13 served women;` may go on.
        let last = *list.items.last().expect("non-empty");
        let closed = p.qs[last].toks.0 > 0 && p.is(p.qs[last].toks.0 - 1, "and");
        let verb_then_object = |q: usize| self.verb_first(p, q);
        // `two operated as …`: a verb it recognised (see `Para::read_np`).
        let verb_alone = |q: usize| {
            let at = p.qs[q].toks.1;
            p.np(q).link == Link::Elliptic && p.word_ref(at).is_some_and(|w| w.ends_with("ed"))
        };
        closed
            && list.items.iter().any(|&q| verb_then_object(q))
            && list
                .items
                .iter()
                .all(|&q| verb_then_object(q) || verb_alone(q))
    }

    /// `24 served children`, `14 received prison terms`: a verb after the figure that the
    /// noun-phrase reader took for an adjective.
    pub(super) fn verb_first(&self, p: &Para, q: usize) -> bool {
        let np = p.np(q);
        np.link == Link::Noun && np.words.first().is_some_and(|w| p.past_verb(w))
    }

    /// Record a closed enumeration whose parts were found to count what its total counts.
    pub(super) fn record(
        &self,
        p: &Para,
        total: usize,
        list: &List,
        kind: RelationKind,
        out: &mut ChapterClaims,
        used: &mut HashSet<usize>,
    ) {
        if list.approx || !p.qs[total].is_exact_count() || list.items.contains(&total) {
            return;
        }
        // Text saying the groups overlap (`some of them belonged to more than one category`)
        // makes the breakdown open: its parts only bound the whole.
        let kind = if matches!(kind, RelationKind::Sum | RelationKind::Split) && {
            // Not a part's own class (`nine of multiple types of exploitation`).
            let own = p.qs[list.items[0]].toks.0..list.end;
            self.states_overlap(p, p.qs[total].toks.0, &own)
                || self.states_overlap(p, own.end.saturating_sub(1), &own)
        } {
            RelationKind::Including
        } else if kind == RelationKind::Split
            && list.items.iter().any(|&q| self.of_unknown_class(p, q))
        {
            // A split that counts its rest (`and 13 were unknown`) names every category.
            RelationKind::Sum
        } else {
            kind
        };
        let span = p.qs[total]
            .span
            .cover(p.qs[*list.items.last().expect("non-empty")].span);
        used.extend(list.items.iter().copied());
        let by_action = list.items.iter().all(|&q| self.told_by_action(p, q));
        out.breakdowns.push(Breakdown {
            kind,
            total: p.fig(total),
            parts: list.items.iter().map(|&q| p.fig(q)).collect(),
            span,
            by_action,
            doubt: self
                .classes_in_doubt(p, &list.items)
                .then_some(Doubt::UnreadClass),
        });
    }

    /// Does the sentence holding token `at`, outside `skip`, say that groups overlap: an overlap word, or
    /// `multiple`, `several` or `more than one` before a category noun (`victims of multiple
    /// forms of trafficking`)?
    fn states_overlap(&self, p: &Para, at: usize, skip: &std::ops::Range<usize>) -> bool {
        let Some(&sent) = p.sentence.get(at) else {
            return false;
        };
        let from = p.sentence_start(at);
        let lex = self.lex;
        (from..p.toks.len())
            .take_while(|&k| p.sentence[k] == sent)
            .filter(|k| !skip.contains(k))
            .any(|k| {
                let Some(w) = p.word_ref(k) else {
                    return false;
                };
                if lex.overlap.contains(w) {
                    return true;
                }
                let several = matches!(w, "multiple" | "several")
                    || w == "one" && k >= 2 && p.is(k - 1, "than") && p.is(k - 2, "more");
                several
                    && (k + 1..k + 4)
                        .any(|j| p.word_ref(j).is_some_and(|n| lex.categories.contains(n)))
            })
    }

    /// Is a part told by what was done (`20 received shelter`, `three were acquitted`) rather than
    /// by what it is (`21 were women`, `13 were exploited in sex trafficking`)?
    fn told_by_action(&self, p: &Para, q: usize) -> bool {
        let np = p.np(q);
        let participle = np.link == Link::Were && np.words.first().is_some_and(|w| p.past_verb(w));
        (self.verb_first(p, q) || participle)
            && !np
                .words
                .iter()
                .any(|w| *w == "trafficked" || self.lex.exploitation.contains(*w))
    }

    pub(super) fn including(
        &self,
        p: &Para,
        total: usize,
        list: &List,
        out: &mut ChapterClaims,
        used: &mut HashSet<usize>,
    ) {
        if list.approx
            || !list
                .items
                .iter()
                .all(|&q| compatible(self.lex, p.np(total), p.np(q)))
        {
            return;
        }
        used.extend(list.items.iter().copied());
        // One part: `81 victims, including 14 minors`.
        if let [part] = list.items[..] {
            self.subset(p, total, part, out);
            return;
        }
        // Several partitions written as one list (`of whom 110 were adults, 14 were children, 109
        // were female, and 15 were male`): each that takes in everyone is a breakdown.
        if let restrictions::Partitions::Several(runs) = self.partitions(p, &list.items)
            && runs.iter().all(|run| self.exhaustive(p, run))
        {
            for run in runs {
                out.breakdowns.push(Breakdown {
                    kind: RelationKind::Sum,
                    total: p.fig(total),
                    parts: run.iter().map(|&q| p.fig(q)).collect(),
                    span: p.qs[total]
                        .span
                        .cover(p.qs[*run.last().expect("a run")].span),
                    by_action: false,
                    doubt: Some(Doubt::Unlisted),
                });
            }
            return;
        }
        let span = p.qs[total]
            .span
            .cover(p.qs[*list.items.last().expect("non-empty")].span);
        // Classes that take in everyone make the list a breakdown of the whole.
        let everyone = self.exhaustive(p, &list.items);
        out.breakdowns.push(Breakdown {
            kind: if everyone {
                RelationKind::Sum
            } else {
                RelationKind::Including
            },
            total: p.fig(total),
            parts: list.items.iter().map(|&q| p.fig(q)).collect(),
            span,
            by_action: false,
            doubt: everyone.then_some(Doubt::Unlisted),
        });
    }

    /// Record `part ≤ whole`. A part stated as a lower bound (`at least 374`, `more than 40`)
    /// is checked by that bound.
    pub(super) fn subset(&self, p: &Para, whole: usize, part: usize, out: &mut ChapterClaims) {
        let bounded_below = p.qs[part].kind == QKind::Count && p.lower_bound(part);
        if !p.qs[whole].is_exact_count() || !(p.qs[part].is_exact_count() || bounded_below) {
            return;
        }
        out.breakdowns.push(Breakdown {
            kind: RelationKind::Subset,
            total: p.fig(whole),
            parts: vec![p.fig(part)],
            span: p.qs[whole].span.cover(p.qs[part].span),
            by_action: false,
            doubt: None,
        });
    }
}

/// The whole a demonstrative at token `at` refers to (`Of these,`, `These victims included`): the
/// nearest total of the period, not an earlier year's, in parentheses or after `compared with`
/// (`60 victims in 2030, compared with 75 in 2029`).
pub(super) fn latest_whole(p: &Para, at: usize, totals: &[usize]) -> Option<usize> {
    latest_whole_of(p, at, totals, None)
}

/// `latest_whole`, of those counting the noun at token `noun` when one is named (`These
/// victims included …`).
pub(super) fn latest_whole_of(
    p: &Para,
    at: usize,
    totals: &[usize],
    noun: Option<usize>,
) -> Option<usize> {
    let here = p.depth[at];
    let named = noun.and_then(|k| p.word_ref(k)).map(singular);
    totals.iter().rev().copied().find(|&q| {
        p.depth[p.qs[q].toks.0] <= here
            && !after_compared(p, q)
            && named
                .as_ref()
                .is_none_or(|n| p.np(q).head().map(singular).as_ref() == Some(n))
    })
}

/// What an anchor (`Of the 24 victims identified,`, `Of these,`) refers to.
pub(super) struct Anchor {
    /// The total it names or points to.
    pub(super) total: usize,
    /// Where the enumeration after its comma starts, if one does.
    pub(super) list_start: Option<usize>,
    /// The anchor states the total itself (`Of the 24 victims`).
    pub(super) explicit: bool,
    /// It may point to two wholes joined by `and` (`60 potential victims and four official
    /// victims. Of these, …`), together or either.
    pub(super) either_of_two: bool,
    /// It names a part of the total whose size the text does not state (`Of the sex trafficking
    /// victims,` after `50 victims`): parts beyond the total are an error, parts short of it are
    /// not.
    pub(super) part_of_whole: bool,
}

/// The whole a noun phrase without a figure names (see `whole_named`).
pub(super) struct NamedWhole {
    pub(super) total: usize,
    /// The phrase states a restriction (`the confirmed victims`): one of two joined wholes.
    pub(super) specific: bool,
    /// No total counts the group it names: it is a part of `total`.
    pub(super) part_of_whole: bool,
}

/// Is figure `q` the earlier side of a comparison: after `compared` in its sentence, with a figure
/// before that (`60 victims in 2030, compared with 75 victims in 2029 and 52 in 2028`)?
fn after_compared(p: &Para, q: usize) -> bool {
    let at = p.qs[q].toks.0;
    let from = p.sentence_start(at);
    // `This number compared with 45 …`: the sentence before holds the later figure.
    let this = matches!(p.word_ref(from), Some("this" | "these"));
    (from..at)
        .rev()
        .find(|&k| p.is(k, "compared"))
        .is_some_and(|c| this || (from..c).any(|k| p.count_at(k).is_some()))
}

/// `60 potential victims and four official victims`: the figure before total `t`, joined to it by
/// `and`, counting the same thing at the same depth. A demonstrative after them (`Of these,`)
/// refers to both together, or to either.
pub(super) fn conjoined(p: &Para, t: usize, totals: &[usize]) -> Option<usize> {
    p.joined_before(t).filter(|q| totals.contains(q))
}

/// The count of the rest in the clause from token `from` (to its `;` or the sentence's end):
/// `the remaining 47 victims`, `the other three`.
fn rest_after(p: &Para, from: usize) -> Option<usize> {
    rest_figure(p, from, &["remaining", "other"])
}

/// The first count in the clause from token `from` (to its `;` or the sentence's end) right after
/// one of `words`.
fn rest_figure(p: &Para, from: usize, words: &[&str]) -> Option<usize> {
    let sent = *p.sentence.get(from)?;
    (from..p.toks.len())
        .take_while(|&k| p.sentence[k] == sent && !p.punct(k, ';'))
        .find(|&k| p.word_ref(k).is_some_and(|w| words.contains(&w)) && p.count_at(k + 1).is_some())
        .and_then(|k| p.count_at(k + 1))
}

/// Does the clause from token `from` (to its `;` or the sentence's end) count the rest (`the
/// remaining five`, `the other three`, `an additional two`)?
fn speaks_of_the_rest(p: &Para, from: usize) -> bool {
    rest_figure(p, from, &["remaining", "other", "additional"]).is_some()
}

/// Does the clause from token `from` open with a single figure (`one was exploited in forced
/// criminality`, `and two were children`)?
fn one_more_figure(p: &Para, from: usize) -> bool {
    let first = if p.is(from, "and") { from + 1 } else { from };
    p.count_at(first).is_some()
        && parse_list(p, first, Mode::Clause).is_some_and(|l| l.items.len() == 1)
}

/// Does the clause after a list that ends at `end` (a `,`, `;` or dash; not a parenthesis, which
/// closes its list) state an exact count of `value` at the list's depth?
fn next_clause_states(p: &Para, end: usize, value: Decimal) -> bool {
    let Some(t) = p.toks.get(end) else {
        return false;
    };
    if !(t.is_punct(',') || t.is_punct(';') || t.is_dash()) {
        return false;
    }
    let (sent, depth) = (p.sentence[end], p.depth[end]);
    let mut k = end + 1;
    while p.punct(k, ',') || matches!(p.word_ref(k), Some("and" | "while" | "whereas" | "but")) {
        k += 1;
    }
    (k..p.toks.len())
        .take_while(|&j| {
            p.sentence[j] == sent
                && !(p.depth[j] == depth
                    && (p.punct(j, ',') || p.punct(j, ';') || p.toks[j].is_dash()))
        })
        .filter(|&j| p.depth[j] == depth)
        .filter_map(|j| p.count_at(j))
        .any(|q| p.qs[q].is_exact_count() && p.qs[q].value == value)
}
