//! `aims browse` driven through a real pseudo-terminal (util-linux `script`):
//! keys typed as a person types them, the exit code, and the terminal as it
//! was left. Its screens are snapshot-tested in `src/browse/tests.rs`.

mod common;

use std::io::{Read, Write};
use std::process::Stdio;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use common::on_terminal;

const VALID: &str = "tests/data/valid.toml";

/// What a run on a terminal showed: the screen after each key (as a
/// terminal emulator draws it), and every byte written.
struct Run {
    screens: Vec<String>,
    bytes: String,
}

/// Runs `shell_line` (where `aims` is the binary, reading the test content)
/// on an 80x24 terminal, typing each of `keys` after a pause.
fn drive(shell_line: &str, keys: &[&str]) -> Run {
    let aims = format!(
        "{} --content {VALID}",
        assert_cmd::cargo::cargo_bin!("aims").display()
    );
    let mut child = on_terminal(80, 24, &shell_line.replace("aims ", &format!("{aims} ")))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("script (util-linux) runs");
    let mut stdout = child.stdout.take().expect("stdout");
    let (sender, chunks) = mpsc::channel();
    thread::spawn(move || {
        let mut buffer = [0; 4096];
        while let Ok(n @ 1..) = stdout.read(&mut buffer) {
            if sender.send(buffer[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let size = |n: u16| std::num::NonZeroU16::new(n).expect("not zero");
    let mut terminal = vt100::Parser::new(size(24), size(80), 0);
    let mut bytes = Vec::new();
    let mut take = |wait: Duration, terminal: &mut vt100::Parser| {
        while let Ok(chunk) = chunks.recv_timeout(wait) {
            terminal.process(&chunk);
            bytes.extend(chunk);
        }
    };
    let mut stdin = child.stdin.take().expect("stdin");
    let mut screens = Vec::new();
    for key in keys {
        // Time to draw, and for an Esc to be read alone, not as Alt.
        take(Duration::from_millis(400), &mut terminal);
        screens.push(terminal.screen().contents());
        stdin.write_all(key.as_bytes()).expect("a key typed");
        stdin.flush().expect("typed");
    }
    take(Duration::from_secs(3), &mut terminal);
    screens.push(terminal.screen().contents());
    drop(stdin);
    child.wait().expect("script ends");
    Run {
        screens,
        bytes: String::from_utf8_lossy(&bytes).replace("\r\n", "\n"),
    }
}

/// The line discipline's flags that raw mode turns off.
fn cooked(stty: &str) -> bool {
    let flags: Vec<&str> = stty.split_whitespace().collect();
    ["icanon", "echo", "isig", "icrnl", "opost"]
        .iter()
        .all(|flag| flags.contains(flag))
}

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

#[test]
fn without_a_terminal_browse_is_a_usage_error() {
    // setsid: no controlling terminal, as in CI or cron.
    let mut command = common::scrubbed("setsid");
    command
        .arg("--wait")
        .arg(assert_cmd::cargo::cargo_bin!("aims"))
        .args(["--content", VALID, "browse"])
        .stdin(Stdio::null());
    let output = command.output().expect("setsid (util-linux) runs");
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&output.stdout), "");
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "aims: error: browse needs a terminal, and there is none (No such device or address (os error 6))\n  \
         hint: in a script, use `aims search` or `aims list`\n"
    );
}
