//! `--format sarif`: SARIF 2.1.0, one run, every rule listed.
//!
//! Columns are counted in UTF-16 code units, as the run declares (`columnKind`), the unit
//! SARIF assumes by default and editors count in; a region also gives its byte offset and
//! length. A file is named by a URI reference: a relative path percent-encoded, against the
//! base `%SRCROOT%` (the working directory); an absolute path as a `file:` URI. Standard input
//! without `--stdin-filename` has no URI: its location says `standard input`.

use super::FileOutcome;
use crate::diagnostic::{Diagnostic, Severity};
use crate::fix::{Applying, applies};
use crate::rules::RuleSet;
use crate::source::{Source, Span};
pub use crate::utf16::Utf16Columns;
use serde_json::{Value, json};

/// The name `tiplint check -` gives standard input when `--stdin-filename` names it not.
pub const STDIN_NAME: &str = "<stdin>";

/// The base of relative URIs: the directory tiplint ran in.
const SRCROOT: &str = "%SRCROOT%";

pub fn render(outcomes: &[FileOutcome], rules: &RuleSet) -> String {
    let rule_list: Vec<Value> = rules
        .rules
        .iter()
        .map(|r| {
            json!({
                "id": r.spec.name,
                "name": r.spec.name,
                "shortDescription": {"text": r.spec.summary},
                "fullDescription": {"text": r.spec.doc.trim()},
                "properties": {"code": r.spec.code},
                "defaultConfiguration": {"level": level(r.spec.severity)},
            })
        })
        .collect();
    let mut results = Vec::new();
    let mut relative = false;
    for o in outcomes {
        relative |= !std::path::Path::new(&o.name).is_absolute() && o.name != STDIN_NAME;
        if let Ok((src, r)) = &o.checked {
            let columns = Utf16Columns::of(src);
            let artifact = artifact_location(&o.name);
            for d in &r.diagnostics {
                results.push(result(d, src, &columns, &artifact, rules));
            }
        }
    }
    let mut run = json!({
        "tool": {"driver": {
            "name": "tiplint",
            "version": env!("CARGO_PKG_VERSION"),
            "rules": rule_list,
        }},
        "columnKind": "utf16CodeUnits",
        "results": results,
    });
    if relative
        && let Some(root) = std::env::current_dir()
            .ok()
            .and_then(|d| d.to_str().map(|d| file_uri(d, true)))
    {
        run["originalUriBaseIds"] = json!({SRCROOT: {"uri": root}});
    }
    // An input that could not be read is a notification of the tool's run, not a result.
    let unreadable: Vec<Value> = outcomes
        .iter()
        .filter_map(|o| o.checked.as_ref().err().map(|e| (&o.name, e)))
        .map(|(name, e)| {
            json!({
                "level": "error",
                "message": {"text": e},
                "locations": [{"physicalLocation": {"artifactLocation": artifact_location(name)}}],
            })
        })
        .collect();
    if !unreadable.is_empty() {
        run["invocations"] = json!([{
            "executionSuccessful": false,
            "toolExecutionNotifications": unreadable,
        }]);
    }
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [run],
    });
    let mut s = serde_json::to_string_pretty(&doc).expect("plain data serialises");
    s.push('\n');
    s
}

/// One finding as a SARIF result: its span, its labels as related locations, its fix when
/// `--fix` would apply it.
fn result(
    d: &Diagnostic,
    src: &Source,
    columns: &Utf16Columns,
    artifact: &Value,
    rules: &RuleSet,
) -> Value {
    let location = |span: Span| {
        json!({"physicalLocation": {
            "artifactLocation": artifact,
            "region": region(src, columns, span),
        }})
    };
    let mut result = json!({
        "ruleId": d.rule,
        "level": level(d.severity),
        "message": {"text": d.message},
        "locations": [location(d.span)],
    });
    if let Some(i) = rules.rules.iter().position(|x| x.spec.name == d.rule) {
        result["ruleIndex"] = json!(i);
    }
    if !d.labels.is_empty() {
        let related: Vec<Value> = d
            .labels
            .iter()
            .enumerate()
            .map(|(k, l)| {
                let mut loc = match &l.file {
                    // A label in an earlier edition: that file's location.
                    Some(f) => json!({"physicalLocation": {
                        "artifactLocation": artifact_location(&f.name),
                        "region": region(&f.source, &Utf16Columns::of(&f.source), l.span),
                    }}),
                    None => location(l.span),
                };
                loc["id"] = json!(k);
                if !l.text.is_empty() {
                    loc["message"] = json!({"text": l.text});
                }
                loc
            })
            .collect();
        result["relatedLocations"] = json!(related);
    }
    let safety = rules.find(&d.rule).and_then(|r| r.spec.fix);
    if let Some(fix) = d
        .fix
        .as_ref()
        .filter(|f| applies(f, safety, Applying::Safe))
    {
        result["fixes"] = json!([{
            "description": {"text": if fix.replacement.is_empty() {
                format!("delete `{}`", src.slice(fix.span))
            } else {
                format!("replace `{}` with `{}`", src.slice(fix.span), fix.replacement)
            }},
            "artifactChanges": [{
                "artifactLocation": artifact,
                "replacements": [{
                    "deletedRegion": region(src, columns, fix.span),
                    "insertedContent": {"text": fix.replacement},
                }],
            }],
        }]);
    }
    result
}

/// A region: lines and UTF-16 columns, and the bytes.
fn region(src: &Source, columns: &Utf16Columns, span: Span) -> Value {
    let (sl, sc) = columns.line_col(src, span.start);
    let (el, ec) = columns.line_col(src, span.end);
    json!({"startLine": sl, "startColumn": sc, "endLine": el, "endColumn": ec,
           "byteOffset": span.start, "byteLength": span.len()})
}

/// Where a file is, for SARIF: a percent-encoded URI reference.
fn artifact_location(name: &str) -> Value {
    if name == STDIN_NAME {
        return json!({"description": {"text": "standard input"}});
    }
    if std::path::Path::new(name).is_absolute() {
        json!({"uri": file_uri(name, false)})
    } else {
        json!({"uri": encode_path(name), "uriBaseId": SRCROOT})
    }
}

/// `file:///abs/path` (with a trailing `/` for a directory).
fn file_uri(path: &str, directory: bool) -> String {
    let mut uri = format!("file://{}", encode_path(path));
    if directory && !uri.ends_with('/') {
        uri.push('/');
    }
    uri
}

/// A path as the path of a URI reference: every byte that is not unreserved, a sub-delimiter,
/// `@` or `/` percent-encoded (`#`, `?`, `%`, spaces, `:`, which would read as a scheme, and
/// every byte of a non-ASCII character).
pub fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        match b {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'.'
            | b'_'
            | b'~'
            | b'!'
            | b'$'
            | b'&'
            | b'\''
            | b'('
            | b')'
            | b'*'
            | b'+'
            | b','
            | b';'
            | b'='
            | b'@'
            | b'/' => out.push(char::from(b)),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_percent_encoded() {
        assert_eq!(encode_path("dir/a b#1.txt"), "dir/a%20b%231.txt");
        assert_eq!(encode_path("c:50%?.txt"), "c%3A50%25%3F.txt");
        assert_eq!(encode_path("Türkiye.txt"), "T%C3%BCrkiye.txt");
        assert_eq!(file_uri("/tmp/x y", true), "file:///tmp/x%20y/");
    }
}
