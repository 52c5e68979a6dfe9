//! The claims of a text's first chapter, read with the default rules: shared by the test files
//! that assert what the claims layer reads.

use tiplint::facts::{ChapterClaims, Lexicon, extract};
use tiplint::parse::StructureGrammar;
use tiplint::rules::RuleSet;

pub fn claims(text: &str) -> ChapterClaims {
    let rules = RuleSet::default_rules();
    let report = StructureGrammar::new(&rules.vocabulary).parse(text);
    let lex = Lexicon::new(&rules.vocabulary);
    extract(text, &report, &lex).chapters.remove(0)
}
