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
            let named = p.counted_head(part).is_some();
            if !named && !alone_in_clause(p, whole) {
                continue;
            }
            if named && !compatible(self.lex, p.np(whole), p.np(part)) {
                continue;
            }
            self.subset(p, whole, part, out);
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
