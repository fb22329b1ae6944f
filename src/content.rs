//! The content model, and the one loader that reads, checks and resolves it.
//!
//! A content file is parsed into spanned raw records (so every problem can name
//! its line and column), checked as a whole by `check`, and only then resolved
//! into the plain model the rest of `aims` works on.

use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use crate::check::{self, Problem};
use crate::scan;

/// The built-in content, compiled into the binary.
pub const BUILTIN_TEXT: &str = include_str!("../content/aims.toml");
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
            Origin::File { path, .. } => write!(f, "{}", path.display()),
        }
    }
}

/// A content that has passed every check, with its references resolved to indices.
#[derive(Debug)]
pub struct Content<'a> {
    pub sources: Vec<Source<'a>>,
    pub pillars: Vec<Pillar<'a>>,
    pub domains: Vec<Domain<'a>>,
    pub clauses: Vec<Clause<'a>>,
    pub aims: Vec<Aim<'a>>,
}

#[derive(Debug)]
pub struct Source<'a> {
    pub id: Cow<'a, str>,
    pub title: Cow<'a, str>,
    pub standing: Cow<'a, str>,
}

#[derive(Debug)]
pub struct Pillar<'a> {
    pub id: Cow<'a, str>,
    pub name: Cow<'a, str>,
    pub description: Cow<'a, str>,
}

#[derive(Debug)]
pub struct Domain<'a> {
    pub id: Cow<'a, str>,
    pub name: Cow<'a, str>,
    pub aliases: Vec<Cow<'a, str>>,
    pub description: Cow<'a, str>,
}

#[derive(Debug)]
pub struct Clause<'a> {
    pub id: Cow<'a, str>,
    pub instrument: Cow<'a, str>,
    pub article: u32,
    pub item: u32,
    pub source: usize,
    pub text: Cow<'a, str>,
}

#[derive(Debug)]
pub struct Aim<'a> {
    pub id: Cow<'a, str>,
    pub title: Cow<'a, str>,
    pub quote: Cow<'a, str>,
    pub source: usize,
    pub clause: Option<usize>,
    pub pillars: Vec<usize>,
    pub domains: Vec<usize>,
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
pub fn load(origin: &Origin) -> anyhow::Result<Content<'static>> {
    let text: &'static str = match origin {
        Origin::Builtin => BUILTIN_TEXT,
        Origin::File { path, from_env } => Box::leak(read(path, *from_env)?.into_boxed_str()),
    };
    parse_and_check(origin, text).map_err(anyhow::Error::new)
}

/// The largest content file `aims` reads: far above any real content (a
/// million aims take about a third of this), low enough that a wrong path
/// cannot exhaust memory.
pub const MAX_CONTENT_BYTES: usize = 1 << 30;

/// Reads a content file the user named, saying so where the environment named it.
fn read(path: &Path, from_env: bool) -> anyhow::Result<String> {
    read_file(path).map_err(|err| {
        if from_env {
            err.context(format!("{CONTENT_VAR} names {}", path.display()))
        } else {
            err
        }
    })
}

/// Reads a content file in chunks, stopping at the first sign that it is not a
/// TOML text (a NUL byte, invalid UTF-8) or is too large: a device or a binary
/// named by mistake fails at once instead of filling memory.
fn read_file(path: &Path) -> anyhow::Result<String> {
    if path.is_dir() {
        anyhow::bail!(
            "cannot read content file {}: it is a directory, not a TOML file",
            path.display()
        );
    }
    let cannot =
        |err: std::io::Error| anyhow::anyhow!("cannot read content file {}: {err}", path.display());
    let mut file = std::fs::File::open(path).map_err(cannot)?;
    let size_hint = file
        .metadata()
        .map_or(0, |m| usize::try_from(m.len()).unwrap_or(usize::MAX));
    // A file that says it is too large is refused before it is read.
    if size_hint > MAX_CONTENT_BYTES {
        return Err(too_large(path));
    }
    let mut bytes = Vec::with_capacity(size_hint.min(MAX_CONTENT_BYTES) + 1);
    let mut checked = 0;
    loop {
        // A chunk at a time, so that a device or a binary is caught early.
        let start = bytes.len();
        let read =
            std::io::Read::read_to_end(&mut std::io::Read::take(&mut file, 1 << 20), &mut bytes)
                .map_err(cannot)?;
        if read == 0 {
            break;
        }
        if bytes.len() > MAX_CONTENT_BYTES {
            return Err(too_large(path));
        }
        if let Some(nul) = bytes[start..].iter().position(|&b| b == 0) {
            let at = start + nul;
            let (line, column) = check::locate(&String::from_utf8_lossy(&bytes[..at]), at);
            anyhow::bail!(
                "{}:{line}:{column}: a NUL byte: this is binary data, not a TOML text file",
                path.display()
            );
        }
        checked = utf8_checked(path, &bytes, checked)?;
    }
    if checked < bytes.len() {
        // The file ends inside a multi-byte character.
        utf8_invalid(path, &bytes, checked)?;
    }
    String::from_utf8(bytes).map_err(|err| anyhow::anyhow!("{}: {err}", path.display()))
}

fn too_large(path: &Path) -> anyhow::Error {
    anyhow::anyhow!(
        "{}: larger than {} MiB, the most a content file may be",
        path.display(),
        MAX_CONTENT_BYTES >> 20
    )
}

/// Checks the bytes after `checked` as UTF-8, allowing a character cut at the
/// end of the chunk; returns how far the bytes are valid.
fn utf8_checked(path: &Path, bytes: &[u8], checked: usize) -> anyhow::Result<usize> {
    match std::str::from_utf8(&bytes[checked..]) {
        Ok(_) => Ok(bytes.len()),
        Err(err) if err.error_len().is_none() => Ok(checked + err.valid_up_to()),
        Err(err) => utf8_invalid(path, bytes, checked + err.valid_up_to()),
    }
}

fn utf8_invalid(path: &Path, bytes: &[u8], at: usize) -> anyhow::Result<usize> {
    // Everything before `at` is valid UTF-8, so it can be located.
    let (line, column) = check::locate(&String::from_utf8_lossy(&bytes[..at]), at);
    anyhow::bail!(
        "{}:{line}:{column}: invalid UTF-8 (byte 0x{:02x}); a content file must be UTF-8 text",
        path.display(),
        bytes[at]
    )
}

/// Parses and checks `text`; the pure part of `load`, for any origin.
pub fn parse_and_check<'a>(origin: &Origin, text: &'a str) -> Result<Content<'a>, ContentError> {
    let (raw, mut problems) = parse(text);
    if let Some(raw) = &raw {
        problems.extend(check::check(raw, text));
    }
    problems.sort_by_key(|p| p.span.as_ref().map_or(usize::MAX, |s| s.start));
    match raw {
        Some(raw) if problems.is_empty() => Ok(resolve(raw)),
        _ => Err(ContentError {
            origin: origin.clone(),
            text: text.to_owned(),
            problems,
        }),
    }
}

/// A string of a content file with its place: borrowed from the file's text
/// unless an escape had to be decoded.
pub type Text<'a> = Spanned<Cow<'a, str>>;

// The raw records, as written in the file, with spans for messages. `check`
// reads them; `resolve` turns them into the model once they have passed.

/// A document the aims are quoted from.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "source")]
pub struct RawSource<'a> {
    /// A short id to type, such as `assembly-aims`: no white space or comma.
    #[schemars(with = "String")]
    pub id: Text<'a>,
    /// The document's title, as it cites it.
    #[schemars(with = "String")]
    pub title: Text<'a>,
    /// A note on what the document is and how far it can be relied on.
    #[serde(borrow)]
    pub standing: Cow<'a, str>,
    /// The document's full text, verbatim: every quote must stand in it.
    #[schemars(with = "String")]
    pub text: Text<'a>,
}

/// One of the pillars the Assembly is built around.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "pillar")]
pub struct RawPillar<'a> {
    /// A short id to type, such as `shared-history`: no white space or comma.
    #[schemars(with = "String")]
    pub id: Text<'a>,
    /// The pillar's name; `--pillar` matches it too, ignoring case.
    #[schemars(with = "String")]
    pub name: Text<'a>,
    /// What the pillar is, in a sentence.
    #[serde(borrow)]
    pub description: Cow<'a, str>,
}

/// A field of cooperation.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "domain")]
pub struct RawDomain<'a> {
    /// A short id to type, such as `transport`: no white space or comma.
    #[schemars(with = "String")]
    pub id: Text<'a>,
    /// The domain's name; `--domain` matches it too, ignoring case.
    #[schemars(with = "String")]
    pub name: Text<'a>,
    /// Other words a user may type for it, such as `transportation`. An aim's
    /// quote justifies the domain by its id, name or one of these, as whole words.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub aliases: Vec<Text<'a>>,
    /// What the domain covers, in a sentence.
    #[serde(borrow)]
    pub description: Cow<'a, str>,
}

/// An item of an article of a legal instrument, as its source quotes it.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "clause")]
pub struct RawClause<'a> {
    /// `ARTICLE.ITEM`, such as `2.7`.
    #[schemars(with = "String")]
    pub id: Text<'a>,
    /// The legal instrument, such as `Nakhchivan Agreement`.
    #[serde(borrow)]
    pub instrument: Cow<'a, str>,
    /// The article's number.
    #[schemars(with = "u32")]
    pub article: Spanned<u32>,
    /// The item's number within the article, in the source's order.
    #[schemars(with = "u32")]
    pub item: Spanned<u32>,
    /// The id of the source that quotes the clause.
    #[schemars(with = "String")]
    pub source: Text<'a>,
    /// The clause's text, verbatim as the source quotes it.
    #[schemars(with = "String")]
    pub text: Text<'a>,
}

/// A stated aim, with the quote that states it.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "aim")]
pub struct RawAim<'a> {
    /// A short slug people can type, such as `combat-terrorism`.
    #[schemars(with = "String")]
    pub id: Text<'a>,
    /// A short summary, in the content author's words.
    #[schemars(with = "String")]
    pub title: Text<'a>,
    /// Verbatim from the source: letters, case and punctuation as there; runs
    /// of white space may differ; `...` joins excerpts that stand in that order.
    #[schemars(with = "String")]
    pub quote: Text<'a>,
    /// The id of the source the quote is from.
    #[schemars(with = "String")]
    pub source: Text<'a>,
    /// The id of the clause the quote is from, if it is one (`2.7`).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub clause: Option<Text<'a>>,
    /// Ids of the pillars the quote names.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub pillars: Vec<Text<'a>>,
    /// Ids of the domains the quote names (by id, name or alias).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub domains: Vec<Text<'a>>,
}

#[derive(Debug, Default)]
pub struct RawContent<'a> {
    pub sources: Vec<RawSource<'a>>,
    pub pillars: Vec<RawPillar<'a>>,
    pub domains: Vec<RawDomain<'a>>,
    pub clauses: Vec<RawClause<'a>>,
    pub aims: Vec<RawAim<'a>>,
    /// The records that could not be read, by kind and id (if they had one): a
    /// reference to one of them is not dangling, only unread.
    pub unread: Vec<(&'static str, Option<String>)>,
}

/// A content file, for its JSON Schema: what editors check as you type. The
/// loader reads the same records one by one (see `parse`), so that every
/// problem is reported with its place.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[expect(
    dead_code,
    reason = "it exists for its JSON Schema; the loader reads records one by one"
)]
#[schemars(
    title = "aims content",
    description = "The content format of `aims`: sources, pillars, domains, clauses and aims. `aims check` validates a file against every rule, including those a schema cannot say (verbatim quotes, justified tags)."
)]
struct ContentFile<'a> {
    #[serde(default, borrow)]
    source: Vec<RawSource<'a>>,
    #[serde(default, borrow)]
    pillar: Vec<RawPillar<'a>>,
    #[serde(default, borrow)]
    domain: Vec<RawDomain<'a>>,
    #[serde(default, borrow)]
    clause: Vec<RawClause<'a>>,
    #[serde(default, borrow)]
    aim: Vec<RawAim<'a>>,
}

/// The JSON Schema of the content format, in draft 7 (the draft taplo, the TOML
/// language server behind most editors, reads), pretty-printed.
pub fn schema() -> String {
    let schema = schemars::generate::SchemaSettings::draft07()
        .for_deserialize()
        .into_generator()
        .into_root_schema_for::<ContentFile<'_>>();
    let mut json = serde_json::to_string_pretty(&schema).expect("a schema is JSON");
    json.push('\n');
    json
}

/// The top-level keys of a content file, each an array of tables.
const KINDS: [&str; 5] = ["source", "pillar", "domain", "clause", "aim"];

/// Parses `text` into raw records. Syntax errors stop the parse (what follows
/// them cannot be trusted: no records); shape errors (unknown or missing fields,
/// wrong types) are collected record by record, so that all of them are
/// reported, and the records that could be read are still checked.
fn parse(text: &str) -> (Option<RawContent<'_>>, Vec<Problem>) {
    // Most files are plain TOML and well-formed: one fast pass reads them.
    match scan::read(text) {
        Some(raw) => (Some(raw), Vec::new()),
        None => parse_toml(text),
    }
}

/// Parses `text` with the `toml` crate: all of TOML, every problem reported.
/// Public for the fuzz target, which holds the fast reader to it.
pub fn parse_toml(text: &str) -> (Option<RawContent<'_>>, Vec<Problem>) {
    let mut raw = RawContent::default();
    let (document, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        let problems = errors
            .iter()
            .map(|err| Problem::from_toml(err, text))
            .collect();
        return (None, problems);
    }
    let mut problems = Vec::new();
    for (key, value) in document.into_inner() {
        match key.get_ref().as_ref() {
            "source" => raw.sources = records("source", value, &mut raw, &mut problems, text),
            "pillar" => raw.pillars = records("pillar", value, &mut raw, &mut problems, text),
            "domain" => raw.domains = records("domain", value, &mut raw, &mut problems, text),
            "clause" => raw.clauses = records("clause", value, &mut raw, &mut problems, text),
            "aim" => raw.aims = records("aim", value, &mut raw, &mut problems, text),
            other => {
                let kinds = KINDS.map(|kind| format!("[[{kind}]]"));
                let kinds: Vec<&str> = kinds.iter().map(String::as_str).collect();
                problems.push(check::unknown(
                    key.span(),
                    &format!("unknown record kind `[[{}]]`", crate::suggest::shown(other)),
                    &format!("[[{other}]]"),
                    &kinds,
                    "kinds",
                ));
            }
        }
    }
    (Some(raw), problems)
}

/// Deserializes each table of the array `value` into a `T`, one by one.
fn records<'de, T: Deserialize<'de>>(
    kind: &'static str,
    value: Spanned<DeValue<'de>>,
    raw: &mut RawContent<'_>,
    problems: &mut Vec<Problem>,
    text: &str,
) -> Vec<T> {
    let span = value.span();
    let DeValue::Array(array) = value.into_inner() else {
        problems.push(Problem::new(
            span,
            format!("`{kind}` must be an array of tables, written as [[{kind}]] sections"),
        ));
        return Vec::new();
    };
    let mut out = Vec::with_capacity(array.len());
    for item in array {
        let span = item.span();
        let DeValue::Table(table) = item.into_inner() else {
            problems
                .push(Problem::new(span, format!("each `{kind}` must be a table")).in_record(kind));
            raw.unread.push((kind, None));
            continue;
        };
        match read_record(kind, span, table, text) {
            Ok(record) => out.push(record),
            Err((id, found)) => {
                problems.extend(found);
                raw.unread.push((kind, id));
            }
        }
    }
    out
}

/// Deserializes one record, reporting every bad field, not only the first:
/// serde stops at the first, so each bad field is reported and taken out (a
/// missing one is put in as an empty string), and the record is read again.
fn read_record<'de, T: Deserialize<'de>>(
    kind: &str,
    span: Range<usize>,
    mut table: DeTable<'de>,
    text: &str,
) -> Result<T, (Option<String>, Vec<Problem>)> {
    // Name the record in messages by its id, when it has one.
    let id = table
        .get("id")
        .and_then(|id| id.get_ref().as_str())
        .map(str::to_owned);
    let record = match &id {
        Some(id) => format!("{kind} `{id}`"),
        None => kind.to_owned(),
    };
    let placeholder = span.end..span.end;
    let mut problems = Vec::new();
    let mut taken_out = Vec::new();
    // Each round takes a field out or puts one in, so a record ends within
    // twice its number of fields plus the fields it lacks.
    for _ in 0..=2 * table.len() + 32 {
        let value = Spanned::new(span.clone(), DeValue::Table(table.clone()));
        let err = match T::deserialize(ValueDeserializer::from(value)) {
            Ok(record) if problems.is_empty() => return Ok(record),
            Ok(_) => break,
            Err(err) => err,
        };
        if err.span() == Some(placeholder.clone()) {
            break; // the stand-in for a missing field is of the wrong type
        }
        let message = err.message();
        if let Some(field) = quoted_after(message, "missing field `") {
            // A field taken out for a bad value, or misspelt, is already reported.
            if !taken_out.contains(&field) {
                problems.push(Problem::from_toml(&err, text).in_record(&record));
            }
            let key = Spanned::new(placeholder.clone(), field.into());
            table.insert(
                key,
                Spanned::new(placeholder.clone(), DeValue::String("".into())),
            );
            continue;
        }
        let problem = Problem::from_toml(&err, text).in_record(&record);
        if let Some(meant) = problem
            .hints
            .iter()
            .find_map(|h| quoted_after(h, "did you mean `"))
        {
            taken_out.push(meant);
        }
        problems.push(problem);
        let key = quoted_after(message, "unknown field `").or_else(|| {
            let at = err.span()?.start;
            table
                .iter()
                .find(|(key, value)| key.span().contains(&at) || value.span().contains(&at))
                .map(|(key, _)| key.get_ref().to_string())
        });
        match key {
            Some(key) => {
                table.remove(key.as_str());
                taken_out.push(key);
            }
            None => break,
        }
    }
    Err((id, problems))
}

/// The text between `prefix` and the next backtick: "missing field `quote`".
fn quoted_after(message: &str, prefix: &str) -> Option<String> {
    let rest = message.strip_prefix(prefix)?;
    rest.split_once('`').map(|(quoted, _)| quoted.to_owned())
}

/// Turns checked raw records into the model, moving their strings. Every
/// reference resolves: `check` has made sure of it, so a miss here is a bug,
/// not bad input.
fn resolve(raw: RawContent<'_>) -> Content<'_> {
    fn index<'r>(ids: impl Iterator<Item = &'r Text<'r>>) -> FxHashMap<String, usize> {
        ids.enumerate()
            .map(|(i, id)| (id.get_ref().to_string(), i))
            .collect()
    }
    let sources = index(raw.sources.iter().map(|s| &s.id));
    let pillars = index(raw.pillars.iter().map(|p| &p.id));
    let domains = index(raw.domains.iter().map(|d| &d.id));
    let clauses = index(raw.clauses.iter().map(|c| &c.id));
    let at = |ids: &FxHashMap<String, usize>, id: &Text<'_>| {
        *ids.get(id.get_ref().as_ref())
            .expect("checked content has no dangling reference")
    };

    Content {
        aims: raw
            .aims
            .into_iter()
            .map(|a| Aim {
                source: at(&sources, &a.source),
                clause: a.clause.as_ref().map(|c| at(&clauses, c)),
                pillars: a.pillars.iter().map(|p| at(&pillars, p)).collect(),
                domains: a.domains.iter().map(|d| at(&domains, d)).collect(),
                id: a.id.into_inner(),
                title: a.title.into_inner(),
                quote: a.quote.into_inner(),
            })
            .collect(),
        clauses: raw
            .clauses
            .into_iter()
            .map(|c| Clause {
                source: at(&sources, &c.source),
                id: c.id.into_inner(),
                instrument: c.instrument,
                article: c.article.into_inner(),
                item: c.item.into_inner(),
                text: c.text.into_inner(),
            })
            .collect(),
        sources: raw
            .sources
            .into_iter()
            .map(|s| Source {
                id: s.id.into_inner(),
                title: s.title.into_inner(),
                standing: s.standing,
            })
            .collect(),
        pillars: raw
            .pillars
            .into_iter()
            .map(|p| Pillar {
                id: p.id.into_inner(),
                name: p.name.into_inner(),
                description: p.description,
            })
            .collect(),
        domains: raw
            .domains
            .into_iter()
            .map(|d| Domain {
                id: d.id.into_inner(),
                name: d.name.into_inner(),
                aliases: d.aliases.into_iter().map(Spanned::into_inner).collect(),
                description: d.description,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast reader yields what the `toml` crate yields, spans included, for
    /// every file it reads; and it reads the plain files content is written in.
    #[test]
    fn the_fast_reader_agrees_with_the_toml_crate() {
        let mut files = vec![("content/aims.toml".to_owned(), BUILTIN_TEXT.to_owned())];
        for dir in ["tests/data", "tests/data/broken"] {
            for entry in std::fs::read_dir(dir).expect("fixtures") {
                let path = entry.expect("readable").path();
                if path.extension().is_some_and(|e| e == "toml")
                    && let Ok(text) = std::fs::read_to_string(&path)
                {
                    files.push((path.display().to_string(), text));
                }
            }
        }
        let mut read = Vec::new();
        for (name, text) in &files {
            if let Some(fast) = scan::read(text) {
                let (slow, problems) = parse_toml(text);
                assert!(
                    problems.is_empty(),
                    "{name}: fast reader took a file toml rejects"
                );
                assert_eq!(
                    format!("{fast:?}"),
                    format!("{:?}", slow.expect("read")),
                    "{name}"
                );
                read.push(name.as_str());
            }
        }
        for plain in [
            "content/aims.toml",
            "tests/data/valid.toml",
            "tests/data/broken/not-verbatim.toml",
        ] {
            assert!(read.contains(&plain), "the fast reader should read {plain}");
        }
        for special in [
            "tests/data/broken/syntax.toml",
            "tests/data/broken/unknown-field.toml",
            "tests/data/broken/bad-fields.toml",
        ] {
            assert!(!read.contains(&special), "{special} is for the toml crate");
        }
    }

    /// TOML the fast reader leaves to the toml crate.
    #[test]
    fn the_fast_reader_hands_over_what_it_does_not_read() {
        let aim = |body: &str| format!("[[aim]]\n{body}\n");
        for text in [
            aim(r#"id = "a"
id = "b""#), // a repeated key
            aim(r#"id.x = "a""#),             // a dotted key
            aim(r#"id = "a\e""#),             // a TOML 1.1 escape
            aim(r"id = 'a''"),                // a stray quote
            aim("item = 007"),                // a leading zero
            aim("item = 1_0"),                // an underscore
            aim("pillars = [\n]"),            // a multi-line array
            aim(r#"id = "a" x"#),             // text after a value
            aim("id = \"tab\u{1}\""),         // a control character
            aim("id = '''a''''''"),           // six closing quotes
            "id = \"top\"\n".to_owned(),      // a key outside a record
            "[aim]\nid = \"a\"\n".to_owned(), // a table, not an array of tables
            "\u{feff}[[aim]]\n".to_owned(),   // a byte order mark
        ] {
            assert!(scan::read(&text).is_none(), "{text:?}");
        }
    }

    /// Multi-line strings and escapes read as the toml crate reads them.
    #[test]
    fn the_fast_reader_decodes_strings_as_toml_does() {
        let text = "[[source]]\nid = \"s\"\ntitle = 'T'\nstanding = \"\"\"\nA \\\n   b \\\"c\\\" \\u00e9\\U0001F600\"\"\"\"\ntext = '''\nx ''y'' '''''\n";
        let fast = scan::read(text).expect("plain");
        let slow = parse_toml(text).0.expect("valid");
        assert_eq!(format!("{fast:?}"), format!("{slow:?}"));
        assert_eq!(fast.sources[0].standing, "A b \"c\" é😀\"");
        assert_eq!(fast.sources[0].text.get_ref(), "x ''y'' ''");
    }

    #[test]
    fn the_flag_wins_over_the_environment_and_empty_means_unset() {
        let resolve = |flag: Option<&str>, env: Option<&str>| {
            Origin::resolve(flag.map(PathBuf::from), env.map(Into::into)).to_string()
        };
        assert_eq!(resolve(Some("a.toml"), Some("b.toml")), "a.toml");
        assert_eq!(resolve(None, Some("b.toml")), "b.toml");
        assert_eq!(resolve(None, Some("")), BUILTIN_NAME);
        assert_eq!(resolve(None, None), BUILTIN_NAME);
    }

    #[test]
    fn the_schema_describes_every_kind_and_closes_records() {
        let schema: serde_json::Value = serde_json::from_str(&schema()).expect("JSON");
        assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
        assert_eq!(schema["additionalProperties"], false);
        for kind in KINDS {
            assert_eq!(schema["properties"][kind]["type"], "array", "{kind}");
            assert_eq!(
                schema["definitions"][kind]["additionalProperties"], false,
                "{kind}"
            );
        }
        assert_eq!(
            schema["definitions"]["aim"]["required"],
            serde_json::json!(["id", "title", "quote", "source"])
        );
    }

    #[test]
    fn builtin_content_loads() {
        let content = load(&Origin::Builtin).expect("the built-in content is valid");
        assert_eq!(content.pillars.len(), 4);
        let clause_ids: Vec<&str> = content.clauses.iter().map(|c| c.id.as_ref()).collect();
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
}
