//! Paths as tiplint compares them: absolute and normalised, so that `bl/ch.txt`, `./bl/ch.txt`,
//! `/abs/bl/ch.txt` and `../here/bl/ch.txt` are one file; and relative to a directory (a
//! baseline's, a configuration's), written with `/`.

use std::path::{Component, Path, PathBuf};

/// `path` made absolute (against the working directory) with `.` removed and `..` applied to
/// the words before it, without asking the file system.
pub fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    };
    normalise(&joined)
}

/// `.` removed and `..` applied lexically (a `..` above the root stays at the root; one above
/// the start of a relative path is kept).
pub fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => match out.components().next_back() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => out.push(".."),
            },
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// The file at `path` as the file system knows it: its directory resolved (symbolic links of
/// the directories followed), its own name kept. Lexical when the directory cannot be resolved.
pub fn resolved(path: &Path) -> PathBuf {
    let abs = absolute(path);
    match (abs.parent(), abs.file_name()) {
        (Some(dir), Some(name)) => std::fs::canonicalize(dir)
            .map(|d| d.join(name))
            .unwrap_or(abs),
        _ => abs,
    }
}

/// The directory `dir` as the file system knows it (links followed), or lexically.
pub fn resolved_dir(dir: &Path) -> PathBuf {
    std::fs::canonicalize(dir).unwrap_or_else(|_| absolute(dir))
}

/// `path` relative to `base` (both absolute and normalised), with `/` between its parts:
/// `ch.txt`, `sub/ch.txt`, `../other/ch.txt`. A path on another root (a Windows drive) stays
/// absolute.
pub fn relative_to(path: &Path, base: &Path) -> String {
    let p: Vec<Component> = path.components().collect();
    let b: Vec<Component> = base.components().collect();
    if p.first() != b.first() {
        return slashed(path);
    }
    let common = p.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut parts: Vec<String> = vec!["..".to_string(); b.len() - common];
    parts.extend(
        p[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    if parts.is_empty() {
        ".".to_string()
    } else {
        parts.join("/")
    }
}

/// A relative path as stored: `.` removed, `..` applied, `/` between parts (`./a//b` → `a/b`).
pub fn normalised_relative(path: &str) -> String {
    slashed(&normalise(Path::new(path)))
}

fn slashed(path: &Path) -> String {
    let mut out = String::new();
    for c in path.components() {
        match c {
            Component::RootDir => out.push('/'),
            c => {
                if !out.is_empty() && !out.ends_with('/') {
                    out.push('/');
                }
                out.push_str(&c.as_os_str().to_string_lossy());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_file_under_several_spellings() {
        assert_eq!(
            normalise(Path::new("/a/./b/../c.txt")),
            Path::new("/a/c.txt")
        );
        assert_eq!(normalise(Path::new("./bl/ch.txt")), Path::new("bl/ch.txt"));
        assert_eq!(normalise(Path::new("../x/./y")), Path::new("../x/y"));
        assert_eq!(normalise(Path::new("/../a")), Path::new("/a"));
        assert_eq!(normalised_relative("./bl//ch.txt"), "bl/ch.txt");
        assert_eq!(normalised_relative("/abs/ch.txt"), "/abs/ch.txt");
    }

    #[test]
    fn relative_paths_climb_and_descend() {
        let base = Path::new("/w/bl");
        assert_eq!(relative_to(Path::new("/w/bl/ch.txt"), base), "ch.txt");
        assert_eq!(relative_to(Path::new("/w/bl/s/ch.txt"), base), "s/ch.txt");
        assert_eq!(
            relative_to(Path::new("/w/other/ch.txt"), base),
            "../other/ch.txt"
        );
        assert_eq!(relative_to(Path::new("/w/bl"), base), ".");
    }
}
