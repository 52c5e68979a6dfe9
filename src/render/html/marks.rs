//! What is marked in the text, and how a paragraph is cut around the marks: the figures the
//! checks compared (each with the verdict of its checks), and the stretches around them (a
//! finding's span, an unread sentence), each stretch tagged where it ends.

use crate::diagnostic::{Check, within_chars};
use crate::source::Span;

/// What the checks that compared a figure concluded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Every check that compared it held.
    Held,
    /// At least one check that compared it did not hold.
    Failed,
}

/// A figure that took part in one or more checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    pub span: Span,
    pub verdict: Verdict,
    /// The checks (indices into the file's checks) that compared it, in order.
    pub checks: Vec<usize>,
}

/// The figures the checks compared, in order and apart (figures that overlap are one mark), and
/// for each check the figures (indices into `marks`) it compared, in its own order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Figures {
    pub marks: Vec<Figure>,
    pub of_check: Vec<Vec<usize>>,
}

pub fn figures(text: &str, checks: &[Check]) -> Figures {
    let mut used: Vec<(Span, usize)> = checks
        .iter()
        .enumerate()
        .flat_map(|(k, c)| c.figures.iter().map(move |&f| (within_chars(f, text), k)))
        .filter(|(f, _)| !f.is_empty())
        .collect();
    used.sort_unstable_by_key(|&(f, k)| (f.start, f.end, k));
    let mut marks: Vec<Figure> = Vec::new();
    // Where each (figure, check) pair went, to list each check's figures below.
    let mut placed: rustc_hash::FxHashMap<(usize, Span), usize> = Default::default();
    for (span, k) in used {
        match marks.last_mut() {
            Some(last) if span.start < last.span.end => {
                last.span = last.span.cover(span);
                if !last.checks.contains(&k) {
                    last.checks.push(k);
                }
            }
            _ => marks.push(Figure {
                span,
                verdict: Verdict::Held,
                checks: vec![k],
            }),
        }
        placed.insert((k, span), marks.len() - 1);
    }
    for m in &mut marks {
        m.checks.sort_unstable();
        if m.checks.iter().any(|&k| !checks[k].ok) {
            m.verdict = Verdict::Failed;
        }
    }
    let mut of_check = vec![Vec::new(); checks.len()];
    for (k, c) in checks.iter().enumerate() {
        // In the check's own order (the total before its parts, as the rule listed them).
        for f in &c.figures {
            let f = within_chars(*f, text);
            if let Some(&m) = placed.get(&(k, f))
                && !of_check[k].contains(&m)
            {
                of_check[k].push(m);
            }
        }
    }
    Figures { marks, of_check }
}

/// A stretch of text marked around the figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stretch {
    /// A finding's span (an index into the file's findings).
    Finding(usize),
    /// A sentence with figures no check read (an index into the file's unread sentences).
    Unread(usize),
}

/// A stretch to mark in one paragraph, and whether its tag goes in this paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marked {
    pub stretch: Stretch,
    pub span: Span,
    pub tag_here: bool,
}

/// A paragraph cut around its marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Run {
    /// A piece of text inside at most one figure (an index into the figures) and the
    /// stretches that cover all of it.
    Text {
        span: Span,
        figure: Option<usize>,
        stretches: Vec<Stretch>,
    },
    /// The end of a stretch: where its tag goes (after a figure, never inside one).
    End(Stretch),
}

/// `paragraph` cut at every edge of the figures and stretches that touch it (`figures` are all
/// the file's figures, in order; `stretches` those that touch the paragraph or tag in it).
pub fn runs(paragraph: Span, figures: &[Figure], stretches: &[Marked]) -> Vec<Run> {
    let clip = |s: Span| {
        let start = s.start.clamp(paragraph.start, paragraph.end);
        Span::new(start, s.end.clamp(start, paragraph.end))
    };
    // The figures that touch the paragraph: they are in order and do not overlap.
    let first = figures.partition_point(|f| f.span.end <= paragraph.start);
    let here: Vec<(usize, Span)> = figures[first..]
        .iter()
        .enumerate()
        .take_while(|(_, f)| f.span.start < paragraph.end)
        .map(|(k, f)| (first + k, clip(f.span)))
        .filter(|(_, s)| !s.is_empty())
        .collect();
    let mut edges = vec![paragraph.start, paragraph.end];
    for (_, s) in &here {
        edges.extend([s.start, s.end]);
    }
    for m in stretches {
        let s = clip(m.span);
        edges.extend([s.start, s.end]);
    }
    edges.sort_unstable();
    edges.dedup();
    // The figure holding a position strictly inside it (figures are in order, apart).
    let inside = |at: usize| {
        let k = here.partition_point(|(_, f)| f.start < at);
        k.checked_sub(1).map(|k| here[k].1).filter(|f| at < f.end)
    };
    // Where each tag goes: the stretch's end in the paragraph, moved past a figure it falls in.
    let mut ends: Vec<(usize, Stretch)> = stretches
        .iter()
        .filter(|m| m.tag_here)
        .map(|m| {
            let at = clip(Span::new(m.span.end, m.span.end)).start;
            (inside(at).map_or(at, |f| f.end), m.stretch)
        })
        .collect();
    ends.sort_unstable();
    let mut ends = ends.into_iter().peekable();
    // The stretches by where they start in the paragraph; a sweep keeps those open.
    let mut by_start: Vec<(Span, Stretch)> = stretches
        .iter()
        .map(|m| (clip(m.span), m.stretch))
        .filter(|(s, _)| !s.is_empty())
        .collect();
    by_start.sort_unstable_by_key(|&(s, stretch)| (s.start, stretch));
    let mut by_start = by_start.into_iter().peekable();
    let mut open: Vec<(Span, Stretch)> = Vec::new();
    let mut figure_at = 0;
    let mut out = Vec::with_capacity(2 * edges.len());
    for pair in edges.windows(2) {
        let piece = Span::new(pair[0], pair[1]);
        while let Some((_, stretch)) = ends.next_if(|&(at, _)| at <= piece.start) {
            out.push(Run::End(stretch));
        }
        // Every edge is a piece's edge: a stretch open at a piece's start covers all of it.
        open.retain(|(s, _)| s.end > piece.start);
        while let Some(started) = by_start.next_if(|(s, _)| s.start <= piece.start) {
            open.push(started);
        }
        let mut covering: Vec<Stretch> = open.iter().map(|&(_, stretch)| stretch).collect();
        covering.sort_unstable();
        while figure_at < here.len() && here[figure_at].1.end <= piece.start {
            figure_at += 1;
        }
        let figure = here
            .get(figure_at)
            .filter(|(_, f)| f.contains(piece))
            .map(|&(k, _)| k);
        out.push(Run::Text {
            span: piece,
            figure,
            stretches: covering,
        });
    }
    out.extend(ends.map(|(_, stretch)| Run::End(stretch)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(ok: bool, figures: &[(usize, usize)]) -> Check {
        Check {
            rule: "sum-mismatch".into(),
            ok,
            expression: String::new(),
            values: serde_json::Value::Null,
            span: Span::new(0, 0),
            figures: figures.iter().map(|&(a, b)| Span::new(a, b)).collect(),
        }
    }

    #[test]
    fn a_figure_fails_when_any_check_that_compared_it_failed() {
        let text = "Of the 30 victims, 12 were women and 18 were men; 10 were children.";
        let checks = [
            check(true, &[(7, 9), (19, 21), (37, 39)]),
            check(false, &[(7, 9), (50, 52)]),
        ];
        let f = figures(text, &checks);
        let verdicts: Vec<(&str, Verdict)> = f
            .marks
            .iter()
            .map(|m| (&text[m.span.start..m.span.end], m.verdict))
            .collect();
        assert_eq!(
            verdicts,
            [
                ("30", Verdict::Failed),
                ("12", Verdict::Held),
                ("18", Verdict::Held),
                ("10", Verdict::Failed)
            ]
        );
        assert_eq!(f.marks[0].checks, [0, 1]);
        assert_eq!(f.of_check, [vec![0, 1, 2], vec![0, 3]]);
    }

    #[test]
    fn overlapping_figures_are_one_mark_and_empty_ones_none() {
        let text = "4 million som ($45,000)";
        let checks = [check(true, &[(0, 9), (0, 13), (3, 3)])];
        let f = figures(text, &checks);
        assert_eq!(f.marks.len(), 1);
        assert_eq!(f.marks[0].span, Span::new(0, 13));
        assert_eq!(f.of_check, [vec![0]]);
    }

    #[test]
    fn a_paragraph_is_cut_at_every_edge_and_tags_follow_their_stretch() {
        // "Police identified 30 victims." with the figure at 18..20, a finding over 7..20
        // (ending inside nothing) and an unread stretch from before the paragraph to its end.
        let paragraph = Span::new(0, 29);
        let figures = [Figure {
            span: Span::new(18, 20),
            verdict: Verdict::Failed,
            checks: vec![0],
        }];
        let stretches = [
            Marked {
                stretch: Stretch::Finding(0),
                span: Span::new(7, 19),
                tag_here: true,
            },
            Marked {
                stretch: Stretch::Unread(0),
                span: Span::new(0, 40),
                tag_here: false,
            },
        ];
        let runs = runs(paragraph, &figures, &stretches);
        let text = |start, end, figure, stretches: &[Stretch]| Run::Text {
            span: Span::new(start, end),
            figure,
            stretches: stretches.to_vec(),
        };
        let (f, u) = (Stretch::Finding(0), Stretch::Unread(0));
        assert_eq!(
            runs,
            [
                text(0, 7, None, &[u]),
                text(7, 18, None, &[f, u]),
                text(18, 19, Some(0), &[f, u]),
                text(19, 20, Some(0), &[u]),
                // The finding ends inside the figure: its tag follows the figure.
                Run::End(f),
                text(20, 29, None, &[u]),
            ]
        );
    }

    #[test]
    fn a_stretch_in_the_gap_after_a_paragraph_is_tagged_at_its_end() {
        let stretches = [Marked {
            stretch: Stretch::Finding(2),
            span: Span::new(12, 12),
            tag_here: true,
        }];
        let runs = runs(Span::new(0, 10), &[], &stretches);
        assert_eq!(
            runs,
            [
                Run::Text {
                    span: Span::new(0, 10),
                    figure: None,
                    stretches: vec![]
                },
                Run::End(Stretch::Finding(2))
            ]
        );
    }
}
