//! One Rust checker per rule kind. A rule in `rules/*.toml` names its kind and gives its options;
//! the checker is built from those options when the rules are loaded, so a bad option is an error
//! at load time, not at run time.

mod acronym;
mod breakdown;
mod broken_paragraph;
mod count_list;
mod currency_name;
mod duplicate_sentence;
mod escaped_markup;
mod excerpt;
mod figure_conflict;
mod figures;
mod heading_malformed;
mod hyphenation;
mod missing_section;
mod number_style;
mod outdated_name;
mod percent;
mod period;
mod prior_year;
mod range;
mod rate;
mod recommendation_form;
mod repeated_word;
mod section_order;
mod spelling_variant;
mod stale_copy;
mod tier_mismatch;
mod trend;
mod user;
pub mod words;

use crate::diagnostic::Check;
use crate::facts::Facts;
use crate::parse::Report;
use crate::rules::findings::Findings;
use crate::rules::spec::RuleSpec;
use crate::source::Source;
use crate::suppress::Silencer;
use crate::vocab::Vocabulary;
use serde::de::DeserializeOwned;
use std::sync::Arc;

/// What every checker reads: the source, its structure, the vocabulary.
pub struct Context<'a> {
    pub source: &'a Source,
    pub report: &'a Report,
    /// The text has no chapter heading and is checked as an excerpt (DESIGN §2): the rules that
    /// need a whole chapter (its heading, its sections, their order) do not run on it.
    pub excerpt: bool,
    pub vocab: &'a Vocabulary,
    /// The claims read from the text, once for all checkers.
    pub facts: &'a Facts,
    /// The report edition (year), from the command line or guessed from the text.
    pub edition: Option<i32>,
    /// Each chapter's words, read once on first use (see `words::chapter_words`).
    pub words: std::sync::OnceLock<Vec<words::Words<'a>>>,
    /// Earlier editions to relate the chapters to (`--previous`).
    pub previous: &'a [crate::editions::EarlierEdition],
}

/// What checkers write.
pub struct Output {
    /// At most `findings::PER_CHAPTER` per chapter are kept (`Findings::push`).
    pub diagnostics: Findings,
    pub checks: Vec<Check>,
}

impl Output {
    /// An output for a text whose chapters start at `chapter_starts`, and whose inline
    /// suppressions are `silencer`.
    pub fn new(chapter_starts: Arc<[usize]>, silencer: Arc<Silencer>) -> Output {
        Output {
            diagnostics: Findings::new(chapter_starts, silencer),
            checks: Vec::new(),
        }
    }
}

pub trait Checker: Send + Sync {
    fn check(&self, cx: &Context, rule: &RuleSpec, out: &mut Output);
}

type Constructor = fn(&toml::Table) -> Result<Box<dyn Checker>, String>;

/// Every rule kind, by the name rule files use.
pub const KINDS: &[(&str, Constructor)] = &[
    (
        "heading-malformed",
        without_options::<heading_malformed::HeadingMalformed>,
    ),
    (
        "missing-section",
        without_options::<missing_section::MissingSection>,
    ),
    (
        "section-order",
        without_options::<section_order::SectionOrder>,
    ),
    ("excerpt", without_options::<excerpt::Excerpt>),
    (
        "broken-paragraph",
        without_options::<broken_paragraph::BrokenParagraph>,
    ),
    ("escaped-markup", escaped_markup::build),
    (
        "recommendation-form",
        without_options::<recommendation_form::RecommendationForm>,
    ),
    ("duplicate-sentence", duplicate_sentence::build),
    ("breakdown", breakdown::build),
    ("trend", without_options::<trend::Trend>),
    ("rate", rate::build),
    ("tier", without_options::<tier_mismatch::TierMismatch>),
    ("range", without_options::<range::RangeReversed>),
    (
        "figure-conflict",
        without_options::<figure_conflict::FigureConflict>,
    ),
    (
        "count-mismatch",
        without_options::<count_list::CountMismatch>,
    ),
    ("percent", without_options::<percent::PercentMismatch>),
    (
        "date-out-of-period",
        without_options::<period::DateOutOfPeriod>,
    ),
    ("prior-year", without_options::<prior_year::PriorYear>),
    ("stale-copy", without_options::<stale_copy::StaleCopy>),
    ("spelling-variant", spelling_variant::build),
    ("hyphenation", without_options::<hyphenation::Hyphenation>),
    ("outdated-name", outdated_name::build),
    ("unused-suppression", without_options::<Reported>),
    ("undefined-acronym", acronym::build),
    ("number-style", without_options::<number_style::NumberStyle>),
    (
        "currency-name",
        without_options::<currency_name::CurrencyName>,
    ),
    ("repeated-word", repeated_word::build),
    ("existence", user::build_existence),
    ("substitution", user::build_substitution),
];

pub fn build(kind: &str, options: &toml::Table) -> Result<Box<dyn Checker>, String> {
    let (_, constructor) = KINDS.iter().find(|(k, _)| *k == kind).ok_or_else(|| {
        let known: Vec<&str> = KINDS.iter().map(|(k, _)| *k).collect();
        format!("unknown kind `{kind}` (known kinds: {})", known.join(", "))
    })?;
    constructor(options)
}

/// Read a kind's options from the rule's `options` table, refusing unknown keys.
pub fn options<T: DeserializeOwned>(table: &toml::Table) -> Result<T, String> {
    toml::Value::Table(table.clone())
        .try_into()
        .map_err(|e: toml::de::Error| format!("invalid options: {}", e.message().trim()))
}

/// The constructor of a kind with no options: the table must be empty.
fn without_options<C: Checker + Default + 'static>(
    table: &toml::Table,
) -> Result<Box<dyn Checker>, String> {
    let NoOptions {} = options(table)?;
    Ok(Box::new(C::default()))
}

/// A kind with no options.
#[derive(serde::Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct NoOptions {}

/// The engine applies suppressions after every checker and reports the unused ones under the
/// rule of this kind; the kind itself has nothing to check.
#[derive(Default)]
struct Reported;

impl Checker for Reported {
    fn check(&self, _: &Context, _: &RuleSpec, _: &mut Output) {}
}
