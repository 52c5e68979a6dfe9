//! Code actions: a finding's safe fix (`--fix` would apply it), a comment that suppresses a
//! finding on its line, and every safe fix of the document at once (`source.fixAll`).

use super::convert::{diagnostic, range};
use super::workspace::Checked;
use crate::diagnostic::Fix;
use crate::fix::{Applying, applies, safe_fixes};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Range, TextEdit, Url, WorkspaceEdit,
};
use std::collections::HashMap;

/// The kind of the action applying every safe fix.
pub fn fix_all_kind() -> CodeActionKind {
    CodeActionKind::new("source.fixAll.tiplint")
}

/// The actions for the findings that touch `bytes` (a range of the document, in bytes), of
/// the kinds `only` asks for (every kind when `None`).
pub fn actions(
    checked: &Checked,
    uri: &Url,
    docs: &Url,
    bytes: (usize, usize),
    only: Option<&[CodeActionKind]>,
) -> Vec<CodeActionOrCommand> {
    let wanted = |kind: &CodeActionKind| {
        only.is_none_or(|only| {
            only.iter().any(|o| {
                kind.as_str() == o.as_str()
                    || kind.as_str().starts_with(&format!("{}.", o.as_str()))
            })
        })
    };
    let rules = &checked.setup.rules;
    let mut out = Vec::new();
    let (from, to) = bytes;
    if wanted(&CodeActionKind::QUICKFIX) {
        for d in checked
            .result
            .diagnostics
            .iter()
            .filter(|d| d.span.start <= to && from <= d.span.end)
        {
            let lsp_diagnostic = diagnostic(d, checked, uri, docs);
            let safety = rules.find(&d.rule).and_then(|r| r.spec.fix);
            if let Some(fix) = d
                .fix
                .as_ref()
                .filter(|f| applies(f, safety, Applying::Safe))
            {
                out.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: fix_title(checked, fix),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![lsp_diagnostic.clone()]),
                    edit: Some(edit(uri, vec![text_edit(checked, fix)])),
                    is_preferred: Some(true),
                    ..CodeAction::default()
                }));
            }
            if rules
                .find(&d.rule)
                .is_some_and(|r| r.spec.kind != "unused-suppression")
            {
                out.push(CodeActionOrCommand::CodeAction(suppression(
                    checked,
                    uri,
                    d,
                    lsp_diagnostic,
                )));
            }
        }
    }
    let all = safe_fixes(&checked.result, rules);
    if !all.is_empty() && wanted(&fix_all_kind()) {
        out.push(CodeActionOrCommand::CodeAction(CodeAction {
            title: "tiplint: apply every safe fix".to_string(),
            kind: Some(fix_all_kind()),
            edit: Some(edit(uri, fix_all(checked, all))),
            ..CodeAction::default()
        }));
    }
    out
}

/// `replace `\$` with `$``, `delete ` the``.
fn fix_title(checked: &Checked, fix: &Fix) -> String {
    let (old, _) = crate::output::clip(checked.source.slice(fix.span), 40);
    let (new, _) = crate::output::clip(&fix.replacement, 40);
    let one = |s: &str| crate::render::one_line(s).into_owned();
    if fix.replacement.is_empty() {
        format!("tiplint: delete `{}`", one(old))
    } else {
        format!("tiplint: replace `{}` with `{}`", one(old), one(new))
    }
}

/// A comment silencing the finding's rule, on a line of its own before the finding's line.
fn suppression(
    checked: &Checked,
    uri: &Url,
    d: &crate::diagnostic::Diagnostic,
    lsp_diagnostic: lsp_types::Diagnostic,
) -> CodeAction {
    let src = &checked.source;
    let line = src.line_of(d.span.start.min(src.len()));
    let start = src.line_bounds(line).start;
    let eol = if src.text.contains("\r\n") {
        "\r\n"
    } else if src.text.contains('\n') || !src.text.contains('\r') {
        "\n"
    } else {
        "\r"
    };
    let at = super::convert::position(checked, start);
    CodeAction {
        title: format!("tiplint: suppress `{}` on this line", d.rule),
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![lsp_diagnostic]),
        edit: Some(edit(
            uri,
            vec![TextEdit {
                range: Range::new(at, at),
                new_text: format!("{}{eol}", crate::suppress::disable_next_line(&d.rule)),
            }],
        )),
        ..CodeAction::default()
    }
}

/// The safe fixes that do not overlap, as `--fix` applies them in one round.
fn fix_all(checked: &Checked, mut fixes: Vec<&Fix>) -> Vec<TextEdit> {
    fixes.sort_by(|a, b| {
        (a.span.start, a.span.end, &a.replacement).cmp(&(b.span.start, b.span.end, &b.replacement))
    });
    let mut at = 0;
    let mut edits = Vec::new();
    for f in fixes {
        if f.span.start < at {
            continue;
        }
        at = f.span.end;
        edits.push(text_edit(checked, f));
    }
    edits
}

fn text_edit(checked: &Checked, fix: &Fix) -> TextEdit {
    TextEdit {
        range: range(checked, fix.span),
        new_text: fix.replacement.clone(),
    }
}

fn edit(uri: &Url, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..WorkspaceEdit::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lsp::documents::Document;
    use crate::lsp::workspace::{Options, Workspace};

    /// The workspace of an empty directory (no configuration), and a document in it.
    fn workspace() -> (tempfile::TempDir, Workspace, Url) {
        let dir = tempfile::tempdir().unwrap();
        let (ws, error) = Workspace::new(Options::default(), dir.path().to_path_buf());
        assert_eq!(error, None);
        let uri = Url::from_file_path(dir.path().join("excerpt.txt")).unwrap();
        (dir, ws, uri)
    }

    fn edits_of(action: &CodeActionOrCommand, uri: &Url) -> Vec<TextEdit> {
        match action {
            CodeActionOrCommand::CodeAction(a) => {
                a.edit.as_ref().unwrap().changes.as_ref().unwrap()[uri].clone()
            }
            CodeActionOrCommand::Command(_) => panic!("a command"),
        }
    }

    fn title(action: &CodeActionOrCommand) -> &str {
        match action {
            CodeActionOrCommand::CodeAction(a) => &a.title,
            CodeActionOrCommand::Command(c) => &c.title,
        }
    }

    #[test]
    fn the_suppression_comment_silences_the_finding_it_was_offered_for() {
        let (_dir, ws, uri) = workspace();
        // CRLF line ends, and an emoji before the figures on the finding's line.
        let text = "Partners 🤝 met.\r\nThe government identified nine victims (six women and four girls).\r\n";
        let checked = ws.check(&uri, text);
        let sum = checked
            .result
            .diagnostics
            .iter()
            .find(|d| d.rule == "sum-mismatch")
            .expect("a sum-mismatch");
        let docs = super::super::convert::default_docs();
        let all = actions(&checked, &uri, &docs, (sum.span.start, sum.span.end), None);
        let suppress = all
            .iter()
            .find(|a| title(a).contains("suppress `sum-mismatch`"))
            .expect("a suppression");
        let mut doc = Document::new(text.to_string(), 1);
        doc.apply(
            2,
            edits_of(suppress, &uri)
                .into_iter()
                .map(|e| lsp_types::TextDocumentContentChangeEvent {
                    range: Some(e.range),
                    range_length: None,
                    text: e.new_text,
                })
                .collect(),
        );
        assert_eq!(
            doc.text,
            "Partners 🤝 met.\r\n<!-- tiplint-disable-next-line sum-mismatch -->\r\nThe government identified nine victims (six women and four girls).\r\n"
        );
        let after = ws.check(&uri, &doc.text);
        assert!(
            after
                .result
                .diagnostics
                .iter()
                .all(|d| d.rule != "sum-mismatch"),
            "{:?}",
            after.result.diagnostics
        );
        assert_eq!(after.result.suppressed, 1);
    }

    #[test]
    fn fix_all_leaves_no_safe_fix_and_only_filters_by_kind() {
        let (_dir, ws, uri) = workspace();
        let text = "The the government paid \\$12 to the the victims.\n";
        let checked = ws.check(&uri, text);
        let docs = super::super::convert::default_docs();
        let all = actions(&checked, &uri, &docs, (0, text.len()), None);
        let fixes: Vec<&str> = all
            .iter()
            .map(title)
            .filter(|t| t.contains("delete") || t.contains("replace"))
            .collect();
        assert!(fixes.len() >= 2, "{fixes:?}");
        let fix_all = all
            .iter()
            .find(|a| title(a).contains("every safe fix"))
            .expect("fix all");
        let mut doc = Document::new(text.to_string(), 1);
        // The edits of one action do not overlap: applied from the last, each range still holds.
        let mut edits = edits_of(fix_all, &uri);
        edits.sort_by_key(|e| std::cmp::Reverse((e.range.start.line, e.range.start.character)));
        doc.apply(
            2,
            edits
                .into_iter()
                .map(|e| lsp_types::TextDocumentContentChangeEvent {
                    range: Some(e.range),
                    range_length: None,
                    text: e.new_text,
                })
                .collect(),
        );
        let after = ws.check(&uri, &doc.text);
        let fixable: Vec<_> = crate::fix::safe_fixes(&after.result, &after.setup.rules);
        assert!(fixable.is_empty(), "{:?} in {:?}", fixable, doc.text);
        // Only the quick fixes and fix-all were asked for: `only` filters the rest out.
        let only = [fix_all_kind()];
        let just = actions(&checked, &uri, &docs, (0, text.len()), Some(&only));
        assert_eq!(just.len(), 1);
    }
}
