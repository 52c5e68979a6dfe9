//! What the rules produce: diagnostics (findings) and checks (every relation evaluated).

use crate::source::Span;
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    pub span: Span,
    pub text: String,
    /// The file the label is in when it is not the finding's (an earlier edition's figure):
    /// `span` is then that file's. Renderers show it with its own path.
    #[serde(skip)]
    pub file: Option<std::sync::Arc<OtherFile>>,
}

/// Another file a label points into.
#[derive(Debug)]
pub struct OtherFile {
    /// Its name as given (a path).
    pub name: String,
    pub source: std::sync::Arc<crate::source::Source>,
}

impl PartialEq for OtherFile {
    fn eq(&self, other: &OtherFile) -> bool {
        self.name == other.name
    }
}

impl Eq for OtherFile {}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub span: Span,
    pub replacement: String,
    /// This fix needs a reader's review even where its rule's fixes are safe (it may change a
    /// name): `--fix` applies it only with `--unsafe-fixes`. Not part of the JSON output.
    #[serde(skip)]
    pub needs_review: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub rule: String,
    pub code: String,
    pub severity: Severity,
    pub message: String,
    pub span: Span,
    pub labels: Vec<Label>,
    pub help: Option<String>,
    pub fix: Option<Fix>,
}

impl Diagnostic {
    pub fn with_label(mut self, span: Span, text: impl Into<String>) -> Self {
        // Most findings have one or two labels: room for one more, not four.
        self.labels.reserve_exact(1);
        self.labels.push(Label {
            span,
            text: text.into(),
            file: None,
        });
        self
    }

    /// A label in another file (`file`'s span `span`).
    pub fn with_label_in(
        mut self,
        file: std::sync::Arc<OtherFile>,
        span: Span,
        text: impl Into<String>,
    ) -> Self {
        self.labels.push(Label {
            span,
            text: text.into(),
            file: Some(file),
        });
        self
    }

    /// The labels in the finding's own file.
    pub fn own_labels(&self) -> impl Iterator<Item = &Label> {
        self.labels.iter().filter(|l| l.file.is_none())
    }
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
    pub fn with_fix(mut self, span: Span, replacement: impl Into<String>) -> Self {
        self.fix = Some(Fix {
            span,
            replacement: replacement.into(),
            needs_review: false,
        });
        self
    }

    /// A fix that needs review whatever its rule's safety (see [`Fix::needs_review`]).
    pub fn with_unsafe_fix(self, span: Span, replacement: impl Into<String>) -> Self {
        let mut d = self.with_fix(span, replacement);
        if let Some(f) = &mut d.fix {
            f.needs_review = true;
        }
        d
    }

    /// Hold the finding's spans to `text`: every renderer slices the text and counts columns
    /// with them. A span outside the text or inside a character is a bug of the rule that made
    /// it (loud in debug builds); in release its span and labels are widened to the characters
    /// they touch, and its fix, which could no longer be trusted to replace what it meant, is
    /// dropped.
    pub fn hold_to(&mut self, text: &str) {
        let mut sound = sound_in(self.span, text);
        for l in &mut self.labels {
            let text = l.file.as_ref().map_or(text, |f| f.source.text.as_str());
            sound &= sound_in(l.span, text);
            l.span = within_chars(l.span, text);
        }
        if self.fix.as_ref().is_some_and(|f| !sound_in(f.span, text)) {
            sound = false;
            self.fix = None;
        }
        debug_assert!(
            sound,
            "{}: a span outside the text or inside a character: {self:?}",
            self.rule
        );
        self.span = within_chars(self.span, text);
    }
}

/// Is `span` within `text`, in order, and on character boundaries?
pub fn sound_in(span: Span, text: &str) -> bool {
    span.start <= span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
}

/// `span` held to `text`: put in order, clamped to the text, its start moved back and its end
/// on to the nearest character boundaries (unchanged when already sound).
pub fn within_chars(span: Span, text: &str) -> Span {
    let (start, end) = (span.start.min(span.end), span.start.max(span.end));
    let end = text.ceil_char_boundary(end.min(text.len()));
    Span::new(text.floor_char_boundary(start.min(end)), end)
}

/// One relation a consistency rule evaluated, passed or failed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Check {
    pub rule: String,
    pub ok: bool,
    pub expression: String,
    pub values: serde_json::Value,
    pub span: Span,
    /// The spans of the figures the relation compared, for coverage (which sentences a check
    /// read); not part of the JSON contract of checks.
    #[serde(skip)]
    pub figures: Vec<Span>,
}

impl Check {
    /// Hold the check's span to `text`, as `Diagnostic::hold_to` does.
    pub fn hold_to(&mut self, text: &str) {
        debug_assert!(
            sound_in(self.span, text),
            "{}: a span outside the text or inside a character: {self:?}",
            self.rule
        );
        self.span = within_chars(self.span, text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(span: Span) -> Diagnostic {
        Diagnostic {
            rule: "r".into(),
            code: "TL0".into(),
            severity: Severity::Error,
            message: "m".into(),
            span,
            labels: Vec::new(),
            help: None,
            fix: None,
        }
    }

    #[test]
    fn spans_are_widened_to_the_characters_they_touch() {
        let text = "a “b” é"; // “ is bytes 2..5, ” 6..9, é 10..12
        assert!(sound_in(Span::new(2, 9), text));
        assert_eq!(within_chars(Span::new(2, 9), text), Span::new(2, 9));
        assert!(!sound_in(Span::new(3, 6), text));
        assert_eq!(within_chars(Span::new(3, 6), text), Span::new(2, 6));
        assert_eq!(within_chars(Span::new(0, 3), text), Span::new(0, 5));
        assert_eq!(within_chars(Span::new(11, 11), text), Span::new(10, 12));
        // Beyond the text, or reversed: clamped to it.
        assert!(!sound_in(Span::new(5, 40), text));
        assert_eq!(within_chars(Span::new(5, 40), text), Span::new(5, 12));
        assert_eq!(within_chars(Span::new(30, 40), text), Span::new(12, 12));
        let reversed = Span { start: 9, end: 3 };
        assert!(!sound_in(reversed, text));
        assert_eq!(within_chars(reversed, text), Span::new(2, 9));
        assert_eq!(within_chars(Span::new(0, 0), ""), Span::new(0, 0));
    }

    #[test]
    fn a_sound_finding_is_left_as_it_is() {
        let text = "a “b” é";
        let mut d = finding(Span::new(2, 9))
            .with_label(Span::new(10, 12), "l")
            .with_fix(Span::new(6, 9), "\"");
        let before = d.clone();
        d.hold_to(text);
        assert_eq!(d, before);
    }

    #[test]
    #[cfg_attr(
        debug_assertions,
        should_panic(expected = "a span outside the text or inside a character")
    )]
    fn a_span_inside_a_character_is_loud_in_debug_and_widened_in_release() {
        let text = "a “b” é";
        let mut d = finding(Span::new(3, 4))
            .with_label(Span::new(11, 12), "l")
            .with_fix(Span::new(3, 4), "x");
        d.hold_to(text);
        assert_eq!(d.span, Span::new(2, 5));
        assert_eq!(d.labels[0].span, Span::new(10, 12));
        assert_eq!(d.fix, None, "a fix that cut a character is not applied");
    }
}
