//! Arithmetic on figures that cannot overflow. rust_decimal panics on a result beyond its range
//! (28 decimals, about 7.9 × 10^28): a figure is read only within that range (see `quantity`),
//! and every sum, difference, product or quotient of figures is a checked operation (this
//! module's sum, or `Decimal::checked_*`) whose `None` means the relation is beyond the
//! arithmetic and is not evaluated.

use rust_decimal::Decimal;

/// The sum of `values`, or `None` when it is beyond the range.
pub fn sum(values: impl IntoIterator<Item = Decimal>) -> Option<Decimal> {
    values
        .into_iter()
        .try_fold(Decimal::ZERO, |acc, v| acc.checked_add(v))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sum_beyond_the_range_is_none() {
        assert_eq!(sum([Decimal::ONE, Decimal::TWO]), Some(Decimal::from(3)));
        assert_eq!(sum([]), Some(Decimal::ZERO));
        assert_eq!(sum([Decimal::MAX, Decimal::ZERO]), Some(Decimal::MAX));
        assert_eq!(sum([Decimal::MAX, Decimal::ONE]), None);
        assert_eq!(
            sum([Decimal::MAX, Decimal::ONE, Decimal::NEGATIVE_ONE]),
            None
        );
    }
}
