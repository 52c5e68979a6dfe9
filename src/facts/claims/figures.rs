//! Figures read one at a time: currency words, house number style, dated events, count lists,
//! statements, conversions and ranges.

use super::*;

impl Extractor<'_, '_> {
    /// The currency words beside the paragraph's amounts: the currency's name after a figure
    /// (`som`, `Kyrgyzstani soms`), or its code before it (`KGS 1,000`).
    pub(super) fn currency_words(&self, p: &Para, out: &mut ChapterClaims) {
        for q in &p.qs {
            let QKind::Money(code) = &q.kind else {
                continue;
            };
            // The amount's own tokens: a word among them that names a currency is its name.
            let names = |t: &&Token| {
                t.kind == TokKind::Word && {
                    let l = p.lower.of(t.span);
                    self.currencies.is_name(l) || code.eq_ignore_ascii_case(l)
                }
            };
            let word = [&p.toks[q.toks.1 - 1], &p.toks[q.toks.0]]
                .into_iter()
                .find(names);
            if let Some(t) = word {
                out.currency_words.push(CurrencyWord {
                    code: code.clone(),
                    amount: q.value,
                    span: t.span,
                });
            }
        }
    }

    /// Counts and durations as written, for house number style.
    pub(super) fn numbers(&self, p: &Para, out: &mut ChapterClaims) {
        for (n, q) in p.qs.iter().enumerate() {
            if !matches!(q.kind, QKind::Count | QKind::Duration(_))
                || q.approx
                || q.value.fract() != Decimal::ZERO
            {
                continue;
            }
            let first = &p.toks[q.toks.0];
            let digits = first.kind == TokKind::Number;
            let opens_sentence = q.toks.0 == 0 || p.sentence[q.toks.0 - 1] != p.sentence[q.toks.0];
            // The other end of a range (`five to 15`, `5-15`, `between 5 and 15`).
            let joined =
                |k: usize| p.is(k, "to") || p.is(k, "and") || p.punct(k, '-') || p.punct(k, '–');
            let partner = [
                (joined(q.toks.1))
                    .then(|| p.q_at.get(&(q.toks.1 + 1)).copied())
                    .flatten(),
                (q.toks.0 >= 2 && joined(q.toks.0 - 1))
                    .then(|| p.q_of[q.toks.0 - 2])
                    .flatten(),
            ];
            let large_partner = partner
                .iter()
                .flatten()
                .any(|&o| o != n && p.qs[o].value >= Decimal::from(10));
            // `a dozen`, `no prosecutions`; `Tier 2` names a tier.
            let idiom = first.is_word("a")
                || first.is_word("no")
                || first.is_word("zero")
                || first.is_word("none")
                || q.toks.0 > 0 && (p.is(q.toks.0 - 1, "tier") || p.is(q.toks.0 - 1, "tiers"))
                // `Article 148 (2)`: a lone figure in parentheses labels a part.
                || q.toks.0 > 0 && p.punct(q.toks.0 - 1, '(') && p.punct(q.toks.1, ')');
            out.numbers.push(NumberUse {
                value: q.value,
                span: q.span,
                digits,
                opens_sentence,
                exempt: large_partner
                    || q.scaled
                    || idiom
                    || !digits && q.toks.1 - q.toks.0 > 1 && !p.punct(q.toks.0 + 1, '-'),
            });
        }
    }

    /// The sentences (by number) that mark a date as outside the period on purpose: those
    /// holding a past marker. Read once per paragraph.
    pub(super) fn past_marked(&self, p: &Para) -> HashSet<usize> {
        let markers = &self.lex.past_markers;
        (0..p.toks.len())
            .filter(|&k| p.word_ref(k).is_some_and(|w| markers.contains(w)))
            .map(|k| p.sentence[k])
            .collect()
    }
    /// `two crisis centers … located in Bishkek and Osh`: a count of places and the places named.
    pub(super) fn count_lists(&self, p: &Para, out: &mut ChapterClaims) {
        let places = &self.lex.places;
        for (n, q) in p.qs.iter().enumerate() {
            if !q.is_exact_count() || q.value < Decimal::from(2) || q.value > Decimal::from(20) {
                continue;
            }
            let np = p.np(n);
            if np.link != Link::Noun || !np.head().is_some_and(|h| places.contains(h)) {
                continue;
            }
            let sent = p.sentence[q.toks.0];
            // `in` within the clause, then capitalised names separated by commas and `and`.
            let mut k = q.toks.1 + np.words.len();
            let limit = k + 14;
            while k < p.toks.len().min(limit) && p.sentence[k] == sent && !p.is(k, "in") {
                if p.punct(k, ';') || p.punct(k, ',') || p.q_at.contains_key(&k) {
                    break;
                }
                k += 1;
            }
            if !p.is(k, "in") {
                continue;
            }
            k += 1;
            let mut items: Vec<Span> = Vec::new();
            let mut current: Option<Span> = None;
            while k < p.toks.len() && p.sentence[k] == sent {
                let t = &p.toks[k];
                let capital = t.kind == TokKind::Word
                    && t.text.chars().next().is_some_and(char::is_uppercase);
                if capital {
                    current = Some(current.map_or(t.span, |c| c.cover(t.span)));
                } else if t.is_punct(',') || t.is_word("and") {
                    if let Some(c) = current.take() {
                        items.push(c);
                    }
                    if t.is_word("and") && items.is_empty() {
                        break;
                    }
                } else {
                    break;
                }
                k += 1;
            }
            if let Some(c) = current {
                items.push(c);
            }
            // Only a list is checked: one name (`in Bishkek`) may hold several places.
            let next_is_lower_clause = p.word_ref(k).is_some();
            if items.len() >= 2
                && !p.punct(k, '(')
                && !(next_is_lower_clause && p.punct(k - 1, ','))
            {
                let span = q.span.cover(*items.last().expect("two or more"));
                out.count_lists.push(CountList {
                    count: p.fig(n),
                    items,
                    span,
                });
            }
        }
    }

    /// `The government identified 66 victims`: actor, action and noun of a sentence's first figure.
    pub(super) fn statements(&self, p: &Para, out: &mut ChapterClaims) {
        let actors = &self.lex.actors;
        let mut seen_sentences = HashSet::default();
        for (n, q) in p.qs.iter().enumerate() {
            let sent = p.sentence[q.toks.0];
            if !seen_sentences.insert(sent) || !q.is_exact_count() {
                continue;
            }
            // The sentence must be about the reporting period: no year, no comparison before it.
            let start = p.sentence_start(q.toks.0);
            let before: Vec<&Token> = p.toks[start..q.toks.0].iter().collect();
            if before.len() > 8
                || before
                    .iter()
                    .any(|t| t.kind == TokKind::Number || t.is_punct(',') || t.is_punct(';'))
            {
                continue;
            }
            let words: Vec<_> = before
                .iter()
                .filter(|t| t.kind == TokKind::Word)
                .map(|t| p.lower.of(t.span))
                .collect();
            let phrase = words.join(" ");
            let Some(actor) = actors
                .iter()
                .filter(|a| phrase.starts_with(a.as_str()))
                .max_by_key(|a| a.len())
            else {
                continue;
            };
            let Some(action) = words.iter().rev().find_map(|w| self.lex.action_of(w)) else {
                continue;
            };
            let np = p.np(n);
            let Some(noun) = np
                .head()
                .filter(|h| np.link == Link::Noun && self.lex.counted.contains(*h))
            else {
                continue;
            };
            // A figure for another year or a part of it is not the period's figure.
            let sentence_has_year = (q.toks.1..p.toks.len())
                .take_while(|&k| p.sentence[k] == sent)
                .any(|k| {
                    p.q_at
                        .get(&k)
                        .is_some_and(|&y| matches!(p.qs[y].kind, QKind::Year | QKind::Date))
                        || p.is(k, "previous")
                        || p.is(k, "prior")
                });
            // `12 victims of forced labor`, `14 cases in the capital`, `10 victims from abroad`: a
            // part of the figure, named after its noun.
            let narrowed = p.word_ref(p.after_np(n)).is_some_and(|w| {
                para::narrowing_preposition(w) || matches!(w, "who" | "whom" | "that")
            });
            let qualified = narrowed
                || words
                    .iter()
                    .any(|w| matches!(*w, "additional" | "another" | "further" | "new" | "also"));
            if sentence_has_year || qualified {
                continue;
            }
            out.statements.push(FigureStatement {
                actor: actor.trim_start_matches("the ").to_string(),
                action: action.to_string(),
                noun: np.words[..np.words.len() - 1]
                    .iter()
                    .copied()
                    .chain(std::iter::once(singular(noun).as_ref()))
                    .collect::<Vec<_>>()
                    .join(" "),
                figure: p.fig(n),
            });
        }
    }

    /// Currency conversions: `4 million som (\$46,000)`, `€1,500 to €12,000 ($1,800 to $14,410)`.
    pub(super) fn conversions(&self, p: &Para, out: &mut ChapterClaims) {
        for (n, q) in p.qs.iter().enumerate() {
            let QKind::Money(code) = &q.kind else {
                continue;
            };
            if code == "USD" {
                continue;
            }
            let after = after_code(p, q.toks.1);
            if p.punct(after, '(') {
                if let Some(u) = conversion_of(p, n) {
                    let usd = &p.qs[u];
                    // `($1,800 to $14,410)` converts a range: paired below, from its low end.
                    // An approximate amount (`approximately 1.8 million pesos ($36,110)`) is kept:
                    // the rule gives it more room and never an error of its own.
                    // `($115-$230)`, `($115 and $230)` too: a converted range, whose low end
                    // this amount is not (`10,000 to 20,000 som ($115-$230)`).
                    let k = usd.toks.1;
                    let joined =
                        p.is(k, "to") || p.is(k, "and") || p.punct(k, '-') || p.punct(k, '–');
                    let converted_range = joined
                        && p.q_at
                            .get(&(k + 1))
                            .is_some_and(|&h| p.qs[h].kind == usd.kind);
                    if !p.is(k, "to") && !converted_range {
                        out.conversions.push(Conversion {
                            currency: code.clone(),
                            local: q.clone(),
                            usd: usd.clone(),
                        });
                    }
                }
                continue;
            }
            // A range of amounts and its converted range.
            if p.is(after, "to")
                && let Some(&hi) = p.q_at.get(&(after + 1))
            {
                let high = &p.qs[hi];
                let close = high.toks.1;
                if high.kind == q.kind && p.punct(close, '(') {
                    let Some(&u1) = p.q_at.get(&(close + 1)) else {
                        continue;
                    };
                    let lo_usd = &p.qs[u1];
                    if !p.is(lo_usd.toks.1, "to") {
                        continue;
                    }
                    let Some(&u2) = p.q_at.get(&(lo_usd.toks.1 + 1)) else {
                        continue;
                    };
                    let hi_usd = &p.qs[u2];
                    let usd = QKind::Money("USD".into());
                    if lo_usd.kind == usd && hi_usd.kind == usd && !lo_usd.approx && !hi_usd.approx
                    {
                        out.conversions.push(Conversion {
                            currency: code.clone(),
                            local: q.clone(),
                            usd: lo_usd.clone(),
                        });
                        out.conversions.push(Conversion {
                            currency: code.clone(),
                            local: high.clone(),
                            usd: hi_usd.clone(),
                        });
                    }
                }
            }
        }
    }

    /// `three to six years`, `between 12 and 18 months`, `€1,500 to €12,000`, `2022-2025`.
    pub(super) fn ranges(&self, p: &Para, out: &mut ChapterClaims) {
        for (n, q) in p.qs.iter().enumerate() {
            if q.approx {
                continue;
            }
            let after = q.toks.1;
            let between = q.toks.0 > 0 && p.is(q.toks.0 - 1, "between");
            let joined = p.is(after, "to")
                || between && p.is(after, "and")
                || p.punct(after, '-')
                || p.punct(after, '–');
            if !joined {
                continue;
            }
            let Some(&h) = p.q_at.get(&(after + 1)) else {
                continue;
            };
            let hq = &p.qs[h];
            if hq.approx || n == h {
                continue;
            }
            // A change (`increased from 6 to 30`) is not a range.
            let before = q
                .toks
                .0
                .checked_sub(1)
                .and_then(|j| p.word_ref(j))
                .unwrap_or_default();
            // `increased from 6 to 30`, `The court reduced the sentence from eight to four
            // years`, `cut from 10 to five years`: a verb of change earlier in the clause makes
            // `from … to …` a change.
            if before == "from" {
                let from = q.toks.0 - 1;
                let changed = (from.saturating_sub(8)..from)
                    .rev()
                    .take_while(|&k| {
                        p.sentence[k] == p.sentence[from] && !p.punct(k, ';') && !p.punct(k, ',')
                    })
                    .filter_map(|k| p.word_ref(k))
                    .any(|w| {
                        self.lex.direction_of(w).is_some()
                            || self.lex.vocab.change_verbs.iter().any(|v| v == w)
                    });
                if changed {
                    continue;
                }
            }
            let ok = match (&q.kind, &hq.kind) {
                (QKind::Count | QKind::Duration(_), QKind::Duration(_)) => true,
                (QKind::Money(a), QKind::Money(b)) => a == b,
                (QKind::Year, QKind::Year) => p.punct(after, '-') || p.punct(after, '–'),
                (QKind::Count, QKind::Age) | (QKind::Age, QKind::Age) => true,
                (QKind::Count, QKind::Count) => {
                    between && {
                        // `between 12 and 18 months`: the unit follows the second figure.
                        p.word_ref(hq.toks.1).is_some_and(|w| {
                            ["years", "months", "days", "weeks", "hours", "percent"].contains(&w)
                        })
                    }
                }
                (QKind::Percent, QKind::Percent) => true,
                _ => false,
            };
            if !ok {
                continue;
            }
            // `14-17 years old`: the first figure's unit is the second's.
            out.ranges.push(RangeClaim {
                low: p.fig(n),
                high: p.fig(h),
                span: q.span.cover(hq.span),
            });
        }
    }
}

/// `April 2022`, `March 3, 2021`: each dated month, with its span.
pub(super) fn dates(p: &Para) -> Vec<DatedEvent> {
    let mut out = Vec::new();
    for (i, t) in p.toks.iter().enumerate() {
        if t.kind != TokKind::Word || !is_month(t.text) {
            continue;
        }
        let month = MONTH_NUMBERS
            .iter()
            .find(|(m, _)| t.text.to_lowercase().starts_with(m))
            .map(|(_, n)| *n);
        let year = (i + 1..(i + 4).min(p.toks.len()))
            .take_while(|&j| p.toks[j].kind == TokKind::Number || p.punct(j, ','))
            .filter(|&j| p.toks[j].kind == TokKind::Number && p.toks[j].text.len() == 4)
            .find_map(|j| p.toks[j].text.parse::<i32>().ok().map(|y| (j, y)))
            .filter(|(_, y)| (1900..=2100).contains(y));
        if let (Some(m), Some((j, y))) = (month, year) {
            out.push(DatedEvent {
                year: y,
                month: m,
                span: t.span.cover(p.toks[j].span),
                sentence: p.sentence_up_to(p.sentence_end(i) - 1),
                marked: false,
            });
        }
    }
    out
}

const MONTH_NUMBERS: &[(&str, u32)] = &[
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("may", 5),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// After a dated figure (`€412,870 ($440,830) in 2021`), the next one joined by `and`
/// (`and €461,500 in 2020`), if it is of the same kind.
pub(super) fn next_dated_figure(p: &Para, q: usize) -> Option<usize> {
    let mut k = p.qs[q].toks.1;
    if p.punct(k, '(') {
        while k < p.toks.len() && !p.punct(k, ')') {
            k += 1;
        }
        k += 1;
    }
    if !p.is(k, "in") || p.year_at(k + 1).is_none() {
        return None;
    }
    k += 2;
    if p.punct(k, ',') {
        k += 1;
    }
    if !p.is(k, "and") {
        return None;
    }
    let next = *p.q_at.get(&(k + 1))?;
    (p.qs[next].kind == p.qs[q].kind && !p.qs[next].approx).then_some(next)
}

/// A count followed by its own year: `eight cases in 2019`.
pub(super) fn year_tagged(p: &Para, q: usize) -> bool {
    p.in_year(p.after_noun(q))
}

/// Does the sentence holding `span` mark its date as outside the period on purpose? `marked`
/// holds the paragraph's marked sentences (`Extractor::past_marked`).
pub(super) fn marked_past(p: &Para, span: Span, marked: &HashSet<usize>) -> bool {
    // Tokens are in text order: the one starting at `span` is found by binary search.
    let at = p.toks.partition_point(|t| t.span.start < span.start);
    match p.toks.get(at) {
        Some(t) if t.span.start == span.start => marked.contains(&p.sentence[at]),
        _ => true,
    }
}

/// The amount in US dollars in parentheses after amount `q` (past a code it defines): its
/// conversion. A parenthesis the sentence never closes was cut off (`($4.4 millio` at the end
/// of an excerpt), and its figure may be too: not read. Its closing `)` is the one that matches
/// it, looked up once: a later parenthesis closed in the sentence does not close this one.
pub(super) fn conversion_of(p: &Para, q: usize) -> Option<usize> {
    let after = after_code(p, p.qs[q].toks.1);
    if !p.punct(after, '(') {
        return None;
    }
    let u = *p.q_at.get(&(after + 1))?;
    let closed = p.closing.get(&after).is_some_and(|&close| {
        p.punct(close, ')') && close >= p.qs[u].toks.1 && close < p.sentence_end(after)
    });
    (closed && p.qs[u].kind == QKind::Money("USD".into())).then_some(u)
}

/// After an amount, past the currency code it defines (`25.97 million tenge (KZT) ($77,918)`):
/// where its conversion would start.
fn after_code(p: &Para, after: usize) -> usize {
    let code = p.toks.get(after + 1).is_some_and(|t| {
        t.kind == TokKind::Word
            && t.text.len() == 3
            && t.text.bytes().all(|b| b.is_ascii_uppercase())
    });
    if p.punct(after, '(') && code && p.punct(after + 2, ')') {
        after + 3
    } else {
        after
    }
}
