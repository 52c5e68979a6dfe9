//! What a counted part is restricted to (DESIGN §4.1): the values of sex, age, nationality, form
//! of exploitation and status its own words state, and how the parts of one enumeration fall into
//! partitions (parts that differ in one dimension, with values that exclude each other).

use super::*;

/// How far after its figure a part's own words are read.
const PHRASE: usize = 8;

/// The dimensions a list of classes of people may divide its whole along, each with a pair of
/// values that takes in nearly everyone (sex: female, male; age: adult, child).
const COVERING: &[&str] = &["sex", "age"];

/// The restrictions a part's own words state.
#[derive(Debug, Default)]
pub(super) struct Restrictions<'v> {
    /// (dimension, value) pairs, as stated.
    values: Vec<(&'v str, String)>,
    /// The part's class is stated as not known (`four were unspecified`).
    unspecified: bool,
}

impl Restrictions<'_> {
    /// The (dimension, value) pairs stated.
    pub(super) fn pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.values.iter().map(|(d, v)| (*d, v.as_str()))
    }

    /// A part of unknown class (`and four were unspecified`): it closes any partition.
    fn wildcard(&self) -> bool {
        self.unspecified && self.values.is_empty()
    }

    fn read(&self) -> bool {
        !self.values.is_empty() || self.unspecified
    }

    /// Do the two parts state a value of some one dimension each?
    fn shares_dimension(&self, other: &Restrictions) -> bool {
        self.values
            .iter()
            .any(|(dim, _)| other.values.iter().any(|(d, _)| d == dim))
    }

    /// Do the two parts exclude each other: in some dimension both state, different values? (A
    /// part of several values of one dimension, `both sex and labor trafficking`, is a class of
    /// its own beside each alone.)
    fn excludes(&self, other: &Restrictions) -> bool {
        if self.wildcard() || other.wildcard() {
            return true;
        }
        self.values
            .iter()
            .any(|(dim, v)| other.values.iter().any(|(d, w)| d == dim && v != w))
    }
}

/// How the parts of an enumeration fall into partitions of their whole.
pub(super) enum Partitions {
    /// One partition, or parts whose classes were not read (as before: the other checks decide).
    One,
    /// Several partitions written as one list (`22 women and eight men, 19 for forced labor and
    /// 11 for sex trafficking`), in order: each is checked on its own.
    Several(Vec<Vec<usize>>),
    /// Parts whose classes were read overlap, and others were not read: which parts make one
    /// partition cannot be told.
    Unclear,
}

impl<'v> Extractor<'_, 'v> {
    /// The restrictions quantity `q`'s own words state: its words up to the next figure,
    /// punctuation mark or clause word, at its depth in its sentence.
    pub(super) fn restrictions_of(&self, p: &Para, q: usize) -> Restrictions<'v> {
        let lex = self.lex;
        let mut r = Restrictions::default();
        let mut start = p.qs[q].toks.1;
        // `32 of the 71 victims were adults`: the part's class is in the predicate after its
        // whole (the whole's own words restrict every part alike).
        if p.is(start, "of") {
            let at = if p.is(start + 1, "the") {
                start + 2
            } else {
                start + 1
            };
            if let Some(whole) = p.count_at(at) {
                start = p.after_np(whole);
            }
        }
        let Some(&sent) = p.sentence.get(start) else {
            return r;
        };
        let depth = p.depth[p.qs[q].toks.0];
        for k in start..(start + PHRASE).min(p.toks.len()) {
            if p.sentence[k] != sent
                || p.depth[k] != depth
                || p.q_of[k].is_some()
                || p.toks[k].kind != TokKind::Word
            {
                break;
            }
            let Some(w) = p.word_ref(k) else { break };
            if matches!(w, "and" | "or")
                && (p.count_at(k + 1).is_some()
                    || matches!(p.word_ref(k + 1), Some("the" | "another" | "remaining")))
            {
                break;
            }
            if matches!(
                w,
                "who"
                    | "whom"
                    | "which"
                    | "that"
                    | "while"
                    | "whereas"
                    | "but"
                    | "compared"
                    | "including"
            ) {
                break;
            }
            if let Some(pairs) = lex.restrictions.get(w) {
                for &(dim, value) in pairs {
                    if !r.values.iter().any(|(d, v)| *d == dim && v == value) {
                        r.values.push((dim, value.to_string()));
                    }
                }
            }
            r.unspecified |= lex.unspecified.contains(w);
            let capitalised = p.toks[k]
                .text
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            if capitalised && lex.nationalities.contains(w) {
                r.values.push(("nationality", w.to_string()));
            }
        }
        r
    }

    /// Do figure `q`'s own words state a class, known or not (`12 women`, `nine victims of
    /// unspecified forms`)?
    pub(super) fn states_class(&self, p: &Para, q: usize) -> bool {
        self.restrictions_of(p, q).read()
    }

    /// Is part `q` of a class stated as not known (`13 were unknown`): the rest of any partition?
    pub(super) fn of_unknown_class(&self, p: &Para, q: usize) -> bool {
        self.restrictions_of(p, q).wildcard()
    }

    /// Do some of the parts `items` state a class and others state none that can be read? (A
    /// part of unknown class, `four were unspecified`, states one.)
    pub(super) fn classes_in_doubt(&self, p: &Para, items: &[usize]) -> bool {
        let (mut stated, mut unread) = (false, false);
        for &q in items {
            let r = self.restrictions_of(p, q);
            stated |= !r.values.is_empty();
            unread |= !r.read();
        }
        stated && unread
    }

    /// Do the parts `items` divide their whole between them: each a class of people told by sex
    /// and age alone (or a part of unknown class), no two of which overlap, that together take
    /// in every combination of the first two values of each dimension they state (`112 female and
    /// nine male`; `148 girls, 38 boys, and 579 adults`; not `20 women and 10 men`, which leaves
    /// children out, nor `30 women and 12 girls`, which leaves males out)?
    pub(super) fn exhaustive(&self, p: &Para, items: &[usize]) -> bool {
        if items.len() < 2 {
            return false;
        }
        let Some(rs) = self.exclusive(p, items) else {
            return false;
        };
        if rs.iter().any(Restrictions::wildcard) {
            return true;
        }
        let mut dims: Vec<&str> = Vec::new();
        for (dim, _) in rs.iter().flat_map(|r| &r.values) {
            if !COVERING.contains(dim) {
                return false;
            }
            if !dims.contains(dim) {
                dims.push(dim);
            }
        }
        let Some(pairs) = dims
            .iter()
            .map(|&d| self.lex.value_pair(d).map(|(a, b)| (d, [a, b])))
            .collect::<Option<Vec<_>>>()
        else {
            return false;
        };
        // Every cell of the table the dimensions make (at most four: sex by age).
        (0..1usize << pairs.len()).all(|cell| {
            rs.iter().any(|r| {
                pairs.iter().enumerate().all(|(bit, (dim, values))| {
                    let value = values[(cell >> bit) & 1];
                    let stated: Vec<&str> = r
                        .values
                        .iter()
                        .filter(|(d, _)| d == dim)
                        .map(|(_, v)| v.as_str())
                        .collect();
                    stated.is_empty() || stated.contains(&value)
                })
            })
        })
    }

    /// The restrictions of parts `items` when each states its class and no two overlap (`79 were
    /// potential victims and 26 official victims`): one partition of their whole.
    pub(super) fn exclusive(&self, p: &Para, items: &[usize]) -> Option<Vec<Restrictions<'v>>> {
        let rs: Vec<Restrictions> = items.iter().map(|&q| self.restrictions_of(p, q)).collect();
        if rs.iter().any(|r| !r.read()) {
            return None;
        }
        for (i, a) in rs.iter().enumerate() {
            if rs[i + 1..].iter().any(|b| !a.excludes(b)) {
                return None;
            }
        }
        Some(rs)
    }

    /// How the parts `items` fall into partitions. A part joins the partition before it when it
    /// excludes each of its parts; otherwise it starts another. A list in which no two parts
    /// exclude each other is no set of partitions: one list, as before, when its parts state
    /// values of one dimension (`1 adults, 1 adults, …`), none when they state classes of
    /// different dimensions that may overlap.
    pub(super) fn partitions(&self, p: &Para, items: &[usize]) -> Partitions {
        let rs: Vec<Restrictions> = items.iter().map(|&q| self.restrictions_of(p, q)).collect();
        if rs.iter().any(|r| !r.read()) {
            // Whether the parts read exclude each other, pairwise. (Those kept exclude each
            // other, so are distinct classes: few, whatever the list's length.)
            let mut kept: Vec<&Restrictions> = Vec::new();
            for r in rs.iter().filter(|r| r.read() && !r.wildcard()) {
                if !kept.iter().all(|k| k.excludes(r)) {
                    return Partitions::Unclear;
                }
                kept.push(r);
            }
            return Partitions::One;
        }
        // Each run's parts, and its parts of a known class (pairwise exclusive, so few).
        let mut runs: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
        for (i, r) in rs.iter().enumerate() {
            match runs.last_mut() {
                Some((run, classes)) if classes.iter().all(|&j| rs[j].excludes(r)) => {
                    run.push(i);
                    if !r.wildcard() {
                        classes.push(i);
                    }
                }
                _ => runs.push((vec![i], if r.wildcard() { vec![] } else { vec![i] })),
            }
        }
        if runs.len() == 1 {
            return Partitions::One;
        }
        if runs.iter().all(|(run, _)| run.len() == 1) {
            // Parts of classes in different dimensions (`12 were children and 10 were Narnian`)
            // may overlap: no partition.
            let split = rs.iter().enumerate().any(|(i, a)| {
                rs[i + 1..]
                    .iter()
                    .any(|b| !a.wildcard() && !b.wildcard() && !a.shares_dimension(b))
            });
            return if split {
                Partitions::Unclear
            } else {
                Partitions::One
            };
        }
        Partitions::Several(
            runs.into_iter()
                .map(|(run, _)| run.into_iter().map(|i| items[i]).collect())
                .collect(),
        )
    }
}
