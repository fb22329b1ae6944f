//! The command line, as clap derive types: what the user can type, and its help.
#![allow(
    clippy::doc_markdown,
    reason = "doc comments here are the user's help text, where backticks would show"
)]

use std::path::PathBuf;

use clap::{Parser, Subcommand};

const EXAMPLES: &str = "\
Examples:
  aims check                      validate the built-in content
  aims check my-aims.toml         validate a content file of your own
  aims --content my-aims.toml check
  AIMS_CONTENT=my-aims.toml aims check";

/// Browse the stated aims of the Assembly of Turkic-speaking States, offline,
/// with quotes you can cite.
#[derive(Debug, Parser)]
#[command(name = "aims", version, after_help = EXAMPLES)]
pub struct Cli {
    /// Read the content from this TOML file instead of the built-in one
    /// [env: AIMS_CONTENT]
    #[arg(long, global = true, value_name = "PATH")]
    pub content: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a content file: every rule, every problem with its line and column
    #[command(after_help = "\
Examples:
  aims check                  the content in use (built in, or --content / AIMS_CONTENT)
  aims check my-aims.toml     a file of your own

Exit status: 0 when the content is valid, 1 when it has problems.")]
    Check {
        /// The content file to check [default: the content in use]
        path: Option<PathBuf>,
    },
}
