//! The library behind the `aims` binary: the content, its checks, queries and
//! printers. It exists so that the fuzz target (`fuzz/`) can call the loader
//! directly; `src/main.rs` is the command line on top of it.

pub mod check;
pub mod cli;
pub mod content;
pub mod output;
pub mod query;
pub mod scan;
pub mod shell;
pub mod suggest;
