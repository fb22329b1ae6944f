//! What every test of the binary shares: commands that inherit none of the
//! settings `aims` reads from the environment, so that the shell a test runs
//! in cannot change what it sees.
#![allow(
    dead_code,
    reason = "each test crate uses the helpers it needs; the others are unused there"
)]

use std::ffi::OsStr;
use std::fs;
use std::io::{Read, Write};
use std::path::Path;
use std::process::Command;
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, MasterPty, PtySize, native_pty_system};

/// The environment variables `aims` reads (the last four, for where the
/// browser's copy goes: a display's clipboard, unless over ssh).
pub const SETTINGS: [&str; 12] = [
    "AIMS_CONTENT",
    "NO_COLOR",
    "CLICOLOR_FORCE",
    "COLUMNS",
    "LINES",
    "AIMS_PAGER",
    "PAGER",
    "LESS",
    "DISPLAY",
    "WAYLAND_DISPLAY",
    "SSH_CONNECTION",
    "SSH_TTY",
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

/// A program to run on a pseudo-terminal of `cols` columns and `rows` rows
/// (portable-pty: a pty on Unix, a `ConPTY` on Windows), from the test's
/// working folder, in a scrubbed environment, with no pager (an empty
/// `AIMS_PAGER`) unless the test sets one.
pub struct OnTerminal {
    command: CommandBuilder,
    size: PtySize,
}

/// What a program showed on a terminal (stdout and stderr, as a terminal
/// shows both, line ends as `\n`) and how it ended.
#[derive(Debug)]
pub struct Shown {
    pub text: String,
    pub code: u32,
}

/// `program` on a terminal of `cols` by `rows`.
pub fn on_terminal(cols: u16, rows: u16, program: impl AsRef<OsStr>) -> OnTerminal {
    let mut command = CommandBuilder::new(program);
    command.cwd(std::env::current_dir().expect("a working folder"));
    for name in SETTINGS {
        command.env_remove(name);
    }
    command.env("AIMS_PAGER", "");
    OnTerminal {
        command,
        size: PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        },
    }
}

/// `shell_line` run by `sh` on a terminal of `cols` by `rows`: for the
/// tests of what only a Unix shell does (pipes, `$?`, `stty`, `kill`).
#[cfg(unix)]
pub fn shell_on_terminal(cols: u16, rows: u16, shell_line: &str) -> OnTerminal {
    let mut terminal = on_terminal(cols, rows, "sh");
    terminal.args(["-c", shell_line]);
    terminal
}

impl OnTerminal {
    pub fn args<S: AsRef<OsStr>>(&mut self, args: impl IntoIterator<Item = S>) -> &mut Self {
        self.command.args(args);
        self
    }

    pub fn env(&mut self, key: impl AsRef<OsStr>, value: impl AsRef<OsStr>) -> &mut Self {
        self.command.env(key, value);
        self
    }

    pub fn env_remove(&mut self, key: impl AsRef<OsStr>) -> &mut Self {
        self.command.env_remove(key);
        self
    }

    /// Starts the program: keys can be typed to it while what it shows is
    /// read.
    pub fn spawn(&self) -> Running {
        let pair = native_pty_system()
            .openpty(self.size)
            .expect("a pseudo-terminal");
        let child = pair
            .slave
            .spawn_command(self.command.clone())
            .expect("the program starts on the terminal");
        // Only the program holds the terminal's side now: once it ends,
        // reading the other side ends.
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("the terminal");
        let (sender, shown) = mpsc::channel();
        thread::spawn(move || {
            let mut buffer = [0; 4096];
            // An error is the end too: Linux says EIO once the program's
            // side is closed.
            while let Ok(n @ 1..) = reader.read(&mut buffer) {
                if sender.send(buffer[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Running {
            child,
            master: Some(pair.master),
            keys: None,
            shown,
        }
    }

    /// Runs the program to its end: what it showed, and its exit code.
    pub fn output(&self) -> Shown {
        let (code, bytes) = self.spawn().end();
        Shown {
            text: String::from_utf8_lossy(&bytes).replace("\r\n", "\n"),
            code,
        }
    }
}

/// A program running on a terminal.
pub struct Running {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    master: Option<Box<dyn MasterPty + Send>>,
    /// The terminal's input, once a key is typed.
    keys: Option<Box<dyn Write + Send>>,
    /// What it shows, as it comes.
    pub shown: mpsc::Receiver<Vec<u8>>,
}

impl Running {
    /// Types `keys` on the terminal.
    pub fn type_keys(&mut self, keys: &str) {
        let master = self.master.as_ref().expect("the terminal is open");
        let input = self
            .keys
            .get_or_insert_with(|| master.take_writer().expect("the terminal's input"));
        input.write_all(keys.as_bytes()).expect("keys typed");
        input.flush().expect("typed");
    }

    /// Waits for the program to end, then closes the terminal (a `ConPTY`
    /// ends its output only then): the exit code, and what it showed that
    /// was not yet taken from `shown`. A program still running after a
    /// generous while is ended, and the test fails.
    pub fn end(mut self) -> (u32, Vec<u8>) {
        let deadline = Instant::now() + Duration::from_mins(1);
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("the program is there") {
                break status;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("the program never ended");
            }
            thread::sleep(Duration::from_millis(20));
        };
        drop(self.master.take());
        let rest = self.shown.iter().flatten().collect();
        // Only now: on Unix, closing the input types a newline and an EOF,
        // which the terminal would echo into what it showed.
        drop(self.keys.take());
        (status.exit_code(), rest)
    }
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

/// Runs `aims ARGS` (split as a shell splits them) on a pseudo-terminal
/// `cols` wide and `rows` high, returning what it showed (stdout and
/// stderr, as a terminal shows both).
pub fn shown_on_terminal(cols: u16, rows: u16, args: &str, env: &[(&str, &str)]) -> String {
    let mut terminal = on_terminal(cols, rows, assert_cmd::cargo::cargo_bin!("aims"));
    terminal.args(shell_words::split(args).expect("args as a shell splits them"));
    for (key, value) in env {
        terminal.env(key, value);
    }
    let shown = terminal.output();
    assert_eq!(shown.code, 0, "{shown:?}");
    shown.text
}

/// What the system says when `path` cannot be opened (on Unix, `No such
/// file or directory (os error 2)`), as `aims` quotes it.
pub fn open_error(path: impl AsRef<Path>) -> String {
    fs::File::open(path)
        .expect_err("the file cannot be opened")
        .to_string()
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
