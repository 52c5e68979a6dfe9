//! Rule documentation for `tiplint rules` and `tiplint explain`, from the rule data itself.

use crate::cli::RulesFormat;
use crate::rules::RuleSet;
use crate::rules::spec::RuleSpec;
use unicode_width::UnicodeWidthStr;

pub fn rules_listing(rules: &RuleSet, format: RulesFormat) -> String {
    match format {
        RulesFormat::Text => {
            // Each column as wide as its widest entry (a user's rule may have a long name).
            let width = |f: &dyn Fn(&RuleSpec) -> String| {
                rules
                    .rules
                    .iter()
                    .map(|r| UnicodeWidthStr::width(f(&r.spec).as_str()))
                    .max()
                    .unwrap_or(0)
            };
            let widths = [
                width(&|s| s.code.clone()),
                width(&|s| s.name.clone()),
                width(&|s| s.severity.to_string()),
            ];
            let pad = |text: &str, w: usize| {
                let fill = w.saturating_sub(UnicodeWidthStr::width(text));
                format!("{text}{}", " ".repeat(fill))
            };
            let mut out = String::new();
            for r in &rules.rules {
                let s = &r.spec;
                out.push_str(&format!(
                    "{}  {}  {}  {}{}\n",
                    pad(&s.code, widths[0]),
                    pad(&s.name, widths[1]),
                    pad(&s.severity.to_string(), widths[2]),
                    s.summary,
                    fix_mark(s)
                ));
            }
            out
        }
        RulesFormat::Json => {
            let specs: Vec<&RuleSpec> = rules.rules.iter().map(|r| &r.spec).collect();
            serde_json::to_string_pretty(&specs).expect("plain data serialises") + "\n"
        }
        RulesFormat::Markdown => {
            let mut out = String::from(
                "# tiplint rules\n\n| code | name | default | flags |\n|---|---|---|---|\n",
            );
            for r in &rules.rules {
                let s = &r.spec;
                out.push_str(&format!(
                    "| {} | `{}` | {}{} | {} |\n",
                    s.code,
                    s.name,
                    s.severity,
                    fix_mark(s),
                    s.summary
                ));
            }
            for r in &rules.rules {
                out.push('\n');
                out.push_str(&markdown_entry(&r.spec));
            }
            out
        }
    }
}

/// ` (fix)` for a rule `--fix` applies, ` (unsafe fix)` for one it applies only with
/// `--unsafe-fixes`.
fn fix_mark(s: &RuleSpec) -> &'static str {
    match s.fix {
        Some(crate::rules::spec::FixSafety::Safe) => " (fix)",
        Some(crate::rules::spec::FixSafety::Unsafe) => " (unsafe fix)",
        None => "",
    }
}

fn markdown_entry(s: &RuleSpec) -> String {
    let mut out = format!("## {} `{}`\n\n{}\n\n", s.code, s.name, s.doc.trim());
    out.push_str(&format!("Default severity: {}. ", s.severity));
    out.push_str(match s.fix {
        Some(crate::rules::spec::FixSafety::Safe) => "Fix: safe.\n\n",
        Some(crate::rules::spec::FixSafety::Unsafe) => {
            "Fix: unsafe (review it; `--fix` applies it only with `--unsafe-fixes`).\n\n"
        }
        None => "No automatic fix.\n\n",
    });
    if let Some(previous) = &s.examples.previous {
        out.push_str("Each example is checked against this earlier edition (`--previous`):\n\n");
        out.push_str(&format!("```text\n{}\n```\n\n", previous.trim_end()));
    }
    out.push_str("Flagged:\n\n");
    for e in &s.examples.must_flag {
        out.push_str(&format!("```text\n{}\n```\n\n", e.trim_end()));
    }
    out.push_str("Not flagged:\n\n");
    for e in &s.examples.must_not_flag {
        out.push_str(&format!("```text\n{}\n```\n\n", e.trim_end()));
    }
    if !s.examples.reads.is_empty() {
        out.push_str("Read and found consistent:\n\n");
        for e in &s.examples.reads {
            out.push_str(&format!(
                "```text\n{}\n```\n\nCheck: `{}`\n\n",
                e.text.trim_end(),
                e.check
            ));
        }
    }
    out
}

/// A rule's documentation: its heading line, summary and doc, then each kind of example it has
/// (a heading only over examples).
pub fn explain(s: &RuleSpec) -> String {
    let mut out = format!(
        "{} {} (default severity: {}{})\n\n{}\n",
        s.code,
        s.name,
        s.severity,
        match s.fix {
            Some(crate::rules::spec::FixSafety::Safe) => ", fixable",
            Some(crate::rules::spec::FixSafety::Unsafe) => ", fixable with --unsafe-fixes",
            None => "",
        },
        s.summary,
    );
    if !s.doc.trim().is_empty() {
        out.push_str(&format!("\n{}\n", s.doc.trim()));
    }
    if let Some(previous) = &s.examples.previous {
        out.push_str("\nChecked against this earlier edition (--previous):\n");
        out.push_str(&indent(previous));
    }
    let mut section = |heading: &str, texts: &[String]| {
        if texts.is_empty() {
            return;
        }
        out.push_str(&format!("\n{heading}\n"));
        for e in texts {
            out.push_str(&indent(e));
        }
    };
    section("Flagged, for example:", &s.examples.must_flag);
    section("Not flagged, for example:", &s.examples.must_not_flag);
    if !s.examples.fixes.is_empty() {
        out.push_str("\nFixed, for example:\n");
        for e in &s.examples.fixes {
            out.push_str(indent(&e.input).trim_end_matches('\n'));
            out.push_str("\n  becomes\n");
            out.push_str(&indent(&e.output));
        }
    }
    if !s.examples.reads.is_empty() {
        out.push_str("\nRead and found consistent, for example:\n");
        for e in &s.examples.reads {
            out.push_str(&indent(&e.text));
            out.push_str(&format!("    check: {}\n\n", e.check));
        }
    }
    out
}

fn indent(text: &str) -> String {
    let mut out = String::new();
    for line in text.trim_end().lines() {
        out.push_str("    ");
        out.push_str(line);
        out.push('\n');
    }
    out.push('\n');
    out
}
