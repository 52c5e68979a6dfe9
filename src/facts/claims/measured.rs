//! Sentences that hold two or more counted figures of one measure: the sentences a consistency
//! rule could read a relation in. Which of them took part in a check is decided after the rules
//! ran (the engine's coverage); here they are only found.
//!
//! A counted figure is a count (not a year, date, age, law, percent, money, duration or
//! ordinal). Its measure is its counted noun, singular (`30 victims` → `victim`). A figure whose
//! noun is left out (`18 were foreign`, `two for sex trafficking`, `(24 in 2021)`) or is a class
//! of people that restricts another measure (`20 women`, `nine male`) takes the measure of the
//! nearest earlier figure of its sentence that has one, the list it stands in; a class of people
//! with no such figure keeps its own noun, and an elided figure with none has no measure.

use super::para::{Link, Para};
use super::{Lexicon, singular};
use crate::facts::quantity::QKind;
use crate::source::Span;
use rustc_hash::FxHashMap as HashMap;

/// A sentence with two or more counted figures of one measure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeasuredSentence {
    pub span: Span,
    /// The figures of every measure counted twice or more in it, in order.
    pub figures: Vec<Span>,
}

/// The measured sentences of paragraph `p`, appended to `out`.
pub(super) fn read(p: &Para, lex: &Lexicon, out: &mut Vec<MeasuredSentence>) {
    let mut sentence = Sentence::default();
    for (q, quantity) in p.qs.iter().enumerate() {
        if quantity.kind != QKind::Count {
            continue;
        }
        let at = quantity.toks.0;
        let Some(&s) = p.sentence.get(at) else {
            continue;
        };
        if s == usize::MAX {
            continue;
        }
        if s != sentence.number {
            sentence.flush(p, out);
            sentence = Sentence {
                number: s,
                first_token: at,
                ..Sentence::default()
            };
        }
        let measure = sentence.measure_of(p, lex, q);
        // A class of people standing alone is no list's measure.
        let people = measure
            .as_ref()
            .is_some_and(|m| lex.persons.contains(m) && !lex.restricts_people(m));
        sentence.push(quantity.span, measure, people);
    }
    sentence.flush(p, out);
}

/// The counted figures of one sentence, read so far.
struct Sentence {
    number: usize,
    /// A token of the sentence.
    first_token: usize,
    figures: Vec<(Span, Option<String>)>,
    /// How many figures of each measure.
    counts: HashMap<String, usize>,
    /// The measure of the last figure that has one, and of the last that counts people (not
    /// by a class of people alone).
    last: Option<String>,
    last_people: Option<String>,
}

impl Default for Sentence {
    fn default() -> Self {
        Sentence {
            number: usize::MAX,
            first_token: 0,
            figures: Vec::new(),
            counts: HashMap::default(),
            last: None,
            last_people: None,
        }
    }
}

impl Sentence {
    /// The measure of figure `q`, given the figures before it in the sentence.
    fn measure_of(&self, p: &Para, lex: &Lexicon, q: usize) -> Option<String> {
        let np = p.np(q);
        match np.head().filter(|h| lex.counted.contains(*h)) {
            Some(head) => {
                let own = singular(head).into_owned();
                // A class of people (`20 women`) counts what the list counts.
                if lex.restricts_people(&own) {
                    Some(self.last_people.clone().unwrap_or(own))
                } else {
                    Some(own)
                }
            }
            // No counted noun: elided (`18 were foreign`, `two for forced labor`, `12 Uzbek`).
            None if np.words.is_empty() || np.link == Link::Were || np.capitalised => {
                self.last.clone()
            }
            // Some other noun (`three hotlines`): not a figure of a measure read here.
            None => None,
        }
    }

    /// Add a figure of `measure`; `people`: the measure counts people.
    fn push(&mut self, span: Span, measure: Option<String>, people: bool) {
        if let Some(m) = &measure {
            *self.counts.entry(m.clone()).or_default() += 1;
            self.last = Some(m.clone());
        }
        if people {
            self.last_people.clone_from(&measure);
        }
        self.figures.push((span, measure));
    }

    /// Record the sentence when two of its figures share a measure.
    fn flush(&self, p: &Para, out: &mut Vec<MeasuredSentence>) {
        let kept: Vec<Span> = self
            .figures
            .iter()
            .filter(|(_, m)| {
                m.as_ref()
                    .and_then(|m| self.counts.get(m))
                    .is_some_and(|&n| n >= 2)
            })
            .map(|(span, _)| *span)
            .collect();
        if kept.is_empty() {
            return;
        }
        let (first, end) = (
            p.sentence_start(self.first_token),
            p.sentence_end(self.first_token),
        );
        let (Some(first), Some(last)) = (
            p.toks.get(first),
            end.checked_sub(1).and_then(|e| p.toks.get(e)),
        ) else {
            return;
        };
        out.push(MeasuredSentence {
            span: first.span.cover(last.span),
            figures: kept,
        });
    }
}
