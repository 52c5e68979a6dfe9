//! Run the selected rules over one source: parse once, then every checker reads the tree.

use crate::diagnostic::{Check, Diagnostic};
use crate::facts::{Facts, Lexicon, extract};
use crate::parse::{StructureGrammar, Tier};
use crate::rules::checkers::{Context, Output};
use crate::rules::registry::RuleSet;
use crate::source::{Source, Span};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashSet;

/// Which rules run: all but the ignored, or only the selected.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub select: Option<HashSet<String>>,
    pub ignore: HashSet<String>,
}

/// A list of rule selectors and where it was written, for its errors (`tiplint.toml: select: `,
/// `--ignore: `; empty for none).
pub type Selectors<'a> = (&'a [String], &'a str);

impl Selection {
    /// Resolve names, codes, code prefixes (`TL1`) or `ALL` against the rule set; an unknown one
    /// is an error naming it (and the rule it may mean).
    pub fn resolve(
        rules: &RuleSet,
        select: &[String],
        ignore: &[String],
    ) -> Result<Selection, String> {
        Selection::from_lists(rules, &[(select, "")], &[(ignore, "")])
    }

    /// The selection of several lists: the rules the `select` lists name, less those the
    /// `ignore` lists name. The first `select` list is the selection proper; the others extend
    /// it (`--extend-select`): when the first names no rule, every rule runs, the others
    /// included.
    pub fn from_lists(
        rules: &RuleSet,
        select: &[Selectors],
        ignore: &[Selectors],
    ) -> Result<Selection, String> {
        let names = |lists: &[Selectors]| -> Result<Vec<String>, String> {
            let mut out = Vec::new();
            for (list, origin) in lists {
                for s in list.iter().flat_map(|s| s.split(',')).map(str::trim) {
                    if s.is_empty() {
                        continue;
                    }
                    let matched = rules.matching(s);
                    if matched.is_empty() {
                        return Err(format!("{origin}{}", rules.unknown(s)));
                    }
                    out.extend(matched.into_iter().map(|r| r.spec.name.clone()));
                }
            }
            Ok(out)
        };
        let (primary, extending) = select.split_first().unwrap_or((&(&[], ""), &[]));
        let primary = names(std::slice::from_ref(primary))?;
        let extending = names(extending)?;
        Ok(Selection {
            select: (!primary.is_empty()).then(|| primary.into_iter().chain(extending).collect()),
            ignore: names(ignore)?.into_iter().collect(),
        })
    }

    pub fn enabled(&self, name: &str) -> bool {
        !self.ignore.contains(name) && self.select.as_ref().is_none_or(|s| s.contains(name))
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ChapterInfo {
    pub country: Option<String>,
    pub tier: Option<Tier>,
    pub span: Span,
}

/// Everything found in one file.
#[derive(Debug, Clone, Default)]
pub struct FileResult {
    pub chapters: Vec<ChapterInfo>,
    pub diagnostics: Vec<Diagnostic>,
    pub checks: Vec<Check>,
    /// The edition the rules used, and whether it was given or guessed.
    pub edition: Option<(i32, EditionSource)>,
    /// Findings silenced by inline suppressions.
    pub suppressed: usize,
    /// Where each diagnostic's baseline identity is read from (same order as `diagnostics`);
    /// the fingerprint itself is computed only for a baseline (`FileResult::fingerprints`).
    pub identities: Vec<Identity>,
    /// Sentences with two or more counted figures of one measure, and how many a check read.
    pub coverage: crate::rules::Coverage,
    /// The spans of those sentences no check read, in order.
    pub unread: Vec<Span>,
    /// The spans of all the sentences coverage counts (read and unread), in order: coverage
    /// per chapter (`--format html`).
    pub measured: Vec<Span>,
}

/// What a finding's baseline identity is made of: its chapter (an index into `chapters`) and
/// the sentence holding its start (or the finding's own span outside sentences).
#[derive(Debug, Clone, Copy)]
pub struct Identity {
    pub chapter: Option<usize>,
    pub sentence: Span,
}

impl FileResult {
    /// The baseline fingerprint of each diagnostic, in order: FNV-1a of its chapter's country,
    /// the normalised text of its sentence and its message. `source` is the text this result
    /// is of.
    pub fn fingerprints<'r>(&'r self, source: &'r Source) -> impl Iterator<Item = String> + 'r {
        self.diagnostics
            .iter()
            .zip(&self.identities)
            .map(|(d, id)| {
                let country = id
                    .chapter
                    .and_then(|c| self.chapters.get(c))
                    .and_then(|c| c.country.as_deref())
                    .unwrap_or("");
                identity(source, country, id.sentence, d)
            })
    }
}

/// Settings that change what the rules conclude.
#[derive(Debug, Clone, Copy, Default)]
pub struct Settings {
    /// The report's edition (year); guessed from the text when not given.
    pub edition: Option<i32>,
    /// Check a text without a heading as a whole chapter (`--chapter`), not as an excerpt.
    pub whole_chapter: bool,
}

/// Where the edition year came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EditionSource {
    Given,
    Guessed,
}

pub fn check_source(source: &Source, rules: &RuleSet, selection: &Selection) -> FileResult {
    check_source_with(source, rules, selection, Settings::default())
}

pub fn check_source_with(
    source: &Source,
    rules: &RuleSet,
    selection: &Selection,
    settings: Settings,
) -> FileResult {
    check_source_against(source, rules, selection, settings, &[])
}

/// Check `source` and relate its chapters to the same chapters of earlier editions
/// (`--previous`).
pub fn check_source_against(
    source: &Source,
    rules: &RuleSet,
    selection: &Selection,
    settings: Settings,
    previous: &[crate::editions::EarlierEdition],
) -> FileResult {
    let report = StructureGrammar::new(&rules.vocabulary).parse(&source.text);
    // Page furniture (page numbers, running titles) is read as blank: the facts and the rules
    // read the text with it blanked out, at the same offsets; findings quote the file itself.
    let masked = (!report.furniture.is_empty()).then(|| {
        Source::new(
            source.name.clone(),
            crate::parse::structure::mask(&source.text, &report.furniture),
        )
    });
    let reading = masked.as_ref().unwrap_or(source);
    let lexicon = Lexicon::new(&rules.vocabulary);
    let facts = extract(&reading.text, &report, &lexicon);
    let edition = match settings.edition {
        Some(e) => Some((e, EditionSource::Given)),
        // A title line's year is the text's own statement of its edition.
        None => report
            .title_edition
            .or_else(|| guess_edition(&facts))
            .map(|e| (e, EditionSource::Guessed)),
    };
    // A text without any heading line is part of a chapter (DESIGN §2): the rules that need a
    // whole chapter leave it alone, unless it is to be checked as one.
    let excerpt = !settings.whole_chapter
        && !report.chapters.is_empty()
        && report.chapters.iter().all(|c| c.heading.is_none());
    let cx = Context {
        source: reading,
        report: &report,
        excerpt,
        vocab: &rules.vocabulary,
        facts: &facts,
        edition: edition.map(|e| e.0),
        words: Default::default(),
        previous,
    };
    // The rules are independent readers of the same facts: run them in parallel, each into its
    // own output, and gather the outputs in rule order (the findings are sorted below anyway).
    let chapter_starts: std::sync::Arc<[usize]> =
        report.chapters.iter().map(|c| c.span.start).collect();
    // Inline suppressions silence findings as the rules report them, before the limits on
    // findings count them.
    let silencer = std::sync::Arc::new(crate::suppress::Silencer::new(
        source,
        crate::suppress::parse(source, rules),
    ));
    let outputs: Vec<(Vec<Diagnostic>, Vec<Check>)> = rules
        .rules
        .par_iter()
        .filter(|r| selection.enabled(&r.spec.name))
        .map(|rule| {
            let mut out = Output::new(chapter_starts.clone(), silencer.clone());
            rule.checker.check(&cx, &rule.spec, &mut out);
            (out.diagnostics.finish(&rule.spec), out.checks)
        })
        .collect();
    let mut diagnostics = Vec::with_capacity(outputs.iter().map(|o| o.0.len()).sum());
    let mut checks = Vec::with_capacity(outputs.iter().map(|o| o.1.len()).sum());
    for (d, c) in outputs {
        diagnostics.extend(d);
        checks.extend(c);
    }
    // Every finding and check of every rule passes here, before anything reads its lines: its
    // spans are held to the text (see `Diagnostic::hold_to`). The suppressions' own findings
    // are held where they are made.
    for d in &mut diagnostics {
        d.hold_to(&source.text);
    }
    for c in &mut checks {
        c.hold_to(&source.text);
    }
    if let Some(unused) = rules
        .rules
        .iter()
        .find(|r| r.spec.kind == "unused-suppression" && selection.enabled(&r.spec.name))
    {
        diagnostics.extend(silencer.unused(source, &unused.spec, |name| selection.enabled(name)));
    }
    let suppressed = silencer.hidden();
    diagnostics.sort_by(|a, b| {
        (a.span.start, a.span.end, &a.rule, &a.message).cmp(&(
            b.span.start,
            b.span.end,
            &b.rule,
            &b.message,
        ))
    });
    checks.sort_by(|a, b| (a.span.start, &a.rule).cmp(&(b.span.start, &b.rule)));
    let (coverage, unread) = crate::rules::coverage::of(&facts, &checks);
    // Every sentence in order, for the identities: each diagnostic's sentence is found by a
    // binary search instead of a walk through the chapter.
    let sentences: Vec<(usize, Span)> = report
        .chapters
        .iter()
        .enumerate()
        .flat_map(|(k, c)| c.sentences().map(move |s| (k, s.span)))
        .collect();
    let identities = diagnostics
        .iter()
        .map(|d| {
            let at = d.span.start;
            let chapter = report
                .chapters
                .partition_point(|c| c.span.start <= at)
                .checked_sub(1)
                .filter(|&k| report.chapters[k].span.contains(Span::new(at, at)));
            let sentence = sentences
                .partition_point(|(_, s)| s.start <= at)
                .checked_sub(1)
                .map(|k| sentences[k])
                .filter(|&(k, s)| Some(k) == chapter && at < s.end.max(s.start + 1))
                .map_or(d.span, |(_, s)| s);
            Identity { chapter, sentence }
        })
        .collect();
    FileResult {
        chapters: report
            .chapters
            .iter()
            .map(|c| ChapterInfo {
                country: c.country().map(str::to_string),
                tier: c.tier(),
                span: c.span,
            })
            .collect(),
        diagnostics,
        checks,
        edition,
        suppressed,
        identities,
        coverage,
        unread,
        measured: facts
            .chapters
            .iter()
            .flat_map(|c| c.measured.iter().map(|m| m.span))
            .collect(),
    }
}

/// The edition a text belongs to. A report covers April to March and is published in June, so
/// a dated month implies an edition: the next year, or the same year for January–March. The
/// edition most of the text's dated months imply wins (the later one on a tie), so that one
/// forward-looking date (`until March 2025`) does not move it.
pub fn guess_edition(facts: &Facts) -> Option<i32> {
    let mut votes: std::collections::BTreeMap<i32, usize> = std::collections::BTreeMap::new();
    for &(year, month) in facts.chapters.iter().flat_map(|c| c.dates.iter()) {
        *votes
            .entry(if month <= 3 { year } else { year + 1 })
            .or_default() += 1;
    }
    let by_months = votes
        .into_iter()
        .max_by_key(|&(edition, n)| (n, edition))
        .map(|(edition, _)| edition);
    // Without a dated month: the year after the latest year the text mentions.
    let guess = by_months.or_else(|| {
        facts
            .chapters
            .iter()
            .flat_map(|c| c.years.iter())
            .max()
            .map(|y| y + 1)
    })?;
    // A year the text compares its own figures with (`24 victims, compared with 20 in 2021`) is
    // before the edition's own period: the edition is at least two years after it.
    let restated = facts
        .chapters
        .iter()
        .flat_map(|c| c.period_figures.iter())
        .filter(|f| f.restated)
        .filter_map(|f| match f.period {
            crate::facts::FigurePeriod::Year(y) => Some(y + 2),
            _ => None,
        })
        .max();
    Some(restated.map_or(guess, |least| guess.max(least)))
}

/// A finding's identity without its position: the chapter's country and the normalised text of
/// the sentence holding the finding's start (or of the finding's own text outside sentences).
fn identity(source: &Source, country: &str, sentence: Span, d: &Diagnostic) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |b: u8| h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    country.bytes().for_each(&mut feed);
    feed(0);
    // The sentence with its white space normalised to single spaces.
    words_spaced(source.slice(sentence), &mut feed);
    feed(0);
    d.message.bytes().for_each(&mut feed);
    format!("{h:016x}")
}

/// Feeds `text`'s words joined by single spaces, white space read as `str::split_whitespace`
/// reads it; ASCII, most of the text, is read without decoding.
fn words_spaced(text: &str, feed: &mut impl FnMut(u8)) {
    let bytes = text.as_bytes();
    let (mut at, mut started, mut space) = (0, false, false);
    while at < bytes.len() {
        let b = bytes[at];
        let (white, len) = if b < 0x80 {
            (matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r'), 1)
        } else {
            let c = text[at..].chars().next().unwrap_or(' ');
            (c.is_whitespace(), c.len_utf8())
        };
        if white {
            space = started;
        } else {
            if space {
                feed(b' ');
                space = false;
            }
            started = true;
            bytes[at..at + len].iter().for_each(|&x| feed(x));
        }
        at += len;
    }
}

#[cfg(test)]
mod tests {
    use super::words_spaced;

    #[test]
    fn words_are_spaced_as_split_whitespace_reads_them() {
        for text in [
            "",
            "   ",
            "one",
            "  The  Government\u{a0}identified\t30 victims.\n",
            "a\u{b}b\u{c}c\r\nd\u{2009}e\u{3000}f\u{85}g",
            "Grève  générale —\u{2028} strike",
            "trailing space\u{202f}",
        ] {
            let mut fed = Vec::new();
            words_spaced(text, &mut |b| fed.push(b));
            let expected = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(String::from_utf8(fed).unwrap(), expected, "{text:?}");
        }
    }
}
