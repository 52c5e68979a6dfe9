//! Breakdowns of amounts of money: `allocated 2.5 million som ($29,000) to shelters, including
//! 2 million som ($23,200) for … and 500,000 som ($5,800) for …`.

use super::figures::conversion_of;
use super::*;

impl Extractor<'_, '_> {
    /// An `including` list of amounts after an amount of the same currency in the same clause.
    /// The local amounts and, when each has one, their conversions are read as two breakdowns.
    /// Written amounts are rounded (`2.5 million`, each conversion to its last digit), so a list
    /// is kept only when it adds up exactly, or when every amount is written out exactly (then
    /// each part is checked against the whole).
    pub(super) fn money_lists(&self, p: &Para, out: &mut ChapterClaims) {
        for (i, t) in p.toks.iter().enumerate() {
            if !t.is_word("including") {
                continue;
            }
            let Some(&first) = p.q_at.get(&(i + 1)) else {
                continue;
            };
            let QKind::Money(code) = &p.qs[first].kind else {
                continue;
            };
            let Some(total) = money_before(p, i, code) else {
                continue;
            };
            let Some(items) = money_items(p, first) else {
                continue;
            };
            record(p, total, &items, false, out);
            // The conversions in parentheses after each amount, when all have one.
            if code != "USD"
                && let Some(total_usd) = conversion_of(p, total)
                && let Some(items_usd) = items
                    .iter()
                    .map(|&q| conversion_of(p, q))
                    .collect::<Option<Vec<_>>>()
            {
                record(p, total_usd, &items_usd, true, out);
            }
        }
    }
}

/// The amount of currency `code` that an `including` at token `at` follows: the nearest one
/// before it in the sentence, at the same parenthesis depth, with no `;` between.
fn money_before(p: &Para, at: usize, code: &str) -> Option<usize> {
    let sent = p.sentence[at];
    let depth = p.depth[at];
    let mut k = at;
    while k > 0 && at - k < 30 {
        k -= 1;
        if p.sentence[k] != sent || p.punct(k, ';') {
            return None;
        }
        if p.depth[k] != depth {
            continue;
        }
        if let Some(&q) = p.q_at.get(&k) {
            return match &p.qs[q].kind {
                QKind::Money(c) if c == code => Some(q),
                QKind::Year | QKind::Date => continue,
                _ => None,
            };
        }
    }
    None
}

/// The amounts of the list starting at quantity `first`, of its currency and at its depth, each
/// after `and` or a comma, up to the end of the clause or the first other figure; the last must
/// follow `and` (a closed list).
fn money_items(p: &Para, first: usize) -> Option<Vec<usize>> {
    let start = p.qs[first].toks.0;
    let (sent, depth) = (p.sentence[start], p.depth[start]);
    let mut items = vec![first];
    let mut k = p.qs[first].toks.1;
    while k < p.toks.len() && p.sentence[k] == sent && !p.punct(k, ';') && p.depth[k] >= depth {
        if p.depth[k] == depth
            && let Some(&q) = p.q_at.get(&k)
        {
            let joined = p.is(k.wrapping_sub(1), "and") || p.punct(k.wrapping_sub(1), ',');
            match &p.qs[q].kind {
                kind if *kind == p.qs[first].kind && joined => items.push(q),
                QKind::Year | QKind::Date => {}
                // `…, an increase from 4.7 million KZT`: another statement.
                _ => break,
            }
            k = p.qs[q].toks.1;
            continue;
        }
        if p.is(k, "compared") || p.is(k, "respectively") {
            return None;
        }
        k += 1;
    }
    let last = *items.last().expect("non-empty");
    let closed = p.is(p.qs[last].toks.0.wrapping_sub(1), "and");
    (items.len() >= 2 && closed).then_some(items)
}

/// Record the list as an `including` breakdown when it can be read with confidence. Converted
/// amounts are rounded each on its own, so they are kept only when they add up.
fn record(p: &Para, total: usize, items: &[usize], converted: bool, out: &mut ChapterClaims) {
    let amounts = || std::iter::once(total).chain(items.iter().copied());
    // Parts whose sum is beyond the arithmetic are not read.
    let Some(parts) = sum_of(p, items) else {
        return;
    };
    let adds_up = parts == p.qs[total].value;
    let written_out = !converted
        && amounts().all(|q| {
            let q = &p.qs[q];
            !q.approx && !q.scaled && q.half_last_digit < Decimal::ONE
        });
    if !adds_up && !written_out {
        return;
    }
    let last = *items.last().expect("non-empty");
    out.breakdowns.push(Breakdown {
        kind: RelationKind::Including,
        total: p.fig(total),
        parts: items.iter().map(|&q| p.fig(q)).collect(),
        span: p.qs[total].span.cover(p.qs[last].span),
        by_action: false,
        doubt: None,
    });
}
