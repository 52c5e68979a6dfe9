//! From command-line paths to sources: files, directories (walked for `.txt`/`.md`, respecting
//! `.gitignore` and skipping hidden files), or stdin.

use crate::source::Source;
use std::io::Read;
use std::path::Path;

/// One input: a decoded source, or why it could not be read.
pub struct Input {
    pub name: String,
    pub source: Result<Source, String>,
}

fn is_text_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "txt" | "md" | "markdown"))
}

fn read_file(name: String, path: &Path) -> Input {
    let source = match std::fs::read(path) {
        Ok(bytes) => Source::from_bytes(name.clone(), bytes).map_err(|e| e.to_string()),
        Err(e) => Err(format!("cannot read: {e}")),
    };
    Input { name, source }
}

/// Expand paths in order; each directory's files sorted by path. `stdin_name` names `-`.
pub fn collect(paths: &[String], stdin_name: &str) -> Vec<Input> {
    let mut out = Vec::new();
    for p in paths {
        if p == "-" {
            let mut bytes = Vec::new();
            let source = match std::io::stdin().read_to_end(&mut bytes) {
                Ok(_) => Source::from_bytes(stdin_name, bytes).map_err(|e| e.to_string()),
                Err(e) => Err(format!("cannot read standard input: {e}")),
            };
            out.push(Input {
                name: stdin_name.to_string(),
                source,
            });
            continue;
        }
        let path = Path::new(p);
        if path.is_dir() {
            let mut found = 0;
            // Hidden files and whatever .gitignore excludes (build outputs) are skipped.
            let walker = ignore::WalkBuilder::new(path)
                .sort_by_file_name(|a, b| a.cmp(b))
                .build();
            for entry in walker {
                match entry {
                    Ok(e)
                        if e.file_type().is_some_and(|t| t.is_file()) && is_text_file(e.path()) =>
                    {
                        found += 1;
                        out.push(read_file(e.path().display().to_string(), e.path()));
                    }
                    Ok(_) => {}
                    Err(e) => out.push(Input {
                        name: p.clone(),
                        source: Err(format!("cannot read: {e}")),
                    }),
                }
            }
            if found == 0 {
                out.push(Input {
                    name: p.clone(),
                    source: Err("no .txt or .md files in this directory".to_string()),
                });
            }
        } else if path.exists() {
            out.push(read_file(p.clone(), path));
        } else {
            out.push(Input {
                name: p.clone(),
                source: Err("no such file or directory".to_string()),
            });
        }
    }
    out
}
