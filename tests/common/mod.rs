//! What every test of the binary shares: commands that inherit none of the
//! settings `aims` reads from the environment, so that the shell a test runs
//! in cannot change what it sees.
#![allow(
    dead_code,
    reason = "each test crate uses the helpers it needs; the others are unused there"
)]

use std::ffi::OsStr;
use std::fs;
use std::path::Path;
use std::process::Command;

/// The environment variables `aims` reads.
pub const SETTINGS: [&str; 8] = [
    "AIMS_CONTENT",
    "NO_COLOR",
    "CLICOLOR_FORCE",
    "COLUMNS",
    "LINES",
    "AIMS_PAGER",
    "PAGER",
    "LESS",
];

/// `program`, without any of `SETTINGS` in its environment.
pub fn scrubbed(program: impl AsRef<OsStr>) -> Command {
    let mut command = Command::new(program);
    for name in SETTINGS {
        command.env_remove(name);
    }
    command
}

/// The `aims` binary this test run built, in a scrubbed environment.
pub fn aims() -> Command {
    scrubbed(assert_cmd::cargo::cargo_bin!("aims"))
}

/// `shell_command` run by `script` (util-linux) on a pseudo-terminal of
/// `cols` columns and `rows` rows, in a scrubbed environment, with no pager
/// (an empty `AIMS_PAGER`) unless the test sets one.
pub fn on_terminal(cols: u16, rows: u16, shell_command: &str) -> Command {
    let mut command = scrubbed("script");
    command.env("AIMS_PAGER", "");
    command.args([
        "-qec",
        &format!("stty cols {cols} rows {rows}; {shell_command}"),
        "/dev/null",
    ]);
    command
}

/// Runs `aims` with `args` (and `env`), with no content or colour settings
/// inherited from the environment of the test run.
pub fn run(args: &[&str], env: &[(&str, &str)]) -> (String, String, i32) {
    let mut command = aims();
    command.args(args);
    for (key, value) in env {
        command.env(key, value);
    }
    let output = command.output().expect("aims runs");
    (
        String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        String::from_utf8(output.stderr).expect("stderr is UTF-8"),
        output
            .status
            .code()
            .expect("aims exits, not killed by a signal"),
    )
}

/// These args in, this stdout, this stderr, this exit code out.
#[track_caller]
pub fn expect(args: &[&str], stdout: &str, stderr: &str, code: i32) {
    expect_env(args, &[], stdout, stderr, code);
}

#[track_caller]
pub fn expect_env(args: &[&str], env: &[(&str, &str)], stdout: &str, stderr: &str, code: i32) {
    let actual = run(args, env);
    assert_eq!(
        actual,
        (stdout.to_owned(), stderr.to_owned(), code),
        "aims {}",
        args.join(" ")
    );
}

/// Runs `aims ARGS` on a pseudo-terminal `cols` wide and `rows` high,
/// returning what it showed (stdout and stderr, as a terminal shows both).
pub fn shown_on_terminal(cols: u16, rows: u16, args: &str, env: &[(&str, &str)]) -> String {
    let aims = assert_cmd::cargo::cargo_bin!("aims").display().to_string();
    let mut command = on_terminal(cols, rows, &format!("{aims} {args}"));
    for (key, value) in env {
        command.env(key, value);
    }
    let output = command.output().expect("script (util-linux) runs");
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout)
        .expect("UTF-8")
        .replace("\r\n", "\n")
}

/// `text` without its terminal escape sequences.
pub fn strip_escapes(text: &str) -> String {
    let mut plain = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            // CSI: ESC [ parameters final-letter.
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            plain.push(c);
        }
    }
    plain
}

/// Compares `actual` with the golden file `tests/data/golden/NAME`; with
/// `AIMS_BLESS=1`, writes it instead (then review the diff before committing).
#[track_caller]
pub fn golden(name: &str, actual: &str) {
    let path = Path::new("tests/data/golden").join(name);
    if std::env::var_os("AIMS_BLESS").is_some() {
        fs::create_dir_all("tests/data/golden").expect("golden folder");
        fs::write(&path, actual).expect("golden written");
        return;
    }
    let expected = fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} is missing: run AIMS_BLESS=1 cargo test", path.display()));
    assert_eq!(actual, expected, "output differs from {}", path.display());
}

/// Every output format, with the extension of its golden files.
pub const FORMATS: [(&str, &str); 6] = [
    ("table", "txt"),
    ("tsv", "tsv"),
    ("csv", "csv"),
    ("json", "json"),
    ("jsonl", "jsonl"),
    ("markdown", "md"),
];
