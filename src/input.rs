//! From command-line paths to sources: files, directories (walked for `.txt`/`.md`, respecting
//! `.gitignore` and skipping hidden files), or stdin.
//!
//! Only regular files are read (a FIFO would block, a device may never end), and none larger
//! than [`MAX_BYTES`]; standard input is read up to the same limit. A file named twice (or
//! found again in a directory) is read once, under the first name it was given.

use crate::source::Source;
use std::collections::HashSet;
use std::fs::Metadata;
use std::io::Read;
use std::path::Path;

/// The most bytes read from one input: 256 MiB, some sixty times a whole report.
pub const MAX_BYTES: u64 = 256 * 1024 * 1024;

/// One input: a decoded source, or why it could not be read.
pub struct Input {
    pub name: String,
    pub source: Result<Source, String>,
    /// Which file it is, when it is one.
    id: Option<FileId>,
}

impl Input {
    /// Is this input the file at `path` (under whatever name)?
    pub fn is_file(&self, path: &Path) -> bool {
        self.id.is_some() && std::fs::metadata(path).ok().map(|m| file_id(path, &m)) == self.id
    }
}

/// A file's identity: its device and inode, the same under every name (links, `./`, `a/../`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct FileId {
    device: u64,
    inode: u64,
}

#[cfg(unix)]
pub(crate) fn file_id(_path: &Path, meta: &Metadata) -> FileId {
    use std::os::unix::fs::MetadataExt;
    FileId {
        device: meta.dev(),
        inode: meta.ino(),
    }
}

/// Elsewhere, the hash of the canonical path stands for the inode.
#[cfg(not(unix))]
pub(crate) fn file_id(path: &Path, _meta: &Metadata) -> FileId {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    std::fs::canonicalize(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .hash(&mut h);
    FileId {
        device: 0,
        inode: h.finish(),
    }
}

fn is_text_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "txt" | "md" | "markdown"))
}

/// What kind of thing a path that is not a regular file is, for a message.
fn kind_of(meta: &Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if meta.is_dir() {
        "a directory"
    } else {
        "not a file"
    }
}

/// `… more than the 256 MiB tiplint reads`.
fn too_large(what: &str) -> String {
    format!(
        "{what} more than the {} MiB tiplint reads",
        MAX_BYTES / (1024 * 1024)
    )
}

/// Why `path` (whose metadata could not be read) cannot be read: a missing file, a link to one,
/// a loop of links, a denied directory.
fn describe_missing(path: &Path, e: &std::io::Error) -> String {
    if e.kind() == std::io::ErrorKind::NotFound {
        if std::fs::symlink_metadata(path).is_ok() {
            "a symbolic link to a file that does not exist".to_string()
        } else {
            "no such file or directory".to_string()
        }
    } else {
        format!("cannot read: {e}")
    }
}

/// The bytes of the regular file at `path` (symbolic links followed), at most [`MAX_BYTES`].
/// Anything else (a FIFO, a device, a directory, a missing file, a larger file) is an error
/// that says what it is. For every file tiplint reads: inputs, configuration, rules, baselines.
pub fn read_regular_file(path: &Path) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|e| describe_missing(path, &e))?;
    read_checked(path, &meta)
}

/// [`read_regular_file`] as UTF-8 text (configuration, rule files).
pub fn read_text_file(path: &Path) -> Result<String, String> {
    String::from_utf8(read_regular_file(path)?).map_err(|e| {
        format!(
            "invalid UTF-8 at byte offset {}",
            e.utf8_error().valid_up_to()
        )
    })
}

/// [`read_regular_file`] with the metadata already read.
fn read_checked(path: &Path, meta: &Metadata) -> Result<Vec<u8>, String> {
    if !meta.is_file() {
        return Err(format!("not a regular file ({})", kind_of(meta)));
    }
    if meta.len() > MAX_BYTES {
        return Err(too_large(&format!("the file is {} bytes,", meta.len())));
    }
    let file = std::fs::File::open(path).map_err(|e| format!("cannot read: {e}"))?;
    // The file may have been replaced since its metadata was read.
    let opened = file.metadata().map_err(|e| format!("cannot read: {e}"))?;
    if !opened.is_file() {
        return Err(format!("not a regular file ({})", kind_of(&opened)));
    }
    read_at_most(file).map_err(|e| match e {
        Limited::Io(e) => format!("cannot read: {e}"),
        Limited::TooLarge => too_large("the file has grown to"),
    })
}

enum Limited {
    Io(std::io::Error),
    TooLarge,
}

/// Everything `reader` holds, if that is at most [`MAX_BYTES`].
fn read_at_most(reader: impl Read) -> Result<Vec<u8>, Limited> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(Limited::Io)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(Limited::TooLarge);
    }
    Ok(bytes)
}

fn read_stdin(name: &str) -> Input {
    let source = match read_at_most(std::io::stdin().lock()) {
        Ok(bytes) => Source::from_bytes(name, bytes).map_err(|e| e.to_string()),
        Err(Limited::Io(e)) => Err(format!("cannot read standard input: {e}")),
        Err(Limited::TooLarge) => Err(too_large("standard input holds")),
    };
    Input {
        name: name.to_string(),
        source,
        id: None,
    }
}

/// The inputs collected so far, and the files among them.
#[derive(Default)]
struct Collected {
    inputs: Vec<Input>,
    seen: HashSet<FileId>,
    stdin_read: bool,
}

impl Collected {
    fn refuse(&mut self, name: String, why: String) {
        self.inputs.push(Input {
            name,
            source: Err(why),
            id: None,
        });
    }

    /// Read the file at `path` unless it was read already (under another name).
    fn file(&mut self, name: String, path: &Path, meta: &Metadata) {
        let id = file_id(path, meta);
        if !self.seen.insert(id) {
            return;
        }
        let source = read_checked(path, meta)
            .and_then(|bytes| Source::from_bytes(name.clone(), bytes).map_err(|e| e.to_string()));
        self.inputs.push(Input {
            name,
            source,
            id: Some(id),
        });
    }

    /// Every `.txt`/`.md` file under `dir`, sorted by path, but those `skip` names.
    fn directory(&mut self, name: &str, dir: &Path, skip: &Skip) {
        let mut found = 0;
        // Hidden files and whatever .gitignore excludes (build outputs) are skipped, and so are
        // the files and directories `skip` names (the configuration's `exclude`); symbolic links
        // are not followed, and only regular files are read.
        let skip = skip.clone();
        let walker = ignore::WalkBuilder::new(dir)
            .sort_by_file_name(|a, b| a.cmp(b))
            .filter_entry(move |e| e.depth() == 0 || !skip(e.path()))
            .build();
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_some_and(|t| t.is_file()) && is_text_file(e.path()) => {
                    found += 1;
                    match e.metadata() {
                        Ok(meta) => self.file(e.path().display().to_string(), e.path(), &meta),
                        Err(err) => self.refuse(
                            e.path().display().to_string(),
                            format!("cannot read: {err}"),
                        ),
                    }
                }
                Ok(_) => {}
                Err(e) => self.refuse(name.to_string(), format!("cannot read: {e}")),
            }
        }
        if found == 0 {
            self.refuse(
                name.to_string(),
                "no .txt or .md files in this directory".to_string(),
            );
        }
    }
}

/// Which files and directories a directory walk skips (a path named on the command line is
/// read whatever it says).
pub type Skip = std::sync::Arc<dyn Fn(&Path) -> bool + Send + Sync>;

/// Expand paths in order; each directory's files sorted by path. `stdin_name` names `-`.
pub fn collect(paths: &[String], stdin_name: &str) -> Vec<Input> {
    collect_skipping(
        paths,
        stdin_name,
        &(std::sync::Arc::new(|_: &Path| false) as Skip),
    )
}

/// [`collect`], a directory walk skipping what `skip` names.
pub fn collect_skipping(paths: &[String], stdin_name: &str, skip: &Skip) -> Vec<Input> {
    let mut c = Collected::default();
    for p in paths {
        if p == "-" {
            if !std::mem::replace(&mut c.stdin_read, true) {
                c.inputs.push(read_stdin(stdin_name));
            }
            continue;
        }
        let path = Path::new(p);
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => c.directory(p, path, skip),
            Ok(meta) => c.file(p.clone(), path, &meta),
            Err(e) => c.refuse(p.clone(), describe_missing(path, &e)),
        }
    }
    c.inputs
}
