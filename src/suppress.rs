//! Inline suppressions: `<!-- tiplint-disable-next-line RULE -->`, `<!-- tiplint-disable RULE -->`
//! … `<!-- tiplint-enable RULE -->` (rule names or codes, comma-separated; none means every rule).

use crate::diagnostic::Diagnostic;
use crate::rules::RuleSet;
use crate::rules::spec::RuleSpec;
use crate::source::{Source, Span};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

#[derive(Debug, Clone)]
pub struct Suppression {
    /// The comment itself.
    pub span: Span,
    /// Rule names it silences; `None` for all.
    pub rules: Option<Vec<String>>,
    /// First and last line (1-based) it covers.
    pub lines: (usize, usize),
    /// What is wrong with it, said whether or not it silenced something: a rule name that is no
    /// rule, or a directive that is none (`tiplint-disable-nextline`, which silences nothing).
    pub problem: Option<String>,
}

/// The directives, as written.
const DIRECTIVES: [&str; 3] = [
    "tiplint-disable-next-line",
    "tiplint-disable",
    "tiplint-enable",
];

/// The comment that silences `rule` on the next line with text (the form the language server's
/// code action inserts).
pub fn disable_next_line(rule: &str) -> String {
    format!("<!-- {} {rule} -->", DIRECTIVES[0])
}

enum Directive {
    NextLine,
    Disable,
    Enable,
}

/// The directive of a comment line, or (`Err`) the word of a comment that looks like one but is
/// none (`tiplint-disable-nextline`, `tiplint-ignore`, `tiplint:disable`).
fn directive(line: &str) -> Option<Result<(Directive, Vec<String>), String>> {
    let inner = line.strip_prefix("<!--")?.strip_suffix("-->")?.trim();
    let (kind, rest) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
    let d = match kind {
        "tiplint-disable-next-line" => Directive::NextLine,
        "tiplint-disable" => Directive::Disable,
        "tiplint-enable" => Directive::Enable,
        _ if kind
            .get(..7)
            .is_some_and(|p| p.eq_ignore_ascii_case("tiplint")) =>
        {
            return Some(Err(kind.to_string()));
        }
        _ => return None,
    };
    let rules = rest
        .split([',', ' '])
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(str::to_string)
        .collect();
    Some(Ok((d, rules)))
}

/// Every suppression in the text, with rule names resolved (unknown names are kept as written,
/// so they match nothing and are reported as unused).
pub fn parse(source: &Source, rules: &RuleSet) -> Vec<Suppression> {
    let resolve = |names: Vec<String>| -> Option<Vec<String>> {
        if names.is_empty() {
            return None;
        }
        Some(
            names
                .into_iter()
                .map(|n| rules.find(&n).map_or(n, |r| r.spec.name.clone()))
                .collect(),
        )
    };
    // The names of a suppression that are no rule, said with the rule each may mean.
    let unknown = |names: &Option<Vec<String>>| -> Option<String> {
        let unknown: Vec<(&String, String)> = names
            .iter()
            .flatten()
            .filter(|n| rules.find(n).is_none())
            .map(|n| {
                let hint = crate::suggest::did_you_mean(
                    n,
                    rules.rules.iter().map(|r| r.spec.name.as_str()),
                );
                (n, hint)
            })
            .collect();
        match unknown.as_slice() {
            [] => None,
            [(n, hint)] => Some(format!(
                "`{n}` is not a rule{hint}, so this suppression silences nothing of it"
            )),
            many => Some(format!(
                "{} are not rules, so this suppression silences nothing of them",
                many.iter()
                    .map(|(n, hint)| format!("`{n}`{hint}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
    };
    let mut out = Vec::new();
    let mut open: Vec<(Span, Option<Vec<String>>, usize)> = Vec::new();
    let text = source.text.as_str();
    // Lines as the source's line index reads them (LF, CRLF or a lone CR), so that the line
    // numbers here are those of every finding. Most files have no suppression at all: the
    // lines are looked at only when a comment could be one.
    if memchr::memmem::find(text.as_bytes(), b"tiplint-").is_none() {
        return out;
    }
    let lines = source.line_count();
    let has_text = |n: usize| !source.slice(source.line_bounds(n)).trim().is_empty();
    for n in 0..lines {
        let line_no = n + 1;
        let bounds = source.line_bounds(n);
        let raw = source.slice(bounds);
        let trimmed = raw.trim();
        let start = bounds.start + (raw.len() - raw.trim_start().len());
        let Some(found) = directive(trimmed) else {
            continue;
        };
        let span = Span::new(start, start + trimmed.len());
        let (kind, names) = match found {
            Ok(x) => x,
            Err(word) => {
                // Covers no line, silences nothing: only its problem is said.
                out.push(Suppression {
                    span,
                    rules: Some(Vec::new()),
                    lines: (0, 0),
                    problem: Some(format!(
                        "`{word}` is not a tiplint directive{}, so this comment silences nothing",
                        crate::suggest::did_you_mean(&word, DIRECTIVES)
                    )),
                });
                continue;
            }
        };
        match kind {
            Directive::NextLine => {
                // The next line with text on it.
                let target = (n + 1..lines)
                    .find(|&k| has_text(k))
                    .map_or(line_no + 1, |k| k + 1);
                let rules = resolve(names);
                out.push(Suppression {
                    span,
                    problem: unknown(&rules),
                    rules,
                    lines: (target, target),
                });
            }
            Directive::Disable => open.push((span, resolve(names), line_no)),
            Directive::Enable => {
                let names = resolve(names);
                if let Some(k) = open.iter().rposition(|(_, r, _)| *r == names) {
                    let (s, r, from) = open.remove(k);
                    out.push(Suppression {
                        span: s,
                        problem: unknown(&r),
                        rules: r,
                        lines: (from, line_no),
                    });
                }
            }
        }
    }
    let last = last_line(source);
    out.extend(open.into_iter().map(|(span, rules, from)| Suppression {
        span,
        problem: unknown(&rules),
        rules,
        lines: (from, last),
    }));
    out
}

/// The last line (1-based) a block left open covers: the last line with anything on it (a line
/// end at the very end starts no line of its own here).
fn last_line(source: &Source) -> usize {
    let n = source.line_count();
    if n > 1 && source.line_bounds(n - 1).is_empty() {
        n - 1
    } else {
        n
    }
}

/// The suppressions of a file as they are applied: each silences the findings of its rules
/// that start on its lines. The rules consult it as they report (`Findings::push`), before any
/// limit on the number of findings, so a suppressed finding is never counted among those left
/// out; it is shared by the rules running in parallel, and remembers which suppressions
/// silenced something.
#[derive(Debug, Default)]
pub struct Silencer {
    suppressions: Vec<Suppression>,
    /// The bytes each suppression's lines cover: from its first line's start up to the start of
    /// the line after its last (`usize::MAX` past the end of the text).
    bytes: Vec<(usize, usize)>,
    used: Vec<AtomicBool>,
    hidden: AtomicUsize,
}

impl Silencer {
    pub fn new(source: &Source, suppressions: Vec<Suppression>) -> Silencer {
        let lines = source.line_count();
        // The byte where 1-based line `n` starts.
        let start_of = |n: usize| {
            if (1..=lines).contains(&n) {
                source.line_bounds(n - 1).start
            } else {
                usize::MAX
            }
        };
        let bytes = suppressions
            .iter()
            .map(|s| (start_of(s.lines.0), start_of(s.lines.1.saturating_add(1))))
            .collect();
        let used = suppressions
            .iter()
            .map(|_| AtomicBool::new(false))
            .collect();
        Silencer {
            suppressions,
            bytes,
            used,
            hidden: AtomicUsize::new(0),
        }
    }

    /// Is `d` silenced? (Then the suppression that silences it is marked used.)
    pub fn silences(&self, d: &Diagnostic) -> bool {
        let at = d.span.start;
        let hit = self
            .suppressions
            .iter()
            .zip(&self.bytes)
            .position(|(s, &(from, to))| {
                from <= at && at < to && s.rules.as_ref().is_none_or(|r| r.contains(&d.rule))
            });
        let Some(k) = hit else { return false };
        self.used[k].store(true, Ordering::Relaxed);
        self.hidden.fetch_add(1, Ordering::Relaxed);
        true
    }

    /// How many findings were silenced.
    pub fn hidden(&self) -> usize {
        self.hidden.load(Ordering::Relaxed)
    }

    /// A finding of `unused` (a rule spec) for each suppression that silenced nothing, among
    /// those naming a rule that ran (`ran`) or naming none.
    pub fn unused(
        &self,
        source: &Source,
        unused: &RuleSpec,
        ran: impl Fn(&str) -> bool,
    ) -> Vec<Diagnostic> {
        let judged = |s: &Suppression| s.rules.as_ref().is_none_or(|r| r.iter().any(|n| ran(n)));
        self.suppressions
            .iter()
            .zip(&self.used)
            .filter_map(|(s, u)| {
                let mut d = if let Some(problem) = &s.problem {
                    unused
                        .diagnostic(s.span, problem.clone())
                        .with_label(s.span, "unknown")
                        .with_help("check the spelling: `tiplint rules` lists the rules")
                } else if !u.load(Ordering::Relaxed) && judged(s) {
                    unused
                        .diagnostic(s.span, "this suppression silences nothing")
                        .with_label(s.span, "unused")
                        .with_help("remove it, or check the rule name")
                } else {
                    return None;
                };
                d.hold_to(&source.text);
                Some(d)
            })
            .collect()
    }
}
