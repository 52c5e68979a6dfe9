//! The standards sentence and the tier statement of an introduction.

use super::*;

impl Extractor<'_, '_> {
    /// The standards sentence and the tier statement.
    pub(super) fn tier(&self, text: &str, p: &Para, out: &mut ChapterClaims) {
        let Some(phrases) = &self.lex.vocab.tier_phrases else {
            return;
        };
        let Some(first) = p.toks.first() else { return };
        let span = first.span.cover(p.toks[p.toks.len() - 1].span);
        let body = &text[span.start..span.end];
        // ASCII lower case keeps every byte offset the same as the text's.
        let lower = body.to_ascii_lowercase();
        let find = |list: &[String]| {
            list.iter()
                .filter_map(|ph| lower.find(&ph.to_lowercase()).map(|at| (at, ph.len())))
                .min()
        };
        if out.tier.standards.is_none() {
            let class = if let Some((at, len)) = find(&phrases.does_not_fully_meet) {
                let rest = &lower[at..];
                let sentence_end = rest.find(". ").unwrap_or(rest.len());
                let rest = &rest[..sentence_end];
                if phrases
                    .not_making_efforts
                    .iter()
                    .any(|ph| rest.contains(&ph.to_lowercase()))
                {
                    Some((Standards::NotMakingEfforts, at, len))
                } else if phrases
                    .making_efforts
                    .iter()
                    .any(|ph| rest.contains(&ph.to_lowercase()))
                {
                    Some((Standards::MakingEfforts, at, len))
                } else {
                    None
                }
            } else {
                find(&phrases.fully_meets).map(|(at, len)| (Standards::FullyMeets, at, len))
            };
            if let Some((class, at, len)) = class {
                out.tier.standards =
                    Some((class, Span::new(span.start + at, span.start + at + len)));
            }
        }
        out.tier.waiver |= find(&phrases.waiver).is_some();
        for ph in &phrases.statements {
            let ph = ph.to_lowercase();
            let mut from = 0;
            while let Some(at) = lower[from..].find(&ph) {
                let start = from + at + ph.len();
                from = start;
                let rest = body[start..].trim_start();
                let rest_at = span.start + body.len() - rest.len();
                // `would have been downgraded to Tier 3` states no placement.
                let mut a = from.saturating_sub(ph.len() + 40);
                while !lower.is_char_boundary(a) {
                    a -= 1;
                }
                let before = &lower[a..from - ph.len()];
                let hypothetical = [
                    "would",
                    "could",
                    "otherwise",
                    "automatically",
                    "may",
                    "might",
                    "if ",
                ]
                .iter()
                .any(|w| before.contains(w));
                if let (Ok((r, tier)), false) = (tier_grammar(rest), hypothetical) {
                    let end = rest_at + rest.len() - r.len();
                    out.tier.statements.push((tier, Span::new(rest_at, end)));
                    out.tier
                        .moves
                        .push((Span::new(rest_at, end), TierMove::of_phrase(&ph)));
                }
            }
        }
        out.tier.statements.sort_by_key(|(_, span)| span.start);
    }
}
