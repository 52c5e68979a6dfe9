//! The original file: its text, a line index, and byte spans into it.
//!
//! The text is kept exactly as read (a byte-order mark and CRLF line ends included), so every
//! span computed by a later stage is a byte offset into the original file. A line ends at `\n`,
//! `\r\n` or a lone `\r` (old Mac files).

use serde::Serialize;
use std::fmt;

/// A half-open byte range `start..end` into the original file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Why a file could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    Empty,
    Utf16 { with_bom: bool, offset: usize },
    Binary { offset: usize },
    InvalidUtf8 { offset: usize },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Empty => write!(f, "the file is empty: nothing to check"),
            DecodeError::Utf16 { with_bom: true, .. } => write!(
                f,
                "the file is UTF-16 (byte-order mark at byte offset 0); save it as UTF-8"
            ),
            DecodeError::Utf16 {
                with_bom: false,
                offset,
            } => write!(
                f,
                "the file looks like UTF-16 without a byte-order mark (NUL byte at byte offset {offset}); save it as UTF-8"
            ),
            DecodeError::Binary { offset } => {
                write!(
                    f,
                    "binary file (NUL byte at byte offset {offset}), not text"
                )
            }
            DecodeError::InvalidUtf8 { offset } => {
                write!(f, "invalid UTF-8 at byte offset {offset}")
            }
        }
    }
}

/// One input file, decoded.
#[derive(Debug, Clone)]
pub struct Source {
    /// The name shown in diagnostics (a path, or `<stdin>`).
    pub name: String,
    /// The whole original text, byte for byte.
    pub text: String,
    /// Byte offset of the start of every line.
    line_starts: Vec<usize>,
    /// `char_marks[k]`: how many characters start before byte `k * MARK_EVERY`, so a column is
    /// counted from the nearest mark, not from the start of its line (which may be the whole
    /// file).
    char_marks: Vec<usize>,
}

/// Bytes between two character-count marks of the line index.
const MARK_EVERY: usize = 1024;

/// The characters that start in `bytes` (a slice of UTF-8 text): every byte but continuation
/// bytes. Any byte range may be given, on a character boundary or not.
fn char_starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

/// Byte offset of the start of every line: after each `\n`, and after each `\r` not followed
/// by `\n` (a CRLF is one line end). A line end at the very end starts an empty last line.
pub fn line_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let ends = || {
        memchr::memchr2_iter(b'\n', b'\r', bytes)
            .filter(|&i| bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n'))
    };
    // Counted first, so a file of short lines holds no spare room in its index.
    let mut starts = Vec::with_capacity(ends().count() + 1);
    starts.push(0);
    starts.extend(ends().map(|i| i + 1));
    starts
}

/// Every line of `text` (as `line_starts` finds them), without its line end.
pub fn line_spans(text: &str) -> impl Iterator<Item = Span> + '_ {
    let starts = line_starts(text);
    (0..starts.len()).map(move |line| line_span(text, &starts, line))
}

/// Line `line` of `text`, whose lines start at `starts`, without its line end.
fn line_span(text: &str, starts: &[usize], line: usize) -> Span {
    let bytes = text.as_bytes();
    let start = starts[line];
    // The next line starts after this one's `\n`, lone `\r` or `\r\n`.
    let end = match starts.get(line + 1) {
        Some(&next) if bytes[next - 1] == b'\n' && next - 1 > start && bytes[next - 2] == b'\r' => {
            next - 2
        }
        Some(&next) => next - 1,
        None => bytes.len(),
    };
    Span::new(start, end)
}

impl Source {
    /// Decode bytes as UTF-8 text, refusing binary, UTF-16 and invalid UTF-8 with the offset.
    pub fn from_bytes(name: impl Into<String>, bytes: Vec<u8>) -> Result<Source, DecodeError> {
        if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
            return Err(DecodeError::Utf16 {
                with_bom: true,
                offset: 0,
            });
        }
        if let Some(offset) = bytes.iter().position(|&b| b == 0) {
            return Err(if looks_like_utf16(&bytes) {
                DecodeError::Utf16 {
                    with_bom: false,
                    offset,
                }
            } else {
                DecodeError::Binary { offset }
            });
        }
        let text = String::from_utf8(bytes).map_err(|e| DecodeError::InvalidUtf8 {
            offset: e.utf8_error().valid_up_to(),
        })?;
        if text.chars().all(|c| c.is_whitespace() || c == '\u{FEFF}') {
            return Err(DecodeError::Empty);
        }
        Ok(Source::new(name, text))
    }

    /// A source from text already known to be valid (tests, rule examples, the language server).
    pub fn new(name: impl Into<String>, text: String) -> Source {
        let line_starts = line_starts(&text);
        let mut char_marks = Vec::with_capacity(text.len() / MARK_EVERY + 1);
        let mut before = 0;
        char_marks.push(0);
        for block in text.as_bytes().chunks(MARK_EVERY) {
            before += char_starts(block);
            char_marks.push(before);
        }
        Source {
            name: name.into(),
            text,
            line_starts,
            char_marks,
        }
    }

    pub fn len(&self) -> usize {
        self.text.len()
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.start..span.end]
    }

    /// 1-based line and column (in Unicode characters) of a byte offset: a binary search for
    /// the line, and the characters counted from the nearest mark (at most `MARK_EVERY` bytes
    /// each side), however long the line.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_of(offset);
        let start = self.line_starts[line];
        let bytes = self.text.as_bytes();
        let column = if offset - start <= MARK_EVERY {
            char_starts(&bytes[start..offset])
        } else {
            self.chars_before(offset) - self.chars_before(start)
        };
        (line + 1, column + 1)
    }

    /// The 0-based line holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= offset) - 1
    }

    /// How many lines the text has (a line end at the very end starts an empty last line).
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The characters that start before byte `offset`.
    fn chars_before(&self, offset: usize) -> usize {
        let mark = offset / MARK_EVERY;
        let from = mark * MARK_EVERY;
        self.char_marks[mark] + char_starts(&self.text.as_bytes()[from..offset])
    }

    /// The bytes of line `line` (0-based, clamped to the last line), without its line end.
    pub fn line_bounds(&self, line: usize) -> Span {
        line_span(
            &self.text,
            &self.line_starts,
            line.min(self.line_starts.len() - 1),
        )
    }

    /// The first line of `span` (up to its first line end), found through the line index.
    pub fn first_line(&self, span: Span) -> Span {
        let line = self.line_bounds(self.line_of(span.start.min(self.text.len())));
        Span::new(span.start, line.end.clamp(span.start, span.end))
    }

    /// True when the file is Markdown (by its name).
    pub fn is_markdown(&self) -> bool {
        self.name.ends_with(".md") || self.name.ends_with(".markdown")
    }
}

/// UTF-16 without a BOM: text mostly in Latin letters has a NUL in every other byte (the high
/// byte of each code unit), a printable character in the bytes between, and starts with one. An
/// executable has NULs too, but in both halves and beside control bytes: binary, not UTF-16.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(512) & !1];
    if sample.len() < 4 {
        return false;
    }
    let units = || sample.chunks_exact(2);
    let little = units().filter(|u| u[1] == 0).count();
    let big = units().filter(|u| u[0] == 0).count();
    // Which byte of a unit is the high one, and how many units have a NUL there.
    let (high, nuls) = if little >= big { (1, little) } else { (0, big) };
    let low = 1 - high;
    // Printable ASCII, a line end or tab, or a letter of Latin-1 (U+00A0 to U+00FF).
    let text = |b: u8| b.is_ascii_graphic() || matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0xA0..);
    let printable = units().filter(|u| u[high] == 0 && text(u[low])).count();
    let first = &sample[..2];
    nuls * 10 >= units().len() * 7
        && printable * 10 >= nuls * 9
        && first[high] == 0
        && text(first[low])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text` in UTF-16 without a byte-order mark, each unit's bytes in the order `bytes` gives.
    fn utf16_of(text: &str, bytes: fn(u16) -> [u8; 2]) -> Vec<u8> {
        text.encode_utf16().flat_map(bytes).collect()
    }

    #[test]
    fn line_and_column_count_characters() {
        let s = Source::new("t", "ab\r\nTürkiye x\n".to_string());
        assert_eq!(s.line_col(0), (1, 1));
        assert_eq!(s.line_col(4), (2, 1));
        let x = s.text.find('x').unwrap();
        assert_eq!(s.line_col(x), (2, 9));
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line_and_crlf_is_one_line_end() {
        // Old Mac files end lines with `\r` alone.
        let s = Source::new("t", "ab\rcd\r\nTürkiye x\r\rz".to_string());
        assert_eq!(s.line_count(), 5);
        assert_eq!(s.line_col(3), (2, 1));
        let x = s.text.find('x').unwrap();
        assert_eq!(s.line_col(x), (3, 9));
        let z = s.text.find('z').unwrap();
        assert_eq!(s.line_col(z), (5, 1));
        let lines: Vec<&str> = (0..s.line_count())
            .map(|n| s.slice(s.line_bounds(n)))
            .collect();
        assert_eq!(lines, ["ab", "cd", "Türkiye x", "", "z"]);
        assert_eq!(s.slice(s.first_line(Span::new(1, s.len()))), "b");
        assert_eq!(s.slice(s.first_line(Span::new(3, s.len()))), "cd");
        assert_eq!(s.slice(s.first_line(Span::new(3, 4))), "c");
        // A text ending in a line end has an empty last line, as after `\n`.
        let s = Source::new("t", "a\r".to_string());
        assert_eq!((s.line_count(), s.line_col(2)), (2, (2, 1)));
    }

    #[test]
    fn columns_on_a_long_line_count_characters_across_the_marks() {
        // Several marks' worth of one line, with characters of 1 to 4 bytes (some across a
        // mark), after a first short line.
        let line: String = "aé€𝄞 ".repeat(3 * MARK_EVERY / 5);
        let text = format!("first\n{line}\nlast");
        let s = Source::new("t", text.clone());
        let start = text.find('\n').unwrap() + 1;
        for (column, (at, _)) in text[start..]
            .char_indices()
            .take(line.chars().count())
            .enumerate()
        {
            if column % 97 == 0 || at % MARK_EVERY < 8 {
                assert_eq!(s.line_col(start + at), (2, column + 1), "byte {at}");
            }
        }
        assert_eq!(s.line_col(text.len()), (3, 5));
    }

    #[test]
    fn bom_is_kept_so_offsets_match_the_file() {
        let s = Source::from_bytes("t", b"\xEF\xBB\xBFHello".to_vec()).unwrap();
        assert_eq!(&s.text[3..], "Hello");
    }

    #[test]
    fn an_executable_is_binary_not_utf16() {
        // The start of an x86-64 ELF executable: NULs in both parities, few printable bytes.
        let mut elf = b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00".to_vec();
        elf.extend_from_slice(b"\x03\x00\x3e\x00\x01\x00\x00\x00\xd0\x61\x00\x00\x00\x00\x00\x00");
        elf.extend_from_slice(b"\x40\x00\x00\x00\x00\x00\x00\x00\x70\x47\x02\x00\x00\x00\x00\x00");
        for _ in 0..12 {
            elf.extend_from_slice(
                b"\x01\x00\x00\x00\x04\x00\x00\x00\x18\x03\x00\x00\x00\x00\x00\x00",
            );
        }
        assert_eq!(
            Source::from_bytes("t", elf).unwrap_err(),
            DecodeError::Binary { offset: 7 }
        );
        // NULs in every other byte, but what lies between is not text.
        let pairs: Vec<u8> = (0..200u8)
            .flat_map(|b| [b.wrapping_mul(37) | 0x80, 0])
            .collect();
        assert!(matches!(
            Source::from_bytes("t", pairs).unwrap_err(),
            DecodeError::Binary { .. }
        ));
        // UTF-16 text, big-endian this time, is still recognised.
        let utf16 = utf16_of(
            "Narnia (Tier 2)\r\n\r\nThe Government of Narnia",
            u16::to_be_bytes,
        );
        assert!(matches!(
            Source::from_bytes("t", utf16).unwrap_err(),
            DecodeError::Utf16 {
                with_bom: false,
                offset: 0
            }
        ));
    }

    #[test]
    fn refuses_bad_input_with_offsets() {
        assert_eq!(
            Source::from_bytes("t", b"ok \xFF no".to_vec()).unwrap_err(),
            DecodeError::InvalidUtf8 { offset: 3 }
        );
        assert_eq!(
            Source::from_bytes("t", b"\x7fELF\x02\x01\x00\x00abc".to_vec()).unwrap_err(),
            DecodeError::Binary { offset: 6 }
        );
        let utf16 = utf16_of("Kyrgyz Republic", u16::to_le_bytes);
        assert!(matches!(
            Source::from_bytes("t", utf16).unwrap_err(),
            DecodeError::Utf16 {
                with_bom: false,
                ..
            }
        ));
        assert_eq!(
            Source::from_bytes("t", b"\xFF\xFEK\x00".to_vec()).unwrap_err(),
            DecodeError::Utf16 {
                with_bom: true,
                offset: 0
            }
        );
        assert_eq!(
            Source::from_bytes("t", b" \n\n".to_vec()).unwrap_err(),
            DecodeError::Empty
        );
    }
}
