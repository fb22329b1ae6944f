//! What every test of the binary shares: commands that inherit none of the
//! settings `aims` reads from the environment, so that the shell a test runs
//! in cannot change what it sees.
#![allow(
    dead_code,
    reason = "each test crate uses the helpers it needs; the others are unused there"
)]

use std::ffi::OsStr;
use std::process::Command;

/// The environment variables `aims` reads.
pub const SETTINGS: [&str; 4] = ["AIMS_CONTENT", "NO_COLOR", "CLICOLOR_FORCE", "COLUMNS"];

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
/// `cols` columns and `rows` rows, in a scrubbed environment.
pub fn on_terminal(cols: u16, rows: u16, shell_command: &str) -> Command {
    let mut command = scrubbed("script");
    command.args([
        "-qec",
        &format!("stty cols {cols} rows {rows}; {shell_command}"),
        "/dev/null",
    ]);
    command
}
