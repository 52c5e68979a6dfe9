//! `check --format html` in a real browser: headless Chromium (Debian's `chromium`) opens the
//! page of the sample chapter and of an invented chapter with a sum error, takes a screenshot
//! (it must not be blank, and the failed figure's red mark must be in it), dumps the DOM as
//! rendered (the failed figures marked, the `<script>` of the text shown as text and no script
//! element anywhere) and logs the console to standard error (no console message at all: the page
//! runs no script, so any message is an error — a blocked load, a policy violation).
//!
//! Without Chromium the tests say they skip, unless `TIPLINT_REQUIRE_BROWSER` is set (CI sets
//! it): then a missing browser is a failure. `TIPLINT_CHROMIUM` names another binary.
//! The screenshots are kept in `target/tmp/html-browser/` to look at.

use assert_cmd::Command;
use regex::Regex;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command as Process, Stdio};
use std::time::{Duration, Instant};

/// The invented chapter: 12 + 10 + 6 is not the 30 it says, and a `<script>` in its text.
const SUM_ERROR: &str = "tests/texts/html-sum-error.txt";
const SAMPLE: &str = "samples/kyrgyz-republic-2023.txt";

/// The flags a headless Chromium needs here (root, no GPU, no network of its own).
const FLAGS: [&str; 10] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
];

/// How long one Chromium run may take before it is taken for hung (a guard, not a measure).
const HUNG: Duration = Duration::from_secs(180);

/// The browser, or `None` after saying why the test skips. A missing browser is a failure when
/// `TIPLINT_REQUIRE_BROWSER` is set.
fn browser(test: &str) -> Option<PathBuf> {
    let named = std::env::var_os("TIPLINT_CHROMIUM").map(PathBuf::from);
    let found = named.or_else(|| {
        let path = std::env::var_os("PATH")?;
        std::env::split_paths(&path)
            .flat_map(|dir| ["chromium", "chromium-browser"].map(|name| dir.join(name)))
            .find(|p| p.is_file())
    });
    if found.is_none() {
        let required = std::env::var_os("TIPLINT_REQUIRE_BROWSER").is_some_and(|v| !v.is_empty());
        assert!(
            !required,
            "{test}: TIPLINT_REQUIRE_BROWSER is set but chromium is not installed (apt-get install -y chromium)"
        );
        // Straight to standard error, past the test harness's capture: a skip is always said.
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED {test}: chromium is not installed (apt-get install -y chromium; \
             TIPLINT_REQUIRE_BROWSER=1 makes this a failure)"
        );
    }
    found
}

/// What one Chromium run printed.
struct Ran {
    stdout: String,
    stderr: String,
}

impl Ran {
    /// The page's console messages, as Chromium logs them (`…:INFO:CONSOLE:…] "message"`).
    fn console(&self) -> Vec<&str> {
        self.stderr
            .lines()
            .filter(|l| l.contains(":CONSOLE"))
            .collect()
    }
}

/// Run Chromium on `url` with `args`, with a fresh profile and the console logged.
fn chromium(browser: &Path, args: &[&str], url: &str) -> Ran {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Process::new(browser)
        .args(FLAGS)
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(["--enable-logging=stderr", "--v=0"])
        .args(args)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("chromium starts");
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = pipe.read_to_end(&mut bytes);
            String::from_utf8_lossy(&bytes).into_owned()
        })
    };
    let out = drain(Box::new(child.stdout.take().unwrap()));
    let err = drain(Box::new(child.stderr.take().unwrap()));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > HUNG {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium {args:?} {url} did not finish");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let ran = Ran {
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
    };
    assert!(
        status.success(),
        "chromium {args:?} {url}: {status}\n{}",
        ran.stderr
    );
    ran
}

/// The page tiplint writes for `input`, saved as `dir/name.html`; its `file://` URL.
fn page(input: &str, dir: &Path, name: &str) -> (String, String) {
    let out = Command::cargo_bin("tiplint")
        .unwrap()
        .args(["check", "--format", "html", input])
        .output()
        .unwrap();
    assert!(matches!(out.status.code(), Some(0 | 1)), "{out:?}");
    let html = String::from_utf8(out.stdout).unwrap();
    let path = dir.join(format!("{name}.html"));
    std::fs::write(&path, &html).unwrap();
    (html, format!("file://{}", path.display()))
}

/// A screenshot's pixels: how many differ from the background (its top-left pixel), and how
/// many are the failed mark's red (`--failed` in the page's style, #a3121d).
struct Pixels {
    total: usize,
    inked: usize,
    failed_red: usize,
}

fn pixels(png_file: &Path) -> Pixels {
    let file = std::io::BufReader::new(std::fs::File::open(png_file).expect("a screenshot"));
    let mut decoder = png::Decoder::new(file);
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size().expect("a size")];
    let info = reader.next_frame(&mut buf).expect("a frame");
    let samples = info.color_type.samples();
    assert!(samples >= 3, "a colour screenshot: {:?}", info.color_type);
    let rgb: Vec<[u8; 3]> = buf[..info.buffer_size()]
        .chunks_exact(samples)
        .map(|p| [p[0], p[1], p[2]])
        .collect();
    let background = rgb[0];
    let near = |p: [u8; 3], q: [u8; 3]| p.iter().zip(q).all(|(a, b)| a.abs_diff(b) <= 24);
    Pixels {
        total: rgb.len(),
        inked: rgb.iter().filter(|&&p| p != background).count(),
        failed_red: rgb.iter().filter(|&&p| near(p, [0xa3, 0x12, 0x1d])).count(),
    }
}

/// Take a screenshot of `url` into `target/tmp/html-browser/NAME.png`: it must show the page
/// (at least 2% of it inked), with nothing on the console.
fn screenshot(browser: &Path, url: &str, name: &str) -> Pixels {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("html-browser");
    std::fs::create_dir_all(&dir).unwrap();
    let png_file = dir.join(format!("{name}.png"));
    let _ = std::fs::remove_file(&png_file);
    let shot = format!("--screenshot={}", png_file.display());
    let ran = chromium(browser, &[&shot, "--window-size=1280,1600"], url);
    assert!(ran.console().is_empty(), "{name}: {:?}", ran.console());
    let p = pixels(&png_file);
    println!(
        "{name}: screenshot {} ({} of {} pixels inked, {} in the failed red)",
        png_file.display(),
        p.inked,
        p.total,
        p.failed_red
    );
    assert!(
        p.inked * 50 >= p.total,
        "{name}: a blank screenshot ({} of {} pixels inked)",
        p.inked,
        p.total
    );
    p
}

/// The DOM of `url` as Chromium rendered it, with nothing on the console.
fn dom(browser: &Path, url: &str) -> String {
    let ran = chromium(browser, &["--dump-dom"], url);
    assert!(ran.console().is_empty(), "{url}: {:?}", ran.console());
    assert!(ran.stdout.contains("</html>"), "{url}: {}", ran.stdout);
    ran.stdout
}

/// The text of some markup: tags dropped, the serialiser's escapes read back.
fn text_of(html: &str) -> String {
    Regex::new(r"<[^>]*>")
        .unwrap()
        .replace_all(html, "")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// The figure marks of `verdict` in the text (after `<main>`): each link's target and text.
fn marks(dom: &str, verdict: &str) -> Vec<(String, String)> {
    let main = &dom[dom.find("<main>").expect("a <main>")..];
    Regex::new(&format!(
        r#"<a class="fig {verdict}" href="\#([^"]+)"[^>]*>(.*?)<span class="sr">"#
    ))
    .unwrap()
    .captures_iter(main)
    .map(|c| (c[1].to_string(), text_of(&c[2])))
    .collect()
}

#[test]
fn the_sum_error_page_renders_with_its_failed_figures_marked_and_the_script_shown_as_text() {
    let Some(browser) = browser("the_sum_error_page_renders") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (_, url) = page(SUM_ERROR, dir.path(), "sum-error");

    let shot = screenshot(&browser, &url, "sum-error");
    // The legend's example of a failed mark alone is under a hundred such pixels; the four
    // failed figures, their finding and their check bring thousands.
    assert!(
        shot.failed_red >= 500,
        "the failed marks' red is not on the screen ({} pixels)",
        shot.failed_red
    );

    let dom = dom(&browser, &url);
    let failed = marks(&dom, "failed");
    let texts: Vec<&str> = failed.iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(texts, ["30", "12", "10", "six"], "the failed figures");
    // The text's markup is text: no script element (the page has none of its own), no bold.
    assert!(!dom.to_ascii_lowercase().contains("<script"), "{dom}");
    assert!(!dom.contains("<b>"), "{dom}");
    let paragraph = Regex::new(r#"<p class="text">(A web form[^\n]*?)</p>"#)
        .unwrap()
        .captures(&dom)
        .expect("the paragraph with markup")[1]
        .to_string();
    assert_eq!(
        text_of(&paragraph),
        r#"A web form pasted into the report read <script>alert("tiplint")</script> & <b>bold</b> "quoted" text."#
    );

    // Following a failed figure's link opens its check (no script: a link into a closed
    // <details> opens it), showing the arithmetic.
    let opened = self::dom(&browser, &format!("{url}#{}", failed[0].0));
    let open = Regex::new(&format!(
        r#"(?s)<details class="check failed" open="">\s*<summary>.*?</summary>\s*<div class="why" id="{}">(.*?)</div>"#,
        failed[0].0
    ))
    .unwrap();
    let why = text_of(&open.captures(&opened).expect("the failed check, open")[1]);
    assert!(why.contains("12 + 10 + 6 = 28, not 30"), "{why}");
}

#[test]
fn the_sample_page_renders_with_its_checks_held() {
    let Some(browser) = browser("the_sample_page_renders") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (_, url) = page(SAMPLE, dir.path(), "kyrgyz-republic-2023");
    screenshot(&browser, &url, "kyrgyz-republic-2023");
    let dom = dom(&browser, &url);
    assert!(marks(&dom, "failed").is_empty());
    assert!(marks(&dom, "held").len() >= 20, "{dom}");
    assert!(dom.contains("Kyrgyz Republic (Tier 2)"));
    assert!(!dom.to_ascii_lowercase().contains("<script"));
}

#[test]
fn the_console_is_heard_and_an_injected_script_is_blocked() {
    let Some(browser) = browser("the_console_is_heard") else {
        return;
    };
    // The page with a script slipped in, as an escaping bug would let one in: the page's
    // Content-Security-Policy blocks it, and Chromium says so on the console (the check the
    // tests above make of a clean console is no empty one).
    let dir = tempfile::tempdir().unwrap();
    let (html, _) = page(SUM_ERROR, dir.path(), "clean");
    let injected = html.replace(
        "</body>",
        "<script>document.title = 'ran'; console.error('tiplint-injected')</script></body>",
    );
    let path = dir.path().join("injected.html");
    std::fs::write(&path, injected).unwrap();
    let ran = chromium(
        &browser,
        &["--dump-dom"],
        &format!("file://{}", path.display()),
    );
    let console = ran.console();
    assert!(
        console
            .iter()
            .any(|l| l.contains("Content Security Policy")),
        "no console message for a blocked script: {}",
        ran.stderr
    );
    assert!(!ran.stderr.contains("tiplint-injected"), "the script ran");
    assert!(!ran.stdout.contains("<title>ran</title>"), "the script ran");
}
