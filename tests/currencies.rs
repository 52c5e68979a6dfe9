//! Currencies as the rate rule reads them: every ISO 4217 currency by its code, symbol or name,
//! shared names resolved by the chapter's country, and conversions of different currencies
//! never compared (fixture: tests/texts/currencies-moldova.txt, made up).

use assert_cmd::Command;
use serde_json::Value;

const MOLDOVA: &str = include_str!("texts/currencies-moldova.txt");

/// `check --select rate-mismatch` on `text`: the exit code, the short output, and the rate
/// checks of the JSON output as (currency, number of rates, ok).
fn rates(text: &str) -> (Option<i32>, String, Vec<(String, usize, bool)>) {
    let run = |format: &str| {
        Command::cargo_bin("tiplint")
            .unwrap()
            .args([
                "check",
                "--format",
                format,
                "--select",
                "rate-mismatch",
                "-",
            ])
            .write_stdin(text.to_string())
            .output()
            .unwrap()
    };
    let short = run("short");
    let json: Value = serde_json::from_slice(&run("json").stdout).unwrap();
    let checks = json["files"][0]["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["rule"] == "rate-mismatch")
        .map(|c| {
            (
                c["values"]["currency"].as_str().unwrap().to_string(),
                c["values"]["rates"].as_array().unwrap().len(),
                c["ok"].as_bool().unwrap(),
            )
        })
        .collect();
    (
        short.status.code(),
        String::from_utf8(short.stdout).unwrap(),
        checks,
    )
}

#[test]
fn lei_moldovan_lei_and_mdl_are_one_currency_and_other_currencies_stay_apart() {
    let (code, out, checks) = rates(MOLDOVA);
    assert_eq!(code, Some(0), "{out}");
    assert_eq!(checks, [("MDL".to_string(), 3, true)]);
    // One conversion that disagrees is flagged.
    let (code, out, checks) = rates(&MOLDOVA.replace("($14,150)", "($15,150)"));
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("error: conversions of MDL imply different exchange rates"),
        "{out}"
    );
    assert_eq!(checks, [("MDL".to_string(), 3, false)]);
}

#[test]
fn chilean_and_philippine_pesos_in_one_chapter_are_never_compared() {
    let text = "Chile (Tier 1)\n\nThe ministry gave 133 million Chilean pesos ($200,000) to shelters and 66.5 million Chilean pesos ($100,000) to NGOs. The Philippine embassy gave 1,000,000 Philippine pesos ($20,000) and 500,000 Philippine pesos ($10,000) to victims.\n";
    let (code, out, checks) = rates(text);
    assert_eq!(code, Some(0), "{out}");
    assert_eq!(
        checks,
        [("CLP".to_string(), 2, true), ("PHP".to_string(), 2, true)]
    );
}

#[test]
fn a_bare_peso_is_the_chapter_countrys_and_without_a_heading_only_an_info() {
    // In a Philippines chapter, `pesos` are Philippine pesos.
    let text = "Philippines (Tier 2)\n\nThe agency spent 18.6 million pesos ($373,000) on shelters and 1,000,000 Philippine pesos ($20,060) on training.\n";
    let (code, out, checks) = rates(text);
    assert_eq!(
        (code, checks),
        (Some(0), vec![("PHP".to_string(), 2, true)]),
        "{out}"
    );
    // Without a heading, which peso is not said: compared with the same name only, and a
    // disagreement is an info.
    let excerpt =
        "It paid 1,000,000 pesos ($20,000) to NGOs and 1,000,000 pesos ($52,000) to shelters.\n";
    let (code, out, checks) = rates(excerpt);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("info: conversions of peso (which country's is not said)"),
        "{out}"
    );
    assert_eq!(checks, [("?peso".to_string(), 2, false)]);
    // Under a Mexican heading the same disagreement is an error.
    let (code, out, _) = rates(&format!("Mexico (Tier 2)\n\n{excerpt}"));
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("error: conversions of MXN"), "{out}");
}

#[test]
fn symbols_codes_and_names_of_one_currency_are_compared_together() {
    // `S$` and `Singapore dollars` are the Singapore dollar; `$` alone stays the U.S. dollar.
    let text = "Singapore (Tier 1)\n\nThe government paid 5,000 Singapore dollars ($3,700) and S$1,350 ($1,000) to NGOs, and $2,000 to the hotline.\n";
    let (_, out, checks) = rates(text);
    assert_eq!(checks, [("SGD".to_string(), 2, true)], "{out}");
    // `cedis`, `GHS` and `GH₵` are the Ghanaian cedi.
    let text = "Ghana (Tier 2)\n\nThe government gave 500 cedis ($86) to NGOs, GHS 1,000 ($172) to the hotline and GH₵200 ($34) to victims.\n";
    let (_, out, checks) = rates(text);
    assert_eq!(checks, [("GHS".to_string(), 3, true)], "{out}");
}
