//! Claims: the relations a chapter's text asserts between its figures.
//!
//! Read once per paragraph from its tokens and quantities: breakdowns (closed enumerations whose
//! parts must sum to their total), splits (a second breakdown of an earlier total), subsets
//! (part ≤ whole), comparisons (a figure against an earlier one, with the direction word that
//! describes it), intro summaries (`identified fewer victims`), currency conversions, ranges,
//! and the tier statements. A relation that cannot be read with confidence is not recorded.

use crate::facts::quantity::{CurrencyIndex, QKind, Quantity, is_month, scan};
use crate::facts::token::{TokKind, Token, tokenize};
use crate::parse::heading::tier as tier_grammar;
use crate::parse::{Report, SectionKind, Tier};
use crate::source::Span;
use crate::vocab::Vocabulary;
use rayon::prelude::*;
use rust_decimal::Decimal;
use std::borrow::Cow;
// Fast hashing for the many small look-ups (words, token indices); no untrusted keys to defend.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

mod across_sentences;
mod comparisons;
mod figures;
mod list;
mod measured;
mod money;
mod openers;
mod para;
mod percent;
mod period_figures;
mod periods;
mod records;
mod relations;
mod restrictions;
mod scopes;
mod summaries;
mod tier;
mod typed;

use across_sentences::Complements;
use figures::{dates, marked_past, next_dated_figure, year_tagged};
use list::{List, Mode, compatible, of_whom, parse_list, parse_list_of, sum_of};
pub use measured::MeasuredSentence;
use para::{Link, Lowered, Np, Para, np_stop};
pub use period_figures::{FigurePeriod, PeriodFigure};
pub use typed::{Exactness, FigureRecord, Measure, PartOf};

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
    /// The parts are told by what was done to or by them (`20 received shelter and 15 received
    /// medical care`, `20 were convicted and three were acquitted`), not by what they are: such
    /// groups may overlap or leave some out, so a mismatch is not certain.
    pub by_action: bool,
    /// Why the reading is not certain, if it is not: a mismatch is then an info, not an error.
    pub doubt: Option<Doubt>,
}

/// Why a breakdown's reading is not certain (DESIGN §4.1: a relation is an error only when every
/// key it rests on was read with confidence).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Doubt {
    /// One of several partitions read from one list that also holds a part alone (`six sex
    /// trafficking, two labor trafficking, and one boy`): the lone part may be of it.
    LonePart,
    /// A demonstrative after two wholes joined by `and` (`60 potential victims and four official
    /// victims. Of these, …`) whose parts make neither, nor both together.
    UnclearWhole,
    /// Some parts state a class (`120 were Vietnamese nationals`) and others state none that can
    /// be read (`96 were subjected to transnational trafficking`): whether they divide the whole
    /// along one dimension is not known.
    UnreadClass,
    /// An `including` or `of whom` list whose classes take in everyone (`including 20 girls, 15
    /// boys, and 40 adults`): parts beyond the whole are an error, parts short of it may leave
    /// out people whose class was not stated.
    Unlisted,
    /// An anchor naming a part of the whole whose size the text does not state (`Of the sex
    /// trafficking victims,`): parts beyond the whole are an error, parts short of it are not.
    PartOfWhole,
}

impl Doubt {
    /// What the finding says about it.
    pub fn reason(self) -> &'static str {
        match self {
            Doubt::LonePart => {
                "the list holds several partitions and a part alone that may be of this one"
            }
            Doubt::UnclearWhole => {
                "`these` follows two figures joined by `and`: the parts may break down either"
            }
            Doubt::UnreadClass => {
                "some parts state no class that can be read, so they may not divide the whole along one line"
            }
            Doubt::Unlisted => "the list may leave out people whose class it does not state",
            Doubt::PartOfWhole => {
                "the parts are of a group within the total, whose size the text does not state"
            }
        }
    }
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
    /// The change stated in percent with it (`…, a 36 percent decrease`).
    pub percent: Option<StatedPercent>,
    /// Both figures are for earlier periods (`(39 in 2029 and 52 in 2028)`: 39 against 52): not
    /// about the edition's own period, so no summary or opening verdict speaks of it.
    pub past_only: bool,
    /// One of the figures is approximate (`at least 140`, `approximately 70,500`): the pair is
    /// read, but no direction can be judged against it.
    pub approx: bool,
}

/// A change stated in percent: its value, half the unit of its last digit, and whether it is
/// approximate (`about 20 percent`).
#[derive(Debug, Clone, Copy)]
pub struct StatedPercent {
    pub value: Decimal,
    pub half_unit: Decimal,
    pub approx: bool,
    pub span: Span,
}

/// An introduction's summary of a trend: `investigating and prosecuting more trafficking cases`.
#[derive(Debug, Clone)]
pub struct Summary {
    pub direction: Direction,
    pub direction_span: Span,
    pub actions: Vec<String>,
    pub noun: Option<String>,
    /// `more than double` (2), `more than triple` (3): the figure exceeds this multiple of the
    /// earlier one.
    pub factor: Option<u32>,
    pub span: Span,
}

/// A section's first sentence saying which way the actor's efforts went: `The government
/// decreased law enforcement efforts.` Not a claim about any one figure.
#[derive(Debug, Clone)]
pub struct Opener {
    pub direction: Direction,
    pub direction_span: Span,
    pub section: SectionKind,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Conversion {
    pub currency: String,
    pub local: Quantity,
    pub usd: Quantity,
}

/// A percentage stated with its count and the whole it is a part of (`36 of the 150 victims (24
/// percent)`, `Of the 150 victims, 24 percent (36) were children`): the count over the whole must
/// be the percentage, within its rounding.
#[derive(Debug, Clone)]
pub struct PercentOf {
    pub percent: StatedPercent,
    pub count: Fig,
    pub whole: Fig,
    /// The count or the whole is approximate or rounded (`about 150`, `1.2 million`).
    pub approx_figures: bool,
    pub span: Span,
}

/// Percentages of one whole that state every part of it (`78 percent female and 22 percent
/// male`): they sum to 100, within their rounding.
#[derive(Debug, Clone)]
pub struct PercentParts {
    pub parts: Vec<StatedPercent>,
    pub span: Span,
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
    /// The introduction grants a waiver from a downgrade to Tier 3.
    pub waiver: bool,
    /// The word of each tier statement (by the statement's span): `remained on`, `upgraded to`.
    pub moves: Vec<(Span, TierMove)>,
}

/// What a tier statement says happened since the previous edition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TierMove {
    /// `remained on`, `remains on`
    Remained,
    /// `upgraded to`
    Upgraded,
    /// `downgraded to`
    Downgraded,
    /// `placed on`, `moved to`: no direction stated.
    Placed,
}

impl TierMove {
    /// The move a statement phrase of `rules/numbers.toml` (lower case) states.
    pub fn of_phrase(phrase: &str) -> TierMove {
        if phrase.starts_with("remain") {
            TierMove::Remained
        } else if phrase.starts_with("upgraded") {
            TierMove::Upgraded
        } else if phrase.starts_with("downgraded") {
            TierMove::Downgraded
        } else {
            TierMove::Placed
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct ChapterClaims {
    pub span: Span,
    /// Every word of the chapter's paragraphs, in order (the tokens are read here once;
    /// word-level rules reuse them).
    pub words: Vec<Span>,
    /// The chapter's text in lower case, each byte at its offset from `span.start` (see
    /// `lower_of`).
    pub lowered: String,
    pub breakdowns: Vec<Breakdown>,
    pub comparisons: Vec<Comparison>,
    pub summaries: Vec<Summary>,
    pub openers: Vec<Opener>,
    pub conversions: Vec<Conversion>,
    pub ranges: Vec<RangeClaim>,
    /// Percentages stated with their count and whole.
    pub percents: Vec<PercentOf>,
    /// Closed lists of percentages of one whole.
    pub percent_parts: Vec<PercentParts>,
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
    /// The sentences holding two or more counted figures of one measure (see `measured`).
    pub measured: Vec<MeasuredSentence>,
    /// Every count and amount with the period it is for and what it counts (for `--previous`).
    pub period_figures: Vec<PeriodFigure>,
    /// A record of every counted figure (DESIGN §4.1, layer 1), in order; read only when asked
    /// for (`extract_records`).
    pub records: Vec<FigureRecord>,
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

impl ChapterClaims {
    /// The lower-case form of the chapter's text at `span` (a span inside the chapter).
    pub fn lower_of(&self, span: Span) -> &str {
        Lowered {
            text: &self.lowered,
            base: self.span.start,
        }
        .of(span)
    }
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
    /// The sentence it is dated in.
    pub sentence: Span,
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

/// The dimensions of the restrictions that classify people (DESIGN §4.1): the others, the form
/// of exploitation and the status, classify what happened to them.
const PEOPLE_DIMENSIONS: &[&str] = &["sex", "age", "nationality"];

/// The vocabulary, prepared for fast look-ups.
pub struct Lexicon<'v> {
    pub vocab: &'v Vocabulary,
    counted: HashSet<String>,
    persons: HashSet<String>,
    classes: HashSet<String>,
    directions: HashMap<String, Direction>,
    places: HashSet<String>,
    past_markers: HashSet<String>,
    exploitation: HashSet<String>,
    /// Restriction words → the (dimension, value) pairs each states.
    restrictions: HashMap<String, Vec<(&'v str, &'v str)>>,
    unspecified: HashSet<String>,
    nationality_nouns: HashSet<String>,
    overlap: HashSet<String>,
    categories: HashSet<String>,
    /// Country names, aliases and nationality adjectives, lower case: a named nationality.
    nationalities: HashSet<String>,
    actors: Vec<String>,
    effort_nouns: HashSet<String>,
    /// Sentence openers that add a fact, each as its lower-case words.
    additive_openers: Vec<Vec<String>>,
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
        let mut restrictions: HashMap<String, Vec<(&'v str, &'v str)>> = HashMap::default();
        for r in &vocab.restrictions {
            for w in &r.words {
                restrictions
                    .entry(w.to_lowercase())
                    .or_default()
                    .push((r.dimension.as_str(), r.value.as_str()));
            }
        }
        let nationalities = vocab
            .countries
            .iter()
            .flat_map(|c| {
                std::iter::once(&c.name)
                    .chain(&c.aliases)
                    .chain(&c.adjectives)
            })
            .map(|n| n.to_lowercase())
            .collect();
        Lexicon {
            vocab,
            restrictions,
            unspecified: lower(&vocab.unspecified_words),
            nationality_nouns: lower(&vocab.nationality_nouns),
            overlap: lower(&vocab.overlap_words),
            categories: lower(&vocab.category_nouns),
            nationalities,
            counted: vocab.counted_noun_set(),
            persons: lower(&vocab.person_nouns),
            classes: lower(&vocab.person_classes),
            directions,
            places: lower(&vocab.place_nouns),
            past_markers: lower(&vocab.past_markers),
            exploitation: lower(&vocab.exploitation_words),
            actors: vocab.actors.iter().map(|a| a.to_lowercase()).collect(),
            effort_nouns: lower(&vocab.effort_nouns),
            additive_openers: vocab
                .additive_openers
                .iter()
                .map(|o| o.split_whitespace().map(str::to_lowercase).collect())
                .collect(),
        }
    }

    pub fn action_of(&self, word: &str) -> Option<&'v str> {
        let l = crate::text::lower(word);
        self.vocab
            .actions
            .iter()
            .find(|a| a.stems.iter().any(|s| l.starts_with(s.as_str())))
            .map(|a| a.name.as_str())
    }

    /// The (dimension, value) pairs lower-case word `w` states of a class of people: its sex, age
    /// or nationality (`girls`: female, child). A form of exploitation or a status is no class
    /// of people.
    fn people_values(&self, w: &str) -> impl Iterator<Item = (&'v str, &'v str)> + '_ {
        self.restrictions
            .get(w)
            .into_iter()
            .flatten()
            .copied()
            .filter(|(dim, _)| PEOPLE_DIMENSIONS.contains(dim))
    }

    /// Does lower-case word `w` name a class of people that restricts another count of people
    /// (`women`, `girls`, `foreigners`, `nationals`)?
    fn restricts_people(&self, w: &str) -> bool {
        self.people_values(w).next().is_some() || self.nationality_nouns.contains(w)
    }

    /// The first two values the vocabulary lists for dimension `dim` (`female`, `male`): between
    /// them they make nearly every whole, a further value (`transgender`) is a rest beside them.
    fn value_pair(&self, dim: &str) -> Option<(&'v str, &'v str)> {
        let mut values = self
            .vocab
            .restrictions
            .iter()
            .filter(|r| r.dimension == dim)
            .map(|r| r.value.as_str());
        Some((values.next()?, values.next()?))
    }

    fn direction_of(&self, word: &str) -> Option<Direction> {
        self.directions
            .get(crate::text::lower(word).as_ref())
            .copied()
    }
}

/// The singular of a counted noun, for comparing heads (`victims` = `victim`).
pub fn singular(word: &str) -> Cow<'_, str> {
    let w = crate::text::lower(word);
    match w.as_ref() {
        "children" => "child".into(),
        "women" => "woman".into(),
        "men" => "man".into(),
        "people" => "person".into(),
        _ => {
            if let Some(s) = w.strip_suffix("ies") {
                format!("{s}y").into()
            } else if w.ends_with("ss") || !w.ends_with('s') {
                w
            } else {
                match w {
                    Cow::Borrowed(b) => Cow::Borrowed(&b[..b.len() - 1]),
                    Cow::Owned(mut o) => {
                        o.pop();
                        Cow::Owned(o)
                    }
                }
            }
        }
    }
}

struct Extractor<'l, 'v> {
    lex: &'l Lexicon<'v>,
    currencies: CurrencyIndex<'v>,
    /// Also read a record of every counted figure (`ChapterClaims::records`).
    records: bool,
}

/// Extract every chapter's claims.
pub fn extract(text: &str, report: &Report, lex: &Lexicon) -> Facts {
    extract_with(text, report, lex, false)
}

/// Extract every chapter's claims and the record of every counted figure (`tiplint extract`).
pub fn extract_records(text: &str, report: &Report, lex: &Lexicon) -> Facts {
    extract_with(text, report, lex, true)
}

fn extract_with(text: &str, report: &Report, lex: &Lexicon, records: bool) -> Facts {
    let ex = Extractor {
        lex,
        currencies: CurrencyIndex::new(lex.vocab),
        records,
    };
    let cut = cut_off(text, report);
    Facts {
        // Chapters are independent: read them in parallel (in order).
        chapters: report
            .chapters
            .par_iter()
            .map(|c| ex.chapter(text, c, cut))
            .collect(),
    }
}

/// Where the input's last sentence starts, when the input ends inside it (an excerpt cut off
/// mid-sentence: no final `.`, `!` or `?`, before closing quotes or brackets). What such a
/// sentence says is not known whole, so no claim is read from it.
fn cut_off(text: &str, report: &Report) -> Option<usize> {
    let last = report.chapters.last()?.sentences().last()?;
    let after = text.get(last.span.end..).unwrap_or("");
    // Only the end of the input cuts a sentence off; text after it means the parser ended it.
    (!last.ended && after.trim().is_empty()).then_some(last.span.start)
}

impl<'l, 'v> Extractor<'l, 'v> {
    /// Everything read from a paragraph's figures.
    fn figures(
        &self,
        p: &Para,
        section: SectionKind,
        out: &mut ChapterClaims,
        complements: &mut Complements,
    ) {
        let dated = dates(p);
        out.dates.extend(dated.iter().map(|d| (d.year, d.month)));
        if !dated.is_empty() {
            let marked = self.past_marked(p);
            out.dated.extend(dated.into_iter().map(|mut d| {
                d.marked = marked_past(p, d.span, &marked);
                d
            }));
        }
        out.years.extend(
            p.qs.iter()
                .filter(|q| q.kind == QKind::Year)
                .filter(|q| {
                    q.toks.0 == 0 || !(p.punct(q.toks.0 - 1, '-') || p.punct(q.toks.0 - 1, '–'))
                })
                .filter_map(|q| rust_decimal::prelude::ToPrimitive::to_i32(&q.value)),
        );
        self.numbers(p, out);
        self.currency_words(p, out);
        self.count_lists(p, out);
        self.statements(p, out);
        let (first, first_breakdown) = (out.comparisons.len(), out.breakdowns.len());
        let either_of_two = self.relations(p, section, out, complements);
        self.dated_comparisons(p, section, first, out);
        self.single_inclusions(p, first_breakdown, out);
        self.class_subsets(p, first_breakdown, out);
        // After the breakdowns: their parts count what their wholes count.
        self.period_figures(p, first, out);
        self.one_whole_per_anchor(p, either_of_two, out);
        self.conversions(p, out);
        self.money_lists(p, out);
        self.ranges(p, out);
        self.percents(p, first_breakdown, out);
        measured::read(p, self.lex, &mut out.measured);
        if self.records {
            self.records(p, section, out);
        }
    }

    /// The claims of one chapter; `cut`: where a sentence cut off by the end of the input starts.
    fn chapter(
        &self,
        text: &str,
        chapter: &crate::parse::Chapter,
        cut: Option<usize>,
    ) -> ChapterClaims {
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
        // A bare `pesos` or `dinars` is the currency of the chapter's country, when it has one.
        let currencies = self.currencies.in_country(chapter.country());
        let lowered =
            crate::text::lower_keeping_offsets(&text[chapter.span.start..chapter.span.end]);
        let lower = Lowered {
            text: &lowered,
            base: chapter.span.start,
        };
        for section in &chapter.sections {
            for (n, paragraph) in section.paragraphs.iter().enumerate() {
                let all = tokenize(text, paragraph.span);
                out.words.extend(
                    all.iter()
                        .filter(|t| t.kind == TokKind::Word)
                        .map(|t| t.span),
                );
                // A sentence cut off by the end of the input is read for its words only.
                let (toks, sentences) = match cut {
                    Some(at) if paragraph.span.contains(Span::new(at, at)) => (
                        &all[..all.partition_point(|t| t.span.start < at)],
                        &paragraph.sentences
                            [..paragraph.sentences.partition_point(|s| s.span.start < at)],
                    ),
                    _ => (&all[..], &paragraph.sentences[..]),
                };
                if toks.is_empty() {
                    continue;
                }
                let qs = scan(toks, &currencies, &self.lex.counted);
                let p = Para::new(
                    toks,
                    lower,
                    &self.lex.counted,
                    &self.lex.classes,
                    qs,
                    sentences,
                );
                // A paragraph without a figure has nothing for the figure patterns.
                if !p.qs.is_empty() {
                    self.figures(&p, section.kind, &mut out, &mut complements);
                }
                if n == 0 {
                    self.opener(&p, section.kind, &mut out);
                }
                if section.kind == SectionKind::Intro {
                    self.summaries(&p, &mut out);
                }
                if section.kind == SectionKind::Intro {
                    self.tier(text, &p, &mut out);
                }
            }
        }
        complements.link(self.lex.vocab, &mut out);
        typed::link(&mut out);
        out.lowered = lowered;
        out
    }
}
