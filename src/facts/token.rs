//! Tokens of a paragraph: words, figures, currency symbols and punctuation, each with its span.
//! The text is tokenized once; the quantity grammar and the claim patterns run over the tokens.

use crate::source::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters, with inner hyphens and apostrophes (`anti-trafficking`, `year-old`, `COVID-19`).
    Word,
    /// Digits with thousands separators and a decimal part (`66,325`, `1.5`).
    Number,
    /// `$` (also written `\$`), `€`, `£` …
    Currency,
    /// Any other single character.
    Punct,
}

#[derive(Debug, Clone, Copy)]
pub struct Token<'a> {
    pub kind: TokKind,
    pub text: &'a str,
    pub span: Span,
    /// True when whitespace separates this token from the one before.
    pub space_before: bool,
}

impl<'a> Token<'a> {
    #[inline]
    pub fn is_word(&self, w: &str) -> bool {
        self.kind == TokKind::Word && self.text.eq_ignore_ascii_case(w)
    }
    #[inline]
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokKind::Punct
            && if c.is_ascii() {
                self.text.as_bytes().first() == Some(&(c as u8))
            } else {
                self.text.starts_with(c)
            }
    }
    /// A dash used as a list or clause mark: en dash, em dash, or a spaced hyphen.
    pub fn is_dash(&self) -> bool {
        self.kind == TokKind::Punct && matches!(self.text, "–" | "—")
    }
    /// The word in lower case, borrowed when it has no capital.
    pub fn lower(&self) -> std::borrow::Cow<'a, str> {
        crate::text::lower(self.text)
    }
}

/// A currency sign: `$`, `£`, `¥`, `¢`, the Unicode block of currency symbols (`€`, `₱`, `₸`, `₹`,
/// `₵`, `₩` …) and the signs outside it (`֏`, `؋`, `৳`, `฿`, `៛`, `﷼`).
#[inline]
fn is_currency_symbol(c: char) -> bool {
    matches!(
        c,
        '$' | '£' | '¥' | '¢' | '\u{20A0}'..='\u{20CF}' | '֏' | '؋' | '৳' | '฿' | '៛' | '﷼'
    )
}

/// ASCII letters and digits, by byte: one look-up instead of three range tests.
const ASCII_ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// Whether a letter or digit starts at byte `at` of `body`.
#[inline]
fn alnum_at(body: &str, at: usize) -> bool {
    match body.as_bytes().get(at) {
        Some(&b) if b < 0x80 => ASCII_ALNUM[usize::from(b)],
        Some(_) => body
            .get(at..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(char::is_alphanumeric),
        None => false,
    }
}

/// The end of the word whose first letter ends before `i`: letters and digits, with inner hyphens
/// and apostrophes followed by a letter or digit.
#[inline]
fn word_end(body: &str, mut i: usize) -> usize {
    let bytes = body.as_bytes();
    loop {
        // ASCII letters and digits, most of the text, without decoding.
        while i < bytes.len() && ASCII_ALNUM[usize::from(bytes[i])] {
            i += 1;
        }
        let Some(&b) = bytes.get(i) else {
            return i;
        };
        // Most words end at an ASCII space or mark: no decoding either.
        if b < 0x80 {
            if (b == b'-' || b == b'\'') && alnum_at(body, i + 1) {
                i += 1;
                continue;
            }
            return i;
        }
        let d = body[i..].chars().next().unwrap_or('\u{FFFD}');
        // A letter or digit, or a curly apostrophe followed by one.
        if d.is_alphanumeric() || d == '’' && alnum_at(body, i + d.len_utf8()) {
            i += d.len_utf8();
        } else {
            return i;
        }
    }
}

/// Tokenize `text[span]`; token spans are offsets into `text`.
pub fn tokenize(text: &str, span: Span) -> Vec<Token<'_>> {
    let body = &text[span.start..span.end];
    let bytes = body.as_bytes();
    let mut out = Vec::with_capacity(body.len() / 5);
    let mut i = 0;
    let mut space = true;
    // The character at `at` (ASCII read directly, anything else decoded).
    let char_at = |at: usize| -> char {
        match bytes[at] {
            b if b < 0x80 => b as char,
            _ => body[at..].chars().next().unwrap_or('\u{FFFD}'),
        }
    };
    while i < body.len() {
        if bytes[i] == b' ' {
            space = true;
            i += 1;
            continue;
        }
        let start = i;
        // Most tokens are ASCII words: read them before any other test.
        if bytes[i].is_ascii_alphabetic() {
            i = word_end(body, i + 1);
            out.push(Token {
                kind: TokKind::Word,
                text: &body[start..i],
                span: Span::new(span.start + start, span.start + i),
                space_before: space,
            });
            space = false;
            continue;
        }
        let c = char_at(i);
        if c.is_whitespace() || c == '\u{FEFF}' {
            space = true;
            i += c.len_utf8();
            continue;
        }
        let kind;
        if c == '\\' && bytes.get(i + 1) == Some(&b'$') {
            i += 2;
            kind = TokKind::Currency;
        } else if is_currency_symbol(c) {
            i += c.len_utf8();
            kind = TokKind::Currency;
        } else if c.is_ascii_digit() {
            i += 1;
            loop {
                while i < body.len() && bytes[i].is_ascii_digit() {
                    i += 1;
                }
                // `66,325`: a comma followed by exactly three digits.
                if bytes.get(i) == Some(&b',')
                    && bytes
                        .get(i + 1..i + 4)
                        .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
                    && !bytes.get(i + 4).is_some_and(u8::is_ascii_digit)
                {
                    i += 4;
                    continue;
                }
                if bytes.get(i) == Some(&b'.') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
                    i += 1;
                    continue;
                }
                break;
            }
            kind = TokKind::Number;
        } else if c.is_alphabetic() {
            i = word_end(body, i + c.len_utf8());
            kind = TokKind::Word;
        } else {
            i += c.len_utf8();
            kind = TokKind::Punct;
        }
        out.push(Token {
            kind,
            text: &body[start..i],
            span: Span::new(span.start + start, span.start + i),
            space_before: space,
        });
        space = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<(TokKind, &str)> {
        tokenize(s, Span::new(0, s.len()))
            .into_iter()
            .map(|t| (t.kind, t.text))
            .collect()
    }

    #[test]
    fn figures_words_and_symbols() {
        use TokKind::*;
        assert_eq!(
            kinds("4 million Som (\\$46,000) for 66,325 anti-trafficking 1.5 COVID-19 years’"),
            vec![
                (Number, "4"),
                (Word, "million"),
                (Word, "Som"),
                (Punct, "("),
                (Currency, "\\$"),
                (Number, "46,000"),
                (Punct, ")"),
                (Word, "for"),
                (Number, "66,325"),
                (Word, "anti-trafficking"),
                (Number, "1.5"),
                (Word, "COVID-19"),
                (Word, "years"),
                (Punct, "’"),
            ]
        );
        assert_eq!(
            kinds("2022-2025 18-year-old 1,00 end."),
            vec![
                (Number, "2022"),
                (Punct, "-"),
                (Number, "2025"),
                (Number, "18"),
                (Punct, "-"),
                (Word, "year-old"),
                (Number, "1"),
                (Punct, ","),
                (Number, "00"),
                (Word, "end"),
                (Punct, "."),
            ]
        );
    }

    #[test]
    fn spans_are_file_offsets() {
        let text = "xx 30 cases";
        let toks = tokenize(text, Span::new(3, text.len()));
        assert_eq!(toks[0].span, Span::new(3, 5));
        assert_eq!(&text[toks[1].span.start..toks[1].span.end], "cases");
    }
}
