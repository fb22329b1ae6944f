//! `aims`: the stated aims of the Assembly of Turkic-speaking States, on the command line.
//!
//! `main` parses the arguments, calls `run`, and maps its result to an exit code:
//! the one place the process decides how it ends.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Context;
use clap::{CommandFactory, FromArgMatches};

use aims::cli::{Cli, ColorChoice, Command, Format, OutputArgs};
use aims::content::{self, Content, ContentError, Origin};
use aims::output::{self, Style};
use aims::query::{self, Query};
use aims::shell;
use aims::suggest::UsageError;

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // clap colours its own help and errors; `--color` decides for them too.
    let command = Cli::command().color(clap_color(&args));
    let parsed = command
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
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => report(&err),
    }
}

/// The `--color` choice, read ahead of parsing so that clap's help and
/// errors follow it (the last one given wins, as clap's own parse does).
fn clap_color(args: &[std::ffi::OsString]) -> clap::ColorChoice {
    let mut choice = clap::ColorChoice::Auto;
    let mut words = args.iter().skip(1).map(|arg| arg.to_str().unwrap_or(""));
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        let value = match word.strip_prefix("--color") {
            Some("") => words.next().unwrap_or(""),
            Some(rest) => rest.strip_prefix('=').unwrap_or(""),
            None => continue,
        };
        choice = match value {
            "always" => clap::ColorChoice::Always,
            "never" => clap::ColorChoice::Never,
            _ => clap::ColorChoice::Auto,
        };
    }
    choice
}

/// What the environment says, read once.
struct Terminal {
    interactive: bool,
    color: bool,
    width: u16,
}

impl Terminal {
    fn detect(choice: ColorChoice) -> Self {
        let interactive = io::stdout().is_terminal();
        let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
        let color = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto if set("NO_COLOR") => false,
            ColorChoice::Auto
                if set("CLICOLOR_FORCE")
                    && std::env::var_os("CLICOLOR_FORCE") != Some("0".into()) =>
            {
                true
            }
            ColorChoice::Auto => interactive,
        };
        Terminal {
            interactive,
            color,
            width: width(interactive),
        }
    }

    fn style(&self, args: OutputArgs) -> Style {
        let format = args.format.unwrap_or(if self.interactive {
            Format::Table
        } else {
            Format::Tsv
        });
        Style {
            format,
            // Colour is for people: only ever in a table.
            color: self.color && format == Format::Table,
            width: self.width,
            columns: args.columns,
            header: !args.no_header,
        }
    }
}

/// The width tables fit: `COLUMNS` if set, else the terminal's; a terminal that
/// reports 0 (or none at all) counts as 80.
fn width(interactive: bool) -> u16 {
    const DEFAULT: u16 = 80;
    let from_env = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<u16>().ok());
    // Asked of the terminal directly: it may report its columns with 0 rows.
    let from_terminal = || {
        interactive
            .then(|| rustix::termios::tcgetwinsize(io::stdout()).ok())
            .flatten()
            .map(|size| size.ws_col)
    };
    match from_env.or_else(from_terminal) {
        Some(0) | None => DEFAULT,
        Some(w) => w,
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let origin = Origin::resolve(cli.content, std::env::var_os(content::CONTENT_VAR));
    let terminal = Terminal::detect(cli.color);
    let mut out = BufWriter::new(io::stdout().lock());
    let (listing, output, records) = match cli.command {
        Command::Check { path } => {
            let origin = path.map_or(origin, |path| Origin::File {
                path,
                from_env: false,
            });
            let content = content::load(&origin)?;
            // Say which content: a user's own content/aims.toml is not the built-in one.
            let name = match origin {
                Origin::Builtin => format!("{origin} (built in)"),
                Origin::File { .. } => origin.to_string(),
            };
            writeln!(out, "{name}: ok, {}", summary(&content))?;
            out.flush().context("cannot write output")?;
            return Ok(());
        }
        Command::List { filters, output } => {
            let content = content::load(&origin)?;
            let query = Query::resolve(&content, &filters, &[])?;
            (
                query::aims(&content, &query::select(&content, &query)),
                output,
                false,
            )
        }
        Command::Search {
            words,
            filters,
            output,
        } => {
            let content = content::load(&origin)?;
            let query = Query::resolve(&content, &filters, &words)?;
            (
                query::aims(&content, &query::select(&content, &query)),
                output,
                false,
            )
        }
        Command::Matrix {
            rows,
            cols,
            filters,
            output,
        } => {
            let content = content::load(&origin)?;
            let query = Query::resolve(&content, &filters, &[])?;
            let selected = query::select(&content, &query);
            (
                query::matrix(&content, &selected, rows, cols),
                output,
                false,
            )
        }
        Command::Completions { shell } => {
            let content = content::load(&origin)?;
            shell::completions(&mut out, shell, &content)?;
            out.flush().context("cannot write output")?;
            return Ok(());
        }
        Command::Man => {
            shell::man(&mut out)?;
            out.flush().context("cannot write output")?;
            return Ok(());
        }
        Command::Schema => {
            out.write_all(content::schema().as_bytes())?;
            out.flush().context("cannot write output")?;
            return Ok(());
        }
        Command::Show { ids, output } => {
            let content = content::load(&origin)?;
            (
                query::aims(&content, &query::find(&content, &ids)?),
                output,
                true,
            )
        }
        Command::Pillars { output } => (query::pillars(&content::load(&origin)?), output, false),
        Command::Domains { output } => (query::domains(&content::load(&origin)?), output, false),
        Command::Clauses { output } => (
            query::clauses_listing(&content::load(&origin)?),
            output,
            false,
        ),
        Command::Sources { output } => (query::sources(&content::load(&origin)?), output, false),
    };
    let style = terminal.style(output);
    // `show` on a terminal prints each aim as a block, unless columns are asked for.
    if records && style.format == Format::Table && style.columns.is_none() {
        output::print_records(&mut out, &listing, &style)
    } else {
        output::print(&mut out, &listing, &style)
    }
    .context("cannot write output")?;
    out.flush().context("cannot write output")?;
    if listing.rows.is_empty() && style.format == Format::Table {
        // A terminal that shows nothing leaves a person wondering.
        eprintln!("aims: no {} match", listing.noun);
    }
    Ok(())
}

fn summary(content: &Content) -> String {
    let count = |n: usize, noun: &str| {
        if n == 1 {
            format!("{n} {noun}")
        } else {
            format!("{n} {noun}s")
        }
    };
    [
        count(content.aims.len(), "aim"),
        count(content.pillars.len(), "pillar"),
        count(content.domains.len(), "domain"),
        count(content.clauses.len(), "clause"),
        count(content.sources.len(), "source"),
    ]
    .join(", ")
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
