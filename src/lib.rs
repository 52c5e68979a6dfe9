//! tiplint: consistency checks for the country chapters of the Trafficking in Persons Report.
//!
//! Data flows one way: [`source`] (bytes → text and line index) → [`parse`] (structure) →
//! [`rules`] (checkers over the structure, producing [`diagnostic`]s and checks) → [`render`].

pub mod baseline;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod diff;
pub mod docs;
pub mod editions;
pub mod extract;
pub mod facts;
pub mod fix;
pub mod input;
pub mod lsp;
pub mod output;
pub mod parse;
pub mod paths;
pub mod render;
pub mod replace;
pub mod rules;
pub mod source;
pub mod suggest;
pub mod suppress;
pub mod text;
pub mod utf16;
pub mod vocab;
