//! Quantities: a nom grammar over tokens. Counts (`30`, `seven`, `a dozen`, `no prosecutions`),
//! money with its currency, and the figures that are not counts (years, dates, ages, law
//! references, percentages, durations, ordinals), each with its exact value, its stated precision
//! and whether it is approximate.

pub use crate::facts::currency::{CurrencyIndex, CurrencyNames};
use crate::facts::token::{TokKind, Token};
use crate::source::Span;
use crate::text::Prefilter;
use nom::{IResult, Parser, branch::alt, combinator::opt};
use rust_decimal::Decimal;
use std::str::FromStr;

type Toks<'t, 'a> = &'t [Token<'a>];
type PResult<'t, 'a, O> = IResult<Toks<'t, 'a>, O>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QKind {
    Count,
    /// Money, with the currency's code (`USD`, `KGS`, `EUR`), or `?` and its name (`?peso`) when
    /// the text does not say which currency of that name it is (see `facts::currency`).
    Money(String),
    Percent,
    Year,
    Date,
    Age,
    Law,
    /// A length of time, with its unit (`years`, `months`).
    Duration(String),
    Ordinal,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quantity {
    pub kind: QKind,
    pub value: Decimal,
    /// Half the unit of the last stated digit (`25.13 million` → 5,000; `1,000` → 0.5).
    pub half_last_digit: Decimal,
    /// Half the unit of the last non-zero digit (`46,000` → 500; `$8.1 million` → 50,000).
    pub half_last_nonzero: Decimal,
    /// `around`, `more than`, `at least`, `dozens` …: never exact in arithmetic.
    pub approx: bool,
    /// True when the figure has a scale word (`4 million`).
    pub scaled: bool,
    pub span: Span,
    /// Token range `[first, end)` of the figure itself (without an approximation word).
    pub toks: (usize, usize),
}

impl Quantity {
    pub fn is_exact_count(&self) -> bool {
        self.kind == QKind::Count && !self.approx
    }
}

fn fail<'t, 'a, O>(i: Toks<'t, 'a>) -> PResult<'t, 'a, O> {
    Err(nom::Err::Error(nom::error::Error::new(
        i,
        nom::error::ErrorKind::Tag,
    )))
}

/// One token satisfying `pred`.
fn tok<'t, 'a: 't>(
    pred: impl Fn(&Token<'a>) -> bool,
) -> impl Fn(Toks<'t, 'a>) -> PResult<'t, 'a, Token<'a>> {
    move |i: Toks<'t, 'a>| match i.first() {
        Some(t) if pred(t) => Ok((&i[1..], *t)),
        _ => fail(i),
    }
}

fn word<'t, 'a: 't>(w: &'static str) -> impl Fn(Toks<'t, 'a>) -> PResult<'t, 'a, Token<'a>> {
    tok(move |t: &Token| t.is_word(w))
}

/// `seven`, `twenty-one`, `ninety`: a number word below one hundred.
pub fn small_number_word(w: &str) -> Option<u32> {
    if w.len() < 3 || w.len() > 13 || !w.is_ascii() {
        return None;
    }
    // Every number word starts with one of these letters.
    if !matches!(
        w.as_bytes()[0].to_ascii_lowercase(),
        b'z' | b'o' | b't' | b'f' | b's' | b'e' | b'n'
    ) {
        return None;
    }
    let mut buf = [0u8; 13];
    buf[..w.len()].copy_from_slice(w.as_bytes());
    buf[..w.len()].make_ascii_lowercase();
    let w = &buf[..w.len()];
    if let Some(n) = unit_or_ten(w) {
        return Some(n);
    }
    let hyphen = w.iter().position(|&b| b == b'-')?;
    let (tens, unit) = (&w[..hyphen], &w[hyphen + 1..]);
    match (unit_or_ten(tens)?, unit_or_ten(unit)?) {
        (t, u) if t >= 20 && t % 10 == 0 && (1..=9).contains(&u) => Some(t + u),
        _ => None,
    }
}

/// The words of the numbers below one hundred that are written as one word (`zero` …
/// `nineteen`, `twenty` … `ninety`), in byte order.
const UNITS_AND_TENS: [(&str, u32); 28] = [
    ("eight", 8),
    ("eighteen", 18),
    ("eighty", 80),
    ("eleven", 11),
    ("fifteen", 15),
    ("fifty", 50),
    ("five", 5),
    ("forty", 40),
    ("four", 4),
    ("fourteen", 14),
    ("nine", 9),
    ("nineteen", 19),
    ("ninety", 90),
    ("one", 1),
    ("seven", 7),
    ("seventeen", 17),
    ("seventy", 70),
    ("six", 6),
    ("sixteen", 16),
    ("sixty", 60),
    ("ten", 10),
    ("thirteen", 13),
    ("thirty", 30),
    ("three", 3),
    ("twelve", 12),
    ("twenty", 20),
    ("two", 2),
    ("zero", 0),
];

/// `zero` … `nineteen`, `twenty` … `ninety`, in lower case (a `match`, faster than a search of
/// `UNITS_AND_TENS`; a test holds the two to the same words).
fn unit_or_ten(w: &[u8]) -> Option<u32> {
    Some(match w {
        b"zero" => 0,
        b"one" => 1,
        b"two" => 2,
        b"three" => 3,
        b"four" => 4,
        b"five" => 5,
        b"six" => 6,
        b"seven" => 7,
        b"eight" => 8,
        b"nine" => 9,
        b"ten" => 10,
        b"eleven" => 11,
        b"twelve" => 12,
        b"thirteen" => 13,
        b"fourteen" => 14,
        b"fifteen" => 15,
        b"sixteen" => 16,
        b"seventeen" => 17,
        b"eighteen" => 18,
        b"nineteen" => 19,
        b"twenty" => 20,
        b"thirty" => 30,
        b"forty" => 40,
        b"fifty" => 50,
        b"sixty" => 60,
        b"seventy" => 70,
        b"eighty" => 80,
        b"ninety" => 90,
        _ => return None,
    })
}

/// Every word that may start a number in words, or a count without digits, when no figure
/// follows it: `seven`, `twenty-one`, `a` (`a dozen`), `no`, `zero`, `dozens` … (the first
/// letter and length of each, see `Prefilter`). Other words are passed over at once.
static NUMBER_WORD_STARTS: std::sync::LazyLock<Prefilter> = std::sync::LazyLock::new(|| {
    let compounds: Vec<String> = UNITS_AND_TENS
        .iter()
        .filter(|(_, n)| *n >= 20)
        .flat_map(|(tens, _)| {
            UNITS_AND_TENS
                .iter()
                .filter(|(_, n)| (1..=9).contains(n))
                .map(move |(unit, _)| format!("{tens}-{unit}"))
        })
        .collect();
    let others = ["a", "no", "dozens", "hundreds", "thousands", "scores"];
    Prefilter::new(
        UNITS_AND_TENS
            .iter()
            .map(|(w, _)| *w)
            .chain(others)
            .chain(compounds.iter().map(String::as_str)),
    )
});

fn scale_of(w: &str) -> Option<Decimal> {
    if w.eq_ignore_ascii_case("thousand") {
        Some(Decimal::from(1_000))
    } else if w.eq_ignore_ascii_case("million") {
        Some(Decimal::from(1_000_000))
    } else if w.eq_ignore_ascii_case("billion") {
        Some(Decimal::from(1_000_000_000u64))
    } else {
        None
    }
}

/// Does a number in words start at `tokens[0]` (`seven`, `twenty-one`, `a dozen`)? Tested
/// before the grammar runs, so that other words never reach it.
fn starts_number_word(tokens: &[Token]) -> bool {
    tokens.first().is_some_and(|w| {
        w.kind == TokKind::Word
            && if w.text.len() == 1 {
                w.is_word("a") && tokens.get(1).is_some_and(|n| n.is_word("dozen"))
            } else {
                // The first two letters of every number word, before any look-up.
                let b = w.text.as_bytes();
                b.len() >= 3
                    && matches!(
                        [b[0].to_ascii_lowercase(), b[1].to_ascii_lowercase()],
                        [b'z', b'e']
                            | [b'o', b'n']
                            | [b't', b'w' | b'h' | b'e']
                            | [b'f', b'o' | b'i']
                            | [b's', b'i' | b'e']
                            | [b'e', b'i' | b'l']
                            | [b'n', b'i']
                    )
                    && small_number_word(w.text).is_some()
            }
    })
}

fn is_law_word(w: &str) -> bool {
    if w.len() > 12 {
        return false;
    }
    let w = w.trim_end_matches('.');
    LAW_WORDS.iter().any(|l| l.eq_ignore_ascii_case(w))
}

/// The value of a number, its precision, and whether a scale word was used.
#[derive(Debug, Clone, Copy)]
struct Value {
    value: Decimal,
    half_last: Decimal,
    half_nonzero: Decimal,
    scaled: bool,
    digits: bool,
}

fn half() -> Decimal {
    Decimal::new(5, 1)
}

fn digits_value<'t, 'a>(i: Toks<'t, 'a>) -> PResult<'t, 'a, Value> {
    let (rest, t) = tok(|t: &Token| t.kind == TokKind::Number)(i)?;
    let plain = t.text.replace(',', "");
    // Beyond rust_decimal's range (29 digits and more): not a figure.
    let Ok(mut value) = Decimal::from_str(&plain) else {
        return fail(i);
    };
    let decimals = plain.split_once('.').map_or(0, |(_, d)| d.len());
    // More decimals than rust_decimal holds (28): not a figure the arithmetic can read.
    let Some(mut unit_last) = u32::try_from(decimals)
        .ok()
        .and_then(|d| Decimal::try_new(1, d).ok())
    else {
        return fail(i);
    };
    // The last non-zero digit of the written figure.
    let trailing_zeros = if decimals == 0 {
        plain.len() - plain.trim_end_matches('0').len()
    } else {
        0
    };
    let mut unit_nonzero = if plain.trim_end_matches('0').is_empty() {
        Decimal::ONE
    } else {
        // 10^18 at most, times 1 (trailing zeros are counted only without decimals).
        unit_last * Decimal::from(10u64.pow(trailing_zeros.min(18) as u32))
    };
    let (rest, scale) = opt(tok(|t: &Token| scale_of(t.text).is_some())).parse(rest)?;
    let scaled = scale.is_some();
    if let Some(m) = scale.and_then(|s| scale_of(s.text)) {
        // A scaled figure beyond the range is not a figure either.
        let (Some(v), Some(l), Some(n)) = (
            value.checked_mul(m),
            unit_last.checked_mul(m),
            unit_nonzero.checked_mul(m),
        ) else {
            return fail(i);
        };
        (value, unit_last, unit_nonzero) = (v, l, n);
    }
    // Both units are at most 10^27 (10^18 times a scale): halving them cannot overflow.
    Ok((
        rest,
        Value {
            value,
            half_last: unit_last * half(),
            half_nonzero: unit_nonzero * half(),
            scaled,
            digits: true,
        },
    ))
}

/// `seven`, `twenty-one`, `two hundred`, `a dozen`, `two and a half`, `three million`. The
/// value is at most 9,999 billion and a half: its arithmetic cannot overflow.
fn words_value<'t, 'a>(i: Toks<'t, 'a>) -> PResult<'t, 'a, Value> {
    let exact = |v: Decimal, scaled: bool| Value {
        value: v,
        half_last: Decimal::ZERO,
        half_nonzero: Decimal::ZERO,
        scaled,
        digits: false,
    };
    if let Ok((rest, _)) = (word("a"), word("dozen")).parse(i) {
        return Ok((rest, exact(Decimal::from(12), false)));
    }
    let (mut rest, t) =
        tok(|t: &Token| t.kind == TokKind::Word && small_number_word(t.text).is_some())(i)?;
    let mut value = Decimal::from(small_number_word(t.text).expect("checked"));
    if let Ok((r, _)) = word("hundred")(rest) {
        value *= Decimal::from(100);
        rest = r;
        if let Ok((r, more)) = (
            opt(word("and")),
            tok(|t: &Token| t.kind == TokKind::Word && small_number_word(t.text).is_some()),
        )
            .parse(rest)
        {
            value += Decimal::from(small_number_word(more.1.text).expect("checked"));
            rest = r;
        }
    }
    let mut scaled = false;
    if let Ok((r, s)) = tok(|t: &Token| scale_of(t.text).is_some())(rest) {
        value *= scale_of(s.text).expect("checked");
        rest = r;
        scaled = true;
    }
    if let Ok((r, _)) = (word("and"), word("a"), word("half")).parse(rest) {
        value += half();
        rest = r;
    }
    Ok((rest, exact(value, scaled)))
}

fn number_value<'t, 'a>(i: Toks<'t, 'a>) -> PResult<'t, 'a, Value> {
    alt((digits_value, words_value)).parse(i)
}

const APPROX_ONE: &[&str] = &[
    "around",
    "approximately",
    "nearly",
    "almost",
    "about",
    "roughly",
    "some",
    "over",
    "estimated",
    "approx",
];
const APPROX_TWO: &[(&str, &str)] = &[
    ("more", "than"),
    ("less", "than"),
    ("fewer", "than"),
    ("at", "least"),
    ("at", "most"),
    ("up", "to"),
    ("upwards", "of"),
    ("close", "to"),
    ("as", "many"),
    ("as", "few"),
    ("in", "excess"),
    ("an", "estimated"),
];

/// The approximations that state a lower bound: the figure is at least the one written.
const LOWER_BOUNDS: &[&str] = &["more than", "at least", "over", "upwards of"];

/// Is the figure starting at token `at` stated as a lower bound (`at least 30`, `more than 30`,
/// `over 30`)?
pub fn lower_bound(tokens: &[Token], at: usize) -> bool {
    let n = approximation_len(tokens, at);
    if n == 0 || n > 2 {
        return false;
    }
    let words: Vec<String> = (at - n..at)
        .map(|k| tokens[k].lower().into_owned())
        .collect();
    LOWER_BOUNDS.contains(&words.join(" ").as_str())
}

/// Is the figure starting at token `at` preceded by an approximation (`more than`, `around`)?
fn approximated(tokens: &[Token], at: usize) -> bool {
    approximation_len(tokens, at) > 0
}

/// How many tokens of an approximation (`more than`, `around`, `~`) stand right before the
/// figure starting at token `at`: 0 when none does.
pub fn approximation_len(tokens: &[Token], at: usize) -> usize {
    // `~2,000`, `≈ 30`
    if at
        .checked_sub(1)
        .and_then(|j| tokens.get(j))
        .is_some_and(|t| t.is_punct('~') || t.is_punct('≈'))
    {
        return 1;
    }
    let w = |k: usize| {
        at.checked_sub(k)
            .and_then(|j| tokens.get(j))
            .filter(|t| t.kind == TokKind::Word)
            .map(|t| t.lower())
    };
    if let Some(one) = w(1) {
        if let Some(two) = w(2) {
            if APPROX_TWO.iter().any(|(a, b)| *a == two && *b == one) {
                return 2;
            }
            // `as many as 30`
            if one == "as" && (two == "many" || two == "few" || two == "much") {
                return if w(3).is_some_and(|t| t == "as") {
                    3
                } else {
                    2
                };
            }
        }
        if APPROX_ONE.contains(&one.as_ref()) {
            return 1;
        }
    }
    0
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

pub fn is_month(w: &str) -> bool {
    (3..=9).contains(&w.len())
        && w.as_bytes()[0].is_ascii_uppercase()
        && MONTHS.iter().any(|m| m.eq_ignore_ascii_case(w))
}

const LAW_WORDS: &[&str] = &[
    "article",
    "articles",
    "art",
    "arts",
    "law",
    "laws",
    "no",
    "nos",
    "code",
    "section",
    "sections",
    "chapter",
    "chapters",
    "decree",
    "resolution",
    "paragraph",
    "paragraphs",
    "order",
    "protocol",
    "convention",
    "act",
    "bill",
    "regulation",
    "clause",
    "part",
    "item",
    "number",
];

const DURATION_UNITS: &[&str] = &[
    "year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours",
];

/// Scan the tokens for every quantity, left to right.
pub fn scan(
    tokens: &[Token],
    currencies: &CurrencyNames,
    counted_nouns: &rustc_hash::FxHashSet<String>,
) -> Vec<Quantity> {
    let mut out: Vec<Quantity> = Vec::new();
    let mut i = 0;
    let mut law_list = false;
    while i < tokens.len() {
        let t = &tokens[i];
        // Most words start nothing: passed over unless they may start a number in words, a
        // figure or `.` (`No. 12`) follows, or a law reference list is open (`166 and 167`).
        if !law_list
            && t.kind == TokKind::Word
            && !NUMBER_WORD_STARTS.may_hold_any_case(t.text)
            && !tokens
                .get(i + 1)
                .is_some_and(|n| n.kind == TokKind::Number || n.is_punct('.'))
        {
            i += 1;
            continue;
        }
        // A currency symbol or code before the amount (`€`, `S$`, `KGS`).
        let floor = out.last().map_or(0, |q| q.toks.1);
        let (prefix_currency, first_tok, start) = match currencies.before(tokens, i, floor) {
            Some((code, first, start)) => (Some(code), first, start),
            None => (None, i, i),
        };
        // `no prosecutions`, `none`: zero of a counted noun.
        if prefix_currency.is_none()
            && (t.is_word("no") || t.is_word("zero"))
            && let Some(n) = tokens.get(i + 1)
        {
            let next_noun = (i + 1..tokens.len().min(i + 5))
                .map(|j| &tokens[j])
                .take_while(|x| x.kind == TokKind::Word)
                .any(|x| counted_nouns.contains(x.lower().as_ref()));
            if n.kind == TokKind::Word && next_noun && !n.is_word("longer") && !n.is_word("more") {
                out.push(Quantity {
                    kind: QKind::Count,
                    value: Decimal::ZERO,
                    half_last_digit: Decimal::ZERO,
                    half_last_nonzero: Decimal::ZERO,
                    approx: false,
                    scaled: false,
                    span: t.span,
                    toks: (i, i + 1),
                });
                i += 1;
                continue;
            }
        }
        let slice = &tokens[start..];
        let maybe_number = slice
            .first()
            .is_some_and(|f| f.kind == TokKind::Number || starts_number_word(slice));
        let parsed = if maybe_number {
            number_value(slice)
        } else {
            fail(slice)
        };
        let Ok((rest, v)) = parsed else {
            // `dozens of`, `hundreds of`: vague, marked approximate.
            if t.kind == TokKind::Word
                && matches!(t.text.len(), 6 | 8 | 9)
                && ["dozens", "hundreds", "thousands", "scores"]
                    .iter()
                    .any(|w| t.is_word(w))
            {
                out.push(Quantity {
                    kind: QKind::Count,
                    value: Decimal::ZERO,
                    half_last_digit: Decimal::ZERO,
                    half_last_nonzero: Decimal::ZERO,
                    approx: true,
                    scaled: false,
                    span: t.span,
                    toks: (i, i + 1),
                });
            }
            if t.kind == TokKind::Word && !t.is_word("and") && !t.is_word("or") {
                // Only a word right before a figure (`Article 166`, `No. 12`) starts a reference.
                let before_figure = tokens
                    .get(i + 1)
                    .is_some_and(|n| n.kind == TokKind::Number || n.is_punct('.'));
                law_list = before_figure && is_law_word(t.text);
            }
            i += 1;
            continue;
        };
        let end = tokens.len() - rest.len();
        let first = &tokens[start];
        let last = &tokens[end - 1];
        let next = tokens.get(end);
        let next2 = tokens.get(end + 1);
        let prev = start
            .checked_sub(1)
            .and_then(|j| tokens.get(j))
            .filter(|_| prefix_currency.is_none());
        let span = Span::new(
            if prefix_currency.is_some() {
                tokens[first_tok].span.start
            } else {
                first.span.start
            },
            last.span.end,
        );
        let mut end_tok = end;
        let mut kind = QKind::Count;
        if let Some(code) = prefix_currency {
            kind = QKind::Money(code);
        } else if let Some((code, words)) = currencies.after(tokens, end) {
            kind = QKind::Money(code);
            end_tok = end + words;
        }
        let is_4digit_year = v.digits
            && !v.scaled
            && first.text.len() == 4
            && !first.text.contains([',', '.'])
            && (1900..=2100).contains(&first.text.parse::<u32>().unwrap_or(0));
        if kind == QKind::Count {
            let next_lower = next.map(|n| n.lower()).unwrap_or_default();
            if next.is_some_and(|n| n.is_punct('%'))
                || next_lower == "percent"
                || next_lower == "per" && next2.is_some_and(|n| n.is_word("cent"))
            {
                kind = QKind::Percent;
            } else if prev.is_some_and(|p| p.kind == TokKind::Word && is_month(p.text)) {
                kind = QKind::Date;
            } else if is_4digit_year
                && (!next.is_some_and(|n| counted_nouns.contains(n.lower().as_ref()))
                    || prev.is_some_and(|p| p.is_punct('-') || p.is_punct('–'))
                        && out
                            .last()
                            .is_some_and(|q| q.kind == QKind::Year && q.toks.1 + 1 == start))
            {
                kind = QKind::Year;
            } else if next.is_some_and(|n| n.kind == TokKind::Word && !n.space_before && v.digits) {
                kind = QKind::Ordinal; // `21st`
            } else if next.is_some_and(|n| n.is_punct('-'))
                && next2.is_some_and(|n| {
                    n.lower().starts_with("year") || n.lower().starts_with("month")
                })
            {
                kind = QKind::Age;
            } else if (next_lower == "years" || next_lower == "year")
                && next2.is_some_and(|n| n.is_word("old") || n.is_word("of"))
                && !next2.is_some_and(|n| {
                    n.is_word("of")
                        && tokens
                            .get(end + 2)
                            .is_some_and(|x| x.lower().starts_with("imprison"))
                })
            {
                kind = if next2.is_some_and(|n| n.is_word("old")) {
                    QKind::Age
                } else {
                    QKind::Duration(next_lower.to_string())
                };
            } else if prev
                .is_some_and(|p| p.is_word("aged") || p.is_word("age") || p.is_word("ages"))
            {
                kind = QKind::Age;
            } else if prev
                .is_some_and(|p| p.is_punct('§') || p.kind == TokKind::Word && is_law_word(p.text))
                || law_list
                    && prev.is_some_and(|p| p.is_punct(',') || p.is_word("and") || p.is_word("or"))
                    && next.is_none_or(|n| {
                        n.kind == TokKind::Punct
                            || n.is_word("and")
                            || n.is_word("or")
                            || n.is_word("of")
                    })
                || law_list && prev.is_some_and(|p| p.is_punct('.'))
            // `No. 12`
            {
                kind = QKind::Law;
            } else if DURATION_UNITS.contains(&next_lower.as_ref()) {
                kind = QKind::Duration(next_lower.to_string());
            }
        }
        // A law reference list goes on through `166, 167, and 170` and `132-2`.
        law_list = kind == QKind::Law;
        if law_list
            && next.is_some_and(|n| n.is_punct('-'))
            && next2.is_some_and(|n| n.kind == TokKind::Number)
        {
            end_tok = end + 2;
        }
        let approx = approximated(tokens, first_tok);
        let span = if end_tok > end {
            span.cover(tokens[end_tok - 1].span)
        } else {
            span
        };
        out.push(Quantity {
            kind,
            value: v.value,
            half_last_digit: v.half_last,
            half_last_nonzero: v.half_nonzero,
            approx,
            scaled: v.scaled,
            span,
            toks: (first_tok, end_tok),
        });
        i = end_tok;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::token::tokenize;
    use crate::rules::registry::default_vocabulary;

    fn q(text: &str) -> Vec<(QKind, String, bool)> {
        let v = default_vocabulary();
        let toks = tokenize(text, Span::new(0, text.len()));
        let nouns = v.counted_noun_set();
        scan(&toks, &CurrencyIndex::new(&v).in_country(None), &nouns)
            .into_iter()
            .map(|q| (q.kind, q.value.normalize().to_string(), q.approx))
            .collect()
    }

    fn count(v: &str) -> (QKind, String, bool) {
        (QKind::Count, v.to_string(), false)
    }

    #[test]
    fn number_words_are_in_order_and_each_has_its_value() {
        assert!(UNITS_AND_TENS.windows(2).all(|p| p[0].0 < p[1].0));
        let mut values: Vec<u32> = UNITS_AND_TENS.iter().map(|&(_, n)| n).collect();
        values.sort_unstable();
        let expected: Vec<u32> = (0..20).chain((2..10).map(|t| t * 10)).collect();
        assert_eq!(values, expected);
        for (w, n) in UNITS_AND_TENS {
            assert_eq!(unit_or_ten(w.as_bytes()), Some(n));
            assert!(NUMBER_WORD_STARTS.may_hold_any_case(&w.to_uppercase()));
        }
        assert_eq!(small_number_word("Seventy-Seven"), Some(77));
        assert!(NUMBER_WORD_STARTS.may_hold_any_case("Seventy-Seven"));
        assert_eq!(unit_or_ten(b"seventy-seven"), None);
        assert_eq!(small_number_word("government"), None);
    }

    #[test]
    fn digits_and_words() {
        assert_eq!(
            q("30 cases and 66,325 people and 1.5 units"),
            vec![count("30"), count("66325"), count("1.5")]
        );
        assert_eq!(
            q("seven victims, twenty-one girls, ninety-nine boys"),
            vec![count("7"), count("21"), count("99")]
        );
        assert_eq!(
            q("a dozen officials and two hundred workers"),
            vec![count("12"), count("200")]
        );
        assert_eq!(
            q("no prosecutions, zero convictions, no longer"),
            vec![count("0"), count("0")]
        );
        assert_eq!(q("one girl"), vec![count("1")]);
    }

    #[test]
    fn approximate_figures() {
        for text in [
            "around 30 victims",
            "approximately 30 victims",
            "nearly 30 victims",
            "more than 30 victims",
            "at least 30 victims",
            "over 30 victims",
            "up to 30 victims",
            "fewer than 30 victims",
        ] {
            assert_eq!(q(text), vec![(QKind::Count, "30".into(), true)], "{text}");
        }
        assert!(q("dozens of victims")[0].2);
        assert!(q("hundreds of victims")[0].2);
    }

    #[test]
    fn money_and_precision() {
        let v = default_vocabulary();
        let text = "4 million Som (\\$46,000) and 1,000 Kyrgyzstani soms (\\$12) and €461,500 and KGS 1,000 and 159,000 tenge";
        let toks = tokenize(text, Span::new(0, text.len()));
        let qs = scan(
            &toks,
            &CurrencyIndex::new(&v).in_country(Some("Kyrgyz Republic")),
            &v.counted_noun_set(),
        );
        let kinds: Vec<_> = qs
            .iter()
            .map(|q| (q.kind.clone(), q.value.normalize().to_string()))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (QKind::Money("KGS".into()), "4000000".into()),
                (QKind::Money("USD".into()), "46000".into()),
                (QKind::Money("KGS".into()), "1000".into()),
                (QKind::Money("USD".into()), "12".into()),
                (QKind::Money("EUR".into()), "461500".into()),
                (QKind::Money("KGS".into()), "1000".into()),
                (QKind::Money("KZT".into()), "159000".into()),
            ]
        );
        assert_eq!(qs[0].half_last_digit, Decimal::from(500_000));
        assert_eq!(qs[1].half_last_nonzero, Decimal::from(500));
        assert_eq!(qs[3].half_last_nonzero, Decimal::new(5, 1));
        assert_eq!(&text[qs[1].span.start..qs[1].span.end], "\\$46,000");
    }

    #[test]
    fn figures_beyond_the_arithmetic_are_not_read() {
        // 28 decimals and 7.9 × 10^28 are rust_decimal's limits.
        assert_eq!(q("0.0000000000000000000000000001 percent").len(), 1);
        assert_eq!(q("0.00000000000000000000000000001 percent"), vec![]);
        assert_eq!(q("79228162514264337593543950335 victims").len(), 1);
        assert_eq!(q("79228162514264337593543950336 victims"), vec![]);
        assert_eq!(q("79228162514264337593543950335 billion victims"), vec![]);
        assert_eq!(q("$79228162514264337593543950335 million"), vec![]);
        assert_eq!(q("79228162514264337594 billion som"), vec![]);
        assert_eq!(
            q("79228162514264337 billion som")[0].1,
            "79228162514264337000000000"
        );
    }

    #[test]
    fn figures_that_are_not_counts() {
        assert_eq!(q("In 2019 the 2022-2025 NAP")[0].0, QKind::Year);
        assert_eq!(q("In April 2022, it acted")[0].0, QKind::Date);
        assert_eq!(q("on March 3, 2021")[0].0, QKind::Date);
        let law = q("Articles 166, 167, and 170 and Article 132-2");
        assert!(law.iter().all(|x| x.0 == QKind::Law), "{law:?}");
        assert_eq!(law.len(), 4);
        assert_eq!(q("an 18-year-old girl")[0].0, QKind::Age);
        assert_eq!(q("was 14 years old")[0].0, QKind::Age);
        assert_eq!(q("15 percent of victims")[0].0, QKind::Percent);
        assert_eq!(q("15% of victims")[0].0, QKind::Percent);
        assert_eq!(
            q("three to six years’ imprisonment")[1].0,
            QKind::Duration("years".into())
        );
        assert_eq!(q("the 21st session")[0].0, QKind::Ordinal);
        assert_eq!(q("two and a half years")[0].1, "2.5");
    }
}
