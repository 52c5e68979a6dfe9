//! `tiplint extract`: the record of every counted figure (DESIGN §4.1, layer 1) as a CSV or JSON
//! table. The sample's rows for the figures the issue names, then the fields of a record read
//! from small invented texts, then the command's formats and exit codes.

use assert_cmd::Command;
use std::collections::HashMap;
use tiplint::extract::{COLUMNS, Row, rows};
use tiplint::rules::RuleSet;
use tiplint::source::Source;

const SAMPLE: &str = "samples/kyrgyz-republic-2023.txt";

/// `tiplint extract ARGS` → (exit code, stdout, stderr).
fn run(args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
    let mut cmd = Command::cargo_bin("tiplint").unwrap();
    cmd.arg("extract").args(args);
    if let Some(s) = stdin {
        cmd.write_stdin(s);
    }
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The CSV's rows as maps from column to cell, checking its header.
fn table(csv_text: &str) -> Vec<HashMap<String, String>> {
    let mut r = csv::Reader::from_reader(csv_text.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(header, COLUMNS);
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            header
                .iter()
                .cloned()
                .zip(rec.iter().map(str::to_string))
                .collect()
        })
        .collect()
}

/// The one row whose figure is written `text` on line `line`.
fn cell<'t>(
    t: &'t [HashMap<String, String>],
    text: &str,
    line: usize,
) -> &'t HashMap<String, String> {
    let found: Vec<_> = t
        .iter()
        .filter(|r| r["text"] == text && r["line"] == line.to_string())
        .collect();
    assert_eq!(found.len(), 1, "one row for `{text}` on line {line}");
    found[0]
}

#[test]
fn the_samples_rows_hold_the_figures_and_their_relations() {
    let (code, out, err) = run(&[SAMPLE, "--format", "csv"], None);
    assert_eq!(code, 0, "{err}");
    // RFC 4180: every line ends in CRLF.
    assert!(out.ends_with("\r\n") && !out.replace("\r\n", "").contains('\n'));
    let t = table(&out);
    for r in &t {
        assert_eq!(r["path"], SAMPLE);
        assert_eq!(r["edition"], "2023");
        assert_eq!(r["country"], "Kyrgyz Republic");
        assert_eq!(r["tier"], "Tier 2");
    }

    // The 30 investigations, compared with six the previous year.
    let thirty = cell(&t, "30", 13);
    assert_eq!(thirty["section"], "prosecution");
    assert_eq!(thirty["measure"], "case");
    assert_eq!(thirty["action"], "investigate");
    assert_eq!(thirty["actor"], "government");
    assert_eq!(thirty["period"], "2022-04/2023-03");
    assert_eq!(thirty["value"], "30");
    assert_eq!(thirty["exactness"], "exact");
    assert_eq!(thirty["compared_with"], "6");
    let six = cell(&t, "six", 13);
    assert_eq!(six["measure"], "case");
    assert_eq!(six["period"], "previous reporting period");
    assert_eq!(six["compared_with"], "30");
    assert_eq!(six["compared_with_start"], thirty["start"]);
    assert_eq!(thirty["compared_with_start"], six["start"]);

    // The 66 victims identified by civil society, and its parts.
    let whole = cell(&t, "66", 23);
    assert_eq!(whole["section"], "protection");
    assert_eq!(whole["measure"], "victim");
    assert_eq!(whole["action"], "identify");
    assert_eq!(whole["actor"], "civil society");
    assert_eq!(whole["part_of"], "");
    let parts_of = |start: &str, kind: &str| -> Vec<String> {
        t.iter()
            .filter(|r| r["part_of_start"] == start && r["part_of_kind"] == kind)
            .map(|r| r["value"].clone())
            .collect()
    };
    assert_eq!(parts_of(&whole["start"], "sum"), ["18", "47", "1"]);
    let sex = cell(&t, "18", 23);
    assert_eq!(sex["restrictions"], "form=sex-trafficking");
    assert_eq!(sex["measure"], "victim");
    assert_eq!(sex["actor"], "civil society");
    assert_eq!(parts_of(&sex["start"], "sum"), ["17", "1"]);
    let adult_women = cell(&t, "17", 23);
    assert_eq!(adult_women["restrictions"], "age=adult;sex=female");
    assert_eq!(adult_women["measure"], "victim");
    assert_eq!(adult_women["part_of"], "18");
    assert_eq!(
        parts_of(&cell(&t, "47", 23)["start"], "sum"),
        ["26", "19", "1", "1"]
    );

    // The 48/18 split of the same 66.
    assert_eq!(parts_of(&whole["start"], "split"), ["48", "18"]);
    let citizens = cell(&t, "48", 25);
    assert_eq!(citizens["restrictions"], "nationality=kyrgyzstani");
    assert_eq!(citizens["measure"], "victim");
    assert_eq!(citizens["action"], "identify");
    let foreign = cell(&t, "18", 25);
    assert!(foreign["restrictions"].starts_with("nationality=foreign"));
    assert_eq!(parts_of(&foreign["start"], "sum"), ["1", "17"]);

    // The 4 million som and its dollar value.
    let som = cell(&t, "4 million Som", 29);
    assert_eq!(som["measure"], "money");
    assert_eq!(som["unit"], "KGS");
    assert_eq!(som["value"], "4000000");
    assert_eq!(som["actor"], "government");
    assert_eq!(som["converted"], "46000");
    let dollars = cell(&t, "\\$46,000", 29);
    assert_eq!(dollars["unit"], "USD");
    assert_eq!(dollars["value"], "46000");
    assert_eq!(dollars["converted"], "4000000");
    assert_eq!(dollars["converted_start"], som["start"]);
}

#[test]
fn the_json_holds_the_same_records() {
    let (code, out, _) = run(&[SAMPLE, "--format", "json"], None);
    assert_eq!(code, 0);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["version"], 1);
    let records = doc["records"].as_array().unwrap();
    let (_, csv_out, _) = run(&[SAMPLE], None);
    assert_eq!(records.len(), table(&csv_out).len());
    let thirty = records
        .iter()
        .find(|r| r["text"] == "30" && r["line"] == 13)
        .unwrap();
    assert_eq!(thirty["value"], 30);
    assert_eq!(thirty["compared_with"]["value"], 6);
    assert_eq!(thirty["compared_with"]["line"], 13);
    let adult_women = records
        .iter()
        .find(|r| r["text"] == "17" && r["line"] == 23)
        .unwrap();
    assert_eq!(
        adult_women["restrictions"],
        serde_json::json!({"age": ["adult"], "sex": ["female"]})
    );
    assert_eq!(adult_women["part_of"]["value"], 18);
    assert_eq!(adult_women["part_of"]["kind"], "sum");
}

// Invented texts, one field at a time.

fn records(text: &str) -> Vec<Row> {
    rows(
        &Source::new("t.txt", text.to_string()),
        &RuleSet::default_rules(),
        Some(2031),
    )
}

/// The row of the figure written `figure` (the first such).
fn record(text: &str, figure: &str) -> Row {
    records(text)
        .into_iter()
        .find(|r| r.text == figure)
        .unwrap_or_else(|| panic!("no record of `{figure}` in {text:?}"))
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(d, v)| (d.to_string(), v.to_string()))
        .collect()
}

#[test]
fn restrictions_are_those_the_figures_words_state() {
    let text = "Authorities identified 12 girls and 30 foreign forced labor victims.";
    let girls = record(text, "12");
    assert_eq!(
        girls.restrictions,
        pairs(&[("sex", "female"), ("age", "child")])
    );
    assert_eq!(girls.measure.as_deref(), Some("girl"));
    assert_eq!(
        record(text, "30").restrictions,
        pairs(&[("nationality", "foreign"), ("form", "forced-labor")])
    );
    // A figure with no class of its own has none.
    assert!(
        record("Police arrested 14 suspects.", "14")
            .restrictions
            .is_empty()
    );
}

#[test]
fn a_parenthesis_dating_a_figure_tags_that_figure_only() {
    let text = "The government identified 31 victims (24 in 2028).";
    let earlier = record(text, "24");
    assert_eq!(earlier.period.as_deref(), Some("2028"));
    assert_eq!(
        earlier.compared_with.as_ref().map(|c| c.value),
        Some(31.into())
    );
    // The earlier figure counts what the later one does.
    assert_eq!(earlier.measure.as_deref(), Some("victim"));
    let later = record(text, "31");
    assert_eq!(later.period.as_deref(), Some("2030-04/2031-03"));
    assert_eq!(
        later.compared_with.as_ref().map(|c| c.value),
        Some(24.into())
    );
    // A sentence opening on a year dates its figures.
    assert_eq!(
        record("In 2029, NGOs assisted 45 victims.", "45")
            .period
            .as_deref(),
        Some("2029")
    );
    assert_eq!(
        record(
            "Officials reported 20 investigations, compared with 12 in the previous reporting period.",
            "12"
        )
        .period
        .as_deref(),
        Some("previous reporting period")
    );
}

#[test]
fn exactness_follows_the_approximation() {
    let text = "NGOs assisted at least 40 victims, more than 12 children, nearly 90 adults, \
        up to 15 women, approximately 300 migrants, and 25 men.";
    let of = |figure: &str| record(text, figure).exactness;
    assert_eq!(of("40"), "at least");
    assert_eq!(of("12"), "at least");
    assert_eq!(of("90"), "at most");
    assert_eq!(of("15"), "at most");
    assert_eq!(of("300"), "approximate");
    assert_eq!(of("25"), "exact");
    // A count without a value has none.
    let dozens = record("Police rescued dozens of victims.", "dozens");
    assert_eq!(dozens.value, None);
    assert_eq!(dozens.exactness, "approximate");
}

#[test]
fn money_carries_its_currency_and_conversion() {
    // `som` is the name of two currencies: in a text of no country, which is not known.
    let bare = record("NGOs received 4 million som.", "4 million som");
    assert_eq!(bare.measure.as_deref(), Some("money"));
    assert_eq!(bare.unit, None);
    // In a chapter of the Kyrgyz Republic, it is the Kyrgyzstani som.
    let text = "Kyrgyz Republic (Tier 2)\n\nThe government allocated 4 million som ($47,000) to shelters.\n";
    let som = record(text, "4 million som");
    assert_eq!(som.measure.as_deref(), Some("money"));
    assert_eq!(som.unit.as_deref(), Some("KGS"));
    assert_eq!(som.value, Some(4_000_000.into()));
    assert_eq!(som.action.as_deref(), Some("fund"));
    assert_eq!(som.actor.as_deref(), Some("government"));
    assert_eq!(som.converted.as_ref().map(|c| c.value), Some(47_000.into()));
    let usd = record(text, "$47,000");
    assert_eq!(usd.unit.as_deref(), Some("USD"));
    assert_eq!(usd.converted.as_ref().map(|c| c.start), Some(som.start));
    // A percentage is a measure of its own.
    let share = record("Women made up 64 percent of the victims.", "64");
    assert_eq!(share.measure.as_deref(), Some("percent"));
    assert_eq!(share.unit.as_deref(), Some("percent"));
}

#[test]
fn parts_take_their_wholes_measure_action_and_actor() {
    let text =
        "Civil society identified 40 victims; 25 were Narnian and 15 were foreign nationals.";
    let whole = record(text, "40");
    assert_eq!(whole.actor.as_deref(), Some("civil society"));
    let part = record(text, "25");
    assert_eq!(part.part_of.as_ref().map(|p| p.start), Some(whole.start));
    assert_eq!(part.part_of_kind, Some("split"));
    assert_eq!(part.measure.as_deref(), Some("victim"));
    assert_eq!(part.action.as_deref(), Some("identify"));
    assert_eq!(part.actor.as_deref(), Some("civil society"));
    assert_eq!(
        record(text, "15").restrictions,
        pairs(&[("nationality", "foreign")])
    );
}

#[test]
fn what_is_not_read_stays_unknown() {
    let text = "Some 14 hotlines operated.";
    let r = record(text, "14");
    // `hotlines` is no counted noun: no measure is guessed.
    assert_eq!(r.measure, None);
    assert_eq!(r.action, None);
    assert_eq!(r.actor, None);
    assert!(r.part_of.is_none() && r.compared_with.is_none() && r.converted.is_none());
    // A figure of a sentence that spans several periods has no period of its own.
    let spanning = record(
        "Since 2025, the government has identified 300 victims.",
        "300",
    );
    assert_eq!(spanning.period, None);
    // The earlier side of a comparison the text does not date is of the previous period (as
    // `check --previous` reads it).
    let undated = record(
        "The government identified 30 victims, compared with 20.",
        "20",
    );
    assert_eq!(undated.period.as_deref(), Some("previous reporting period"));
    // Neither a tier nor the low end of a range of durations is a counted figure.
    let texts = records("It remained on Tier 2. Courts imposed three to six years' imprisonment.");
    assert!(
        texts.iter().all(|r| r.text != "2" && r.text != "three"),
        "{texts:?}"
    );
}

#[test]
fn spans_lines_and_columns_point_at_the_figure() {
    let text = "Türkiye — the government identified\n7 victims.";
    let r = record(text, "7");
    assert_eq!(&text[r.start..r.end], "7");
    assert_eq!((r.line, r.column), (2, 1));
}

#[test]
fn a_directory_is_one_table_and_an_unreadable_input_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "The government identified 12 victims.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("b.md"), "Police arrested 3 suspects.\n").unwrap();
    let d = dir.path().to_str().unwrap();
    let (code, out, _) = run(&[d], None);
    assert_eq!(code, 0);
    let t = table(&out);
    assert_eq!(t.len(), 2);
    assert!(t[0]["path"].ends_with("a.txt") && t[1]["path"].ends_with("b.md"));

    let missing = dir.path().join("missing.txt");
    let (code, out, err) = run(&[d, missing.to_str().unwrap(), "--format", "json"], None);
    assert_eq!(code, 2);
    assert!(err.contains("missing.txt"), "{err}");
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["records"].as_array().unwrap().len(), 2);
    assert!(
        doc["errors"][0]["path"]
            .as_str()
            .unwrap()
            .ends_with("missing.txt")
    );

    // A usage error.
    assert_eq!(run(&[d, "--format", "xml"], None).0, 2);
    // Standard input, with the edition given.
    let (code, out, _) = run(
        &["-", "--edition", "2031"],
        Some("NGOs referred 9 victims.\n"),
    );
    assert_eq!(code, 0);
    let t = table(&out);
    assert_eq!(t[0]["path"], "<stdin>");
    assert_eq!(t[0]["period"], "2030-04/2031-03");
    assert_eq!(t[0]["action"], "refer");
}

#[test]
fn cells_with_commas_quotes_and_line_breaks_are_quoted() {
    let text = "The government identified \"1,204\nvictims\".";
    let (code, out, _) = run(&["-", "--stdin-filename", "a,\"b\".txt"], Some(text));
    assert_eq!(code, 0);
    let t = table(&out);
    assert_eq!(t[0]["path"], "a,\"b\".txt");
    assert_eq!(t[0]["value"], "1204");
}

/// Errors of `doc` against docs/schema/tiplint-extract.schema.json.
fn schema_errors(doc: &serde_json::Value) -> Vec<String> {
    let text = std::fs::read_to_string("docs/schema/tiplint-extract.schema.json").unwrap();
    let schema: serde_json::Value = serde_json::from_str(&text).expect("the schema is JSON");
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles");
    validator
        .iter_errors(doc)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

#[test]
fn the_json_follows_its_schema() {
    let dir = tempfile::tempdir().unwrap();
    let invented = dir.path().join("invented.txt");
    std::fs::write(
        &invented,
        "In 2029, NGOs assisted at least 40 victims, dozens of children and 12 girls. \
         Civil society identified 40 victims; 25 were Narnian and 15 were foreign nationals. \
         The government identified 31 victims (24 in 2028), compared with 20. \
         Women made up 64 percent of the victims. NGOs received 4 million som ($47,000).\n",
    )
    .unwrap();
    let missing = dir.path().join("missing.txt");
    let (code, out, _) = run(
        &[
            SAMPLE,
            invented.to_str().unwrap(),
            missing.to_str().unwrap(),
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(code, 2);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    let errors = schema_errors(&doc);
    assert!(errors.is_empty(), "not valid: {errors:#?}");
    let records = doc["records"].as_array().unwrap();
    // Every kind of field is there to be validated: nulls and values alike.
    for field in [
        "part_of",
        "compared_with",
        "converted",
        "period",
        "value",
        "unit",
    ] {
        assert!(records.iter().any(|r| r[field].is_null()), "{field}");
        assert!(records.iter().any(|r| !r[field].is_null()), "{field}");
    }
    // And the schema refuses what it must.
    let mut bad = doc.clone();
    bad["records"][0]["exactness"] = "roughly".into();
    assert!(!schema_errors(&bad).is_empty());
    let mut bad = doc;
    bad["records"][0]["part_of"] =
        serde_json::json!({"value": 1, "span": {"start": 0, "end": 1}, "line": 1, "column": 1});
    assert!(!schema_errors(&bad).is_empty());
}

#[test]
fn every_cut_of_the_sample_gives_records_inside_the_text() {
    // The sample cut off anywhere (an excerpt ending mid-sentence, mid-figure, mid-character's
    // neighbour), with CRLF line ends and non-ASCII text before it: no panic, and every span is
    // in bounds, on character boundaries, and names the text its row says.
    let sample = std::fs::read_to_string(SAMPLE).unwrap();
    let text = format!("Türkiye — “quoted” 🤝\r\n{}", sample.replace('\n', "\r\n"));
    let rules = RuleSet::default_rules();
    let mut cuts: Vec<usize> = (0..text.len()).step_by(211).collect();
    cuts.push(text.len());
    for cut in cuts {
        let cut = text.floor_char_boundary(cut);
        let part = &text[..cut];
        for r in rows(&Source::new("cut.txt", part.to_string()), &rules, None) {
            assert!(r.start < r.end && r.end <= part.len(), "{r:?}");
            assert!(part.is_char_boundary(r.start) && part.is_char_boundary(r.end));
            assert_eq!(
                tiplint::render::one_line(&part[r.start..r.end]),
                r.text.as_str()
            );
            for related in [&r.part_of, &r.compared_with, &r.converted]
                .into_iter()
                .flatten()
            {
                assert!(related.start < related.end && related.end <= part.len());
            }
        }
    }
}
