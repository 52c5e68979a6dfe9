//! Positions in UTF-16 code units, the unit SARIF columns and the Language Server Protocol
//! count in: a byte offset to a line and column, and (for an editor's edits) back.
//!
//! Lines are those of the source's line index (`\n`, `\r\n` or a lone `\r` ends one), which are
//! the line ends LSP knows too.

use crate::source::Source;

/// Columns in UTF-16 code units: the column in characters, plus one for each character beyond
/// the Basic Multilingual Plane (two code units) before the offset on its line. Those
/// characters' offsets are listed once per file, so a column costs a search, however long the
/// line.
pub struct Utf16Columns {
    astral: Vec<usize>,
}

impl Utf16Columns {
    pub fn of(src: &Source) -> Utf16Columns {
        Utf16Columns {
            astral: src
                .text
                .char_indices()
                .filter(|(_, c)| c.len_utf16() == 2)
                .map(|(i, _)| i)
                .collect(),
        }
    }

    /// 1-based line and UTF-16 column of byte `offset`.
    pub fn line_col(&self, src: &Source, offset: usize) -> (usize, usize) {
        let (line, column) = src.line_col(offset);
        if self.astral.is_empty() {
            return (line, column);
        }
        let start = src.line_bounds(line - 1).start;
        let before = |at: usize| self.astral.partition_point(|&i| i < at);
        (line, column + before(offset) - before(start))
    }
}

/// The byte offset of 0-based line `line`, UTF-16 column `column` (an LSP position) in `text`,
/// whose lines start at `line_starts` (`source::line_starts`). As LSP asks: a column beyond its
/// line's end is the line's end, a line beyond the text is the text's end; a column inside a
/// character (between the two code units of an emoji) is that character's start.
pub fn offset_of(text: &str, line_starts: &[usize], line: usize, column: usize) -> usize {
    let Some(&start) = line_starts.get(line) else {
        return text.len();
    };
    let mut units = 0;
    for (at, c) in text[start..].char_indices() {
        if c == '\n' || c == '\r' {
            return start + at;
        }
        units += c.len_utf16();
        if units > column {
            return start + at;
        }
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::line_starts;

    #[test]
    fn columns_count_utf16_code_units() {
        let src = Source::new("t", "a😀b\n😀😀c\nplain".to_string());
        let cols = Utf16Columns::of(&src);
        let b = src.text.find('b').unwrap();
        assert_eq!(src.line_col(b), (1, 3));
        assert_eq!(cols.line_col(&src, b), (1, 4));
        let c = src.text.find('c').unwrap();
        assert_eq!(cols.line_col(&src, c), (2, 5));
        let p = src.text.find("plain").unwrap();
        assert_eq!(cols.line_col(&src, p), (3, 1));
    }

    #[test]
    fn positions_go_back_to_the_offsets_they_came_from() {
        let text = "Türkiye – “x” 😀 y\r\nsecond 🤝 line\rold mac\n\nlast";
        let src = Source::new("t", text.to_string());
        let cols = Utf16Columns::of(&src);
        let starts = line_starts(text);
        for (at, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let (line, column) = cols.line_col(&src, at);
            let back = offset_of(text, &starts, line - 1, column - 1);
            // A line end's `\n` after `\r` is no position of its own: it maps to the `\r`.
            let expected = if at > 0 && text[..at].ends_with('\r') && text[at..].starts_with('\n') {
                at - 1
            } else {
                at
            };
            assert_eq!(back, expected, "byte {at} at {line}:{column}");
        }
    }

    #[test]
    fn positions_past_a_line_or_inside_a_character_are_clamped() {
        let text = "a😀b\nxy";
        let starts = line_starts(text);
        // Inside the emoji (its second code unit): its start.
        assert_eq!(offset_of(text, &starts, 0, 2), 1);
        assert_eq!(offset_of(text, &starts, 0, 3), 5);
        // Past the line's end: the line's end, not the next line.
        assert_eq!(offset_of(text, &starts, 0, 99), 6);
        assert_eq!(offset_of(text, &starts, 1, 99), text.len());
        // Past the last line: the end of the text.
        assert_eq!(offset_of(text, &starts, 7, 0), text.len());
        assert_eq!(offset_of("", &line_starts(""), 0, 4), 0);
    }
}
