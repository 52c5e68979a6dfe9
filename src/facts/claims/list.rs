//! Enumerations of running text (`a …, b … and c …`) and whether their parts count what their
//! total counts.

use super::*;

/// The end of an enumeration, by the shape that opened it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    /// Inside `( … )`: ends at the matching parenthesis.
    Paren,
    /// After a dash: ends at the closing dash or the clause's end.
    Dash,
    /// In running text: ends at a comma or `and` not followed by a figure, or the clause's end.
    Clause,
}

pub(super) struct List {
    pub(super) items: Vec<usize>,
    pub(super) end: usize,
    pub(super) approx: bool,
}

/// Parse `a …, b …, and c …` from token `start`; items start with a count.
pub(super) fn parse_list(p: &Para, start: usize, mode: Mode) -> Option<List> {
    parse_list_of(p, start, mode, |_| true)
}

/// `parse_list` for a reader that wants only items `keep` accepts: none as soon as the list
/// holds another, without reading the rest of it. (A reader that tries a list at each of many
/// figures would otherwise read the rest of a long enumeration from each.)
pub(super) fn parse_list_of(
    p: &Para,
    start: usize,
    mode: Mode,
    keep: impl Fn(usize) -> bool,
) -> Option<List> {
    let first = p.count_at(start).filter(|&q| keep(q))?;
    let sent = p.sentence[start];
    let depth = p.depth[start];
    let mut items = vec![first];
    let mut approx = p.qs[first].approx;
    let mut i = p.qs[first].toks.1;
    let mut year_items = 0usize;
    let mut item_has_year = false;
    while let Some(t) = p.toks.get(i) {
        if p.sentence[i] != sent {
            break;
        }
        if p.depth[i] > depth {
            i += 1;
            continue;
        }
        if t.is_punct('(') || t.is_punct('[') {
            // A group within the list: its tokens are deeper and passed over, all at once (a
            // reader that tries a list at each of many nested groups reads each group once).
            i = p.past_group(i).max(i + 1);
            continue;
        }
        if p.depth[i] < depth {
            // The closing parenthesis of the enclosing group.
            break;
        }
        if let Some(&q) = p.q_at.get(&i) {
            if matches!(p.qs[q].kind, QKind::Year | QKind::Date) {
                item_has_year = true;
            }
            if matches!(p.qs[q].kind, QKind::Money(_)) {
                return None;
            }
        }
        if t.is_punct(';') || t.is_punct(':') || t.is_word("respectively") {
            if t.is_word("respectively") {
                return None;
            }
            break;
        }
        if mode == Mode::Dash && t.is_dash() {
            break;
        }
        if t.is_dash() && !between_figures(p, i) {
            // `18 were … – 17 adult females and one girl – and 47 were …`: an aside between
            // dashes belongs to the item before it, as a parenthesis does; a dash that opens no
            // closed aside ends the list.
            match (i + 1..p.toks.len())
                .take_while(|&k| p.sentence[k] == sent && !p.punct(k, ';'))
                .find(|&k| p.toks[k].is_dash() && !between_figures(p, k))
            {
                Some(close) => {
                    i = close + 1;
                    continue;
                }
                None => break,
            }
        }
        if mode != Mode::Paren && t.is_word("compared") {
            break;
        }
        // `three each in Turkey and Korea`: one figure for several parts; the list cannot be
        // summed.
        if t.is_word("each") && i > 0 && p.q_of[i - 1].is_some() {
            approx = true;
        }
        let separator = t.is_punct(',') || t.is_word("and") || t.is_word("or");
        if separator {
            let mut j = i + 1;
            if p.is(j, "and") || p.is(j, "or") {
                j += 1;
            }
            // `…, and the remaining three were children`, `…, and another two …`
            if p.is(j, "the") && matches!(p.word_ref(j + 1), Some("remaining" | "other")) {
                j += 2;
            } else if matches!(p.word_ref(j), Some("another" | "remaining")) {
                j += 1;
            }
            // (An approximate part, `and at least 30 were children`, is a part too.)
            if let Some(q) = p.count_from(j) {
                // `five children, two of whom were girls`: an aside about the item before, not
                // another part; the list goes on after it, if at all.
                // (A list of such clauses, `12 of whom …, and 20 of whom …`, is a list.)
                if of_whom(p, q) && !of_whom(p, first) {
                    let mut k = p.qs[q].toks.1 + 2;
                    while k < p.toks.len()
                        && p.sentence[k] == sent
                        && p.depth[k] >= depth
                        && !(p.depth[k] == depth
                            && (p.punct(k, ',')
                                || p.punct(k, ';')
                                || mode == Mode::Dash && p.toks[k].is_dash()))
                    {
                        k += 1;
                    }
                    i = k;
                    if p.punct(k, ',') {
                        continue;
                    }
                    break;
                }
                // `…, and eight cases in 2019, including …`: a figure of its own year starts a
                // new statement, not another part.
                // (In parentheses, a year closing the group dates the whole list: `(51 adults
                // and 44 children in 2016)`.)
                if year_tagged(p, q) && !year_tagged(p, first) && !dates_group(p, q, mode) {
                    break;
                }
                if !keep(q) {
                    return None;
                }
                if item_has_year {
                    year_items += 1;
                }
                item_has_year = false;
                items.push(q);
                approx |= p.qs[q].approx;
                i = p.qs[q].toks.1;
                continue;
            }
            // `12 women, seven men, and an unknown number of children`: a part without a figure;
            // inside dashes or parentheses the enumeration is then open.
            if mode != Mode::Clause
                && matches!(
                    p.word_ref(j),
                    Some(
                        "a" | "an"
                            | "several"
                            | "some"
                            | "many"
                            | "few"
                            | "unknown"
                            | "other"
                            | "others"
                            | "various"
                            | "numerous"
                            | "undetermined"
                            | "unspecified"
                            | "undisclosed"
                    )
                )
            {
                approx = true;
            }
            if mode == Mode::Clause && t.is_punct(',') {
                // `16 were …, including one …, and four were …`: an aside about one item.
                if p.is(i + 1, "including") {
                    let mut k = i + 2;
                    while k < p.toks.len()
                        && p.sentence[k] == sent
                        && p.depth[k] >= depth
                        && !(p.depth[k] == depth && (p.punct(k, ',') || p.punct(k, ';')))
                    {
                        k += 1;
                    }
                    if p.punct(k, ',') {
                        i = k;
                        continue;
                    }
                }
                break;
            }
        }
        i += 1;
    }
    if item_has_year {
        year_items += 1;
    }
    if year_items >= 2 {
        return None;
    }
    Some(List {
        items,
        end: i,
        approx,
    })
}

/// `61 were …; 35 …, including 26 …; and 14 …`: a list whose items are separated by semicolons
/// (each may hold commas of its own), the last after `; and`, from `list`, its first item, which
/// ends at the first `;`. Every segment opens with its item's figure.
pub(super) fn semicolon_series(p: &Para, list: &List) -> Option<List> {
    if list.items.len() != 1 || !p.punct(list.end, ';') {
        return None;
    }
    let depth = p.depth[list.end];
    let mut items = list.items.clone();
    let mut approx = list.approx;
    let mut at = list.end;
    loop {
        let last = p.is(at + 1, "and");
        let start = at + 1 + usize::from(last);
        let q = p.count_at(start)?;
        approx |= p.qs[q].approx;
        items.push(q);
        let sent = p.sentence[start];
        let end = (start..p.toks.len())
            .find(|&j| p.sentence[j] != sent || p.depth[j] == depth && p.punct(j, ';'))
            .unwrap_or(p.toks.len());
        if last {
            return Some(List { items, end, approx });
        }
        if !p.punct(end, ';') {
            return None;
        }
        at = end;
    }
}

/// Does the year after figure `q` close a parenthesis (`… and 44 children in 2016)`), dating
/// the group's whole list?
fn dates_group(p: &Para, q: usize, mode: Mode) -> bool {
    mode == Mode::Paren && p.punct(p.after_noun(q) + 2, ')')
}

/// The sum of the figures `items`, or `None` beyond the arithmetic's range.
pub(super) fn sum_of(p: &Para, items: &[usize]) -> Option<Decimal> {
    crate::facts::arith::sum(items.iter().map(|&q| p.qs[q].value))
}

/// The sum of stated figures, or `None` beyond the arithmetic's range.
pub(super) fn sum_of_figs(figs: &[Fig]) -> Option<Decimal> {
    crate::facts::arith::sum(figs.iter().map(|f| f.value))
}

/// A dash between two figures (`2020–2021`, `10–15`) is a range, not a mark of the text.
pub(super) fn between_figures(p: &Para, k: usize) -> bool {
    let figure = |b: usize| p.toks.get(b).is_some_and(|t| t.kind == TokKind::Number);
    k > 0 && figure(k - 1) && figure(k + 1)
}

/// `two of whom`, `four of which`, `ten of them`: a count followed by the clause's reference back.
pub(super) fn of_whom(p: &Para, q: usize) -> bool {
    let after = p.qs[q].toks.1;
    p.is(after, "of") && matches!(p.word_ref(after + 1), Some("whom" | "which" | "them"))
}

/// Are the parts' nouns the total's, or classes of it?
pub(super) fn compatible(lex: &Lexicon, total: &Np, part: &Np) -> bool {
    let Some(head) = total.head() else {
        return false;
    };
    let total_head = singular(head);
    if part.link == Link::Elliptic || part.words.is_empty() {
        return true;
    }
    // `and 15 unknown`: a part whose class is not known.
    if part.words.iter().all(|w| lex.unspecified.contains(*w)) {
        return true;
    }
    if part.words.iter().any(|w| singular(w) == total_head) {
        return true;
    }
    // `45 cases (30 sex trafficking and 15 labor trafficking)`: a form of exploitation alone.
    if part.words.iter().all(|w| lex.exploitation.contains(*w)) {
        return true;
    }
    let person_total = lex.persons.contains(crate::text::lower(head).as_ref());
    if person_total {
        if part.capitalised && part.words.len() <= 3 {
            return true;
        }
        if part.words.iter().any(|w| lex.classes.contains(*w)) {
            return true;
        }
        // `were female`, `were foreign`: a predicate, not a count of something else.
        if part.link == Link::Were && !part.words.iter().any(|w| lex.counted.contains(*w)) {
            return true;
        }
    }
    false
}
