//! Any text: safe fixes keep every byte they do not touch, and fixing a fixed text changes
//! nothing.
#![no_main]

#[path = "../../tests/support/invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        invariants::assert_fix_round_trip("damaged.txt", text);
    }
});
