//! The scope of a single figure: the whole it is part of, when the text attaches it to that
//! whole (DESIGN §4.1: `including`, right after the whole, between commas, dashes or in
//! parentheses). `81 victims, including 14 minors`; `212 cases (including 17 cases
//! carried over from earlier years)`. A list of several parts is a breakdown, read elsewhere; a
//! single part is a subset of its whole (part ≤ whole).

use super::*;

impl Extractor<'_, '_> {
    /// Every figure or list `including` attaches to the figure before it: a single figure as a
    /// subset, a list as an `including` list of it.
    pub(super) fn single_inclusions(&self, p: &Para, first: usize, out: &mut ChapterClaims) {
        let read: HashSet<Span> = out.breakdowns[first..]
            .iter()
            .flat_map(|b| b.parts.iter().map(|f| f.span))
            .collect();
        for k in 1..p.toks.len() {
            if !p.is(k, "including") {
                continue;
            }
            let opener = k - 1;
            let attached = p.punct(opener, ',') || p.punct(opener, '(') || p.toks[opener].is_dash();
            let Some(part) = p.count_at(k + 1) else {
                continue;
            };
            if !attached || read.contains(&p.qs[part].span) {
                continue;
            }
            // Several parts: an `including` list (`74 victims to care, including 42 …, 23 …, and
            // nine …`), past the words that qualify the whole.
            let list = if single(p, part) {
                None
            } else {
                match parse_list(p, k + 1, Mode::Clause) {
                    Some(list)
                        if list.items.len() >= 2
                            && !list.items.iter().any(|&x| read.contains(&p.qs[x].span)) =>
                    {
                        Some(list)
                    }
                    _ => continue,
                }
            };
            // The whole: the count whose noun phrase, and what qualifies it, ends at the `,`,
            // dash or parenthesis (`81 possible victims of forced labor, including …`).
            let Some(whole) = p
                .count_before(opener, WHOLE_REACH)
                .filter(|&w| p.counted_head(w).is_some() && p.ends_near(w, opener, QUALIFIER))
            else {
                continue;
            };
            // A part that names nothing it counts (`10 for forced labor`) may belong to any
            // figure of its clause (`18 traffickers in six cases, including 10 …`): read only
            // when the whole is the clause's one count. A part that names what it counts counts
            // what the whole counts, or a class of it (`10 victims, including 12 traffickers`
            // is no part).
            let one = [part];
            let items = list.as_ref().map_or(&one[..], |l| &l.items[..]);
            let named = |x: usize| p.counted_head(x).is_some();
            if items.iter().any(|&x| !named(x)) && !alone_in_clause(p, whole) {
                continue;
            }
            if items
                .iter()
                .any(|&x| named(x) && !compatible(self.lex, p.np(whole), p.np(x)))
            {
                continue;
            }
            match &list {
                Some(list) => self.including(p, whole, list, out, &mut HashSet::default()),
                None => self.subset(p, whole, part, out),
            }
        }
    }
}

/// How far before `including` the whole's figure is looked for, and how many words may qualify
/// its noun between.
const WHOLE_REACH: usize = 10;
const QUALIFIER: usize = 8;

/// Is figure `part` alone after `including`: its noun phrase (and what qualifies it, up to the
/// clause's end) is followed by the end of the aside, clause or sentence, not by another
/// figure of a list (`including 20 women and 10 men`)?
fn single(p: &Para, part: usize) -> bool {
    let sent = p.sentence[p.qs[part].toks.0];
    let end = p.sentence_end(p.qs[part].toks.0);
    let mut k = p.after_np(part);
    while k < end && p.sentence[k] == sent {
        if p.punct(k, ';') || p.punct(k, ')') || p.toks[k].is_dash() || p.punct(k, '.') {
            return true;
        }
        if p.q_of[k].is_some_and(|q| p.qs[q].kind == QKind::Count) {
            return false;
        }
        k += 1;
    }
    true
}

/// Is figure `q` the only count of its clause before it (back to the sentence's start or a `;`)?
fn alone_in_clause(p: &Para, q: usize) -> bool {
    let at = p.qs[q].toks.0;
    let sent = p.sentence[at];
    (0..at)
        .rev()
        .take_while(|&k| p.sentence[k] == sent && !p.punct(k, ';'))
        .all(|k| p.count_at(k).is_none())
}

/// How many sentences back a single figure of a class of people looks for its whole (its own
/// and the two before).
const SENTENCES_BACK: usize = 2;

impl Extractor<'_, '_> {
    /// A single figure of a class of people that opens its sentence or a clause after `;`, alone
    /// there (`; 17 were children`, `Eighteen victims were children.`): a subset of the victims
    /// the text is speaking of (see `whole_of_class`).
    pub(super) fn class_subsets(&self, p: &Para, first: usize, out: &mut ChapterClaims) {
        let read: HashSet<Span> = out.breakdowns[first..]
            .iter()
            .flat_map(|b| b.parts.iter().chain(std::iter::once(&b.total)))
            .map(|f| f.span)
            .collect();
        let mut parts: HashSet<Span> = out.breakdowns[first..]
            .iter()
            .flat_map(|b| b.parts.iter().map(|f| f.span))
            .collect();
        let mut found = Vec::new();
        for q in 0..p.qs.len() {
            let at = p.qs[q].toks.0;
            if !p.qs[q].is_exact_count()
                || p.depth[at] != 0
                || read.contains(&p.qs[q].span)
                || !opens_clause(p, at)
                || !alone_to_clause_end(p, q)
                || !self.names_class_of_people(p, q)
            {
                continue;
            }
            // A part that names what it counts counts victims (`Eighteen victims were children`).
            if p.np(q).link == Link::Noun && !p.counts_victims(q) {
                continue;
            }
            if let Some(whole) = self
                .whole_of_class(p, q, |c| parts.contains(&p.qs[c].span))
                .and_then(|w| w.fig(p))
            {
                found.push((whole, q));
                parts.insert(p.qs[q].span);
            }
        }
        for (whole, part) in found {
            out.breakdowns.push(Breakdown {
                kind: RelationKind::Subset,
                total: whole,
                parts: vec![p.fig(part)],
                span: whole.span.cover(p.qs[part].span),
                by_action: false,
                doubt: None,
            });
        }
    }

    /// Does figure `q` state a class of people: `17 were children`, `five were foreign victims`,
    /// `Eighteen victims were children`, `12 girls`?
    fn names_class_of_people(&self, p: &Para, q: usize) -> bool {
        self.predicate_names_class(p, q)
            || p.np(q).link == Link::Noun
                && p.np(q).words.iter().any(|w| self.lex.restricts_people(w))
    }

    /// Is figure `q` the subject of a predicate naming a class of people (`17 were children`,
    /// `Eighteen victims were children`, `32 of the 71 victims were adults`): a part of some
    /// whole, not a whole?
    pub(super) fn predicate_names_class(&self, p: &Para, q: usize) -> bool {
        let np = p.np(q);
        match np.link {
            Link::Were => np.words.iter().any(|w| self.names_class(w)),
            Link::Noun => self.class_predicate_at(p, p.after_np(q)),
            Link::Elliptic => {
                let k = p.qs[q].toks.1;
                let whole = if p.is(k + 1, "the") { k + 2 } else { k + 1 };
                if !p.is(k, "of") {
                    return false;
                }
                // `32 of the 71 victims were adults`, `32 of the victims were adults`
                let noun_end = match p.count_at(whole) {
                    Some(w) => p.after_np(w),
                    None => match self.anchor_head(p, whole) {
                        Some(at) => at + 1,
                        None => return false,
                    },
                };
                self.class_predicate_at(p, predicate_from(p, noun_end))
            }
        }
    }

    /// Does a predicate naming a class of people start at token `k` (`were adults`, `was a
    /// Narnian citizen`)?
    pub(super) fn class_predicate_at(&self, p: &Para, k: usize) -> bool {
        (p.is(k, "were") || p.is(k, "was"))
            && (k + 1..k + 4)
                .map_while(|j| p.word_ref(j).filter(|w| !np_stop(w)))
                .any(|w| self.names_class(w))
    }

    /// A word naming a class of people: a restriction of sex, age or nationality, or a named
    /// nationality.
    fn names_class(&self, w: &str) -> bool {
        self.lex.restricts_people(w) || self.lex.nationalities.contains(w)
    }

    /// The whole a figure `q` of a class of people (or a split of such figures) is part of: the
    /// latest count of people before it, in its sentence or the two before and outside
    /// parentheses, when that counts victims, exactly, for the period. Parts (`is_part`, and
    /// figures that are themselves of a class, `Eighteen victims were children`), figures that name
    /// nothing they count and figures after a preposition (`no data on four victims`) are passed
    /// over. Another victim figure of a different value there makes the reference unclear; two
    /// joined by `and` (`60 potential victims and four official victims`) are the whole together.
    pub(super) fn whole_of_class(
        &self,
        p: &Para,
        q: usize,
        is_part: impl Fn(usize) -> bool,
    ) -> Option<ClassWhole> {
        let at = p.qs[q].toks.0;
        let earliest = p.sentence[at].saturating_sub(SENTENCES_BACK);
        let after_preposition = |ct: usize| {
            ct.checked_sub(1)
                .is_some_and(|k| matches!(p.word_ref(k), Some(w) if PREPOSITIONS.contains(&w)))
        };
        // The earlier side of a comparison after its sentence's own figure of victims (`43
        // victims, compared with 48 victims in 2029`) is passed over: the sentence speaks of the
        // 43.
        let beside_current = |c: usize| {
            let ct = p.qs[c].toks.0;
            (0..c)
                .rev()
                .take_while(|&o| p.sentence[p.qs[o].toks.0] == p.sentence[ct])
                .any(|o| {
                    p.qs[o].kind == QKind::Count
                        && p.depth[p.qs[o].toks.0] == 0
                        && p.counts_victims(o)
                        && !earlier_period(p, o)
                })
        };
        let mut wholes = (0..q).rev().filter(|&c| {
            let ct = p.qs[c].toks.0;
            p.qs[c].kind == QKind::Count
                && p.depth[ct] == 0
                && !is_part(c)
                && !self.predicate_names_class(p, c)
                && p.counted_head(c).is_some()
                && (earlier_period(p, c) && !beside_current(c) || !after_preposition(ct))
                && !(earlier_period(p, c) && beside_current(c))
        });
        let c = wholes.next()?;
        let in_window = |c: usize| p.sentence[p.qs[c].toks.0] >= earliest;
        if !in_window(c)
            || !p.qs[c].is_exact_count()
            || !p.counts_victims(c)
            || earlier_period(p, c)
        {
            return None;
        }
        let value = p.qs[c].value;
        let joined = p.joined_before(c);
        if wholes.take_while(|&o| in_window(o)).any(|o| {
            Some(o) != joined
                && p.counts_victims(o)
                && !earlier_period(p, o)
                && p.qs[o].value != value
        }) {
            return None;
        }
        Some(ClassWhole { whole: c, joined })
    }
}

impl Extractor<'_, '_> {
    /// The whole a partition opening a sentence at token `first` splits (`Seventy-nine were
    /// potential victims and 26 official victims`): its parts name no noun of their own, state
    /// their classes, and no two overlap; the whole is the count of victims spoken of
    /// (`whole_of_class`), a single figure, with no other count between (`referred 40 to
    /// shelters` may be what the parts divide), and the list.
    pub(super) fn opening_split(
        &self,
        p: &Para,
        first: usize,
        used: &HashSet<usize>,
    ) -> Option<(usize, List)> {
        let q = p.count_at(first)?;
        // (`Eight victims were men, …`: the whole's noun before the class.)
        if p.np(q).link == Link::Noun
            && !p.np(q).words.is_empty()
            && !(p.counts_victims(q) && self.predicate_names_class(p, q))
        {
            return None;
        }
        let list = parse_list(p, first, Mode::Clause)?;
        let at_end = list.end >= p.toks.len()
            || p.sentence[list.end] != p.sentence[first]
            || p.punct(list.end, '.')
            || p.punct(list.end, ';');
        if list.items.len() < 2 || list.approx || !at_end {
            return None;
        }
        // One partition whose classes are read, or several (`21 were women, eight men, and one
        // boy, and one foreign victim`: a part alone of another dimension).
        match self.partitions(p, &list.items) {
            restrictions::Partitions::One => {
                self.exclusive(p, &list.items)?;
            }
            restrictions::Partitions::Several(_) => {}
            restrictions::Partitions::Unclear => return None,
        }
        let whole = self
            .whole_of_class(p, q, |c| used.contains(&c))
            .filter(|w| w.joined.is_none())?
            .whole;
        let between_is_part = (whole + 1..q).all(|c| {
            used.contains(&c)
                || p.qs[c].kind != QKind::Count
                || p.depth[p.qs[c].toks.0] != 0
                || self.predicate_names_class(p, c)
                || earlier_period(p, c)
        });
        between_is_part.then_some((whole, list))
    }
}

/// The whole of a class of people: a count, or two joined by `and` taken together.
pub(super) struct ClassWhole {
    pub(super) whole: usize,
    pub(super) joined: Option<usize>,
}

impl ClassWhole {
    /// The whole as one figure (two joined cover both and add up).
    fn fig(&self, p: &Para) -> Option<Fig> {
        let whole = p.fig(self.whole);
        match self.joined {
            Some(other) => Some(Fig {
                value: p.qs[other].value.checked_add(whole.value)?,
                span: p.qs[other].span.cover(whole.span),
            }),
            None => Some(whole),
        }
    }
}

/// Does the figure starting at token `at` open its sentence or a clause after `;` (an `and`
/// may come between: `; and 17 were children`)?
fn opens_clause(p: &Para, at: usize) -> bool {
    let k = if at > 0 && p.is(at - 1, "and") {
        at - 1
    } else {
        at
    };
    k == 0 || p.sentence[k - 1] != p.sentence[k] || p.punct(k - 1, ';')
}

/// Is figure `q` the only count of its clause from where it stands to the clause's end (a `;`
/// or the sentence's end), outside parentheses?
fn alone_to_clause_end(p: &Para, q: usize) -> bool {
    let at = p.qs[q].toks.0;
    let sent = p.sentence[at];
    (p.qs[q].toks.1..p.toks.len())
        .take_while(|&k| p.sentence[k] == sent && !p.punct(k, ';'))
        .all(|k| p.depth[k] != 0 || p.count_at(k).is_none())
}

/// Prepositions after which a figure modifies something else (`data on four victims`).
const PREPOSITIONS: &[&str] = &[
    "on", "about", "for", "with", "to", "from", "against", "by", "in", "into", "at",
];

/// Is count `c` an earlier period's figure: after `compared` or `versus` in its sentence (`40
/// victims, compared with 36 victims in 2029`)?
fn earlier_period(p: &Para, c: usize) -> bool {
    let at = p.qs[c].toks.0;
    let from = p.sentence_start(at);
    (from..at).any(|k| p.is(k, "compared") || p.is(k, "versus"))
}

/// Where the predicate of a clause starts, from the end of its subject's noun phrase at token
/// `start`: past the words that qualify it (`71 victims of sex trafficking were …`, `71 victims identified in 2030 were …`),
/// at `were` or `was` within a few words and no punctuation or figure but a year; else right after
/// the noun phrase.
fn predicate_from(p: &Para, start: usize) -> usize {
    (start..start + 6)
        .take_while(|&k| p.word_ref(k).is_some() || p.year_at(k).is_some())
        .find(|&k| p.is(k, "were") || p.is(k, "was"))
        .unwrap_or(start)
}
