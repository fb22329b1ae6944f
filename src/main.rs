//! `aims`: the stated aims of the Assembly of Turkic-speaking States, on the command line.
//!
//! `main` parses the arguments, resolves the settings, runs the command, and
//! maps its result to an exit code: the one place the process decides how it ends.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

use aims::app;
use aims::cli::Cli;
use aims::config::{self, ColorChoice, Config};
use aims::content::{self, ContentError, Origin};
use aims::suggest::UsageError;

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // clap colours its own help and errors; `--color` decides for them too.
    let clap_color = match config::color_ahead(&args) {
        ColorChoice::Auto => clap::ColorChoice::Auto,
        ColorChoice::Always => clap::ColorChoice::Always,
        ColorChoice::Never => clap::ColorChoice::Never,
    };
    let parsed = Cli::command()
        .color(clap_color)
        .try_get_matches_from(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(err) => {
            // clap prints help and version to stdout, usage errors to stderr, and
            // knows its own exit code (2 for a usage error).
            return match err.print() {
                Ok(()) => ExitCode::from(u8::try_from(err.exit_code()).unwrap_or(2)),
                Err(io) => report(&anyhow::Error::new(io).context("cannot write output")),
            };
        }
    };
    let origin = Origin::resolve(cli.content, std::env::var_os(content::CONTENT_VAR));
    let config = Config::detect(cli.color, cli.paging);
    match app::run(cli.command, origin, &config) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => report(&err),
    }
}

/// Prints an error to stderr and chooses the exit code: a closed pipe is
/// success, a bad typed value is a usage error (2), the rest content or I/O (1).
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
        return ExitCode::FAILURE;
    }
    if let Some(usage) = err
        .chain()
        .find_map(|cause| cause.downcast_ref::<UsageError>())
    {
        let _ = writeln!(stderr, "aims: error: {usage}");
        for hint in &usage.hints {
            let _ = writeln!(stderr, "  hint: {hint}");
        }
        return ExitCode::from(2);
    }
    let _ = writeln!(stderr, "aims: error: {err:#}");
    ExitCode::FAILURE
}
