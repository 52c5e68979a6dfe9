//! `tiplint extract PATHS --format csv|json`: the record of every counted figure of the inputs
//! (DESIGN §4.1, layer 1) as one table, a row per figure, with its file, edition, chapter and
//! section, and the figure it is a part of, compared with or converted from.

use crate::facts::{Fig, FigurePeriod, FigureRecord, Lexicon, RelationKind, extract_records};
use crate::input;
use crate::output;
use crate::parse::{SectionKind, StructureGrammar};
use crate::rules::RuleSet;
use crate::source::Source;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde_json::{Map, Value, json};

#[derive(clap::Args, Debug)]
pub struct ExtractArgs {
    /// Files, directories, or `-` for standard input (default: the current directory).
    pub paths: Vec<String>,
    /// Output format: one CSV table with a header (RFC 4180), or one JSON document.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Csv)]
    pub format: ExtractFormat,
    /// The report edition (a year from 1900 to 2100), for the reporting period of figures the
    /// text does not date; without it, read from a report title's year or guessed from the
    /// text's dates, as `check` does.
    #[arg(long, value_name = "YEAR", value_parser = clap::value_parser!(i32).range(
        i64::from(*crate::config::EDITIONS.start())..=i64::from(*crate::config::EDITIONS.end())
    ))]
    pub edition: Option<i32>,
    /// The name to report for standard input.
    #[arg(long, default_value = "<stdin>")]
    pub stdin_filename: String,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExtractFormat {
    Csv,
    Json,
}

/// Where a related figure stands.
#[derive(Debug, Clone, PartialEq)]
pub struct Related {
    pub value: Decimal,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
}

/// One row of the table: a figure record with where it stands.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub path: String,
    pub edition: Option<i32>,
    pub country: Option<String>,
    pub tier: Option<String>,
    pub section: &'static str,
    pub measure: Option<String>,
    /// (dimension, value), in the order stated.
    pub restrictions: Vec<(String, String)>,
    pub action: Option<String>,
    pub actor: Option<String>,
    /// `2018`, `previous reporting period`, the edition's period (`2022-04/2023-03`), or unknown.
    pub period: Option<String>,
    /// The value; unknown for `dozens`.
    pub value: Option<Decimal>,
    pub exactness: &'static str,
    /// The currency's ISO code, or `percent`.
    pub unit: Option<String>,
    /// The figure as written.
    pub text: String,
    pub part_of: Option<Related>,
    /// `sum`, `split`, `including` or `subset`.
    pub part_of_kind: Option<&'static str>,
    pub compared_with: Option<Related>,
    pub converted: Option<Related>,
    pub line: usize,
    pub column: usize,
    pub start: usize,
    pub end: usize,
}

/// The CSV header, in column order.
pub const COLUMNS: &[&str] = &[
    "path",
    "edition",
    "country",
    "tier",
    "section",
    "measure",
    "restrictions",
    "action",
    "actor",
    "period",
    "value",
    "exactness",
    "unit",
    "text",
    "part_of",
    "part_of_kind",
    "part_of_start",
    "compared_with",
    "compared_with_start",
    "converted",
    "converted_start",
    "line",
    "column",
    "start",
    "end",
];

/// The rows of one source's figure records; `edition`: given on the command line or in the
/// configuration (else read from a title or guessed from the dates, as `check` does).
pub fn rows(source: &Source, rules: &RuleSet, edition: Option<i32>) -> Vec<Row> {
    let report = StructureGrammar::new(&rules.vocabulary).parse(&source.text);
    let lexicon = Lexicon::new(&rules.vocabulary);
    let facts = extract_records(&source.text, &report, &lexicon);
    let edition = edition
        .or(report.title_edition)
        .or_else(|| crate::rules::engine::guess_edition(&facts));
    let mut out = Vec::new();
    for (chapter, claims) in report.chapters.iter().zip(&facts.chapters) {
        let country = chapter.country().map(str::to_string);
        let tier = chapter.tier().map(|t| t.to_string());
        for r in &claims.records {
            out.push(row(source, r, edition, country.clone(), tier.clone()));
        }
    }
    out
}

fn row(
    source: &Source,
    r: &FigureRecord,
    edition: Option<i32>,
    country: Option<String>,
    tier: Option<String>,
) -> Row {
    let related = |f: &Fig| {
        let (line, column) = source.line_col(f.span.start);
        Related {
            value: f.value,
            start: f.span.start,
            end: f.span.end,
            line,
            column,
        }
    };
    let (line, column) = source.line_col(r.span.start);
    Row {
        path: source.name.clone(),
        edition,
        country,
        tier,
        section: section_name(r.section),
        measure: r.measure.as_ref().map(|m| m.name().to_string()),
        restrictions: r.restrictions.clone(),
        action: r.action.clone(),
        actor: r.actor.clone(),
        period: period_text(r.period, edition),
        value: r.value,
        exactness: r.exactness.name(),
        unit: r
            .measure
            .as_ref()
            .and_then(|m| m.unit())
            .map(str::to_string),
        text: crate::render::one_line(source.slice(r.span)).into_owned(),
        part_of: r.part_of.map(|p| related(&p.whole)),
        part_of_kind: r.part_of.map(|p| kind_name(p.kind)),
        compared_with: r.compared_with.as_ref().map(related),
        converted: r.converted.as_ref().map(related),
        line,
        column,
        start: r.span.start,
        end: r.span.end,
    }
}

/// A value without trailing zeros (`46000`, `2.5`).
fn number(d: Decimal) -> String {
    d.normalize().to_string()
}

fn section_name(s: SectionKind) -> &'static str {
    match s {
        SectionKind::Intro => "intro",
        SectionKind::Recommendations => "recommendations",
        SectionKind::Prosecution => "prosecution",
        SectionKind::Protection => "protection",
        SectionKind::Prevention => "prevention",
        SectionKind::Profile => "profile",
    }
}

pub fn kind_name(k: RelationKind) -> &'static str {
    match k {
        RelationKind::Sum => "sum",
        RelationKind::Split => "split",
        RelationKind::Including => "including",
        RelationKind::Subset => "subset",
    }
}

/// A period as a cell: a year, `previous reporting period`, or the edition's reporting period
/// (April of the year before to March of its year, ISO 8601: `2022-04/2023-03`); none when
/// unknown.
pub fn period_text(p: FigurePeriod, edition: Option<i32>) -> Option<String> {
    Some(match p {
        FigurePeriod::Year(y) => y.to_string(),
        FigurePeriod::Previous => "previous reporting period".to_string(),
        FigurePeriod::Own => match edition {
            Some(e) => format!("{}-04/{e}-03", e - 1),
            None => "this reporting period".to_string(),
        },
        FigurePeriod::Unknown => return None,
    })
}

/// The rows as CSV (RFC 4180: a header, CRLF line ends, fields quoted where needed).
pub fn to_csv(rows: &[Row]) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing to memory fails only on a broken invariant of the csv crate.
    let mut write = |fields: &[String]| w.write_record(fields).is_ok();
    let header: Vec<String> = COLUMNS.iter().map(|c| c.to_string()).collect();
    write(&header);
    let opt = |o: &Option<String>| o.clone().unwrap_or_default();
    let num = |n: Option<usize>| n.map(|n| n.to_string()).unwrap_or_default();
    for r in rows {
        let restrictions = r
            .restrictions
            .iter()
            .map(|(d, v)| format!("{d}={v}"))
            .collect::<Vec<_>>()
            .join(";");
        let fields = [
            r.path.clone(),
            r.edition.map(|e| e.to_string()).unwrap_or_default(),
            opt(&r.country),
            opt(&r.tier),
            r.section.to_string(),
            opt(&r.measure),
            restrictions,
            opt(&r.action),
            opt(&r.actor),
            opt(&r.period),
            r.value.map(number).unwrap_or_default(),
            r.exactness.to_string(),
            opt(&r.unit),
            r.text.clone(),
            opt(&r.part_of.as_ref().map(|p| number(p.value))),
            r.part_of_kind.map(str::to_string).unwrap_or_default(),
            num(r.part_of.as_ref().map(|p| p.start)),
            opt(&r.compared_with.as_ref().map(|p| number(p.value))),
            num(r.compared_with.as_ref().map(|p| p.start)),
            opt(&r.converted.as_ref().map(|p| number(p.value))),
            num(r.converted.as_ref().map(|p| p.start)),
            r.line.to_string(),
            r.column.to_string(),
            r.start.to_string(),
            r.end.to_string(),
        ];
        write(&fields);
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// A related figure as JSON: its value as a number, and where it stands.
fn related_json(r: &Related) -> Value {
    json!({
        "value": value_json(r.value),
        "span": {"start": r.start, "end": r.end},
        "line": r.line,
        "column": r.column,
    })
}

/// A value as a JSON number (an integer when it is one).
fn value_json(d: Decimal) -> Value {
    let d = d.normalize();
    if d.fract().is_zero()
        && let Some(i) = d.to_i64()
    {
        return Value::from(i);
    }
    d.to_f64().map_or(Value::Null, Value::from)
}

/// The rows as one JSON document: `{"version": 1, "records": [...], "errors": [...]}`.
pub fn to_json(rows: &[Row], errors: &[(String, String)]) -> String {
    let records: Vec<Value> = rows
        .iter()
        .map(|r| {
            let mut restrictions: Map<String, Value> = Map::new();
            for (d, v) in &r.restrictions {
                if let Value::Array(values) = restrictions
                    .entry(d.clone())
                    .or_insert_with(|| Value::Array(Vec::new()))
                {
                    values.push(Value::from(v.clone()));
                }
            }
            json!({
                "path": r.path,
                "edition": r.edition,
                "country": r.country,
                "tier": r.tier,
                "section": r.section,
                "measure": r.measure,
                "restrictions": restrictions,
                "action": r.action,
                "actor": r.actor,
                "period": r.period,
                "value": r.value.map_or(Value::Null, value_json),
                "exactness": r.exactness,
                "unit": r.unit,
                "text": r.text,
                "part_of": r.part_of.as_ref().map(|p| {
                    let mut v = related_json(p);
                    v["kind"] = Value::from(r.part_of_kind.unwrap_or_default());
                    v
                }),
                "compared_with": r.compared_with.as_ref().map(related_json),
                "converted": r.converted.as_ref().map(related_json),
                "span": {"start": r.start, "end": r.end},
                "line": r.line,
                "column": r.column,
            })
        })
        .collect();
    let errors: Vec<Value> = errors
        .iter()
        .map(|(path, error)| json!({"path": path, "error": error}))
        .collect();
    let doc = json!({"version": 1, "records": records, "errors": errors});
    serde_json::to_string_pretty(&doc).expect("plain data serialises") + "\n"
}

/// `tiplint extract`: exit 0, or 2 when an input could not be read (the others are still
/// extracted) or the table could not be written.
pub fn run(args: &ExtractArgs, rules: &RuleSet, loaded: &crate::config::Loaded) -> u8 {
    let globs = match loaded.globs() {
        Ok(g) => g,
        Err(e) => {
            output::error(&e);
            return crate::cli::EXIT_ERROR;
        }
    };
    let skip: input::Skip = std::sync::Arc::new(move |p: &std::path::Path| globs.excluded(p));
    let paths = if args.paths.is_empty() {
        vec![".".to_string()]
    } else {
        args.paths.clone()
    };
    let edition = args.edition.or(loaded.config.edition);
    let inputs = input::collect_skipping(&paths, &args.stdin_filename, &skip);
    use rayon::prelude::*;
    let read: Vec<Result<Vec<Row>, (String, String)>> = inputs
        .into_par_iter()
        .map(|i| match i.source {
            Ok(src) => Ok(rows(&src, rules, edition)),
            Err(e) => Err((i.name, e)),
        })
        .collect();
    let mut all = Vec::new();
    let mut errors = Vec::new();
    for r in read {
        match r {
            Ok(rows) => all.extend(rows),
            Err(e) => errors.push(e),
        }
    }
    let text = match args.format {
        ExtractFormat::Csv => to_csv(&all),
        ExtractFormat::Json => to_json(&all, &errors),
    };
    let mut code = match output::print(&text) {
        Ok(()) => crate::cli::EXIT_OK,
        Err(output::StdoutFailed) => crate::cli::EXIT_ERROR,
    };
    for (name, e) in &errors {
        output::error(&format!("{name}: {e}"));
        code = crate::cli::EXIT_ERROR;
    }
    code
}
