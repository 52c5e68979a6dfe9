//! Shared helpers of the consistency checkers: figures as JSON and as text.

use crate::facts::Fig;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde_json::Value;

/// A figure as a JSON number (an integer when it is one).
pub fn json(d: Decimal) -> Value {
    let d = d.normalize();
    if d.fract().is_zero()
        && let Some(i) = d.to_i64()
    {
        return Value::from(i);
    }
    d.to_f64().map_or(Value::Null, Value::from)
}

/// A figure as text, without trailing zeros (`46000`, `2.5`).
pub fn text(d: Decimal) -> String {
    d.normalize().to_string()
}

/// The sum of the figures, or `None` beyond the arithmetic's range (then nothing is checked).
pub fn sum(figs: &[Fig]) -> Option<Decimal> {
    crate::facts::arith::sum(figs.iter().map(|f| f.value))
}

/// `18 + 47 + 1`
pub fn plus(figs: &[Fig]) -> String {
    figs.iter()
        .map(|f| text(f.value))
        .collect::<Vec<_>>()
        .join(" + ")
}
