//! `tiplint diff OLD NEW`: two editions of invented chapters (Zembla, Ruritania, Freedonia),
//! compared sentence by sentence.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

const ZEMBLA_OLD: &str = "2022 Trafficking in Persons Report: Zembla\n\nZEMBLA: TIER 2\n\nThe Government of Zembla does not fully meet the minimum standards for the elimination of trafficking. The government identified 20 victims in 2021.\n\nPROSECUTION\n\nThe government investigated 12 cases and convicted four traffickers. Officials received training.\n";

const ZEMBLA_NEW: &str = "2023 Trafficking in Persons Report: Zembla\n\nZEMBLA: TIER 2\n\nThe Government of Zembla does not fully meet the minimum standards for the elimination of trafficking. The government identified 27 victims in 2021.\n\nPROSECUTION\n\nThe government investigated 12 cases and convicted four traffickers. A new anti-trafficking unit opened in the capital. Officials received training.\n";

const RURITANIA: &str = "Ruritania (Tier 3)\n\nThe Government of Ruritania does not fully meet the minimum standards for the elimination of trafficking and is not making significant efforts to do so.\n\nPROTECTION\n\nThe government identified 9 victims and referred three to a shelter.\n";

const FREEDONIA: &str = "FREEDONIA: TIER 1\n\nThe Government of Freedonia fully meets the minimum standards for the elimination of trafficking.\n\nPREVENTION\n\nThe government funded 6 awareness campaigns.\n";

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

fn diff(args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::cargo_bin("tiplint")
        .unwrap()
        .arg("diff")
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn json(args: &[&str]) -> (Option<i32>, Value) {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let (code, out, err) = diff(&all);
    (
        code,
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out} {err}")),
    )
}

fn chapter<'a>(doc: &'a Value, country: &str) -> &'a Value {
    doc["chapters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["country"] == country)
        .unwrap_or_else(|| panic!("no chapter {country}: {doc:#}"))
}

#[test]
fn a_changed_figure_is_one_changed_sentence_naming_both_figures() {
    let dir = tempfile::tempdir().unwrap();
    let old = write(dir.path(), "old.txt", ZEMBLA_OLD);
    let new = write(dir.path(), "new.txt", ZEMBLA_NEW);
    let (code, doc) = json(&[&old, &new]);
    assert_eq!(code, Some(1));
    let z = chapter(&doc, "Zembla");
    assert_eq!(z["status"], "changed");
    assert_eq!(z["old"]["edition"], 2022);
    assert_eq!(z["new"]["edition"], 2023);
    let changed: Vec<&Value> = z["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["kind"] == "changed")
        .collect();
    assert_eq!(changed.len(), 1, "{z:#}");
    let c = changed[0];
    assert_eq!(
        c["old_text"],
        "The government identified 20 victims in 2021."
    );
    assert_eq!(
        c["new_text"],
        "The government identified 27 victims in 2021."
    );
    assert_eq!(c["old_line"], 5);
    assert_eq!(c["new_line"], 5);
    // Only the figure that changed, not the year both state.
    assert_eq!(
        c["figures"],
        serde_json::json!([{"old": "20", "new": "27"}]),
        "{c:#}"
    );
    // The spans are the sentence's bytes in each file.
    let (s, e) = (
        c["new_span"]["start"].as_u64().unwrap() as usize,
        c["new_span"]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&ZEMBLA_NEW[s..e], c["new_text"].as_str().unwrap());
}

#[test]
fn an_added_sentence_is_added_with_its_line_and_nothing_else_changes() {
    let dir = tempfile::tempdir().unwrap();
    let old = write(dir.path(), "old.txt", ZEMBLA_OLD);
    let new = write(dir.path(), "new.txt", ZEMBLA_NEW);
    let (_, doc) = json(&[&old, &new]);
    let z = chapter(&doc, "Zembla");
    let added: Vec<&Value> = z["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["kind"] == "added")
        .collect();
    assert_eq!(added.len(), 1, "{z:#}");
    assert_eq!(
        added[0]["new_text"],
        "A new anti-trafficking unit opened in the capital."
    );
    assert_eq!(added[0]["new_line"], 9);
    assert_eq!(added[0]["old_text"], Value::Null);
    assert_eq!(added[0]["old_line"], Value::Null);
    // Two changes in all: the unchanged sentences (and the edition title) are not reported.
    assert_eq!(z["changes"].as_array().unwrap().len(), 2, "{z:#}");
    assert_eq!(doc["summary"]["changes"], 2);
}

#[test]
fn a_removed_sentence_is_removed() {
    let dir = tempfile::tempdir().unwrap();
    // The other way round: the new edition dropped the sentence.
    let old = write(dir.path(), "old.txt", ZEMBLA_NEW);
    let new = write(dir.path(), "new.txt", ZEMBLA_OLD);
    let (code, doc) = json(&[&old, &new]);
    assert_eq!(code, Some(1));
    let z = chapter(&doc, "Zembla");
    assert!(
        z["changes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["kind"] == "removed"
                && c["old_text"] == "A new anti-trafficking unit opened in the capital."
                && c["old_line"] == 9
                && c["new_text"] == Value::Null),
        "{z:#}"
    );
}

#[test]
fn a_chapter_removed_and_one_added_in_whole_report_files() {
    let dir = tempfile::tempdir().unwrap();
    let old = write(dir.path(), "old.txt", &format!("{ZEMBLA_OLD}\n{RURITANIA}"));
    let new = write(dir.path(), "new.txt", &format!("{ZEMBLA_OLD}\n{FREEDONIA}"));
    let (code, doc) = json(&[&old, &new]);
    assert_eq!(code, Some(1));
    assert_eq!(chapter(&doc, "Zembla")["status"], "unchanged");
    let r = chapter(&doc, "Ruritania");
    assert_eq!(r["status"], "removed");
    assert_eq!(r["new"], Value::Null);
    assert_eq!(r["old"]["path"], old.as_str());
    let f = chapter(&doc, "Freedonia");
    assert_eq!(f["status"], "added");
    assert_eq!(f["old"], Value::Null);
    let s = &doc["summary"];
    assert_eq!(
        (&s["chapters"], &s["added"], &s["removed"], &s["unchanged"]),
        (
            &Value::from(3),
            &Value::from(1),
            &Value::from(1),
            &Value::from(1)
        )
    );
}

#[test]
fn the_json_document_has_the_documented_shape() {
    let dir = tempfile::tempdir().unwrap();
    let old = write(dir.path(), "old.txt", ZEMBLA_OLD);
    let new = write(dir.path(), "new.txt", ZEMBLA_NEW);
    let (_, doc) = json(&[&old, &new]);
    let keys = |v: &Value| -> Vec<String> {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(keys(&doc), ["chapters", "summary", "version"]);
    assert_eq!(doc["version"], 1);
    assert_eq!(
        keys(&doc["summary"]),
        [
            "added",
            "changed",
            "changes",
            "chapters",
            "removed",
            "unchanged"
        ]
    );
    let c = &doc["chapters"][0];
    assert_eq!(keys(c), ["changes", "country", "new", "old", "status"]);
    assert_eq!(keys(&c["old"]), ["edition", "line", "path"]);
    for change in c["changes"].as_array().unwrap() {
        assert_eq!(
            keys(change),
            [
                "figures", "kind", "new_line", "new_span", "new_text", "old_line", "old_span",
                "old_text"
            ]
        );
        assert!(["added", "removed", "changed"].contains(&change["kind"].as_str().unwrap()));
    }
}

#[test]
fn exit_codes_are_zero_for_the_same_one_for_differences_two_for_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let old = write(dir.path(), "old.txt", ZEMBLA_OLD);
    let same = write(dir.path(), "same.txt", ZEMBLA_OLD);
    let new = write(dir.path(), "new.txt", ZEMBLA_NEW);
    let (code, out, _) = diff(&[&old, &same]);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("0 changed, 0 added, 0 removed, 1 unchanged"),
        "{out}"
    );
    assert_eq!(diff(&[&old, &new]).0, Some(1));
    let missing = dir.path().join("missing.txt").display().to_string();
    let (code, out, err) = diff(&[&missing, &new]);
    assert_eq!(code, Some(2));
    assert!(out.is_empty(), "{out}");
    assert!(err.contains("missing.txt"), "{err}");
    let binary = dir.path().join("binary.txt");
    std::fs::write(&binary, [0xff, 0xfe, 0x00, 0x41, 0xc3]).unwrap();
    assert_eq!(diff(&[&old, &binary.display().to_string()]).0, Some(2));
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let (code, _, err) = diff(&[&empty.display().to_string(), &new]);
    assert_eq!(code, Some(2));
    assert!(err.contains("no .txt or .md file"), "{err}");
}

#[test]
fn a_directory_pair_pairs_chapters_by_country_not_by_file_name() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "old/zembla.txt", ZEMBLA_OLD);
    write(dir.path(), "old/ruritania.txt", RURITANIA);
    // Renamed files, the same countries; Ruritania's tier changed.
    write(dir.path(), "new/z-2023.txt", ZEMBLA_NEW);
    write(
        dir.path(),
        "new/r-2023.txt",
        &RURITANIA.replace("(Tier 3)", "(Tier 2 Watch List)"),
    );
    let old = dir.path().join("old").display().to_string();
    let new = dir.path().join("new").display().to_string();
    let (code, doc) = json(&[&old, &new]);
    assert_eq!(code, Some(1));
    assert_eq!(doc["summary"]["chapters"], 2, "{doc:#}");
    assert_eq!(doc["summary"]["changed"], 2, "{doc:#}");
    let z = chapter(&doc, "Zembla");
    assert!(z["new"]["path"].as_str().unwrap().ends_with("z-2023.txt"));
    assert!(z["old"]["path"].as_str().unwrap().ends_with("zembla.txt"));
    let r = chapter(&doc, "Ruritania");
    let heading = &r["changes"][0];
    assert_eq!(heading["kind"], "changed", "{r:#}");
    assert_eq!(heading["old_text"], "Ruritania (Tier 3)");
    assert_eq!(heading["new_text"], "Ruritania (Tier 2 Watch List)");
}

#[test]
fn two_directories_of_excerpts_pair_files_of_the_same_name() {
    let dir = tempfile::tempdir().unwrap();
    let a = "PROTECTION\n\nThe government identified 14 victims.\n";
    let b = "PREVENTION\n\nThe government trained 30 officials.\n";
    write(dir.path(), "old/a.txt", a);
    write(dir.path(), "old/b.txt", b);
    write(dir.path(), "new/a.txt", a);
    write(dir.path(), "new/b.txt", &b.replace("30", "35"));
    let old = dir.path().join("old").display().to_string();
    let new = dir.path().join("new").display().to_string();
    let (code, doc) = json(&[&old, &new]);
    assert_eq!(code, Some(1));
    assert_eq!(doc["summary"]["unchanged"], 1, "{doc:#}");
    assert_eq!(doc["summary"]["changed"], 1, "{doc:#}");
    let changed = doc["chapters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["status"] == "changed")
        .unwrap();
    assert!(changed["new"]["path"].as_str().unwrap().ends_with("b.txt"));
    assert!(changed["old"]["path"].as_str().unwrap().ends_with("b.txt"));
    assert_eq!(
        changed["changes"][0]["figures"],
        serde_json::json!([{"old": "30", "new": "35"}])
    );
}

#[test]
fn a_sentence_split_by_a_page_break_is_the_same_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let old = write(dir.path(), "old.txt", ZEMBLA_OLD);
    let broken = ZEMBLA_OLD.replace(
        "convicted four traffickers",
        "convicted four\n\ntraffickers",
    );
    let new = write(dir.path(), "new.txt", &broken);
    let (code, out, _) = diff(&[&old, &new]);
    assert_eq!(code, Some(0), "{out}");
}

#[test]
fn text_output_lists_the_changed_figures_and_is_plain_when_not_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let old = write(dir.path(), "old.txt", ZEMBLA_OLD);
    let new = write(dir.path(), "new.txt", ZEMBLA_NEW);
    let (_, out, _) = diff(&[&old, &new]);
    assert!(!out.contains('\x1b'), "{out}");
    assert!(out.contains("Zembla (2022 → 2023)"), "{out}");
    assert!(out.contains("figures: 20 → 27"), "{out}");
    assert!(out.contains("+ new:9"), "{out}");
    // Colour on request: the changed figures are marked, on each side.
    let (_, out, _) = diff(&[&old, &new, "--color", "always"]);
    assert!(out.contains("\x1b[1;31m20\x1b[0m"), "{out}");
    assert!(out.contains("\x1b[1;32m27\x1b[0m"), "{out}");
    assert!(!out.contains("\x1b[1;31m2021"), "{out}");
}
