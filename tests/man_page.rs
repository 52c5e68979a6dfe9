//! `tiplint man [COMMAND]`: the manual pages (clap_mangen), from the command line's definition.

use assert_cmd::Command;
use std::fs;

fn tiplint() -> Command {
    Command::cargo_bin("tiplint").unwrap()
}

fn page(args: &[&str]) -> String {
    let out = tiplint().arg("man").args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_main_page_lists_every_subcommand_and_the_exit_codes() {
    let roff = page(&[]);
    assert!(roff.contains(".TH tiplint 1"), "{roff}");
    assert!(roff.contains(&format!("tiplint {}", env!("CARGO_PKG_VERSION"))));
    for sub in ["check", "parse", "rules", "explain", "completions", "man"] {
        assert!(roff.contains(&format!("tiplint\\-{sub}(1)")), "no {sub}");
    }
    assert!(roff.contains(".SH \"EXIT STATUS\""));
    for code in ["0", "1", "2"] {
        assert!(roff.contains(&format!(".TP\n{code}\n")), "exit code {code}");
    }
}

#[test]
fn a_subcommand_has_its_own_page_with_its_options() {
    let roff = page(&["check"]);
    assert!(roff.contains(".TH tiplint-check 1"), "{roff}");
    // Every option of `check`, the newest included; roff escapes the hyphens.
    for option in [
        "format",
        "fail-on",
        "extend-select",
        "output-file",
        "statistics",
        "unsafe-fixes",
    ] {
        let escaped = format!("\\-\\-{}", option.replace('-', "\\-"));
        assert!(roff.contains(&escaped), "no --{option}");
    }
    assert!(roff.contains(".SH \"EXIT STATUS\""));
}

#[test]
fn an_unknown_subcommand_is_a_usage_error_naming_the_known_ones() {
    let out = tiplint().args(["man", "chek"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("chek") && stderr.contains("check"),
        "{stderr}"
    );
}

#[test]
fn a_broken_configuration_does_not_stop_it() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("tiplint.toml"), "nonsense = 1\n").unwrap();
    tiplint()
        .current_dir(dir.path())
        .arg("man")
        .assert()
        .code(0);
}
