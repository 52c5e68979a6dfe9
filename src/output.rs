//! Writing to standard output and standard error without panicking (`println!` and `eprintln!`
//! panic when the stream cannot be written, on a full disk for one).
//!
//! A report that cannot be written to standard output is an error (exit 2), said on standard
//! error; a closed pipe (`tiplint … | head`) is not: the reader has all it wanted. A message that
//! cannot be written to standard error is dropped: there is nowhere left to say so.

use std::io::Write;
use std::sync::atomic::{AtomicU8, Ordering};

/// The state of standard output: writable, closed by its reader, or failed (reported once).
static STDOUT: AtomicU8 = AtomicU8::new(OPEN);
const OPEN: u8 = 0;
const CLOSED: u8 = 1;
const FAILED: u8 = 2;

/// Standard output could not be written (already reported on standard error).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StdoutFailed;

/// Write `text` to standard output. `Err` when it could not be written for another reason than a
/// closed pipe; the first such failure is reported on standard error, and nothing more is
/// written to standard output after a failure or a closed pipe.
pub fn print(text: &str) -> Result<(), StdoutFailed> {
    match STDOUT.load(Ordering::Relaxed) {
        CLOSED => return Ok(()),
        FAILED => return Err(StdoutFailed),
        _ => {}
    }
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        // Rust ignores SIGPIPE, so a reader that went away is this error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            STDOUT.store(CLOSED, Ordering::Relaxed);
            Ok(())
        }
        Err(e) => {
            STDOUT.store(FAILED, Ordering::Relaxed);
            error(&format!("cannot write to standard output: {e}"));
            Err(StdoutFailed)
        }
    }
}

/// A rendered report on standard error (when standard output holds a fixed text); a report
/// that cannot be written there is dropped, as any message on standard error.
pub fn print_to_stderr(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

/// `error: MESSAGE` on standard error, with what it quotes from the input shortened.
pub fn error(message: &str) {
    note(&format!("error: {message}"));
}

/// A line on standard error (progress, counts), with what it quotes from the input shortened and
/// its control characters made visible.
pub fn note(message: &str) {
    // File names and quoted input may hold control characters: shown, never obeyed.
    let mut line = clip_quotes(message, MAX_QUOTE);
    line = crate::render::visible(&line, crate::render::Keep::Lines).into_owned();
    line.push('\n');
    let _ = std::io::stderr().lock().write_all(line.as_bytes());
}

/// How many characters of a quoted piece of the input a message shows.
pub const MAX_QUOTE: usize = 80;

/// The first `max` characters of `quoted`, and whether more were left out (shown as `…`).
pub fn clip(quoted: &str, max: usize) -> (&str, bool) {
    match quoted.char_indices().nth(max) {
        Some((cut, _)) => (&quoted[..cut], true),
        None => (quoted, false),
    }
}

/// Shorten every piece of `message` between backquotes or double quotes (how messages quote the
/// input: a key, a rule name, a string) to `max` characters and `…`, so that a message about a
/// megabyte-long key is still one line. An unclosed quote runs to the end of the message.
pub fn clip_quotes(message: &str, max: usize) -> String {
    let mut out = String::with_capacity(message.len().min(4 * max + 256));
    let mut rest = message;
    while let Some(open) = rest.find(['`', '"']) {
        let quote = &rest[open..open + 1];
        out.push_str(&rest[..=open]);
        let inside = &rest[open + 1..];
        let (quoted, after) = match inside.find(quote) {
            Some(close) => (&inside[..close], &inside[close..]),
            None => (inside, ""),
        };
        let (kept, cut) = clip(quoted, max);
        out.push_str(kept);
        if cut {
            out.push('…');
        }
        match after.strip_prefix(quote) {
            Some(after) => {
                out.push_str(quote);
                rest = after;
            }
            None => rest = after,
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_quotes_are_clipped_and_short_ones_kept() {
        let long = "k".repeat(1000);
        let m = clip_quotes(
            &format!("unknown field `{long}`, expected one of `edition`, `select`"),
            8,
        );
        assert_eq!(
            m,
            "unknown field `kkkkkkkk…`, expected one of `edition`, `select`"
        );
        assert_eq!(
            clip_quotes(&format!("invalid type: string \"{long}\", expected"), 3),
            "invalid type: string \"kkk…\", expected"
        );
        assert_eq!(
            clip_quotes(&format!("unclosed `{long}"), 2),
            "unclosed `kk…"
        );
        assert_eq!(clip_quotes("`ünï`", 3), "`ünï`");
        assert_eq!(clip_quotes("`ünïc`", 3), "`ünï…`");
        assert_eq!(clip_quotes("no quotes", 3), "no quotes");
    }
}
