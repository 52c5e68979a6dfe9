//! Rule documentation for `tiplint rules` and `tiplint explain`, from the rule data itself.

use crate::cli::RulesFormat;
use crate::rules::RuleSet;
use crate::rules::spec::RuleSpec;

pub fn rules_listing(rules: &RuleSet, format: RulesFormat) -> String {
    match format {
        RulesFormat::Text => {
            let mut out = String::new();
            for r in &rules.rules {
                let s = &r.spec;
                out.push_str(&format!(
                    "{:<6} {:<22} {:<8} {}{}\n",
                    s.code,
                    s.name,
                    s.severity.to_string(),
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

pub fn explain(s: &RuleSpec) -> String {
    let mut out = format!(
        "{} {} (default severity: {}{})\n\n{}\n\n{}\n",
        s.code,
        s.name,
        s.severity,
        match s.fix {
            Some(crate::rules::spec::FixSafety::Safe) => ", fixable",
            Some(crate::rules::spec::FixSafety::Unsafe) => ", fixable with --unsafe-fixes",
            None => "",
        },
        s.summary,
        s.doc.trim()
    );
    out.push_str("\nFlagged, for example:\n");
    for e in &s.examples.must_flag {
        out.push_str(&indent(e));
    }
    out.push_str("\nNot flagged, for example:\n");
    for e in &s.examples.must_not_flag {
        out.push_str(&indent(e));
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
