//! The command line: arguments (clap), dispatch, exit codes.

use crate::diagnostic::Severity;
use crate::input;
use crate::output;
use crate::parse::StructureGrammar;
use crate::render::{self, FileOutcome};
use crate::rules::{RuleSet, Selection, Settings, check_source_with};
use clap::{Parser, Subcommand, ValueEnum};
use rayon::prelude::*;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(
    name = "tiplint",
    version,
    about = "Consistency checks for Trafficking in Persons Report chapters"
)]
pub struct Cli {
    /// Use the rule files (*.toml) in DIR instead of the built-in rules.
    #[arg(long, global = true, value_name = "DIR")]
    pub rules: Option<PathBuf>,
    /// Add the rules of FILE (repeatable), after the built-in ones or those of --rules.
    #[arg(long = "rule-file", global = true, value_name = "FILE")]
    pub rule_files: Vec<PathBuf>,
    /// Read settings from FILE (default: tiplint.toml in this directory or above).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check files, directories (walked for .txt and .md) or `-` (standard input).
    Check(CheckArgs),
    /// Print the structure the parser sees (chapters, sections, paragraphs, sentences, spans).
    Parse {
        file: String,
        #[arg(long, value_enum, default_value_t = ParseFormat::Json)]
        format: ParseFormat,
    },
    /// List the rules.
    Rules {
        #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
        format: RulesFormat,
    },
    /// Show one rule's documentation and examples.
    Explain {
        /// A rule name (`sum-mismatch`) or code (`TL101`).
        rule: String,
    },
}

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// Files, directories, or `-` for standard input (default: the current directory).
    pub paths: Vec<String>,
    /// Output format (default: human on a terminal, short otherwise).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// The lowest severity that makes the exit code 1.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,
    /// Run only these rules (names or codes, comma-separated or repeated).
    #[arg(long, value_name = "RULES")]
    pub select: Vec<String>,
    /// Do not run these rules (names or codes, comma-separated or repeated).
    #[arg(long, value_name = "RULES")]
    pub ignore: Vec<String>,
    /// Colour in human output.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// Also list the checks that passed, and the edition used (human format).
    #[arg(long, short)]
    pub verbose: bool,
    /// The report edition (a year from 1900 to 2100, the years the dates in a text are read in),
    /// for exchange-rate bands and the reporting period. Without it, the edition is read from a
    /// report title's year (`2019 Trafficking in Persons Report`) or guessed from the text's dates.
    #[arg(long, value_name = "YEAR", value_parser = clap::value_parser!(i32).range(
        i64::from(*crate::config::EDITIONS.start())..=i64::from(*crate::config::EDITIONS.end())
    ))]
    pub edition: Option<i32>,
    /// Apply every safe fix in place (standard input: print the fixed text), then report what
    /// is left.
    #[arg(long, conflicts_with = "diff")]
    pub fix: bool,
    /// Print the safe fixes as a unified diff (for `patch -p0` or `git apply -p0`); change nothing.
    #[arg(long)]
    pub diff: bool,
    /// Record the current findings in FILE (a baseline) and exit.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["baseline", "fix", "diff"])]
    pub write_baseline: Option<PathBuf>,
    /// Report only findings that FILE (from --write-baseline) does not hold.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Print, instead of the report, each sentence with two or more counted figures of one
    /// measure that no check read (`path:line:column: unread: …`); the exit code is the
    /// report's.
    #[arg(long, conflicts_with_all = ["format", "fix", "diff", "write_baseline"])]
    pub unread: bool,
    /// The name to report for standard input (its extension selects .txt or .md handling).
    #[arg(long, default_value = "<stdin>")]
    pub stdin_filename: String,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Human,
    Short,
    Json,
    Github,
    Sarif,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Color {
    Auto,
    Always,
    Never,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParseFormat {
    Json,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum RulesFormat {
    Text,
    Json,
    Markdown,
}

/// Exit codes of DESIGN §6.
pub const EXIT_OK: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

pub fn run() -> ExitCode {
    match Cli::try_parse() {
        Ok(cli) => ExitCode::from(run_with(cli)),
        Err(e) => ExitCode::from(usage(&e)),
    }
}

/// Help, the version, or a usage error from clap. Help that cannot be written to standard output
/// is an error, as a report would be.
fn usage(e: &clap::Error) -> u8 {
    match e.print() {
        Err(io) if !e.use_stderr() && io.kind() != std::io::ErrorKind::BrokenPipe => {
            output::error(&format!("cannot write to standard output: {io}"));
            EXIT_ERROR
        }
        _ => u8::try_from(e.exit_code()).unwrap_or(EXIT_ERROR),
    }
}

/// The configuration in use: `--config FILE`, or `tiplint.toml` found from here upward.
fn load_config(cli: &Cli) -> Result<crate::config::Loaded, String> {
    let path = match &cli.config {
        Some(p) => Some(p.clone()),
        None => std::env::current_dir()
            .ok()
            .and_then(|d| crate::config::discover(&d)),
    };
    match path {
        None => Ok(crate::config::Loaded::default()),
        Some(p) => Ok(crate::config::Loaded {
            config: crate::config::load(&p)?,
            path: Some(p),
        }),
    }
}

fn load_rules(cli: &Cli, config: &crate::config::Loaded) -> Result<RuleSet, String> {
    let extra: Vec<PathBuf> = config
        .rule_files()
        .into_iter()
        .chain(cli.rule_files.iter().cloned())
        .collect();
    let mut rules = RuleSet::load(cli.rules.as_deref(), &extra).map_err(|e| e.to_string())?;
    let at = |table: &str, e: String| {
        format!(
            "{}: [{table}]: {e}",
            config
                .path
                .as_deref()
                .map_or("tiplint.toml".into(), |p| p.display().to_string())
        )
    };
    for (rule, severity) in &config.config.severity {
        rules
            .set_severity(rule, *severity)
            .map_err(|e| at("severity", e))?;
    }
    for (rule, tolerance) in &config.config.tolerances {
        rules
            .set_option(rule, "tolerance", tolerance.clone())
            .map_err(|e| at("tolerances", e))?;
    }
    Ok(rules)
}

/// Exit 0, or 2 when the text could not be written to standard output.
fn print_then_ok(text: &str) -> u8 {
    match output::print(text) {
        Ok(()) => EXIT_OK,
        Err(output::StdoutFailed) => EXIT_ERROR,
    }
}

pub fn run_with(cli: Cli) -> u8 {
    let loaded =
        load_config(&cli).and_then(|config| load_rules(&cli, &config).map(|rules| (config, rules)));
    let (config, rules) = match loaded {
        Ok(x) => x,
        Err(e) => {
            output::error(&e);
            return EXIT_ERROR;
        }
    };
    match &cli.command {
        Command::Check(args) => check(args, &rules, &config.config),
        Command::Parse { file, format: _ } => parse(file, &rules),
        Command::Rules { format } => print_then_ok(&crate::docs::rules_listing(&rules, *format)),
        Command::Explain { rule } => match rules.find(rule) {
            Some(r) => print_then_ok(&crate::docs::explain(&r.spec)),
            None => {
                output::error(&format!("unknown rule `{rule}` (see `tiplint rules`)"));
                EXIT_ERROR
            }
        },
    }
}

fn parse(file: &str, rules: &RuleSet) -> u8 {
    let inputs = input::collect(&[file.to_string()], "<stdin>");
    let Some(first) = inputs.into_iter().next() else {
        return EXIT_ERROR;
    };
    match first.source {
        Ok(src) => {
            let report = StructureGrammar::new(&rules.vocabulary).parse(&src.text);
            let doc = serde_json::json!({"version": 1, "path": first.name, "report": report});
            print_then_ok(
                &(serde_json::to_string_pretty(&doc).expect("plain data serialises") + "\n"),
            )
        }
        Err(e) => {
            output::error(&format!("{}: {e}", first.name));
            EXIT_ERROR
        }
    }
}

fn check(args: &CheckArgs, rules: &RuleSet, config: &crate::config::Config) -> u8 {
    // The command line wins over the configuration.
    let select = if args.select.is_empty() {
        &config.select
    } else {
        &args.select
    };
    let ignore = if args.ignore.is_empty() {
        &config.ignore
    } else {
        &args.ignore
    };
    let edition = args.edition.or(config.edition);
    let selection = match Selection::resolve(rules, select, ignore) {
        Ok(s) => s,
        Err(e) => {
            output::error(&e);
            return EXIT_ERROR;
        }
    };
    let paths = if args.paths.is_empty() {
        vec![".".to_string()]
    } else {
        args.paths.clone()
    };
    let inputs = input::collect(&paths, &args.stdin_filename);
    if let Some(path) = &args.write_baseline
        && inputs.iter().any(|i| i.is_file(path))
    {
        output::error(&format!(
            "{}: the baseline file is one of the inputs; not written",
            path.display()
        ));
        return EXIT_ERROR;
    }
    let outcomes: Vec<FileOutcome> = inputs
        .into_par_iter()
        .map(|i| FileOutcome {
            name: i.name,
            checked: i.source.map(|src| {
                let result = check_source_with(&src, rules, &selection, Settings { edition });
                (src, result)
            }),
        })
        .collect();
    if args.fix || args.diff {
        return fix_or_diff(args, rules, &selection, edition, outcomes);
    }
    if let Some(path) = &args.write_baseline {
        return match crate::baseline::write(path, &outcomes) {
            Ok(n) => {
                output::note(&format!(
                    "wrote {n} finding(s) to the baseline {}",
                    path.display()
                ));
                if outcomes.iter().any(|o| o.checked.is_err()) {
                    EXIT_ERROR
                } else {
                    EXIT_OK
                }
            }
            Err(e) => {
                output::error(&e);
                EXIT_ERROR
            }
        };
    }
    let mut outcomes = outcomes;
    let mut baselined = 0;
    if let Some(path) = &args.baseline {
        match crate::baseline::read(path) {
            Ok(b) => baselined = crate::baseline::apply(&b, &mut outcomes),
            Err(e) => {
                output::error(&e);
                return EXIT_ERROR;
            }
        }
    }
    let stdout_tty = std::io::stdout().is_terminal();
    // `--unread` prints lines in the short format: an input that could not be read is said on
    // standard error, as in that format.
    let format = match args.format {
        _ if args.unread => Format::Short,
        Some(f) => f,
        None if stdout_tty => Format::Human,
        None => Format::Short,
    };
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => stdout_tty && std::env::var_os("NO_COLOR").is_none(),
    };
    let text = match format {
        _ if args.unread => render::unread::render(&outcomes),
        Format::Json => render::json::render(&outcomes, baselined),
        Format::Short => render::short::render(&outcomes),
        Format::Github => render::github::render(&outcomes),
        Format::Sarif => render::sarif::render(&outcomes, rules),
        Format::Human => render::human::render(&outcomes, color, args.verbose, baselined),
    };
    let printed = output::print(&text);
    // The short format's summary ends standard error (below); human and JSON have their own.
    let short_summary = format == Format::Short && !args.unread;
    if baselined > 0 && !short_summary && !matches!(format, Format::Human | Format::Json) {
        output::note(&format!("{baselined} finding(s) hidden by the baseline"));
    }
    let mut code = if printed.is_ok() { EXIT_OK } else { EXIT_ERROR };
    for o in &outcomes {
        match &o.checked {
            Err(e) => {
                if format != Format::Human {
                    output::error(&format!("{}: {e}", o.name));
                }
                code = EXIT_ERROR;
            }
            Ok((_, r)) => {
                if let Some(t) = args.fail_on.threshold()
                    && code == EXIT_OK
                    && r.diagnostics.iter().any(|d| d.severity >= t)
                {
                    code = EXIT_FINDINGS;
                }
            }
        }
    }
    if short_summary {
        output::note(
            &render::Summary {
                baselined,
                ..render::Summary::of(&outcomes)
            }
            .line(),
        );
    }
    code
}

/// `--fix` and `--diff`: safe fixes for every readable input.
fn fix_or_diff(
    args: &CheckArgs,
    rules: &RuleSet,
    selection: &Selection,
    edition: Option<i32>,
    outcomes: Vec<FileOutcome>,
) -> u8 {
    let settings = Settings { edition };
    let mut code = EXIT_OK;
    for o in outcomes {
        let (src, result) = match o.checked {
            Ok(x) => x,
            Err(e) => {
                output::error(&format!("{}: {e}", o.name));
                code = EXIT_ERROR;
                continue;
            }
        };
        let recheck = |text: &str| {
            check_source_with(
                &crate::source::Source::new(src.name.clone(), text.to_string()),
                rules,
                selection,
                settings,
            )
        };
        let (fixed, applied) = crate::fix::fix_to_fixed_point(&src.text, rules, recheck);
        let stdin = o.name == args.stdin_filename;
        if args.diff {
            if applied > 0 {
                code = code.max(
                    print_then_ok(&crate::fix::unified_diff(&o.name, &src.text, &fixed))
                        .max(EXIT_FINDINGS),
                );
            }
            continue;
        }
        if stdin {
            code = code.max(print_then_ok(&fixed));
            continue;
        }
        if applied == 0 {
            if args
                .fail_on
                .threshold()
                .is_some_and(|t| result.diagnostics.iter().any(|d| d.severity >= t))
            {
                code = code.max(EXIT_FINDINGS);
            }
            continue;
        }
        match crate::fix::write_if_unchanged(
            std::path::Path::new(&o.name),
            src.text.as_bytes(),
            &fixed,
        ) {
            Ok(()) => {
                let left = recheck(&fixed);
                let failing = args
                    .fail_on
                    .threshold()
                    .is_some_and(|t| left.diagnostics.iter().any(|d| d.severity >= t));
                output::note(&format!(
                    "{}: applied {applied} fix(es); {} finding(s) left",
                    o.name,
                    left.diagnostics.len()
                ));
                if failing {
                    code = code.max(EXIT_FINDINGS);
                }
            }
            Err(e) => {
                output::error(&format!("{}: {e}", o.name));
                code = EXIT_ERROR;
            }
        }
    }
    code
}
