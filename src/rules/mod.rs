//! Rules: data (`rules/*.toml`), their checkers, and the engine that runs them.

pub mod checkers;
pub mod engine;
pub mod registry;
pub mod spec;

pub use engine::{ChapterInfo, FileResult, Selection, check_source};
pub use registry::{RuleError, RuleSet};
