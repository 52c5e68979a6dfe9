//! One paragraph as the claim patterns read it: tokens, quantities, sentences, depth of
//! parentheses, lower-case words and the noun phrase after each figure.

use super::*;
use crate::parse::Sentence;

/// How a counted figure connects to the words after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Link {
    /// `30 victims`
    Noun,
    /// `48 were Kyrgyzstani`
    Were,
    /// `two for sex trafficking`, `three of forced labor`, `five to forced labor`
    Elliptic,
}

#[derive(Debug, Clone)]
pub(super) struct Np<'t> {
    pub(super) link: Link,
    /// Lower-case words, borrowed from the chapter's lower-case text.
    pub(super) words: Vec<&'t str>,
    /// First word as written, to see capitals (nationalities).
    pub(super) capitalised: bool,
}

impl<'t> Np<'t> {
    pub(super) fn head(&self) -> Option<&'t str> {
        self.words.last().copied()
    }
}

/// Words that end a figure's noun phrase (prepositions, verbs, determiners …).
/// A preposition after a figure's noun that names a part of it (`12 victims of forced labor`,
/// `14 cases in the capital`, `10 victims from abroad`).
pub(super) fn narrowing_preposition(w: &str) -> bool {
    matches!(
        w,
        "of" | "for" | "in" | "among" | "from" | "involving" | "under" | "at" | "with" | "as"
    )
}

pub(super) fn np_stop(w: &str) -> bool {
    matches!(
        w,
        "of" | "out"
            | "for"
            | "in"
            | "from"
            | "to"
            | "with"
            | "by"
            | "at"
            | "on"
            | "under"
            | "between"
            | "during"
            | "including"
            | "compared"
            | "and"
            | "or"
            | "were"
            | "was"
            | "are"
            | "is"
            | "who"
            | "which"
            | "that"
            | "whom"
            | "whose"
            | "as"
            | "into"
            | "through"
            | "while"
            | "but"
            | "than"
            | "per"
            | "each"
            | "since"
            | "after"
            | "before"
            | "against"
            | "the"
            | "a"
            | "an"
            | "this"
            | "these"
            | "those"
            | "it"
            | "they"
            | "he"
            | "she"
            | "had"
            | "have"
            | "has"
            | "did"
            | "not"
            | "also"
            | "all"
            | "its"
            | "their"
    )
}

/// A chapter's text in lower case at the same offsets (`text::lower_keeping_offsets`), and
/// where the chapter starts in the file.
#[derive(Clone, Copy)]
pub(super) struct Lowered<'t> {
    pub(super) text: &'t str,
    pub(super) base: usize,
}

impl<'t> Lowered<'t> {
    /// The lower-case form of the file's text at `span` (inside the chapter).
    pub(super) fn of(&self, span: Span) -> &'t str {
        let from = span.start.saturating_sub(self.base);
        let to = span.end.saturating_sub(self.base);
        self.text.get(from..to).unwrap_or_default()
    }
}

/// One paragraph's tokens and quantities, and the indexes the patterns need.
pub(super) struct Para<'t, 'a> {
    pub(super) toks: &'t [Token<'a>],
    /// The chapter's text in lower case, for each word's lower-case form.
    pub(super) lower: Lowered<'t>,
    pub(super) counted: &'t HashSet<String>,
    /// Classes of people (`women`, `citizens`), from the lexicon.
    pub(super) classes: &'t HashSet<String>,
    pub(super) qs: Vec<Quantity>,
    /// Token index → the quantity starting there.
    pub(super) q_at: TokenMap,
    /// Token index → the quantity covering it (`q_of[k]`).
    pub(super) q_of: TokenMap,
    /// The noun phrase after each quantity, read once.
    pub(super) nps: Vec<Np<'t>>,
    /// Token index → sentence number.
    pub(super) sentence: Vec<usize>,
    /// The tokens after which the sentence number changes (each sentence's first token but the
    /// paragraph's first), in order.
    pub(super) starts: Vec<usize>,
    /// Token index → parenthesis depth (after the token for `(`, before it for `)`).
    pub(super) depth: Vec<i32>,
    /// Opening parenthesis or bracket → the token that closes it, for those closed in the
    /// paragraph (a reader passes over a group at once instead of token by token).
    pub(super) closing: HashMap<usize, usize>,
}

impl<'t, 'a> Para<'t, 'a> {
    pub(super) fn new(
        toks: &'t [Token<'a>],
        lower: Lowered<'t>,
        counted: &'t HashSet<String>,
        classes: &'t HashSet<String>,
        qs: Vec<Quantity>,
        sentences: &[Sentence],
    ) -> Self {
        let mut q_at = TokenMap::new(toks.len(), qs.len());
        let mut q_of = TokenMap::new(toks.len(), qs.len());
        for (n, q) in qs.iter().enumerate() {
            q_at.set(q.toks.0, n);
            for k in q.toks.0..q.toks.1.min(toks.len()) {
                q_of.set(k, n);
            }
        }
        // Sentences and tokens are both in order: one pass maps each token to its sentence, notes
        // where sentences change and follows the depth of parentheses.
        let mut sentence: Vec<usize> = Vec::with_capacity(toks.len());
        let mut starts = Vec::new();
        let mut depth = Vec::with_capacity(toks.len());
        let (mut s, mut d) = (0, 0);
        let mut closing = HashMap::default();
        let mut open = Vec::new();
        for (k, t) in toks.iter().enumerate() {
            while s < sentences.len() && sentences[s].span.end <= t.span.start {
                s += 1;
            }
            let here = if s < sentences.len() && sentences[s].span.contains(t.span) {
                s
            } else {
                usize::MAX
            };
            if sentence.last().is_some_and(|&before| before != here) {
                starts.push(k);
            }
            sentence.push(here);
            let mark = match t.kind {
                TokKind::Punct => t.text.as_bytes().first().copied(),
                _ => None,
            };
            if matches!(mark, Some(b')' | b']')) {
                d -= 1;
                if let Some(o) = open.pop() {
                    closing.insert(o, k);
                }
            }
            depth.push(d);
            if matches!(mark, Some(b'(' | b'[')) {
                d += 1;
                open.push(k);
            }
        }
        let mut para = Para {
            toks,
            lower,
            counted,
            classes,
            qs,
            q_at,
            q_of,
            sentence,
            starts,
            depth,
            closing,
            nps: Vec::new(),
        };
        para.nps = (0..para.qs.len()).map(|q| para.read_np(q)).collect();
        para
    }

    /// A word that may be a verb in the past (`served`, `exploited`): `-ed`, and not a counted
    /// noun or a class of people.
    pub(super) fn past_verb(&self, w: &str) -> bool {
        w.len() > 4 && w.ends_with("ed") && !self.counted.contains(w) && !self.classes.contains(w)
    }

    /// The token after figure `q` and the words of its noun phrase.
    pub(super) fn after_np(&self, q: usize) -> usize {
        self.qs[q].toks.1 + self.np(q).words.len()
    }

    /// The token after figure `q`'s noun, if it has one (`30 victims` → after `victims`), else
    /// right after the figure (`48 were …`: a predicate, not a noun).
    pub(super) fn after_noun(&self, q: usize) -> usize {
        match self.np(q).link {
            Link::Noun => self.after_np(q),
            _ => self.qs[q].toks.1,
        }
    }

    /// The quantity that states figure `fig` (a breakdown's total, read earlier).
    pub(super) fn quantity_of(&self, fig: Fig) -> Option<usize> {
        self.qs.iter().position(|q| q.span == fig.span)
    }

    /// The year (a quantity) that starts at token `k`.
    pub(super) fn year_at(&self, k: usize) -> Option<usize> {
        self.q_at
            .get(&k)
            .copied()
            .filter(|&y| self.qs[y].kind == QKind::Year)
    }

    /// `in 2021`, `during 2021` at token `k`.
    pub(super) fn in_year(&self, k: usize) -> bool {
        (self.is(k, "in") || self.is(k, "during")) && self.year_at(k + 1).is_some()
    }

    /// The first token past the group that the parenthesis or bracket at `open` opens, within
    /// its sentence: its closing token, or the sentence's end when it closes later or never.
    /// Every token between is deeper than `open`.
    pub(super) fn past_group(&self, open: usize) -> usize {
        let end = self.sentence_end(open);
        self.closing.get(&open).map_or(end, |&close| close.min(end))
    }

    /// The first token of the sentence token `i` is in.
    pub(super) fn sentence_start(&self, i: usize) -> usize {
        let later = self.starts.partition_point(|&s| s <= i);
        later.checked_sub(1).map_or(0, |k| self.starts[k])
    }

    /// The token after the sentence token `i` is in (the next sentence's first token, or the
    /// paragraph's end).
    pub(super) fn sentence_end(&self, i: usize) -> usize {
        let later = self.starts.partition_point(|&s| s <= i);
        self.starts.get(later).copied().unwrap_or(self.toks.len())
    }

    /// The span of the sentence that ends at token `last` (from its first token to `last`).
    pub(super) fn sentence_up_to(&self, last: usize) -> Span {
        self.toks[self.sentence_start(last)]
            .span
            .cover(self.toks[last].span)
    }

    /// The lower-case word at `i`, without allocating.
    pub(super) fn word_ref(&self, i: usize) -> Option<&'t str> {
        self.toks
            .get(i)
            .filter(|t| t.kind == TokKind::Word)
            .map(|t| self.lower.of(t.span))
    }

    pub(super) fn is(&self, i: usize, w: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_word(w))
    }

    pub(super) fn punct(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_punct(c))
    }

    /// The quantity starting at token `i`, if it is a count.
    pub(super) fn count_at(&self, i: usize) -> Option<usize> {
        self.q_at
            .get(&i)
            .copied()
            .filter(|&q| self.qs[q].kind == QKind::Count)
    }

    /// The first token of quantity `q` with the approximation before it (`about 24 percent`:
    /// `about`), as the quantity grammar reads one.
    pub(super) fn approx_start(&self, q: usize) -> usize {
        let at = self.qs[q].toks.0;
        at - crate::facts::quantity::approximation_len(self.toks, at)
    }

    /// Is quantity `q` stated as a lower bound (`at least 30`, `more than 30`)?
    pub(super) fn lower_bound(&self, q: usize) -> bool {
        crate::facts::quantity::lower_bound(self.toks, self.qs[q].toks.0)
    }

    /// The quantity whose approximation, or which itself, starts at token `k` (`about 24
    /// percent` at `about`).
    pub(super) fn q_from(&self, k: usize) -> Option<usize> {
        (k..k + 4)
            .find_map(|i| self.q_at.get(&i).copied())
            .filter(|&q| self.approx_start(q) == k)
    }

    /// The count whose approximation, or which itself, starts at token `k` (`at least 30`).
    pub(super) fn count_from(&self, k: usize) -> Option<usize> {
        self.q_from(k).filter(|&q| self.qs[q].kind == QKind::Count)
    }

    pub(super) fn fig(&self, q: usize) -> Fig {
        Fig {
            value: self.qs[q].value,
            span: self.qs[q].span,
        }
    }

    /// The noun phrase after a count.
    /// Whether quantity `q` counts victims (`12 victims`, `31 victims self-referred`).
    pub(super) fn counts_victims(&self, q: usize) -> bool {
        self.np(q).words.iter().any(|w| singular(w) == "victim")
    }

    pub(super) fn np(&self, q: usize) -> &Np<'t> {
        &self.nps[q]
    }

    pub(super) fn read_np(&self, q: usize) -> Np<'t> {
        let mut j = self.qs[q].toks.1;
        let mut link = Link::Noun;
        if ["were", "was", "are", "is"].iter().any(|w| self.is(j, w)) {
            link = Link::Were;
            j += 1;
            // `were subjected to forced labor`, `were exploited in …`: the kind of exploitation
            // (past an adverb: `were officially identified as …`).
            let verb = if self
                .word_ref(j)
                .is_some_and(|w| w.len() > 4 && w.ends_with("ly"))
            {
                j + 1
            } else {
                j
            };
            if self.is(verb, "subjected")
                || self.is(verb, "exploited")
                || self.is(verb, "identified")
            {
                return Np {
                    link: Link::Elliptic,
                    words: Vec::new(),
                    capitalised: false,
                };
            }
        } else if ["for", "of", "to", "in", "from"]
            .iter()
            .any(|w| self.is(j, w))
        {
            return Np {
                link: Link::Elliptic,
                words: Vec::new(),
                capitalised: false,
            };
        }
        // `51 exploited in …`, `12 referred by NGOs`: a verb after the figure, not a noun. Only
        // before a preposition or the clause's end: `12 convicted traffickers` and `47 forced
        // labor victims` are adjectives.
        if link == Link::Noun
            && self.word_ref(j).is_some_and(|w| self.past_verb(w))
            && (matches!(
                self.word_ref(j + 1),
                Some("in" | "by" | "to" | "for" | "at" | "from" | "with" | "as" | "into" | "on")
            ) || self.punct(j + 1, ',')
                || self.punct(j + 1, ';')
                || self.punct(j + 1, '.'))
        {
            return Np {
                link: Link::Elliptic,
                words: Vec::new(),
                capitalised: false,
            };
        }
        let mut words = Vec::new();
        let capitalised = self.toks.get(j).is_some_and(|t| {
            t.kind == TokKind::Word && t.text.chars().next().is_some_and(char::is_uppercase)
        });
        while let Some(w) = self.word_ref(j) {
            if np_stop(w) || self.q_at.contains_key(&j) || words.len() >= 6 {
                break;
            }
            words.push(w);
            j += 1;
        }
        // `24 victims identified`: the phrase ends at its counted noun.
        if let Some(last) = words.iter().rposition(|w| self.counted.contains(*w)) {
            words.truncate(last + 1);
        }
        Np {
            link,
            words,
            capitalised,
        }
    }

    /// Does the noun phrase of quantity `q` end at most `gap` words before token `at`? (A list
    /// after a dash or colon belongs to the figure whose noun phrase it follows.) Words that
    /// qualify it may come between, quoted or not, with the year of the figure (`53 victims in
    /// 2030 – 48 … and five …`, `140 victims of “labor exploitation” identified in 2029 (…)`).
    pub(super) fn ends_near(&self, q: usize, at: usize, gap: usize) -> bool {
        let mut end = self.qs[q].toks.1 + self.nps[q].words.len();
        if end + 2 <= at && self.in_year(end) {
            end += 2;
        }
        end <= at
            && at - end <= gap
            && (end..at).all(|k| {
                self.word_ref(k).is_some()
                    || self.quote_mark(k)
                    || self.q_of[k].is_some_and(|y| self.qs[y].kind == QKind::Year)
            })
    }

    /// `60 potential victims and four official victims`: the figure before count `t`, joined to it
    /// by `and` right after its noun, counting the same thing at the same depth.
    pub(super) fn joined_before(&self, t: usize) -> Option<usize> {
        let and = self.qs[t].toks.0.checked_sub(1)?;
        if !self.is(and, "and") {
            return None;
        }
        let head = self.np(t).head().map(singular)?;
        let q = self.count_before(and, 8)?;
        (self.after_np(q) == and
            && self.depth[self.qs[q].toks.0] == self.depth[and]
            && self.np(q).head().map(singular).as_ref() == Some(&head))
        .then_some(q)
    }

    /// A quotation mark at token `k` (`“forced labor”`).
    pub(super) fn quote_mark(&self, k: usize) -> bool {
        self.toks.get(k).is_some_and(|t| {
            t.kind == TokKind::Punct && matches!(t.text, "\"" | "“" | "”" | "'" | "‘" | "’")
        })
    }

    /// The counted noun figure `q` names, singular (`victims` in `30 trafficking victims`).
    pub(super) fn counted_head(&self, q: usize) -> Option<Cow<'t, str>> {
        self.np(q)
            .head()
            .filter(|h| self.counted.contains(*h))
            .map(singular)
    }

    /// The nearest exact count before token `before`, in the same sentence and at the same
    /// parenthesis depth, with no other count, `;` or opening parenthesis between.
    pub(super) fn count_before(&self, before: usize, max_gap: usize) -> Option<usize> {
        let sent = *self.sentence.get(before)?;
        let depth = self.depth[before];
        let mut i = before;
        while i > 0 && before - i <= max_gap {
            i -= 1;
            if self.sentence[i] != sent || self.punct(i, ';') {
                return None;
            }
            if self.depth[i] != depth {
                continue;
            }
            if let Some(q) = self.q_of[i] {
                // `10 investigations in 2016 (…)`: the year qualifies the total.
                if matches!(self.qs[q].kind, QKind::Year | QKind::Date) {
                    continue;
                }
                return (self.qs[q].kind == QKind::Count).then_some(q);
            }
        }
        None
    }
}

/// Token index → quantity index, as a vector (the hot look-up of every pattern), in four bytes a
/// token: a paragraph may have millions of tokens.
pub(super) struct TokenMap {
    /// Per token: 0 for none, else the quantity's index + 1.
    slots: Vec<u32>,
    /// `None`, then `Some(q)` for each quantity `q`: what a slot stands for, to lend out.
    values: Vec<Option<usize>>,
}

impl TokenMap {
    fn new(tokens: usize, quantities: usize) -> TokenMap {
        TokenMap {
            slots: vec![0; tokens],
            values: std::iter::once(None)
                .chain((0..quantities).map(Some))
                .collect(),
        }
    }
    /// Map token `at` to quantity `q` (a quantity past four billion is not mapped).
    fn set(&mut self, at: usize, q: usize) {
        if let (Some(slot), Ok(value)) = (self.slots.get_mut(at), u32::try_from(q + 1)) {
            *slot = value;
        }
    }
    pub(super) fn get(&self, at: &usize) -> Option<&usize> {
        self[*at].as_ref()
    }
    pub(super) fn contains_key(&self, at: &usize) -> bool {
        self.get(at).is_some()
    }
}

impl std::ops::Index<usize> for TokenMap {
    type Output = Option<usize>;
    /// The quantity at token `at`; none past the paragraph's end.
    fn index(&self, at: usize) -> &Option<usize> {
        let slot = self.slots.get(at).map_or(0, |&s| s as usize);
        self.values.get(slot).unwrap_or(&None)
    }
}
