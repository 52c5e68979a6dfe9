//! TL307: the same sentence twice in one chapter.

use super::{Checker, Context, Output, options};
use crate::rules::spec::RuleSpec;
use rustc_hash::FxHashMap;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DuplicateSentence {
    /// Shorter sentences (`Tier 2.`) may repeat without notice.
    min_words: usize,
}

pub fn build(table: &toml::Table) -> Result<Box<dyn Checker>, String> {
    let checker: DuplicateSentence = options(table)?;
    Ok(Box::new(checker))
}

/// Lower case, single spaces, straight quotes: two sentences differing only so are the same.
fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                '’' | '‘' => out.push('\''),
                '“' | '”' => out.push('"'),
                c => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}

/// A hash of the normalised sentence (FNV-1a over its bytes), computed without building it, and
/// its number of words.
fn fingerprint(s: &str) -> (u64, usize) {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |b: u8| {
        h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    };
    let bytes = s.as_bytes();
    let (mut i, mut words, mut space) = (0, 0, false);
    while i < bytes.len() {
        // ASCII, most of the text, is read without decoding.
        let b = bytes[i];
        let c = if b < 0x80 {
            b as char
        } else {
            s[i..].chars().next().unwrap_or(' ')
        };
        i += c.len_utf8();
        let white = if b < 0x80 {
            b.is_ascii_whitespace()
        } else {
            c.is_whitespace()
        };
        if white {
            space = words > 0;
            continue;
        }
        if space || words == 0 {
            if space {
                feed(b' ');
            }
            words += 1;
            space = false;
        }
        match c {
            c if c.is_ascii() => feed(c.to_ascii_lowercase() as u8),
            '’' | '‘' => feed(b'\''),
            '“' | '”' => feed(b'"'),
            c => {
                let mut buf = [0u8; 4];
                for l in c.to_lowercase() {
                    l.encode_utf8(&mut buf).bytes().for_each(&mut feed);
                }
            }
        }
    }
    (h, words)
}

/// A cheap key that two sentences equal after normalising share: the first and the last
/// `ENDS` letters and digits, lower-cased (the walk from each end stops at the first other
/// non-ASCII character, which normalising may change). Only sentences that share a key are
/// fingerprinted in full.
fn ends_key(s: &str) -> [u8; 2 * ENDS] {
    let mut key = [0u8; 2 * ENDS];
    let fill = |slots: &mut [u8], bytes: &mut dyn Iterator<Item = u8>| {
        let mut n = 0;
        for b in bytes {
            if n == slots.len() {
                break;
            }
            if b >= 0x80 {
                slots[n] = 0xFF;
                break;
            }
            if b.is_ascii_alphanumeric() {
                slots[n] = b.to_ascii_lowercase();
                n += 1;
            }
        }
    };
    let (head, tail) = key.split_at_mut(ENDS);
    fill(head, &mut s.bytes());
    fill(tail, &mut s.bytes().rev());
    key
}

const ENDS: usize = 12;

impl Checker for DuplicateSentence {
    fn check(&self, cx: &Context, rule: &RuleSpec, out: &mut Output) {
        for chapter in &cx.report.chapters {
            // Each sentence with the key of its ends, computed once.
            let sentences: Vec<(crate::source::Span, [u8; 2 * ENDS])> = chapter
                .sentences()
                .map(|s| (s.span, ends_key(cx.source.slice(s.span))))
                .collect();
            let mut by_ends: FxHashMap<[u8; 2 * ENDS], usize> = FxHashMap::default();
            for (_, key) in &sentences {
                *by_ends.entry(*key).or_default() += 1;
            }
            let mut seen: FxHashMap<u64, Vec<crate::source::Span>> = FxHashMap::default();
            for &(span, key) in &sentences {
                if by_ends.get(&key).is_some_and(|&n| n < 2) {
                    continue;
                }
                let text = cx.source.slice(span);
                let (hash, words) = fingerprint(text);
                if words < self.min_words {
                    continue;
                }
                let earlier = seen.entry(hash).or_default();
                // Equal fingerprints are confirmed on the text itself.
                let first = earlier
                    .iter()
                    .copied()
                    .find(|s| normalise(cx.source.slice(*s)) == normalise(text));
                match first {
                    None => earlier.push(span),
                    Some(first) => out.diagnostics.push(
                        rule.diagnostic(span, "this sentence appears twice in the chapter")
                            .with_label(first, "first here")
                            .with_label(span, "again here")
                            .with_help("delete one of the two, or say what changed"),
                    ),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_ignore_case_spacing_and_curly_quotes() {
        let a = fingerprint("The  Government’s “plan”\n was adopted.");
        let b = fingerprint("the government's \"plan\" was ADOPTED.");
        assert_eq!(a, b);
        assert_eq!(a.1, 5);
        assert_eq!(
            normalise("The  Government’s “plan”\n was adopted."),
            normalise("the government's \"plan\" was ADOPTED.")
        );
        assert_ne!(
            fingerprint("Grève générale.").0,
            fingerprint("Greve generale.").0
        );
        assert_eq!(
            fingerprint("GRÈVE Générale").0,
            fingerprint("grève générale").0
        );
        assert_eq!(fingerprint("   ").1, 0);
    }

    #[test]
    fn sentences_equal_after_normalising_share_their_ends() {
        let a = "The  Government’s “plan”\n was adopted on 12 May.";
        let b = "the government's \"plan\" was ADOPTED on 12 May.";
        assert_eq!(ends_key(a), ends_key(b));
        assert_ne!(
            ends_key(a),
            ends_key("The government's plan was adopted on 13 May.")
        );
        // Other non-ASCII characters stop the walk at the same place in both.
        assert_eq!(
            ends_key("Grève générale was called."),
            ends_key("GRÈVE Générale was called.")
        );
    }
}
