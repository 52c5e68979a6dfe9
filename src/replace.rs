//! Replacing a file's contents safely: the new contents go to a temporary file beside it, which
//! is then renamed over it, so a crash or a full disk never leaves half a file. The new file takes
//! the old one's permissions and, where that is allowed, its owner and group.

use std::fs::{self, File, Metadata};
use std::io::Write;
use std::path::Path;

/// Must the new file keep the old one's owner and group?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    /// Yes: when it cannot (we are not root, the file is someone else's), nothing is replaced.
    Keep,
    /// Where allowed; otherwise the new file is ours (output tiplint made, as a baseline).
    IfAllowed,
}

#[derive(Debug)]
pub enum Error {
    /// The new file could not be given the old one's owner or group; nothing was replaced.
    Owner(std::io::Error),
    /// Something else failed (said in full); nothing was replaced.
    Io(String),
}

/// Replace the contents of `target` with `contents` (or create it). `target` should not be a
/// symbolic link (resolve it first): the rename would replace the link, not its target.
pub fn replace(target: &Path, contents: &[u8], owner: Owner) -> Result<(), Error> {
    let dir = target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let old = match fs::metadata(target) {
        Ok(m) => Some(m),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(Error::Io(format!("cannot read its metadata: {e}"))),
    };
    let mut tmp =
        new_file_in(dir).map_err(|e| Error::Io(format!("cannot create a temporary file: {e}")))?;
    if let Some(old) = &old {
        // The owner first: changing it may clear the set-user-ID bit the mode then restores.
        if let Err(e) = same_owner(tmp.as_file(), old)
            && owner == Owner::Keep
        {
            return Err(Error::Owner(e));
        }
        tmp.as_file()
            .set_permissions(old.permissions())
            .map_err(|e| Error::Io(format!("cannot give the new file the old one's mode: {e}")))?;
    }
    tmp.write_all(contents)
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| Error::Io(format!("cannot write: {e}")))?;
    tmp.persist(target)
        .map_err(|e| Error::Io(format!("cannot replace the file: {}", e.error)))?;
    // The rename reaches the disk with the directory.
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// An empty temporary file in `dir`, with the mode a new file gets (0666 less the umask), not
/// the 0600 of a temporary file: a file created this way is a lasting one.
fn new_file_in(dir: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let mut b = tempfile::Builder::new();
    b.prefix(".tiplint-");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        b.permissions(fs::Permissions::from_mode(0o666));
    }
    b.tempfile_in(dir)
}

#[cfg(unix)]
fn same_owner(file: &File, old: &Metadata) -> std::io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    let new = file.metadata()?;
    if (new.uid(), new.gid()) == (old.uid(), old.gid()) {
        return Ok(());
    }
    std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid()))
}

#[cfg(not(unix))]
fn same_owner(_file: &File, _old: &Metadata) -> std::io::Result<()> {
    Ok(())
}
