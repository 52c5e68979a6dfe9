//! Structure → facts: tokens, quantities, and the claims the consistency rules check.

pub mod arith;
pub mod claims;
pub mod currency;
pub mod quantity;
pub mod token;

pub use claims::*;
