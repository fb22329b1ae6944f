//! The browser's copy: onto the system's clipboard where there is one (as
//! text and as HTML, so that a word processor keeps the italics), or through
//! the terminal (OSC 52) over ssh or where there is none; and which of the
//! two it was, since only the first can be known to have arrived.

use std::io::{self, Write};

use crossterm::clipboard::CopyToClipboard;
use crossterm::execute;

/// Where a copy went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Way {
    /// The system's clipboard took it, as text and HTML.
    System,
    /// It was sent to the terminal (OSC 52), which may take it or drop it
    /// (tmux drops it unless `set-clipboard` is on): no one can know here.
    Terminal,
}

/// The system's clipboard, opened at the first copy and held while the
/// browser runs: on X11 the copied text is served by this process, and
/// handed to the clipboard manager when it is dropped.
#[derive(Default)]
pub struct Clipboard {
    system: Option<arboard::Clipboard>,
    opened: bool,
}

impl Clipboard {
    /// Puts `text` (and `html`, where the clipboard takes it) on a clipboard.
    pub fn put(&mut self, tty: &mut impl Write, text: &str, html: &str) -> io::Result<Way> {
        if let Some(system) = self.system()
            && system.set().html(html, Some(text)).is_ok()
        {
            return Ok(Way::System);
        }
        execute!(tty, CopyToClipboard::to_clipboard_from(text))?;
        Ok(Way::Terminal)
    }

    /// The system's clipboard, unless this session is remote (its clipboard
    /// would be the far machine's, not the user's) or there is none (no
    /// display).
    fn system(&mut self) -> Option<&mut arboard::Clipboard> {
        if !self.opened {
            self.opened = true;
            if !remote(|key| std::env::var_os(key)) {
                self.system = arboard::Clipboard::new().ok();
            }
        }
        self.system.as_mut()
    }
}

/// Whether the session came in over ssh, by the variables sshd sets.
fn remote(var: impl Fn(&str) -> Option<std::ffi::OsString>) -> bool {
    ["SSH_CONNECTION", "SSH_TTY"]
        .iter()
        .any(|key| var(key).is_some_and(|value| !value.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_over_ssh_is_remote() {
        let with = |pairs: &'static [(&'static str, &'static str)]| {
            remote(move |key| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == key)
                    .map(|(_, v)| (*v).into())
            })
        };
        assert!(with(&[("SSH_CONNECTION", "10.0.0.1 5 10.0.0.2 22")]));
        assert!(with(&[("SSH_TTY", "/dev/pts/1")]));
        assert!(!with(&[("SSH_TTY", "")]));
        assert!(!with(&[("DISPLAY", ":0")]));
    }
}
