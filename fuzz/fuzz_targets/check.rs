//! Any bytes: the whole check and every output format; spans sound, JSON and SARIF parse.
//! The first byte's lowest bit chooses `.md` or `.txt` handling.
#![no_main]

#[path = "../../tests/support/invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let markdown = data.first().is_some_and(|b| b & 1 == 1);
    invariants::check_bytes(data, markdown);
});
