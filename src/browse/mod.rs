//! `aims browse`: the interactive browser. `state` holds what is typed,
//! picked and selected, and takes keys; `view` draws it; this file owns the
//! terminal: it draws on the terminal itself rather than on stdout (so that
//! stdout may be a pipe, as with fzf), reads the keys from it through
//! crossterm whatever stdin is, and restores it on every way out, a panic
//! and a signal included.

mod clipboard;
mod state;
mod view;

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::sync::Once;
use std::time::Duration;

use crossterm::event::{self, Event, KeyEventKind};
use crossterm::{cursor, execute, terminal};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

pub use clipboard::Way;
pub use state::{Browser, Clip, Outcome, PICKED, View};
pub use view::draw;

use crate::query::Hit;
use crate::signal::Caught;
use crate::suggest::UsageError;

/// The terminal, taken for the browser; given back when dropped.
struct Screen {
    terminal: Terminal<CrosstermBackend<File>>,
}

/// The terminal itself, whatever stdin and stdout are: the controlling
/// terminal on Unix.
#[cfg(unix)]
fn open_terminal() -> io::Result<File> {
    OpenOptions::new().read(true).write(true).open("/dev/tty")
}

/// The terminal itself, whatever stdin and stdout are: the console's screen
/// on Windows (crossterm reads the keys from its input, `CONIN$`).
#[cfg(windows)]
fn open_terminal() -> io::Result<File> {
    OpenOptions::new().read(true).write(true).open("CONOUT$")
}

impl Screen {
    /// Takes the terminal, or says there is none (a usage error: the
    /// browser is for a person at a terminal).
    fn open() -> anyhow::Result<Self> {
        let mut tty = open_terminal().map_err(|err| UsageError {
            message: format!("browse needs a terminal, and there is none ({err})"),
            hints: vec!["in a script, use `aims search` or `aims list`".into()],
        })?;
        restore_on_panic();
        terminal::enable_raw_mode()?;
        // From here on, a failure gives the terminal back as it leaves.
        let entered = execute!(tty, terminal::EnterAlternateScreen, cursor::Hide)
            .map_err(anyhow::Error::from)
            .and_then(|()| Ok(Terminal::new(CrosstermBackend::new(tty.try_clone()?))?));
        match entered {
            Ok(terminal) => Ok(Screen { terminal }),
            Err(err) => {
                restore(&mut tty);
                Err(err)
            }
        }
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        restore(self.terminal.backend_mut());
    }
}

/// Gives the terminal back: the main screen, the cursor, and the line
/// discipline (echo, lines) or the console's modes.
fn restore(tty: &mut impl Write) {
    let _ = terminal::disable_raw_mode();
    let _ = execute!(tty, terminal::LeaveAlternateScreen, cursor::Show);
}

/// A panic (which ends the process: no unwinding in a release build) gives
/// the terminal back before the message is printed, so that it can be read.
fn restore_on_panic() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if let Ok(mut tty) = open_terminal() {
                restore(&mut tty);
            }
            previous(info);
        }));
    });
}

/// The browser was left without choosing an aim to print: for a script,
/// nothing was chosen (exit 130, as fzf exits).
#[derive(Debug)]
pub struct Cancelled;

impl std::fmt::Display for Cancelled {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("no aim was chosen")
    }
}

impl std::error::Error for Cancelled {}

/// How long the browser waits for a key before it looks for a signal: a
/// signal is answered within a tenth of a second, and an idle browser wakes
/// ten times a second, too few to cost.
const TICK: Duration = Duration::from_millis(100);

/// Runs the browser until it is quit (None) or an aim is chosen to print.
/// A SIGTERM or a SIGHUP ends it too, and a SIGINT or SIGQUIT sent from
/// outside (raw mode reads Ctrl-C and Ctrl-\ as keys), the terminal given
/// back first: the error is then `signal::Signalled`, which `main` turns
/// into 128 + its number.
pub fn run(browser: &mut Browser) -> anyhow::Result<Option<Hit>> {
    // Caught before the terminal is taken, and held until it is given back
    // (`screen` is dropped first, being declared last).
    let caught = Caught::catch();
    // Dropped after the screen: it may hand the copy to a clipboard manager.
    let mut clipboard = clipboard::Clipboard::default();
    let mut screen = Screen::open()?;
    loop {
        screen.terminal.draw(|frame| draw(frame, browser))?;
        let Event::Key(key) = next_event(&caught)? else {
            // A resize, among others: draw again at the new size.
            continue;
        };
        if key.kind == KeyEventKind::Release {
            continue;
        }
        match browser.key(key) {
            Outcome::Stay => {}
            Outcome::Quit => return Ok(None),
            Outcome::Print(hit) => return Ok(Some(hit)),
            Outcome::Copy(copy) => {
                let way = clipboard.put(screen.terminal.backend_mut(), &copy.text, &copy.html)?;
                browser.copied(&copy, way);
            }
        }
    }
}

/// The next event of the terminal, or the signal that came while waiting.
fn next_event(caught: &Caught) -> anyhow::Result<Event> {
    loop {
        if let Some(signalled) = caught.received() {
            return Err(signalled.into());
        }
        if event::poll(TICK)? {
            return Ok(event::read()?);
        }
    }
}

#[cfg(test)]
mod tests;
