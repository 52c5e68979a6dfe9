//! Claims: the relations a chapter's text asserts between its figures.
//!
//! Read once per paragraph from its tokens and quantities: breakdowns (closed enumerations whose
//! parts must sum to their total), splits (a second breakdown of an earlier total), subsets
//! (part ≤ whole), comparisons (a figure against an earlier one, with the direction word that
//! describes it), intro summaries (`identified fewer victims`), currency conversions, ranges,
//! and the tier statements. A relation that cannot be read with confidence is not recorded.

use crate::facts::quantity::{CurrencyNames, QKind, Quantity, is_month, scan};
use crate::facts::token::{TokKind, Token, tokenize};
use crate::parse::heading::tier as tier_grammar;
use crate::parse::{Report, SectionKind, Tier};
use crate::source::Span;
use crate::vocab::Vocabulary;
use rayon::prelude::*;
use rust_decimal::Decimal;
// Fast hashing for the many small look-ups (words, token indices); no untrusted keys to defend.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// A stated figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fig {
    pub value: Decimal,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RelationKind {
    /// A closed enumeration: the parts sum to the total.
    Sum,
    /// A second enumeration of an earlier total: the parts sum to it.
    Split,
    /// An `including` list: the parts are a subset; they sum to the total only if they say so.
    Including,
    /// `N of the M`: part ≤ whole.
    Subset,
}

#[derive(Debug, Clone)]
pub struct Breakdown {
    pub kind: RelationKind,
    pub total: Fig,
    pub parts: Vec<Fig>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    Up,
    Down,
}

impl Direction {
    pub fn word(self) -> &'static str {
        match self {
            Direction::Up => "an increase",
            Direction::Down => "a decrease",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Comparison {
    pub current: Fig,
    pub previous: Fig,
    /// The direction word attached to this comparison in its own sentence, if any.
    pub direction: Option<(Direction, Span)>,
    /// What the figure measures (`prosecute`), from the verb or noun next to it.
    pub action: Option<String>,
    pub noun: Option<String>,
    pub money: bool,
    pub section: SectionKind,
    pub span: Span,
}

/// An introduction's summary of a trend: `investigating and prosecuting more trafficking cases`.
#[derive(Debug, Clone)]
pub struct Summary {
    pub direction: Direction,
    pub direction_span: Span,
    pub actions: Vec<String>,
    pub noun: Option<String>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Conversion {
    pub currency: String,
    pub local: Quantity,
    pub usd: Quantity,
}

#[derive(Debug, Clone)]
pub struct RangeClaim {
    pub low: Fig,
    pub high: Fig,
    pub span: Span,
}

/// What the intro's standards sentence implies about the tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standards {
    FullyMeets,
    MakingEfforts,
    NotMakingEfforts,
}

impl Standards {
    pub fn allows(self, tier: Tier) -> bool {
        match self {
            Standards::FullyMeets => tier == Tier::Tier1,
            Standards::MakingEfforts => matches!(tier, Tier::Tier2 | Tier::Tier2WatchList),
            Standards::NotMakingEfforts => tier == Tier::Tier3,
        }
    }
    pub fn describe(self) -> &'static str {
        match self {
            Standards::FullyMeets => "fully meets the minimum standards (Tier 1)",
            Standards::MakingEfforts => {
                "does not fully meet the minimum standards but is making significant efforts (Tier 2 or Tier 2 Watch List)"
            }
            Standards::NotMakingEfforts => {
                "does not fully meet the minimum standards and is not making significant efforts (Tier 3)"
            }
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct TierClaims {
    pub heading: Option<(Tier, Span)>,
    pub standards: Option<(Standards, Span)>,
    pub statements: Vec<(Tier, Span)>,
}

#[derive(Debug, Clone, Default)]
pub struct ChapterClaims {
    pub span: Span,
    /// Every word of the chapter's paragraphs, in order, with its lower-case form when that
    /// differs (the tokens are read here once; word-level rules reuse them).
    pub words: Vec<WordUse>,
    pub breakdowns: Vec<Breakdown>,
    pub comparisons: Vec<Comparison>,
    pub summaries: Vec<Summary>,
    pub conversions: Vec<Conversion>,
    pub ranges: Vec<RangeClaim>,
    pub tier: TierClaims,
    /// Every dated month mentioned, as (year, month), for guessing the edition.
    pub dates: Vec<(i32, u32)>,
    /// Every year mentioned on its own (not the end of a range), for guessing the edition when
    /// no month is dated.
    pub years: Vec<i32>,
    /// Dated events (`In April 2022, …`), for the reporting period.
    pub dated: Vec<DatedEvent>,
    /// A count and the places listed for it (`two shelters in Bishkek and Osh`).
    pub count_lists: Vec<CountList>,
    /// Figures stated as who did what (`The government identified 66 victims`).
    pub statements: Vec<FigureStatement>,
    /// Every count and duration, as written, for house number style.
    pub numbers: Vec<NumberUse>,
    /// Every currency written as a word or code beside an amount (`som` in `4 million som`,
    /// `KGS` in `KGS 1,000`); symbols (`$`) are not words and are left out.
    pub currency_words: Vec<CurrencyWord>,
}

/// A currency named beside an amount.
#[derive(Debug, Clone)]
pub struct CurrencyWord {
    /// The currency's code (`KGS`).
    pub code: String,
    /// The amount it follows or precedes.
    pub amount: Decimal,
    /// The currency's word as written (`soms`).
    pub span: Span,
}

/// A word of the text: where it is, and its lower-case form if that differs from the text.
#[derive(Debug, Clone)]
pub struct WordUse {
    pub span: Span,
    pub lower: Option<String>,
}

/// How a count was written.
#[derive(Debug, Clone)]
pub struct NumberUse {
    pub value: Decimal,
    pub span: Span,
    /// Written in digits (`7`), not words (`seven`).
    pub digits: bool,
    /// The first word of its sentence.
    pub opens_sentence: bool,
    /// Part of a range whose other end is 10 or more (`five to 15 years`), or of a figure with a
    /// scale word (`4 million`), or idiomatic (`a dozen`): exempt from house style.
    pub exempt: bool,
}

#[derive(Debug, Clone)]
pub struct DatedEvent {
    pub year: i32,
    pub month: u32,
    pub span: Span,
    /// The sentence says the event lies outside the period on purpose (`previously`, `until`).
    pub marked: bool,
}

#[derive(Debug, Clone)]
pub struct CountList {
    pub count: Fig,
    pub items: Vec<Span>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct FigureStatement {
    /// `the government`, `civil society` …
    pub actor: String,
    /// `identify`, `investigate` …
    pub action: String,
    /// The counted noun, singular (`victim`).
    pub noun: String,
    pub figure: Fig,
}

#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub chapters: Vec<ChapterClaims>,
}

/// The vocabulary, prepared for fast look-ups.
pub struct Lexicon<'v> {
    pub vocab: &'v Vocabulary,
    counted: HashSet<String>,
    persons: HashSet<String>,
    classes: HashSet<String>,
    directions: HashMap<String, Direction>,
    places: HashSet<String>,
    past_markers: HashSet<String>,
    actors: Vec<String>,
}

impl<'v> Lexicon<'v> {
    pub fn new(vocab: &'v Vocabulary) -> Self {
        let lower = |v: &[String]| v.iter().map(|s| s.to_lowercase()).collect::<HashSet<_>>();
        let mut directions = HashMap::default();
        for d in &vocab.directions {
            let dir = if d.direction == "down" {
                Direction::Down
            } else {
                Direction::Up
            };
            for w in &d.words {
                directions.insert(w.to_lowercase(), dir);
            }
        }
        Lexicon {
            vocab,
            counted: vocab.counted_noun_set(),
            persons: lower(&vocab.person_nouns),
            classes: lower(&vocab.person_classes),
            directions,
            places: lower(&vocab.place_nouns),
            past_markers: lower(&vocab.past_markers),
            actors: vocab.actors.iter().map(|a| a.to_lowercase()).collect(),
        }
    }

    pub fn action_of(&self, word: &str) -> Option<&'v str> {
        let l = word.to_lowercase();
        self.vocab
            .actions
            .iter()
            .find(|a| a.stems.iter().any(|s| l.starts_with(s.as_str())))
            .map(|a| a.name.as_str())
    }

    fn direction_of(&self, word: &str) -> Option<Direction> {
        self.directions.get(&word.to_lowercase()).copied()
    }
}

/// The singular of a counted noun, for comparing heads (`victims` = `victim`).
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
struct Complements {
    all_but: Vec<AllBut>,
    all_of: Vec<AllOf>,
}

impl Complements {
    /// Each `All but N … from P` with the first later `All M P-ian victims identified`: M + N is
    /// the total.
    fn link(self, out: &mut ChapterClaims) {
        for a in &self.all_but {
            let Some(b) = self.all_of.iter().find(|b| {
                b.count.span.start > a.excluded.span.start && same_people(&a.place, &b.demonym)
            }) else {
                continue;
            };
            out.breakdowns.push(Breakdown {
                kind: RelationKind::Sum,
                total: a.total,
                parts: vec![b.count, a.excluded],
                span: a.total.span.cover(b.count.span),
            });
        }
    }
}

/// Whether a nationality names a place's people (`Narnian` and `Narnia`): they share a stem of
/// five letters or more (or the whole of a shorter name).
fn same_people(place: &str, demonym: &str) -> bool {
    let (place, demonym) = (place.to_lowercase(), demonym.to_lowercase());
    let common = place
        .chars()
        .zip(demonym.chars())
        .take_while(|(a, b)| a == b)
        .count();
    common >= place.chars().count().min(5)
}

pub fn singular(word: &str) -> String {
    let w = word.to_lowercase();
    match w.as_str() {
        "children" => "child".into(),
        "women" => "woman".into(),
        "men" => "man".into(),
        "people" => "person".into(),
        _ => {
            if let Some(s) = w.strip_suffix("ies") {
                format!("{s}y")
            } else if w.ends_with("ss") {
                w
            } else {
                w.strip_suffix('s').map(str::to_string).unwrap_or(w)
            }
        }
    }
}

/// How a counted figure connects to the words after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Link {
    /// `30 victims`
    Noun,
    /// `48 were Kyrgyzstani`
    Were,
    /// `two for sex trafficking`, `three of forced labor`, `five to forced labor`
    Elliptic,
}

#[derive(Debug, Clone)]
struct Np {
    link: Link,
    words: Vec<String>,
    /// First word as written, to see capitals (nationalities).
    capitalised: bool,
}

impl Np {
    fn head(&self) -> Option<&str> {
        self.words.last().map(String::as_str)
    }
}

const NP_STOP: &[&str] = &[
    "of",
    "out",
    "for",
    "in",
    "from",
    "to",
    "with",
    "by",
    "at",
    "on",
    "under",
    "between",
    "during",
    "including",
    "compared",
    "and",
    "or",
    "were",
    "was",
    "are",
    "is",
    "who",
    "which",
    "that",
    "whom",
    "whose",
    "as",
    "into",
    "through",
    "while",
    "but",
    "than",
    "per",
    "each",
    "since",
    "after",
    "before",
    "against",
    "the",
    "a",
    "an",
    "this",
    "these",
    "those",
    "it",
    "they",
    "he",
    "she",
    "had",
    "have",
    "has",
    "did",
    "not",
    "also",
    "all",
    "its",
    "their",
];

/// One paragraph's tokens and quantities, and the indexes the patterns need.
struct Para<'t, 'a> {
    toks: &'t [Token<'a>],
    /// Each word token in lower case (borrowed when it already is).
    lower: Vec<Option<std::borrow::Cow<'a, str>>>,
    counted: &'t HashSet<String>,
    qs: Vec<Quantity>,
    /// Token index → the quantity starting there.
    q_at: TokenMap,
    /// Token index → the quantity covering it.
    q_of: Vec<Option<usize>>,
    /// The noun phrase after each quantity, read once.
    nps: Vec<Np>,
    /// Token index → sentence number.
    sentence: Vec<usize>,
    /// Token index → parenthesis depth (after the token for `(`, before it for `)`).
    depth: Vec<i32>,
}

impl<'t, 'a> Para<'t, 'a> {
    fn new(
        toks: &'t [Token<'a>],
        counted: &'t HashSet<String>,
        qs: Vec<Quantity>,
        sentences: &[Span],
    ) -> Self {
        let mut q_at = TokenMap(vec![None; toks.len()]);
        let mut q_of = vec![None; toks.len()];
        for (n, q) in qs.iter().enumerate() {
            if let Some(slot) = q_at.0.get_mut(q.toks.0) {
                *slot = Some(n);
            }
            for slot in q_of.iter_mut().take(q.toks.1).skip(q.toks.0) {
                *slot = Some(n);
            }
        }
        // Sentences and tokens are both in order: one pass maps each token to its sentence.
        let mut sentence = Vec::with_capacity(toks.len());
        let mut s = 0;
        for t in toks {
            while s < sentences.len() && sentences[s].end <= t.span.start {
                s += 1;
            }
            sentence.push(if s < sentences.len() && sentences[s].contains(t.span) {
                s
            } else {
                usize::MAX
            });
        }
        let mut depth = Vec::with_capacity(toks.len());
        let mut d = 0;
        for t in toks {
            if t.is_punct(')') || t.is_punct(']') {
                d -= 1;
            }
            depth.push(d);
            if t.is_punct('(') || t.is_punct('[') {
                d += 1;
            }
        }
        let lower = toks
            .iter()
            .map(|t| {
                (t.kind == TokKind::Word).then(|| {
                    if t.text.is_ascii() && !t.text.bytes().any(|b| b.is_ascii_uppercase()) {
                        std::borrow::Cow::Borrowed(t.text)
                    } else if t.text.is_ascii() {
                        std::borrow::Cow::Owned(t.text.to_ascii_lowercase())
                    } else if t.text.chars().any(char::is_uppercase) {
                        std::borrow::Cow::Owned(t.text.to_lowercase())
                    } else {
                        std::borrow::Cow::Borrowed(t.text)
                    }
                })
            })
            .collect();
        let mut para = Para {
            toks,
            lower,
            counted,
            qs,
            q_at,
            q_of,
            sentence,
            depth,
            nps: Vec::new(),
        };
        para.nps = (0..para.qs.len()).map(|q| para.read_np(q)).collect();
        para
    }

    /// The lower-case word at `i`, without allocating.
    fn word_ref(&self, i: usize) -> Option<&str> {
        self.lower.get(i).and_then(|w| w.as_deref())
    }

    fn is(&self, i: usize, w: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_word(w))
    }

    fn punct(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_punct(c))
    }

    /// The quantity starting at token `i`, if it is a count.
    fn count_at(&self, i: usize) -> Option<usize> {
        self.q_at
            .get(&i)
            .copied()
            .filter(|&q| self.qs[q].kind == QKind::Count)
    }

    fn fig(&self, q: usize) -> Fig {
        Fig {
            value: self.qs[q].value,
            span: self.qs[q].span,
        }
    }

    /// The noun phrase after a count.
    fn np(&self, q: usize) -> &Np {
        &self.nps[q]
    }

    fn read_np(&self, q: usize) -> Np {
        let mut j = self.qs[q].toks.1;
        let mut link = Link::Noun;
        if ["were", "was", "are", "is"].iter().any(|w| self.is(j, w)) {
            link = Link::Were;
            j += 1;
            // `were subjected to forced labor`, `were exploited in …`: the kind of exploitation.
            if self.is(j, "subjected") || self.is(j, "exploited") || self.is(j, "identified") {
                return Np {
                    link: Link::Elliptic,
                    words: Vec::new(),
                    capitalised: false,
                };
            }
        } else if ["for", "of", "to", "in", "from"]
            .iter()
            .any(|w| self.is(j, w))
        {
            return Np {
                link: Link::Elliptic,
                words: Vec::new(),
                capitalised: false,
            };
        }
        let mut words = Vec::new();
        let capitalised = self.toks.get(j).is_some_and(|t| {
            t.kind == TokKind::Word && t.text.chars().next().is_some_and(char::is_uppercase)
        });
        while let Some(w) = self.word_ref(j) {
            if NP_STOP.contains(&w) || self.q_at.contains_key(&j) || words.len() >= 6 {
                break;
            }
            words.push(w.to_string());
            j += 1;
        }
        // `24 victims identified`: the phrase ends at its counted noun.
        if let Some(last) = words.iter().rposition(|w| self.counted.contains(w)) {
            words.truncate(last + 1);
        }
        Np {
            link,
            words,
            capitalised,
        }
    }

    /// Does the noun phrase of quantity `q` end at most `gap` words before token `at`? (A list
    /// after a dash or colon belongs to the figure whose noun phrase it follows.)
    fn ends_near(&self, q: usize, at: usize, gap: usize) -> bool {
        let end = self.qs[q].toks.1 + self.nps[q].words.len();
        end <= at && at - end <= gap && (end..at).all(|k| self.word_ref(k).is_some())
    }

    /// The nearest exact count before token `before`, in the same sentence and at the same
    /// parenthesis depth, with no other count, `;` or opening parenthesis between.
    fn count_before(&self, before: usize, max_gap: usize) -> Option<usize> {
        let sent = *self.sentence.get(before)?;
        let depth = self.depth[before];
        let mut i = before;
        while i > 0 && before - i <= max_gap {
            i -= 1;
            if self.sentence[i] != sent || self.punct(i, ';') {
                return None;
            }
            if self.depth[i] != depth {
                continue;
            }
            if let Some(q) = self.q_of[i] {
                // `10 investigations in 2016 (…)`: the year qualifies the total.
                if matches!(self.qs[q].kind, QKind::Year | QKind::Date) {
                    continue;
                }
                return (self.qs[q].kind == QKind::Count).then_some(q);
            }
        }
        None
    }
}

/// The end of an enumeration, by the shape that opened it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Inside `( … )`: ends at the matching parenthesis.
    Paren,
    /// After a dash: ends at the closing dash or the clause's end.
    Dash,
    /// In running text: ends at a comma or `and` not followed by a figure, or the clause's end.
    Clause,
}

struct List {
    items: Vec<usize>,
    end: usize,
    approx: bool,
}

/// Parse `a …, b …, and c …` from token `start`; items start with a count.
fn parse_list(p: &Para, start: usize, mode: Mode) -> Option<List> {
    let first = p.count_at(start)?;
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
        if mode != Mode::Paren && t.is_word("compared") {
            break;
        }
        let separator = t.is_punct(',') || t.is_word("and") || t.is_word("or");
        if separator {
            let mut j = i + 1;
            if p.is(j, "and") || p.is(j, "or") {
                j += 1;
            }
            if let Some(q) = p.count_at(j) {
                // `…, and eight cases in 2019, including …`: a figure of its own year starts a
                // new statement, not another part.
                if year_tagged(p, q) && !year_tagged(p, first) {
                    break;
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
            if mode == Mode::Clause && t.is_punct(',') {
                // `16 were …, including one …, and four were …`: an aside about one item.
                if p.is(i + 1, "including") {
                    let mut k = i + 2;
                    while k < p.toks.len()
                        && p.sentence[k] == sent
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

/// Are the parts' nouns the total's, or classes of it?
fn compatible(lex: &Lexicon, total: &Np, part: &Np) -> bool {
    let Some(head) = total.head() else {
        return false;
    };
    let total_head = singular(head);
    if part.link == Link::Elliptic || part.words.is_empty() {
        return true;
    }
    if part.words.iter().any(|w| singular(w) == total_head) {
        return true;
    }
    let person_total = lex.persons.contains(&head.to_lowercase());
    if person_total {
        if part.capitalised && part.words.len() <= 3 {
            return true;
        }
        if part.words.iter().any(|w| lex.classes.contains(w)) {
            return true;
        }
        // `were female`, `were foreign`: a predicate, not a count of something else.
        if part.link == Link::Were && !part.words.iter().any(|w| lex.counted.contains(w)) {
            return true;
        }
    }
    false
}

struct Extractor<'l, 'v> {
    lex: &'l Lexicon<'v>,
    currencies: CurrencyNames<'v>,
}

/// Extract every chapter's claims.
pub fn extract(text: &str, report: &Report, lex: &Lexicon) -> Facts {
    let ex = Extractor {
        lex,
        currencies: CurrencyNames::new(lex.vocab),
    };
    Facts {
        // Chapters are independent: read them in parallel (in order).
        chapters: report
            .chapters
            .par_iter()
            .map(|c| ex.chapter(text, c))
            .collect(),
    }
}

impl<'l, 'v> Extractor<'l, 'v> {
    fn chapter(&self, text: &str, chapter: &crate::parse::Chapter) -> ChapterClaims {
        let mut out = ChapterClaims {
            span: chapter.span,
            ..Default::default()
        };
        if let Some(h) = &chapter.heading
            && let (Some(t), Some(span)) = (h.tier, h.tier_span)
        {
            out.tier.heading = Some((t, span));
        }
        let mut complements = Complements::default();
        for section in &chapter.sections {
            for paragraph in &section.paragraphs {
                let toks = tokenize(text, paragraph.span);
                let qs = scan(&toks, &self.currencies, &self.lex.counted);
                let sentences: Vec<Span> = paragraph.sentences.iter().map(|s| s.span).collect();
                let p = Para::new(&toks, &self.lex.counted, qs, &sentences);
                out.words
                    .extend(p.toks.iter().zip(&p.lower).filter_map(|(t, l)| {
                        l.as_ref().map(|l| WordUse {
                            span: t.span,
                            lower: matches!(l, std::borrow::Cow::Owned(_)).then(|| l.to_string()),
                        })
                    }));
                let dated = dates(&p);
                out.dates.extend(dated.iter().map(|d| (d.year, d.month)));
                out.dated.extend(dated.into_iter().map(|mut d| {
                    d.marked = self.marked_past(&p, d.span);
                    d
                }));
                out.years.extend(
                    p.qs.iter()
                        .filter(|q| q.kind == QKind::Year)
                        .filter(|q| {
                            q.toks.0 == 0
                                || !(p.punct(q.toks.0 - 1, '-') || p.punct(q.toks.0 - 1, '–'))
                        })
                        .filter_map(|q| rust_decimal::prelude::ToPrimitive::to_i32(&q.value)),
                );
                self.numbers(&p, &mut out);
                self.currency_words(&p, &mut out);
                self.count_lists(&p, &mut out);
                self.statements(&p, &mut out);
                self.relations(&p, section.kind, &mut out, &mut complements);
                self.conversions(&p, &mut out);
                self.ranges(&p, &mut out);
                if section.kind == SectionKind::Intro {
                    self.summaries(&p, &mut out);
                }
                if section.kind == SectionKind::Intro {
                    self.tier(text, &p, &mut out);
                }
            }
        }
        complements.link(&mut out);
        out
    }

    /// Breakdowns, splits, subsets and comparisons of one paragraph.
    fn relations(
        &self,
        p: &Para,
        section: SectionKind,
        out: &mut ChapterClaims,
        complements: &mut Complements,
    ) {
        let lex = self.lex;
        let mut parts_used: HashSet<usize> = HashSet::default();
        let mut previous_values: HashSet<usize> = HashSet::default();
        // Totals in paragraph order: (quantity, sentence).
        let mut totals: Vec<usize> = Vec::new();
        let mut sentence_total: Option<(usize, usize)> = None; // (sentence, quantity)
        // The total the sentence's enumerations are about (set by a dash, colon, comma or
        // `Of …` enumeration, not by a nested parenthesis).
        let mut sentence_anchor: Option<(usize, usize)> = None;
        // Figures given for a past year in parentheses: (year, quantity).
        let mut year_figures: Vec<(Decimal, usize)> = Vec::new();
        let mut consumed = 0usize;
        let n = p.toks.len();
        let is_total = |q: usize, np: &Np| {
            p.qs[q].is_exact_count()
                && np.link == Link::Noun
                && np.head().is_some_and(|h| lex.counted.contains(h))
        };
        let mut i = 0;
        while i < n {
            let sent = p.sentence[i];
            if sentence_total.is_some_and(|(s, _)| s != sent) {
                sentence_total = None;
            }
            // A comparison's earlier figure is not a total anything refers back to.
            if let Some(&q) = p.q_at.get(&i)
                && (p.qs[q].kind == QKind::Count || matches!(p.qs[q].kind, QKind::Money(_)))
            {
                self.comparison(p, q, i, section, &parts_used, &mut previous_values, out);
            }
            if sentence_anchor.is_some_and(|(s, _)| s != sent) {
                sentence_anchor = None;
            }
            // A count that counts something: a total others may refer back to.
            if let Some(q) = p.count_at(i) {
                let np = p.np(q);
                if !parts_used.contains(&q) && !previous_values.contains(&q) && is_total(q, np) {
                    totals.push(q);
                    sentence_total = Some((sent, q));
                }
            }
            let t = &p.toks[i];
            // (b) `18 sex trafficking victims (17 adult females and one girl)`; a breakdown
            // tagged with a year (`(eight … and five … in 2017)`) is of that year's figure.
            if t.is_punct('(') && p.count_at(i + 1).is_some() {
                if let Some(list) = parse_list(p, i + 1, Mode::Paren) {
                    let closes = p.punct(list.end, ')');
                    let tagged_year = (list.end >= 2 && p.is(list.end - 2, "in"))
                        .then(|| {
                            p.q_at
                                .get(&(list.end - 1))
                                .filter(|&&y| p.qs[y].kind == QKind::Year)
                                .map(|&y| p.qs[y].value)
                        })
                        .flatten();
                    if closes && list.items.len() >= 2 {
                        let total = match tagged_year {
                            Some(year) => year_figures
                                .iter()
                                .rev()
                                .find(|(y, _)| *y == year)
                                .map(|&(_, q)| q),
                            None => p.count_before(i, 25),
                        };
                        if let Some(total) = total {
                            let np = p.np(total);
                            let counts_something =
                                np.head().is_some_and(|h| lex.counted.contains(h))
                                    || np.link == Link::Were
                                    || tagged_year.is_some();
                            if p.qs[total].is_exact_count() && counts_something {
                                self.closed(
                                    p,
                                    total,
                                    &list,
                                    RelationKind::Sum,
                                    out,
                                    &mut parts_used,
                                );
                            }
                        }
                    }
                }
                // `(13 in 2017)`: remember the year's figure.
                if let Some(&q) = p.q_at.get(&(i + 1)) {
                    let k = p.qs[q].toks.1;
                    if p.qs[q].is_exact_count()
                        && p.is(k, "in")
                        && p.punct(k + 2, ')')
                        && let Some(&y) = p
                            .q_at
                            .get(&(k + 1))
                            .filter(|&&y| p.qs[y].kind == QKind::Year)
                    {
                        year_figures.push((p.qs[y].value, q));
                    }
                }
            }
            // `All were foreign citizens, including five men and two women`: the latest total.
            let sentence_start = i == 0 || p.sentence[i - 1] != sent;
            if sentence_start && t.is_word("all") && (p.is(i + 1, "were") || p.is(i + 1, "of")) {
                let mut k = i + 2;
                while k < p.toks.len() && p.sentence[k] == sent && !p.punct(k, ',') && k < i + 10 {
                    k += 1;
                }
                if p.punct(k, ',')
                    && p.is(k + 1, "including")
                    && p.count_at(k + 2).is_some()
                    && let (Some(&total), Some(list)) =
                        (totals.last(), parse_list(p, k + 2, Mode::Clause))
                {
                    self.including(p, total, &list, out, &mut parts_used);
                    consumed = list.end;
                }
            }
            if i < consumed {
                i += 1;
                continue;
            }
            // (a) `66 victims – 18 …, 47 …, and one …`
            if t.is_dash()
                && p.count_at(i + 1).is_some()
                && let Some(total) = p
                    .count_before(i, 6)
                    .filter(|&q| is_total(q, p.np(q)) && p.ends_near(q, i, 2))
                && let Some(list) = parse_list(p, i + 1, Mode::Dash)
                && self.closed(p, total, &list, RelationKind::Sum, out, &mut parts_used)
            {
                sentence_anchor = Some((sent, total));
                consumed = list.end;
            }
            // (c) `30 cases: 20 … and 10 …`
            if t.is_punct(':')
                && p.count_at(i + 1).is_some()
                && let Some(total) = p
                    .count_before(i, 6)
                    .filter(|&q| is_total(q, p.np(q)) && p.ends_near(q, i, 1))
                && let Some(list) = parse_list(p, i + 1, Mode::Clause)
            {
                if self.closed(p, total, &list, RelationKind::Sum, out, &mut parts_used) {
                    sentence_anchor = Some((sent, total));
                }
                consumed = list.end;
            }
            // (d) `Of the 24 victims identified, 21 were … and three were …`; `Of these, …`
            let clause_start = i == 0 || p.sentence[i - 1] != sent || p.punct(i - 1, ';');
            if clause_start
                && (t.is_word("of") || t.is_word("among"))
                && let Some((total, list_start, explicit)) = self.anchor(p, i, &totals)
            {
                sentence_anchor = Some((sent, total));
                if let Some(list) = list_start.and_then(|k| parse_list(p, k, Mode::Clause)) {
                    let np = p.np(list.items[0]);
                    let kind = if explicit {
                        RelationKind::Sum
                    } else {
                        RelationKind::Split
                    };
                    if list.items.len() >= 2 && (np.link != Link::Noun || explicit) {
                        self.closed_clause(p, total, &list, kind, out, &mut parts_used);
                    } else if list.items.len() == 1 && np.link == Link::Were {
                        self.subset(p, total, list.items[0], out);
                        parts_used.insert(list.items[0]);
                    }
                    consumed = list.end;
                }
            }
            if t.is_punct('(') {
                self.paren_previous(p, i, section, &mut previous_values, out);
            }
            // `Of these, four were … and two were …, which included four women, one man, …`
            if t.is_word("which")
                && (p.is(i + 1, "included") || p.is(i + 1, "includes") || p.is(i + 1, "include"))
                && p.count_at(i + 2).is_some()
                && let (Some((_, total)), Some(list)) =
                    (sentence_anchor, parse_list(p, i + 2, Mode::Clause))
            {
                self.including(p, total, &list, out, &mut parts_used);
                consumed = list.end;
            }
            // `1,839 victims, of whom 1,422 were females and 410 were children`
            if t.is_word("of")
                && p.is(i + 1, "whom")
                && p.count_at(i + 2).is_some()
                && let (Some((_, total)), Some(list)) =
                    (sentence_total, parse_list(p, i + 2, Mode::Clause))
            {
                self.including(p, total, &list, out, &mut parts_used);
                consumed = list.end;
            }
            // (g) `; 48 were Kyrgyzstani and 18 were foreign nationals`
            if t.is_punct(';') && p.depth[i] == 0 {
                let mut first = if p.is(i + 1, "and") { i + 2 } else { i + 1 };
                // `; there were 20 women, seven boys, and two girls`
                let there_were = p.is(first, "there") && p.is(first + 1, "were");
                if there_were {
                    first += 2;
                }
                if let (Some(q), Some((_, total))) =
                    (p.count_at(first), sentence_anchor.or(sentence_total))
                    && (p.np(q).link == Link::Were || there_were)
                    && let Some(list) = parse_list(p, first, Mode::Clause)
                    && list.items.len() >= 2
                {
                    self.closed_clause(p, total, &list, RelationKind::Split, out, &mut parts_used);
                    consumed = list.end;
                }
            }
            if let Some(q) = p.count_at(i) {
                let np = p.np(q);
                // (e) `three defendants, two for sex trafficking and one for labor trafficking`
                if is_total(q, np) && !parts_used.contains(&q) {
                    let after = p.qs[q].toks.1 + np.words.len();
                    if p.punct(after, ',')
                        && p.count_at(after + 1).is_some()
                        && let Some(list) = parse_list(p, after + 1, Mode::Clause)
                    {
                        let elliptic = list.items.iter().all(|&x| p.np(x).link == Link::Elliptic);
                        if list.items.len() >= 2
                            && elliptic
                            && self.closed(p, q, &list, RelationKind::Sum, out, &mut parts_used)
                        {
                            sentence_anchor = Some((sent, q));
                            consumed = list.end;
                        }
                    }
                    // (f) `six cases, including one … and five …`
                    let mut k = after;
                    // `40 cases in 2020, including …`
                    if (p.is(k, "in") || p.is(k, "during"))
                        && p.q_at
                            .get(&(k + 1))
                            .is_some_and(|&y| p.qs[y].kind == QKind::Year)
                    {
                        k += 2;
                    }
                    if p.punct(k, ',') {
                        k += 1;
                    }
                    if p.is(k, "including")
                        && p.count_at(k + 1).is_some()
                        && let Some(list) = parse_list(p, k + 1, Mode::Clause)
                    {
                        self.including(p, q, &list, out, &mut parts_used);
                        consumed = list.end;
                    }
                }
                // (h) `135 agencies out of the 160`, `21 of the 50 victims`
                let mut k = p.qs[q].toks.1
                    + if np.link == Link::Noun {
                        np.words.len()
                    } else {
                        0
                    };
                let out_of = p.is(k, "out");
                if out_of {
                    k += 1;
                }
                // `out of (the) M` or `of the M`: a bare `of` (`2,000 bytes of one section`)
                // relates different things.
                if p.is(k, "of") && (out_of || p.is(k + 1, "the")) {
                    let mut j = k + 1;
                    if p.is(j, "the") {
                        j += 1;
                    }
                    if let Some(whole) = p.count_at(j)
                        && p.qs[whole].is_exact_count()
                        && p.qs[q].is_exact_count()
                    {
                        // When both figures name what they count, it must be the same thing.
                        let same_thing = match (np.link, np.head(), p.np(whole).head()) {
                            (Link::Noun, Some(a), Some(b)) => singular(a) == singular(b),
                            _ => true,
                        };
                        if same_thing {
                            self.subset(p, whole, q, out);
                            parts_used.insert(q);
                        }
                    }
                }
            }
            i += 1;
        }
        self.referrals(p, &totals, &parts_used, &previous_values, out);
        self.complements(p, &totals, &parts_used, &previous_values, out, complements);
        self.this_compared(p, section, out);
    }

    /// `Police initiated four investigations and continued six. This compared with initiating
    /// one investigation and continuing eight during the previous reporting period.`: each
    /// figure of the `This compared with` sentence is the earlier value of the figure of the
    /// sentence before that counts the same thing, done the same way (`initiating` and
    /// `initiated`). `This was a decrease from 20 in 2021.` states a direction too. A figure with
    /// no match, or with two, is left alone.
    fn this_compared(&self, p: &Para, section: SectionKind, out: &mut ChapterClaims) {
        let n = p.toks.len();
        for start in 1..n {
            let sent = p.sentence[start];
            if p.sentence[start - 1] == sent || !(p.is(start, "this") || p.is(start, "these")) {
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
                    || p.word_ref(k)
                        .is_some_and(|w| w.ends_with("ly") || w == "significant")
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
            let before = p.sentence[start - 1];
            let first_before = (0..start)
                .rev()
                .take_while(|&k| p.sentence[k] == before)
                .last()
                .unwrap_or(start);
            let counts_before: Vec<usize> = (first_before..start)
                .filter(|&k| p.depth[k] == 0)
                .filter_map(|k| p.count_at(k))
                .filter(|&q| p.qs[q].is_exact_count())
                .collect();
            let head = |q: usize| p.np(q).head().map(singular);
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
                // The gerund before it (`initiating one investigation`), if any; a figure right
                // after `with` or `from` compares with whatever counts the same thing.
                let stem = p
                    .word_ref(j - 1)
                    .and_then(|w| w.strip_suffix("ing"))
                    .filter(|s| s.len() >= 4);
                if stem.is_none() && j != first {
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
                let np = p.np(current);
                let action = np
                    .words
                    .iter()
                    .rev()
                    .find_map(|w| self.lex.action_of(w))
                    .or_else(|| {
                        let at = p.qs[current].toks.0;
                        (at.saturating_sub(5)..at)
                            .rev()
                            .find_map(|k| p.word_ref(k).and_then(|w| self.lex.action_of(w)))
                    });
                out.comparisons.push(Comparison {
                    current: p.fig(current),
                    previous: p.fig(prev),
                    direction,
                    action: action.map(str::to_string),
                    noun: head(current),
                    money: false,
                    section,
                    span: p.qs[current].span.cover(p.qs[prev].span),
                });
                if direction.is_some() {
                    break;
                }
            }
        }
    }

    /// `All but N of the identified victims were from P` (and, after a semicolon, the victims
    /// from elsewhere it leaves: `the government identified two victims from A and one victim
    /// from B`), and `All M P-ian victims identified …`.
    fn complements(
        &self,
        p: &Para,
        totals: &[usize],
        parts: &HashSet<usize>,
        previous: &HashSet<usize>,
        out: &mut ChapterClaims,
        complements: &mut Complements,
    ) {
        let n = p.toks.len();
        let is_victims = |q: usize| p.np(q).words.iter().any(|w| singular(w) == "victim");
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
                && is_victims(q)
            {
                let after = p.qs[q].toks.1 + 2;
                if (after..after + 3).any(|j| in_sentence(j) && p.is(j, "identified")) {
                    complements.all_of.push(AllOf {
                        count: p.fig(q),
                        demonym: p.np(q).words[0].clone(),
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
            let place: Vec<&str> = (were + 2..n)
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
            let total = totals.iter().rev().copied().find(|&t| {
                let at = p.qs[t].toks.0;
                at < k
                    && p.sentence[at].saturating_add(2) >= sent
                    && is_victims(t)
                    && !previous.contains(&t)
                    && !restates_part(p, t, out)
            });
            if let Some(total) = total {
                complements.all_but.push(AllBut {
                    total: p.fig(total),
                    excluded: p.fig(q),
                    place: place.join(" "),
                });
            }
            // `; the government identified two victims from A, …, and one victim from B`
            let after_place = were + 2 + place.len();
            if p.punct(after_place, ';') {
                let others: Vec<usize> = (after_place + 1..n)
                    .take_while(|&j| in_sentence(j))
                    .filter(|&j| p.depth[j] == 0)
                    .filter_map(|j| p.count_at(j))
                    .collect();
                let from_places = others.iter().all(|&o| {
                    let end = p.qs[o].toks.1 + p.np(o).words.len();
                    p.qs[o].is_exact_count()
                        && !parts.contains(&o)
                        && is_victims(o)
                        && p.is(end, "from")
                });
                if others.len() >= 2 && from_places {
                    out.breakdowns.push(Breakdown {
                        kind: RelationKind::Sum,
                        total: p.fig(q),
                        parts: others.iter().map(|&o| p.fig(o)).collect(),
                        span: p.qs[q].span.cover(p.qs[*others.last().expect("two")].span),
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
    fn referrals(
        &self,
        p: &Para,
        totals: &[usize],
        parts: &HashSet<usize>,
        previous: &HashSet<usize>,
        out: &mut ChapterClaims,
    ) {
        let n = p.toks.len();
        let refers = |k: usize| p.word_ref(k).is_some_and(|w| w.contains("referr"));
        let closing = |k: usize| {
            p.word_ref(k).is_some_and(|w| {
                w.starts_with("self-referr")
                    || matches!(w, "additional" | "remaining" | "rest" | "themselves")
            })
        };
        let boundary = |k: usize| {
            p.depth[k] == 0
                && (p.punct(k, ',') || p.punct(k, ';') || p.is(k, "and") || p.is(k, "while"))
        };
        let mut start = 0;
        while start < n {
            let sent = p.sentence[start];
            let end = (start..n).find(|&k| p.sentence[k] != sent).unwrap_or(n);
            // The sentence's clauses at depth 0, each with its counts and whether it refers.
            let mut items: Vec<usize> = Vec::new();
            let mut closed = false;
            let mut all_refer = true;
            let mut first_item_at = None;
            let mut clause = start;
            while clause < end {
                let stop = (clause..end).find(|&k| boundary(k)).unwrap_or(end);
                let counts: Vec<usize> = (clause..stop)
                    .filter(|&k| p.depth[k] == 0)
                    .filter_map(|k| p.count_at(k))
                    .collect();
                let referring = (clause..stop).any(refers);
                if referring && counts.len() == 1 {
                    first_item_at.get_or_insert(clause);
                    items.push(counts[0]);
                    closed |= (clause..stop).any(closing);
                } else if !items.is_empty() && !counts.is_empty() {
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
            if items.len() < 2
                || !closed
                || !all_refer
                || items
                    .iter()
                    .any(|&q| !p.qs[q].is_exact_count() || parts.contains(&q))
            {
                continue;
            }
            let is_victims = |q: usize| p.np(q).words.iter().any(|w| singular(w) == "victim");
            // Every named part counts victims (or their referrals).
            if items.iter().any(|&q| {
                let np = p.np(q);
                np.link == Link::Noun
                    && !np.words.is_empty()
                    && !is_victims(q)
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
            let restates_part = |q: usize| restates_part(p, q, out);
            let total = totals.iter().rev().copied().find(|&q| {
                let at = p.qs[q].toks.0;
                at < first_tok
                    && is_victims(q)
                    && !previous.contains(&q)
                    && if anchored {
                        p.sentence[at] == sent
                    } else {
                        p.sentence[at].saturating_add(2) >= sent && !restates_part(q)
                    }
            });
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
            });
        }
    }

    /// `Of the 24 victims identified,` / `Of all 167 victims,` / `Of these,` / `Of those victims,` /
    /// `Among them,`: the total referred to, where an enumeration after the comma starts (if one
    /// does), and whether the anchor states the total itself.
    fn anchor(&self, p: &Para, i: usize, totals: &[usize]) -> Option<(usize, Option<usize>, bool)> {
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
        if j == i + 1 && (among || p.count_at(j).is_none()) || among && !demonstrative {
            return None;
        }
        let (total, explicit, mut k) = if let Some(q) = p.count_at(j) {
            let np = p.np(q);
            if !p.qs[q].is_exact_count()
                || np.link != Link::Noun
                || !np.head().is_some_and(|h| self.lex.counted.contains(h))
            {
                return None;
            }
            (q, true, p.qs[q].toks.1)
        } else if let Some(head) = p.word_ref(j).filter(|w| self.lex.counted.contains(*w)) {
            // `Of the victims identified,`: the latest total counting the same noun.
            let q = *totals.iter().rev().find(|&&q| {
                p.np(q)
                    .head()
                    .is_some_and(|h| singular(h) == singular(head))
            })?;
            (q, false, j)
        } else if demonstrative && p.punct(j, ',') {
            (*totals.last()?, false, j)
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
        Some((total, p.count_at(k + 1).map(|_| k + 1), explicit))
    }

    /// Record an enumeration read in running text. Two enumerations written as one (`33 were
    /// …, 134 of …, 57 were female, 107 male`) are told apart where a `were` item follows items
    /// without one, or where both halves add up to the total.
    fn closed_clause(
        &self,
        p: &Para,
        total: usize,
        list: &List,
        kind: RelationKind,
        out: &mut ChapterClaims,
        used: &mut HashSet<usize>,
    ) -> bool {
        let links: Vec<Link> = list.items.iter().map(|&q| p.np(q).link).collect();
        let mut cuts: Vec<usize> = (1..list.items.len())
            .filter(|&k| links[k] == Link::Were && links[k - 1] != Link::Were)
            .collect();
        if cuts.is_empty() {
            let values: Vec<Decimal> = list.items.iter().map(|&q| p.qs[q].value).collect();
            let whole: Decimal = values.iter().copied().sum();
            if whole != p.qs[total].value {
                cuts = (2..values.len().saturating_sub(1))
                    .filter(|&k| {
                        values[..k].iter().copied().sum::<Decimal>() == p.qs[total].value
                            && values[k..].iter().copied().sum::<Decimal>() == p.qs[total].value
                    })
                    .take(1)
                    .collect();
            }
        }
        if cuts.is_empty() {
            return self.closed(p, total, list, kind, out, used);
        }
        let mut any = false;
        let mut from = 0;
        for cut in cuts.into_iter().chain(std::iter::once(list.items.len())) {
            let part = List {
                items: list.items[from..cut].to_vec(),
                end: list.end,
                approx: list.approx,
            };
            if part.items.len() >= 2 {
                any |= self.closed(p, total, &part, kind, out, used);
            }
            from = cut;
        }
        any
    }

    /// Record a closed enumeration if every part is an exact count of the total's kind.
    fn closed(
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
        let total_np = p.np(total);
        let total_np = if total_np.link == Link::Were || total_np.words.is_empty() {
            // `18 were foreign nationals (…)`: the part counts what its words say.
            Np {
                link: Link::Noun,
                words: vec!["victims".into()],
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
        let span = p.qs[total]
            .span
            .cover(p.qs[*list.items.last().expect("non-empty")].span);
        used.extend(list.items.iter().copied());
        out.breakdowns.push(Breakdown {
            kind,
            total: p.fig(total),
            parts: list.items.iter().map(|&q| p.fig(q)).collect(),
            span,
        });
        true
    }

    fn including(
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
        let span = p.qs[total]
            .span
            .cover(p.qs[*list.items.last().expect("non-empty")].span);
        out.breakdowns.push(Breakdown {
            kind: RelationKind::Including,
            total: p.fig(total),
            parts: list.items.iter().map(|&q| p.fig(q)).collect(),
            span,
        });
    }

    fn subset(&self, p: &Para, whole: usize, part: usize, out: &mut ChapterClaims) {
        if !p.qs[whole].is_exact_count() || !p.qs[part].is_exact_count() {
            return;
        }
        out.breakdowns.push(Breakdown {
            kind: RelationKind::Subset,
            total: p.fig(whole),
            parts: vec![p.fig(part)],
            span: p.qs[whole].span.cover(p.qs[part].span),
        });
    }

    /// `… 30 cases, compared with six …`, `…, an increase from 76 in 2017`, `down from 12`.
    #[allow(clippy::too_many_arguments)]
    fn comparison(
        &self,
        p: &Para,
        prev: usize,
        at: usize,
        section: SectionKind,
        parts: &HashSet<usize>,
        previous_values: &mut HashSet<usize>,
        out: &mut ChapterClaims,
    ) {
        let sent = p.sentence[at];
        // What introduces the earlier figure?
        let mut k = at;
        let mut steps = 0;
        let mut intro: Option<usize> = None;
        while k > 0 && steps < 6 {
            k -= 1;
            steps += 1;
            if p.sentence[k] != sent {
                break;
            }
            // `an increase from the 2019 amount of €359,420`
            if p.q_at.get(&k).is_some_and(|&y| p.qs[y].kind == QKind::Year) {
                continue;
            }
            let w = p.word_ref(k).unwrap_or_default();
            if (w == "with" || w == "to") && p.is(k.wrapping_sub(1), "compared") {
                intro = Some(k - 1);
                break;
            }
            if w == "from" && k > 0 {
                intro = Some(k);
                break;
            }
            let filler = matches!(
                w,
                "the"
                    | "a"
                    | "an"
                    | "total"
                    | "of"
                    | "amount"
                    | "level"
                    | "figure"
                    | "number"
                    | "only"
                    | "just"
            ) || w.ends_with("ing") && self.lex.action_of(w).is_some();
            if !filler {
                break;
            }
        }
        let Some(intro) = intro else {
            return;
        };
        if p.is(p.qs[prev].toks.1, "and")
            && p.toks
                .iter()
                .skip(at)
                .take(8)
                .any(|t| t.is_word("respectively"))
        {
            return;
        }
        // The direction stated with the comparison: `an increase from`, `a decrease compared with`,
        // `up from`, `down from`.
        let mut direction = None;
        let mut direction_at = None;
        for back in 1..=4 {
            let Some(j) = intro.checked_sub(back) else {
                break;
            };
            if p.sentence[j] != sent || p.q_at.contains_key(&j) {
                break;
            }
            if let Some(w) = p.word_ref(j) {
                if let Some(d) = self.lex.direction_of(w) {
                    if !matches!(w, "more" | "fewer" | "less") {
                        direction = Some((d, p.toks[j].span));
                        direction_at = Some(j);
                    }
                    break;
                }
            } else if !p.punct(j, ',') {
                break;
            }
        }
        if p.is(intro, "from") && direction.is_none() {
            // A bare `from` (`from 2019 to 2021`, `victims from Uzbekistan`) compares nothing.
            return;
        }
        // The current figure. After a direction verb (`fell from 30 to 12`) it is the figure after
        // `to`: the sentence's earlier figures are about something else. Otherwise it is the
        // nearest earlier figure of the same kind in the clause (not across `;`) that is not a
        // part of a breakdown.
        let money = matches!(p.qs[prev].kind, QKind::Money(_));
        let verb = direction_at.and_then(|j| p.word_ref(j)).is_some_and(|w| {
            w.ends_with("ed") || matches!(w, "rose" | "fell" | "grew" | "risen" | "fallen")
        });
        let current = if verb && p.is(intro, "from") {
            let to = p.qs[prev].toks.1;
            let next = if p.is(to, "to") {
                p.q_at.get(&(to + 1)).copied()
            } else {
                None
            };
            next.filter(|&q| p.qs[q].kind == p.qs[prev].kind)
        } else {
            let mut j = intro;
            loop {
                if j == 0 {
                    break None;
                }
                j -= 1;
                if p.sentence[j] != sent || p.punct(j, ';') {
                    break None;
                }
                let Some(&q) = p.q_at.get(&j) else { continue };
                if p.depth[j] > p.depth[intro] {
                    continue;
                }
                let qq = &p.qs[q];
                if money {
                    if qq.kind == p.qs[prev].kind {
                        break Some(q);
                    }
                } else if qq.kind == QKind::Count && !parts.contains(&q) {
                    break Some(q);
                }
            }
        };
        let Some(current) = current else {
            return;
        };
        // Two amounts of the currency in the clause before it: which one is compared is a guess.
        if money {
            let clause_start = (0..intro)
                .rev()
                .take_while(|&k| p.sentence[k] == sent && !p.punct(k, ';'))
                .last()
                .unwrap_or(intro);
            let amounts = (clause_start..intro)
                .filter_map(|k| p.q_at.get(&k))
                .filter(|&&q| q != prev && p.qs[q].kind == p.qs[prev].kind)
                .count();
            if amounts > 1 {
                return;
            }
        }
        let (c, v) = (&p.qs[current], &p.qs[prev]);
        if c.approx || v.approx {
            return;
        }
        if !money && (c.kind != QKind::Count || v.kind != QKind::Count) {
            return;
        }
        previous_values.insert(prev);
        // What the current figure measures: a verb or noun with an action stem next to it.
        let mut action = None;
        let np = p.np(current);
        for w in &np.words {
            if let Some(a) = self.lex.action_of(w) {
                action = Some(a.to_string());
            }
        }
        if action.is_none() {
            let mut j = c.toks.0;
            for _ in 0..5 {
                if j == 0 || p.sentence[j - 1] != sent {
                    break;
                }
                j -= 1;
                if let Some(w) = p.word_ref(j)
                    && let Some(a) = self.lex.action_of(w)
                {
                    action = Some(a.to_string());
                    break;
                }
            }
        }
        out.comparisons.push(Comparison {
            current: p.fig(current),
            previous: p.fig(prev),
            direction,
            action: action.clone(),
            noun: np.head().map(singular),
            money,
            section,
            span: c.span.cover(v.span),
        });
        // `a multiyear decrease compared with €412,870 in 2021 and €461,500 in 2020`: each
        // earlier figure goes the same way against the one before it.
        let multiyear = direction_at.is_some_and(|j| {
            (1..=2).any(|b| {
                j.checked_sub(b)
                    .and_then(|k| p.word_ref(k))
                    .is_some_and(|w| {
                        matches!(
                            w,
                            "multiyear"
                                | "multi-year"
                                | "consecutive"
                                | "continued"
                                | "steady"
                                | "continuous"
                        )
                    })
            })
        });
        if let (true, Some(direction)) = (multiyear, direction) {
            let mut later = prev;
            while let Some(earlier) = next_dated_figure(p, later) {
                previous_values.insert(earlier);
                out.comparisons.push(Comparison {
                    current: p.fig(later),
                    previous: p.fig(earlier),
                    direction: Some(direction),
                    action: action.clone(),
                    noun: None,
                    money,
                    section,
                    span: p.qs[later].span.cover(p.qs[earlier].span),
                });
                later = earlier;
            }
        }
    }

    /// `nine victims (13 in 2017)`, `decreased … to 10 months (15 months in 2017)`: a figure and,
    /// in parentheses, its value in an earlier year.
    fn paren_previous(
        &self,
        p: &Para,
        open: usize,
        section: SectionKind,
        previous_values: &mut HashSet<usize>,
        out: &mut ChapterClaims,
    ) {
        let Some(&prev) = p.q_at.get(&(open + 1)) else {
            return;
        };
        let pq = &p.qs[prev];
        if pq.approx || !matches!(pq.kind, QKind::Count | QKind::Duration(_) | QKind::Money(_)) {
            return;
        }
        let mut k = pq.toks.1;
        while p.word_ref(k).is_some_and(|w| !matches!(w, "in" | "during")) && k < pq.toks.1 + 3 {
            k += 1;
        }
        let dated = (p.is(k, "in") || p.is(k, "during"))
            && p.q_at
                .get(&(k + 1))
                .is_some_and(|&y| p.qs[y].kind == QKind::Year);
        if !dated || !p.punct(k + 2, ')') {
            return;
        }
        // The figure right before the parenthesis (its noun may stand between).
        let mut j = open;
        let current = loop {
            if j == 0 || open - j > 6 {
                break None;
            }
            j -= 1;
            if p.sentence[j] != p.sentence[open] || p.punct(j, ',') || p.punct(j, ';') {
                break None;
            }
            if let Some(q) = p.q_of[j] {
                let same = match (&p.qs[q].kind, &pq.kind) {
                    (QKind::Duration(a), QKind::Duration(b)) => a == b,
                    (QKind::Count, QKind::Duration(_)) => false,
                    (a, b) => a == b,
                };
                break (same && !p.qs[q].approx).then_some(q);
            }
        };
        let Some(current) = current else { return };
        previous_values.insert(prev);
        // `decreased … to 10 months`: a direction verb whose `to` leads to the figure.
        let mut direction = None;
        if p.is(p.qs[current].toks.0.wrapping_sub(1), "to") {
            let start = p.qs[current].toks.0.saturating_sub(10);
            for k in (start..p.qs[current].toks.0).rev() {
                if p.sentence[k] != p.sentence[open] || p.punct(k, ';') {
                    break;
                }
                if let Some(w) = p.word_ref(k)
                    && matches!(
                        w,
                        "increased"
                            | "decreased"
                            | "rose"
                            | "fell"
                            | "declined"
                            | "dropped"
                            | "grew"
                    )
                {
                    direction = self.lex.direction_of(w).map(|d| (d, p.toks[k].span));
                    break;
                }
            }
        }
        let c = &p.qs[current];
        out.comparisons.push(Comparison {
            current: p.fig(current),
            previous: p.fig(prev),
            direction,
            action: None,
            noun: p.np(current).head().map(singular),
            money: matches!(c.kind, QKind::Money(_)),
            section,
            span: c.span.cover(pq.span),
        });
    }

    /// The currency words beside the paragraph's amounts: the currency's name after a figure
    /// (`som`, `Kyrgyzstani soms`), or its code before it (`KGS 1,000`).
    fn currency_words(&self, p: &Para, out: &mut ChapterClaims) {
        for q in &p.qs {
            let QKind::Money(code) = &q.kind else {
                continue;
            };
            let Some(currency) = self.lex.vocab.currencies.iter().find(|c| &c.code == code) else {
                continue;
            };
            let names = |t: &&Token| {
                t.kind == TokKind::Word && {
                    let l = t.lower();
                    currency.names.contains(&l) || currency.code.eq_ignore_ascii_case(&l)
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
    fn numbers(&self, p: &Para, out: &mut ChapterClaims) {
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

    /// Does the sentence holding `span` mark its date as outside the period on purpose?
    fn marked_past(&self, p: &Para, span: Span) -> bool {
        let Some(at) = p.toks.iter().position(|t| t.span.start == span.start) else {
            return true;
        };
        let sent = p.sentence[at];
        let markers = &self.lex.past_markers;
        p.toks
            .iter()
            .enumerate()
            .filter(|&(k, _)| p.sentence[k] == sent)
            .any(|(_, t)| t.kind == TokKind::Word && markers.contains(&t.lower()))
    }

    /// `two crisis centers … located in Bishkek and Osh`: a count of places and the places named.
    fn count_lists(&self, p: &Para, out: &mut ChapterClaims) {
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
    fn statements(&self, p: &Para, out: &mut ChapterClaims) {
        let actors = &self.lex.actors;
        let mut seen_sentences = HashSet::default();
        for (n, q) in p.qs.iter().enumerate() {
            let sent = p.sentence[q.toks.0];
            if !seen_sentences.insert(sent) || !q.is_exact_count() {
                continue;
            }
            // The sentence must be about the reporting period: no year, no comparison before it.
            let start = (0..q.toks.0)
                .rev()
                .take_while(|&k| p.sentence[k] == sent)
                .last()
                .unwrap_or(q.toks.0);
            let before: Vec<&Token> = p.toks[start..q.toks.0].iter().collect();
            if before.len() > 8
                || before
                    .iter()
                    .any(|t| t.kind == TokKind::Number || t.is_punct(',') || t.is_punct(';'))
            {
                continue;
            }
            let words: Vec<String> = before
                .iter()
                .filter(|t| t.kind == TokKind::Word)
                .map(|t| t.lower())
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
            let qualified = words.iter().any(|w| {
                matches!(
                    w.as_str(),
                    "additional" | "another" | "further" | "new" | "also"
                )
            });
            if sentence_has_year || qualified {
                continue;
            }
            out.statements.push(FigureStatement {
                actor: actor.trim_start_matches("the ").to_string(),
                action: action.to_string(),
                noun: np.words[..np.words.len() - 1]
                    .iter()
                    .cloned()
                    .chain(std::iter::once(singular(noun)))
                    .collect::<Vec<_>>()
                    .join(" "),
                figure: p.fig(n),
            });
        }
    }

    /// Currency conversions: `4 million som (\$46,000)`, `€1,500 to €12,000 ($1,800 to $14,410)`.
    fn conversions(&self, p: &Para, out: &mut ChapterClaims) {
        for q in &p.qs {
            let QKind::Money(code) = &q.kind else {
                continue;
            };
            if code == "USD" {
                continue;
            }
            let after = q.toks.1;
            if p.punct(after, '(') {
                if let Some(&u) = p.q_at.get(&(after + 1)) {
                    let usd = &p.qs[u];
                    // `($1,800 to $14,410)` converts a range: paired below, from its low end.
                    let converted_range = p.is(usd.toks.1, "to");
                    // An approximate amount (`approximately 1.8 million pesos ($36,110)`) is kept:
                    // the rule gives it more room and never an error of its own.
                    if usd.kind == QKind::Money("USD".into()) && !converted_range {
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
    fn ranges(&self, p: &Para, out: &mut ChapterClaims) {
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
            let before2 = q
                .toks
                .0
                .checked_sub(2)
                .and_then(|j| p.word_ref(j))
                .unwrap_or_default();
            if before == "from" && self.lex.direction_of(before2).is_some() {
                continue;
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

    /// Intro summaries: `investigating and prosecuting more trafficking cases`, `identified fewer
    /// victims`, `decreased investigations`.
    fn summaries(&self, p: &Para, out: &mut ChapterClaims) {
        for (i, t) in p.toks.iter().enumerate() {
            if t.kind != TokKind::Word {
                continue;
            }
            let w = t.lower();
            let Some(direction) = self.lex.direction_of(&w) else {
                continue;
            };
            // The counted noun it is attached to, within a few words after it.
            let mut noun = None;
            let mut j = i + 1;
            // `more than double the number of victims`, `twice as many victims`: a multiple.
            let multiple = |x: &str| {
                matches!(
                    x,
                    "than" | "double" | "triple" | "twice" | "number" | "of" | "as" | "many"
                )
            };
            let reach = if (i + 1..(i + 3).min(p.toks.len()))
                .any(|k| matches!(p.word_ref(k), Some("double" | "triple" | "twice")))
            {
                7
            } else {
                4
            };
            while j < p.toks.len() && j <= i + reach {
                let Some(x) = p.word_ref(j) else { break };
                if NP_STOP.contains(&x) && x != "the" && !(reach > 4 && multiple(x)) {
                    break;
                }
                if self.lex.counted.contains(x) || x == "funding" {
                    noun = Some(x);
                    break;
                }
                j += 1;
            }
            let Some(noun) = noun else { continue };
            if matches!(w.as_str(), "more" | "fewer" | "less" | "higher" | "lower")
                || j == i + 1
                || self.lex.action_of(noun).is_some()
            {
                // Actions: verbs just before the direction word (`investigating and prosecuting`),
                // or the noun's own (`prosecutions`).
                let mut actions = Vec::new();
                let mut k = i;
                while k > 0 {
                    k -= 1;
                    let Some(x) = p.word_ref(k) else {
                        if p.punct(k, ',') {
                            continue;
                        }
                        break;
                    };
                    if x == "and" || x.ends_with("ly") || x == "far" {
                        continue;
                    }
                    // `providing shelter to more victims`, `offering assistance to fewer`
                    if (x == "to" || x == "for")
                        && k >= 2
                        && let Some(a) = p.word_ref(k - 1).and_then(|w| self.lex.action_of(w))
                        && matches!(
                            p.word_ref(k - 2),
                            Some("providing" | "provided" | "offering" | "offered")
                        )
                    {
                        actions.push(a.to_string());
                        break;
                    }
                    match self.lex.action_of(x) {
                        Some(a) if x.ends_with("ing") || x.ends_with("ed") => {
                            actions.push(a.to_string())
                        }
                        _ => break,
                    }
                }
                if actions.is_empty()
                    && let Some(a) = self.lex.action_of(noun)
                {
                    actions.push(a.to_string());
                }
                if noun == "funding" {
                    actions = vec!["fund".into()];
                }
                out.summaries.push(Summary {
                    direction,
                    direction_span: t.span,
                    actions,
                    noun: Some(singular(noun)),
                    span: t.span.cover(p.toks[j].span),
                });
            }
        }
    }

    /// The standards sentence and the tier statement.
    fn tier(&self, text: &str, p: &Para, out: &mut ChapterClaims) {
        let Some(phrases) = &self.lex.vocab.tier_phrases else {
            return;
        };
        let Some(first) = p.toks.first() else { return };
        let span = first.span.cover(p.toks[p.toks.len() - 1].span);
        let body = &text[span.start..span.end];
        // ASCII lower case keeps every byte offset the same as the text's.
        let lower = body.to_ascii_lowercase();
        let find = |list: &[String]| {
            list.iter()
                .filter_map(|ph| lower.find(&ph.to_lowercase()).map(|at| (at, ph.len())))
                .min()
        };
        if out.tier.standards.is_none() {
            let class = if let Some((at, len)) = find(&phrases.does_not_fully_meet) {
                let rest = &lower[at..];
                let sentence_end = rest.find(". ").unwrap_or(rest.len());
                let rest = &rest[..sentence_end];
                if phrases
                    .not_making_efforts
                    .iter()
                    .any(|ph| rest.contains(&ph.to_lowercase()))
                {
                    Some((Standards::NotMakingEfforts, at, len))
                } else if phrases
                    .making_efforts
                    .iter()
                    .any(|ph| rest.contains(&ph.to_lowercase()))
                {
                    Some((Standards::MakingEfforts, at, len))
                } else {
                    None
                }
            } else {
                find(&phrases.fully_meets).map(|(at, len)| (Standards::FullyMeets, at, len))
            };
            if let Some((class, at, len)) = class {
                out.tier.standards =
                    Some((class, Span::new(span.start + at, span.start + at + len)));
            }
        }
        for ph in &phrases.statements {
            let ph = ph.to_lowercase();
            let mut from = 0;
            while let Some(at) = lower[from..].find(&ph) {
                let start = from + at + ph.len();
                from = start;
                let rest = body[start..].trim_start();
                let rest_at = span.start + body.len() - rest.len();
                // `would have been downgraded to Tier 3` states no placement.
                let mut a = from.saturating_sub(ph.len() + 40);
                while !lower.is_char_boundary(a) {
                    a -= 1;
                }
                let before = &lower[a..from - ph.len()];
                let hypothetical = [
                    "would",
                    "could",
                    "otherwise",
                    "automatically",
                    "may",
                    "might",
                    "if ",
                ]
                .iter()
                .any(|w| before.contains(w));
                if let (Ok((r, tier)), false) = (tier_grammar(rest), hypothetical) {
                    let end = rest_at + rest.len() - r.len();
                    out.tier.statements.push((tier, Span::new(rest_at, end)));
                }
            }
        }
        out.tier.statements.sort_by_key(|(_, span)| span.start);
    }
}

/// `April 2022`, `March 3, 2021`: each dated month, with its span.
fn dates(p: &Para) -> Vec<DatedEvent> {
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
fn next_dated_figure(p: &Para, q: usize) -> Option<usize> {
    let mut k = p.qs[q].toks.1;
    if p.punct(k, '(') {
        while k < p.toks.len() && !p.punct(k, ')') {
            k += 1;
        }
        k += 1;
    }
    if !p.is(k, "in")
        || !p
            .q_at
            .get(&(k + 1))
            .is_some_and(|&y| p.qs[y].kind == QKind::Year)
    {
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
fn year_tagged(p: &Para, q: usize) -> bool {
    let np = p.np(q);
    let k = p.qs[q].toks.1
        + if np.link == Link::Noun {
            np.words.len()
        } else {
            0
        };
    (p.is(k, "in") || p.is(k, "during"))
        && p.q_at
            .get(&(k + 1))
            .is_some_and(|&y| p.qs[y].kind == QKind::Year)
}

/// Token index → quantity index, as a vector (the hot look-up of every pattern).
struct TokenMap(Vec<Option<usize>>);

impl TokenMap {
    fn get(&self, at: &usize) -> Option<&usize> {
        self.0.get(*at).and_then(Option::as_ref)
    }
    fn contains_key(&self, at: &usize) -> bool {
        self.get(at).is_some()
    }
}
