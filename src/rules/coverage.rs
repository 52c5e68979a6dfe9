//! Coverage: of the sentences that hold two or more counted figures of one measure (found by the
//! facts stage, `MeasuredSentence`), which were read. A sentence is *read* when one of those
//! figures is among the figures a check compared; the others are *unread*: what tiplint does not
//! read it cannot check.

use crate::diagnostic::Check;
use crate::facts::Facts;
use crate::source::Span;
use serde::Serialize;

/// How many sentences hold two or more counted figures of one measure, and how many of them
/// took part in a check.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct Coverage {
    pub sentences: usize,
    pub read: usize,
}

impl std::ops::Add for Coverage {
    type Output = Coverage;
    fn add(self, other: Coverage) -> Coverage {
        Coverage {
            sentences: self.sentences + other.sentences,
            read: self.read + other.read,
        }
    }
}

/// The coverage of `facts` by `checks`, and the unread sentences, in order.
pub fn of(facts: &Facts, checks: &[Check]) -> (Coverage, Vec<Span>) {
    let mut compared: Vec<Span> = checks
        .iter()
        .flat_map(|c| c.figures.iter().copied())
        .collect();
    compared.sort_unstable_by_key(|s| (s.start, s.end));
    // A figure took part when a compared figure overlaps it (the compared figure starting last
    // before the figure's end: figures do not nest).
    let took_part = |f: &Span| {
        let before = compared.partition_point(|c| c.start < f.end.max(f.start + 1));
        before
            .checked_sub(1)
            .is_some_and(|k| compared[k].end > f.start || compared[k] == *f)
    };
    let mut coverage = Coverage::default();
    let mut unread = Vec::new();
    for sentence in facts.chapters.iter().flat_map(|c| c.measured.iter()) {
        coverage.sentences += 1;
        if sentence.figures.iter().any(took_part) {
            coverage.read += 1;
        } else {
            unread.push(sentence.span);
        }
    }
    (coverage, unread)
}
