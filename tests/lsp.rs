//! `tiplint lsp` driven over standard input and output as an editor drives it: messages framed
//! with `Content-Length` headers written here, answers read back the same way. Reads wait at
//! most a generous while, only so that a server that never answers fails the test instead of
//! hanging it.

use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::Duration;

/// How long one answer may take before the test fails (a guard against hanging, not a timing).
const GUARD: Duration = Duration::from_secs(60);

/// A chapter of an invented country: a breakdown that does not add up (nine victims: six women
/// and four girls) on a line whose text before it has characters of one UTF-16 code unit
/// (`ü`, `–`, `“`) and of two (`🤝`), and a repeated word, whose fix is safe.
const CHAPTER: &str = "Ruritania (Tier 2)

The Government of Ruritania does not fully meet the minimum standards for the elimination of trafficking but is making significant efforts to do so. Officials from Türkiye – “partners” 🤝 – joined a workshop.

PRIORITIZED RECOMMENDATIONS:

Increase investigations of trafficking crimes.

PROSECUTION

With partners from Türkiye – “the 🤝 initiative” – the government identified nine victims (six women and four girls).

PROTECTION

The government maintained the the protection efforts.

PREVENTION

The government maintained prevention efforts.

TRAFFICKING PROFILE

As reported over the past five years, traffickers exploit domestic and foreign victims in Ruritania.
";

struct Editor {
    child: Child,
    stdin: Option<ChildStdin>,
    incoming: Receiver<Value>,
}

impl Editor {
    fn start(dir: &std::path::Path) -> Editor {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("tiplint"))
            .arg("lsp")
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("tiplint starts");
        let stdout = child.stdout.take().unwrap();
        let (tx, incoming) = channel();
        std::thread::spawn(move || {
            let mut out = BufReader::new(stdout);
            while let Some(message) = read_framed(&mut out) {
                if tx.send(message).is_err() {
                    return;
                }
            }
        });
        Editor {
            stdin: child.stdin.take(),
            child,
            incoming,
        }
    }

    fn send_raw(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        stdin.write_all(bytes).unwrap();
        stdin.flush().unwrap();
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        self.send_raw(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    }

    fn request(&mut self, id: i64, method: &str, params: Value) -> Value {
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.wait_for(|m| m["id"] == json!(id) && m.get("method").is_none())
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// The next message that `wanted` accepts (the others, logs for one, are passed over).
    fn wait_for(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        loop {
            match self.incoming.recv_timeout(GUARD) {
                Ok(m) if wanted(&m) => return m,
                Ok(_) => {}
                Err(RecvTimeoutError::Timeout) => panic!("no answer from the server"),
                Err(RecvTimeoutError::Disconnected) => panic!("the server closed its output"),
            }
        }
    }

    fn diagnostics(&mut self, uri: &str) -> Value {
        self.wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        })["params"]
            .clone()
    }
}

/// One message of the server's output, read by its `Content-Length`.
fn read_framed(out: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if out.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length: ") {
            length = v.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    out.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

/// The LSP position (0-based line, UTF-16 column) of byte `at` of `text`, counted here from
/// scratch.
fn position(text: &str, at: usize) -> Value {
    let before = &text[..at];
    let line = before.matches('\n').count();
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    json!({"line": line, "character": text[start..at].encode_utf16().count()})
}

fn range(text: &str, start: usize, end: usize) -> Value {
    json!({"start": position(text, start), "end": position(text, end)})
}

fn initialize(editor: &mut Editor, root: &std::path::Path) -> Value {
    let root_uri = format!("file://{}", root.display());
    let answer = editor.request(
        1,
        "initialize",
        json!({
            "processId": null,
            "rootUri": root_uri,
            "capabilities": {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": false}}},
        }),
    );
    editor.notify("initialized", json!({}));
    answer
}

#[test]
fn an_editor_session_over_stdio() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    let mut editor = Editor::start(&root);
    let answer = initialize(&mut editor, &root);
    let caps = &answer["result"]["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-16", "{answer}");
    assert_eq!(caps["textDocumentSync"]["change"], 2, "incremental sync");
    assert_eq!(answer["result"]["serverInfo"]["name"], "tiplint");

    let uri = format!("file://{}/ruritania.txt", root.display());
    editor.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": CHAPTER}}),
    );
    let published = editor.diagnostics(&uri);
    assert_eq!(published["version"], 1);
    let diagnostics = published["diagnostics"].as_array().unwrap();
    let sum = diagnostics
        .iter()
        .find(|d| d["code"] == "TL101")
        .unwrap_or_else(|| panic!("a sum-mismatch: {published}"));
    // The finding runs from `nine` to `four`; the label on the total marks `nine`.
    let nine = CHAPTER.find("nine victims").unwrap();
    let four = CHAPTER.find("four girls").unwrap();
    assert_eq!(sum["range"], range(CHAPTER, nine, four + 4), "{sum}");
    // Columns are UTF-16 code units, not characters or bytes: 🤝 counts two.
    let line = &CHAPTER[CHAPTER[..nine].rfind('\n').unwrap() + 1..nine];
    assert_eq!(
        sum["range"]["start"]["character"],
        line.chars().count() + 1,
        "one more than the characters before it (the emoji)"
    );
    assert_eq!(sum["severity"], 1);
    assert_eq!(sum["source"], "tiplint");
    assert!(
        sum["codeDescription"]["href"]
            .as_str()
            .unwrap()
            .ends_with("rules.md#tl101-sum-mismatch"),
        "{sum}"
    );
    let related = sum["relatedInformation"].as_array().unwrap();
    let total = related
        .iter()
        .find(|r| r["message"] == "total: 9")
        .unwrap_or_else(|| panic!("the total's label: {sum}"));
    assert_eq!(total["location"]["uri"], uri);
    assert_eq!(total["location"]["range"], range(CHAPTER, nine, nine + 4));
    assert!(related.iter().any(|r| r["message"] == "part: 4"), "{sum}");

    // The repeated word's fix, as a code action on its range.
    let repeated = diagnostics
        .iter()
        .find(|d| d["code"] == "TL309")
        .unwrap_or_else(|| panic!("a repeated-word finding: {published}"))
        .clone();
    let actions = editor.request(
        2,
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": repeated["range"],
               "context": {"diagnostics": [repeated]}}),
    );
    let actions = actions["result"].as_array().unwrap().clone();
    let fix = actions
        .iter()
        .find(|a| a["kind"] == "quickfix" && a["isPreferred"] == true)
        .unwrap_or_else(|| panic!("a fix: {actions:?}"));
    let edits = fix["edit"]["changes"][&uri].as_array().unwrap();
    assert_eq!(edits.len(), 1);
    let fix_edit = edits[0].clone();
    // Applied to the text, it leaves one `the`.
    let the_the = CHAPTER.find("the the").unwrap();
    assert_eq!(fix_edit["newText"], "");
    assert_eq!(fix_edit["range"], range(CHAPTER, the_the + 3, the_the + 7));
    assert!(
        actions.iter().any(|a| a["title"]
            .as_str()
            .unwrap()
            .contains("suppress `repeated-word`")),
        "{actions:?}"
    );

    // On the sum's range: no fix (none is safe to guess), but a suppression comment on a line
    // of its own before the finding's line.
    let actions = editor.request(
        3,
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": sum["range"], "context": {"diagnostics": []}}),
    );
    let suppress = actions["result"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| {
            a["title"]
                .as_str()
                .unwrap()
                .contains("suppress `sum-mismatch`")
        })
        .unwrap_or_else(|| panic!("a suppression: {actions}"))
        .clone();
    let insert = &suppress["edit"]["changes"][&uri][0];
    assert_eq!(
        insert["newText"],
        "<!-- tiplint-disable-next-line sum-mismatch -->\n"
    );
    assert_eq!(
        insert["range"]["start"],
        json!({"line": sum["range"]["start"]["line"], "character": 0})
    );

    // A malformed message (not JSON), and one with no Content-Length: both skipped.
    editor.send_raw(b"Content-Length: 9\r\n\r\n{not json");
    editor.send_raw(b"X-Nothing: 1\r\n\r\n");
    editor.wait_for(|m| {
        m["method"] == "window/logMessage"
            && m["params"]["message"]
                .as_str()
                .is_some_and(|s| s.contains("could not be read"))
    });
    // A request whose parameters are not what its method takes: an error answer.
    let bad = editor.request(4, "textDocument/hover", json!({"nonsense": true}));
    assert_eq!(bad["error"]["code"], -32602, "{bad}");

    // The server still answers: a hover on the total says what was read and the check.
    let hover = editor.request(
        5,
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": position(CHAPTER, nine + 2)}),
    );
    let shown = hover["result"]["contents"]["value"]
        .as_str()
        .unwrap_or_else(|| panic!("{hover}"));
    assert!(shown.contains("`nine`"), "{shown}");
    assert!(shown.contains("sum-mismatch"), "{shown}");
    assert!(shown.contains("✘ failed"), "{shown}");
    assert_eq!(hover["result"]["range"], range(CHAPTER, nine, nine + 4));

    // One change applying the fix, then one correcting the part, in UTF-16 positions.
    let mut fixed = CHAPTER.to_string();
    fixed.replace_range(the_the + 3..the_the + 7, "");
    let four_in_fixed = fixed.find("four girls").unwrap();
    editor.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
            {"range": fix_edit["range"], "text": ""},
            {"range": range(&fixed, four_in_fixed, four_in_fixed + 4), "text": "three"},
        ]}),
    );
    let published = editor.diagnostics(&uri);
    assert_eq!(published["version"], 2);
    assert_eq!(published["diagnostics"], json!([]), "{published}");

    // Shutdown, then exit: exit code 0.
    let down = editor.request(6, "shutdown", Value::Null);
    assert_eq!(down["result"], Value::Null, "{down}");
    assert!(down.get("error").is_none(), "{down}");
    editor.notify("exit", Value::Null);
    drop(editor.stdin.take());
    let status = wait(editor.child);
    assert_eq!(status.code(), Some(0));
}

/// The server's exit status, waited for at most `GUARD`.
fn wait(child: Child) -> std::process::ExitStatus {
    let (tx, rx) = channel();
    let mut child = child;
    std::thread::spawn(move || {
        let _ = tx.send(child.wait());
    });
    match rx.recv_timeout(GUARD) {
        Ok(status) => status.expect("the server's status"),
        Err(_) => panic!("the server did not exit"),
    }
}

#[test]
fn the_configuration_of_the_workspace_is_read_and_reloaded() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    let config = root.join("tiplint.toml");
    std::fs::write(&config, "ignore = [\"repeated-word\"]\n").unwrap();
    let mut editor = Editor::start(&root);
    initialize(&mut editor, &root);
    let uri = format!("file://{}/ruritania.txt", root.display());
    editor.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": CHAPTER}}),
    );
    let codes = |published: &Value| -> Vec<String> {
        published["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(codes(&editor.diagnostics(&uri)), ["TL101"]);

    // The file changes on disk, and the editor's watcher says so.
    std::fs::write(&config, "ignore = [\"sum-mismatch\"]\n").unwrap();
    let config_uri = format!("file://{}", config.display());
    editor.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": config_uri, "type": 2}]}),
    );
    assert_eq!(codes(&editor.diagnostics(&uri)), ["TL309"]);

    // Saved broken: the editor is told, and the configuration in use is kept.
    std::fs::write(&config, "ignore = [\"no-such-rule\"]\n").unwrap();
    editor.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": config_uri}}),
    );
    let shown = editor.wait_for(|m| m["method"] == "window/showMessage");
    let said = shown["params"]["message"].as_str().unwrap();
    assert!(
        said.contains("no-such-rule") && said.contains("kept"),
        "{said}"
    );
    assert_eq!(shown["params"]["type"], 1, "an error");
    // Saved mended: read again, and every open document checked again.
    std::fs::write(&config, "").unwrap();
    editor.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": config_uri}}),
    );
    assert_eq!(codes(&editor.diagnostics(&uri)), ["TL101", "TL309"]);

    // Closed: its findings go with it.
    editor.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    assert_eq!(editor.diagnostics(&uri)["diagnostics"], json!([]));
    finish(editor, 0);
}

#[test]
fn a_huge_document_is_checked_whole() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    let mut editor = Editor::start(&root);
    initialize(&mut editor, &root);
    // About three megabytes: three thousand chapters, the last one's error on its last lines.
    let text = CHAPTER.repeat(3000);
    let uri = format!("file://{}/report.txt", root.display());
    editor.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}),
    );
    let published = editor.diagnostics(&uri);
    let last = text.rfind("nine victims").unwrap();
    let at = position(&text, last);
    assert!(
        published["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "TL101" && d["range"]["start"] == at),
        "the last chapter's sum error at {at}"
    );
    // An edit at its very end is applied where the editor says.
    let end = position(&text, text.len());
    editor.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
            {"range": {"start": end, "end": end}, "text": "Türkiye 🤝\n"},
        ]}),
    );
    assert_eq!(editor.diagnostics(&uri)["version"], 2);
    finish(editor, 0);
}

#[test]
fn the_protocol_order_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    let mut editor = Editor::start(&root);
    // Before `initialize`: refused, not crashed.
    let early = editor.request(7, "textDocument/hover", json!({}));
    assert_eq!(early["error"]["code"], -32002, "{early}");
    initialize(&mut editor, &root);
    let unknown = editor.request(8, "textDocument/formatting", json!({}));
    assert_eq!(unknown["error"]["code"], -32601, "{unknown}");
    let down = editor.request(9, "shutdown", Value::Null);
    assert!(down.get("error").is_none(), "{down}");
    // After `shutdown`, only `exit` is expected.
    let late = editor.request(10, "textDocument/hover", json!({}));
    assert_eq!(late["error"]["code"], -32600, "{late}");
    editor.notify("exit", Value::Null);
    assert_eq!(wait(editor.child).code(), Some(0));
}

#[test]
fn exit_without_shutdown_is_exit_code_1() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    let mut editor = Editor::start(&root);
    initialize(&mut editor, &root);
    editor.notify("exit", Value::Null);
    assert_eq!(wait(editor.child).code(), Some(1));
    // So is an editor that goes away without a word.
    let mut editor = Editor::start(&root);
    initialize(&mut editor, &root);
    drop(editor.stdin.take());
    assert_eq!(wait(editor.child).code(), Some(1));
}

/// Shut the server down as an editor does; its exit code must be `code`.
fn finish(mut editor: Editor, code: i32) {
    let down = editor.request(1000, "shutdown", Value::Null);
    assert!(down.get("error").is_none(), "{down}");
    editor.notify("exit", Value::Null);
    drop(editor.stdin.take());
    assert_eq!(wait(editor.child).code(), Some(code));
}

/// The README's editor snippets parse, and start `tiplint lsp`.
#[test]
fn the_readmes_editor_snippets_start_the_server() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let section = readme
        .split("## In an editor: `tiplint lsp`")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .expect("the README's editor section");
    let block = |lang: &str| -> Vec<String> {
        section
            .split(&format!("```{lang}\n"))
            .skip(1)
            .map(|b| b.split("```").next().unwrap().to_string())
            .collect()
    };
    let vscode: Value = serde_json::from_str(&block("json")[0]).unwrap();
    assert_eq!(vscode["glspc.server.command"], "tiplint");
    assert_eq!(vscode["glspc.server.commandArguments"], json!(["lsp"]));
    let helix: toml::Table = toml::from_str(&block("toml")[0]).unwrap();
    assert_eq!(
        helix["language-server"]["tiplint"]["command"].as_str(),
        Some("tiplint")
    );
    assert_eq!(
        helix["language-server"]["tiplint"]["args"]
            .as_array()
            .unwrap()[0]
            .as_str(),
        Some("lsp")
    );
    let lua = block("lua");
    assert_eq!(lua.len(), 2, "Neovim 0.11 and 0.10");
    assert!(
        lua.iter()
            .all(|l| l.contains(r#"cmd = { "tiplint", "lsp" }"#)),
        "{lua:?}"
    );
}
