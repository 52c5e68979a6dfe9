//! Earlier editions (`check --previous`): each read once, and its chapters paired with the
//! chapters checked by normalised country name and by edition.
//!
//! A chapter is paired with the chapters of an earlier edition that name the same country, once
//! names are normalised through the country list of `rules/countries.toml` (`THE GAMBIA`, `The
//! Gambia` and `Gambia, The`; `Türkiye` and `Turkey`). An excerpt names no country: a file
//! holding one chapter without a name is paired with an earlier file holding one chapter, as
//! the person who named both files on the command line meant. Only editions older than the
//! checked one are paired, and only when both editions are known (`--edition`, the
//! configuration, a title such as `2022 Trafficking in Persons Report:`, or the text's dates).

use crate::facts::{Facts, Lexicon, extract};
use crate::parse::{Report, StructureGrammar};
use crate::rules::RuleSet;
use crate::source::Source;
use crate::vocab::{Vocabulary, normalise_name};
use std::sync::Arc;

/// An earlier edition's file, read once: its text, structure and claims.
#[derive(Debug)]
pub struct EarlierEdition {
    /// The name its findings' labels show (the path as given).
    pub name: String,
    pub source: Arc<Source>,
    pub report: Report,
    pub facts: Facts,
    /// Its edition (year): from its title, else guessed from its dates.
    pub edition: Option<i32>,
}

impl EarlierEdition {
    /// Read `source` as an earlier edition with the vocabulary of `rules`.
    pub fn read(source: Source, rules: &RuleSet) -> EarlierEdition {
        let report = StructureGrammar::new(&rules.vocabulary).parse(&source.text);
        let lexicon = Lexicon::new(&rules.vocabulary);
        let facts = extract(&source.text, &report, &lexicon);
        let edition = report
            .title_edition
            .or_else(|| crate::rules::engine::guess_edition(&facts));
        EarlierEdition {
            name: source.name.clone(),
            source: Arc::new(source),
            report,
            facts,
            edition,
        }
    }

    /// The file a finding's label points into when it shows this edition's text.
    pub fn label_file(&self) -> Arc<crate::diagnostic::OtherFile> {
        Arc::new(crate::diagnostic::OtherFile {
            name: self.name.clone(),
            source: self.source.clone(),
        })
    }
}

/// A chapter of an earlier edition paired with a chapter being checked.
#[derive(Debug, Clone, Copy)]
pub struct Paired<'a> {
    pub edition: &'a EarlierEdition,
    /// The index of the chapter in `edition.report.chapters` (and `edition.facts.chapters`).
    pub chapter: usize,
    /// Its edition year.
    pub year: i32,
}

/// A country name as the country list spells it (its aliases and spellings folded), lower
/// case; a name the list does not hold, normalised.
pub fn country_key(name: &str, vocab: &Vocabulary) -> String {
    let written = normalise_name(name);
    vocab
        .countries
        .iter()
        .find(|c| {
            normalise_name(&c.name) == written
                || c.aliases.iter().any(|a| normalise_name(a) == written)
        })
        .map_or(written, |c| normalise_name(&c.name))
}

/// The chapters of `previous` paired with a chapter of country `country` (none for an excerpt)
/// of edition `edition`, in a file of `chapters` chapters; newest edition first.
pub fn earlier_chapters<'a>(
    country: Option<&str>,
    chapters: usize,
    edition: i32,
    previous: &'a [EarlierEdition],
    vocab: &Vocabulary,
) -> Vec<Paired<'a>> {
    let key = country.map(|c| country_key(c, vocab));
    let mut out = Vec::new();
    for e in previous {
        let Some(year) = e.edition.filter(|&y| y < edition) else {
            continue;
        };
        let single = chapters == 1 && e.report.chapters.len() == 1;
        for (k, c) in e.report.chapters.iter().enumerate() {
            let same = match (&key, c.country()) {
                (Some(a), Some(b)) => *a == country_key(b, vocab),
                _ => single,
            };
            if same {
                out.push(Paired {
                    edition: e,
                    chapter: k,
                    year,
                });
            }
        }
    }
    out.sort_by_key(|p| std::cmp::Reverse(p.year));
    out
}

/// Is chapter `k` of `e` the same chapter as one of country `country` (none for an excerpt)
/// in a file of `chapters` chapters? The pairing of [`earlier_chapters`], whatever the two
/// editions are (`tiplint diff` compares any two).
pub fn same_chapter(
    country: Option<&str>,
    chapters: usize,
    e: &EarlierEdition,
    k: usize,
    vocab: &Vocabulary,
) -> bool {
    let single = chapters == 1 && e.report.chapters.len() == 1;
    match (country, e.report.chapters.get(k).and_then(|c| c.country())) {
        (Some(a), Some(b)) => country_key(a, vocab) == country_key(b, vocab),
        _ => single,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_names_are_paired_through_the_country_list() {
        let rules = RuleSet::default_rules();
        let v = &rules.vocabulary;
        for (a, b) in [
            ("THE GAMBIA", "The Gambia"),
            ("Gambia, The", "The Gambia"),
            ("Turkey", "Türkiye"),
            ("Cote d'Ivoire", "Côte d’Ivoire"),
            ("Kyrgyzstan", "KYRGYZ REPUBLIC"),
        ] {
            assert_eq!(country_key(a, v), country_key(b, v), "{a} / {b}");
        }
        assert_ne!(country_key("Niger", v), country_key("Nigeria", v));
    }
}
