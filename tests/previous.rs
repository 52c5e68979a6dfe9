//! `check --previous`: a chapter related to earlier editions of the same (invented) country.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

const Y2021: &str = "2021 Trafficking in Persons Report: Ruritania\n\nRURITANIA: TIER 2 WATCH LIST\n\nThe Government of Ruritania does not fully meet the minimum standards for the elimination of trafficking but is making significant efforts to do so; therefore Ruritania remained on Tier 2 Watch List.\n\nPROTECTION\n\nThe government identified 31 trafficking victims. Police referred 14 victims to shelters. The government allocated 90,000 euros ($99,000) to shelters.\n";

const Y2022: &str = "2022 Trafficking in Persons Report: Ruritania\n\nRuritania (Tier 2)\n\nThe Government of Ruritania does not fully meet the minimum standards for the elimination of trafficking but is making significant efforts to do so; therefore Ruritania was upgraded to Tier 2.\n\nPROTECTION\n\nThe government identified 40 trafficking victims, compared with 31 in 2020. The government allocated 95,000 euros ($104,500) to shelters, compared with 90,000 euros ($99,000) in 2020.\n";

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

fn run(args: &[&str]) -> Value {
    let out = Command::cargo_bin("tiplint")
        .unwrap()
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    assert!(matches!(out.status.code(), Some(0 | 1)), "{out:?}");
    serde_json::from_slice(&out.stdout).unwrap()
}

fn of_rule<'a>(doc: &'a Value, key: &str, rule: &str) -> Vec<&'a Value> {
    doc["files"][0][key]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["rule"] == rule)
        .collect()
}

#[test]
fn a_restated_figure_that_matches_the_earlier_edition_passes_as_a_check() {
    let dir = tempfile::tempdir().unwrap();
    let old = write(dir.path(), "r2021.txt", Y2021);
    let new = write(dir.path(), "r2022.txt", Y2022);
    let doc = run(&["--previous", &old, &new]);
    let checks = of_rule(&doc, "checks", "prior-year-mismatch");
    assert!(
        checks.iter().any(|c| c["ok"] == true
            && c["values"]["current"] == 31
            && c["values"]["previous"] == 31),
        "{checks:#?}"
    );
    // The local amount, not the dollars converted again.
    assert!(
        checks
            .iter()
            .any(|c| c["ok"] == true && c["values"]["current"] == 90000),
        "{checks:#?}"
    );
    assert!(of_rule(&doc, "diagnostics", "prior-year-mismatch").is_empty());
    // Upgraded from Tier 2 Watch List to Tier 2: the right way.
    assert!(of_rule(&doc, "diagnostics", "tier-mismatch").is_empty());
}

#[test]
fn a_changed_figure_fails_with_both_spans_the_earlier_in_its_own_file() {
    let dir = tempfile::tempdir().unwrap();
    let old = write(dir.path(), "r2021.txt", Y2021);
    let new = write(
        dir.path(),
        "r2022.txt",
        &Y2022.replace("compared with 31 in 2020", "compared with 33 in 2020"),
    );
    let doc = run(&["--previous", &old, &new]);
    let found = of_rule(&doc, "diagnostics", "prior-year-mismatch");
    assert_eq!(found.len(), 1, "{found:#?}");
    let d = found[0];
    assert_eq!(d["severity"], "error");
    let labels = d["labels"].as_array().unwrap();
    let earlier = labels.iter().find(|l| l.get("path").is_some()).unwrap();
    assert_eq!(earlier["path"], old.as_str());
    let at = earlier["span"]["start"].as_u64().unwrap() as usize;
    assert!(Y2021[at..].starts_with("31"));
    assert!(labels.iter().any(|l| l.get("path").is_none()));
    // SARIF: the earlier figure is a related location in its own file.
    let out = Command::cargo_bin("tiplint")
        .unwrap()
        .args(["check", "--format", "sarif", "--previous", &old, &new])
        .output()
        .unwrap();
    let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
    let result = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "prior-year-mismatch")
        .unwrap();
    let uris: Vec<String> = result["relatedLocations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["physicalLocation"]["artifactLocation"]["uri"].to_string())
        .collect();
    assert!(uris.iter().any(|u| u.contains("r2021.txt")), "{uris:?}");
}

#[test]
fn a_figure_the_text_says_was_updated_is_an_info() {
    let dir = tempfile::tempdir().unwrap();
    let old = write(dir.path(), "r2021.txt", Y2021);
    let new = write(
        dir.path(),
        "r2022.txt",
        &Y2022.replace(
            "The government identified 40 trafficking victims, compared with 31 in 2020.",
            "Using updated data, the government identified 40 trafficking victims, compared with 33 in 2020.",
        ),
    );
    let doc = run(&["--previous", &old, &new]);
    let found = of_rule(&doc, "diagnostics", "prior-year-mismatch");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0]["severity"], "info");
}

#[test]
fn three_editions_a_figure_restated_two_editions_later() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "r2021.txt", Y2021);
    let b = write(dir.path(), "r2022.txt", Y2022);
    let c = write(
        dir.path(),
        "r2023.txt",
        "2023 Trafficking in Persons Report: Ruritania\n\nRuritania (Tier 2)\n\nThe Government of Ruritania does not fully meet the minimum standards for the elimination of trafficking but is making significant efforts to do so; therefore Ruritania remained on Tier 2.\n\nPROTECTION\n\nThe government identified 52 trafficking victims, compared with 40 in 2021 and 35 in 2020.\n",
    );
    let doc = run(&["--previous", &a, "--previous", &b, &c]);
    let checks = of_rule(&doc, "checks", "prior-year-mismatch");
    assert!(
        checks
            .iter()
            .any(|k| k["ok"] == true && k["values"]["previous"] == 40),
        "{checks:#?}"
    );
    let found = of_rule(&doc, "diagnostics", "prior-year-mismatch");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0]["message"].as_str().unwrap().contains("35"),
        "{found:#?}"
    );
}

#[test]
fn tier_wording_is_checked_against_the_edition_before() {
    let dir = tempfile::tempdir().unwrap();
    let old = write(dir.path(), "r2021.txt", Y2021);
    for (wording, flagged) in [
        ("was upgraded to Tier 2", false),
        ("remained on Tier 2", true),
        ("was downgraded to Tier 2", true),
    ] {
        let new = write(
            dir.path(),
            "r2022.txt",
            &Y2022.replace("was upgraded to Tier 2", wording),
        );
        let doc = run(&["--previous", &old, &new]);
        let found = of_rule(&doc, "diagnostics", "tier-mismatch");
        assert_eq!(!found.is_empty(), flagged, "{wording}: {found:#?}");
        if flagged {
            assert!(
                found[0]["labels"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|l| l["path"] == old.as_str())
            );
        }
    }
}

#[test]
fn chapters_are_paired_by_normalised_country_name() {
    let dir = tempfile::tempdir().unwrap();
    // Two chapters in the earlier file; the later names the country another way.
    let old = write(
        dir.path(),
        "r2021.txt",
        &format!(
            "{}\n\nTHE GAMBIA: TIER 2\n\nPROTECTION\n\nThe government identified 12 trafficking victims.\n",
            Y2021
        ),
    );
    let new = write(
        dir.path(),
        "g2022.txt",
        "2022 Trafficking in Persons Report: Gambia\n\nGambia, The (Tier 2)\n\nPROTECTION\n\nThe government identified 15 trafficking victims, compared with 12 in 2020.\n",
    );
    let doc = run(&["--previous", &old, &new]);
    let checks = of_rule(&doc, "checks", "prior-year-mismatch");
    assert!(
        checks
            .iter()
            .any(|k| k["ok"] == true && k["values"]["previous"] == 12),
        "{checks:#?}"
    );
    assert!(of_rule(&doc, "diagnostics", "prior-year-mismatch").is_empty());
}

#[test]
fn an_unreadable_earlier_edition_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let new = write(dir.path(), "r2022.txt", Y2022);
    let missing = dir.path().join("none.txt").display().to_string();
    Command::cargo_bin("tiplint")
        .unwrap()
        .args(["check", "--previous", &missing, &new])
        .assert()
        .code(2);
}

#[test]
fn a_copied_sentence_with_figures_is_flagged_one_without_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let old = write(dir.path(), "r2021.txt", Y2021);
    let new = write(
        dir.path(),
        "r2022.txt",
        &Y2022.replace(
            "PROTECTION\n\n",
            "PROTECTION\n\nPolice referred 14 victims to shelters. The Government of Ruritania does not fully meet the minimum standards for the elimination of trafficking but is making significant efforts to do so; therefore Ruritania was upgraded to Tier 2.\n\n",
        ),
    );
    let doc = run(&["--previous", &old, &new]);
    let found = of_rule(&doc, "diagnostics", "stale-copy");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0]["message"]
            .as_str()
            .unwrap()
            .contains("2021 edition")
    );
    assert_eq!(found[0]["labels"][0]["path"], old.as_str());
}

#[test]
fn the_parts_of_a_breakdown_by_class_are_dated_by_the_year_closing_their_group() {
    let dir = tempfile::tempdir().unwrap();
    let old = write(
        dir.path(),
        "r2021.txt",
        "2021 Trafficking in Persons Report: Ruritania\n\nPROTECTION\n\nThe government identified 40 potential trafficking victims. Of these, 25 were adults and 15 were children.\n",
    );
    // `minors` is the class `children` named in other words; the whole states two statuses.
    let new = write(
        dir.path(),
        "r2022.txt",
        "2022 Trafficking in Persons Report: Ruritania\n\nPROTECTION\n\nThe government identified 52 official and potential victims (40 in 2020). Of these, 30 were adults and 22 were minors (25 adults and 16 children in 2020).\n",
    );
    let doc = run(&["--previous", &old, &new]);
    let checks = of_rule(&doc, "checks", "prior-year-mismatch");
    assert!(
        checks.iter().any(|c| c["ok"] == true
            && c["values"]["current"] == 25
            && c["values"]["previous"] == 25),
        "{checks:#?}"
    );
    let found = of_rule(&doc, "diagnostics", "prior-year-mismatch");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0]["severity"], "error");
    assert!(
        found[0]["message"]
            .as_str()
            .unwrap()
            .contains("gives 16 for 2020, but the 2021 edition gave 15"),
        "{found:#?}"
    );
}
