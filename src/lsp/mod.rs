//! `tiplint lsp`: a language server on standard input and output, built on `lsp-server` (the
//! messages and their framing) and `lsp-types` (the protocol's types), synchronous, as
//! rust-analyzer and ruff build theirs.
//!
//! One job per file: [`transport`] (the connection, surviving malformed messages) and [`guard`]
//! (refusing oversized ones), [`documents`] (the open texts, kept in step with incremental
//! edits), [`workspace`] (the configuration, and checking a text through the library's
//! pipeline), [`convert`] (findings as LSP diagnostics), [`actions`] (code actions) and
//! [`hover`]. This file is the loop: it reads the editor's messages, answers them, and
//! publishes the diagnostics of the documents that changed once the messages waiting are read.

pub mod actions;
pub mod convert;
pub mod documents;
pub mod guard;
pub mod hover;
pub mod transport;
pub mod workspace;

pub use workspace::Options;

use documents::Documents;
use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionParams, CodeActionProviderCapability,
    DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
    DidSaveTextDocumentParams, HoverParams, HoverProviderCapability, InitializeParams,
    InitializeResult, MessageType, PositionEncodingKind, PublishDiagnosticsParams, Range,
    SaveOptions, ServerCapabilities, ServerInfo, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextDocumentSyncOptions, TextDocumentSyncSaveOptions, Url,
};
use std::collections::BTreeSet;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use workspace::{Checked, Workspace};

/// Serve the editor on standard input and output until it says `exit` (or goes away). The
/// exit code is 0 after `shutdown` then `exit`, 1 otherwise (as the protocol asks).
pub fn run(options: Options) -> u8 {
    let (connection, writer) = transport::stdio();
    let mut server = Server::new(connection.sender.clone(), options);
    let code = serve(&mut server, &connection.receiver);
    drop(server);
    drop(connection);
    // Everything sent is written before the process ends.
    writer.join();
    code
}

/// The loop: every message waiting is handled, then the diagnostics of the documents changed
/// are published (a burst of edits is checked once).
pub fn serve(server: &mut Server, incoming: &crossbeam_channel::Receiver<Message>) -> u8 {
    while let Ok(first) = incoming.recv() {
        let mut next = Some(first);
        while let Some(message) = next {
            if let Some(code) = server.handle(message) {
                return code;
            }
            next = incoming.try_recv().ok();
        }
        server.publish_changed();
    }
    // The editor went away without `exit`.
    1
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Uninitialized,
    Running,
    ShutDown,
}

pub struct Server {
    out: crossbeam_channel::Sender<Message>,
    options: Option<Options>,
    state: State,
    workspace: Option<Workspace>,
    documents: Documents,
    /// Documents whose diagnostics are to be published (again).
    changed: BTreeSet<Url>,
    /// Where the rules' documentation is.
    docs: Url,
    /// The editor lets the server ask to be told when files change.
    can_watch: bool,
    requests_sent: u32,
}

impl Server {
    pub fn new(out: crossbeam_channel::Sender<Message>, options: Options) -> Server {
        Server {
            out,
            options: Some(options),
            state: State::Uninitialized,
            workspace: None,
            documents: Documents::default(),
            changed: BTreeSet::new(),
            docs: convert::default_docs(),
            can_watch: false,
            requests_sent: 0,
        }
    }

    /// Handle one message; `Some(code)` when the server is to exit.
    pub fn handle(&mut self, message: Message) -> Option<u8> {
        match message {
            Message::Request(req) => {
                let id = req.id.clone();
                let method = req.method.clone();
                // A bug in a rule must not end the session: the request fails, the server goes on.
                match catch_unwind(AssertUnwindSafe(|| self.request(req))) {
                    Ok(Some(response)) => self.send(response.into()),
                    Ok(None) => {}
                    Err(_) => self.send(
                        Response::new_err(
                            id,
                            ErrorCode::InternalError as i32,
                            format!("tiplint failed on `{method}` (a bug: please report it)"),
                        )
                        .into(),
                    ),
                }
                None
            }
            Message::Notification(n) if n.method == "exit" => {
                Some(if self.state == State::ShutDown { 0 } else { 1 })
            }
            Message::Notification(n) => {
                let method = n.method.clone();
                if catch_unwind(AssertUnwindSafe(|| self.notification(n))).is_err() {
                    self.log(
                        MessageType::ERROR,
                        format!("tiplint failed on `{method}` (a bug: please report it)"),
                    );
                }
                None
            }
            // Answers to what the server asked (`client/registerCapability`): nothing to do.
            Message::Response(_) => None,
        }
    }

    fn request(&mut self, req: Request) -> Option<Response> {
        let err = |code: ErrorCode, message: String| {
            Some(Response::new_err(req.id.clone(), code as i32, message))
        };
        match (self.state, req.method.as_str()) {
            (State::Uninitialized, "initialize") => Some(self.initialize(req)),
            (State::Uninitialized, _) => err(
                ErrorCode::ServerNotInitialized,
                "the server is not initialized".into(),
            ),
            (State::ShutDown, _) => err(
                ErrorCode::InvalidRequest,
                "the server is shut down: only `exit` is expected".into(),
            ),
            (State::Running, "initialize") => {
                err(ErrorCode::InvalidRequest, "already initialized".into())
            }
            (State::Running, "shutdown") => {
                self.state = State::ShutDown;
                Some(Response::new_ok(req.id, ()))
            }
            (State::Running, "textDocument/codeAction") => {
                let id = req.id.clone();
                match params::<CodeActionParams>(&req) {
                    Ok(p) => Some(Response::new_ok(id, self.code_actions(p))),
                    Err(e) => Some(e),
                }
            }
            (State::Running, "textDocument/hover") => {
                let id = req.id.clone();
                match params::<HoverParams>(&req) {
                    Ok(p) => Some(Response::new_ok(id, self.hover(p))),
                    Err(e) => Some(e),
                }
            }
            (State::Running, method) => err(
                ErrorCode::MethodNotFound,
                format!("tiplint does not answer `{method}`"),
            ),
        }
    }

    fn initialize(&mut self, req: Request) -> Response {
        let p = match params::<InitializeParams>(&req) {
            Ok(p) => p,
            Err(e) => return e,
        };
        if let Some(docs) = p
            .initialization_options
            .as_ref()
            .and_then(|o| o.get("rulesDocumentation"))
            .and_then(|d| d.as_str())
            .and_then(|d| Url::parse(d).ok())
        {
            self.docs = docs;
        }
        self.can_watch = p
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false);
        let root = root_of(&p);
        let (workspace, error) = Workspace::new(self.options.take().unwrap_or_default(), root);
        self.workspace = Some(workspace);
        if let Some(e) = error {
            self.show(
                MessageType::ERROR,
                format!("tiplint: {e} (using the built-in rules)"),
            );
        }
        self.state = State::Running;
        let result = InitializeResult {
            capabilities: capabilities(),
            server_info: Some(ServerInfo {
                name: "tiplint".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
        };
        Response::new_ok(req.id, result)
    }

    fn notification(&mut self, n: Notification) {
        if n.method == transport::MALFORMED {
            let said = n.params.get("error").and_then(|e| e.as_str()).unwrap_or("");
            self.log(
                MessageType::WARNING,
                format!("tiplint: a message that could not be read was skipped: {said}"),
            );
            return;
        }
        if self.state != State::Running {
            return;
        }
        match n.method.as_str() {
            "initialized" => self.watch_configuration(),
            "textDocument/didOpen" => {
                if let Some(p) = self.params_of::<DidOpenTextDocumentParams>(&n) {
                    let d = p.text_document;
                    self.changed.insert(d.uri.clone());
                    self.documents.open(d.uri, d.text, d.version);
                }
            }
            "textDocument/didChange" => {
                if let Some(p) = self.params_of::<DidChangeTextDocumentParams>(&n) {
                    let uri = p.text_document.uri;
                    match self.documents.get_mut(&uri) {
                        Some(doc) => {
                            doc.apply(p.text_document.version, p.content_changes);
                            self.changed.insert(uri);
                        }
                        None => self.log(
                            MessageType::WARNING,
                            format!("tiplint: a change to {uri}, which is not open, ignored"),
                        ),
                    }
                }
            }
            "textDocument/didClose" => {
                if let Some(p) = self.params_of::<DidCloseTextDocumentParams>(&n)
                    && self.documents.close(&p.text_document.uri)
                {
                    // Published empty: its findings go with it.
                    self.changed.insert(p.text_document.uri);
                }
            }
            "textDocument/didSave" => {
                if let Some(p) = self.params_of::<DidSaveTextDocumentParams>(&n)
                    && self
                        .workspace
                        .as_ref()
                        .is_some_and(|w| w.is_config(&p.text_document.uri))
                {
                    self.reload();
                }
            }
            "workspace/didChangeWatchedFiles" | "workspace/didChangeConfiguration" => self.reload(),
            _ => {}
        }
    }

    /// Read the configuration again and check every open document with it.
    fn reload(&mut self) {
        let Some(ws) = self.workspace.as_mut() else {
            return;
        };
        match ws.reload() {
            Ok(()) => {
                let uris = self.documents.invalidate_all();
                self.changed.extend(uris);
                self.log(MessageType::INFO, "tiplint: configuration reloaded".into());
            }
            Err(e) => self.show(
                MessageType::ERROR,
                format!("tiplint: {e} (the previous configuration is kept)"),
            ),
        }
    }

    /// Ask the editor to say when a `tiplint.toml` changes, if it can.
    fn watch_configuration(&mut self) {
        if !self.can_watch {
            return;
        }
        let options = lsp_types::DidChangeWatchedFilesRegistrationOptions {
            watchers: vec![lsp_types::FileSystemWatcher {
                glob_pattern: lsp_types::GlobPattern::String(format!(
                    "**/{}",
                    crate::config::FILE_NAME
                )),
                kind: None,
            }],
        };
        let params = lsp_types::RegistrationParams {
            registrations: vec![lsp_types::Registration {
                id: "tiplint-configuration".into(),
                method: "workspace/didChangeWatchedFiles".into(),
                register_options: serde_json::to_value(options).ok(),
            }],
        };
        self.requests_sent += 1;
        let id = RequestId::from(format!("tiplint-{}", self.requests_sent));
        self.send(Request::new(id, "client/registerCapability".into(), params).into());
    }

    /// The document's check, made now if its text changed since the last.
    fn checked(&mut self, uri: &Url) -> Option<Arc<Checked>> {
        let ws = self.workspace.as_ref()?;
        let doc = self.documents.get_mut(uri)?;
        if doc.checked.is_none() {
            doc.checked = Some(Arc::new(ws.check(uri, &doc.text)));
        }
        doc.checked.clone()
    }

    /// Publish the diagnostics of every document changed since the last time.
    pub fn publish_changed(&mut self) {
        if self.state != State::Running {
            return;
        }
        for uri in std::mem::take(&mut self.changed) {
            let published = catch_unwind(AssertUnwindSafe(|| self.diagnostics_of(&uri)));
            let (diagnostics, version) = published.unwrap_or_else(|_| {
                self.log(
                    MessageType::ERROR,
                    format!("tiplint failed on {uri} (a bug: please report it)"),
                );
                (Vec::new(), None)
            });
            let params = PublishDiagnosticsParams {
                uri,
                diagnostics,
                version,
            };
            self.send(Notification::new("textDocument/publishDiagnostics".into(), params).into());
        }
    }

    fn diagnostics_of(&mut self, uri: &Url) -> (Vec<lsp_types::Diagnostic>, Option<i32>) {
        let is_config = self.workspace.as_ref().is_some_and(|w| w.is_config(uri));
        let version = self.documents.get(uri).map(|d| d.version);
        if is_config {
            return (Vec::new(), version);
        }
        match self.checked(uri) {
            Some(c) => (convert::diagnostics(&c, uri, &self.docs), version),
            None => (Vec::new(), None),
        }
    }

    fn code_actions(&mut self, p: CodeActionParams) -> Vec<lsp_types::CodeActionOrCommand> {
        let uri = p.text_document.uri;
        let Some(checked) = self.checked(&uri) else {
            return Vec::new();
        };
        let bytes = documents::byte_range(&checked.source.text, p.range);
        actions::actions(&checked, &uri, &self.docs, bytes, p.context.only.as_deref())
    }

    fn hover(&mut self, p: HoverParams) -> Option<lsp_types::Hover> {
        let at = p.text_document_position_params;
        let checked = self.checked(&at.text_document.uri)?;
        let (offset, _) =
            documents::byte_range(&checked.source.text, Range::new(at.position, at.position));
        hover::hover(&checked, offset)
    }

    /// A notification's parameters, or (logged) `None` when they are not what the method takes.
    fn params_of<P: serde::de::DeserializeOwned>(&self, n: &Notification) -> Option<P> {
        match serde_json::from_value(n.params.clone()) {
            Ok(p) => Some(p),
            Err(e) => {
                self.log(
                    MessageType::WARNING,
                    format!(
                        "tiplint: `{}` with parameters it cannot read: {e}",
                        n.method
                    ),
                );
                None
            }
        }
    }

    fn send(&self, message: Message) {
        // The editor went away: the loop ends when its input does.
        let _ = self.out.send(message);
    }

    fn log(&self, typ: MessageType, message: String) {
        self.send(
            Notification::new(
                "window/logMessage".into(),
                lsp_types::LogMessageParams { typ, message },
            )
            .into(),
        );
    }

    fn show(&self, typ: MessageType, message: String) {
        self.send(
            Notification::new(
                "window/showMessage".into(),
                lsp_types::ShowMessageParams { typ, message },
            )
            .into(),
        );
    }
}

/// A request's parameters, or the error response saying they are not what the method takes.
fn params<P: serde::de::DeserializeOwned>(req: &Request) -> Result<P, Response> {
    serde_json::from_value(req.params.clone()).map_err(|e| {
        Response::new_err(
            req.id.clone(),
            ErrorCode::InvalidParams as i32,
            format!("`{}`: {e}", req.method),
        )
    })
}

/// The workspace's root directory: its first folder, else the root the editor names, else the
/// working directory.
fn root_of(p: &InitializeParams) -> std::path::PathBuf {
    #[allow(deprecated)]
    let named = p
        .workspace_folders
        .as_ref()
        .and_then(|f| f.first())
        .map(|f| f.uri.clone())
        .or_else(|| p.root_uri.clone())
        .and_then(|u| u.to_file_path().ok())
        .or_else(|| p.root_path.as_ref().map(std::path::PathBuf::from));
    named.unwrap_or_else(|| crate::paths::absolute(std::path::Path::new(".")))
}

fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(PositionEncodingKind::UTF16),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
                ..TextDocumentSyncOptions::default()
            },
        )),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, actions::fix_all_kind()]),
            ..CodeActionOptions::default()
        })),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        ..ServerCapabilities::default()
    }
}
