//! Every invalid document of the toml-test suite (TOML 1.1, in
//! `../shared/toml-test/invalid/` beside this repository) is rejected by
//! `aims check` with exit 1 and a message that names the file, line and column:
//! the fast reader for plain content files must never let one through.

use std::fs;
use std::path::{Path, PathBuf};

mod common;

const SUITE: &str = "../shared/toml-test/invalid";

fn cases(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("readable folder") {
        let path = entry.expect("readable entry").path();
        if path.is_dir() {
            cases(&path, found);
        } else if path.extension().is_some_and(|e| e == "toml") {
            found.push(path);
        }
    }
}

#[test]
fn every_invalid_toml_document_is_rejected_with_its_place() {
    let suite = Path::new(SUITE);
    if !suite.is_dir() {
        eprintln!("note: {SUITE} is not beside this checkout; skipped");
        return;
    }
    let mut files = Vec::new();
    cases(suite, &mut files);
    files.sort();
    assert!(
        files.len() > 400,
        "{} cases: the suite is incomplete",
        files.len()
    );
    let mut failures = Vec::new();
    for file in &files {
        let path = file.to_str().expect("UTF-8 path");
        let output = common::aims()
            .args(["check", path])
            .output()
            .expect("aims runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        // The first line names the file, then a line and a column.
        let located = stderr
            .lines()
            .next()
            .and_then(|line| line.strip_prefix(&format!("aims: error: {path}:")))
            .and_then(|rest| {
                let mut parts = rest.splitn(3, ':');
                let line = parts.next()?.parse::<usize>().ok()?;
                let column = parts.next()?.parse::<usize>().ok()?;
                Some(line > 0 && column > 0)
            })
            .unwrap_or(false);
        if output.status.code() != Some(1) || !located || !output.stdout.is_empty() {
            failures.push(format!(
                "{path}: exit {:?}\n{}",
                output.status.code(),
                stderr.lines().take(3).collect::<Vec<_>>().join("\n")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} invalid documents were not rejected with a located message:\n\n{}",
        failures.len(),
        files.len(),
        failures.join("\n\n")
    );
}
