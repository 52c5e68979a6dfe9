//! "Did you mean": the known word closest to an unknown one, when one is close enough.

/// The candidate closest to `word` (case ignored), if it is near enough to be a misspelling of
/// it: a normalised Damerau–Levenshtein similarity of at least 0.7 (`sum-missmatch` →
/// `sum-mismatch`, `tiplint-disable-nextline` → `tiplint-disable-next-line`).
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| {
            (
                strsim::normalized_damerau_levenshtein(&word, &c.to_lowercase()),
                c,
            )
        })
        .filter(|(score, _)| *score >= 0.7)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// ` (did you mean `x`?)`, or nothing.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    closest(word, candidates).map_or(String::new(), |c| format!(" (did you mean `{c}`?)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_near_word_is_suggested_and_a_far_one_not() {
        let names = ["sum-mismatch", "split-mismatch", "repeated-word"];
        assert_eq!(closest("sum-missmatch", names), Some("sum-mismatch"));
        assert_eq!(closest("Repeated-Words", names), Some("repeated-word"));
        assert_eq!(closest("tier", names), None);
    }
}
