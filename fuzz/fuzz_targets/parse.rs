//! Any bytes: decode, parse the structure and read the claims; every span of the tree is sound.
#![no_main]

#[path = "../../tests/support/invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    invariants::parse_bytes(data);
});
