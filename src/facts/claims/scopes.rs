//! The scope of a single figure: the whole it is part of, when the text attaches it to that
//! whole (DESIGN §4.1: `including`, right after the whole, between commas, dashes or in
//! parentheses). `81 victims, including 14 minors`; `212 cases (including 17 cases
//! carried over from earlier years)`. A list of several parts is a breakdown, read elsewhere; a
//! single part is a subset of its whole (part ≤ whole).

use super::*;

impl Extractor<'_, '_> {
    /// Every single figure `including` attaches to the figure before it, as a subset.
    pub(super) fn single_inclusions(&self, p: &Para, first: usize, out: &mut ChapterClaims) {
        let read: HashSet<Span> = out.breakdowns[first..]
            .iter()
            .flat_map(|b| b.parts.iter().map(|f| f.span))
            .collect();
        let mut found = Vec::new();
        for k in 1..p.toks.len() {
            if !p.is(k, "including") {
                continue;
            }
            let opener = k - 1;
            let attached = p.punct(opener, ',') || p.punct(opener, '(') || p.toks[opener].is_dash();
            let Some(part) = p.count_at(k + 1) else {
                continue;
            };
            if !attached || read.contains(&p.qs[part].span) || !single(p, part) {
                continue;
            }
            let Some(whole) = whole_before(p, opener) else {
                continue;
            };
            // A part that names nothing it counts (`10 for forced labor`) may belong to any
            // figure of its clause (`18 traffickers in six cases, including 10 …`): read only
            // when the whole is the clause's one count.
            let named = p.np(part).head().is_some_and(|h| p.counted.contains(h));
            if !named && !alone_in_clause(p, whole) {
                continue;
            }
            // A part that names what it counts counts what the whole counts (`95 victims,
            // including 26 victims of forced labor`), or a class of the people the whole counts
            // (`including 14 minors`): `10 victims, including 12 traffickers` is no part.
            if named && !self.counts_within(p, part, whole) {
                continue;
            }
            let (w, q) = (&p.qs[whole], &p.qs[part]);
            if !w.is_exact_count() || !q.is_exact_count() {
                continue;
            }
            found.push(Breakdown {
                kind: RelationKind::Subset,
                total: p.fig(whole),
                parts: vec![p.fig(part)],
                span: w.span.cover(q.span),
                by_action: false,
                doubt: None,
            });
        }
        out.breakdowns.extend(found);
    }

    /// Does figure `part` count what figure `whole` counts, or a class of the people it counts?
    fn counts_within(&self, p: &Para, part: usize, whole: usize) -> bool {
        let head = |q: usize| p.np(q).head().map(singular);
        let (Some(ph), Some(wh)) = (head(part), head(whole)) else {
            return false;
        };
        let plural = |q: usize| p.np(q).head().unwrap_or_default();
        ph == wh
            || (self.lex.classes.contains(plural(part)) && self.lex.persons.contains(plural(whole)))
    }
}

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

/// The figure whose noun phrase (and what qualifies it: `of sex trafficking`, `in 2030`,
/// `identified`) ends right before token `at`: words and quotation marks only between, at most
/// eight, at the same depth of parentheses and in the same sentence. It must count something
/// named (`81 victims`, `212 cases`).
fn whole_before(p: &Para, at: usize) -> Option<usize> {
    let sent = p.sentence[at];
    let depth = p.depth[at];
    let mut k = at;
    for _ in 0..10 {
        k = k.checked_sub(1)?;
        if p.sentence[k] != sent || p.depth[k] != depth {
            return None;
        }
        if let Some(q) = p.q_of[k] {
            let kind = &p.qs[q].kind;
            if matches!(kind, QKind::Year) {
                continue;
            }
            let named = p.np(q).head().is_some_and(|h| p.counted.contains(h));
            let reaches = p.after_np(q) <= at;
            return (*kind == QKind::Count && named && reaches).then_some(q);
        }
        let word_or_quote = p.word_ref(k).is_some()
            || p.toks[k].kind == TokKind::Punct
                && matches!(p.toks[k].text, "\"" | "“" | "”" | "'" | "‘" | "’");
        if !word_or_quote {
            return None;
        }
    }
    None
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
