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
    // Over ssh, Ctrl-Y copies through the terminal (OSC 52), and says it
    // sent it; then Ctrl-C quits.
    let run = drive(
        "SSH_TTY=/dev/pts/9 aims browse; echo \"exit $?\"",
        &["\x19", "\x03"],
    );
    assert!(run.bytes.contains("exit 0"), "{}", run.bytes);
    assert!(run.bytes.contains("\x1b]52;c;"), "{}", run.bytes);
    assert!(
        run.screens[1]
            .contains("sent four-pillars to the terminal's clipboard (OSC 52); it may not arrive"),
        "{}",
        run.screens[1]
    );
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

/// Ctrl-Y on a terminal of `display`'s session (none: `None`): the status
/// line it showed, and what the clipboard held, as each of `targets`, while
/// the browser still ran.
#[cfg(target_os = "linux")]
fn copied_on(display: Option<&str>, targets: &[&str]) -> (String, Vec<String>) {
    let mut terminal = common::on_terminal(80, 24, assert_cmd::cargo::cargo_bin!("aims"));
    terminal.args(["--content", VALID, "browse"]);
    if let Some(display) = display {
        terminal.env("DISPLAY", display);
    }
    let mut session = Session::on(&terminal);
    session.until_shown("four-pillars");
    session.type_key("\x19");
    let shown = if display.is_some() {
        "copied "
    } else {
        "sent "
    };
    session.until_shown(shown);
    let status = session
        .screen()
        .lines()
        .find(|line| line.contains(shown))
        .expect("a status line")
        .trim()
        .to_owned();
    let held = targets
        .iter()
        .map(|target| {
            let output = std::process::Command::new("xclip")
                .args(["-o", "-selection", "clipboard", "-t", target])
                .env("DISPLAY", display.expect("a display to read"))
                .output()
                .expect("xclip runs");
            String::from_utf8(output.stdout).expect("UTF-8")
        })
        .collect();
    session.type_key("\x03");
    assert_eq!(session.end().1, 0);
    (status, held)
}

/// An X server of its own (Xvfb), for as long as it is held.
#[cfg(target_os = "linux")]
struct Xvfb {
    server: std::process::Child,
    display: String,
}

#[cfg(target_os = "linux")]
impl Xvfb {
    /// Starts one, or None where Xvfb or xclip is not installed (`.ci/run`
    /// installs both, and sets `AIMS_REQUIRE_X11` so that this cannot pass
    /// unseen there).
    fn start() -> Option<Self> {
        let installed = |program: &str| {
            std::process::Command::new(program)
                .arg("-version")
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .status()
                .is_ok()
        };
        if !installed("Xvfb") || !installed("xclip") {
            assert!(
                std::env::var_os("AIMS_REQUIRE_X11").is_none(),
                "AIMS_REQUIRE_X11 is set, and Xvfb or xclip is missing"
            );
            eprintln!("Xvfb or xclip is not installed: the X11 clipboard is not checked here");
            return None;
        }
        // A display number no one else here uses.
        let number = 90 + std::process::id() % 500;
        let display = format!(":{number}");
        let server = std::process::Command::new("Xvfb")
            .args([
                display.as_str(),
                "-nolisten",
                "tcp",
                "-screen",
                "0",
                "640x480x24",
            ])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("Xvfb starts");
        let socket = format!("/tmp/.X11-unix/X{number}");
        let deadline = Instant::now() + Duration::from_secs(20);
        while !std::path::Path::new(&socket).exists() {
            assert!(Instant::now() < deadline, "Xvfb never listened on {socket}");
            std::thread::sleep(Duration::from_millis(50));
        }
        Some(Xvfb { server, display })
    }
}

#[cfg(target_os = "linux")]
impl Drop for Xvfb {
    fn drop(&mut self) {
        let _ = self.server.kill();
        let _ = self.server.wait();
    }
}

#[cfg(target_os = "linux")]
#[test]
fn ctrl_y_puts_the_quote_and_reference_on_the_x11_clipboard_as_text_and_html() {
    let Some(x) = Xvfb::start() else {
        return;
    };
    let (status, held) = copied_on(Some(&x.display), &["UTF8_STRING", "text/html"]);
    assert_eq!(
        status,
        "copied four-pillars's quote and MLA reference, as text and HTML"
    );
    let (text, _, _) = common::run(&["--content", VALID, "cite", "four-pillars"], &[]);
    let (html, _, _) = common::run(
        &[
            "--content",
            VALID,
            "cite",
            "four-pillars",
            "--format",
            "html",
        ],
        &[],
    );
    assert_eq!(held[0], text);
    // The fragment of the page `cite --format html` prints.
    let fragment = html
        .split_once("<main>\n")
        .and_then(|(_, rest)| rest.split_once("</main>"))
        .map(|(fragment, _)| fragment)
        .expect("a page with a main");
    assert!(held[1].contains(fragment), "{}", held[1]);
}

#[cfg(target_os = "linux")]
#[test]
fn without_a_display_ctrl_y_says_it_used_the_terminal() {
    let (status, _) = copied_on(None, &[]);
    assert!(
        status.starts_with(
            "sent four-pillars to the terminal's clipboard (OSC 52); it may not arrive"
        ),
        "{status}"
    );
}
