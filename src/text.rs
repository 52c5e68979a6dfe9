//! Lower-casing words without allocating when they are lower case already (most words are),
//! and a cheap first test before looking a word up.

use std::borrow::Cow;

/// `s` in lower case, borrowed when it has no capital.
pub fn lower(s: &str) -> Cow<'_, str> {
    // One pass over the bytes: a capital, or a byte beyond ASCII, ends it.
    match s.bytes().find(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
        None => Cow::Borrowed(s),
        Some(_) if s.is_ascii() => Cow::Owned(s.to_ascii_lowercase()),
        Some(_) if s.chars().any(char::is_uppercase) => Cow::Owned(s.to_lowercase()),
        Some(_) => Cow::Borrowed(s),
    }
}

/// `s` in lower case with every character at the same byte offset, so that a span of `s` is
/// also a span of the result. A capital whose lower case has another length in UTF-8 (rare: `İ`,
/// `ẞ`) is kept as written.
pub fn lower_keeping_offsets(s: &str) -> String {
    let mut out = s.to_owned();
    out.make_ascii_lowercase();
    if s.is_ascii() {
        return out;
    }
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Runs of ASCII, most of the text, are passed over 16 bytes at a time.
        if bytes.get(i..i + 16).is_some_and(<[u8]>::is_ascii) {
            i += 16;
            continue;
        }
        // Only a lead byte (0xC0 and above) starts a character beyond ASCII.
        if bytes[i] < 0xC0 {
            i += 1;
            continue;
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        let width = c.len_utf8();
        if c.is_uppercase() {
            let mut lower = c.to_lowercase();
            if let (Some(l), None) = (lower.next(), lower.next())
                && l.len_utf8() == width
            {
                let mut buf = [0; 4];
                out.replace_range(i..i + width, l.encode_utf8(&mut buf));
            }
        }
        i += width;
    }
    out
}

/// A cheap first test before a look-up by word: the (first byte, length) pairs of the keys, so
/// that most words of a chapter are passed over without hashing.
pub struct Prefilter {
    /// By first byte, a bit per length (lengths of 31 bytes and more share the last bit).
    lengths: [u32; 256],
}

impl Prefilter {
    pub fn new<'k>(keys: impl Iterator<Item = &'k str>) -> Prefilter {
        let mut lengths = [0; 256];
        for k in keys {
            if let Some(&first) = k.as_bytes().first() {
                lengths[usize::from(first)] |= Self::bit(k);
            }
        }
        Prefilter { lengths }
    }

    fn bit(w: &str) -> u32 {
        1 << w.len().min(31)
    }

    /// Whether `w`, in any case, may be one of the keys (lower-case keys; the first letter is
    /// compared in lower case).
    pub fn may_hold_any_case(&self, w: &str) -> bool {
        self.holds(w, u8::to_ascii_lowercase)
    }

    /// Whether `w` may be one of the keys.
    pub fn may_hold(&self, w: &str) -> bool {
        self.holds(w, |&b| b)
    }

    fn holds(&self, w: &str, first: impl Fn(&u8) -> u8) -> bool {
        w.as_bytes()
            .first()
            .is_some_and(|b| self.lengths[usize::from(first(b))] & Self::bit(w) != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowers_in_place() {
        assert_eq!(
            lower_keeping_offsets("The GRETA Report"),
            "the greta report"
        );
        assert_eq!(lower_keeping_offsets("ÉTAT – Ünal’s"), "état – ünal’s");
        // `İ` lowers to two characters: kept, so every later offset still holds.
        let s = "İzmir Office";
        let l = lower_keeping_offsets(s);
        assert_eq!(l.len(), s.len());
        assert_eq!(&l[l.len() - 6..], "office");
    }

    #[test]
    fn borrows_lower_case_and_lowers_capitals() {
        assert!(matches!(lower("victims"), Cow::Borrowed("victims")));
        assert_eq!(lower("Victims"), "victims");
        assert_eq!(lower("ÉTAT"), "état");
        assert!(matches!(lower("état"), Cow::Borrowed(_)));
    }

    #[test]
    fn prefilter_passes_every_key_and_stops_other_first_letters_and_lengths() {
        let keys = ["antitrafficking", "lowincome", "a"];
        let filter = Prefilter::new(keys.into_iter());
        assert!(keys.iter().all(|k| filter.may_hold(k)));
        assert!(!filter.may_hold("antitrafficker"));
        // Same first letter and length: a prefilter lets it through to the look-up.
        assert!(filter.may_hold("antitraffickers"));
        assert!(!filter.may_hold("government"));
        assert!(!filter.may_hold("lowincomes"));
        assert!(!filter.may_hold(""));
        assert!(filter.may_hold_any_case("Antitrafficking") && !filter.may_hold("Antitrafficking"));
        assert!(!filter.may_hold_any_case("Government"));
        // Long words share one bit: a key of 40 bytes lets other long words through.
        let long = "a".repeat(40);
        let filter = Prefilter::new(std::iter::once(long.as_str()));
        assert!(filter.may_hold(&"a".repeat(35)));
    }
}
