//! Damage real-style text and check what must hold for any input (see `support/invariants.rs`):
//! no panic, spans inside the text and on character boundaries, every format renders, JSON
//! parses, fixes keep every byte they do not touch and reach a fixed point; through the binary,
//! exit codes 0, 1 or 2 only, with a JSON document on stdout either way.
//!
//! The texts are the bundled sample and the fixtures, cut to a window and damaged by a few
//! operations: random bytes, words of the report's own vocabulary, digits, huge and tiny
//! numbers, brackets, dashes, bullets, curly quotes, line ends of every kind, and truncation
//! inside a UTF-8 character. `PROPTEST_CASES` raises the number of cases for a longer hunt.

mod support;

use assert_cmd::Command;
use proptest::prelude::*;
use proptest::sample::Index;
use support::invariants;

const SEEDS: &[&str] = &[
    include_str!("../samples/kyrgyz-republic-2023.txt"),
    include_str!("fixtures/clean-chapter.txt"),
    include_str!("fixtures/page-break.txt"),
    include_str!("fixtures/two-chapters.md"),
];

/// Pieces the damage inserts: the shapes the readers look for, and the shapes that break naive
/// code (multi-byte characters, control characters, numbers at the edge of exact decimals).
const PIECES: &[&str] = &[
    " victims",
    " cases",
    " were women",
    " of whom",
    ", including ",
    " compared with ",
    " an increase from ",
    " decreased ",
    " Tier 2 Watch List",
    "PROSECUTION",
    "Protection: ",
    "PRIORITIZED RECOMMENDATIONS:",
    " * ",
    "• ",
    "- ",
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "(",
    ")",
    "[",
    "]",
    "–",
    "—",
    "-",
    ";",
    ":",
    ".",
    ",",
    " som ($46,000)",
    " soms (\\$12)",
    "\\$",
    "$",
    " percent",
    "%",
    " million",
    " billion",
    " thousand",
    " a dozen ",
    "one",
    "nineteen",
    "ninety-nine",
    "1,000",
    "66,325",
    "1.5",
    "0.00000000000000000000000000001",
    "79228162514264337593543950335",
    "99,999,999,999,999,999,999,999,999,999",
    "-2147483648",
    "2022-2025",
    " three to six years",
    " from 20 to 10 ",
    " in April 2022",
    " Article 159",
    "18-year-old",
    "Türkiye",
    "café café",
    "é",
    "👩‍👧",
    "\u{202E}",
    "\u{200B}",
    "\u{FEFF}",
    "\x1b[2J",
    "\x07",
    "\t",
    "\r",
    "\r\n",
    "\n",
    "\n\n",
    "\n\n\n",
    "<!-- tiplint-disable-next-line sum-mismatch -->",
    "<!-- tiplint-disable -->",
    "the the",
    "antitrafficking",
    "anti-trafficking",
    "Swaziland",
    "KYRGYZ REPUBLIC: TIER 2\n",
];

#[derive(Debug, Clone)]
enum Damage {
    /// Insert arbitrary bytes (may make the input invalid UTF-8).
    Bytes(Index, Vec<u8>),
    /// Insert one of the pieces above.
    Piece(Index, Index),
    /// Insert one of the pieces as a word of its own, after the next space.
    Word(Index, Index),
    /// Set a digit, or put one where there was none.
    Digit(Index, u8),
    /// Delete up to 64 bytes.
    Delete(Index, usize),
    /// Repeat a stretch of up to 200 bytes several times.
    Repeat(Index, usize, usize),
    /// Cut the input here (possibly inside a character).
    Truncate(Index),
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        1 => (any::<Index>(), prop::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(i, b)| Damage::Bytes(i, b)),
        4 => (any::<Index>(), any::<Index>()).prop_map(|(i, p)| Damage::Piece(i, p)),
        4 => (any::<Index>(), any::<Index>()).prop_map(|(i, p)| Damage::Word(i, p)),
        2 => (any::<Index>(), b'0'..=b'9').prop_map(|(i, d)| Damage::Digit(i, d)),
        1 => (any::<Index>(), 1usize..64).prop_map(|(i, n)| Damage::Delete(i, n)),
        1 => (any::<Index>(), 1usize..200, 2usize..20).prop_map(|(i, n, k)| Damage::Repeat(i, n, k)),
        1 => any::<Index>().prop_map(Damage::Truncate),
    ]
}

fn apply(bytes: &mut Vec<u8>, d: &Damage) {
    let at = |i: &Index, len: usize| if len == 0 { 0 } else { i.index(len + 1) };
    match d {
        Damage::Bytes(i, b) => {
            let k = at(i, bytes.len());
            bytes.splice(k..k, b.iter().copied());
        }
        Damage::Piece(i, p) => {
            let k = at(i, bytes.len());
            let piece = PIECES[p.index(PIECES.len())].as_bytes();
            bytes.splice(k..k, piece.iter().copied());
        }
        Damage::Word(i, p) => {
            let k = at(i, bytes.len());
            let k = bytes[k..]
                .iter()
                .position(|&b| b == b' ')
                .map_or(bytes.len(), |j| k + j + 1);
            let piece = PIECES[p.index(PIECES.len())].trim();
            bytes.splice(k..k, piece.bytes().chain(*b" "));
        }
        Damage::Digit(i, digit) => {
            if bytes.is_empty() {
                bytes.push(*digit);
            } else {
                let k = i.index(bytes.len());
                if bytes[k].is_ascii_digit() {
                    bytes[k] = *digit;
                } else {
                    bytes.insert(k, *digit);
                }
            }
        }
        Damage::Delete(i, n) => {
            let k = at(i, bytes.len()).min(bytes.len());
            let end = (k + n).min(bytes.len());
            bytes.drain(k..end);
        }
        Damage::Repeat(i, n, times) => {
            let k = at(i, bytes.len()).min(bytes.len());
            let end = (k + n).min(bytes.len());
            let stretch = bytes[k..end].to_vec();
            for _ in 1..*times {
                bytes.splice(end..end, stretch.iter().copied());
            }
        }
        Damage::Truncate(i) => {
            let k = at(i, bytes.len()).min(bytes.len());
            bytes.truncate(k.max(1));
        }
    }
}

/// A window of whole lines of one seed text (so each case stays small), then the damage.
fn damaged_text() -> impl Strategy<Value = (Vec<u8>, bool)> {
    (
        any::<Index>(),
        any::<Index>(),
        1usize..40,
        prop::collection::vec(damage(), 0..8),
        any::<bool>(),
    )
        .prop_map(|(seed, from, lines, damages, markdown)| {
            let seed = SEEDS[seed.index(SEEDS.len())];
            let all: Vec<&str> = seed.split_inclusive('\n').collect();
            let first = from.index(all.len());
            let mut bytes: Vec<u8> = all[first..(first + lines).min(all.len())]
                .concat()
                .into_bytes();
            for d in &damages {
                apply(&mut bytes, d);
            }
            (bytes, markdown)
        })
}

/// Damaged text that is still valid UTF-8 (the fix round trip needs text).
fn damaged_utf8() -> impl Strategy<Value = (String, bool)> {
    damaged_text().prop_map(|(b, md)| (String::from_utf8_lossy(&b).into_owned(), md))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 160, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_check_and_render_with_sound_spans((bytes, markdown) in damaged_text()) {
        invariants::check_bytes(&bytes, markdown);
    }

    #[test]
    fn fixes_keep_untouched_bytes_and_reach_a_fixed_point((text, markdown) in damaged_utf8()) {
        invariants::assert_fix_round_trip(invariants::name_for(markdown), &text);
    }
}

fn tiplint() -> Command {
    Command::cargo_bin("tiplint").unwrap()
}

proptest! {
    // Each case starts the binary a few times: fewer cases, the same damage.
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn the_binary_exits_0_1_or_2_with_json_and_fixes_in_place((bytes, markdown) in damaged_text()) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(invariants::name_for(markdown));
        std::fs::write(&path, &bytes).unwrap();
        let out = tiplint()
            .args(["check", "--format", "json"])
            .arg(&path)
            .output()
            .unwrap();
        let code = out.status.code();
        prop_assert!(matches!(code, Some(0..=2)), "exit {code:?}: {}", String::from_utf8_lossy(&out.stderr));
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
        prop_assert_eq!(doc["files"].as_array().map(Vec::len), Some(1));
        let readable = doc["files"][0]["error"].is_null();
        prop_assert_eq!(readable, code != Some(2));

        // --fix writes what the library's fix loop makes, and a second --fix finds nothing.
        let fix = tiplint().args(["check", "--fix", "--fail-on", "never"]).arg(&path).output().unwrap();
        prop_assert!(matches!(fix.status.code(), Some(0..=2)));
        let after = std::fs::read(&path).unwrap();
        if readable {
            let text = String::from_utf8(bytes.clone()).unwrap();
            let expected = invariants::assert_fix_round_trip(invariants::name_for(markdown), &text);
            prop_assert_eq!(String::from_utf8(after).unwrap(), expected);
            let diff = tiplint().args(["check", "--diff"]).arg(&path).output().unwrap();
            prop_assert_eq!(diff.status.code(), Some(0), "{}", String::from_utf8_lossy(&diff.stdout));
        } else {
            prop_assert_eq!(after, bytes, "an unreadable input is never written");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 160, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_parse_into_a_tree_of_sound_spans((bytes, _) in damaged_text()) {
        invariants::parse_bytes(&bytes);
    }
}
