//! Where a command's output goes: straight to stdout, or, on a terminal when
//! it is longer than the screen, through the pager (git's, gh's and bat's
//! convention). Notes for the person (`see also: …`) wait until the output
//! and the pager are done, so that they are never drawn over the pager.

use std::io::{self, BufWriter, Stdout, Write};
use std::process::{Child, ChildStdin, Command, Stdio};

use anstream::AutoStream;
use unicode_width::UnicodeWidthChar;

use crate::config::{self, Config, Pager};
use crate::signal::{Caught, Signalled};

/// Stdout, or the pager's stdin once the output has shown itself long.
pub struct Screen {
    sink: Sink,
    /// Whether the output is coloured, as `config` decided.
    color: bool,
    /// Lines for stderr, printed after the output.
    notes: Vec<String>,
}

enum Sink {
    Stdout(BufWriter<AutoStream<Stdout>>),
    /// Held back until it is longer than the screen (then paged) or ends
    /// (then printed).
    Waiting {
        pager: Pager,
        held: Vec<u8>,
        rows: Rows,
    },
    Pager {
        child: Child,
        stdin: Option<BufWriter<ChildStdin>>,
        /// The signals that would end `aims` under the pager, held back
        /// until it is quit.
        caught: Caught,
    },
}

/// Counts the rows a text takes on a terminal of some width.
struct Rows {
    width: usize,
    /// The rows above which the output is paged.
    limit: usize,
    /// Rows of the lines ended so far.
    done: usize,
    /// Columns of the line begun.
    column: usize,
    /// Inside an escape sequence (colour), which takes no columns.
    escape: bool,
}

impl Rows {
    /// Counts `text`; true once it takes more rows than the limit.
    fn add(&mut self, text: &str) -> bool {
        for c in text.chars() {
            match c {
                '\n' => {
                    self.done += self.column.div_ceil(self.width).max(1);
                    self.column = 0;
                }
                '\x1b' => self.escape = true,
                c if self.escape => self.escape = !c.is_ascii_alphabetic(),
                c => self.column += c.width().unwrap_or(0),
            }
        }
        self.taken() > self.limit
    }

    fn taken(&self) -> usize {
        self.done + self.column.div_ceil(self.width)
    }
}

impl Screen {
    /// Where the output of a command goes, as `config` decided.
    pub fn new(config: &Config) -> Self {
        let color = config.color;
        let mut notes = Vec::new();
        let sink = match &config.pager {
            Some(pager) if pager.always => start(pager).unwrap_or_else(|note| {
                notes.extend(note);
                Sink::Stdout(stdout(color))
            }),
            Some(pager) => Sink::Waiting {
                pager: pager.clone(),
                held: Vec::new(),
                rows: Rows {
                    width: usize::from(config.width.max(1)),
                    // The last row is the shell's prompt, or the pager's.
                    limit: usize::from(config.height.saturating_sub(1)),
                    done: 0,
                    column: 0,
                    escape: false,
                },
            },
            None => Sink::Stdout(stdout(color)),
        };
        Screen { sink, color, notes }
    }

    /// A line for stderr, printed once the output is done.
    pub fn note(&mut self, line: String) {
        self.notes.push(line);
    }

    /// Ends the output: prints what was held back, waits for the pager to be
    /// quit, then prints the notes.
    pub fn finish(mut self) -> io::Result<()> {
        let result = self.flush_all();
        if result.is_ok() {
            let mut stderr = io::stderr().lock();
            for note in &self.notes {
                // A note may quote what a user or the environment gave
                // (`AIMS_PAGER`): it reaches the terminal as text only.
                writeln!(stderr, "{}", crate::text::visible(note))?;
            }
        }
        result
    }

    fn flush_all(&mut self) -> io::Result<()> {
        match &mut self.sink {
            Sink::Stdout(out) => out.flush(),
            Sink::Waiting { held, .. } => {
                let mut out = stdout(self.color);
                out.write_all(held)?;
                held.clear();
                out.flush()
            }
            Sink::Pager {
                child,
                stdin,
                caught,
            } => {
                let closed = stdin.take().map_or(Ok(()), |mut stdin| stdin.flush());
                child.wait()?;
                ended(caught.received(), closed)
            }
        }
    }
}

/// Stdout, buffered, for output coloured or not as `color` says.
fn stdout(color: bool) -> BufWriter<AutoStream<Stdout>> {
    BufWriter::new(AutoStream::new(io::stdout(), config::stream_choice(color)))
}

/// Starts the pager, or says why it cannot start: a note for a pager the
/// user named, none for the default `less` (the output is then printed as
/// if there were no pager, as on a system without `less`).
fn start(pager: &Pager) -> Result<Sink, Option<String>> {
    let mut command = Command::new(&pager.command[0]);
    command.args(&pager.command[1..]).stdin(Stdio::piped());
    if let Some(less) = pager.less {
        command.env("LESS", less);
    }
    // Ctrl-C (and Ctrl-\) in the pager, a SIGTERM or a SIGHUP: the pager
    // still reads the terminal, so aims waits for it to be quit rather than
    // die and hand the terminal back to the shell under it. Then it ends
    // with the signal, as git does (its `wait_for_pager_signal` waits, then
    // raises the signal again). Caught from before the pager starts.
    let caught = Caught::catch();
    match command.spawn() {
        Ok(mut child) => {
            let stdin = child.stdin.take().map(BufWriter::new);
            Ok(Sink::Pager {
                child,
                stdin,
                caught,
            })
        }
        Err(err) => Err(pager.named.then(|| {
            format!(
                "aims: warning: cannot start the pager `{}` ({err}), so the output was printed",
                pager.command.join(" ")
            )
        })),
    }
}

impl Write for Screen {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.write_all(buf)?;
        Ok(buf.len())
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match &mut self.sink {
            Sink::Stdout(out) => out.write_all(buf),
            Sink::Pager { stdin, caught, .. } => {
                let written = match stdin {
                    Some(stdin) => stdin.write_all(buf),
                    None => Err(io::ErrorKind::BrokenPipe.into()),
                };
                ended(caught.received(), written)
            }
            Sink::Waiting { pager, held, rows } => {
                held.extend_from_slice(buf);
                if !rows.add(&String::from_utf8_lossy(buf)) {
                    return Ok(());
                }
                let mut sink = start(pager).unwrap_or_else(|note| {
                    self.notes.extend(note);
                    Sink::Stdout(stdout(self.color))
                });
                match &mut sink {
                    Sink::Pager {
                        stdin: Some(stdin),
                        caught,
                        ..
                    } => ended(caught.received(), stdin.write_all(held)),
                    Sink::Stdout(out) => out.write_all(held),
                    _ => Ok(()),
                }?;
                self.sink = sink;
                Ok(())
            }
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.sink {
            Sink::Stdout(out) => out.flush(),
            Sink::Pager {
                stdin: Some(stdin),
                caught,
                ..
            } => ended(caught.received(), stdin.flush()),
            // Held back until it is known whether it is long.
            Sink::Waiting { .. } | Sink::Pager { .. } => Ok(()),
        }
    }
}

/// What a write to the pager came to: `written`, unless a signal asked aims
/// to end while the pager ran. Then aims writes no more (git closes its end
/// of the pipe too) and ends with the signal once the pager is quit, rather
/// than with the closed pipe the quitting leaves (a quiet 0).
fn ended(received: Option<Signalled>, written: io::Result<()>) -> io::Result<()> {
    match received {
        Some(signalled) => Err(signalled.into()),
        None => written,
    }
}

impl Drop for Screen {
    /// On an early return (an error, a closed pipe), the pager still owns the
    /// terminal: wait for it, so that the shell does not draw over it.
    fn drop(&mut self) {
        if let Sink::Pager { child, stdin, .. } = &mut self.sink {
            drop(stdin.take());
            let _ = child.wait();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(width: usize, text: &str) -> usize {
        let mut rows = Rows {
            width,
            limit: usize::MAX,
            done: 0,
            column: 0,
            escape: false,
        };
        rows.add(text);
        rows.taken()
    }

    #[test]
    fn rows_count_wrapped_lines_and_not_colour() {
        for (width, text, expected) in [
            (80, "", 0),
            (80, "a\n", 1),
            (80, "a\nb", 2),
            (80, "\n\n", 2),
            (4, "abcd\n", 1),
            (4, "abcde\n", 2),
            (4, "abcdefghi", 3),
            (4, "\x1b[1;31mabcd\x1b[0m\n", 1),
            (4, "日本\n", 1),
            (4, "日本語\n", 2),
        ] {
            assert_eq!(rows(width, text), expected, "{text:?} at {width}");
        }
    }

    #[test]
    fn a_signal_under_the_pager_wins_over_what_the_write_came_to() {
        let closed = || Err(io::ErrorKind::BrokenPipe.into());
        let term = Some(Signalled(15));
        for (received, written, expected) in [
            (None, Ok(()), None),
            (None, closed(), Some(io::ErrorKind::BrokenPipe)),
            (term, Ok(()), Some(io::ErrorKind::Other)),
            (term, closed(), Some(io::ErrorKind::Other)),
        ] {
            let ended = ended(received, written);
            assert_eq!(ended.as_ref().err().map(io::Error::kind), expected);
            if received.is_some() {
                let inner = ended.unwrap_err().into_inner().expect("the signal");
                assert_eq!(inner.downcast_ref::<Signalled>(), received.as_ref());
            }
        }
    }

    #[test]
    fn output_is_long_once_it_takes_more_rows_than_the_limit() {
        let mut rows = Rows {
            width: 80,
            limit: 2,
            done: 0,
            column: 0,
            escape: false,
        };
        assert!(!rows.add("one\ntwo\n"));
        assert!(rows.add("three"));
    }
}
