//! The content: where it comes from, and the one pipeline that loads it.
//!
//! ```text
//! read (bytes → text) → parse (text → records) → check (every rule) → resolve
//!   read.rs               fast.rs, else parse.rs    crate::check        resolve.rs
//! ```
//!
//! Each step only hands down: a file's text is read once, parsed into records
//! with their places (the fast reader for the plain TOML content is written
//! in, the `toml` crate for the rest), checked as a whole, and only then
//! resolved into the `Content` the queries read.

mod fast;
mod parse;
mod read;
mod resolve;
mod schema;
mod structure;

use std::fmt;
use std::path::{Path, PathBuf};

use crate::check;
use crate::diagnostic::Problem;
use crate::model::{Content, Records};

pub use fast::read as read_fast;
pub use parse::parse_toml;
pub use read::MAX_CONTENT_BYTES;
pub use schema::schema;

/// The built-in content, compiled into the binary.
pub const BUILTIN_TEXT: &str = include_str!("../../content/aims.toml");
/// The name the built-in content goes by in messages.
pub const BUILTIN_NAME: &str = "content/aims.toml";

/// The environment variable that names a content file when `--content` does not.
pub const CONTENT_VAR: &str = "AIMS_CONTENT";

/// Where content comes from.
#[derive(Debug, Clone)]
pub enum Origin {
    Builtin,
    /// A file the user named, on the command line or (`from_env`) in `AIMS_CONTENT`.
    File {
        path: PathBuf,
        from_env: bool,
    },
}

impl Origin {
    /// The content in use: `--content`, else a non-empty `AIMS_CONTENT`, else built in.
    pub fn resolve(flag: Option<PathBuf>, env: Option<std::ffi::OsString>) -> Self {
        match (flag, env) {
            (Some(path), _) => Origin::File {
                path,
                from_env: false,
            },
            (None, Some(value)) if !value.is_empty() => Origin::File {
                path: value.into(),
                from_env: true,
            },
            (None, _) => Origin::Builtin,
        }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Builtin => f.write_str(BUILTIN_NAME),
            // A path is printed in messages and summaries: a file named with
            // an escape sequence must not drive the terminal it is shown on.
            Origin::File { path, .. } => {
                f.write_str(&crate::text::escaped(&path.display().to_string()))
            }
        }
    }
}

/// A content file that failed to load: every problem found in it.
#[derive(Debug)]
pub struct ContentError {
    pub origin: Origin,
    pub text: String,
    pub problems: Vec<Problem>,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.problems.len();
        let noun = if count == 1 { "problem" } else { "problems" };
        write!(f, "{} has {count} {noun}", self.origin)
    }
}

impl std::error::Error for ContentError {}

/// Reads, parses, checks and resolves the content from `origin`.
///
/// I/O failures come back as plain errors; everything wrong with the text
/// itself comes back as one `ContentError` listing every problem.
///
/// The content borrows its strings from the text, which therefore lives as
/// long as the process: a query reads one content and ends, and not copying
/// every string halves the memory a large file takes.
///
/// Every file is checked; the built-in content, which cannot change once it
/// is compiled in, only where debug assertions are on (`cargo run`, `cargo
/// test`) and by `aims check` (`load_checked`): the tests check it, and its
/// checks are more than half the instructions of a query on it.
pub fn load(origin: &Origin) -> anyhow::Result<Content<'static>> {
    Ok(load_with_text(origin)?.1)
}

/// `load`, and the text the content was read from: the file as `aims mcp`
/// serves it, the very bytes its answers come from.
pub fn load_with_text(origin: &Origin) -> anyhow::Result<(&'static str, Content<'static>)> {
    let checks = match origin {
        Origin::Builtin => cfg!(debug_assertions),
        Origin::File { .. } => true,
    };
    load_with(origin, checks)
}

/// `load`, checking the built-in content too: what `aims check` reports on.
pub fn load_checked(origin: &Origin) -> anyhow::Result<Content<'static>> {
    Ok(load_with(origin, true)?.1)
}

fn load_with(origin: &Origin, checks: bool) -> anyhow::Result<(&'static str, Content<'static>)> {
    let text: &'static str = match origin {
        Origin::Builtin => BUILTIN_TEXT,
        Origin::File { path, from_env } => Box::leak(read(path, *from_env)?.into_boxed_str()),
    };
    let content = parse_and_resolve(origin, text, checks).map_err(anyhow::Error::new)?;
    Ok((text, content))
}

/// Reads a content file the user named, saying so where the environment named it.
fn read(path: &Path, from_env: bool) -> anyhow::Result<String> {
    read::read_file(path).map_err(|err| {
        if from_env {
            err.context(format!("{CONTENT_VAR} names {}", path.display()))
        } else {
            err
        }
    })
}

/// Parses, checks and resolves `text`: the pure part of `load`, for any origin.
pub fn parse_and_check<'a>(origin: &Origin, text: &'a str) -> Result<Content<'a>, ContentError> {
    parse_and_resolve(origin, text, true)
}

/// Parses `text`, checks it where `checks` says so, and resolves it.
fn parse_and_resolve<'a>(
    origin: &Origin,
    text: &'a str,
    checks: bool,
) -> Result<Content<'a>, ContentError> {
    let (records, mut problems) = parse(text);
    if let (Some(records), true) = (&records, checks) {
        problems.extend(check::check(records, text));
    }
    problems.sort_by_key(|p| p.span.as_ref().map_or(usize::MAX, |s| s.start));
    match records {
        Some(records) if problems.is_empty() => {
            let file = match origin {
                Origin::Builtin => None,
                Origin::File { path, .. } => Some(path.clone()),
            };
            Ok(resolve::resolve(records).read_from(file))
        }
        _ => Err(ContentError {
            origin: origin.clone(),
            text: text.to_owned(),
            problems,
        }),
    }
}

/// Most files are plain TOML and well-formed: one fast pass reads them. The
/// rest, and every file with a problem, the `toml` crate reads and reports on.
fn parse(text: &str) -> (Option<Records<'_>>, Vec<Problem>) {
    match fast::read(text) {
        Some(records) => (Some(records), Vec::new()),
        None => parse::parse_toml(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flag_wins_over_the_environment_and_empty_means_unset() {
        let resolve = |flag: Option<&str>, env: Option<&str>| {
            Origin::resolve(flag.map(PathBuf::from), env.map(Into::into)).to_string()
        };
        assert_eq!(resolve(Some("a.toml"), Some("b.toml")), "a.toml");
        assert_eq!(resolve(None, Some("b.toml")), "b.toml");
        assert_eq!(resolve(None, Some("")), BUILTIN_NAME);
        assert_eq!(resolve(None, None), BUILTIN_NAME);
        assert_eq!(
            resolve(Some("a\u{1b}]0;x\u{7}.toml"), None),
            "a\\u{1b}]0;x\\u{7}.toml"
        );
    }

    #[test]
    fn builtin_content_loads() {
        // Every rule, whatever the profile: a release build trusts this test.
        let content =
            parse_and_check(&Origin::Builtin, BUILTIN_TEXT).expect("the built-in content is valid");
        assert_eq!(content.pillars.len(), 4);
        let clause_ids: Vec<&str> = content.clauses.iter().map(|c| &*c.id).collect();
        assert_eq!(
            clause_ids,
            [
                "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "2.8", "2.9"
            ]
        );
        assert!(
            (20..=35).contains(&content.aims.len()),
            "{}",
            content.aims.len()
        );
    }

    #[test]
    fn a_record_that_is_not_a_table_is_a_problem() {
        let err = parse_and_check(&Origin::Builtin, "aim = [1]").unwrap_err();
        assert_eq!(
            err.problems[0].message,
            "in [[aim]]: each `aim` must be a table"
        );
    }

    #[test]
    fn a_kind_that_is_not_an_array_is_a_problem() {
        let err = parse_and_check(&Origin::Builtin, "aim = 'x'").unwrap_err();
        assert_eq!(
            err.problems[0].message,
            "`aim` must be an array of tables, written as [[aim]] sections"
        );
    }

    #[test]
    fn a_content_error_counts_its_problems() {
        let err = |n| ContentError {
            origin: Origin::Builtin,
            text: String::new(),
            problems: (0..n).map(|_| Problem::whole("x")).collect(),
        };
        assert_eq!(err(1).to_string(), "content/aims.toml has 1 problem");
        assert_eq!(err(2).to_string(), "content/aims.toml has 2 problems");
    }
}
