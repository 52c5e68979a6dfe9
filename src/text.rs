//! Lower-casing words without allocating when they are lower case already (most words are).

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn borrows_lower_case_and_lowers_capitals() {
        assert!(matches!(lower("victims"), Cow::Borrowed("victims")));
        assert_eq!(lower("Victims"), "victims");
        assert_eq!(lower("ÉTAT"), "état");
        assert!(matches!(lower("état"), Cow::Borrowed(_)));
    }
}
