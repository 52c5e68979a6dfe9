//! `--format json` against its JSON Schema, docs/schema/tiplint-output.schema.json: the sample,
//! invented texts that make the figure rules fail and pass (breakdowns, percentages, trends,
//! conversions, ranges, fixes), standard input and an unreadable input.

use assert_cmd::Command;
use serde_json::{Value, json};
use std::fs;

fn validator() -> jsonschema::Validator {
    let text = fs::read_to_string("docs/schema/tiplint-output.schema.json").unwrap();
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles")
}

fn errors(doc: &Value) -> Vec<String> {
    validator()
        .iter_errors(doc)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

/// Runs `tiplint check --format json ARGS` in `dir` and returns its document, asserting it is
/// valid against the schema.
fn json_output(dir: &std::path::Path, args: &[&str], stdin: Option<&str>) -> Value {
    let mut cmd = Command::cargo_bin("tiplint").unwrap();
    cmd.current_dir(dir)
        .args(["check", "--format", "json"])
        .args(args);
    if let Some(s) = stdin {
        cmd.write_stdin(s);
    }
    let out = cmd.output().unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    let errors = errors(&doc);
    assert!(errors.is_empty(), "output not valid: {errors:#?}\n{doc:#}");
    doc
}

/// Invented text: a breakdown that does not add up, a percentage of a whole, a trend, two
/// conversions of one currency, a range, a repeated word (a fix).
const FIGURES: &str = "NGOs identified 40 victims – 12 sex trafficking victims, 25 forced labor victims, and one boy exploited in begging. \
The government investigated 30 cases, compared with 20 cases in the previous reporting period. \
Of the 50 victims identified, 10 (20 percent) were children. \
The government allocated 4,000,000 lari ($1,500,000) to shelters and 2,000,000 lari ($750,000) to hotlines. \
Courts sentenced traffickers to between three and eight years' imprisonment. \
Authorities identified the the victims in May 2022.\n";

#[test]
fn the_sample_is_valid() {
    let doc = json_output(
        std::path::Path::new("."),
        &["samples/kyrgyz-republic-2023.txt"],
        None,
    );
    assert!(!doc["files"][0]["checks"].as_array().unwrap().is_empty());
    assert!(!doc["files"][0]["chapters"].as_array().unwrap().is_empty());
}

#[test]
fn findings_checks_and_fixes_are_valid() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("figures.txt"), FIGURES).unwrap();
    let doc = json_output(dir.path(), &["figures.txt", "--edition", "2023"], None);
    let file = &doc["files"][0];
    let diagnostics = file["diagnostics"].as_array().unwrap();
    let sum = diagnostics
        .iter()
        .find(|d| d["rule"] == "sum-mismatch")
        .expect("the breakdown is flagged");
    assert_eq!(sum["severity"], "error");
    assert!(!sum["labels"].as_array().unwrap().is_empty());
    assert!(
        diagnostics.iter().any(|d| d["fix"].is_object()),
        "the repeated word has a fix: {diagnostics:#?}"
    );
    let checks = file["checks"].as_array().unwrap();
    assert!(checks.iter().any(|c| c["ok"] == false));
    assert!(checks.iter().any(|c| c["ok"] == true));
}

#[test]
fn standard_input_and_an_unreadable_input_are_valid() {
    let dir = tempfile::tempdir().unwrap();
    let doc = json_output(dir.path(), &["-", "missing.txt"], Some(FIGURES));
    let files = doc["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    assert!(files[0].get("error").is_none());
    assert!(files[1]["error"].is_string());
    assert_eq!(doc["summary"]["unreadable"], 1);
}

#[test]
fn the_schema_refuses_what_the_contract_forbids() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("figures.txt"), FIGURES).unwrap();
    let good = json_output(dir.path(), &["figures.txt"], None);
    let broken = |f: &dyn Fn(&mut Value)| {
        let mut doc = good.clone();
        f(&mut doc);
        !errors(&doc).is_empty()
    };
    assert!(broken(&|d| d["version"] = json!(2)));
    assert!(broken(
        &|d| d["files"][0]["diagnostics"][0]["severity"] = json!("fatal")
    ));
    assert!(broken(
        &|d| d["files"][0]["diagnostics"][0]["line"] = json!(0)
    ));
    assert!(broken(&|d| {
        d["files"][0]["diagnostics"][0]
            .as_object_mut()
            .unwrap()
            .remove("fix");
    }));
    assert!(broken(
        &|d| d["files"][0]["checks"][0]["values"]["tota"] = json!(1)
    ));
    assert!(broken(&|d| d["files"][0]["error"] = json!("cannot read")));
    assert!(broken(&|d| {
        d["summary"].as_object_mut().unwrap().remove("unreadable");
    }));
}

/// The configuration schema, docs/schema/tiplint-config.schema.json, and the TOML `text` as JSON.
fn config_errors(text: &str) -> Vec<String> {
    let schema: Value = serde_json::from_str(
        &fs::read_to_string("docs/schema/tiplint-config.schema.json").unwrap(),
    )
    .expect("the schema is JSON");
    let validator = jsonschema::options()
        .build(&schema)
        .expect("the schema compiles");
    let config: toml::Table = toml::from_str(text).expect("TOML");
    let config = serde_json::to_value(config).unwrap();
    validator
        .iter_errors(&config)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

/// Whether tiplint accepts `text` as its configuration (exit code other than 2).
fn tiplint_accepts(text: &str) -> bool {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("tiplint.toml"), text).unwrap();
    fs::copy(
        "tests/fixtures/clean-chapter.txt",
        dir.path().join("chapter.txt"),
    )
    .unwrap();
    let out = Command::cargo_bin("tiplint")
        .unwrap()
        .current_dir(dir.path())
        .args(["check", "--fail-on", "never", "chapter.txt"])
        .output()
        .unwrap();
    out.status.code() != Some(2)
}

#[test]
fn the_readme_configuration_is_valid() {
    let readme = fs::read_to_string("README.md").unwrap();
    let start = readme
        .find("```toml\nedition")
        .expect("README's tiplint.toml")
        + 8;
    let example = &readme[start..start + readme[start..].find("```").unwrap()];
    let errors = config_errors(example);
    assert!(errors.is_empty(), "{errors:#?}");
    // tiplint reads it too (without the rule file it names, which is not here).
    let without_rule_files: String = example
        .lines()
        .filter(|l| !l.starts_with("rule_files"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert!(tiplint_accepts(&without_rule_files));
}

#[test]
fn tiplint_and_the_configuration_schema_agree() {
    let accepted = [
        "",
        "edition = 2023\nselect = [\"TL1\", \"ALL\"]\nignore = [\"excerpt\"]\n",
        "extend_exclude = [\"docs\"]\n[per_file_ignores]\n\"!chapters/**\" = [\"TL201\"]\n",
        "exclude = []\n[severity]\nTL101 = \"warning\"\n",
        "[tolerances]\nTL101 = 2\nsplit-mismatch = 0\nrate-mismatch = 1.5\n",
        "[tolerances]\nrate-mismatch = 1\n",
    ];
    for text in accepted {
        assert!(tiplint_accepts(text), "tiplint refuses {text:?}");
        let errors = config_errors(text);
        assert!(
            errors.is_empty(),
            "the schema refuses {text:?}: {errors:#?}"
        );
    }
    let refused = [
        "selct = []\n",
        "edition = 1800\n",
        "edition = \"2023\"\n",
        "select = \"sum-mismatch\"\n",
        "[severity]\nsum-mismatch = \"fatal\"\n",
        "[tolerances]\nsum-mismatch = -1\n",
        "[tolerances]\nsum-mismatch = 1.5\n",
        "[tolerances]\nrate-mismatch = 100\n",
        "[tolerances]\nduplicate-sentence = 1\n",
        "[per-file-ignores]\n\"*.md\" = \"excerpt\"\n",
    ];
    for text in refused {
        assert!(!tiplint_accepts(text), "tiplint accepts {text:?}");
        assert!(
            !config_errors(text).is_empty(),
            "the schema accepts {text:?}"
        );
    }
}
