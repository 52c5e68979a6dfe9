//! The open documents: their text as the editor holds it, kept in step with its edits
//! (incremental sync), and the result of checking that text, kept until the next edit.

use crate::utf16::offset_of;
use lsp_types::{Range, TextDocumentContentChangeEvent, Url};
use std::collections::BTreeMap;

/// One open document.
pub struct Document {
    pub text: String,
    pub version: i32,
    /// The check of this text, once made (cleared by every edit and by a new configuration).
    pub checked: Option<std::sync::Arc<super::workspace::Checked>>,
}

impl Document {
    pub fn new(text: String, version: i32) -> Document {
        Document {
            text,
            version,
            checked: None,
        }
    }

    /// Apply the editor's changes, in order: each range is in the text as the changes before it
    /// left it; a change without a range replaces the whole text.
    pub fn apply(&mut self, version: i32, changes: Vec<TextDocumentContentChangeEvent>) {
        for change in changes {
            match change.range {
                None => self.text = change.text,
                Some(range) => {
                    let (start, end) = byte_range(&self.text, range);
                    self.text.replace_range(start..end, &change.text);
                }
            }
        }
        self.version = version;
        self.checked = None;
    }
}

/// The bytes of `text` an LSP range covers (its ends in order, on character boundaries).
pub fn byte_range(text: &str, range: Range) -> (usize, usize) {
    let starts = crate::source::line_starts(text);
    let at =
        |p: lsp_types::Position| offset_of(text, &starts, p.line as usize, p.character as usize);
    let (a, b) = (at(range.start), at(range.end));
    (a.min(b), a.max(b))
}

/// The open documents by URI.
#[derive(Default)]
pub struct Documents {
    open: BTreeMap<Url, Document>,
}

impl Documents {
    pub fn open(&mut self, uri: Url, text: String, version: i32) {
        self.open.insert(uri, Document::new(text, version));
    }

    pub fn close(&mut self, uri: &Url) -> bool {
        self.open.remove(uri).is_some()
    }

    pub fn get(&self, uri: &Url) -> Option<&Document> {
        self.open.get(uri)
    }

    pub fn get_mut(&mut self, uri: &Url) -> Option<&mut Document> {
        self.open.get_mut(uri)
    }

    /// Forget every check (the configuration changed); returns the documents' URIs.
    pub fn invalidate_all(&mut self) -> Vec<Url> {
        self.open
            .iter_mut()
            .map(|(uri, d)| {
                d.checked = None;
                uri.clone()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_types::Position;

    fn change(l0: u32, c0: u32, l1: u32, c1: u32, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(l0, c0), Position::new(l1, c1))),
            range_length: None,
            text: text.to_string(),
        }
    }

    #[test]
    fn ranged_edits_count_utf16_code_units() {
        // `🤝` is two code units, `–` and `ü` one each: the `9` is at column 16 of line 1.
        let mut d = Document::new("Türkiye – 🤝 x\r\nnine: 9 (6 and 4)\n".to_string(), 1);
        d.apply(2, vec![change(0, 13, 0, 14, "y")]);
        assert_eq!(d.text, "Türkiye – 🤝 y\r\nnine: 9 (6 and 4)\n");
        d.apply(3, vec![change(1, 15, 1, 16, "3")]);
        assert_eq!(d.text, "Türkiye – 🤝 y\r\nnine: 9 (6 and 3)\n");
        assert_eq!(d.version, 3);
    }

    #[test]
    fn several_changes_apply_in_order_each_on_the_text_before_it() {
        let mut d = Document::new("one\ntwo\nthree\n".to_string(), 1);
        d.apply(
            2,
            vec![
                // Insert a line at the top, then edit `two`, now on line 2.
                change(0, 0, 0, 0, "zero 😀\n"),
                change(2, 0, 2, 3, "TWO"),
                // Delete across a line end.
                change(0, 7, 1, 0, ""),
            ],
        );
        assert_eq!(d.text, "zero 😀one\nTWO\nthree\n");
        // A whole-text change replaces everything; positions past the end append.
        d.apply(
            3,
            vec![TextDocumentContentChangeEvent {
                range: None,
                range_length: None,
                text: "new".into(),
            }],
        );
        d.apply(4, vec![change(9, 9, 9, 9, "!")]);
        assert_eq!(d.text, "new!");
    }

    #[test]
    fn a_reversed_range_or_one_inside_an_emoji_stays_on_characters() {
        let mut d = Document::new("a😀b".to_string(), 1);
        // End before start, and the start inside the emoji's pair: `😀` itself is replaced.
        d.apply(2, vec![change(0, 3, 0, 2, "-")]);
        assert_eq!(d.text, "a-b");
    }
}
