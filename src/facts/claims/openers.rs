//! A section's opening verdict: `The government decreased law enforcement efforts.`

use super::*;

impl Extractor<'_, '_> {
    /// The first sentence of a section's first paragraph, when it says the actor raised or
    /// lowered its efforts: `The government (slightly) increased protection efforts`.
    /// `maintained` states no direction and is not read; nor is a sentence with a second direction
    /// word (`increased … but decreased …`).
    pub(super) fn opener(&self, p: &Para, section: SectionKind, out: &mut ChapterClaims) {
        let end = p.sentence_end(0);
        // The sentence's words, read again where needed rather than gathered: a paragraph
        // without a sentence end is one sentence, however long.
        let words = || (0..end).filter_map(|i| p.word_ref(i).map(|w| (i, w)));
        let head: Vec<(usize, &str)> = words().take(8).collect();
        // A verb of change in the past, early in the sentence (few sentences have one: looked for
        // first).
        let Some((k, direction)) = head.iter().enumerate().find_map(|(k, (_, w))| {
            w.ends_with("ed")
                .then(|| self.lex.direction_of(w))
                .flatten()
                .map(|d| (k, d))
        }) else {
            return;
        };
        let at = head[k].0;
        // Before it, one of the lexicon's subjects (`the government`), then adverbs (`slightly`,
        // `significantly`, `overall`).
        let adverb = |w: &str| w.ends_with("ly") || w == "overall";
        let subject = head[..k]
            .iter()
            .rposition(|(_, w)| !adverb(w))
            .map_or(0, |last| last + 1);
        let phrase = head[..subject]
            .iter()
            .map(|(_, w)| *w)
            .collect::<Vec<_>>()
            .join(" ");
        if !self.lex.actors.contains(&phrase) {
            return;
        }
        // What it changed is its efforts, named within a few words, and nothing else in the
        // sentence states a direction.
        let rest = || words().skip(k + 1);
        let names_efforts = rest()
            .take(5)
            .any(|(_, w)| self.lex.effort_nouns.contains(w));
        if !names_efforts || rest().any(|(_, w)| self.lex.direction_of(w).is_some()) {
            return;
        }
        out.openers.push(Opener {
            direction,
            direction_span: p.toks[at].span,
            section,
            span: p.sentence_up_to(end - 1),
        });
    }
}
