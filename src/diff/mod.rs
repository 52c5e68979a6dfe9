//! `tiplint diff OLD NEW`: what changed between two editions, chapter by chapter, sentence by
//! sentence.
//!
//! Both sides are read as editions are for `check --previous` ([`EarlierEdition::read`]): their
//! structure, claims and edition year. Chapters are paired as there ([`same_chapter`]: normalised
//! country name; a lone excerpt with a lone excerpt). Each pair's sentences (from the parser's
//! sentence split, whitespace folded, so a page break inside a sentence changes nothing) are
//! diffed with `similar`; within a run of replaced sentences, an old and a new sentence whose
//! words are mostly the same are one *changed* sentence, the others are *removed* and *added*.
//! The figures of a changed sentence are read with the quantity reader and compared in order:
//! those that differ are the sentence's changed figures.

pub mod render;

use crate::editions::{EarlierEdition, same_chapter};
use crate::facts::quantity::{CurrencyIndex, scan};
use crate::facts::token::tokenize;
use crate::parse::Chapter;
use crate::rules::RuleSet;
use crate::source::{Source, Span};
use similar::{Algorithm, DiffTag, capture_diff_slices};

/// How alike (the share of words in common, `similar`'s ratio) an old and a new sentence must
/// be to be one sentence changed rather than one removed and one added.
const SAME_SENTENCE: f32 = 0.5;

/// The two sides of a diff, each a list of files (a file, or a directory's files).
pub struct Sides {
    pub old: Vec<EarlierEdition>,
    pub new: Vec<EarlierEdition>,
}

/// One side of a chapter pair: where the chapter is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub path: String,
    pub edition: Option<i32>,
    /// 1-based line of the chapter's first byte.
    pub line: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Unchanged,
    Changed,
    Added,
    Removed,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::Unchanged => "unchanged",
            Status::Changed => "changed",
            Status::Added => "added",
            Status::Removed => "removed",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
}

impl ChangeKind {
    pub fn name(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Changed => "changed",
        }
    }
}

/// A sentence as one side holds it.
#[derive(Debug, Clone)]
pub struct SentenceAt {
    /// The sentence's text, its whitespace folded to single spaces.
    pub text: String,
    /// Its bytes in its file.
    pub span: Span,
    /// 1-based line of its first byte.
    pub line: usize,
    /// Its figures, in order: each as written and its span.
    pub figures: Vec<(String, Span)>,
}

/// A figure of a changed sentence that is not the same on both sides: as written on each side
/// (`None` where that side has no figure in its place).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureChange {
    pub old: Option<String>,
    pub new: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Change {
    pub kind: ChangeKind,
    pub old: Option<SentenceAt>,
    pub new: Option<SentenceAt>,
    /// For a changed sentence, the figures that differ.
    pub figures: Vec<FigureChange>,
}

/// One chapter's differences.
#[derive(Debug, Clone)]
pub struct ChapterDiff {
    /// The country its heading names (the new side's, else the old side's); `None` for an
    /// excerpt.
    pub country: Option<String>,
    pub old: Option<Place>,
    pub new: Option<Place>,
    pub status: Status,
    pub changes: Vec<Change>,
}

/// The whole diff: chapters of the new side in order, then the old side's chapters left
/// unpaired (removed), in order.
#[derive(Debug, Clone, Default)]
pub struct Diff {
    pub chapters: Vec<ChapterDiff>,
}

impl Diff {
    /// Is there any difference at all?
    pub fn differs(&self) -> bool {
        self.chapters.iter().any(|c| c.status != Status::Unchanged)
    }
    pub fn count(&self, status: Status) -> usize {
        self.chapters.iter().filter(|c| c.status == status).count()
    }
}

/// The diff of every chapter of `sides`.
pub fn diff(sides: &Sides, rules: &RuleSet) -> Diff {
    let vocab = &rules.vocabulary;
    let currencies = CurrencyIndex::new(vocab);
    let nouns = vocab.counted_noun_set();
    let sentences = |e: &EarlierEdition, c: &Chapter| -> Vec<SentenceAt> {
        let names = currencies.in_country(c.country());
        // Page furniture inside a sentence is not part of it.
        let text = if e.report.furniture.is_empty() {
            std::borrow::Cow::Borrowed(e.source.text.as_str())
        } else {
            std::borrow::Cow::Owned(crate::parse::structure::mask(
                &e.source.text,
                &e.report.furniture,
            ))
        };
        chapter_sentences(&text, &e.source, c, |span| {
            let toks = tokenize(&text, span);
            scan(&toks, &names, &nouns)
                .into_iter()
                .map(|q| (fold(&text[q.span.start..q.span.end]), q.span))
                .collect()
        })
    };
    let mut used: Vec<Vec<bool>> = sides
        .old
        .iter()
        .map(|e| vec![false; e.report.chapters.len()])
        .collect();
    let mut out = Diff::default();
    for e in &sides.new {
        for c in &e.report.chapters {
            let candidates = sides.old.iter().enumerate().flat_map(|(f, o)| {
                (0..o.report.chapters.len())
                    .filter(move |&k| {
                        same_chapter(c.country(), e.report.chapters.len(), o, k, vocab)
                    })
                    .map(move |k| (f, k))
            });
            let paired = pair_with(c, e, &sides.old, &used, candidates);
            let new_place = place(e, c);
            let Some((f, k)) = paired else {
                out.chapters.push(ChapterDiff {
                    country: c.country().map(str::to_string),
                    old: None,
                    new: Some(new_place),
                    status: Status::Added,
                    changes: Vec::new(),
                });
                continue;
            };
            used[f][k] = true;
            let o = &sides.old[f];
            let oc = &o.report.chapters[k];
            let changes = sentence_changes(&sentences(o, oc), &sentences(e, c));
            out.chapters.push(ChapterDiff {
                country: c.country().or(oc.country()).map(str::to_string),
                old: Some(place(o, oc)),
                new: Some(new_place),
                status: if changes.is_empty() {
                    Status::Unchanged
                } else {
                    Status::Changed
                },
                changes,
            });
        }
    }
    for (f, o) in sides.old.iter().enumerate() {
        for (k, c) in o.report.chapters.iter().enumerate() {
            if !used[f][k] {
                out.chapters.push(ChapterDiff {
                    country: c.country().map(str::to_string),
                    old: Some(place(o, c)),
                    new: None,
                    status: Status::Removed,
                    changes: Vec::new(),
                });
            }
        }
    }
    out
}

/// Of the old chapters `candidates` paired with chapter `c` of `file`, the one not yet taken,
/// preferring a file of the same name (two directories of excerpts: `a/x.txt` with `b/x.txt`).
fn pair_with(
    c: &Chapter,
    file: &EarlierEdition,
    old: &[EarlierEdition],
    used: &[Vec<bool>],
    candidates: impl Iterator<Item = (usize, usize)>,
) -> Option<(usize, usize)> {
    let free: Vec<(usize, usize)> = candidates.filter(|&(f, k)| !used[f][k]).collect();
    if c.country().is_some() {
        return free.first().copied();
    }
    let name = file_name(&file.name);
    free.iter()
        .find(|&&(f, _)| file_name(&old[f].name) == name)
        .or(free.first())
        .copied()
}

fn file_name(path: &str) -> &str {
    std::path::Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(path)
}

fn place(e: &EarlierEdition, c: &Chapter) -> Place {
    Place {
        path: e.name.clone(),
        edition: e.edition,
        line: e.source.line_col(c.span.start).0,
    }
}

/// Whitespace runs folded to one space, ends trimmed.
fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A chapter's heading line (when it has one) and sentences, in order, with their figures.
fn chapter_sentences(
    text: &str,
    source: &Source,
    c: &Chapter,
    figures: impl Fn(Span) -> Vec<(String, Span)>,
) -> Vec<SentenceAt> {
    let heading = c.heading.as_ref().map(|h| h.span);
    heading
        .into_iter()
        .chain(c.sentences().map(|s| s.span))
        .map(|span| SentenceAt {
            text: fold(&text[span.start..span.end]),
            span,
            line: source.line_col(span.start).0,
            figures: figures(span),
        })
        .collect()
}

/// The sentence-level changes from `old` to `new`.
pub fn sentence_changes(old: &[SentenceAt], new: &[SentenceAt]) -> Vec<Change> {
    let old_texts: Vec<&str> = old.iter().map(|s| s.text.as_str()).collect();
    let new_texts: Vec<&str> = new.iter().map(|s| s.text.as_str()).collect();
    let mut out = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &old_texts, &new_texts) {
        let (tag, o, n) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => {}
            DiffTag::Delete => out.extend(o.map(|i| removed(&old[i]))),
            DiffTag::Insert => out.extend(n.map(|j| added(&new[j]))),
            DiffTag::Replace => replaced(&old[o], &new[n], &mut out),
        }
    }
    out
}

fn removed(s: &SentenceAt) -> Change {
    Change {
        kind: ChangeKind::Removed,
        old: Some(s.clone()),
        new: None,
        figures: Vec::new(),
    }
}

fn added(s: &SentenceAt) -> Change {
    Change {
        kind: ChangeKind::Added,
        old: None,
        new: Some(s.clone()),
        figures: Vec::new(),
    }
}

/// A run of old sentences replaced by a run of new ones: each old sentence is paired, in order,
/// with the next new sentence mostly alike; the rest are removed or added where they stand.
fn replaced(old: &[SentenceAt], new: &[SentenceAt], out: &mut Vec<Change>) {
    let mut next = 0;
    for o in old {
        let found = (next..new.len()).find(|&j| {
            similar::TextDiff::from_words(o.text.as_str(), new[j].text.as_str()).ratio()
                >= SAME_SENTENCE
        });
        match found {
            Some(j) => {
                out.extend(new[next..j].iter().map(added));
                out.push(Change {
                    kind: ChangeKind::Changed,
                    old: Some(o.clone()),
                    new: Some(new[j].clone()),
                    figures: figure_changes(&o.figures, &new[j].figures),
                });
                next = j + 1;
            }
            None => out.push(removed(o)),
        }
    }
    out.extend(new[next..].iter().map(added));
}

/// The figures of two versions of a sentence that differ: the two lists compared in order (as
/// written), a replaced figure paired with its replacement.
pub fn figure_changes(old: &[(String, Span)], new: &[(String, Span)]) -> Vec<FigureChange> {
    let o: Vec<&str> = old.iter().map(|f| f.0.as_str()).collect();
    let n: Vec<&str> = new.iter().map(|f| f.0.as_str()).collect();
    let mut out = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &o, &n) {
        let (tag, a, b) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            continue;
        }
        let (a, b) = (&o[a], &n[b]);
        for i in 0..a.len().max(b.len()) {
            out.push(FigureChange {
                old: a.get(i).map(|s| s.to_string()),
                new: b.get(i).map(|s| s.to_string()),
            });
        }
    }
    out
}

/// Read both sides with the vocabulary of `rules`: each of `old` and `new` a file or a directory
/// (walked for `.txt` and `.md`). Every input that cannot be read is an error, named.
pub fn read_sides(old: &str, new: &str, rules: &RuleSet) -> (Sides, Vec<String>) {
    let mut errors = Vec::new();
    let mut side = |path: &str| -> Vec<EarlierEdition> {
        let mut out = Vec::new();
        for i in crate::input::collect(&[path.to_string()], "<stdin>") {
            match i.source {
                Ok(src) => out.push(EarlierEdition::read(src, rules)),
                Err(e) => errors.push(format!("{}: {e}", i.name)),
            }
        }
        out
    };
    let sides = Sides {
        old: side(old),
        new: side(new),
    };
    (sides, errors)
}

/// `tiplint diff OLD NEW`: 0 when the two sides hold the same sentences, 1 when they differ, 2
/// when an input could not be read (the rest is still compared and printed).
pub fn run(args: &crate::cli::DiffArgs, rules: &RuleSet) -> u8 {
    use crate::cli::{DiffFormat, EXIT_ERROR, EXIT_FINDINGS, EXIT_OK};
    use std::io::IsTerminal;
    if args.old == "-" && args.new == "-" {
        crate::output::error("diff: standard input can be only one of OLD and NEW");
        return EXIT_ERROR;
    }
    let (sides, mut errors) = read_sides(&args.old, &args.new, rules);
    for (path, side) in [(&args.old, &sides.old), (&args.new, &sides.new)] {
        if side.is_empty() && errors.iter().all(|e| !e.starts_with(path.as_str())) {
            errors.push(format!("{path}: no .txt or .md file to compare"));
        }
    }
    // A side with nothing to read leaves nothing to compare: said, and nothing else.
    if sides.old.is_empty() || sides.new.is_empty() {
        for e in &errors {
            crate::output::error(e);
        }
        return EXIT_ERROR;
    }
    let d = diff(&sides, rules);
    let text = match args.format {
        DiffFormat::Json => render::json(&d),
        DiffFormat::Text => {
            let color = crate::cli::colour(
                args.color,
                std::io::stdout().is_terminal(),
                std::env::var_os("NO_COLOR").as_deref(),
                std::env::var_os("TERM").as_deref(),
            );
            render::text(&d, color)
        }
    };
    let printed = crate::output::print(&text);
    for e in &errors {
        crate::output::error(e);
    }
    if printed.is_err() || !errors.is_empty() {
        EXIT_ERROR
    } else if d.differs() {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}
