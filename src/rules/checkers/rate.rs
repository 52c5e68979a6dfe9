//! TL105 `rate-mismatch`: conversions of one currency in a chapter must imply one exchange rate,
//! within the rounding of the stated figures; a rate outside the edition's reference band is a
//! warning.

use super::figures::{json, text};
use super::{Checker, Context, Output, options};
use crate::diagnostic::{Check, Severity};
use crate::facts::Conversion;
use crate::facts::currency::is_known;
use crate::rules::spec::RuleSpec;
use rust_decimal::Decimal;
use serde_json::json;
use std::collections::BTreeMap;

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RateOptions {
    /// Extra room, in percent, around the rates the rounding of the figures allows; 0 by
    /// default. Set from `[tolerances]` in `tiplint.toml`.
    #[serde(default)]
    tolerance: f64,
    /// More room, in percent, for an amount stated as approximate (`approximately 1.8 million
    /// pesos`); such a conversion alone never makes an error.
    #[serde(default = "default_approximate_room")]
    approximate_room: f64,
}

fn default_approximate_room() -> f64 {
    5.0
}

pub struct Rate {
    /// The tolerance as a fraction (1% is 0.01).
    widen: Decimal,
    /// The extra room for an approximate amount, as a fraction.
    approximate: Decimal,
}

/// A percentage option as a fraction.
fn fraction(name: &str, percent: f64) -> Result<Decimal, String> {
    if !(0.0..100.0).contains(&percent) {
        return Err(format!(
            "invalid options: {name} is a percentage from 0 up to 100, not {percent}"
        ));
    }
    let p = Decimal::try_from(percent)
        .map_err(|e| format!("invalid options: {name} {percent}: {e}"))?;
    Ok(p.round_dp(6) / Decimal::ONE_HUNDRED)
}

/// A conversion and the rates it allows: (lowest, highest, as stated).
type Allowed<'c> = (&'c Conversion, (Decimal, Decimal, Decimal));

pub fn build(table: &toml::Table) -> Result<Box<dyn Checker>, String> {
    let RateOptions {
        tolerance,
        approximate_room,
    } = options(table)?;
    Ok(Box::new(Rate {
        widen: fraction("tolerance", tolerance)?,
        approximate: fraction("approximate_room", approximate_room)?,
    }))
}

/// The rates a conversion allows: the local amount is exact unless written with a scale word
/// (`4 million` is 3.5–4.5 million); the converted amount is rounded at its last non-zero digit
/// (`$46,000` is 45,500–46,500). `None` for a conversion to nothing, or one whose rates are
/// beyond the arithmetic's range (then it is not checked).
fn interval(c: &Conversion, widen: Decimal) -> Option<(Decimal, Decimal, Decimal)> {
    let lh = if c.local.scaled {
        c.local.half_last_digit
    } else {
        Decimal::ZERO
    };
    let uh = c.usd.half_last_nonzero;
    let (l_lo, l_hi) = (
        c.local.value.checked_sub(lh)?,
        c.local.value.checked_add(lh)?,
    );
    let (u_lo, u_hi) = (c.usd.value.checked_sub(uh)?, c.usd.value.checked_add(uh)?);
    if u_lo <= Decimal::ZERO || c.usd.value.is_zero() {
        return None;
    }
    // `widen` is a fraction below 2 (two percentages below 100): `1 - widen` and `1 + widen`
    // are small.
    Some((
        l_lo.checked_div(u_hi)?.checked_mul(Decimal::ONE - widen)?,
        l_hi.checked_div(u_lo)?.checked_mul(Decimal::ONE + widen)?,
        c.local.value.checked_div(c.usd.value)?,
    ))
}

fn approximate(c: &Conversion) -> bool {
    c.local.approx || c.usd.approx
}

fn overlap(items: &[(Decimal, Decimal)]) -> bool {
    let lo = items.iter().map(|x| x.0).max();
    let hi = items.iter().map(|x| x.1).min();
    matches!((lo, hi), (Some(lo), Some(hi)) if lo <= hi)
}

fn rate_text(r: Decimal) -> String {
    text(r.round_dp(if r >= Decimal::from(10) { 2 } else { 4 }))
}

impl Checker for Rate {
    fn check(&self, cx: &Context, rule: &RuleSpec, out: &mut Output) {
        for chapter in &cx.facts.chapters {
            let mut by_currency: BTreeMap<&str, Vec<Allowed>> = BTreeMap::new();
            for c in &chapter.conversions {
                let widen = if approximate(c) {
                    self.widen + self.approximate
                } else {
                    self.widen
                };
                if let Some(iv) = interval(c, widen) {
                    by_currency
                        .entry(c.currency.as_str())
                        .or_default()
                        .push((c, iv));
                }
            }
            for (key, convs) in by_currency {
                // A currency whose name the chapter shares with others and does not resolve
                // (`pesos` in an excerpt without a heading): its conversions are compared with
                // those written the same way only, and a disagreement is never an error.
                let known = is_known(key);
                let unit = key.trim_start_matches('?');
                let currency = if known {
                    key.to_string()
                } else {
                    format!("{unit} (which country's is not said)")
                };
                // The edition's reference band.
                if let Some(edition) = cx.edition {
                    let band = cx
                        .vocab
                        .currencies
                        .iter()
                        .find(|c| c.code == key)
                        .and_then(|c| c.bands.iter().find(|b| b.edition == edition));
                    if let Some(band) = band {
                        for (c, (lo, hi, mid)) in &convs {
                            if *hi < band.low || *lo > band.high {
                                let span = c.local.span.cover(c.usd.span);
                                let mut d = rule
                                    .diagnostic(span, format!("this conversion implies {} {currency} per U.S. dollar, outside the {edition} edition's expected {}–{}", rate_text(*mid), text(band.low), text(band.high)))
                                    .with_label(c.local.span, format!("{} {unit}", text(c.local.value)))
                                    .with_label(c.usd.span, format!("{} USD", text(c.usd.value)))
                                    .with_help(format!("{} / {} = {}", text(c.local.value), text(c.usd.value), rate_text(*mid)));
                                d.severity = Severity::Warning.min(rule.severity);
                                out.diagnostics.push(d);
                            }
                        }
                    }
                }
                if convs.len() < 2 {
                    continue;
                }
                let intervals: Vec<(Decimal, Decimal)> =
                    convs.iter().map(|(_, (lo, hi, _))| (*lo, *hi)).collect();
                let ok = overlap(&intervals);
                let span = convs
                    .iter()
                    .map(|(c, _)| c.local.span.cover(c.usd.span))
                    .reduce(|a, b| a.cover(b))
                    .expect("two or more");
                let expression = convs
                    .iter()
                    .map(|(c, (_, _, mid))| {
                        format!(
                            "{} / {} = {}",
                            text(c.local.value),
                            text(c.usd.value),
                            rate_text(*mid)
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("; ");
                out.checks.push(Check {
                    rule: rule.name.clone(),
                    ok,
                    expression: format!("{currency} per USD: {expression}"),
                    values: json!({"currency": key, "rates": convs.iter().map(|(_, (_, _, mid))| json(mid.round_dp(6))).collect::<Vec<_>>()}),
                    span,
                    figures: convs
                        .iter()
                        .flat_map(|(c, _)| [c.local.span, c.usd.span])
                        .collect(),
                });
                if ok {
                    continue;
                }
                // Which conversion is the odd one out? The one without which the rest agree.
                let odd: Vec<usize> = (0..convs.len())
                    .filter(|&k| {
                        let rest: Vec<_> = intervals
                            .iter()
                            .enumerate()
                            .filter(|(j, _)| *j != k)
                            .map(|(_, x)| *x)
                            .collect();
                        overlap(&rest)
                    })
                    .collect();
                let blamed: Vec<usize> = if odd.len() == 1 {
                    odd
                } else {
                    (0..convs.len()).collect()
                };
                let first = &convs[blamed[0]];
                // When the exact conversions agree among themselves, the disagreement comes from
                // an approximate amount: a hint, not an error.
                let exact: Vec<(Decimal, Decimal)> = convs
                    .iter()
                    .zip(&intervals)
                    .filter(|((c, _), _)| !approximate(c))
                    .map(|(_, iv)| *iv)
                    .collect();
                let only_approximate =
                    exact.len() < convs.len() && overlap(&exact) || exact.is_empty();
                let mut d = rule.diagnostic(
                    first.0.local.span.cover(first.0.usd.span),
                    format!(
                        "conversions of {currency} imply different exchange rates ({}), beyond the rounding of the figures",
                        convs.iter().map(|(_, (_, _, m))| rate_text(*m)).collect::<Vec<_>>().join(" and ")
                    ),
                );
                for (k, (c, (lo, hi, mid))) in convs.iter().enumerate() {
                    let note = if blamed.contains(&k) && blamed.len() < convs.len() {
                        " (the odd one out)"
                    } else {
                        ""
                    };
                    d = d
                        .with_label(c.local.span, format!("{} {unit}", text(c.local.value)))
                        .with_label(
                            c.usd.span,
                            format!(
                                "{} USD: {} per dollar, {}–{} with rounding{note}",
                                text(c.usd.value),
                                rate_text(*mid),
                                rate_text(*lo),
                                rate_text(*hi)
                            ),
                        );
                }
                if only_approximate {
                    d.severity = Severity::Info;
                    d.message.push_str(" (an amount is approximate)");
                } else if !known {
                    d.severity = Severity::Info;
                }
                out.diagnostics.push(d.with_help(expression));
            }
        }
    }
}
