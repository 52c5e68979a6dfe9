//! Rules: data (`rules/*.toml`), their checkers, and the engine that runs them.

pub mod checkers;
pub mod coverage;
pub mod engine;
pub mod findings;
pub mod registry;
pub mod spec;

pub use coverage::Coverage;
pub use engine::{
    ChapterInfo, EditionSource, FileResult, Selection, Settings, check_source,
    check_source_against, check_source_with,
};
pub use registry::{RuleError, RuleSet};
