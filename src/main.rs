//! `aims`: the stated aims of the Assembly of Turkic-speaking States, on the command line.
//!
//! `main` parses the arguments, calls `run`, and maps its result to an exit code:
//! the one place the process decides how it ends.

mod check;
mod cli;
mod content;
mod suggest;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command};
use crate::content::{ContentError, Origin};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // clap prints help and version to stdout, usage errors to stderr, and
            // knows its own exit code (2 for a usage error).
            let _ = err.print();
            return ExitCode::from(u8::try_from(err.exit_code()).unwrap_or(2));
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => report(&err),
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let origin = Origin::resolve(cli.content, std::env::var_os(content::CONTENT_VAR));
    match cli.command {
        Command::Check { path } => {
            let origin = path.map_or(origin, |path| Origin::File {
                path,
                from_env: false,
            });
            let content = content::load(&origin)?;
            let mut out = io::stdout().lock();
            writeln!(
                out,
                "{origin}: ok, {}",
                [
                    count(content.aims.len(), "aim"),
                    count(content.pillars.len(), "pillar"),
                    count(content.domains.len(), "domain"),
                    count(content.clauses.len(), "clause"),
                    count(content.sources.len(), "source"),
                ]
                .join(", ")
            )?;
            out.flush()?;
            Ok(())
        }
    }
}

fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("{n} {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Prints an error to stderr and chooses the exit code: a closed pipe is
/// success, everything else that reaches here is a content or I/O error.
fn report(err: &anyhow::Error) -> ExitCode {
    let broken_pipe = err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    });
    if broken_pipe {
        return ExitCode::SUCCESS;
    }
    let mut stderr = io::stderr().lock();
    if let Some(content) = err.downcast_ref::<ContentError>() {
        for problem in &content.problems {
            let _ = stderr.write_all(problem.render(&content.origin, &content.text).as_bytes());
        }
        if content.problems.len() > 1 {
            let _ = writeln!(stderr, "aims: {content}");
        }
    } else {
        let _ = writeln!(stderr, "aims: error: {err:#}");
    }
    ExitCode::FAILURE
}
