//! Percentages as relations: a percentage stated with its count, of a whole the sentence names
//! (`36 of the 150 victims (24 percent)`, `150 victims, including 36 children (24 percent)`,
//! `Of the 150 victims, 24 percent (36) were children`), and lists of percentages of one whole
//! that state every part of it (`78 percent were female and 22 percent male`).
//!
//! Nothing is read on a guess: a pair whose whole the text does not name, and a list whose parts
//! may overlap or leave a rest, are not claims.

use super::comparisons::stated_percent;
use super::*;

/// A count and the percentage stated with it, before their whole is known.
struct Pair {
    count: usize,
    percent: usize,
    /// The whole, when the pair itself names it (`36 of the 150 victims (24 percent)`).
    whole: Option<usize>,
    /// The pair's first token and the token after it.
    from: usize,
    to: usize,
}

impl Extractor<'_, '_> {
    /// The percentages of paragraph `p` stated with their count and whole, and its closed lists
    /// of percentages. `read_before`: the number of breakdowns read before this paragraph's
    /// (the paragraph's own breakdowns name the whole a part's percentage is of).
    pub(super) fn percents(&self, p: &Para, read_before: usize, out: &mut ChapterClaims) {
        if !p.qs.iter().any(|q| q.kind == QKind::Percent) {
            return;
        }
        let pairs: Vec<Pair> = (0..p.qs.len())
            .filter(|&i| p.qs[i].kind == QKind::Percent)
            .filter_map(|i| count_then_percent(p, i).or_else(|| percent_then_count(p, i)))
            .collect();
        let paired: HashSet<usize> = pairs.iter().map(|x| x.count).collect();
        // Each part of the paragraph's breakdowns → the totals it is a part of.
        let mut totals: HashMap<Span, Vec<Fig>> = HashMap::default();
        for b in out.breakdowns.get(read_before..).unwrap_or_default() {
            for part in &b.parts {
                totals.entry(part.span).or_default().push(b.total);
            }
        }
        let mut read = Vec::new();
        for pair in &pairs {
            let whole = pair
                .whole
                .or_else(|| whole_of_part(p, &totals, pair.count))
                .or_else(|| self.whole_of_anchor(p, pair, &paired))
                .or_else(|| whole_of_whom(p, pair));
            let Some(whole) = whole else { continue };
            let (c, w) = (&p.qs[pair.count], &p.qs[whole]);
            if w.kind != QKind::Count || w.value <= Decimal::ZERO || whole == pair.count {
                continue;
            }
            let percent = stated_percent(&p.qs[pair.percent]);
            read.push(PercentOf {
                percent,
                count: p.fig(pair.count),
                whole: p.fig(whole),
                approx_figures: c.approx || c.scaled || w.approx || w.scaled,
                span: c.span.cover(percent.span).cover(w.span),
            });
        }
        out.percents.extend(read);
        self.percent_lists(p, out);
    }

    /// `Of the 150 victims identified, 24 percent (36) were children …`: the whole an anchor at
    /// the start of the pair's sentence names, when every count between it and the pair is
    /// itself stated with a percentage (the other parts of the same whole).
    fn whole_of_anchor(&self, p: &Para, pair: &Pair, paired: &HashSet<usize>) -> Option<usize> {
        let start = p.sentence_start(pair.from);
        if !(p.is(start, "of") || p.is(start, "among")) {
            return None;
        }
        let records::Anchor {
            total, explicit, ..
        } = self.anchor(p, start, &[])?;
        let after = p.qs[total].toks.1;
        // Within a few lines of the anchor (a reader walks no further back).
        if !explicit || after > pair.from || pair.from - after > 80 {
            return None;
        }
        let clean = (after..pair.from).all(|k| {
            !p.punct(k, ';')
                && p.q_of[k].is_none_or(|q| {
                    matches!(p.qs[q].kind, QKind::Percent | QKind::Year) || paired.contains(&q)
                })
        });
        clean.then_some(total)
    }
}

/// The token after a percentage's `percent`, `%` or `per cent`.
fn after_percent(p: &Para, q: usize) -> Option<usize> {
    let k = p.qs[q].toks.1;
    if p.is(k, "percent") || p.punct(k, '%') {
        Some(k + 1)
    } else if p.is(k, "per") && p.is(k + 1, "cent") {
        Some(k + 2)
    } else {
        None
    }
}

/// `36 victims (24 percent)`, `157 (48 percent)`, `36 of the 150 victims (24 percent)`: a count
/// whose words run up to a parenthesis holding only the percentage `q`.
fn count_then_percent(p: &Para, q: usize) -> Option<Pair> {
    let close = after_percent(p, q)?;
    if !p.punct(close, ')') {
        return None;
    }
    // Only an approximation between the parenthesis and the figure.
    let open = p.approx_start(q).checked_sub(1)?;
    if !p.punct(open, '(') {
        return None;
    }
    // The nearest figure before, with only words (at most seven) between it and the parenthesis.
    let mut k = open;
    let before = loop {
        k = k.checked_sub(1)?;
        if let Some(c) = p.q_of[k] {
            break c;
        }
        if p.word_ref(k).is_none() || open - k > 7 || p.sentence[k] != p.sentence[open] {
            return None;
        }
    };
    if p.qs[before].kind != QKind::Count {
        return None;
    }
    // `36 of the 150 victims`, `36 out of 150 victims`: the count and its whole.
    let mut b = p.qs[before].toks.0;
    if b > 0 && p.is(b - 1, "the") {
        b -= 1;
    }
    if b > 0 && p.is(b - 1, "of") {
        b -= 1;
        if b > 0 && p.is(b - 1, "out") {
            b -= 1;
        }
        let part = p.q_of[b.checked_sub(1)?]?;
        if p.qs[part].kind != QKind::Count || p.qs[part].toks.1 != b {
            return None;
        }
        return Some(Pair {
            count: part,
            percent: q,
            whole: Some(before),
            from: p.qs[part].toks.0,
            to: close + 1,
        });
    }
    Some(Pair {
        count: before,
        percent: q,
        whole: None,
        from: p.qs[before].toks.0,
        to: close + 1,
    })
}

/// `24 percent (36 victims)`, `24 percent (36)`: a parenthesis right after the percentage `q`
/// holding only a count and its noun.
fn percent_then_count(p: &Para, q: usize) -> Option<Pair> {
    let open = after_percent(p, q)?;
    if !p.punct(open, '(') {
        return None;
    }
    let count = p
        .q_from(open + 1)
        .filter(|&c| p.qs[c].kind == QKind::Count)?;
    let close = *p.closing.get(&open)?;
    let words = p.qs[count].toks.1..close;
    if words.len() > 6
        || words.clone().any(|k| {
            p.word_ref(k)
                .is_none_or(|w| matches!(w, "in" | "during" | "from" | "since" | "than"))
        })
    {
        return None;
    }
    let from = p.approx_start(q);
    Some(Pair {
        count,
        percent: q,
        whole: None,
        from,
        to: close + 1,
    })
}

/// The total of the paragraph's breakdowns that list the count as a part, when they agree on
/// it (`150 victims, including 36 children (24 percent)`); `totals`: each part's totals.
fn whole_of_part(p: &Para, totals: &HashMap<Span, Vec<Fig>>, count: usize) -> Option<usize> {
    let found = totals.get(&p.qs[count].span)?;
    let first = *found.first()?;
    if found.iter().any(|t| t.value != first.value) {
        return None;
    }
    // The quantities are in order of position: a search, not a scan.
    let at = p.qs.partition_point(|q| q.span.start < first.span.start);
    p.qs.get(at).filter(|q| q.span == first.span).map(|_| at)
}

/// `150 victims, 36 (24 percent) of whom were children`: the figure right before the pair, when
/// `of whom` or `of them` follows it.
fn whole_of_whom(p: &Para, pair: &Pair) -> Option<usize> {
    if !(p.is(pair.to, "of") && matches!(p.word_ref(pair.to + 1), Some("whom" | "them"))) {
        return None;
    }
    let comma = pair.from.checked_sub(1).filter(|&k| p.punct(k, ','))?;
    let whole = p.count_before(comma, 8)?;
    let np_end = p.after_np(whole);
    (np_end <= comma && (np_end..comma).all(|k| p.word_ref(k).is_some())).then_some(whole)
}

/// What a part of a list of percentages is: a class of people (its (dimension, value) pairs,
/// `girls`: female, child), or the rest.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Part<'v> {
    Value(Vec<(&'v str, &'v str)>),
    Rest,
}

/// The dimensions a list by sex is read beside (`women, men, and children`).
const SEX: &str = "sex";
const AGE: &str = "age";

/// The words naming the whole a part is of (`the victims`).
type Whole<'w> = &'w [&'w str];

/// The values of a class of people word `w` states that are one of the first two of their
/// dimension (`women`: female, adult); `None` when it names a further value (`transgender`).
fn paired_values<'v>(lex: &Lexicon<'v>, w: &str) -> Option<Vec<(&'v str, &'v str)>> {
    lex.people_values(w)
        .map(|(dim, v)| {
            lex.value_pair(dim)
                .filter(|&(a, b)| v == a || v == b)
                .map(|_| (dim, v))
        })
        .collect()
}

/// Words that make a part the rest of the whole (`with their gender unspecified`, `others`, a
/// further value of a dimension: `transgender`).
fn rest_word(lex: &Lexicon, w: &str) -> bool {
    lex.unspecified.contains(w)
        || matches!(w, "other" | "others")
        || paired_values(lex, w).is_none()
}

/// Does word `w` name a class of people, or a rest?
fn names_a_class(lex: &Lexicon, w: &str) -> bool {
    lex.people_values(w).next().is_some() || rest_word(lex, w)
}

impl<'v> Extractor<'_, 'v> {
    /// The part a list item's words name, if they name exactly one (`were female`; `did not
    /// have their gender specified`), and the whole it names before the verb (`of the victims
    /// were female`: `the victims`). A part `of` a group with a value (`24 percent of women`) is
    /// a share of another whole, not a part of this one.
    fn part_of<'w>(&self, words: &'w [&'w str]) -> Option<(Part<'v>, Option<Whole<'w>>)> {
        let lex = self.lex;
        let (whole, words) = match words.split_first() {
            Some((&"of", after)) => {
                let verb = after
                    .iter()
                    .position(|w| matches!(*w, "were" | "was" | "are" | "is"))?;
                let (whole, told) = after.split_at(verb);
                if whole.iter().any(|w| names_a_class(lex, w)) {
                    return None;
                }
                (Some(whole), told)
            }
            _ => (None, words),
        };
        if words.contains(&"of") {
            return None;
        }
        let negated = words.iter().any(|w| matches!(*w, "not" | "no" | "non"));
        let mut values: Vec<(&'v str, &'v str)> = Vec::new();
        for w in words {
            for (dim, v) in paired_values(lex, w).unwrap_or_default() {
                match values.iter().find(|(d, _)| *d == dim) {
                    Some(&(_, known)) if known != v => return None,
                    Some(_) => {}
                    None => values.push((dim, v)),
                }
            }
        }
        let rest = words.iter().any(|w| rest_word(lex, w))
            || negated
                && words.iter().any(|w| {
                    ["specif", "known", "report", "record", "identif", "determin"]
                        .iter()
                        .any(|s| w.starts_with(s))
                });
        let part = match (values.is_empty(), rest, negated) {
            (false, false, false) => Part::Value(values),
            (true, true, _) => Part::Rest,
            _ => return None,
        };
        Some((part, whole))
    }
}

/// The dimension two classes of people differ in, when they differ in exactly one and state the
/// same values of the others (`girls`, `boys`: sex; `women`, `children`: none).
fn differing<'v>(a: &[(&'v str, &'v str)], b: &[(&'v str, &'v str)]) -> Option<&'v str> {
    if a.len() != b.len() {
        return None;
    }
    let mut dims = a.iter().filter(|x| !b.contains(x)).map(|(d, _)| *d);
    let dim = dims.next()?;
    (dims.next().is_none() && b.iter().any(|(d, _)| *d == dim)).then_some(dim)
}

/// Words that end a list of percentages (`…, compared to …`, `…, while 67 percent …`).
fn ends_list(w: &str) -> bool {
    matches!(
        w,
        "while" | "whereas" | "compared" | "but" | "respectively" | "although" | "though" | "than"
    )
}

/// Words in the rest of a sentence that say a list of percentages leaves someone out.
fn names_a_rest(w: &str) -> bool {
    matches!(w, "rest" | "remaining" | "remainder" | "others" | "other")
}

/// The tokens of a paragraph holding words of one kind, in order, to count those in a range.
struct Marks(Vec<usize>);

impl Marks {
    fn of(p: &Para, kind: impl Fn(&str) -> bool) -> Marks {
        Marks(
            (0..p.toks.len())
                .filter(|&k| p.word_ref(k).is_some_and(&kind))
                .collect(),
        )
    }
    fn within(&self, r: std::ops::Range<usize>) -> usize {
        self.0.partition_point(|&k| k < r.end) - self.0.partition_point(|&k| k < r.start)
    }
}

impl Extractor<'_, '_> {
    /// Lists of percentages joined by commas and `and`, each naming one part of one whole
    /// (`78 percent were female and 22 percent male, and 3 percent with their gender
    /// unspecified`), that state every part: both values of one dimension, and perhaps a rest.
    fn percent_lists(&self, p: &Para, out: &mut ChapterClaims) {
        let lex = self.lex;
        let mut used: HashSet<usize> = HashSet::default();
        // Read once, when a list needs them.
        let (mut rest, mut young) = (None, None);
        for first in 0..p.qs.len() {
            if p.qs[first].kind != QKind::Percent || used.contains(&first) {
                continue;
            }
            // Every percentage the walk reached belongs to this list, closed or not: it starts
            // no other (so a long list is walked once).
            let (reached, list) = percent_list(p, lex, first);
            used.extend(first..=reached);
            let Some(list) = list else {
                continue;
            };
            let parts: Option<Vec<(Part, Option<Whole>)>> =
                list.items.iter().map(|(_, w)| self.part_of(w)).collect();
            let Some(parts) = parts else { continue };
            // The parts that name their whole name the same one.
            let mut wholes = parts.iter().filter_map(|(_, whole)| *whole);
            if let Some(first_whole) = wholes.next()
                && wholes.any(|w| w != first_whole)
            {
                continue;
            }
            let values: Vec<&[(&str, &str)]> = parts
                .iter()
                .filter_map(|(x, _)| match x {
                    Part::Value(v) => Some(v.as_slice()),
                    Part::Rest => None,
                })
                .collect();
            // Two classes, differing in one dimension: its two values.
            let [a, b] = values.as_slice() else {
                continue;
            };
            let Some(dimension) = differing(a, b) else {
                continue;
            };
            // The rest of the sentence must not name a part the list leaves out.
            let sentence = p.sentence_start(p.qs[first].toks.0)..p.sentence_end(p.qs[first].toks.0);
            let in_list = list.from..list.to;
            let outside =
                |marks: &Marks| marks.within(sentence.clone()) > marks.within(in_list.clone());
            let rest = rest.get_or_insert_with(|| Marks::of(p, names_a_rest));
            // In the report's usage `women, men, and children` are three groups: a list by sex
            // whose parts are not children leaves out the children the sentence names.
            let children = lex.value_pair(AGE).map(|(_, young)| (AGE, young));
            let of_children =
                |w: &str| children.is_some_and(|c| lex.people_values(w).any(|x| x == c));
            let leaves_children = dimension == SEX
                && !children.is_some_and(|c| a.contains(&c))
                && outside(young.get_or_insert_with(|| Marks::of(p, of_children)));
            if outside(rest) || leaves_children {
                continue;
            }
            let last = list.items.last().map_or(first, |(q, _)| *q);
            out.percent_parts.push(PercentParts {
                parts: list
                    .items
                    .iter()
                    .map(|(q, _)| stated_percent(&p.qs[*q]))
                    .collect(),
                span: p.qs[first].span.cover(p.qs[last].span),
            });
        }
    }
}

/// A list of percentages and the words of each part.
struct PercentList<'t> {
    items: Vec<(usize, Vec<&'t str>)>,
    from: usize,
    to: usize,
}

/// The percentage that starts a list item at token `k`, with its approximation.
fn percent_at(p: &Para, k: usize) -> Option<usize> {
    p.q_from(k).filter(|&q| p.qs[q].kind == QKind::Percent)
}

/// The closed list of percentages starting at percentage `first`: two or more, the last after
/// `and`, all at one depth of one clause, with no other figure among them or right after them,
/// and each part told by words that say what it is. Also the last percentage the walk reached.
fn percent_list<'t>(
    p: &Para<'t, '_>,
    lex: &Lexicon,
    first: usize,
) -> (usize, Option<PercentList<'t>>) {
    let start = p.qs[first].toks.0;
    let (sent, depth) = (p.sentence[start], p.depth[start]);
    let mut items = Vec::new();
    let mut current = first;
    let mut last_after_and = false;
    let end = loop {
        let Some(mut k) = after_percent(p, current) else {
            return (current, None);
        };
        let mut words = Vec::new();
        let mut next = None;
        while k < p.toks.len() && p.sentence[k] == sent && p.depth[k] == depth {
            // `in 2021`: the year the list is of.
            if p.in_year(k)
                && let Some(year) = p.year_at(k + 1)
            {
                k = p.qs[year].toks.1;
                continue;
            }
            if p.q_at.contains_key(&k) {
                // Another figure inside an item: not a plain list.
                return (current, None);
            }
            if p.is(k, "and") {
                if let Some(q) = percent_at(p, k + 1) {
                    next = Some((q, true));
                    break;
                }
                return (current, None);
            }
            if p.punct(k, ',') {
                let and = p.is(k + 1, "and");
                let at = if and { k + 2 } else { k + 1 };
                if let Some(q) = percent_at(p, at) {
                    next = Some((q, and));
                } else if p.count_at(at).is_some() {
                    // `…, and five potential victims were transgender`: a part that is no
                    // percentage.
                    return (current, None);
                }
                break;
            }
            match p.word_ref(k) {
                Some(w) if ends_list(w) => break,
                // Only words saying what the part is (`were female`, `with their gender
                // unspecified`): a place, an action or a time may make it a share of another
                // whole (`60 percent were women in the capital`).
                Some(w) if telling(p, lex, w) => words.push(w),
                Some(_) => return (current, None),
                None => break,
            }
            k += 1;
        }
        items.push((current, words));
        match next {
            Some((q, and)) => {
                current = q;
                last_after_and = and;
            }
            None => break k,
        }
    };
    let closed = items.len() >= 2 && last_after_and;
    (
        current,
        closed.then_some(PercentList {
            items,
            from: start,
            to: end,
        }),
    )
}

/// A word that may tell what a part of a list of percentages is: a value of a dimension, a rest,
/// a counted noun (`adult victims`), or a word of the predicate that says it.
fn telling(p: &Para, lex: &Lexicon, w: &str) -> bool {
    names_a_class(lex, w)
        || p.counted.contains(w)
        || matches!(
            w,
            "were"
                | "was"
                | "are"
                | "is"
                | "been"
                | "being"
                | "identified"
                | "reported"
                | "recorded"
                | "as"
                | "with"
                | "their"
                | "whose"
                | "gender"
                | "sex"
                | "age"
                | "nationality"
                | "citizenship"
                | "origin"
                | "status"
                | "did"
                | "does"
                | "do"
                | "not"
                | "no"
                | "have"
                | "had"
                | "has"
                | "specified"
                | "known"
                | "determined"
                | "of"
                | "the"
                | "these"
                | "those"
                | "them"
                | "whom"
                | "all"
        )
}
