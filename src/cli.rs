//! The command line: arguments (clap), dispatch, exit codes.

use crate::diagnostic::Severity;
use crate::input;
use crate::output;
use crate::parse::StructureGrammar;
use crate::render::{self, FileOutcome};
use crate::rules::engine::Selectors;
use crate::rules::{RuleSet, Selection, Settings, check_source_against};
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

// Parsed once per run: the size of `check`'s arguments beside the others costs nothing.
#[allow(clippy::large_enum_variant)]
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
    /// Print a completion script for SHELL (`tiplint completions bash > ~/.local/share/bash-completion/completions/tiplint`).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print every counted figure (its measure, restrictions, action, actor, period, value, and
    /// the figure it is a part of or compared with) as one CSV or JSON table.
    Extract(crate::extract::ExtractArgs),
    /// Run the language server on standard input and output, for editors (see the README).
    Lsp,
    /// What changed between two editions, chapter by chapter, sentence by sentence (exit code 0:
    /// no difference; 1: differences; 2: bad input).
    Diff(DiffArgs),
    /// Print the manual page, in roff (`tiplint man | man -l -`; `tiplint man check` is
    /// tiplint-check(1)).
    Man {
        /// A subcommand whose page to print (default: tiplint(1)).
        command: Option<String>,
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
    /// Run only these rules: names, codes, code prefixes (`TL1`) or `ALL`, comma-separated or
    /// repeated; replaces the configuration's `select`.
    #[arg(long, value_name = "RULES")]
    pub select: Vec<String>,
    /// Also run these rules, beside those the configuration or --select selects.
    #[arg(long, value_name = "RULES")]
    pub extend_select: Vec<String>,
    /// Do not run these rules (names, codes, prefixes or `ALL`); replaces the configuration's
    /// `ignore`.
    #[arg(long, value_name = "RULES")]
    pub ignore: Vec<String>,
    /// Do not run these rules either, beside those the configuration or --ignore turns off.
    #[arg(long, value_name = "RULES")]
    pub extend_ignore: Vec<String>,
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
    /// An earlier edition of the chapters checked (a file, or a directory of them; repeatable):
    /// each chapter is paired with the same country's chapters of older editions, and the
    /// figures it restates for earlier periods are checked against what those printed.
    #[arg(long, value_name = "PATH")]
    pub previous: Vec<String>,
    /// Apply every safe fix in place (standard input: print the fixed text, and the report on
    /// standard error), then report the findings left, in the chosen format.
    #[arg(long, conflicts_with = "diff")]
    pub fix: bool,
    /// With --fix or --diff, also apply the fixes that need review (a rule's unsafe fixes).
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Check a text without a chapter heading as a whole chapter (its heading, its sections and
    /// their order), not as an excerpt.
    #[arg(long)]
    pub chapter: bool,
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
    /// Write the report to FILE instead of standard output (the short format unless --format
    /// says otherwise).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output_file: Option<PathBuf>,
    /// Print, instead of the findings, how many each rule reported (a JSON array with
    /// --format json).
    #[arg(long, conflicts_with_all = ["unread", "diff", "write_baseline"])]
    pub statistics: bool,
    /// Print the findings only: no summary and no notes on standard error (errors are still
    /// said).
    #[arg(long, short)]
    pub quiet: bool,
    /// The name to report for standard input (its extension selects .txt or .md handling).
    #[arg(long, default_value = "<stdin>")]
    pub stdin_filename: String,
}

#[derive(clap::Args, Debug)]
pub struct DiffArgs {
    /// The older edition: a file, or a directory of chapter files.
    pub old: String,
    /// The newer edition: a file, or a directory of chapter files.
    pub new: String,
    /// Output format (default: text).
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
    /// Colour the changed figures in text output.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiffFormat {
    Text,
    Json,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Human,
    Short,
    Json,
    Github,
    Sarif,
    /// One self-contained page: each chapter's text with its checked figures marked.
    Html,
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
    config.rule_set(cli.rules.as_deref(), &cli.rule_files)
}

/// Exit 0, or 2 when the text could not be written to standard output.
fn print_then_ok(text: &str) -> u8 {
    match output::print(text) {
        Ok(()) => EXIT_OK,
        Err(output::StdoutFailed) => EXIT_ERROR,
    }
}

pub fn run_with(cli: Cli) -> u8 {
    // Needs neither the configuration nor the rules (a broken configuration must not stop it).
    match &cli.command {
        Command::Completions { shell } => return completions(*shell),
        Command::Man { command } => return man(command.as_deref()),
        // Reads its configuration itself, and tells the editor when it is broken.
        Command::Lsp => return lsp(&cli),
        _ => {}
    }
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
        Command::Check(args) => check(args, &rules, &config),
        Command::Parse { file, format: _ } => parse(file, &rules),
        Command::Extract(args) => crate::extract::run(args, &rules, &config),
        Command::Rules { format } => print_then_ok(&crate::docs::rules_listing(&rules, *format)),
        Command::Explain { rule } => match rules.find(rule) {
            Some(r) => print_then_ok(&crate::docs::explain(&r.spec)),
            None => {
                output::error(&rules.unknown(rule));
                EXIT_ERROR
            }
        },
        Command::Completions { shell } => completions(*shell),
        Command::Man { command } => man(command.as_deref()),
        Command::Lsp => lsp(&cli),
        Command::Diff(args) => crate::diff::run(args, &rules),
    }
}

/// `tiplint lsp`: the language server, with the rules and configuration the command line names.
fn lsp(cli: &Cli) -> u8 {
    crate::lsp::run(crate::lsp::Options {
        rules_dir: cli.rules.clone(),
        rule_files: cli.rule_files.clone(),
        config: cli.config.clone(),
    })
}

/// `tiplint man [COMMAND]`: the manual page of tiplint or of one subcommand, from the command
/// line's definition (clap_mangen), with the exit codes.
fn man(subcommand: Option<&str>) -> u8 {
    let mut cli = <Cli as clap::CommandFactory>::command();
    cli.build();
    let page = match subcommand {
        None => cli,
        Some(name) => match cli.find_subcommand(name) {
            // Built, a subcommand's display name is `tiplint-check`, its usage `tiplint check`.
            Some(sub) => sub.clone(),
            None => {
                let known: Vec<&str> = cli.get_subcommands().map(|c| c.get_name()).collect();
                output::error(&format!(
                    "no manual page for `{name}`: the subcommands are {}",
                    known.join(", ")
                ));
                return EXIT_ERROR;
            }
        },
    };
    let mut roff = Vec::new();
    let source = format!("tiplint {}", env!("CARGO_PKG_VERSION"));
    if let Err(e) = clap_mangen::Man::new(page).source(source).render(&mut roff) {
        output::error(&format!("cannot render the manual page: {e}"));
        return EXIT_ERROR;
    }
    let mut roff = String::from_utf8_lossy(&roff).into_owned();
    roff.push_str(MAN_EXIT_STATUS);
    print_then_ok(&roff)
}

/// The EXIT STATUS section of every manual page.
const MAN_EXIT_STATUS: &str = r#".SH "EXIT STATUS"
.TP
0
No finding reaches \fB\-\-fail\-on\fR (default: error), or nothing to do.
.TP
1
A finding reaches \fB\-\-fail\-on\fR; with \fB\-\-diff\fR, there is something to fix.
.TP
2
A usage error, an input that could not be read or decoded, invalid rule files or configuration,
or a report that could not be written.
"#;

/// `tiplint completions SHELL`: the completion script, from the command line's definition.
fn completions(shell: clap_complete::Shell) -> u8 {
    let mut script = Vec::new();
    clap_complete::generate(
        shell,
        &mut <Cli as clap::CommandFactory>::command(),
        "tiplint",
        &mut script,
    );
    print_then_ok(&String::from_utf8_lossy(&script))
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

/// The rules that run on one file: the selection, less the rules `[per-file-ignores]` turns off
/// for it.
struct PerFile<'a> {
    selection: Selection,
    globs: crate::config::Globs,
    rules: &'a RuleSet,
    /// Earlier editions each file's chapters are related to (`--previous`).
    previous: &'a [crate::editions::EarlierEdition],
}

impl PerFile<'_> {
    fn selection(&self, name: &str) -> Selection {
        self.globs
            .selection_for(&self.selection, self.rules, std::path::Path::new(name))
    }
}

fn check(args: &CheckArgs, rules: &RuleSet, loaded: &crate::config::Loaded) -> u8 {
    let config = &loaded.config;
    let config_name = loaded
        .path
        .as_deref()
        .map_or(crate::config::FILE_NAME.into(), |p| p.display().to_string());
    let (in_select, in_ignore) = (
        format!("{config_name}: `select`: "),
        format!("{config_name}: `ignore`: "),
    );
    // The command line wins over the configuration; its --extend-* lists add to either.
    let select: Selectors = if args.select.is_empty() {
        (&config.select, &in_select)
    } else {
        (&args.select, "--select: ")
    };
    let ignore: Selectors = if args.ignore.is_empty() {
        (&config.ignore, &in_ignore)
    } else {
        (&args.ignore, "--ignore: ")
    };
    let settings = Settings {
        edition: args.edition.or(config.edition),
        whole_chapter: args.chapter,
    };
    let selection = match Selection::from_lists(
        rules,
        &[select, (&args.extend_select, "--extend-select: ")],
        &[ignore, (&args.extend_ignore, "--extend-ignore: ")],
    ) {
        Ok(s) => s,
        Err(e) => {
            output::error(&e);
            return EXIT_ERROR;
        }
    };
    let globs = match loaded.globs() {
        Ok(g) => g,
        Err(e) => {
            output::error(&e);
            return EXIT_ERROR;
        }
    };
    if let Some(unknown) = globs.named_rules().find(|r| rules.matching(r).is_empty()) {
        output::error(&format!(
            "{config_name}: [per-file-ignores]: {}",
            rules.unknown(unknown)
        ));
        return EXIT_ERROR;
    }
    let paths = if args.paths.is_empty() {
        vec![".".to_string()]
    } else {
        args.paths.clone()
    };
    let skip: input::Skip = {
        let globs = globs.clone();
        std::sync::Arc::new(move |p: &std::path::Path| globs.excluded(p))
    };
    let previous = match earlier_editions(&args.previous, &args.stdin_filename, rules) {
        Ok(p) => p,
        Err(e) => {
            output::error(&e);
            return EXIT_ERROR;
        }
    };
    let per_file = PerFile {
        selection,
        globs,
        rules,
        previous: &previous,
    };
    let inputs = input::collect_skipping(&paths, &args.stdin_filename, &skip);
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
            checked: i.source.map(|src| {
                let result = check_source_against(
                    &src,
                    rules,
                    &per_file.selection(&i.name),
                    settings,
                    per_file.previous,
                );
                (src, result)
            }),
            name: i.name,
        })
        .collect();
    if args.diff {
        return diff(args, rules, &per_file, settings, outcomes);
    }
    let (mut outcomes, mut code, fixed_stdin) = if args.fix {
        fix(args, rules, &per_file, settings, outcomes)
    } else {
        (outcomes, EXIT_OK, false)
    };
    if let Some(path) = &args.write_baseline {
        return match crate::baseline::write(path, &outcomes) {
            Ok(n) => {
                if !args.quiet {
                    output::note(&format!(
                        "wrote {n} finding(s) to the baseline {}",
                        path.display()
                    ));
                }
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
    let mut baselined = 0;
    if let Some(path) = &args.baseline {
        match crate::baseline::read(path) {
            Ok(b) => baselined = crate::baseline::apply(&b, path, &mut outcomes),
            Err(e) => {
                output::error(&e);
                return EXIT_ERROR;
            }
        }
    }
    // A fixed standard input is printed on standard output: the report goes to standard error.
    let report_tty = if args.output_file.is_some() {
        false
    } else if fixed_stdin {
        std::io::stderr().is_terminal()
    } else {
        std::io::stdout().is_terminal()
    };
    // `--unread` prints lines in the short format: an input that could not be read is said on
    // standard error, as in that format.
    let format = match args.format {
        _ if args.unread => Format::Short,
        Some(f) => f,
        None if report_tty => Format::Human,
        None => Format::Short,
    };
    let color = colour(
        args.color,
        report_tty,
        std::env::var_os("NO_COLOR").as_deref(),
        std::env::var_os("TERM").as_deref(),
    );
    let text = match format {
        _ if args.unread => render::unread::render(&outcomes),
        Format::Json if args.statistics => render::statistics::render_json(&outcomes, rules),
        _ if args.statistics => render::statistics::render_text(&outcomes, rules),
        Format::Json => render::json::render(&outcomes, baselined),
        Format::Short => render::short::render(&outcomes),
        Format::Github => render::github::render(&outcomes),
        Format::Sarif => render::sarif::render(&outcomes, rules),
        Format::Html => render::html::render(&outcomes, baselined),
        Format::Human if args.quiet => {
            render::human::render_findings(&outcomes, color, args.verbose)
        }
        Format::Human => render::human::render(&outcomes, color, args.verbose, baselined),
    };
    let printed = if let Some(path) = &args.output_file {
        std::fs::write(path, &text).map_err(|e| {
            output::error(&format!("{}: cannot write the report: {e}", path.display()));
            output::StdoutFailed
        })
    } else if fixed_stdin {
        output::print_to_stderr(&text);
        Ok(())
    } else {
        output::print(&text)
    };
    // The short format's summary ends standard error (below); human and JSON have their own.
    let short_summary = format == Format::Short && !args.unread && !args.quiet;
    if baselined > 0
        && !args.quiet
        && !short_summary
        && !matches!(format, Format::Human | Format::Json | Format::Html)
    {
        output::note(&format!("{baselined} finding(s) hidden by the baseline"));
    }
    if printed.is_err() {
        code = EXIT_ERROR;
    }
    let mut findings = EXIT_OK;
    for o in &outcomes {
        match &o.checked {
            Err(e) => {
                output::error(&format!("{}: {e}", o.name));
                code = EXIT_ERROR;
            }
            Ok((_, r)) => {
                if let Some(t) = args.fail_on.threshold()
                    && r.diagnostics.iter().any(|d| d.severity >= t)
                {
                    findings = EXIT_FINDINGS;
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
    if code == EXIT_OK { findings } else { code }
}

/// Whether the human report is coloured: `--color always` or `never`, or (`auto`) on a terminal
/// unless `NO_COLOR` is set to something (an empty `NO_COLOR` asks nothing, as no-color.org
/// says) or the terminal is `dumb`.
pub fn colour(
    choice: Color,
    terminal: bool,
    no_color: Option<&std::ffi::OsStr>,
    term: Option<&std::ffi::OsStr>,
) -> bool {
    match choice {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            terminal && no_color.is_none_or(|v| v.is_empty()) && term.is_none_or(|t| t != "dumb")
        }
    }
}

fn applying(args: &CheckArgs) -> crate::fix::Applying {
    if args.unsafe_fixes {
        crate::fix::Applying::AlsoUnsafe
    } else {
        crate::fix::Applying::Safe
    }
}

/// The earlier editions named with `--previous` (files, or directories walked for `.txt` and
/// `.md`), each read once. One that cannot be read is an error naming it.
fn earlier_editions(
    paths: &[String],
    stdin_name: &str,
    rules: &RuleSet,
) -> Result<Vec<crate::editions::EarlierEdition>, String> {
    if paths.is_empty() {
        return Ok(Vec::new());
    }
    if paths.iter().any(|p| p == "-") {
        return Err("--previous: standard input cannot be an earlier edition".to_string());
    }
    let mut out = Vec::new();
    for i in input::collect(paths, stdin_name) {
        match i.source {
            Ok(src) => out.push(crate::editions::EarlierEdition::read(src, rules)),
            Err(e) => return Err(format!("--previous: {}: {e}", i.name)),
        }
    }
    Ok(out)
}

/// `text` (a fixed version of `src`) checked again with the rules of its file.
fn recheck(
    src: &crate::source::Source,
    text: &str,
    per_file: &PerFile,
    selection: &Selection,
    settings: Settings,
) -> crate::rules::FileResult {
    check_source_against(
        &crate::source::Source::new(src.name.clone(), text.to_string()),
        per_file.rules,
        selection,
        settings,
        per_file.previous,
    )
}

/// `--diff`: the fixes of every readable input as a unified diff; nothing else is printed.
fn diff(
    args: &CheckArgs,
    rules: &RuleSet,
    per_file: &PerFile,
    settings: Settings,
    outcomes: Vec<FileOutcome>,
) -> u8 {
    let mut code = EXIT_OK;
    for o in outcomes {
        let (src, _) = match o.checked {
            Ok(x) => x,
            Err(e) => {
                output::error(&format!("{}: {e}", o.name));
                code = EXIT_ERROR;
                continue;
            }
        };
        let selection = per_file.selection(&o.name);
        let (fixed, applied) =
            crate::fix::fix_to_fixed_point(&src.text, rules, applying(args), |t| {
                recheck(&src, t, per_file, &selection, settings)
            });
        if applied > 0 {
            code = code.max(
                print_then_ok(&crate::fix::unified_diff(&o.name, &src.text, &fixed))
                    .max(EXIT_FINDINGS),
            );
        }
    }
    code
}

/// `--fix`: apply the fixes of every readable input (in place; standard input's fixed text is
/// printed), and return the outcomes of the fixed texts, for the report of what is left, with
/// exit code 2 if a file could not be written, and whether standard input was printed.
fn fix(
    args: &CheckArgs,
    rules: &RuleSet,
    per_file: &PerFile,
    settings: Settings,
    outcomes: Vec<FileOutcome>,
) -> (Vec<FileOutcome>, u8, bool) {
    let mut code = EXIT_OK;
    let mut stdin_printed = false;
    let mut fixed_files = 0;
    let mut fixes = 0;
    let mut after = Vec::with_capacity(outcomes.len());
    for o in outcomes {
        let (src, result) = match o.checked {
            Ok(x) => x,
            Err(e) => {
                after.push(FileOutcome {
                    name: o.name,
                    checked: Err(e),
                });
                continue;
            }
        };
        let selection = per_file.selection(&o.name);
        let (fixed, applied) =
            crate::fix::fix_to_fixed_point(&src.text, rules, applying(args), |t| {
                recheck(&src, t, per_file, &selection, settings)
            });
        let stdin = o.name == args.stdin_filename;
        if stdin {
            // The fixed text (or the text, when nothing was fixed) is the output.
            code = code.max(print_then_ok(&fixed));
            stdin_printed = true;
        }
        if applied == 0 {
            after.push(FileOutcome {
                name: o.name,
                checked: Ok((src, result)),
            });
            continue;
        }
        let written = if stdin {
            Ok(())
        } else {
            crate::fix::write_if_unchanged(
                std::path::Path::new(&o.name),
                src.text.as_bytes(),
                &fixed,
            )
        };
        match written {
            Ok(()) => {
                fixed_files += 1;
                fixes += applied;
                let left = recheck(&src, &fixed, per_file, &selection, settings);
                let fixed_src = crate::source::Source::new(src.name.clone(), fixed);
                after.push(FileOutcome {
                    name: o.name,
                    checked: Ok((fixed_src, left)),
                });
            }
            Err(e) => {
                output::error(&format!("{}: {e}", o.name));
                code = EXIT_ERROR;
                after.push(FileOutcome {
                    name: o.name,
                    checked: Ok((src, result)),
                });
            }
        }
    }
    if !args.quiet {
        output::note(&if fixes == 0 {
            "nothing to fix".to_string()
        } else {
            format!("applied {fixes} fix(es) in {fixed_files} file(s)")
        });
    }
    (after, code, stdin_printed)
}
