//! `check --format html`: the page itself, without a browser (tests/html_browser.rs opens it in
//! one). Every text is escaped, the checked figures are marked with their verdict, each failed
//! figure links to its check's arithmetic, the summary counts each chapter, and the page loads
//! nothing.

use assert_cmd::Command;
use regex::Regex;

fn tiplint() -> Command {
    Command::cargo_bin("tiplint").unwrap()
}

/// The page for `text` read from standard input as `name`, and the exit code.
fn page_named(name: &str, text: &str) -> (String, i32) {
    let out = tiplint()
        .args(["check", "--format", "html", "--stdin-filename", name, "-"])
        .write_stdin(text.to_string())
        .output()
        .unwrap();
    let code = out.status.code().expect("an exit code");
    assert!(
        matches!(code, 0 | 1),
        "exit {code}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (String::from_utf8(out.stdout).expect("UTF-8"), code)
}

fn page(text: &str) -> String {
    page_named("t.txt", text).0
}

/// An invented chapter: a sum that does not hold (12 + 10 + 6 is not 30), one that does (12 + 8
/// = 20), a sentence with figures no check reads, and markup in the text.
const SUM_ERROR: &str = include_str!("texts/html-sum-error.txt");

/// The text of an element's content: tags dropped, the page's escapes read back.
fn text_of(html: &str) -> String {
    let tags = Regex::new(r"<[^>]*>").unwrap();
    tags.replace_all(html, "")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// The main part of the page (after the summary and legend, whose examples are marks too).
fn main_part(page: &str) -> &str {
    let start = page.find("<main>").expect("a <main>");
    &page[start..]
}

/// Each figure mark of `verdict` (`held` or `failed`) in the text: its link target and text.
fn marks(page: &str, verdict: &str) -> Vec<(String, String)> {
    let mark = Regex::new(&format!(
        r#"<a class="fig {verdict}" href="\#([^"]+)"[^>]*>(.*?)<span class="sr">"#
    ))
    .unwrap();
    mark.captures_iter(main_part(page))
        .map(|c| (c[1].to_string(), text_of(&c[2])))
        .collect()
}

#[test]
fn the_failed_sum_marks_its_figures_and_links_them_to_its_arithmetic() {
    let (page, code) = page_named("narnia.txt", SUM_ERROR);
    assert_eq!(code, 1, "a sum error is an error");
    let failed = marks(&page, "failed");
    let texts: Vec<&str> = failed.iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(texts, ["30", "12", "10", "six"], "{page}");
    // Every failed figure opens the same check: its `<details>` holds the arithmetic and lists
    // the figures it used, each linking back to its mark.
    let target = &failed[0].0;
    assert!(failed.iter().all(|(t, _)| t == target));
    let details = Regex::new(&format!(
        r#"(?s)<details class="check failed"><summary>.*?</summary><div class="why" id="{target}">(.*?)</div></details>"#
    ))
    .unwrap();
    let why = &details.captures(&page).expect("the failed check's details")[1];
    let why = text_of(why);
    assert!(
        why.contains("Arithmetic: 12 + 10 + 6 = 28, not 30"),
        "{why}"
    );
    assert!(why.contains("total30"), "the values: {why}");
    assert!(why.contains("parts12, 10, 6"), "the values: {why}");
    for figure in ["“30” line 9", "“12” line 9", "“10” line 9", "“six” line 9"] {
        assert!(why.contains(figure), "{figure}: {why}");
    }
    assert!(
        why.contains("Finding 1: the parts add up to 28, but the total says 30"),
        "{why}"
    );
    // The marks say their verdict in words too, for screen readers.
    let words =
        Regex::new(r#"<a class="fig failed"[^>]*>.*?<span class="sr">([^<]*)</span></a>"#).unwrap();
    let said: Vec<&str> = words
        .captures_iter(main_part(&page))
        .map(|c| c.get(1).unwrap().as_str())
        .collect();
    assert_eq!(said, [" (figure in a failed check)"; 4]);
}

#[test]
fn figures_of_checks_that_held_are_marked_held() {
    let page = page(SUM_ERROR);
    let held: Vec<String> = marks(&page, "held").into_iter().map(|(_, t)| t).collect();
    for figure in ["14", "nine", "20", "12", "eight"] {
        assert!(held.iter().any(|h| h == figure), "{figure}: {held:?}");
    }
    // The 12 women of the sum that failed is marked failed, the 12 of the one that held, held.
    assert_eq!(held.iter().filter(|h| *h == "12").count(), 1);
}

#[test]
fn the_summary_counts_each_chapter() {
    let page = page(SUM_ERROR);
    let row =
        Regex::new(r#"(?s)<tr class="has-failed"><th scope="row">(.*?)</th>(.*?)</tr>"#).unwrap();
    let c = row.captures(&page).expect("the chapter's row");
    assert_eq!(text_of(&c[1]), "Narnia (Tier 2)");
    let cells: Vec<String> = Regex::new(r"<td>(.*?)</td>")
        .unwrap()
        .captures_iter(&c[2])
        .map(|c| text_of(&c[1]))
        .collect();
    assert_eq!(cells[0], "3", "checks held: {cells:?}");
    assert_eq!(cells[1], "✗ 1", "checks failed: {cells:?}");
    assert_eq!(cells[2], "1 error, 0 warnings, 0 infos");
    assert_eq!(cells[3], "3 of 4 sentences with figures read");
    // The whole run's summary, as the other formats say it.
    assert!(page.contains("<li>1 file, 1 chapter: 1 error, 0 warnings, 0 infos</li>"));
}

#[test]
fn the_unread_sentence_is_marked_and_tagged() {
    let page = page(SUM_ERROR);
    let unread =
        Regex::new(r#"<span class="unread">([^<]*)</span><span class="unread-tag">"#).unwrap();
    let marked: Vec<&str> = unread
        .captures_iter(main_part(&page))
        .map(|c| c.get(1).unwrap().as_str())
        .collect();
    assert_eq!(
        marked,
        ["Police identified 25 victims in the north and 17 victims in the south."]
    );
}

#[test]
fn every_text_is_escaped() {
    let (page, _) = page_named("<img src=x onerror=alert(1)>.txt", SUM_ERROR);
    // The only elements are the page's own: no script, no image, no bold from the text.
    for tag in ["<script", "<img", "<b>", "<iframe"] {
        assert!(!page.contains(tag), "{tag} in the page");
    }
    assert!(page.contains(
        "read &lt;script&gt;alert(&quot;tiplint&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt; &quot;quoted&quot; text."
    ));
    assert!(page.contains("<title>tiplint: &lt;img src=x onerror=alert(1)&gt;.txt</title>"));
    // A finding's message and labels quote the text: escaped too.
    let quoted = page_named(
        "t.txt",
        "Narnia (Tier 2)\n\nPROSECUTION\n\nThe <i>government</i> identified victims of\n\ntrafficking in 2030.\n",
    )
    .0;
    assert!(!quoted.contains("<i>"));
    assert!(quoted.contains("&lt;i&gt;government&lt;/i&gt;"));
}

#[test]
fn control_characters_in_the_text_are_shown_not_passed_on() {
    let text = "Narnia (Tier 2)\r\n\r\nThe government\u{1b}[2J identified \u{202e}victims.\r\n";
    let page = page(text);
    for c in ['\u{1b}', '\u{202e}', '\r'] {
        assert!(!page.contains(c), "{c:?} reached the page");
    }
    assert!(page.contains("The government␛[2J identified \u{fffd}victims."));
}

#[test]
fn the_page_loads_nothing_and_runs_no_script() {
    let page = page(SUM_ERROR);
    assert!(page.starts_with("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"));
    assert!(page.contains(
        r#"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">"#
    ));
    for external in [
        "<link", "<script", " src=", "url(", "@import", "http://", "https://",
    ] {
        assert!(!page.contains(external), "{external}");
    }
    // Every link is to a place in the page, and every place linked to is there.
    let href = Regex::new(r##"href="([^"]*)""##).unwrap();
    for target in href.captures_iter(&page) {
        let target = &target[1];
        let id = target.strip_prefix('#').expect("a link within the page");
        assert!(page.contains(&format!(r#"id="{id}""#)), "no {id}");
    }
    // Print-friendly: a print style that unfolds the failed checks.
    assert!(page.contains("@media print"));
    assert!(page.contains("details.check.failed::details-content"));
}

#[test]
fn a_directory_is_one_page_with_a_row_per_chapter_and_unreadable_files_said() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        "tests/fixtures/two-chapters.md",
        dir.path().join("two-chapters.md"),
    )
    .unwrap();
    std::fs::write(dir.path().join("narnia.txt"), SUM_ERROR).unwrap();
    std::fs::write(dir.path().join("binary.txt"), b"Narnia\0\0\0").unwrap();
    let out = tiplint()
        .args(["check", "--format", "html"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "an unreadable file is exit 2");
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.contains("<title>tiplint: 3 files</title>"), "{page}");
    let rows = Regex::new(r#"(?s)<th scope="row">(.*?)</th>"#).unwrap();
    let chapters: Vec<String> = rows.captures_iter(&page).map(|c| text_of(&c[1])).collect();
    assert_eq!(
        chapters,
        [
            "Narnia (Tier 2)",
            "Narnia (Tier 2 Watch List)",
            "Oceania (Tier 1)"
        ]
    );
    assert!(page.contains("could not be read: binary file"), "{page}");
    // One section per file, each chapter's ids its file's own.
    assert!(page.contains(r#"<section class="file" id="f1">"#));
    assert!(page.contains(r#"<section class="file" id="f2">"#));
}

#[test]
fn a_clean_sample_has_no_failed_mark() {
    let out = tiplint()
        .args([
            "check",
            "--format",
            "html",
            "samples/kyrgyz-republic-2023.txt",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(marks(&page, "failed").is_empty());
    assert!(marks(&page, "held").len() >= 20);
    // Its findings are beside their paragraphs, numbered as their tags in the text.
    assert!(page.contains(r##"<a class="ref sev-warning" href="#f0-finding0" data-n="1">"##));
    assert!(page.contains(r#"<div class="finding sev-warning" id="f0-finding0">"#));
}

#[test]
fn a_finding_over_a_whole_excerpt_is_tagged_not_underlined() {
    // No heading: the excerpt finding spans the text; the sum's finding is on a few words.
    let page = page(
        "Police identified 30 victims: 12 women, 10 men, and six children. The courts convicted traffickers and the government funded shelters for victims across the country.\n",
    );
    let main = main_part(&page);
    assert!(
        main.contains(r#"<span class="flagged sev-error">"#),
        "{main}"
    );
    assert!(
        !main.contains(r#"<span class="flagged sev-info">"#),
        "{main}"
    );
    // The excerpt's number stands at its start.
    assert!(
        main.contains(
            r##"<p class="text"><a class="ref sev-info" href="#f0-finding0" data-n="1">"##
        ),
        "{main}"
    );
    assert!(main.contains("Excerpt without a chapter heading"));
}
