//! A guard on the editor's input: a message announcing a body larger than the limit is refused
//! before lsp-server's reader allocates room for it (a `Content-Length` of a terabyte would
//! otherwise end the process), and its body is skipped, so that the next message is read.
//!
//! The guard only looks at the header lines as they pass; the framing itself is lsp-server's.

use std::io::{self, BufRead, ErrorKind, Read};

/// What the guard is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Passing the input on, watching the header lines.
    Watching,
    /// A header announced `len` bytes: the next read fails (once), then the message is skipped.
    Refuse { len: u64 },
    /// Skipping the rest of a refused message's headers, then `body` bytes.
    Skip { headers_done: bool, body: u64 },
}

pub struct Guarded<R> {
    inner: R,
    max: usize,
    /// The start of the header line being consumed (enough to read a `Content-Length`).
    line: Vec<u8>,
    state: State,
}

/// How much of a header line is kept to read it.
const KEEP: usize = 64;

impl<R: BufRead> Guarded<R> {
    pub fn new(inner: R, max: usize) -> Self {
        Guarded {
            inner,
            max,
            line: Vec::with_capacity(KEEP),
            state: State::Watching,
        }
    }

    /// Note consumed header bytes; a completed `Content-Length` line above the limit starts a
    /// refusal.
    fn observe(line: &mut Vec<u8>, state: &mut State, max: usize, bytes: &[u8]) {
        for &b in bytes {
            if b != b'\n' {
                if line.len() < KEEP {
                    line.push(b);
                }
                continue;
            }
            if let Some(len) = content_length(line)
                && len > max as u64
            {
                *state = State::Refuse { len };
            }
            line.clear();
        }
    }

    /// Skip what is left of a refused message; `Ok(false)` at the end of the input.
    fn skip(&mut self) -> io::Result<bool> {
        while let State::Skip { headers_done, body } = self.state {
            let buf = self.inner.fill_buf()?;
            if buf.is_empty() {
                return Ok(false);
            }
            if headers_done {
                let n = buf.len().min(usize::try_from(body).unwrap_or(usize::MAX));
                self.inner.consume(n);
                let left = body - n as u64;
                self.state = if left == 0 {
                    State::Watching
                } else {
                    State::Skip {
                        headers_done,
                        body: left,
                    }
                };
            } else {
                // Up to the end of the next line: a blank one ends the headers.
                let (n, ended) = match buf.iter().position(|&b| b == b'\n') {
                    Some(i) => (i + 1, true),
                    None => (buf.len(), false),
                };
                let blank = ended && self.line.is_empty() && matches!(&buf[..n], b"\n" | b"\r\n");
                if ended {
                    self.line.clear();
                } else {
                    self.line.push(b' ');
                }
                self.inner.consume(n);
                if blank {
                    self.state = State::Skip {
                        headers_done: true,
                        body,
                    };
                    if body == 0 {
                        self.state = State::Watching;
                    }
                }
            }
        }
        Ok(true)
    }
}

/// The value of a `Content-Length` header line (`None` for another line); a value too long to
/// be a number is `u64::MAX`.
fn content_length(line: &[u8]) -> Option<u64> {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let (name, value) = line.split_at(line.iter().position(|&b| b == b':')?);
    if !name.eq_ignore_ascii_case(b"content-length") {
        return None;
    }
    let value = std::str::from_utf8(&value[1..]).ok()?.trim();
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(value.parse().unwrap_or(u64::MAX))
}

impl<R: BufRead> Read for Guarded<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let n = {
            let buf = self.fill_buf()?;
            let n = buf.len().min(out.len());
            out[..n].copy_from_slice(&buf[..n]);
            n
        };
        self.inner.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Guarded<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if let State::Refuse { len } = self.state {
            self.state = State::Skip {
                headers_done: false,
                body: len,
            };
            return Err(io::Error::new(
                ErrorKind::InvalidData,
                format!(
                    "a message of {len} bytes, more than the {} this server reads; skipped",
                    self.max
                ),
            ));
        }
        if matches!(self.state, State::Skip { .. }) && !self.skip()? {
            return Ok(&[]);
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        let Guarded {
            inner,
            line,
            state,
            max,
        } = self;
        // What is consumed is in the buffer already: looking at it reads nothing more.
        if amt > 0
            && let Ok(buf) = inner.fill_buf()
        {
            Self::observe(line, state, *max, &buf[..amt.min(buf.len())]);
        }
        inner.consume(amt);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_server::Message;

    fn framed(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    #[test]
    fn an_oversized_message_is_refused_and_the_next_one_read() {
        let big = format!(
            r#"{{"jsonrpc":"2.0","method":"x","params":"{}"}}"#,
            "a".repeat(200)
        );
        let small = r#"{"jsonrpc":"2.0","method":"y"}"#;
        // A length no process could hold: refused before lsp-server allocates for it.
        let lying = "Content-Length: 999999999999999\r\nX-Other: 1\r\n\r\n{}";
        let input = format!("{}{}{lying}", framed(&big), framed(small));
        let mut guarded = Guarded::new(input.as_bytes(), 100);
        let e = Message::read(&mut guarded).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidData);
        assert!(e.to_string().contains("more than the 100"), "{e}");
        match Message::read(&mut guarded).unwrap() {
            Some(Message::Notification(n)) => assert_eq!(n.method, "y"),
            other => panic!("{other:?}"),
        }
        // Refused, and the input's end is reached while its body is skipped.
        let e = Message::read(&mut guarded).unwrap_err();
        assert!(e.to_string().contains("999999999999999 bytes"), "{e}");
        assert!(Message::read(&mut guarded).unwrap().is_none());
    }

    #[test]
    fn messages_within_the_limit_pass_untouched() {
        let a = r#"{"jsonrpc":"2.0","method":"a"}"#;
        let b = r#"{"jsonrpc":"2.0","id":1,"method":"b","params":{"t":"Türkiye 🤝"}}"#;
        let input = format!("{}{}", framed(a), framed(b));
        let mut guarded = Guarded::new(input.as_bytes(), 1000);
        assert!(matches!(
            Message::read(&mut guarded).unwrap(),
            Some(Message::Notification(_))
        ));
        assert!(matches!(
            Message::read(&mut guarded).unwrap(),
            Some(Message::Request(_))
        ));
        assert!(Message::read(&mut guarded).unwrap().is_none());
    }

    #[test]
    fn header_values_are_read_as_lsp_server_reads_them() {
        assert_eq!(content_length(b"Content-Length: 12\r"), Some(12));
        assert_eq!(content_length(b"content-length:7"), Some(7));
        assert_eq!(content_length(b"Content-Type: x"), None);
        assert_eq!(content_length(b"Content-Length: -1"), None);
        assert_eq!(content_length(b"Content-Length: 1e9"), None);
        assert_eq!(
            content_length(b"Content-Length: 123456789012345678901234567890"),
            Some(u64::MAX)
        );
    }
}
