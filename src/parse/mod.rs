//! Source text → structure: lines, headings, sections, paragraphs, sentences.

pub mod heading;
pub mod lines;
pub mod sentence;
pub mod structure;
pub mod tree;

pub use structure::StructureGrammar;
pub use tree::*;
