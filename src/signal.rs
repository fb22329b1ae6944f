//! The signals that ask `aims` to end (SIGTERM, SIGHUP, SIGINT, SIGQUIT),
//! caught while it holds the terminal (the browser's raw mode and alternate
//! screen, or a pager reading the keys), so that it ends only once the
//! terminal is given back, and then with the status a shell gives a death by
//! that signal (128 + its number), through `main`.

use std::ffi::c_int;
use std::fmt;
use std::io;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, Once, OnceLock};

use signal_hook::SigId;

/// The signals caught. Windows has no SIGTERM to send, nor SIGHUP or
/// SIGQUIT; its console's Ctrl-C arrives as SIGINT.
#[cfg(unix)]
const ENDING: [c_int; 4] = {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    [SIGTERM, SIGHUP, SIGINT, SIGQUIT]
};
#[cfg(not(unix))]
const ENDING: [c_int; 1] = [signal_hook::consts::SIGINT];

/// While held, the signals that end `aims` are noted instead of ending it;
/// `received` says which came. Once the last is dropped they end it again,
/// as they did before: signal-hook cannot give the default action back, so
/// an action that runs it stands behind the catching, switched by `PASS`.
pub struct Caught {
    received: Arc<AtomicUsize>,
    ids: Vec<SigId>,
}

/// True while nothing catches: a signal then gets its default action.
fn pass() -> &'static Arc<AtomicBool> {
    static PASS: OnceLock<Arc<AtomicBool>> = OnceLock::new();
    PASS.get_or_init(|| Arc::new(AtomicBool::new(true)))
}

/// How many `Caught` are held: the signals pass only when none is.
static HELD: Mutex<usize> = Mutex::new(0);

impl Caught {
    /// Catches the signals that end `aims` until dropped. A signal that
    /// cannot be caught keeps its default action.
    pub fn catch() -> Self {
        static BEHIND: Once = Once::new();
        BEHIND.call_once(|| {
            // Registered first, so that it runs before any flag is set.
            for signal in ENDING {
                let _ = signal_hook::flag::register_conditional_default(signal, pass().clone());
            }
        });
        *HELD
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) += 1;
        pass().store(false, Ordering::SeqCst);
        let received = Arc::new(AtomicUsize::new(0));
        let ids = ENDING
            .iter()
            .filter_map(|&signal| {
                let number = usize::try_from(signal).ok()?;
                signal_hook::flag::register_usize(signal, received.clone(), number).ok()
            })
            .collect();
        Caught { received, ids }
    }

    /// The signal that came since the catching began (the last, if several).
    pub fn received(&self) -> Option<Signalled> {
        match self.received.load(Ordering::SeqCst) {
            0 => None,
            number => c_int::try_from(number).ok().map(Signalled),
        }
    }
}

impl Drop for Caught {
    fn drop(&mut self) {
        for id in self.ids.drain(..) {
            signal_hook::low_level::unregister(id);
        }
        let mut held = HELD
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        *held = held.saturating_sub(1);
        if *held == 0 {
            pass().store(true, Ordering::SeqCst);
        }
    }
}

/// `aims` was asked to end by this signal, and gave the terminal back
/// first: it ends with 128 + the signal's number, as a shell reports a
/// death by that signal (143 for SIGTERM, 129 for SIGHUP, 130 for SIGINT).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Signalled(pub c_int);

impl Signalled {
    pub fn exit_code(self) -> u8 {
        u8::try_from(128 + self.0).unwrap_or(u8::MAX)
    }

    /// The signal an error says `aims` ended by, if it does: given as is
    /// (the browser), or inside an I/O error (the pager, as its writer).
    pub fn in_chain(err: &anyhow::Error) -> Option<Self> {
        err.chain().find_map(|cause| {
            let inner = cause
                .downcast_ref::<io::Error>()
                .and_then(io::Error::get_ref)
                .and_then(|inner| inner.downcast_ref::<Self>());
            cause.downcast_ref::<Self>().or(inner).copied()
        })
    }
}

impl fmt::Display for Signalled {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match signal_hook::low_level::signal_name(self.0) {
            Some(name) => write!(f, "ended by {name}"),
            None => write!(f, "ended by signal {}", self.0),
        }
    }
}

impl std::error::Error for Signalled {}

impl From<Signalled> for io::Error {
    fn from(signalled: Signalled) -> Self {
        // Not `Interrupted`: writers retry on that.
        io::Error::other(signalled)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_signal_caught_is_received_while_any_catching_is_held() {
        use signal_hook::consts::{SIGHUP, SIGTERM};
        let outer = Caught::catch();
        let inner = Caught::catch();
        assert_eq!(outer.received(), None);
        signal_hook::low_level::raise(SIGHUP).expect("raised");
        assert_eq!(inner.received(), Some(Signalled(SIGHUP)));
        // The inner catching ends; the outer one still holds the signals.
        drop(inner);
        signal_hook::low_level::raise(SIGTERM).expect("raised");
        assert_eq!(outer.received(), Some(Signalled(SIGTERM)));
        drop(outer);
        assert!(pass().load(Ordering::SeqCst), "the default action is back");
    }

    #[cfg(unix)]
    #[test]
    fn the_exit_code_is_128_and_the_signal_number() {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
        for (signal, code) in [(SIGHUP, 129), (SIGINT, 130), (SIGQUIT, 131), (SIGTERM, 143)] {
            assert_eq!(Signalled(signal).exit_code(), code, "{signal}");
        }
        assert_eq!(Signalled(SIGTERM).to_string(), "ended by SIGTERM");
    }

    #[test]
    fn the_signal_is_found_given_as_is_or_inside_an_io_error() {
        let given = anyhow::Error::new(Signalled(15)).context("browsing");
        assert_eq!(Signalled::in_chain(&given), Some(Signalled(15)));
        let written = anyhow::Error::new(io::Error::from(Signalled(1))).context("cannot write");
        assert_eq!(Signalled::in_chain(&written), Some(Signalled(1)));
        let other = anyhow::Error::new(io::Error::other("disk full"));
        assert_eq!(Signalled::in_chain(&other), None);
    }
}
