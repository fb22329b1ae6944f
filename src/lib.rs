//! The library behind the `aims` binary (`src/main.rs`), opened for the fuzz
//! target and the tests.
//!
//! # Code map
//!
//! Each module imports only modules below it in this table: data flows one
//! way, from the arguments down to the content and back up as printed rows.
//!
//! | module | owns |
//! | --- | --- |
//! | `app` | one function per command, over the settings and the content |
//! | `mcp` | `aims mcp`: the tools, resources and prompt an assistant gets over MCP (rmcp, stdio), answering through `answer` |
//! | `browse` | the interactive browser: its state and keys, its screens, the terminal |
//! | `pager` | where output goes: stdout, or the pager when it is long |
//! | `shell` | the command line as shells and `man` see it: completions, man page |
//! | `cli` | what the user can type, as clap derive types, and its help |
//! | `config` | the settings, resolved once: terminal, colour, width, pager, format |
//! | `answer` | what the commands answer, as values: the aims selected or named as a listing, quotes with their references in a format; one code path for each front door |
//! | `output` | the printers (table, tsv, csv, json, jsonl, markdown, html) |
//! | `page` | `--format html`: whole pages to print, the aims as a handout, the matrix as a shaded grid |
//! | `palette` | the styles of terminal output (`anstyle`), each named once, and their escape codes |
//! | `listing` | the rows and columns of each listing |
//! | `cite` | references in MLA, APA and Chicago (hayagriva), BibTeX, CSL-JSON |
//! | `query` | filters, resolved against the content from the values typed |
//! | `search` | ranked search: word forms, whole words, BM25F scores; `search::Index`, the same over words read once |
//! | `content` | the pipeline that loads a content: read → parse → check → resolve |
//! | `check` | the rules of a content; `check::quote`, verbatim quote matching |
//! | `diagnostic` | a problem with its place in a file, and how every error is shown |
//! | `model` | the five kinds of record, each defined once, and `Content` |
//! | `suggest` | the closest valid value ("did you mean"), and usage errors |
//! | `signal` | the signals that end `aims`, held back while it holds the terminal (`browse`, `pager`) |
//! | `text` | what a content's strings may hold, and text made safe for a terminal |
//!
//! `main` (`src/main.rs`) sits on top. Only `main`, `app`, `shell` and `cli`
//! know the command line (clap): the rest takes plain values. `mcp` is a
//! second front door beside the command line: `app` hands it the content's
//! origin, and it answers through `answer` as `app` does.
//!
//! # The path of a query
//!
//! `aims list --domain transport`:
//!
//! 1. `main` parses argv into `cli::Cli`, resolves `config::Config` from the
//!    terminal and the environment, and calls `app::run`.
//! 2. `app::list` loads the content: `content::load` reads the file
//!    (`content/read.rs`), parses it (`content/fast.rs`, or `content/parse.rs`
//!    for TOML the fast reader leaves), checks every rule (`check`) and resolves
//!    references (`content/resolve.rs`) into a `model::Content`.
//! 3. `answer::select` asks `query::Query::resolve` to turn `transport` into
//!    a domain's index and those of its narrower domains (or a usage error
//!    with the closest valid value), and `query::select_with` picks the aims;
//!    for `search`, `search::rank` orders them by score.
//! 4. `listing::aims` makes their rows; `output::print` prints them in the
//!    style `config` resolved, to a buffered stdout.
//! 5. `main` maps the result to an exit code (`report`): 0, 1 for content or
//!    I/O errors, 2 for usage errors, 0 for a closed pipe, and 128 + n
//!    for a signal n that ended the browser or came while the pager ran.

pub mod answer;
pub mod app;
pub mod browse;
pub mod check;
pub mod cite;
pub mod cli;
pub mod config;
pub mod content;
pub mod diagnostic;
pub mod listing;
pub mod mcp;
pub mod model;
pub mod output;
pub mod page;
pub mod pager;
pub mod palette;
pub mod query;
pub mod search;
pub mod shell;
pub mod signal;
pub mod suggest;
pub mod text;
