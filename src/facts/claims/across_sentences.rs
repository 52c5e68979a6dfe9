//! Relations that span sentences or paragraphs: referral lists, `All but N` complements, and
//! `This compared with …` sentences.

use super::comparisons::{change_noun, qualifies_change};
use super::*;
use crate::vocab::Vocabulary;

/// Whether a total restates a part of an earlier breakdown (`Of the 55 foreign victims` after
/// `21 were … and 55 were foreigners`): a subtotal, not the paragraph's total.
fn restates_part(p: &Para, q: usize, out: &ChapterClaims) -> bool {
    let para_start = p.toks.first().map_or(0, |t| t.span.start);
    out.breakdowns.iter().any(|b| {
        b.span.start >= para_start
            && b.span.end <= p.qs[q].span.start
            && b.parts.iter().any(|f| f.value == p.qs[q].value)
    })
}

/// How many tokens from a clause's start the `;` closing the count referred before a referral
/// list may be (`In 2030, first responders referred 127 potential victims to the center,
/// compared with 130 in 2029;` is 20).
const REFERRED_REACH: usize = 40;

/// Where the total a list refers back to may be.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Reference {
    /// `among these,` right before the list: the latest total of its sentence.
    Anchored,
    /// A sentence that adds a fact (`Additionally, …`): one total of its own sentence.
    OwnSentence,
    /// One total of its sentence and the two before.
    Nearby,
}

/// The victim total a list refers back to, among the paragraph's totals before token `before`
/// (not an earlier year's figure). Anchored (`among these,`), the latest of its sentence `sent`;
/// otherwise the one figure the totals of this sentence (and, unless it adds a fact, the two
/// before) state, leaving out those that restate a part (two different victim totals nearby make
/// the reference a guess).
fn referred_total(
    p: &Para,
    totals: &[usize],
    previous: &HashSet<usize>,
    out: &ChapterClaims,
    (before, sent): (usize, usize),
    scope: Reference,
) -> Option<usize> {
    let candidates: Vec<usize> = totals
        .iter()
        .copied()
        .filter(|&q| {
            let at = p.qs[q].toks.0;
            at < before
                && p.counts_victims(q)
                && !previous.contains(&q)
                && if scope != Reference::Nearby {
                    p.sentence[at] == sent
                } else {
                    p.sentence[at].saturating_add(2) >= sent && !restates_part(p, q, out)
                }
        })
        .collect();
    let last = *candidates.last()?;
    // `identified 40 victims and NGOs identified 15 more`: the referrals may be of both.
    let added = p.qs.iter().any(|q| {
        q.toks.0 > p.qs[last].toks.0
            && q.toks.0 < before
            && q.kind == QKind::Count
            && matches!(p.word_ref(q.toks.1), Some("more" | "others"))
    });
    (!added
        && (scope == Reference::Anchored
            || candidates
                .iter()
                .all(|&q| p.qs[q].value == p.qs[last].value)))
    .then_some(last)
}

/// `All but five of the identified victims were from Narnia`: the total of identified victims,
/// the figure left out, and the place the others were from.
struct AllBut {
    total: Fig,
    excluded: Fig,
    place: String,
}

/// `All 71 Narnian victims identified by the government`: a figure and the nationality it counts.
struct AllOf {
    count: Fig,
    demonym: String,
}

/// The two halves of a complement, which may stand paragraphs apart: the victims from a place
/// are the total less those excluded.
#[derive(Default)]
pub(super) struct Complements {
    all_but: Vec<AllBut>,
    all_of: Vec<AllOf>,
}

impl Complements {
    /// Each `All but N … from P` with the first later `All M P-ian victims identified`: M + N is
    /// the total.
    pub(super) fn link(self, vocab: &Vocabulary, out: &mut ChapterClaims) {
        for a in &self.all_but {
            let Some(b) = self.all_of.iter().find(|b| {
                b.count.span.start > a.excluded.span.start
                    && same_people(vocab, &a.place, &b.demonym)
            }) else {
                continue;
            };
            out.breakdowns.push(Breakdown {
                kind: RelationKind::Sum,
                total: a.total,
                parts: vec![b.count, a.excluded],
                span: a.total.span.cover(b.count.span),
                by_action: false,
                doubt: None,
            });
        }
    }
}

/// Whether a nationality names a place's people: one of the country's adjectives in the
/// country list (`Burma` and `Burmese`, `Netherlands` and `Dutch`), or, for a place not listed,
/// a shared stem of five letters or more (or the whole of a shorter name: `Narnian`, `Narnia`).
fn same_people(vocab: &Vocabulary, place: &str, demonym: &str) -> bool {
    if let Some(country) = vocab.country_named(place)
        && country
            .adjectives
            .iter()
            .any(|a| a.eq_ignore_ascii_case(demonym))
    {
        return true;
    }
    let (place, demonym) = (place.to_lowercase(), demonym.to_lowercase());
    let common = place
        .chars()
        .zip(demonym.chars())
        .take_while(|(a, b)| a == b)
        .count();
    common >= place.chars().count().min(5)
}

impl Extractor<'_, '_> {
    /// Does the sentence holding token `at` open with words that add a fact to those before
    /// (`Additionally,`, `In addition,`)?
    fn opens_with_addition(&self, p: &Para, at: usize) -> bool {
        let first = p.sentence_start(at);
        self.lex
            .additive_openers
            .iter()
            .any(|words| words.iter().enumerate().all(|(i, w)| p.is(first + i, w)))
    }

    /// `Police initiated four investigations and continued six. This compared with initiating
    /// one investigation and continuing eight during the previous reporting period.`: each
    /// figure of the `This compared with` sentence is the earlier value of the figure of the
    /// sentence before that counts the same thing, done the same way (`initiating` and
    /// `initiated`). `This was a decrease from 20 in 2021.` states a direction too. A figure with
    /// no match, or with two, is left alone.
    pub(super) fn this_compared(&self, p: &Para, section: SectionKind, out: &mut ChapterClaims) {
        let n = p.toks.len();
        for &start in &p.starts {
            let sent = p.sentence[start];
            if !(p.is(start, "this") || p.is(start, "these")) {
                continue;
            }
            if self.names_direction(p, start, out) {
                continue;
            }
            // `This compared with …`, or `This was a (slight) decrease from …`.
            let (first, direction) = if p.is(start + 1, "compared")
                && (p.is(start + 2, "with") || p.is(start + 2, "to"))
            {
                (start + 3, None)
            } else {
                if !matches!(
                    p.word_ref(start + 1),
                    Some("was" | "were" | "is" | "represented" | "represents" | "marked")
                ) {
                    continue;
                }
                let mut k = start + 2;
                while matches!(p.word_ref(k), Some("a" | "an"))
                    || p.word_ref(k).is_some_and(qualifies_change)
                {
                    k += 1;
                }
                let Some(d) = p.word_ref(k).and_then(|w| self.lex.direction_of(w)) else {
                    continue;
                };
                let d = (d, p.toks[k].span);
                k += 1;
                if p.is(k, "from") || p.is(k, "over") {
                    (k + 1, Some(d))
                } else if p.is(k, "compared") && (p.is(k + 1, "with") || p.is(k + 1, "to")) {
                    (k + 2, Some(d))
                } else {
                    continue;
                }
            };
            let first_before = p.sentence_start(start - 1);
            let counts_before: Vec<usize> = (first_before..start)
                .filter(|&k| p.depth[k] == 0)
                .filter_map(|k| p.count_at(k))
                .filter(|&q| p.qs[q].is_exact_count())
                .collect();
            let head = |q: usize| p.np(q).head().map(singular);
            let mut compared_once = false;
            for j in first..n {
                if p.sentence[j] != sent {
                    break;
                }
                let Some(prev) = p.count_at(j).filter(|&q| p.qs[q].is_exact_count()) else {
                    continue;
                };
                if p.depth[j] != 0 {
                    continue;
                }
                // `This was a decrease from 610 victims identified in 2028 and 540 victims
                // identified in 2027`: each earlier figure joined by `and` goes the same way.
                if direction.is_some() && compared_once && !p.is(j - 1, "and") {
                    break;
                }
                // The gerund before it (`initiating one investigation`), if any; a figure right
                // after `with` or `from` compares with whatever counts the same thing.
                let stem = p
                    .word_ref(j - 1)
                    .and_then(|w| w.strip_suffix("ing"))
                    .filter(|s| s.len() >= 4);
                if stem.is_none() && j != first && !(direction.is_some() && compared_once) {
                    continue;
                }
                let done_so = |q: usize| {
                    let at = p.qs[q].toks.0;
                    stem.is_none_or(|stem| {
                        (at.saturating_sub(3)..at)
                            .any(|k| p.word_ref(k).is_some_and(|w| w.starts_with(stem)))
                    })
                };
                // A figure without a noun (`from 20 in 2021`) is the sentence before's only one.
                let matching: Vec<usize> = match head(prev) {
                    Some(_) => counts_before
                        .iter()
                        .copied()
                        .filter(|&q| head(q) == head(prev) && done_so(q))
                        .collect(),
                    None if counts_before.len() == 1 => counts_before.clone(),
                    None => Vec::new(),
                };
                let [current] = matching[..] else {
                    continue;
                };
                out.comparisons
                    .push(self.compared(p, current, p.fig(prev), direction, section));
                compared_once = true;
            }
        }
    }

    /// `Of the 30 victims, 20 were women. The remaining 10 were men.`: a sentence opening with
    /// `The remaining N` (or `The other N`) closes the latest subset or `including` list of the
    /// sentence before: with N, its parts add up to its total.
    pub(super) fn remaining(&self, p: &Para, out: &mut ChapterClaims) {
        for &start in &p.starts {
            if !p.is(start, "the") || !(p.is(start + 1, "remaining") || p.is(start + 1, "other")) {
                continue;
            }
            let Some(rest) = p.count_at(start + 2).filter(|&q| p.qs[q].is_exact_count()) else {
                continue;
            };
            let sentence = p.sentence_up_to(start - 1);
            let Some(b) = out
                .breakdowns
                .iter()
                .filter(|b| {
                    // Its last part in that sentence (an anchored total may be earlier).
                    matches!(b.kind, RelationKind::Including | RelationKind::Subset)
                        && sentence.start < b.span.end
                        && b.span.end <= sentence.end
                })
                .max_by_key(|b| b.span.end)
            else {
                continue;
            };
            // `The remaining two shelters …` after victims counts something else.
            let Some(total) = p.quantity_of(b.total) else {
                continue;
            };
            if !compatible(self.lex, p.np(total), p.np(rest)) {
                continue;
            }
            let mut parts = b.parts.clone();
            parts.push(p.fig(rest));
            let span = b.span.cover(p.qs[rest].span);
            let total = b.total;
            out.breakdowns.push(Breakdown {
                kind: RelationKind::Sum,
                total,
                parts,
                span,
                by_action: false,
                doubt: None,
            });
        }
    }

    /// `This significant increase was due to …`: a sentence opening with the direction of the
    /// sentence before gives it to that sentence's one comparison that states none.
    fn names_direction(&self, p: &Para, start: usize, out: &mut ChapterClaims) -> bool {
        let mut k = start + 1;
        while p.word_ref(k).is_some_and(qualifies_change) {
            k += 1;
        }
        let Some(w) = p.word_ref(k) else {
            return false;
        };
        if !change_noun(w) || p.is(k + 1, "from") || p.is(k + 1, "compared") || p.is(k + 1, "of") {
            return false;
        }
        let Some(direction) = self.lex.direction_of(w) else {
            return false;
        };
        let sentence = p.sentence_up_to(start - 1);
        let mut open = out
            .comparisons
            .iter_mut()
            .filter(|c| c.direction.is_none() && sentence.contains(c.span));
        if let (Some(c), None) = (open.next(), open.next()) {
            c.direction = Some((direction, p.toks[k].span));
        }
        true
    }

    /// `All but N of the identified victims were from P` (and, after a semicolon, the victims
    /// from elsewhere it leaves: `the government identified two victims from A and one victim
    /// from B`), and `All M P-ian victims identified …`.
    pub(super) fn complements(
        &self,
        p: &Para,
        totals: &[usize],
        parts: &HashSet<usize>,
        previous: &HashSet<usize>,
        out: &mut ChapterClaims,
        complements: &mut Complements,
    ) {
        let n = p.toks.len();
        for k in 0..n {
            if !p.is(k, "all") {
                continue;
            }
            let sent = p.sentence[k];
            let in_sentence = |j: usize| j < n && p.sentence[j] == sent;
            // `All 71 Narnian victims identified by the government`
            if let Some(q) = p.count_at(k + 1)
                && p.qs[q].is_exact_count()
                && p.np(q).capitalised
                && p.np(q).words.len() == 2
                && p.counts_victims(q)
            {
                let after = p.qs[q].toks.1 + 2;
                if (after..after + 3).any(|j| in_sentence(j) && p.is(j, "identified")) {
                    complements.all_of.push(AllOf {
                        count: p.fig(q),
                        demonym: p.np(q).words[0].to_string(),
                    });
                }
                continue;
            }
            // `All but five of the identified victims were from Narnia`
            let Some(q) = p.count_at(k + 2).filter(|_| p.is(k + 1, "but")) else {
                continue;
            };
            if !p.qs[q].is_exact_count() {
                continue;
            }
            let Some(were) = (k + 3..k + 10)
                .take_while(|&j| in_sentence(j))
                .find(|&j| p.is(j, "were") && p.is(j + 1, "from"))
            else {
                continue;
            };
            if !(k + 3..were).any(|j| p.is(j, "identified"))
                || !(k + 3..were).any(|j| p.is(j, "victims"))
            {
                continue;
            }
            // `from the Netherlands`: the article is not part of the name.
            let from = were + 2 + usize::from(p.is(were + 2, "the"));
            let place: Vec<&str> = (from..n)
                .take_while(|&j| {
                    in_sentence(j)
                        && p.toks[j].kind == TokKind::Word
                        && p.toks[j].text.starts_with(char::is_uppercase)
                })
                .map(|j| p.toks[j].text)
                .collect();
            if place.is_empty() {
                continue;
            }
            if let Some(total) =
                referred_total(p, totals, previous, out, (k, sent), Reference::Nearby)
            {
                complements.all_but.push(AllBut {
                    total: p.fig(total),
                    excluded: p.fig(q),
                    place: place.join(" "),
                });
            }
            // `; the government identified two victims from A, …, and one victim from B`
            let after_place = from + place.len();
            if p.punct(after_place, ';') {
                let others: Vec<usize> = (after_place + 1..n)
                    .take_while(|&j| in_sentence(j))
                    .filter(|&j| p.depth[j] == 0)
                    .filter_map(|j| p.count_at(j))
                    .collect();
                let from_places = others.iter().all(|&o| {
                    let end = p.after_np(o);
                    p.qs[o].is_exact_count()
                        && !parts.contains(&o)
                        && p.counts_victims(o)
                        && p.is(end, "from")
                });
                if others.len() >= 2 && from_places {
                    out.breakdowns.push(Breakdown {
                        kind: RelationKind::Sum,
                        total: p.fig(q),
                        parts: others.iter().map(|&o| p.fig(o)).collect(),
                        span: p.qs[q].span.cover(p.qs[*others.last().expect("two")].span),
                        by_action: false,
                        doubt: None,
                    });
                }
            }
        }
    }

    /// Who referred the victims: `Law enforcement referred 12 victims to NGOs, embassies referred
    /// three, NGOs referred 23, and 31 victims self-referred`, or `among these, police referred 55
    /// and self-referrals accounted for the additional 112`. The counts are a breakdown of the
    /// victims assisted when the list is closed (it ends with self-referrals, `the remaining`,
    /// `the additional`, `the victims themselves`): of the total its anchor names (`among
    /// these`), or else of the latest victim total of the paragraph that does not restate a part
    /// (`Of the 55 foreign victims` restates the 55 of `21 were … and 55 were …`).
    pub(super) fn referrals(
        &self,
        p: &Para,
        totals: &[usize],
        parts: &HashSet<usize>,
        previous: &HashSet<usize>,
        out: &mut ChapterClaims,
    ) {
        let n = p.toks.len();
        // `referred`, `self-referred`, `referrals` (no searcher set up for every word).
        let refers = |k: usize| {
            p.word_ref(k).is_some_and(|w| {
                w.len() >= 6 && w.as_bytes().windows(6).any(|part| part == b"referr")
            })
        };
        // `four victims self-identified`, `five self-referred`: those who came on their own.
        let on_their_own = |k: usize| p.word_ref(k).is_some_and(|w| w.starts_with("self-"));
        let closing = |k: usize| {
            on_their_own(k)
                || p.word_ref(k).is_some_and(|w| {
                    matches!(w, "additional" | "remaining" | "rest" | "themselves")
                })
        };
        let boundary = |k: usize| {
            p.depth[k] == 0
                && (p.punct(k, ',') || p.punct(k, ';') || p.is(k, "and") || p.is(k, "while"))
        };
        let mut start = 0;
        while start < n {
            let sent = p.sentence[start];
            let end = p.sentence_end(start);
            // A list has two counts or more: a sentence with fewer is passed over.
            let (lo, hi) = (
                p.qs.partition_point(|q| q.toks.0 < start),
                p.qs.partition_point(|q| q.toks.0 < end),
            );
            if p.qs[lo..hi]
                .iter()
                .filter(|q| q.kind == QKind::Count)
                .nth(1)
                .is_none()
            {
                start = end;
                continue;
            }
            // The sentence's clauses at depth 0, each with its counts and whether it refers.
            let mut items: Vec<usize> = Vec::new();
            let mut closed = false;
            let mut all_refer = true;
            let mut first_item_at = None;
            // `First responders referred 130 potential victims; police referred 59, …`: the
            // count referred in the clause before `;`, which the items after it divide.
            let mut referred_before = None;
            let mut clause = start;
            while clause < end {
                let stop = (clause..end).find(|&k| boundary(k)).unwrap_or(end);
                // (Up to the `;`, past the earlier side of a comparison: `In 2030, first
                // responders referred 127 potential victims, compared with 130 in 2029; …`.)
                // (Looked for within a short reach, so that a long list costs no more than
                // its length.)
                if referred_before.is_none()
                    && items.is_empty()
                    && let Some(semicolon) = (clause..end.min(clause + REFERRED_REACH))
                        .find(|&k| p.depth[k] == 0 && p.punct(k, ';'))
                    && let Some(q) = referred_count(p, clause, semicolon, refers, previous)
                {
                    referred_before = Some(q);
                    clause = semicolon + 1;
                    continue;
                }
                let mut counts = (clause..stop)
                    .filter(|&k| p.depth[k] == 0)
                    .filter_map(|k| p.count_at(k));
                let (first, more) = (counts.next(), counts.next().is_some());
                // Only a clause with one count is an item: the words are read for those alone.
                let single =
                    first.filter(|_| !more && (clause..stop).any(|k| refers(k) || on_their_own(k)));
                if let Some(count) = single {
                    first_item_at.get_or_insert(clause);
                    items.push(count);
                    closed |= (clause..stop).any(closing);
                } else if !items.is_empty() && first.is_some() {
                    all_refer = false;
                } else if !items.is_empty() {
                    // `international organizations, embassies, NGOs, and self-referrals were
                    // responsible for the additional 112`: names without figures go on the list.
                    closed |= (clause..stop).any(closing);
                }
                clause = stop + 1;
            }
            start = end;
            let Some(first_at) = first_item_at else {
                continue;
            };
            // `First responders referred 130 potential victims; police referred 59, NGOs
            // referred 43, and shelters referred 28`: after `;`, the referrals of the count
            // referred before it, closed by `and`.
            let referred_before = referred_before.filter(|_| p.punct(first_at - 1, ';'));
            let last_after_and = items.last().is_some_and(|&q| {
                let at = p.qs[q].toks.0;
                (p.sentence_start(at)..at)
                    .rev()
                    .take_while(|&k| !p.punct(k, ','))
                    .any(|k| p.is(k, "and"))
            });
            let closed = closed || referred_before.is_some() && last_after_and;
            if items.len() < 2
                || !closed
                || !all_refer
                || items
                    .iter()
                    .any(|&q| !p.qs[q].is_exact_count() || parts.contains(&q))
            {
                continue;
            }
            // Every named part counts victims (or their referrals).
            if items.iter().any(|&q| {
                let np = p.np(q);
                np.link == Link::Noun
                    && !np.words.is_empty()
                    && !p.counts_victims(q)
                    && !np.words.iter().any(|w| w.starts_with("referral"))
            }) {
                continue;
            }
            // `among these,` / `of these,` right before the list: the sentence's total.
            let anchored = first_at >= 3
                && (p.is(first_at - 3, "among") || p.is(first_at - 3, "of"))
                && matches!(p.word_ref(first_at - 2), Some("these" | "those" | "them"))
                && p.punct(first_at - 1, ',');
            let first_tok = p.qs[items[0]].toks.0;
            // `Additionally, police referred …`: a fact beside those before, not of their total.
            let scope = if anchored {
                Reference::Anchored
            } else if self.opens_with_addition(p, first_tok) {
                Reference::OwnSentence
            } else {
                Reference::Nearby
            };
            let total = referred_before
                .or_else(|| referred_total(p, totals, previous, out, (first_tok, sent), scope));
            let Some(total) = total else {
                continue;
            };
            out.breakdowns.push(Breakdown {
                kind: RelationKind::Sum,
                total: p.fig(total),
                parts: items.iter().map(|&q| p.fig(q)).collect(),
                span: p.qs[total]
                    .span
                    .cover(p.qs[*items.last().expect("two or more")].span),
                by_action: false,
                doubt: None,
            });
        }
    }
}

/// The one count of victims in tokens `from..to` (outside parentheses, and not the earlier side
/// of a comparison) that something `refers` to: `First responders referred 130 potential victims
/// (135 in 2029) to the center`.
fn referred_count(
    p: &Para,
    from: usize,
    to: usize,
    refers: impl Fn(usize) -> bool,
    previous: &HashSet<usize>,
) -> Option<usize> {
    let mut counts = (from..to)
        .filter(|&k| p.depth[k] == 0)
        .filter_map(|k| p.count_at(k))
        .filter(|q| !previous.contains(q));
    let (q, more) = (counts.next()?, counts.next());
    let at = p.qs[q].toks.0;
    (more.is_none()
        && p.qs[q].is_exact_count()
        && p.counts_victims(q)
        && (at.saturating_sub(3)..at).any(refers))
    .then_some(q)
}
