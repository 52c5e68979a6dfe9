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

mod across_sentences;
mod comparisons;
mod figures;
mod relations;
mod tier;

use across_sentences::Complements;
use figures::{dates, next_dated_figure, year_tagged};

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
    /// Whether quantity `q` counts victims (`12 victims`, `31 victims self-referred`).
    fn counts_victims(&self, q: usize) -> bool {
        self.np(q).words.iter().any(|w| singular(w) == "victim")
    }

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
