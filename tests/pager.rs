//! The pager, on a pseudo-terminal: which output it gets, which pager runs,
//! and what happens when it cannot start or quits early. The pager is a stub
//! in `sh` that records what it read and the `LESS` it was given, run from
//! a shell line: those tests are Unix's (`#[cfg(unix)]`, each below).

mod common;

use std::ffi::OsStr;
#[cfg(unix)]
use std::fs;
use std::path::Path;
#[cfg(unix)]
use std::path::PathBuf;

#[cfg(unix)]
use common::strip_escapes;
use common::{Shown, on_terminal};

const VALID: &str = "tests/data/valid.toml";

/// `aims --content VALID ARGS` run on an 80x24 terminal, with `env` and no
/// pager set but those in `env`.
fn shown(args: &[&str], env: &[(&str, &OsStr)]) -> Shown {
    let mut terminal = on_terminal(80, 24, assert_cmd::cargo::cargo_bin!("aims"));
    terminal
        .args(["--content", VALID])
        .args(args)
        .env_remove("AIMS_PAGER");
    for (key, value) in env {
        terminal.env(key, value);
    }
    terminal.output()
}

/// Without `less` (Windows has none; a small container may lack it) and
/// with no pager named, long output is printed as it is, quietly: a pager
/// missed is worth a word only when the user named it.
#[test]
fn a_missing_default_pager_means_plain_output_and_no_word_of_it() {
    // A PATH of one empty folder: no `less` on it, nor anything else.
    let empty =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("no-pager-{}", std::process::id()));
    std::fs::create_dir_all(&empty).expect("an empty folder");
    let path = [("PATH", empty.as_os_str())];
    let listed = shown(&["list"], &path);
    let unpaged = shown(&["list", "--paging", "never"], &path);
    let _ = std::fs::remove_dir_all(&empty);
    // Longer than the screen, so `less` was looked for.
    assert!(listed.text.lines().count() > 24, "{listed:?}");
    // All of it, and nothing else: a warning would show on the terminal.
    assert_eq!((listed.text, listed.code), (unpaged.text, 0));
}

#[test]
fn a_named_pager_that_cannot_start_means_plain_output_and_a_warning() {
    let missing = OsStr::new("/no/such/pager --flag");
    let listed = shown(&["list"], &[("AIMS_PAGER", missing)]);
    let unpaged = shown(&["list", "--paging", "never"], &[]);
    // Why it cannot start is the system's to say.
    let why = std::process::Command::new("/no/such/pager")
        .arg("--flag")
        .spawn()
        .expect_err("no such pager");
    let note = format!(
        "aims: warning: cannot start the pager `/no/such/pager --flag` ({why}), so the output was printed\n"
    );
    assert_eq!((listed.text, listed.code), (unpaged.text + &note, 0));
}

/// A folder of its own for one test, with a stub pager `pager.sh` that writes
/// what it reads to `paged-NAME` and its `LESS` to `less-NAME`, NAME being its
/// first argument.
#[cfg(unix)]
struct Stub {
    dir: PathBuf,
}

#[cfg(unix)]
impl Stub {
    fn new(test: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("aims-pager-{}-{test}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        fs::write(
            dir.join("pager.sh"),
            "echo \"${LESS-unset}\" > \"$(dirname \"$0\")/less-$1\"\n\
             cat > \"$(dirname \"$0\")/paged-$1\"\n",
        )
        .unwrap();
        Stub { dir }
    }

    /// The pager command that records as NAME.
    fn pager(&self, name: &str) -> String {
        format!("sh {} {name}", self.dir.join("pager.sh").display())
    }

    /// What the pager recorded as NAME read, if it ran.
    fn paged(&self, name: &str) -> Option<String> {
        fs::read_to_string(self.dir.join(format!("paged-{name}"))).ok()
    }

    fn less(&self, name: &str) -> String {
        fs::read_to_string(self.dir.join(format!("less-{name}"))).unwrap()
    }
}

#[cfg(unix)]
impl Drop for Stub {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// Runs the shell command `line` (where `aims` is the binary, reading the
/// test content) on an 80x24 terminal with `env`: what the terminal showed,
/// escapes stripped, and the exit code.
#[cfg(unix)]
fn terminal(line: &str, env: &[(&str, &str)]) -> (String, i32) {
    let aims = format!(
        "{} --content {VALID}",
        assert_cmd::cargo::cargo_bin!("aims").display()
    );
    let mut terminal = common::shell_on_terminal(80, 24, &line.replace("aims", &aims));
    terminal.env_remove("AIMS_PAGER");
    for (key, value) in env {
        terminal.env(key, value);
    }
    let shown = terminal.output();
    (
        strip_escapes(&shown.text),
        i32::try_from(shown.code).expect("an exit code"),
    )
}

/// What `aims ARGS` prints with no pager, coloured as on a terminal.
#[cfg(unix)]
fn unpaged(args: &str) -> String {
    let (shown, code) = terminal(&format!("aims --paging never {args}"), &[]);
    assert_eq!(code, 0);
    shown
}

// Unix: a shell line, and a pager stub in sh.
#[cfg(unix)]
#[test]
fn a_listing_longer_than_the_screen_goes_to_the_pager_and_a_short_one_does_not() {
    let stub = Stub::new("long");
    let env = [("AIMS_PAGER", stub.pager("list")), ("PAGER", String::new())];
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (shown, code) = terminal("aims list", &env);
    assert_eq!(code, 0);
    let paged = stub.paged("list").expect("the pager ran");
    // What the pager got is what the terminal would have shown, colour and all.
    assert_eq!(strip_escapes(&paged), unpaged("list"));
    assert!(paged.contains('\x1b'), "colour kept for the pager: {paged}");
    assert!(!shown.contains("Nakhchivan"), "{shown}");

    let env = [("AIMS_PAGER", stub.pager("pillars"))];
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (shown, code) = terminal("aims pillars", &env);
    assert_eq!((code, stub.paged("pillars")), (0, None));
    assert_eq!(shown, unpaged("pillars"));
}

// Unix: a shell line, and a pager stub in sh.
#[cfg(unix)]
#[test]
fn no_pager_in_a_pipe_or_with_paging_never_and_always_with_paging_always() {
    let stub = Stub::new("choice");
    let pager = stub.pager("run");
    let env = [("AIMS_PAGER", pager.as_str())];
    let (shown, code) = terminal("aims list | head -3", &env);
    assert_eq!((code, stub.paged("run")), (0, None));
    assert_eq!(shown.lines().count(), 3, "{shown}");
    let (shown, code) = terminal("aims list --paging never", &env);
    assert_eq!((code, stub.paged("run")), (0, None));
    assert_eq!(shown, unpaged("list"));
    let (shown, code) = terminal("aims pillars --paging always", &env);
    assert_eq!((shown.as_str(), code), ("", 0));
    assert_eq!(
        strip_escapes(&stub.paged("run").expect("paged")),
        unpaged("pillars")
    );
}

// Unix: a shell line, and a pager stub in sh.
#[cfg(unix)]
#[test]
fn aims_pager_wins_over_pager_which_wins_over_less() {
    let stub = Stub::new("order");
    let (aims_pager, pager) = (stub.pager("aims"), stub.pager("pager"));
    terminal(
        "aims list",
        &[("AIMS_PAGER", &aims_pager), ("PAGER", &pager)],
    );
    assert!(stub.paged("aims").is_some() && stub.paged("pager").is_none());
    terminal("aims list", &[("PAGER", &pager)]);
    assert!(stub.paged("pager").is_some());
}

// Unix: a shell line, and a pager stub in sh.
#[cfg(unix)]
#[test]
fn less_gets_frx_or_rx_only_when_less_is_unset() {
    let stub = Stub::new("less");
    let unset = stub.pager("unset");
    terminal("aims list", &[("AIMS_PAGER", &unset)]);
    assert_eq!(stub.less("unset"), "FRX\n");
    let set = stub.pager("set");
    terminal("aims list", &[("AIMS_PAGER", &set), ("LESS", "-S")]);
    assert_eq!(stub.less("set"), "-S\n");
    // Without F: output that fits one screen is paged too.
    let always = stub.pager("always");
    terminal("aims pillars --paging always", &[("AIMS_PAGER", &always)]);
    assert_eq!(stub.less("always"), "RX\n");
}

// Unix: a shell line, and a pager stub in sh.
#[cfg(unix)]
#[test]
fn quitting_the_pager_early_is_a_quiet_success() {
    // `true` reads nothing and quits: aims's writes meet a closed pipe.
    let (shown, code) = terminal("aims list; echo \"exit $?\"", &[("AIMS_PAGER", "true")]);
    assert_eq!((shown.as_str(), code), ("exit 0\n", 0));
}

// Unix: a shell line, and a pager stub in sh.
#[cfg(unix)]
#[test]
fn notes_wait_for_the_pager() {
    let stub = Stub::new("notes");
    let pager = stub.pager("run");
    // The shell sets LINES to the terminal's rows after `stty`: set it after.
    let (shown, code) = terminal(
        "LINES=2 aims list --domain security",
        &[("AIMS_PAGER", &pager)],
    );
    assert_eq!(code, 0);
    let through_pager = strip_escapes(&stub.paged("run").expect("paged"));
    assert!(!through_pager.contains("see also"), "{through_pager}");
    assert!(shown.starts_with("see also: "), "{shown}");
}

// Unix: a shell line, and a pager stub in sh.
#[cfg(unix)]
#[test]
fn a_signal_waits_for_the_pager_then_exits_128_and_its_number() {
    let stub = Stub::new("signal");
    // The pager is aims's child: it signals aims, gives aims time to end
    // (which it must not), says whether aims still runs, then quits.
    let pager = stub.dir.join("signaller.sh");
    fs::write(
        &pager,
        "kill -\"$1\" $PPID\n\
         sleep 0.5\n\
         kill -0 $PPID && echo waited > \"$(dirname \"$0\")/pager-$1\"\n\
         cat > /dev/null\n",
    )
    .unwrap();
    for (signal, code) in [("TERM", 143), ("QUIT", 131), ("HUP", 129), ("INT", 130)] {
        // What the pager said, by a variable: its path holds "aims".
        let said = stub.dir.join(format!("pager-{signal}"));
        let command = format!("sh {} {signal}", pager.display());
        let (shown, _) = terminal(
            "aims pillars --paging always; echo \"exit $?\"; cat \"$SAID\"",
            &[("AIMS_PAGER", &command), ("SAID", &said.to_string_lossy())],
        );
        // Quietly, once the pager had quit.
        assert_eq!(shown, format!("exit {code}\nwaited\n"), "SIG{signal}");
    }
}
