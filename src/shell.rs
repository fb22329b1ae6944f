//! The command line as shells and `man` see it: completion scripts that know
//! the content's values, and the manual page.

use std::io::{self, Write};

use clap::builder::{PossibleValue, PossibleValuesParser};
use clap::{Arg, CommandFactory};
use clap_complete::Shell;
use roff::{Roff, bold, italic, roman};

use crate::cli::Cli;
use crate::model::{Content, Record};
use crate::query;
use crate::text::is_key_char;

/// Writes the completion script for `shell`, offering the content's ids.
pub fn completions(out: &mut impl Write, shell: Shell, content: &Content) -> io::Result<()> {
    let mut command = with_content_values(Cli::command(), content);
    // clap_complete panics when a write fails; write to memory, then out.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "aims", &mut script);
    out.write_all(&script)
}

/// The command line with the values of `content` as the possible values of the
/// filters and of `show`, so that shells complete them.
fn with_content_values(mut command: clap::Command, content: &Content) -> clap::Command {
    // The commands' options are deferred until built.
    command.build();
    let pillars = words(&content.pillars);
    let domains = words(&content.domains);
    let clauses = query::clause_values(&content.clauses);
    let sources = words(&content.sources);
    let aims = words(&content.aims);

    let filters = |sub: clap::Command| {
        sub.mut_arg("pillar", |arg| arg.value_parser(values(&pillars)))
            .mut_arg("domain", |arg| arg.value_parser(values(&domains)))
            .mut_arg("clause", |arg| arg.value_parser(values(&clauses)))
            .mut_arg("source", |arg| arg.value_parser(values(&sources)))
    };
    command
        .mut_subcommand("list", filters)
        .mut_subcommand("search", filters)
        .mut_subcommand("matrix", filters)
        .mut_subcommand("browse", filters)
        .mut_subcommand("show", |sub| {
            sub.mut_arg("ids", |arg| arg.value_parser(values(&aims)))
        })
}

/// The keys of records that are typed as one word (ids and aliases): names
/// with spaces would complete as several words. The scripts write them
/// unquoted, where a shell reads `$( )`, quotes or `&` as syntax: only keys
/// of the characters `check` allows go in (all of a checked content's), so
/// a content that slipped past the checks still cannot run a command.
fn words<'a, R: Record<'a>>(records: &[R]) -> Vec<String> {
    records
        .iter()
        .flat_map(Record::keys)
        .filter(|(text, key)| key.is_word() && typable(text))
        .map(|(text, _)| text.to_string())
        .collect()
}

/// Whether a key can stand unquoted in a completion script.
fn typable(key: &str) -> bool {
    !key.is_empty() && key.chars().all(is_key_char)
}

fn values(values: &[String]) -> PossibleValuesParser {
    PossibleValuesParser::new(values.iter().map(|value| PossibleValue::new(value.clone())))
}

/// Writes the manual page: `clap_mangen`'s sections for `aims` itself, then the
/// examples and each command with its options and examples, kept as written.
pub fn man(out: &mut impl Write) -> io::Result<()> {
    let mut command = Cli::command();
    command.build();
    let man = clap_mangen::Man::new(command.clone());
    let mut page = Vec::new();
    man.render_title(&mut page)?;
    man.render_name_section(&mut page)?;
    man.render_synopsis_section(&mut page)?;
    man.render_description_section(&mut page)?;
    man.render_options_section(&mut page)?;

    let mut roff = Roff::new();
    if let Some(examples) = command.get_after_help() {
        roff.control("SH", ["EXAMPLES"]);
        let examples = examples.to_string();
        verbatim(&mut roff, examples.trim_start_matches("Examples:\n"));
    }
    roff.control("SH", ["COMMANDS"]);
    for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
        let usage = sub.clone().render_usage().to_string();
        let usage = usage.trim_start_matches("Usage: ");
        roff.control("SS", [usage]);
        if let Some(about) = sub.get_about() {
            roff.text([roman(about.to_string())]);
        }
        for arg in sub
            .get_arguments()
            .filter(|a| !a.is_global_set() && !a.is_hide_set())
        {
            if arg.get_id() == "help" {
                continue;
            }
            roff.control("TP", []);
            roff.text(arg_synopsis(arg));
            if let Some(help) = arg.get_help() {
                roff.text([roman(help.to_string())]);
            }
        }
        if let Some(examples) = sub.get_after_help() {
            verbatim(&mut roff, &examples.to_string());
        }
    }
    roff.control("SH", ["ENVIRONMENT"]);
    for (name, meaning) in ENVIRONMENT {
        roff.control("TP", []);
        roff.text([bold(name)]);
        roff.text([roman(meaning)]);
    }
    roff.control("SH", ["EXIT STATUS"]);
    roff.text([roman(
        "0 on success, an empty result included (no rows; [] in JSON) and a closed pipe; \
         1 on a content or I/O error; 2 on a usage error, an unknown filter value or id included; \
         130 when browse, its output not a terminal, is left without choosing an aim; \
         128 plus the signal's number when a signal ends aims once it has given the terminal back \
         (the browser, or the pager quit): 129 for SIGHUP, 130 for SIGINT, 143 for SIGTERM.",
    )]);
    roff.to_writer(&mut page)?;
    man.render_version_section(&mut page)?;
    out.write_all(&page)
}

/// The man page's ENVIRONMENT: every variable aims reads, and what it does.
const ENVIRONMENT: [(&str, &str); 12] = [
    (
        "AIMS_CONTENT",
        "A content file to read instead of the built-in one, as --content (which wins). Empty means unset.",
    ),
    (
        "NO_COLOR",
        "Any non-empty value turns colour off, unless --color always.",
    ),
    (
        "CLICOLOR_FORCE",
        "A value other than 0 colours tables in a pipe, unless --color never or NO_COLOR.",
    ),
    (
        "COLUMNS",
        "The width tables fit, instead of the terminal's.",
    ),
    (
        "LINES",
        "The terminal's height in rows, instead of what it reports: longer output is paged.",
    ),
    (
        "AIMS_PAGER",
        "The pager for long output on a terminal, split as a shell splits words; empty or cat means none.",
    ),
    (
        "PAGER",
        "The pager when AIMS_PAGER is unset; when neither is set, less.",
    ),
    (
        "LESS",
        "Passed to the pager as set; when unset, aims sets it to FRX (RX with --paging always): \
         quit when the output fits the screen, pass colours through, leave the output on the screen.",
    ),
    (
        "DISPLAY",
        "The X11 display whose clipboard the browser's Ctrl-Y copies to; without one (or \
         WAYLAND_DISPLAY's XWayland), the copy is sent through the terminal (OSC 52).",
    ),
    (
        "WAYLAND_DISPLAY",
        "A Wayland session: the browser copies through XWayland's DISPLAY when there is one.",
    ),
    (
        "SSH_CONNECTION",
        "Set (as by sshd): the session is remote, and the browser copies through the terminal \
         (OSC 52), to the clipboard of the machine the user sits at.",
    ),
    ("SSH_TTY", "As SSH_CONNECTION."),
];

/// Lines kept as written (examples), indented, in a fixed-width font.
fn verbatim(roff: &mut Roff, text: &str) {
    roff.control("PP", []);
    roff.control("nf", []);
    roff.control("RS", ["2"]);
    for line in text.lines() {
        roff.text([roman(line)]);
    }
    roff.control("RE", []);
    roff.control("fi", []);
}

/// `--domain DOMAIN` or `ID...`, in the man page's fonts.
fn arg_synopsis(arg: &Arg) -> Vec<roff::Inline> {
    let value = arg
        .get_value_names()
        .and_then(|names| names.first())
        .map_or_else(
            || arg.get_id().to_string().to_uppercase(),
            ToString::to_string,
        );
    match arg.get_long() {
        Some(long) if arg.get_action().takes_values() => {
            vec![bold(format!("--{long}")), roman(" "), italic(value)]
        }
        Some(long) => vec![bold(format!("--{long}"))],
        None => vec![italic(format!("{value}..."))],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_keys_a_shell_reads_as_words_go_into_a_script() {
        for key in ["combat-terrorism", "2.7", "İstanbul", "qazaqşa"] {
            assert!(typable(key), "{key}");
        }
        for key in [
            "",
            "x$(touch${IFS}pwned)",
            "a`b`",
            "r&d",
            "q\"d",
            "a;b",
            "a|b",
            "a b",
            "a\u{1b}",
        ] {
            assert!(!typable(key), "{key}");
        }
    }
}
