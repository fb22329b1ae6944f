//! `aims browse` driven through a real pseudo-terminal: keys typed as a
//! person types them, the exit code, and the terminal as it was left. Its
//! screens are snapshot-tested in `src/browse/tests.rs`. The tests that run
//! a shell line (`stty`, `$?`, a redirection, `kill`) are Unix's.

mod common;

use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::Running;

const VALID: &str = "tests/data/valid.toml";

/// What a run on a terminal showed: the screen after each key (as a
/// terminal emulator draws it), and every byte written.
#[cfg(unix)]
struct Run {
    screens: Vec<String>,
    bytes: String,
}

/// A program running on an 80x24 terminal: what it has shown so far, as a
/// terminal emulator draws it and as the bytes written.
struct Session {
    running: Running,
    terminal: vt100::Parser,
    bytes: Vec<u8>,
}

impl Session {
    /// Starts `aims browse ARGS` (reading the test content) itself.
    fn browse(args: &[&str]) -> Self {
        let mut terminal = common::on_terminal(80, 24, assert_cmd::cargo::cargo_bin!("aims"));
        terminal.args(["--content", VALID, "browse"]).args(args);
        Self::on(&terminal)
    }

    /// Starts `shell_line`, where `aims` is the binary reading the test content.
    #[cfg(unix)]
    fn start(shell_line: &str) -> Self {
        let aims = format!(
            "{} --content {VALID}",
            assert_cmd::cargo::cargo_bin!("aims").display()
        );
        let line = shell_line.replace("aims ", &format!("{aims} "));
        Self::on(&common::shell_on_terminal(80, 24, &line))
    }

    fn on(terminal: &common::OnTerminal) -> Self {
        let size = |n: u16| std::num::NonZeroU16::new(n).expect("not zero");
        Session {
            running: terminal.spawn(),
            terminal: vt100::Parser::new(size(24), size(80), 0),
            bytes: Vec::new(),
        }
    }

    /// Takes what is shown until nothing more comes for `wait`; false once
    /// the program has ended.
    fn take(&mut self, wait: Duration) -> bool {
        loop {
            match self.running.shown.recv_timeout(wait) {
                Ok(chunk) => {
                    self.terminal.process(&chunk);
                    self.bytes.extend(chunk);
                }
                Err(mpsc::RecvTimeoutError::Timeout) => return true,
                Err(mpsc::RecvTimeoutError::Disconnected) => return false,
            }
        }
    }

    /// Takes what is shown until the screen shows `text`, failing after a
    /// generous while.
    fn until_shown(&mut self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while !self.terminal.screen().contents().contains(text) {
            let going = self.take(Duration::from_millis(50));
            assert!(
                going && Instant::now() < deadline,
                "never shown: {text}\n{}",
                self.terminal.screen().contents()
            );
        }
    }

    fn screen(&self) -> String {
        self.terminal.screen().contents()
    }

    fn type_key(&mut self, key: &str) {
        self.running.type_keys(key);
    }

    /// Takes what is shown until the program ends: every byte written, and
    /// its exit code.
    fn end(mut self) -> (String, u32) {
        let (code, rest) = self.running.end();
        self.bytes.extend(rest);
        (
            String::from_utf8_lossy(&self.bytes).replace("\r\n", "\n"),
            code,
        )
    }
}

/// Runs `shell_line` (where `aims` is the binary, reading the test content)
/// on an 80x24 terminal, typing each of `keys` after a pause.
#[cfg(unix)]
fn drive(shell_line: &str, keys: &[&str]) -> Run {
    let mut session = Session::start(shell_line);
    let mut screens = Vec::new();
    for key in keys {
        // Time to draw, and for an Esc to be read alone, not as Alt.
        session.take(Duration::from_millis(400));
        screens.push(session.screen());
        session.type_key(key);
    }
    session.take(Duration::from_secs(3));
    screens.push(session.screen());
    Run {
        screens,
        bytes: session.end().0,
    }
}

/// The line discipline's flags that raw mode turns off.
#[cfg(unix)]
fn cooked(stty: &str) -> bool {
    let flags: Vec<&str> = stty.split_whitespace().collect();
    ["icanon", "echo", "isig", "icrnl", "opost"]
        .iter()
        .all(|flag| flags.contains(flag))
}

#[test]
fn typing_narrows_the_list_and_ctrl_c_quits_with_0() {
    let mut session = Session::browse(&[]);
    session.until_shown("8 of 8 aims");
    session.type_key("cust");
    session.until_shown("2 of 8 aims");
    assert!(
        session.screen().contains("search: cust"),
        "{}",
        session.screen()
    );
    session.type_key("\x03");
    let (_, code) = session.end();
    assert_eq!(code, 0);
}

// Unix: a shell line (`stty -a`, `$?`, a redirection).
#[cfg(unix)]
#[test]
fn type_a_query_open_an_aim_go_back_and_quit() {
    let run = drive(
        "stty -a; aims browse; echo \"exit $?\"; stty -a",
        &["cust", "\r", "\x1b", "\x1b", "q"],
    );
    let [first, typed, opened, back, keys, end] = &run.screens[..] else {
        panic!("a screen a key: {:?}", run.screens);
    };
    assert!(
        first.starts_with("search:") && first.contains("8 of 8 aims"),
        "{first}"
    );
    // Typed: two aims hold a word that starts with "cust".
    assert!(
        typed.contains("search: cust") && typed.contains("2 of 8 aims"),
        "{typed}"
    );
    assert!(typed.contains("neighbouring-nations"), "{typed}");
    // Opened: the aim alone, its reference in full, the keys of this view.
    assert!(
        opened.contains("Cite: ") && opened.contains("Esc back"),
        "{opened}"
    );
    assert!(
        !opened.contains("neighbouring-nations"),
        "the list is gone: {opened}"
    );
    assert!(back.contains("Tab keys"), "{back}");
    assert!(keys.contains("p pillar"), "{keys}");
    // Quit: the shell's screen again, and aims ended with 0.
    assert!(end.contains("exit 0"), "{end}");
    // The terminal is as it was: the same line discipline before and after,
    // the main screen, the cursor shown.
    let (before, after) = run.bytes.split_once("exit ").expect("aims exits");
    let first = before.split("\x1b[?1049h").next().unwrap_or_default();
    assert!(cooked(first), "{first}");
    assert!(cooked(after), "{after}");
    assert!(before.contains("\x1b[?1049h") && before.contains("\x1b[?1049l"));
    assert!(before.rfind("\x1b[?25h") > before.rfind("\x1b[?25l"));
}

// Unix: a shell line (`stty -a`, `$?`, a redirection).
#[cfg(unix)]
#[test]
fn enter_prints_the_chosen_aim_to_a_pipe_in_the_format_asked() {
    let out = std::env::temp_dir().join(format!("browse-choice-{}.json", std::process::id()));
    let run = drive(
        &format!(
            "aims browse -f json -d security > {}; echo \"exit $?\"",
            out.display()
        ),
        &["glob", "\r"],
    );
    assert!(run.bytes.contains("exit 0"), "{}", run.bytes);
    // The filters given stay in sight.
    let top = run.screens[0].lines().next().unwrap_or_default();
    assert!(top.ends_with("1 of 8 aims · -d security"), "{top}");
    let printed = std::fs::read_to_string(&out).expect("printed");
    let _ = std::fs::remove_file(&out);
    let json: serde_json::Value = serde_json::from_str(&printed).expect("JSON");
    assert_eq!(json[0]["id"], "global-peace", "{printed}");
}

// Unix: a shell line (`stty -a`, `$?`, a redirection).
#[cfg(unix)]
#[test]
fn leaving_without_choosing_exits_130_for_a_script_and_0_on_a_terminal() {
    let run = drive(
        "aims browse -f tsv > /dev/null; echo \"exit $?\"",
        &["\x1b", "q"],
    );
    assert!(run.bytes.contains("exit 130"), "{}", run.bytes);
    // Ctrl-Y copies through the terminal (OSC 52), then Ctrl-C quits.
    let run = drive("aims browse; echo \"exit $?\"", &["\x19", "\x03"]);
    assert!(run.bytes.contains("exit 0"), "{}", run.bytes);
    assert!(run.bytes.contains("\x1b]52;c;"), "{}", run.bytes);
}

// Linux: util-linux `setsid` takes the controlling terminal away, and the
// error is Linux's ENXIO.
#[cfg(target_os = "linux")]
#[test]
fn without_a_terminal_browse_is_a_usage_error() {
    // setsid: no controlling terminal, as in CI or cron.
    let mut command = common::scrubbed("setsid");
    command
        .arg("--wait")
        .arg(assert_cmd::cargo::cargo_bin!("aims"))
        .args(["--content", VALID, "browse"])
        .stdin(std::process::Stdio::null());
    let output = command.output().expect("setsid (util-linux) runs");
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&output.stdout), "");
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "aims: error: browse needs a terminal, and there is none (No such device or address (os error 6))\n  \
         hint: in a script, use `aims search` or `aims list`\n"
    );
}

// Unix: signals, sent by `kill`, to a pid a shell wrote.
#[cfg(unix)]
#[test]
fn a_signal_from_outside_gives_the_terminal_back_and_exits_128_and_its_number() {
    for (signal, code) in [("TERM", 143), ("HUP", 129), ("INT", 130), ("QUIT", 131)] {
        let pid_file =
            std::env::temp_dir().join(format!("aims-browse-{}-{signal}.pid", std::process::id()));
        let _ = std::fs::remove_file(&pid_file);
        // `exec`: the shell's pid, written first, becomes aims's.
        let mut session = Session::start(&format!(
            "sh -c 'echo $$ > {}; exec aims browse'; echo \"exit $?\"; stty -a",
            pid_file.display()
        ));
        session.until_shown("8 of 8 aims");
        let pid = std::fs::read_to_string(&pid_file).expect("the pid written");
        let _ = std::fs::remove_file(&pid_file);
        let sent = std::process::Command::new("kill")
            .args([&format!("-{signal}"), pid.trim()])
            .status()
            .expect("kill runs");
        assert!(sent.success(), "SIG{signal} sent to {pid}");
        let (bytes, _) = session.end();
        let (before, after) = bytes.split_once("exit ").expect("aims exits");
        assert!(
            after.starts_with(&format!("{code}\n")),
            "SIG{signal}: {after}"
        );
        // Given back after it was taken: the main screen, the cursor shown,
        // and the line discipline.
        let (_, browsing) = before.split_once("\x1b[?1049h").expect("alternate screen");
        assert!(
            browsing.contains("\x1b[?1049l"),
            "SIG{signal}: {browsing:?}"
        );
        assert!(
            browsing.rfind("\x1b[?25h") > browsing.rfind("\x1b[?25l"),
            "SIG{signal}: {browsing:?}"
        );
        assert!(cooked(after), "SIG{signal}: {after}");
    }
}
