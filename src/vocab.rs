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
}

impl Vocabulary {
    /// Lower-cased abbreviation set for the sentence splitter.
    pub fn abbreviation_set(&self) -> std::collections::HashSet<String> {
        self.abbreviations
            .iter()
            .map(|a| a.to_lowercase())
            .collect()
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
    }
}
