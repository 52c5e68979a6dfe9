//! The introduction's summaries of trends: `investigating and prosecuting more trafficking
//! cases`, `identified fewer victims`, `more than double the number of victims`.

use super::*;

impl Extractor<'_, '_> {
    /// Intro summaries: `investigating and prosecuting more trafficking cases`, `identified fewer
    /// victims`, `decreased investigations`.
    pub(super) fn summaries(&self, p: &Para, out: &mut ChapterClaims) {
        for (i, t) in p.toks.iter().enumerate() {
            let Some(w) = p.word_ref(i) else {
                continue;
            };
            let Some(direction) = self.lex.direction_of(w) else {
                continue;
            };
            // The counted noun it is attached to, within a few words after it.
            let mut noun = None;
            let mut j = i + 1;
            // `more than double the number of victims`, `twice as many victims`: a multiple.
            let multiple = |x: &str| {
                matches!(
                    x,
                    "than" | "double" | "triple" | "twice" | "number" | "of" | "as" | "many"
                )
            };
            let reach = if (i + 1..(i + 3).min(p.toks.len()))
                .any(|k| matches!(p.word_ref(k), Some("double" | "triple" | "twice")))
            {
                7
            } else {
                4
            };
            while j < p.toks.len() && j <= i + reach {
                let Some(x) = p.word_ref(j) else { break };
                if np_stop(x) && x != "the" && !(reach > 4 && multiple(x)) {
                    break;
                }
                if self.lex.counted.contains(x) || x == "funding" {
                    noun = Some(x);
                    break;
                }
                j += 1;
            }
            let Some(noun) = noun else { continue };
            if matches!(w, "more" | "fewer" | "less" | "higher" | "lower")
                || j == i + 1
                || self.lex.action_of(noun).is_some()
            {
                // Actions: verbs just before the direction word (`investigating and prosecuting`),
                // or the noun's own (`prosecutions`).
                let mut actions = Vec::new();
                let mut k = i;
                while k > 0 {
                    k -= 1;
                    let Some(x) = p.word_ref(k) else {
                        if p.punct(k, ',') {
                            continue;
                        }
                        break;
                    };
                    if x == "and" || x.ends_with("ly") || x == "far" {
                        continue;
                    }
                    // `providing shelter to more victims`, `offering assistance to fewer`
                    if (x == "to" || x == "for")
                        && k >= 2
                        && let Some(a) = p.word_ref(k - 1).and_then(|w| self.lex.action_of(w))
                        && matches!(
                            p.word_ref(k - 2),
                            Some("providing" | "provided" | "offering" | "offered")
                        )
                    {
                        actions.push(a.to_string());
                        break;
                    }
                    match self.lex.action_of(x) {
                        Some(a) if x.ends_with("ing") || x.ends_with("ed") => {
                            actions.push(a.to_string())
                        }
                        _ => break,
                    }
                }
                if actions.is_empty()
                    && let Some(a) = self.lex.action_of(noun)
                {
                    actions.push(a.to_string());
                }
                if noun == "funding" {
                    actions = vec!["fund".into()];
                }
                // `more than double`, `more than twice`, `more than triple`
                let factor = (w == "more" && p.is(i + 1, "than"))
                    .then(|| match p.word_ref(i + 2) {
                        Some("double" | "twice") => Some(2),
                        Some("triple") => Some(3),
                        _ => None,
                    })
                    .flatten();
                out.summaries.push(Summary {
                    direction,
                    direction_span: t.span,
                    actions,
                    noun: Some(singular(noun).into_owned()),
                    factor,
                    span: t.span.cover(p.toks[j].span),
                });
            }
        }
    }
}
