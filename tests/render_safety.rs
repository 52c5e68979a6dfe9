//! Every output format survives any text: spans inside characters, labels far apart on one very
//! long line, and control characters that would command the terminal.

use assert_cmd::Command;
use tiplint::rules::{RuleSet, Selection, check_source};
use tiplint::source::Source;

const FORMATS: [&str; 6] = ["json", "github", "sarif", "short", "human", "html"];

fn tiplint() -> Command {
    Command::cargo_bin("tiplint").unwrap()
}

/// Check `text` (read from stdin) in `format`; the exit code must be 0 or 1, never a panic's
/// 101. Returns what was printed.
fn run(format: &str, text: &str) -> String {
    let out = tiplint()
        .args([
            "check",
            "--format",
            format,
            "--stdin-filename",
            "t.txt",
            "-",
        ])
        .write_stdin(text.to_string())
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{format}: exit {:?}\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("the output is UTF-8")
}

/// A recommendation whose first word has a bullet and a curly quote glued to it.
const GLUED_RECOMMENDATION: &str = "Kyrgyz Republic (Tier 2)\n\nPRIORITIZED RECOMMENDATIONS:\n\n* \u{201c}y invease support for victims.\n";

#[test]
fn a_recommendation_with_a_glued_quote_renders_in_every_format() {
    for format in FORMATS {
        let out = run(format, GLUED_RECOMMENDATION);
        if format != "sarif" {
            assert!(out.contains("(`y`)"), "{format}: {out}");
        }
    }
}

#[test]
fn the_recommendation_span_is_the_word_itself() {
    let rules = RuleSet::default_rules();
    let sel = Selection::resolve(&rules, &["recommendation-form".into()], &[]).unwrap();
    for (text, word) in [
        (GLUED_RECOMMENDATION, "y"),
        (
            "Kyrgyz Republic (Tier 2)\n\nPRIORITIZED RECOMMENDATIONS:\n\n\u{2022}\u{201c}Training of officials.\u{201d}\n",
            "Training",
        ),
    ] {
        let src = Source::new("t.txt", text.to_string());
        let r = check_source(&src, &rules, &sel);
        let spans: Vec<&str> = r
            .diagnostics
            .iter()
            .filter(|d| d.message.contains("imperative"))
            .flat_map(|d| std::iter::once(d.span).chain(d.labels.iter().map(|l| l.span)))
            .map(|s| src.slice(s))
            .collect();
        assert_eq!(spans, [word, word], "{text:?}");
    }
}

#[test]
fn human_renders_a_label_that_ends_in_a_multibyte_character() {
    let out = run(
        "human",
        "Kyrgyz Republic (Tier 2)\n\nPROSECUTION\n\nThe café café closed.\n",
    );
    assert!(out.contains("`café` is repeated"), "{out}");
    assert!(out.contains(" 5 │ The café café closed.\n"), "{out}");
    assert!(out.contains("╰── the second time"), "{out}");
}

/// A chapter whose one paragraph says the same sentence twice, `gap` characters apart.
fn repeated_far_apart(gap: usize) -> String {
    let s = "The government convicted seven traffickers under the new law.";
    let filler = "The officials met. ".repeat(gap / 19);
    format!("Kyrgyz Republic (Tier 2)\n\nPROSECUTION\n\n{s} {filler}{s}\n")
}

#[test]
fn human_renders_labels_far_apart_on_one_long_line() {
    let text = repeated_far_apart(70_000);
    let second = text.rfind("The government").unwrap() + 1 - text.find("The government").unwrap();
    let out = run("human", &text);
    assert!(out.contains("this sentence appears twice"), "{out}");
    // The two labels drawn under a window around each, without the 70,000 characters between
    // them; the line's place is the first label's.
    assert!(out.contains("[t.txt:5:1]"), "{out}");
    assert!(out.contains(" … "), "{out}");
    assert!(out.contains("╰── first here"), "{out}");
    assert!(out.contains("╰── again here"), "{out}");
    assert!(out.len() < 6_000, "{} bytes", out.len());
    assert!(second > 70_000);
    // Close together, the same finding is drawn under the text as before.
    let out = run("human", &repeated_far_apart(100));
    assert!(out.contains("╰── first here"), "{out}");
    assert!(out.contains("╰── again here"), "{out}");
}

#[test]
fn human_draws_a_single_label_far_along_a_long_line_under_the_text() {
    let filler = "The officials met. ".repeat(4_000);
    let text = format!(
        "Kyrgyz Republic (Tier 2)\n\nPROSECUTION\n\n{filler}The officials met the the victims.\n"
    );
    let out = run("human", &text);
    assert!(out.contains("`the` is repeated"), "{out}");
    assert!(out.contains("╰── the second time"), "{out}");
}

/// A recommendation whose first word holds a terminal escape (clear the screen), a bell, a C1
/// control (CSI) and a right-to-left override; the same in the text the snippet shows.
const CONTROLS: &str = "Kyrgyz Republic (Tier 2)\n\nPRIORITIZED RECOMMENDATIONS:\n\n* y\u{1b}[2J\u{7}x\u{9b}31m\u{202e}invease support for victims.\n";

fn without_controls(format: &str, out: &str) {
    for c in ['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}', '\r'] {
        assert!(
            !out.contains(c),
            "{format}: {c:?} reached the output:\n{out}"
        );
    }
}

#[test]
fn text_formats_show_control_characters_instead_of_passing_them_on() {
    for format in ["human", "short", "github", "html"] {
        let out = run(format, CONTROLS);
        without_controls(format, &out);
        // Shown as their pictures (one character each, so columns stay right).
        assert!(
            out.contains("y␛[2J␇x\u{fffd}31m\u{fffd}invease"),
            "{format}: {out}"
        );
    }
    // JSON and SARIF escape them.
    for format in ["json", "sarif"] {
        let out = run(format, CONTROLS);
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{7}'),
            "{format}"
        );
    }
}

#[test]
fn github_still_escapes_its_own_characters() {
    let out = run(
        "github",
        "Kyrgyz Republic (Tier 2)\n\nPRIORITIZED RECOMMENDATIONS:\n\n* y\u{1b}%x invease support.\n",
    );
    without_controls("github", &out);
    assert!(out.contains("(`y␛%25x`)"), "{out}");
}

#[test]
fn a_page_break_after_a_wide_space_names_the_words_around_it() {
    // The last space before the break is a no-break space (two bytes), then a line separator
    // (three).
    for space in ['\u{a0}', '\u{2028}'] {
        let text = format!(
            "Kyrgyz Republic (Tier 2)\n\nPROSECUTION\n\nThe government identified victims{space}of\n\ntrafficking in 2022.\n"
        );
        for format in FORMATS {
            let out = run(format, &text);
            if format != "sarif" {
                assert!(
                    out.contains("between `of` and `trafficking`"),
                    "{format}: {out}"
                );
            }
        }
    }
}

#[test]
fn human_numbers_the_lines_of_a_file_with_lone_carriage_returns_as_short_does() {
    let text = "Narnia (Tier 2)\r\rThe café café closed.\r";
    let short = run("short", text);
    assert!(
        short.contains("t.txt:3:5: warning: `café` is repeated"),
        "{short}"
    );
    let human = run("human", text);
    // The snippet starts at the label on the second `café`, on line 3 as well.
    assert!(human.contains("[t.txt:3:10]"), "{human}");
    assert!(
        !human.contains('\u{240d}'),
        "a lone CR is a line end, not a picture: {human}"
    );
}

#[test]
fn standard_error_shows_control_characters_of_a_name_instead_of_passing_them_on() {
    let out = tiplint()
        .args(["check", "no-such-\u{1b}[2J-file.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("no-such-\u{241b}[2J-file.txt"), "{err}");
    assert!(!err.contains('\u{1b}'), "{err}");
}
