//! The settings, resolved once from the arguments and the environment: whether
//! stdout is a terminal, colour, the width tables fit, the pager, and how each
//! listing is printed (format, columns, header). Nothing below reads the
//! environment.

use std::ffi::{OsStr, OsString};
use std::io::{self, IsTerminal};

use crate::output::{Format, Style};

/// `--color` (when to colour) and `--paging` (when to page): on a terminal
/// (`Auto`: for paging, when the output is longer than the screen), always
/// (paging: on a terminal, whatever the length), or never.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Auto,
    Always,
    Never,
}

/// The pager to run, as git and gh choose it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pager {
    /// The program and its arguments, split as the system's shell would
    /// split them (`words`).
    pub command: Vec<String>,
    /// Whether the user named it (`AIMS_PAGER`, `PAGER`): only a pager named
    /// is missed aloud when it cannot start. `less`, the default, may well
    /// not be there (Windows has none): then the output is printed, quietly.
    pub named: bool,
    /// `LESS` for the pager, set only when `LESS` is unset (a user's own
    /// choice wins): `FRX`, quit when the output fits one screen, pass colour
    /// through, keep the output on the screen after quitting; `RX` with
    /// `--paging always`, which pages output that fits too.
    pub less: Option<&'static str>,
    /// Page output that fits the screen too (`--paging always`).
    pub always: bool,
}

/// What the terminal and the environment say, read once.
#[derive(Debug, Clone)]
pub struct Config {
    /// Whether stdout is a terminal: a table for people, TSV for scripts.
    pub interactive: bool,
    pub color: bool,
    /// Whether a screen drawn on the terminal itself (the browser, whatever
    /// stdout is) is coloured: `--color`, then `NO_COLOR`.
    pub screen_color: bool,
    /// The width tables fit, in columns.
    pub width: u16,
    /// The terminal's height in rows: output longer than this is paged.
    pub height: u16,
    /// Where long output goes on a terminal: none in a pipe, with
    /// `--paging never`, or when the pager chosen is `cat` or empty.
    pub pager: Option<Pager>,
}

impl Config {
    /// Reads stdout and the environment (`NO_COLOR`, `CLICOLOR_FORCE`,
    /// `COLUMNS`, `LINES`, `AIMS_PAGER`, `PAGER`, `LESS`).
    pub fn detect(choice: When, paging: When) -> Self {
        let interactive = io::stdout().is_terminal();
        let var = |name: &str| std::env::var_os(name);
        let size = interactive.then(|| window_size(&io::stdout())).flatten();
        Config {
            interactive,
            color: env_color(choice, interactive),
            screen_color: env_color(choice, true),
            width: width(var("COLUMNS").as_deref(), || size.map(|(cols, _)| cols)),
            height: height(var("LINES").as_deref(), size.map(|(_, rows)| rows)),
            pager: pager(
                paging,
                interactive,
                var("AIMS_PAGER").as_deref(),
                var("PAGER").as_deref(),
                var("LESS").is_some(),
            ),
        }
    }

    /// How a listing is printed: the format asked for, else a table on a
    /// terminal and TSV in a pipe.
    pub fn style(
        &self,
        format: Option<Format>,
        columns: Option<Vec<String>>,
        header: bool,
    ) -> Style {
        let format = format.unwrap_or(if self.interactive {
            Format::Table
        } else {
            Format::Tsv
        });
        Style {
            format,
            // Colour is for people: only ever in a table.
            color: self.color && format == Format::Table,
            width: self.width,
            columns,
            header,
        }
    }
}

/// `color`, with `NO_COLOR` and `CLICOLOR_FORCE` read from the environment,
/// for output that goes to a terminal or not (`terminal`).
fn env_color(choice: When, terminal: bool) -> bool {
    let var = std::env::var_os;
    color(
        choice,
        terminal,
        var("NO_COLOR").as_deref(),
        var("CLICOLOR_FORCE").as_deref(),
    )
}

/// How a stream for output coloured or not (`color`) treats escape
/// sequences. The colour is aims's own decision, so the stream neither
/// strips what aims wrote nor adds any: it passes the bytes through, and on
/// a Windows console turns on the console's processing of escape sequences
/// (translating the colours for a console too old for them).
pub fn stream_choice(color: bool) -> anstream::ColorChoice {
    if color {
        anstream::ColorChoice::Always
    } else {
        anstream::ColorChoice::AlwaysAnsi
    }
}

/// Whether tables are coloured: `--color`, then `NO_COLOR` (any non-empty
/// value), then `CLICOLOR_FORCE` (any but 0), then whether stdout is a terminal.
fn color(choice: When, interactive: bool, no_color: Option<&OsStr>, force: Option<&OsStr>) -> bool {
    let set = |value: Option<&OsStr>| value.is_some_and(|v| !v.is_empty());
    match choice {
        When::Always => true,
        When::Never => false,
        When::Auto if set(no_color) => false,
        When::Auto if set(force) && force != Some(OsStr::new("0")) => true,
        When::Auto => interactive,
    }
}

/// The width tables fit: `COLUMNS` if set, else the terminal's (asked of it
/// directly: it may report its columns with 0 rows); 0 or none counts as 80.
fn width(columns: Option<&OsStr>, terminal: impl FnOnce() -> Option<u16>) -> u16 {
    dimension(columns, terminal, 80)
}

/// One dimension of the terminal: the variable that overrides it if set,
/// else what the terminal says; 0 or none counts as `default`.
fn dimension(var: Option<&OsStr>, terminal: impl FnOnce() -> Option<u16>, default: u16) -> u16 {
    let from_env = var
        .and_then(OsStr::to_str)
        .and_then(|v| v.trim().parse::<u16>().ok());
    match from_env.or_else(terminal) {
        Some(0) | None => default,
        Some(n) => n,
    }
}

/// How errors are shown on stderr: whether coloured (as tables are, but for
/// stderr), and the width their hints wrap at (on a terminal only).
pub fn stderr(choice: When) -> (bool, Option<u16>) {
    let interactive = io::stderr().is_terminal();
    let var = |name: &str| std::env::var_os(name);
    (
        env_color(choice, interactive),
        interactive.then(|| {
            width(var("COLUMNS").as_deref(), || {
                window_size(&io::stderr()).map(|(cols, _)| cols)
            })
        }),
    )
}

/// The columns and rows of the terminal `stream` is on, as the terminal
/// reports them (either may be 0), or none. On Unix it is asked directly
/// (TIOCGWINSZ): a terminal may report its columns with 0 rows, and the
/// columns still count (`terminal_size` would say it has no size at all).
#[cfg(unix)]
fn window_size(stream: &impl std::os::fd::AsFd) -> Option<(u16, u16)> {
    let size = rustix::termios::tcgetwinsize(stream).ok()?;
    Some((size.ws_col, size.ws_row))
}

/// The columns and rows of the console `stream` is on, or none. A Windows
/// console always has both.
#[cfg(windows)]
fn window_size(stream: &impl std::os::windows::io::AsHandle) -> Option<(u16, u16)> {
    let (terminal_size::Width(cols), terminal_size::Height(rows)) =
        terminal_size::terminal_size_of(stream)?;
    Some((cols, rows))
}

/// The terminal's height: `LINES` if set, else the terminal's; 0 or none
/// counts as 24.
fn height(lines: Option<&OsStr>, terminal: Option<u16>) -> u16 {
    dimension(lines, || terminal, 24)
}

/// The pager: `AIMS_PAGER`, else `PAGER`, else `less`; none off a terminal,
/// with `--paging never`, or when the one chosen is empty or `cat` (as git
/// reads `GIT_PAGER=cat`).
fn pager(
    paging: When,
    interactive: bool,
    aims_pager: Option<&OsStr>,
    pager: Option<&OsStr>,
    less_set: bool,
) -> Option<Pager> {
    if !interactive || paging == When::Never {
        return None;
    }
    let named = aims_pager.or(pager);
    let command = named.map_or_else(
        || vec!["less".to_owned()],
        |line| words(&line.to_string_lossy()),
    );
    if command.is_empty() || command == ["cat"] {
        return None;
    }
    let always = paging == When::Always;
    Some(Pager {
        command,
        named: named.is_some(),
        less: (!less_set).then_some(if always { "RX" } else { "FRX" }),
        always,
    })
}

/// A pager's command line as words, as the system's shell splits it: on
/// Unix as `sh` does (quotes, backslash escapes); on Windows backslashes are
/// a path's own (`C:\Program Files\Git\usr\bin\less.exe`), so a value that
/// names a file is that file whole, spaces and all, and any other is split
/// at spaces outside double quotes (`"C:\Program Files\less.exe" -R`). A
/// line that cannot be split (an open quote) is tried as one word, and fails
/// to start like any missing program.
fn words(line: &str) -> Vec<String> {
    if cfg!(windows) {
        if std::path::Path::new(line).is_file() {
            return vec![line.to_owned()];
        }
        return windows_words(line);
    }
    shell_words::split(line).unwrap_or_else(|_| vec![line.to_owned()])
}

/// `line` split at whitespace outside double quotes, the quotes dropped and
/// every other character, backslashes too, kept as it is: the simple part of
/// how Windows programs split their command line (no `\"` escapes; a pager's
/// command needs none).
fn windows_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    // Whether a word is begun: `""` is an empty word, not none.
    let mut begun = false;
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                begun = true;
            }
            c if c.is_whitespace() && !quoted => {
                if begun {
                    words.push(std::mem::take(&mut word));
                    begun = false;
                }
            }
            c => {
                word.push(c);
                begun = true;
            }
        }
    }
    if begun {
        words.push(word);
    }
    words
}

/// The `--color` choice, read ahead of parsing so that the parser's own help
/// and errors follow it: as the parse reads it, the last one given wins and
/// case is ignored (`--color NEVER`).
pub fn color_ahead(args: &[OsString]) -> When {
    let mut choice = When::Auto;
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
        choice = if value.eq_ignore_ascii_case("always") {
            When::Always
        } else if value.eq_ignore_ascii_case("never") {
            When::Never
        } else {
            When::Auto
        };
    }
    choice
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_follows_the_flag_then_the_environment_then_the_terminal() {
        use When::{Always, Auto, Never};
        let v = |s: &'static str| Some(OsStr::new(s));
        for (choice, interactive, no_color, force, expected) in [
            (Always, false, v("1"), None, true),
            (Never, true, None, v("1"), false),
            (Auto, true, v("1"), None, false),
            (Auto, true, v(""), None, true),
            (Auto, false, None, v("1"), true),
            (Auto, false, None, v("0"), false),
            (Auto, false, None, v(""), false),
            (Auto, false, v("1"), v("1"), false),
            (Auto, true, None, None, true),
            (Auto, false, None, None, false),
        ] {
            assert_eq!(
                color(choice, interactive, no_color, force),
                expected,
                "{choice:?} {interactive} {no_color:?} {force:?}"
            );
        }
    }

    #[test]
    fn the_width_is_columns_else_the_terminal_else_80() {
        let v = |s: &'static str| Some(OsStr::new(s));
        assert_eq!(width(v("120"), || Some(100)), 120);
        assert_eq!(width(v(" 60 "), || Some(100)), 60);
        assert_eq!(width(v("wide"), || Some(100)), 100);
        assert_eq!(width(None, || Some(100)), 100);
        assert_eq!(width(v("0"), || Some(100)), 80);
        assert_eq!(width(None, || Some(0)), 80);
        assert_eq!(width(None, || None), 80);
    }

    #[test]
    fn the_height_is_lines_else_the_terminal_else_24() {
        let v = |s: &'static str| Some(OsStr::new(s));
        assert_eq!(height(v("50"), Some(30)), 50);
        assert_eq!(height(v("tall"), Some(30)), 30);
        assert_eq!(height(None, Some(30)), 30);
        assert_eq!(height(v("0"), Some(30)), 24);
        assert_eq!(height(None, Some(0)), 24);
        assert_eq!(height(None, None), 24);
    }

    #[test]
    fn the_pager_is_aims_pager_then_pager_then_less_and_only_on_a_terminal() {
        use When::{Always, Auto, Never};
        let v = |s: &'static str| Some(OsStr::new(s));
        let words = |line: &str| -> Vec<String> { line.split(' ').map(Into::into).collect() };
        let command = |paging, interactive, aims_pager, pager_var, less_set| {
            pager(paging, interactive, aims_pager, pager_var, less_set).map(|p| p.command)
        };
        assert_eq!(command(Auto, true, None, None, false), Some(words("less")));
        assert_eq!(
            command(Auto, true, v("bat -p"), v("more"), false),
            Some(words("bat -p"))
        );
        assert_eq!(
            command(Auto, true, None, v("more"), false),
            Some(words("more"))
        );
        assert_eq!(
            command(Auto, true, v("less -S '+/a b'"), None, false),
            Some(
                words("less -S +/a_b")
                    .into_iter()
                    .map(|w| w.replace('_', " "))
                    .collect()
            )
        );
        assert_eq!(
            command(Auto, true, v("less 'open"), None, false),
            Some(vec!["less 'open".into()])
        );
        assert_eq!(
            command(Always, true, None, None, false),
            Some(words("less"))
        );
        assert_eq!(command(Auto, false, v("more"), None, false), None);
        assert_eq!(command(Always, false, None, None, false), None);
        assert_eq!(command(Never, true, v("more"), None, false), None);
        assert_eq!(command(Auto, true, v(""), v("more"), false), None);
        assert_eq!(command(Auto, true, v("cat"), None, false), None);
        assert_eq!(command(Auto, true, None, v("cat"), false), None);
        let chosen = pager(Always, true, None, None, true).unwrap();
        assert!(chosen.always && chosen.less.is_none() && !chosen.named);
        assert!(pager(Auto, true, v("more"), None, false).unwrap().named);
        assert!(pager(Auto, true, None, v("more"), false).unwrap().named);
        let chosen = pager(Always, true, None, None, false).unwrap();
        assert_eq!(chosen.less, Some("RX"));
        let chosen = pager(Auto, true, None, None, false).unwrap();
        assert!(!chosen.always && chosen.less == Some("FRX"));
    }

    #[test]
    fn a_windows_pager_line_keeps_its_backslashes_and_splits_outside_quotes() {
        let words = |line: &str| -> Vec<String> { windows_words(line) };
        for (line, expected) in [
            ("less", &["less"][..]),
            ("  less   -R  ", &["less", "-R"]),
            (r"C:\Tools\less.exe -R", &[r"C:\Tools\less.exe", "-R"]),
            (
                r#""C:\Program Files\Git\usr\bin\less.exe" -R"#,
                &[r"C:\Program Files\Git\usr\bin\less.exe", "-R"],
            ),
            (r#"less "+/a b""#, &["less", "+/a b"]),
            (r#"less """#, &["less", ""]),
            (r#"less "open"#, &["less", "open"]),
            ("", &[]),
        ] {
            assert_eq!(words(line), expected, "{line}");
        }
    }

    #[test]
    fn the_colour_flag_is_read_ahead_and_the_last_one_wins() {
        let args = |line: &str| -> Vec<OsString> { line.split(' ').map(Into::into).collect() };
        for (line, expected) in [
            ("aims list", When::Auto),
            ("aims --color never list", When::Never),
            ("aims --color=always list", When::Always),
            ("aims --color always --color=never", When::Never),
            ("aims --color=never --color auto", When::Auto),
            ("aims -- --color never", When::Auto),
            ("aims --colorful never", When::Auto),
            ("aims --color", When::Auto),
            ("aims --color NEVER list", When::Never),
            ("aims --color=Always list", When::Always),
            ("aims list --color=nEvEr", When::Never),
        ] {
            assert_eq!(color_ahead(&args(line)), expected, "{line}");
        }
    }

    #[test]
    fn a_terminal_gets_a_table_and_only_a_table_gets_colour() {
        let config = Config {
            interactive: true,
            color: true,
            screen_color: true,
            width: 80,
            height: 24,
            pager: None,
        };
        let table = config.style(None, None, true);
        assert_eq!((table.format, table.color), (Format::Table, true));
        let json = config.style(Some(Format::Json), None, true);
        assert_eq!((json.format, json.color), (Format::Json, false));
        let pipe = Config {
            interactive: false,
            ..config
        };
        assert_eq!(pipe.style(None, None, false).format, Format::Tsv);
    }
}
