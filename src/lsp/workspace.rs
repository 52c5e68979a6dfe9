//! The workspace: the configuration (`tiplint.toml` of the workspace root, or `--config`) and
//! the rules it selects, reloaded when it changes; and checking a document with them through
//! the library's pipeline (`rules::check_source_with`), as `tiplint check` does.

use crate::config::{self, Globs, Loaded};
use crate::facts::{Facts, Lexicon, extract_records};
use crate::parse::StructureGrammar;
use crate::rules::{FileResult, RuleSet, Selection, Settings, check_source_with};
use crate::source::Source;
use crate::utf16::Utf16Columns;
use lsp_types::Url;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// What the command line gave the server (`tiplint --rules DIR --rule-file F --config C lsp`).
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub rules_dir: Option<PathBuf>,
    pub rule_files: Vec<PathBuf>,
    pub config: Option<PathBuf>,
}

/// The rules in use and what selects among them.
pub struct Setup {
    pub rules: RuleSet,
    selection: Selection,
    globs: Globs,
    settings: Settings,
    /// The configuration file read, if any.
    pub config_path: Option<PathBuf>,
}

/// One checked text.
pub struct Checked {
    pub source: Source,
    pub result: FileResult,
    pub columns: Utf16Columns,
    /// The rules it was checked with.
    pub setup: Arc<Setup>,
    /// The figures and claims read from the text, and the record of every counted figure, for
    /// hover (read when first asked for).
    facts: OnceLock<Facts>,
}

impl Checked {
    pub fn facts(&self) -> &Facts {
        self.facts.get_or_init(|| {
            let vocab = &self.setup.rules.vocabulary;
            let report = StructureGrammar::new(vocab).parse(&self.source.text);
            extract_records(&self.source.text, &report, &Lexicon::new(vocab))
        })
    }
}

pub struct Workspace {
    options: Options,
    pub root: PathBuf,
    pub setup: Arc<Setup>,
}

impl Workspace {
    /// The workspace at `root`, with its configuration; when that cannot be loaded, the
    /// built-in rules and the error to tell the editor.
    pub fn new(options: Options, root: PathBuf) -> (Workspace, Option<String>) {
        let (setup, error) = match load(&options, &root) {
            Ok(s) => (s, None),
            Err(e) => (defaults(), Some(e)),
        };
        let ws = Workspace {
            options,
            root,
            setup: Arc::new(setup),
        };
        (ws, error)
    }

    /// Read the configuration again. On an error the configuration in use is kept.
    pub fn reload(&mut self) -> Result<(), String> {
        self.setup = Arc::new(load(&self.options, &self.root)?);
        Ok(())
    }

    /// Is this file the configuration (the one read, or a `tiplint.toml` where one would be)?
    pub fn is_config(&self, uri: &Url) -> bool {
        let Ok(path) = uri.to_file_path() else {
            return false;
        };
        path.file_name().is_some_and(|n| n == config::FILE_NAME)
            || self
                .setup
                .config_path
                .as_deref()
                .is_some_and(|c| crate::paths::absolute(c) == crate::paths::absolute(&path))
            || self
                .options
                .rule_files
                .iter()
                .any(|f| crate::paths::absolute(f) == crate::paths::absolute(&path))
    }

    /// Check the text of the document at `uri` with the rules that apply to it.
    pub fn check(&self, uri: &Url, text: &str) -> Checked {
        let setup = self.setup.clone();
        let path = uri.to_file_path().ok();
        let name = match &path {
            Some(p) => p.display().to_string(),
            // `untitled:Untitled-1`: its name, for what little it says (`.md`).
            None => uri.path().rsplit('/').next().unwrap_or("").to_string(),
        };
        let selection = match &path {
            Some(p) => setup.globs.selection_for(&setup.selection, &setup.rules, p),
            None => setup.selection.clone(),
        };
        let source = Source::new(name, text.to_string());
        let result = check_source_with(&source, &setup.rules, &selection, setup.settings);
        Checked {
            columns: Utf16Columns::of(&source),
            source,
            result,
            setup,
            facts: OnceLock::new(),
        }
    }
}

/// The built-in rules, everything selected.
fn defaults() -> Setup {
    Setup {
        rules: RuleSet::default_rules(),
        selection: Selection::default(),
        globs: Globs::default(),
        settings: Settings::default(),
        config_path: None,
    }
}

/// The configuration: `--config`, else `tiplint.toml` in the root or above it (as `tiplint
/// check` finds it from its working directory).
fn load(options: &Options, root: &Path) -> Result<Setup, String> {
    let path = options.config.clone().or_else(|| config::discover(root));
    let loaded = match path {
        None => Loaded::default(),
        Some(p) => Loaded {
            config: config::load(&p)?,
            path: Some(p),
        },
    };
    let rules = loaded.rule_set(options.rules_dir.as_deref(), &options.rule_files)?;
    let name = loaded
        .path
        .as_deref()
        .map_or(config::FILE_NAME.into(), |p| p.display().to_string());
    let (in_select, in_ignore) = (format!("{name}: `select`: "), format!("{name}: `ignore`: "));
    let selection = Selection::from_lists(
        &rules,
        &[(&loaded.config.select, &in_select)],
        &[(&loaded.config.ignore, &in_ignore)],
    )?;
    let globs = loaded.globs()?;
    if let Some(unknown) = globs.named_rules().find(|r| rules.matching(r).is_empty()) {
        return Err(format!(
            "{name}: [per-file-ignores]: {}",
            rules.unknown(unknown)
        ));
    }
    Ok(Setup {
        settings: Settings {
            edition: loaded.config.edition,
            whole_chapter: false,
        },
        rules,
        selection,
        globs,
        config_path: loaded.path,
    })
}
