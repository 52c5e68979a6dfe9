//! The diff as text (changed figures highlighted when coloured) and as JSON (the shape the
//! README documents).

use super::{Change, ChangeKind, ChapterDiff, Diff, FigureChange, Place, SentenceAt, Status};
use serde_json::{Value, json};
use std::fmt::Write;

const RED: &str = "\x1b[1;31m";
const GREEN: &str = "\x1b[1;32m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

/// The JSON document: `version`, `chapters` (each with its country, status, old and new side
/// and changes) and `summary`.
pub fn json(diff: &Diff) -> String {
    let chapters: Vec<Value> = diff.chapters.iter().map(chapter_json).collect();
    let doc = json!({
        "version": 1,
        "chapters": chapters,
        "summary": {
            "chapters": diff.chapters.len(),
            "unchanged": diff.count(Status::Unchanged),
            "changed": diff.count(Status::Changed),
            "added": diff.count(Status::Added),
            "removed": diff.count(Status::Removed),
            "changes": diff.chapters.iter().map(|c| c.changes.len()).sum::<usize>(),
        },
    });
    serde_json::to_string_pretty(&doc).expect("plain data serialises") + "\n"
}

fn place_json(p: &Option<Place>) -> Value {
    match p {
        None => Value::Null,
        Some(p) => json!({"path": p.path, "edition": p.edition, "line": p.line}),
    }
}

fn chapter_json(c: &ChapterDiff) -> Value {
    json!({
        "country": c.country,
        "status": c.status.name(),
        "old": place_json(&c.old),
        "new": place_json(&c.new),
        "changes": c.changes.iter().map(change_json).collect::<Vec<_>>(),
    })
}

fn sentence_json(s: &Option<SentenceAt>) -> (Value, Value, Value) {
    match s {
        None => (Value::Null, Value::Null, Value::Null),
        Some(s) => (
            json!(s.text),
            json!(s.line),
            json!({"start": s.span.start, "end": s.span.end}),
        ),
    }
}

fn change_json(c: &Change) -> Value {
    let (old_text, old_line, old_span) = sentence_json(&c.old);
    let (new_text, new_line, new_span) = sentence_json(&c.new);
    json!({
        "kind": c.kind.name(),
        "old_text": old_text,
        "new_text": new_text,
        "old_line": old_line,
        "new_line": new_line,
        "old_span": old_span,
        "new_span": new_span,
        "figures": c.figures.iter().map(|f| json!({"old": f.old, "new": f.new})).collect::<Vec<_>>(),
    })
}

/// The text report: one block per chapter that differs, then a summary line.
pub fn text(diff: &Diff, color: bool) -> String {
    let mut out = String::new();
    for c in diff
        .chapters
        .iter()
        .filter(|c| c.status != Status::Unchanged)
    {
        let name = c.country.as_deref().unwrap_or("(excerpt)");
        let title = match (&c.old, &c.new) {
            (Some(o), Some(n)) => format!(
                "{name} ({} → {}): {}:{} → {}:{}",
                edition(o),
                edition(n),
                o.path,
                o.line,
                n.path,
                n.line
            ),
            (None, Some(n)) => format!("{name}: chapter added ({}:{})", n.path, n.line),
            (Some(o), None) => format!("{name}: chapter removed ({}:{})", o.path, o.line),
            (None, None) => name.to_string(),
        };
        if color {
            let _ = writeln!(out, "{BOLD}{title}{RESET}");
        } else {
            let _ = writeln!(out, "{title}");
        }
        for ch in &c.changes {
            change_text(&mut out, ch, color);
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "{} chapter(s) compared: {} changed, {} added, {} removed, {} unchanged",
        diff.chapters.len(),
        diff.count(Status::Changed),
        diff.count(Status::Added),
        diff.count(Status::Removed),
        diff.count(Status::Unchanged)
    );
    out
}

fn edition(p: &Place) -> String {
    p.edition.map_or("?".to_string(), |y| y.to_string())
}

fn change_text(out: &mut String, c: &Change, color: bool) {
    let olds: Vec<&str> = c.figures.iter().filter_map(|f| f.old.as_deref()).collect();
    let news: Vec<&str> = c.figures.iter().filter_map(|f| f.new.as_deref()).collect();
    if let Some(s) = &c.old {
        let mark = if c.kind == ChangeKind::Changed {
            "~"
        } else {
            "-"
        };
        let _ = writeln!(
            out,
            "  {mark} old:{:<5} {}",
            s.line,
            highlighted(s, &olds, RED, color)
        );
    }
    if let Some(s) = &c.new {
        let mark = if c.kind == ChangeKind::Changed {
            " "
        } else {
            "+"
        };
        let _ = writeln!(
            out,
            "  {mark} new:{:<5} {}",
            s.line,
            highlighted(s, &news, GREEN, color)
        );
    }
    if !c.figures.is_empty() {
        let said: Vec<String> = c.figures.iter().map(figure_text).collect();
        let _ = writeln!(out, "    figures: {}", said.join(", "));
    }
}

fn figure_text(f: &FigureChange) -> String {
    format!(
        "{} → {}",
        f.old.as_deref().unwrap_or("(none)"),
        f.new.as_deref().unwrap_or("(none)")
    )
}

/// The sentence's text with the figures among `changed` (as written) in `style`, when coloured.
fn highlighted(s: &SentenceAt, changed: &[&str], style: &str, color: bool) -> String {
    if !color || changed.is_empty() {
        return s.text.clone();
    }
    // The figures are found again in the folded text, left to right, in their order.
    let mut out = String::new();
    let mut at = 0;
    let mut wanted = changed.iter().peekable();
    for (figure, _) in &s.figures {
        let Some(pos) = s.text[at..].find(figure.as_str()).map(|p| p + at) else {
            continue;
        };
        let end = pos + figure.len();
        out.push_str(&s.text[at..pos]);
        if wanted.peek().is_some_and(|w| **w == figure.as_str()) {
            wanted.next();
            let _ = write!(out, "{style}{figure}{RESET}");
        } else {
            out.push_str(figure);
        }
        at = end;
    }
    out.push_str(&s.text[at..]);
    out
}
