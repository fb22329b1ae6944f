//! `aims`: the stated aims of the Assembly of Turkic-speaking States, on the command line.
//!
//! `main` parses the arguments, resolves the settings, runs the command, and
//! maps its result to an exit code: the one place the process decides how it ends.

use std::ffi::OsString;
use std::fmt::Write as _;
use std::io::{self, Write};
use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{CommandFactory, FromArgMatches};

use aims::cli::{Cli, Command};
use aims::config::{self, Config, When};
use aims::content::{self, ContentError, Origin};
use aims::diagnostic::Report;
use aims::signal::Signalled;
use aims::suggest::{Hint, UsageError, shown};
use aims::text::escaped;
use aims::{app, browse, diagnostic};

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    // clap colours its own help and errors; `--color` decides for them too.
    let ahead = config::color_ahead(&args);
    let clap_color = match ahead {
        When::Auto => clap::ColorChoice::Auto,
        When::Always => clap::ColorChoice::Always,
        When::Never => clap::ColorChoice::Never,
    };
    let parsed = Cli::command()
        .color(clap_color)
        .try_get_matches_from(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(err)
            if matches!(
                err.kind(),
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
            ) =>
        {
            // Help and version go to stdout.
            return match err.print() {
                Ok(()) => ExitCode::SUCCESS,
                Err(io) => report(
                    &anyhow::Error::new(io).context("cannot write output"),
                    config::stderr(ahead),
                    false,
                ),
            };
        }
        Err(err) => {
            // A usage error (2), said as aims says its own.
            return report(
                &anyhow::Error::new(usage_error(&err, &args)),
                config::stderr(ahead),
                false,
            );
        }
    };
    // Parsed, the choice is clap's own reading of `--color`.
    let stderr = config::stderr(cli.color);
    let origin = Origin::resolve(cli.content, std::env::var_os(content::CONTENT_VAR));
    let config = Config::detect(cli.color, cli.paging);
    let every_problem = matches!(cli.command, Some(Command::Check { all: true, .. }));
    match app::run(cli.command, origin, &config) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => report(&err, stderr, every_problem),
    }
}

/// How many problems of a content are shown unless `check --all` asks for
/// every one: a screenful, and what a person reads before fixing the first.
const SHOWN_PROBLEMS: usize = 20;

/// Prints an error to stderr and chooses the exit code: a signal that ended
/// aims is 128 + its number, a closed pipe is success, a bad typed value is
/// a usage error (2), the rest content or I/O (1). `(color, width)`: how
/// stderr shows it; `every_problem`: a content's problems all shown, not
/// only the first `SHOWN_PROBLEMS`.
fn report(
    err: &anyhow::Error,
    (color, width): (bool, Option<u16>),
    every_problem: bool,
) -> ExitCode {
    // Asked to end by a signal, once the terminal was given back: quietly,
    // with the status a shell shows for a death by that signal.
    if let Some(signalled) = Signalled::in_chain(err) {
        return ExitCode::from(signalled.exit_code());
    }
    let broken_pipe = err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    });
    if broken_pipe {
        return ExitCode::SUCCESS;
    }
    if err.downcast_ref::<browse::Cancelled>().is_some() {
        return ExitCode::from(130);
    }
    let mut reports = Vec::new();
    // What follows the errors: how many more, and the count.
    let mut after = String::new();
    let code = if let Some(content) = err.downcast_ref::<ContentError>() {
        let lines = diagnostic::Lines::new(&content.text);
        let count = content.problems.len();
        let shown = if every_problem {
            count
        } else {
            count.min(SHOWN_PROBLEMS)
        };
        for problem in &content.problems[..shown] {
            reports.push(problem.report(&content.origin, &lines));
        }
        if shown < count {
            let _ = writeln!(
                after,
                "aims: ... and {} more problems; `{}` lists them all",
                count - shown,
                check_all(&content.origin)
            );
        }
        if count > 1 {
            let _ = writeln!(after, "aims: {content}");
        }
        ExitCode::FAILURE
    } else if let Some(usage) = err
        .chain()
        .find_map(|cause| cause.downcast_ref::<UsageError>())
    {
        reports.push(Report {
            message: usage.message.clone(),
            hints: &usage.hints,
        });
        ExitCode::from(2)
    } else {
        // The chain may quote a path or a value as given: `present` escapes it.
        reports.push(Report {
            message: format!("{err:#}"),
            hints: &[],
        });
        ExitCode::FAILURE
    };
    let mut text = diagnostic::present(&reports, width.map(usize::from), color);
    text.push_str(&after);
    let _ = anstream::AutoStream::new(io::stderr().lock(), config::stream_choice(color))
        .write_all(text.as_bytes());
    code
}

/// The command that lists every problem of the content from `origin`, as a
/// shell takes it.
fn check_all(origin: &Origin) -> String {
    match origin {
        Origin::Builtin => "aims check --all".to_owned(),
        Origin::File { path, .. } => format!(
            "aims check {} --all",
            escaped(&shell_words::quote(&path.to_string_lossy()))
        ),
    }
}

/// clap's error as a usage error of aims: the same words for the same
/// things (`unknown command`, `did you mean`), read from the error's context
/// (its kinds and values), never from the wording of its message. `args`,
/// the command line, gives the value an option given twice was given last.
fn usage_error(err: &clap::Error, args: &[OsString]) -> UsageError {
    // A value of the context as a list (a list of one, or none), or as text.
    let list = |kind: ContextKind| -> Vec<String> {
        match err.get(kind) {
            Some(ContextValue::String(value)) => vec![value.clone()],
            Some(ContextValue::StyledStr(value)) => vec![value.to_string()],
            Some(ContextValue::Strings(values)) => values.clone(),
            Some(ContextValue::StyledStrs(values)) => {
                values.iter().map(ToString::to_string).collect()
            }
            _ => Vec::new(),
        }
    };
    let text = |kind: ContextKind| list(kind).join(" ");
    let quoted = |values: &[String], joiner: &str| -> String {
        let values: Vec<String> = values.iter().map(|v| format!("`{}`", shown(v))).collect();
        values.join(joiner)
    };
    let (arg, value) = (
        text(ContextKind::InvalidArg),
        text(ContextKind::InvalidValue),
    );
    let (arg, value) = (shown(&arg), shown(&value));
    // An option given twice conflicts with itself, by clap's reckoning.
    let prior = list(ContextKind::PriorArg);
    if err.kind() == ErrorKind::ArgumentConflict
        && prior.len() == 1
        && prior[0] == text(ContextKind::InvalidArg)
    {
        return given_again(&prior[0], args);
    }
    let message = match err.kind() {
        ErrorKind::InvalidValue if value.is_empty() => format!("`{arg}` needs a value"),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let why = std::error::Error::source(err).map(|why| format!(": {why}"));
            format!(
                "invalid value `{value}` for `{arg}`{}",
                why.unwrap_or_default()
            )
        }
        ErrorKind::UnknownArgument => format!("unexpected argument `{arg}`"),
        ErrorKind::InvalidSubcommand => {
            format!(
                "unknown command `{}`",
                shown(&text(ContextKind::InvalidSubcommand))
            )
        }
        ErrorKind::MissingRequiredArgument => {
            format!("missing {}", quoted(&list(ContextKind::InvalidArg), ", "))
        }
        ErrorKind::ArgumentConflict => format!(
            "`{arg}` cannot be used with {}",
            quoted(&list(ContextKind::PriorArg), " or ")
        ),
        ErrorKind::TooManyValues => format!("unexpected value `{value}` for `{arg}`"),
        ErrorKind::NoEquals => format!("`{arg}` takes its value after `=`"),
        kind => kind
            .as_str()
            .unwrap_or("the command line is not valid")
            .to_owned(),
    };
    let mut hints = Vec::new();
    for kind in [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ] {
        let suggested = list(kind);
        if !suggested.is_empty() {
            hints.push(Hint::DidYouMean(
                suggested.iter().map(|value| shown(value)).collect(),
            ));
        }
    }
    // clap's tips quote what was typed ("to pass `…` as a value").
    hints.extend(list(ContextKind::Suggested).into_iter().map(Hint::Say));
    for (kind, plural) in [
        (ContextKind::ValidValue, "values"),
        (ContextKind::ValidSubcommand, "commands"),
    ] {
        let valid = list(kind);
        if !valid.is_empty() {
            hints.push(Hint::Valid {
                plural: plural.to_owned(),
                values: valid,
                more: 0,
            });
        }
    }
    let usage = text(ContextKind::Usage);
    if let Some(usage) = usage.trim().strip_prefix("Usage: ") {
        hints.push(Hint::Usage(usage.to_owned()));
    }
    UsageError { message, hints }
}

/// The error for an option given more than once (`-f json -f csv`), named
/// as it is typed in full, with the command as it would read given once: the
/// last value, as clap reads the line when the last of each option wins.
/// `display` is clap's own display of the option (`--format <FORMAT>`).
fn given_again(display: &str, args: &[OsString]) -> UsageError {
    /// The option that clap displays as `display`, in `command` or below.
    fn find(command: &clap::Command, display: &str) -> Option<clap::Arg> {
        command
            .get_arguments()
            .find(|arg| arg.to_string() == display)
            .cloned()
            .or_else(|| command.get_subcommands().find_map(|sub| find(sub, display)))
    }
    let mut command = Cli::command();
    command.build();
    let option = find(&command, display);
    let name = option
        .as_ref()
        .and_then(|option| match (option.get_long(), option.get_short()) {
            (Some(long), _) => Some(format!("--{long}")),
            (None, Some(short)) => Some(format!("-{short}")),
            (None, None) => None,
        })
        .unwrap_or_else(|| display.to_owned());
    let once = option.and_then(|option| {
        if !option.get_action().takes_values() {
            return Some(name.clone());
        }
        let matches = Cli::command()
            .args_override_self(true)
            .try_get_matches_from(args)
            .ok()?;
        // The value where the option was parsed: the deepest command.
        let mut last = None;
        let mut at = Some(&matches);
        while let Some(here) = at {
            if let Ok(Some(mut raw)) = here.try_get_raw(option.get_id().as_str()) {
                last = raw
                    .next_back()
                    .map(|value| value.to_string_lossy().into_owned());
            }
            at = here.subcommand().map(|(_, sub)| sub);
        }
        last.map(|value| format!("{name} {}", shell_words::quote(&value)))
    });
    UsageError {
        message: format!("`{}` given more than once", shown(&name)),
        hints: once
            .map(|once| Hint::Say(format!("give it once: `{}`", shown(&once))))
            .into_iter()
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_for_every_problem_names_the_file_as_a_shell_takes_it() {
        let file = |path: &str| Origin::File {
            path: path.into(),
            from_env: true,
        };
        for (origin, expected) in [
            (Origin::Builtin, "aims check --all"),
            (file("my.toml"), "aims check my.toml --all"),
            (file("my aims.toml"), "aims check 'my aims.toml' --all"),
            (file("it's.toml"), "aims check 'it'\\''s.toml' --all"),
            (
                file("a\u{1b}[2J.toml"),
                "aims check 'a\\u{1b}[2J.toml' --all",
            ),
        ] {
            assert_eq!(check_all(&origin), expected, "{origin}");
        }
    }
}
