//! `cargo bench`: the pipeline over a generated full-size report (190 chapters, about 4 MB),
//! built from the sample chapter under the names of the country list. Prints the median of
//! several runs for: the structure parse alone; parse and claim extraction; the whole check
//! (parse, claims and every rule); and two ratios, the whole check over the structure parse, and
//! what the rules alone add over parse and claims.
//!
//! Wall-clock time on a shared machine is noisy; for a repeatable figure run one phase alone under
//! an instruction counter: `TIPLINT_BENCH_PHASE=parse|claims|check perf stat -e instructions:u
//! target/release/deps/pipeline-*`, or where perf cannot count, `TIPLINT_BENCH_RUNS=1` under
//! `valgrind --tool=cachegrind --cache-sim=no` (subtract the phase `none`, the set-up alone).

use std::time::{Duration, Instant};
use tiplint::facts::{Lexicon, extract};
use tiplint::parse::StructureGrammar;
use tiplint::rules::{RuleSet, Selection, check_source};
use tiplint::source::Source;

const SAMPLE: &str = include_str!("../samples/kyrgyz-republic-2023.txt");

fn full_report(rules: &RuleSet) -> String {
    let mut out = String::new();
    for country in rules.vocabulary.countries.iter().take(190) {
        out.push_str(&SAMPLE.replace("Kyrgyz Republic", &country.name));
        out.push_str("\n\n");
    }
    out
}

fn median(mut f: impl FnMut(), runs: usize) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn main() {
    let rules = RuleSet::default_rules();
    let text = full_report(&rules);
    let source = Source::new("report.txt", text.clone());
    let grammar = StructureGrammar::new(&rules.vocabulary);
    let lexicon = Lexicon::new(&rules.vocabulary);
    let chapters = grammar.parse(&text).chapters.len();
    let runs: usize = std::env::var("TIPLINT_BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(11);
    if let Ok(phase) = std::env::var("TIPLINT_BENCH_PHASE") {
        for _ in 0..runs {
            match phase.as_str() {
                "parse" => drop(std::hint::black_box(grammar.parse(&text))),
                "claims" => {
                    let report = grammar.parse(&text);
                    drop(std::hint::black_box(extract(&text, &report, &lexicon)));
                }
                "check" => drop(std::hint::black_box(check_source(
                    &source,
                    &rules,
                    &Selection::default(),
                ))),
                _ => {}
            }
        }
        return;
    }
    let parse = median(|| drop(std::hint::black_box(grammar.parse(&text))), runs);
    let claims = median(
        || {
            let report = grammar.parse(&text);
            drop(std::hint::black_box(extract(&text, &report, &lexicon)));
        },
        runs,
    );
    let all = Selection::default();
    let check = median(
        || drop(std::hint::black_box(check_source(&source, &rules, &all))),
        runs,
    );
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "report: {chapters} chapters, {:.1} MB",
        text.len() as f64 / 1e6
    );
    println!("structure parse:           {:8.1} ms", ms(parse));
    println!("parse + claims:            {:8.1} ms", ms(claims));
    println!("whole check (all rules):   {:8.1} ms", ms(check));
    println!("whole check / parse:       {:8.2}x", ms(check) / ms(parse));
    // The same split read the other way: what the rules add to reading the text (structure and
    // claims together).
    println!(
        "rules / (parse + claims):  {:8.2}x",
        (ms(check) - ms(claims)).max(0.0) / ms(claims)
    );
    println!(
        "throughput:                {:8.1} MB/s",
        text.len() as f64 / 1e6 / check.as_secs_f64()
    );
}
