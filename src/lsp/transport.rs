//! The connection to the editor over standard input and output: lsp-server's messages and
//! framing (`Message::read`, `Message::write`), on threads of our own so that a malformed
//! message is reported and skipped instead of ending the connection, as lsp-server's own stdio
//! transport does.

use lsp_server::{Connection, Message, Notification};
use std::io::{BufReader, ErrorKind};
use std::thread::JoinHandle;

/// What the reader passes on, as a notification, for a message it could not read: the loop
/// logs it to the editor and goes on.
pub const MALFORMED: &str = "$/tiplint/malformedMessage";

/// The longest message body read (a whole report is a few megabytes): a larger `Content-Length`
/// is refused before anything is allocated for it.
pub const MAX_MESSAGE: usize = 256 << 20;

/// The writer thread: joined at the end so that everything sent is written.
pub struct Writer(JoinHandle<()>);

impl Writer {
    pub fn join(self) {
        let _ = self.0.join();
    }
}

/// A connection on standard input and output.
pub fn stdio() -> (Connection, Writer) {
    // Unbounded: the editor's messages are read as they come, so that the loop finds a burst
    // of edits waiting and checks the text once for all of them.
    let (to_server, from_editor) = crossbeam_channel::unbounded::<Message>();
    let (to_editor, outgoing) = crossbeam_channel::bounded::<Message>(0);
    std::thread::Builder::new()
        .name("lsp-reader".into())
        .spawn(move || {
            let stdin = std::io::stdin();
            read_messages(
                &mut super::guard::Guarded::new(BufReader::new(stdin.lock()), MAX_MESSAGE),
                |m| to_server.send(m).is_ok(),
            );
        })
        .expect("a thread can be started");
    let writer = std::thread::Builder::new()
        .name("lsp-writer".into())
        .spawn(move || {
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            for m in outgoing {
                if m.write(&mut out).is_err() {
                    // The editor is gone: nothing more can be said to it.
                    break;
                }
            }
        })
        .expect("a thread can be started");
    (
        Connection {
            sender: to_editor,
            receiver: from_editor,
        },
        Writer(writer),
    )
}

/// Read messages from `input` and hand each to `send` (false: nobody listens any more), until
/// the input ends or an `exit` notification has been passed on. A message whose body is not a
/// JSON-RPC message, or whose header is malformed, is passed on as a [`MALFORMED`] notification
/// and reading goes on after it.
pub fn read_messages(input: &mut impl std::io::BufRead, mut send: impl FnMut(Message) -> bool) {
    loop {
        let message = match Message::read(input) {
            Ok(Some(m)) => m,
            Ok(None) => return,
            Err(e) if e.kind() == ErrorKind::InvalidData => {
                let error = e.to_string();
                let (said, cut) = crate::output::clip(&error, 300);
                let said = if cut {
                    format!("{said}…")
                } else {
                    said.to_string()
                };
                Message::Notification(Notification::new(
                    MALFORMED.to_string(),
                    serde_json::json!({ "error": said }),
                ))
            }
            // The input ended inside a message, or cannot be read: the editor is gone.
            Err(_) => return,
        };
        let exit = matches!(&message, Message::Notification(n) if n.method == "exit");
        if !send(message) || exit {
            return;
        }
    }
}
