//! Word lists the parsers and rules read: section names, tier forms, abbreviations, countries.
//!
//! They live as data in `rules/vocabulary.toml` (embedded as the default) so that editors can
//! extend them without touching code.

use serde::Deserialize;
use std::collections::HashMap;

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Vocabulary {
    /// Section labels by kind, in the standard order of a chapter.
    #[serde(default)]
    pub sections: Vec<SectionName>,
    /// Abbreviations that end with a period but never end a sentence (`U.S.`, `e.g.`, `No.`).
    #[serde(default)]
    pub abbreviations: Vec<String>,
    /// Text that marks a line as a report title rather than prose (`Trafficking in Persons Report`).
    #[serde(default)]
    pub title_markers: Vec<String>,
    /// Country names as the report writes them, with the variants that mean the same country.
    #[serde(default)]
    pub countries: Vec<Country>,
    /// Verbs a recommendation may open with (the imperative), lower case.
    #[serde(default)]
    pub imperative_verbs: Vec<String>,
    /// First words that show a recommendation is not in the imperative (`the`, `government`).
    #[serde(default)]
    pub non_imperative_openers: Vec<String>,
    /// Currencies: ISO code, names, symbols, and reference exchange-rate bands per edition.
    #[serde(default)]
    pub currencies: Vec<Currency>,
    /// Nouns a figure counts (`victims`, `cases`), singular and plural.
    #[serde(default)]
    pub counted_nouns: Vec<String>,
    /// Nouns that count people: a breakdown of them may be by sex, age or nationality.
    #[serde(default)]
    pub person_nouns: Vec<String>,
    /// Classes of people a person count may be broken down into (`women`, `girls`, `adults`).
    #[serde(default)]
    pub person_classes: Vec<String>,
    /// Words stating a direction of change.
    #[serde(default)]
    pub directions: Vec<DirectionWords>,
    /// Verbs of change without a direction of their own (`cut`, `changed`, `amended`): `from 10
    /// to five years` after one is a change, not a range. Lower case.
    #[serde(default)]
    pub change_verbs: Vec<String>,
    /// Actions a figure can measure, by word stem (`prosecut` → prosecute).
    #[serde(default)]
    pub actions: Vec<Action>,
    /// Phrases of the tier sentence and the tier statement.
    #[serde(default)]
    pub tier_phrases: Option<TierPhrases>,
    /// Nouns counted one per place (`two shelters in Bishkek and Osh`).
    #[serde(default)]
    pub place_nouns: Vec<String>,
    /// Words that mark a dated event as outside the reporting period on purpose.
    #[serde(default)]
    pub past_markers: Vec<String>,
    /// Words naming a form of exploitation (`sex`, `labor`, `trafficking`): a part written with
    /// only these (`30 sex trafficking`) counts what its total counts.
    #[serde(default)]
    pub exploitation_words: Vec<String>,
    /// The restrictions a count of people carries (DESIGN §4.1), each a value of one dimension
    /// (sex, age, nationality, form of exploitation, status) and the words that state it.
    #[serde(default)]
    pub restrictions: Vec<RestrictionWords>,
    /// Words saying a part's class is not known (`four were unspecified`): such a part may close
    /// a partition of any dimension.
    #[serde(default)]
    pub unspecified_words: Vec<String>,
    /// Nouns naming people by a nationality the words before them state (`Nigerian nationals`):
    /// a class of people with no value of its own.
    #[serde(default)]
    pub nationality_nouns: Vec<String>,
    /// Words saying that groups overlap (`overlapping`): a breakdown in their sentence is open.
    #[serde(default)]
    pub overlap_words: Vec<String>,
    /// Nouns of a class of exploitation or of people (`form`, `category`): after `multiple`,
    /// `several` or `more than one` they say that groups overlap (`victims of multiple forms`).
    #[serde(default)]
    pub category_nouns: Vec<String>,
    /// Who reports a figure (`the government`, `civil society`, `NGOs`), by the words of the
    /// sentence's subject.
    #[serde(default)]
    pub actors: Vec<String>,
    /// What a section's opening verdict is about (`efforts`): `The government increased
    /// protection efforts` states no figure's direction.
    #[serde(default)]
    pub effort_nouns: Vec<String>,
    /// Words opening a sentence that adds a fact to those before (`Additionally,`): a list in
    /// it divides no figure of an earlier sentence.
    #[serde(default)]
    pub additive_openers: Vec<String>,
    /// House style: compounds written with a hyphen (`low-income`, `awareness-raising`).
    #[serde(default)]
    pub hyphenated_compounds: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Currency {
    /// The ISO 4217 code (`KGS`).
    pub code: String,
    /// Names read alone, lower case: single words (`som`, `soms`) and phrases (`kyrgyzstani
    /// som`). A name several currencies share is resolved by the chapter's country.
    #[serde(default)]
    pub names: Vec<String>,
    /// Names read only after the name or adjective of a country that uses the currency (`won` in
    /// `South Korean won`): alone they are English words or nationalities.
    #[serde(default)]
    pub qualified_names: Vec<String>,
    /// Shared names that mean this currency when the chapter's country has no currency of that
    /// name (`dollars`: the U.S. dollar).
    #[serde(default)]
    pub default_for: Vec<String>,
    /// Symbols written before an amount, as written (`€`, `S$`, `Rp`).
    #[serde(default)]
    pub symbols: Vec<String>,
    /// The code is also an English word or acronym (`ALL`, `TOP`): read as the currency only
    /// right after an amount.
    #[serde(default)]
    pub word_code: bool,
    /// Units of this currency per U.S. dollar that a conversion of an edition is expected in.
    #[serde(default)]
    pub bands: Vec<RateBand>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateBand {
    pub edition: i32,
    pub low: rust_decimal::Decimal,
    pub high: rust_decimal::Decimal,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DirectionWords {
    /// `up` or `down`.
    pub direction: String,
    pub words: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RestrictionWords {
    /// `sex`, `age`, `nationality`, `form` or `status`.
    pub dimension: String,
    /// The value within the dimension (`female`, `child`, `forced-labor`).
    pub value: String,
    /// The words that state it, lower case.
    pub words: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    pub name: String,
    pub stems: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TierPhrases {
    /// Tier 1: `fully meets the minimum standards`.
    pub fully_meets: Vec<String>,
    /// Tiers 2 and 3: `does not fully meet the minimum standards`.
    pub does_not_fully_meet: Vec<String>,
    /// Tier 2 and Tier 2 Watch List: `is making significant efforts`.
    pub making_efforts: Vec<String>,
    /// Tier 3: `is not making significant efforts`.
    pub not_making_efforts: Vec<String>,
    /// Words before a tier in the tier statement: `remained on`, `upgraded to`.
    pub statements: Vec<String>,
    /// A waiver from a downgrade to Tier 3 (`was granted a waiver from an otherwise required
    /// downgrade`): the country stays on Tier 2 Watch List though it is not making significant
    /// efforts.
    #[serde(default)]
    pub waiver: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionName {
    /// `intro`, `recommendations`, `prosecution`, `protection`, `prevention` or `profile`.
    pub kind: String,
    /// The label as printed, in upper case (`PRIORITIZED RECOMMENDATIONS`); empty for the intro.
    #[serde(default)]
    pub labels: Vec<String>,
    #[serde(default = "yes")]
    pub required: bool,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Country {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// ISO 3166-1 alpha-2 code (`KG`).
    #[serde(default)]
    pub iso: Option<String>,
    /// Nationality adjectives and demonyms (`Kyrgyz`, `Kyrgyzstani`).
    #[serde(default)]
    pub adjectives: Vec<String>,
    /// The ISO 4217 codes of the currencies the country uses or used (`KGS`): a chapter's bare
    /// `pesos` or `dinars` is its country's.
    #[serde(default)]
    pub currencies: Vec<String>,
}

impl Vocabulary {
    /// Lower-cased abbreviation set for the sentence splitter.
    pub fn abbreviation_set(&self) -> std::collections::HashSet<String> {
        self.abbreviations
            .iter()
            .map(|a| a.to_lowercase())
            .collect()
    }

    /// The listed country `name` (or one of its aliases) names, compared normalised.
    pub fn country_named(&self, name: &str) -> Option<&Country> {
        let name = normalise_name(name);
        self.countries.iter().find(|c| {
            normalise_name(&c.name) == name || c.aliases.iter().any(|a| normalise_name(a) == name)
        })
    }

    /// Map from normalised name (lower case, single spaces) to the list's spelling.
    pub fn country_index(&self) -> HashMap<String, String> {
        let mut map = HashMap::new();
        for c in &self.countries {
            map.insert(normalise_name(&c.name), c.name.clone());
            for a in &c.aliases {
                map.insert(normalise_name(a), c.name.clone());
            }
        }
        map
    }
}

/// Lower case, curly apostrophes straightened, runs of spaces collapsed.
pub fn normalise_name(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('’', "'")
        .to_lowercase()
}

impl Vocabulary {
    /// Add another file's lists to these.
    pub fn extend(&mut self, other: Vocabulary) {
        self.sections.extend(other.sections);
        self.abbreviations.extend(other.abbreviations);
        self.title_markers.extend(other.title_markers);
        self.countries.extend(other.countries);
        self.imperative_verbs.extend(other.imperative_verbs);
        self.non_imperative_openers
            .extend(other.non_imperative_openers);
        self.currencies.extend(other.currencies);
        self.counted_nouns.extend(other.counted_nouns);
        self.person_nouns.extend(other.person_nouns);
        self.person_classes.extend(other.person_classes);
        self.directions.extend(other.directions);
        self.change_verbs.extend(other.change_verbs);
        self.actions.extend(other.actions);
        if other.tier_phrases.is_some() {
            self.tier_phrases = other.tier_phrases;
        }
        self.place_nouns.extend(other.place_nouns);
        self.past_markers.extend(other.past_markers);
        self.exploitation_words.extend(other.exploitation_words);
        self.restrictions.extend(other.restrictions);
        self.unspecified_words.extend(other.unspecified_words);
        self.nationality_nouns.extend(other.nationality_nouns);
        self.overlap_words.extend(other.overlap_words);
        self.category_nouns.extend(other.category_nouns);
        self.actors.extend(other.actors);
        self.effort_nouns.extend(other.effort_nouns);
        self.additive_openers.extend(other.additive_openers);
        self.hyphenated_compounds.extend(other.hyphenated_compounds);
    }

    /// Take each list this vocabulary lacks from `defaults`.
    pub fn fill_missing(&mut self, defaults: &Vocabulary) {
        fn fill<T: Clone>(mine: &mut Vec<T>, theirs: &[T]) {
            if mine.is_empty() {
                *mine = theirs.to_vec();
            }
        }
        fill(&mut self.sections, &defaults.sections);
        fill(&mut self.abbreviations, &defaults.abbreviations);
        fill(&mut self.title_markers, &defaults.title_markers);
        fill(&mut self.countries, &defaults.countries);
        fill(&mut self.imperative_verbs, &defaults.imperative_verbs);
        fill(
            &mut self.non_imperative_openers,
            &defaults.non_imperative_openers,
        );
        fill(&mut self.currencies, &defaults.currencies);
        fill(&mut self.counted_nouns, &defaults.counted_nouns);
        fill(&mut self.person_nouns, &defaults.person_nouns);
        fill(&mut self.person_classes, &defaults.person_classes);
        fill(&mut self.directions, &defaults.directions);
        fill(&mut self.change_verbs, &defaults.change_verbs);
        fill(&mut self.actions, &defaults.actions);
        if self.tier_phrases.is_none() {
            self.tier_phrases = defaults.tier_phrases.clone();
        }
        fill(&mut self.place_nouns, &defaults.place_nouns);
        fill(&mut self.past_markers, &defaults.past_markers);
        fill(&mut self.exploitation_words, &defaults.exploitation_words);
        fill(&mut self.restrictions, &defaults.restrictions);
        fill(&mut self.unspecified_words, &defaults.unspecified_words);
        fill(&mut self.nationality_nouns, &defaults.nationality_nouns);
        fill(&mut self.overlap_words, &defaults.overlap_words);
        fill(&mut self.category_nouns, &defaults.category_nouns);
        fill(&mut self.actors, &defaults.actors);
        fill(&mut self.effort_nouns, &defaults.effort_nouns);
        fill(&mut self.additive_openers, &defaults.additive_openers);
        fill(
            &mut self.hyphenated_compounds,
            &defaults.hyphenated_compounds,
        );
    }

    pub fn counted_noun_set(&self) -> rustc_hash::FxHashSet<String> {
        self.counted_nouns
            .iter()
            .map(|n| n.to_lowercase())
            .collect()
    }
}
