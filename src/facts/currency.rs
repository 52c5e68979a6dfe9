//! Which currency an amount is in: its code (`KGS 1,000`), its symbol (`€`, `S$`, `\$`), or its
//! name after the figure (`som`, `Kyrgyzstani soms`, `Chilean pesos`, `Nepali rupees`).
//!
//! Names and symbols several currencies share (`pesos`, `dinars`, `francs`, `som`, `¥`, `Rs`) are
//! never resolved by list order. A country's name or adjective before the name says whose it is
//! (`Philippine pesos`); a bare shared name is the chapter's own currency when the chapter's
//! country (its heading) has one of that name, else the currency named `default_for` it (`dollars`
//! are U.S. dollars), else it is not known. An unknown currency is written `?` and the name
//! (`?peso`): its amounts are kept apart from every known currency's.

use crate::facts::token::{TokKind, Token};
use crate::vocab::{Vocabulary, normalise_name};
use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;

/// The most words a currency name or a country's name or adjective may have
/// (`Bosnia and Herzegovina convertible marks`).
const MAX_WORDS: usize = 6;

/// The currency vocabulary, prepared for look-ups: built once for all the chapters of a file.
pub struct CurrencyIndex<'v> {
    /// Code → whether it is also an English word (read only after an amount).
    codes: FxHashMap<&'v str, bool>,
    /// Lower-case name or phrase read alone → the currencies it may name.
    names: FxHashMap<String, Vec<&'v str>>,
    /// Lower-case name read after a country's name or adjective → the currencies it may name.
    qualified: FxHashMap<String, Vec<&'v str>>,
    /// Symbol as written → the currencies it may name.
    symbols: FxHashMap<&'v str, Vec<&'v str>>,
    /// Lower-case shared name → the currency it means where the chapter's country has none of
    /// that name.
    defaults: FxHashMap<String, &'v str>,
    /// Lower-case country name, alias or adjective → the currencies of the countries it names.
    qualifiers: FxHashMap<String, Vec<&'v str>>,
    /// Normalised country name or alias → the country's currencies.
    countries: FxHashMap<String, &'v [String]>,
    /// The first word (lower case) of every name and qualifier: most words after a figure are
    /// none, and are passed over at one look-up.
    first_words: FxHashSet<String>,
}

/// The currencies as read in one chapter: the index and the chapter's country's currencies.
pub struct CurrencyNames<'a> {
    index: &'a CurrencyIndex<'a>,
    home: &'a [String],
}

fn push_unique<'v>(list: &mut Vec<&'v str>, code: &'v str) {
    if !list.contains(&code) {
        list.push(code);
    }
}

impl<'v> CurrencyIndex<'v> {
    pub fn new(vocab: &'v Vocabulary) -> Self {
        let mut ix = CurrencyIndex {
            codes: FxHashMap::default(),
            names: FxHashMap::default(),
            qualified: FxHashMap::default(),
            symbols: FxHashMap::default(),
            defaults: FxHashMap::default(),
            qualifiers: FxHashMap::default(),
            countries: FxHashMap::default(),
            first_words: FxHashSet::default(),
        };
        for c in &vocab.currencies {
            let code = c.code.as_str();
            ix.codes.entry(code).or_insert(c.word_code);
            for name in &c.names {
                push_unique(ix.names.entry(phrase(name)).or_default(), code);
            }
            for name in &c.qualified_names {
                push_unique(ix.qualified.entry(phrase(name)).or_default(), code);
            }
            for s in &c.symbols {
                push_unique(ix.symbols.entry(s.as_str()).or_default(), code);
            }
            for name in &c.default_for {
                ix.defaults.entry(phrase(name)).or_insert(code);
            }
        }
        for country in &vocab.countries {
            let spellings = std::iter::once(&country.name)
                .chain(&country.aliases)
                .chain(&country.adjectives);
            for s in spellings {
                let list = ix.qualifiers.entry(phrase(s)).or_default();
                for code in &country.currencies {
                    push_unique(list, code);
                }
            }
            for s in std::iter::once(&country.name).chain(&country.aliases) {
                ix.countries
                    .entry(normalise_name(s))
                    .or_insert(&country.currencies);
            }
        }
        let firsts: Vec<String> = ix
            .names
            .keys()
            .chain(ix.qualifiers.keys())
            .filter_map(|k| k.split(' ').next().map(str::to_string))
            .collect();
        ix.first_words.extend(firsts);
        ix
    }

    /// The currencies as read in a chapter of `country` (its heading's name; `None` for an
    /// excerpt without one).
    pub fn in_country(&'v self, country: Option<&str>) -> CurrencyNames<'v> {
        let home = country
            .and_then(|c| self.countries.get(&normalise_name(c)))
            .map_or(&[][..], |h| &h[..]);
        CurrencyNames { index: self, home }
    }

    /// Whether a currency's name is an English word (`won`, `real`, `mark`: a name read only
    /// after a country's): read as money only where the amount ends (`2 Brazilian real estate
    /// agents` is a count).
    fn is_word(&self, word: &str) -> bool {
        self.qualified.contains_key(word) && !self.names.contains_key(word)
    }

    /// Whether `word` (lower case) names a currency, alone or after a country.
    pub fn is_name(&self, word: &str) -> bool {
        let word = straight(word.into());
        self.names.contains_key(word.as_ref()) || self.qualified.contains_key(word.as_ref())
    }
}

/// Words that may follow an amount of money (`5,000 South Korean won to each victim`).
const AFTER_AMOUNT: &[&str] = &[
    "to", "for", "in", "and", "or", "per", "each", "from", "as", "at", "on", "of", "a", "an",
    "the", "with", "by", "was", "were", "is", "which", "that", "than",
];

/// Whether an amount may end before `next`: a mark, the end, or a word that starts no noun.
fn amount_ends(next: Option<&Token>) -> bool {
    next.is_none_or(|t| {
        t.kind != TokKind::Word || AFTER_AMOUNT.iter().any(|w| t.text.eq_ignore_ascii_case(w))
    })
}

/// A lower-case word with its curly apostrophes straightened (`pa’anga`), as the keys are.
fn straight(word: Cow<'_, str>) -> Cow<'_, str> {
    if word.contains('’') {
        word.replace('’', "'").into()
    } else {
        word
    }
}

/// A name as a look-up key: lower case, curly apostrophes straightened, single spaces.
fn phrase(s: &str) -> String {
    normalise_name(s)
}

/// The key of an unknown currency written `name`: `?` and the name, lower case, singular.
fn unknown(name: &str) -> String {
    let name = phrase(name);
    let singular = match name.strip_suffix('s') {
        Some(stem) if !stem.ends_with('s') && stem.chars().count() >= 3 => stem,
        _ => &name,
    };
    format!("?{singular}")
}

/// Whether a currency key is an ISO code (not an unknown currency's name).
pub fn is_known(key: &str) -> bool {
    !key.starts_with('?')
}

impl<'a> CurrencyNames<'a> {
    /// The one currency of `codes` meant here, written `written`: the only one; else the
    /// chapter country's one; else the default for the name when the country has none of it;
    /// else unknown.
    fn resolve(&self, codes: &[&str], written: &str) -> String {
        if let [one] = codes {
            return (*one).to_string();
        }
        let mut home = codes.iter().filter(|c| self.home.iter().any(|h| h == *c));
        match (home.next(), home.next()) {
            (Some(one), None) => return (*one).to_string(),
            (Some(_), Some(_)) => return unknown(written),
            (None, _) => {}
        }
        match self.index.defaults.get(&phrase(written)) {
            Some(d) if codes.contains(d) => (*d).to_string(),
            _ => unknown(written),
        }
    }

    /// A code read before an amount (`KGS 1,000`): not one that is also a word (`TOP 10`).
    fn code_before(&self, s: &str) -> Option<String> {
        matches!(self.index.codes.get(s), Some(false)).then(|| s.to_string())
    }

    /// A symbol as written (`€`, `\$`, `Rp`, `S$`).
    fn symbol(&self, s: &str) -> Option<String> {
        let s: Cow<str> = if s.contains('\\') {
            s.replace('\\', "").into()
        } else {
            s.into()
        };
        self.index
            .symbols
            .get(s.as_ref())
            .map(|c| self.resolve(c, &s))
    }

    /// The currency written before the amount that starts at token `i`, and the token its
    /// figure starts at: a symbol (`€`, `\$`, `S$`, `NT$`: the letters glued to the symbol
    /// qualify it), a code (`KGS 1,000`) or a letter symbol (`Rp 5,000`, `Rs. 500`). `floor` is
    /// the first token no earlier figure holds.
    pub fn before(
        &self,
        tokens: &[Token],
        i: usize,
        floor: usize,
    ) -> Option<(String, usize, usize)> {
        let t = &tokens[i];
        match t.kind {
            TokKind::Currency => {
                // Letters glued before the symbol: `S$`, `NT$`, `US$`, `GH₵`.
                if i > floor
                    && !t.space_before
                    && let Some(w) = tokens.get(i - 1)
                    && w.kind == TokKind::Word
                    && w.text.chars().count() <= 4
                    && w.text.starts_with(|c: char| c.is_uppercase())
                {
                    let glued = format!("{}{}", w.text, t.text.trim_start_matches('\\'));
                    let code = self.symbol(&glued).unwrap_or_else(|| unknown(&glued));
                    return Some((code, i - 1, i + 1));
                }
                self.symbol(t.text).map(|c| (c, i, i + 1))
            }
            TokKind::Word => {
                let next = tokens.get(i + 1)?;
                if next.kind == TokKind::Number {
                    let code = self.code_before(t.text).or_else(|| self.symbol(t.text))?;
                    return Some((code, i, i + 1));
                }
                // `Rs. 500`
                if next.is_punct('.')
                    && !next.space_before
                    && tokens.get(i + 2).is_some_and(|n| n.kind == TokKind::Number)
                {
                    return self.symbol(t.text).map(|c| (c, i, i + 2));
                }
                None
            }
            _ => None,
        }
    }

    /// The currency named right after an amount whose figure ends before token `at`, and how
    /// many tokens name it: a code (`1,000 KGS`), a name or phrase (`som`, `Kyrgyzstani soms`,
    /// `East Caribbean dollars`), a country's name or adjective and a name of its currency
    /// (`Nepali rupees`, `Singapore dollars`, `South Korean won`), or a capitalised word and a
    /// name (`Bangladeshi Taka`).
    pub fn after(&self, tokens: &[Token], at: usize) -> Option<(String, usize)> {
        let first = tokens.get(at).filter(|t| t.kind == TokKind::Word)?;
        let lower0 = straight(first.lower());
        let capitalised = first.text.starts_with(|c: char| c.is_uppercase());
        if !self.index.first_words.contains(lower0.as_ref()) && !capitalised {
            return None;
        }
        // A code that is also a word (`SOS`, `TOP`) only where the amount ends, as a name that
        // is one: `2 SOS victims` is a count.
        if let Some(&word) = self.index.codes.get(first.text)
            && (!word || amount_ends(tokens.get(at + 1)))
        {
            return Some((first.text.to_string(), 1));
        }
        let words: Vec<String> = tokens[at..]
            .iter()
            .take(MAX_WORDS)
            .take_while(|t| t.kind == TokKind::Word)
            .map(|t| phrase(t.text))
            .collect();
        let joined = |from: usize, to: usize| words[from..to].join(" ");
        // A name or phrase read alone, the longest.
        if self.index.first_words.contains(lower0.as_ref()) {
            for k in (1..=words.len()).rev() {
                let p = joined(0, k);
                if let Some(codes) = self.index.names.get(&p)
                    && (!self.index.is_word(&words[k - 1]) || amount_ends(tokens.get(at + k)))
                {
                    return Some((self.resolve(codes, &p), k));
                }
            }
        }
        // A country's name or adjective, then a name of one of its currencies.
        for k in (1..words.len()).rev() {
            let Some(theirs) = self.index.qualifiers.get(&joined(0, k)) else {
                continue;
            };
            for m in (1..=(words.len() - k)).rev() {
                let p = joined(k, k + m);
                let mut named: Vec<&str> = Vec::new();
                let listed = self.index.names.get(&p).into_iter();
                for &code in listed.chain(self.index.qualified.get(&p)).flatten() {
                    if theirs.contains(&code) {
                        push_unique(&mut named, code);
                    }
                }
                if !named.is_empty()
                    && (!self.index.is_word(&words[k + m - 1])
                        || amount_ends(tokens.get(at + k + m)))
                {
                    return Some((self.resolve(&named, &joined(0, k + m)), k + m));
                }
            }
        }
        // Another capitalised word, then a name: the name's currency if it has only one.
        if capitalised && words.len() >= 2 && !self.index.names.contains_key(&words[0]) {
            for m in (1..words.len()).rev() {
                let p = joined(1, 1 + m);
                if let Some(codes) = self.index.names.get(&p) {
                    let code = if let [one] = codes[..] {
                        one.to_string()
                    } else {
                        unknown(&joined(0, 1 + m))
                    };
                    return Some((code, 1 + m));
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::quantity::{QKind, scan};
    use crate::facts::token::tokenize;
    use crate::rules::registry::default_vocabulary;
    use crate::source::Span;

    fn vocab() -> &'static Vocabulary {
        static V: std::sync::OnceLock<Vocabulary> = std::sync::OnceLock::new();
        V.get_or_init(default_vocabulary)
    }

    /// The currency of each amount of `text` in a chapter of `country`.
    fn money(country: Option<&str>, text: &str) -> Vec<String> {
        let v = vocab();
        let ix = CurrencyIndex::new(v);
        let toks = tokenize(text, Span::new(0, text.len()));
        scan(&toks, &ix.in_country(country), &v.counted_noun_set())
            .into_iter()
            .filter_map(|q| match q.kind {
                QKind::Money(code) => Some(code),
                _ => None,
            })
            .collect()
    }

    fn one(country: Option<&str>, text: &str) -> String {
        let m = money(country, text);
        assert_eq!(m.len(), 1, "{text}: {m:?}");
        m[0].clone()
    }

    #[test]
    fn a_shared_name_is_the_chapter_countrys_currency_or_not_known() {
        let text = "It paid 1,000 pesos to NGOs.";
        assert_eq!(one(Some("Philippines"), text), "PHP");
        assert_eq!(one(Some("Chile"), text), "CLP");
        assert_eq!(one(Some("Mexico"), text), "MXN");
        // No heading, or a country with no peso: which peso is not said.
        assert_eq!(one(None, text), "?peso");
        assert_eq!(one(Some("Spain"), text), "?peso");
        assert_eq!(one(None, "It paid 1,000 peso to NGOs."), "?peso");
        // Cuba has two pesos.
        assert_eq!(one(Some("Cuba"), text), "?peso");
        assert_eq!(one(Some("Kyrgyz Republic"), "4 million Som"), "KGS");
        assert_eq!(one(Some("Uzbekistan"), "4 million som"), "UZS");
        assert_eq!(one(Some("Rwanda"), "500 francs"), "RWF");
        assert_eq!(one(Some("Senegal"), "500,000 FCFA"), "XOF");
        assert_eq!(one(Some("Cameroon"), "500,000 CFA francs"), "XAF");
        assert_eq!(one(Some("Jordan"), "200 dinars"), "JOD");
        assert_eq!(one(Some("Serbia"), "200 dinars"), "RSD");
    }

    #[test]
    fn a_country_before_the_name_says_whose_it_is() {
        for (text, code) in [
            ("2.95 billion Chilean pesos", "CLP"),
            ("24.8 million Philippine pesos", "PHP"),
            ("10,000 Nepali rupees", "NPR"),
            ("10,000 Nepalese rupees", "NPR"),
            ("1,000 Kyrgyzstani soms", "KGS"),
            ("1,000 Kyrgyz som", "KGS"),
            ("2,000 Singapore dollars", "SGD"),
            ("2,000 Hong Kong dollars", "HKD"),
            ("2,000 Trinidad and Tobago dollars", "TTD"),
            ("5 million South Korean won", "KRW"),
            ("3,000 Brazilian real", "BRL"),
            ("500 Sri Lankan rupees", "LKR"),
            ("500 Moldovan lei", "MDL"),
            ("500 Romanian lei", "RON"),
            ("40,000 Macedonian denari", "MKD"),
            ("100 Ghanaian cedis", "GHS"),
            ("1,000 Azerbaijani manat", "AZN"),
            ("1,000 Turkmen manat", "TMT"),
            ("50,000 Bangladeshi Taka", "BDT"),
            ("1,000 East Caribbean dollars", "XCD"),
        ] {
            // Whatever the chapter's country.
            assert_eq!(one(Some("Philippines"), text), code, "{text}");
            assert_eq!(one(None, text), code, "{text}");
        }
        // `Korean won` is either Korea's: the chapter's, or not known.
        assert_eq!(one(Some("Korea, South"), "5 million Korean won"), "KRW");
        assert_eq!(one(None, "5 million Korean won"), "?korean won");
        // A capitalised word that is not a country's: a shared name stays unknown.
        assert_eq!(
            one(Some("Philippines"), "1,000 Narnian pesos"),
            "?narnian peso"
        );
        // A name of one currency is that currency whatever stands before it.
        assert_eq!(one(None, "1,000 Narnian tenge"), "KZT");
    }

    #[test]
    fn local_plurals_and_names_read_alone() {
        for (country, text, code) in [
            ("Moldova", "1.2 million lei", "MDL"),
            ("Moldova", "1 leu", "MDL"),
            ("Romania", "1.2 million lei", "RON"),
            ("Ghana", "500 cedis", "GHS"),
            ("Costa Rica", "100,000 colones", "CRC"),
            ("Guatemala", "3 million quetzales", "GTQ"),
            ("North Macedonia", "40,000 denars", "MKD"),
            ("North Macedonia", "40,000 denari", "MKD"),
            ("Georgia", "1,000 lari", "GEL"),
            ("Azerbaijan", "1,000 manat", "AZN"),
            ("Turkmenistan", "1,000 manat", "TMT"),
            ("Kazakhstan", "159,000 tenge", "KZT"),
            ("Tajikistan", "1,000 somoni", "TJS"),
            ("Armenia", "19 million drams", "AMD"),
            ("Botswana", "1,000 pula", "BWP"),
            ("Albania", "20.2 million lek", "ALL"),
            ("Nepal", "NPR 20,000", "NPR"),
            ("Moldova", "MDL 20,000", "MDL"),
            ("Singapore", "SGD 5,000", "SGD"),
        ] {
            assert_eq!(one(Some(country), text), code, "{country}: {text}");
        }
    }

    #[test]
    fn symbols_and_the_letters_glued_to_them() {
        // `$` alone is the U.S. dollar, even in a chapter of a country with a dollar of its own.
        assert_eq!(one(Some("Singapore"), "It paid $5,000."), "USD");
        assert_eq!(one(Some("Singapore"), "It paid \\$5,000."), "USD");
        assert_eq!(one(Some("Singapore"), "It paid S$5,000."), "SGD");
        assert_eq!(one(None, "It paid NT$30,000."), "TWD");
        assert_eq!(one(None, "It paid HK$300."), "HKD");
        assert_eq!(one(None, "It paid US$300."), "USD");
        assert_eq!(one(None, "It paid GH₵200."), "GHS");
        assert_eq!(one(None, "It paid €200."), "EUR");
        assert_eq!(one(None, "It paid ₩200."), "?₩");
        assert_eq!(one(Some("Korea, South"), "It paid ₩200."), "KRW");
        assert_eq!(one(Some("Japan"), "It paid ¥200."), "JPY");
        assert_eq!(one(Some("China"), "It paid ¥200."), "CNY");
        assert_eq!(one(Some("Pakistan"), "It paid Rs. 500."), "PKR");
        assert_eq!(one(Some("India"), "It paid Rs 500."), "INR");
        assert_eq!(one(None, "It paid Rp 5,000."), "IDR");
        // Letters glued to `$` that name no currency: not the U.S. dollar.
        assert_eq!(one(None, "It paid XY$5."), "?xy$");
        // The amount and its glued symbol are one figure.
        let text = "fines of S$5,000 ($3,700)";
        let v = vocab();
        let ix = CurrencyIndex::new(v);
        let toks = tokenize(text, Span::new(0, text.len()));
        let qs = scan(&toks, &ix.in_country(None), &v.counted_noun_set());
        assert_eq!(&text[qs[0].span.start..qs[0].span.end], "S$5,000");
        assert_eq!(qs[0].toks.0, 2);
    }

    #[test]
    fn dollars_are_us_dollars_unless_the_country_has_its_own() {
        assert_eq!(one(None, "500 dollars"), "USD");
        assert_eq!(one(Some("Spain"), "500 dollars"), "USD");
        assert_eq!(one(Some("Cambodia"), "500 dollars"), "USD");
        assert_eq!(one(Some("Singapore"), "500 dollars"), "SGD");
        assert_eq!(one(Some("Australia"), "500 dollars"), "AUD");
    }

    #[test]
    fn english_words_and_word_codes_are_not_money_alone() {
        let counts =
            |t: &str| money(None, t).is_empty() && money(Some("Korea, South"), t).is_empty();
        assert!(counts("Of the five defendants, two won acquittals."));
        assert!(counts("Of the five defendants, two Korean won acquittals."));
        assert!(counts("It identified 12 Brazilian real estate agents."));
        assert!(counts("It identified 20 Afghani victims."));
        assert!(counts("It ranked in the TOP 10 of 40 countries."));
        assert!(counts("The COP 26 meeting heard 12 victims."));
        assert!(counts("66 Kyrgyzstani victims and 5 Bishkek shelters"));
        // After an amount a code is read, whatever word it is.
        assert_eq!(one(None, "1,000 TOP"), "TOP");
        assert_eq!(one(None, "1,000 Afghan afghanis"), "AFN");
    }

    #[test]
    fn a_word_code_after_a_number_is_money_only_where_the_amount_ends() {
        // `SOS` before a noun is an acronym that the noun phrase goes on from: a count.
        let counts = |t: &str| money(None, t).is_empty() && money(Some("Somalia"), t).is_empty();
        assert!(counts("including 2 SOS victims and 7 other victims"));
        assert!(counts("It ran 3 TOP programs."));
        assert!(counts("It opened 4 CAD offices."));
        // Where the amount ends (a mark, the end, a word that starts no noun): money.
        assert_eq!(money(None, "It paid 2,000 SOS ($3)."), ["SOS", "USD"]);
        assert_eq!(one(None, "It paid 2,000 SOS."), "SOS");
        assert_eq!(one(None, "It paid 2,000 SOS to each victim."), "SOS");
        assert_eq!(one(None, "It paid 500 TRY in fines."), "TRY");
        // A code that is no word is read before any noun.
        assert_eq!(one(None, "It paid 2,000 KGS fines."), "KGS");
    }
}
