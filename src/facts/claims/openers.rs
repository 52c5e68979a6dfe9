//! A section's opening verdict: `The government decreased law enforcement efforts.`

use super::*;

impl Extractor<'_, '_> {
    /// The first sentence of a section's first paragraph, when it says the actor raised or
    /// lowered its efforts: `The government (slightly) increased protection efforts`.
    /// `maintained` states no direction and is not read; nor is a sentence with a second direction
    /// word (`increased … but decreased …`).
    pub(super) fn opener(&self, p: &Para, section: SectionKind, out: &mut ChapterClaims) {
        let end = p.sentence_end(0);
        let words: Vec<(usize, &str)> = (0..end)
            .filter_map(|i| p.word_ref(i).map(|w| (i, w)))
            .collect();
        // The actor: the longest of the lexicon's subjects the sentence opens with.
        let Some(actor) = self
            .lex
            .actors
            .iter()
            .filter(|a| {
                let n = a.split(' ').count();
                n <= words.len() && a.split(' ').zip(&words).all(|(x, (_, w))| x == *w)
            })
            .map(|a| a.split(' ').count())
            .max()
        else {
            return;
        };
        // Adverbs (`slightly`, `significantly`, `overall`), then a verb of change in the past.
        let mut k = actor;
        while k < words.len() && (words[k].1.ends_with("ly") || words[k].1 == "overall") {
            k += 1;
        }
        let Some(&(at, verb)) = words.get(k) else {
            return;
        };
        let Some(direction) = self.lex.direction_of(verb).filter(|_| verb.ends_with("ed")) else {
            return;
        };
        // What it changed is its efforts, named within a few words, and nothing else in the
        // sentence states a direction.
        let rest = &words[k + 1..];
        let names_efforts = rest
            .iter()
            .take(5)
            .any(|(_, w)| self.lex.effort_nouns.contains(*w));
        if !names_efforts || rest.iter().any(|(_, w)| self.lex.direction_of(w).is_some()) {
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
