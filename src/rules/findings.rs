//! What one rule reports in one file: its first `PER_CHAPTER` findings in each chapter and its
//! first `PER_FILE` in the file, by position. A text that makes a rule fire millions of times
//! (a page of `x`, a list of 200,000 acronyms, thousands of one-line chapters) is shown those and
//! told how many more there are, instead of holding every finding in memory.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::spec::RuleSpec;
use crate::source::Span;
use crate::suppress::Silencer;
use rustc_hash::FxHashMap;
use std::sync::Arc;

/// The most findings of one rule shown for one chapter.
pub const PER_CHAPTER: usize = 1000;
/// The most findings of one rule shown for one file (a whole report, some 190 chapters, has a
/// few thousand findings of all rules together).
pub const PER_FILE: usize = 10_000;

/// One rule's findings in one file, gathered as the checker reports them.
///
/// The findings wait in one list; when it holds twice `PER_FILE`, it is sorted by position and
/// walked once, keeping a finding while its chapter has fewer than `PER_CHAPTER` and the file
/// fewer than `PER_FILE` kept before it. Walking what was kept together with later findings
/// keeps the same ones as one walk over all of them would, so memory stays bounded by the
/// limits whatever the checker reports.
pub struct Findings {
    /// Where each chapter starts, in order (findings before the first are counted apart).
    chapter_starts: Arc<[usize]>,
    /// The file's inline suppressions: a finding they silence is not kept, nor counted.
    silencer: Arc<Silencer>,
    per_chapter: usize,
    per_file: usize,
    waiting: Vec<Diagnostic>,
    reported: usize,
    /// By chapter (`None` before the first): findings reported, and the first left out.
    tally: FxHashMap<Option<usize>, Tally>,
}

#[derive(Default)]
struct Tally {
    reported: usize,
    kept: usize,
    first_left_out: Option<Span>,
}

/// The order findings are shown in (as the engine sorts them; the rule is the same for all).
fn position(d: &Diagnostic) -> (usize, usize, &str) {
    (d.span.start, d.span.end, &d.message)
}

impl Findings {
    /// Findings for a text whose chapters start at `chapter_starts` (in order).
    pub fn new(chapter_starts: Arc<[usize]>, silencer: Arc<Silencer>) -> Findings {
        Findings {
            silencer,
            ..Findings::with_limits(chapter_starts, PER_CHAPTER, PER_FILE)
        }
    }

    /// As `new`, with other limits (tests).
    pub fn with_limits(
        chapter_starts: Arc<[usize]>,
        per_chapter: usize,
        per_file: usize,
    ) -> Findings {
        Findings {
            chapter_starts,
            silencer: Arc::default(),
            per_chapter: per_chapter.max(1),
            per_file: per_file.max(1),
            waiting: Vec::new(),
            reported: 0,
            tally: FxHashMap::default(),
        }
    }

    /// The chapter (an index into `chapter_starts`) a span starts in; `None` before the first.
    fn chapter_of(&self, span: Span) -> Option<usize> {
        self.chapter_starts
            .partition_point(|&s| s <= span.start)
            .checked_sub(1)
    }

    pub fn push(&mut self, d: Diagnostic) {
        if self.silencer.silences(&d) {
            return;
        }
        self.tally
            .entry(self.chapter_of(d.span))
            .or_default()
            .reported += 1;
        self.reported += 1;
        self.waiting.push(d);
        if self.waiting.len() >= 2 * self.per_file {
            self.select();
        }
    }

    /// Keep the first findings by position within the limits; note where each chapter's first
    /// left out is. Afterwards `waiting` is in position order and each tally's `kept` is right.
    fn select(&mut self) {
        let mut waiting = std::mem::take(&mut self.waiting);
        waiting.sort_by(|a, b| position(a).cmp(&position(b)));
        for t in self.tally.values_mut() {
            t.kept = 0;
        }
        let mut kept = 0;
        waiting.retain(|d| {
            let chapter = self.chapter_of(d.span);
            let t = self.tally.entry(chapter).or_default();
            if t.kept < self.per_chapter && kept < self.per_file {
                t.kept += 1;
                kept += 1;
                return true;
            }
            if t.first_left_out
                .is_none_or(|f| (d.span.start, d.span.end) < (f.start, f.end))
            {
                t.first_left_out = Some(d.span);
            }
            false
        });
        self.waiting = waiting;
    }

    /// The findings kept. For a chapter where some were left out, an `info` finding of the same
    /// rule at the first of them says how many; when the file's limit was reached, one such
    /// finding says how many were left out from there on.
    pub fn finish(mut self, rule: &RuleSpec) -> Vec<Diagnostic> {
        let over = |t: &Tally| t.reported > self.per_chapter;
        if self.reported <= self.per_file && !self.tally.values().any(over) {
            return self.waiting;
        }
        self.select();
        // Where the file's limit was reached: the chapter of the last finding kept, if it is full.
        let file_cut = (self.waiting.len() == self.per_file)
            .then(|| self.waiting.last().map(|d| self.chapter_of(d.span)))
            .flatten();
        let mut tally: Vec<(Option<usize>, Tally)> = self.tally.into_iter().collect();
        tally.sort_by_key(|(chapter, _)| *chapter);
        let mut out = self.waiting;
        let mut file_left_out: Option<(usize, Span)> = None;
        for (chapter, t) in tally {
            let Some(first) = t.first_left_out else {
                continue;
            };
            let left_out = t.reported - t.kept;
            let past_file_limit = file_cut
                .is_some_and(|cut| chapter > cut || chapter == cut && t.kept < self.per_chapter);
            if past_file_limit {
                let (n, at) = file_left_out.get_or_insert((0, first));
                *n += left_out;
                if (first.start, first.end) < (at.start, at.end) {
                    *at = first;
                }
            } else {
                out.push(summary(
                    rule,
                    first,
                    format!(
                        "{left_out} more finding{} of this rule in this chapter not shown",
                        plural(left_out)
                    ),
                    format!(
                        "a rule shows at most {} findings in a chapter; deal with these and check again",
                        self.per_chapter
                    ),
                ));
            }
        }
        if let Some((n, at)) = file_left_out {
            out.push(summary(
                rule,
                at,
                format!(
                    "{n} more finding{} of this rule in this file not shown, from here on",
                    plural(n)
                ),
                format!(
                    "a rule shows at most {} findings in a file; deal with these and check again",
                    self.per_file
                ),
            ));
        }
        out
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The finding that stands for those left out.
fn summary(rule: &RuleSpec, at: Span, message: String, help: String) -> Diagnostic {
    let mut d = rule
        .diagnostic(at, message)
        .with_label(at, "the first not shown")
        .with_help(help);
    d.severity = Severity::Info;
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleSet;

    fn spec() -> RuleSpec {
        RuleSet::default_rules()
            .find("repeated-word")
            .unwrap()
            .spec
            .clone()
    }

    /// (start, severity, message) of each finding kept, in position order.
    fn shown(findings: Findings, rule: &RuleSpec) -> Vec<(usize, Severity, String)> {
        let mut out = findings.finish(rule);
        out.sort_by(|a, b| position(a).cmp(&position(b)));
        out.into_iter()
            .map(|d| (d.span.start, d.severity, d.message))
            .collect()
    }

    #[test]
    fn each_chapter_keeps_its_first_findings_by_position_and_counts_the_rest() {
        let rule = spec();
        let w = rule.severity;
        // Two chapters, at 0 and 1000; findings reported out of order.
        let mut findings = Findings::with_limits(Arc::from([0, 1000]), 3, 100);
        for at in [9, 2, 7, 5, 1, 8, 3, 6, 4, 1500, 1400] {
            findings.push(rule.diagnostic(Span::new(at, at + 1), "x"));
        }
        let x = || "x".to_string();
        assert_eq!(
            shown(findings, &rule),
            [
                (1, w, x()),
                (2, w, x()),
                (3, w, x()),
                (
                    4,
                    Severity::Info,
                    "6 more findings of this rule in this chapter not shown".into()
                ),
                (1400, w, x()),
                (1500, w, x()),
            ]
        );
    }

    #[test]
    fn the_file_keeps_its_first_findings_and_counts_the_rest_from_where_they_stop() {
        let rule = spec();
        // Chapters every 10 bytes, three findings in each (reported last chapter first), at
        // most two a chapter and five a file: chapters 0 and 1 keep two each (one left out in
        // each), chapter 2 keeps one and the file's limit is reached there.
        let starts: Vec<usize> = (0..10).map(|c| c * 10).collect();
        let mut findings = Findings::with_limits(Arc::from(starts), 2, 5);
        for chapter in (0..10).rev() {
            for k in 0..3 {
                let at = chapter * 10 + k;
                findings.push(rule.diagnostic(Span::new(at, at + 1), "x"));
            }
        }
        let shown = shown(findings, &rule);
        let at: Vec<usize> = shown.iter().map(|s| s.0).collect();
        assert_eq!(at, [0, 1, 2, 10, 11, 12, 20, 21]);
        assert_eq!(
            shown[2].2,
            "1 more finding of this rule in this chapter not shown"
        );
        assert_eq!(
            shown[5].2,
            "1 more finding of this rule in this chapter not shown"
        );
        assert_eq!(
            shown[7],
            (
                21,
                Severity::Info,
                "23 more findings of this rule in this file not shown, from here on".into()
            )
        );
    }

    #[test]
    fn findings_left_out_before_the_end_are_counted() {
        let rule = spec();
        // 2 × 3 findings fill the list and are cut to the first three; none come after.
        let starts: Vec<usize> = (0..6).map(|c| c * 10).collect();
        let mut findings = Findings::with_limits(Arc::from(starts), 2, 3);
        for at in [50, 40, 30, 20, 10, 0] {
            findings.push(rule.diagnostic(Span::new(at, at + 1), "x"));
        }
        let shown = shown(findings, &rule);
        let at: Vec<usize> = shown.iter().map(|s| s.0).collect();
        assert_eq!(at, [0, 10, 20, 30]);
        assert_eq!(
            shown[3].2,
            "3 more findings of this rule in this file not shown, from here on"
        );
    }

    #[test]
    fn under_the_limits_findings_are_kept_as_reported() {
        let rule = spec();
        let mut findings = Findings::with_limits(Arc::from([0]), 3, 100);
        for at in [5, 1, 3] {
            findings.push(rule.diagnostic(Span::new(at, at + 1), "x"));
        }
        let at: Vec<usize> = findings
            .finish(&rule)
            .iter()
            .map(|d| d.span.start)
            .collect();
        assert_eq!(at, [5, 1, 3]);
    }
}
