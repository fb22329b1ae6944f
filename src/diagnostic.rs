//! A problem with a content file: what is wrong, where (a byte range of the
//! file), hints, and how it is shown (`FILE:LINE:COLUMN: message`, its place
//! found through `Lines`); and how every error is shown on stderr, aims's and
//! clap's alike (`present`).

use std::cell::OnceCell;
use std::ops::Range;

use crate::palette;
use crate::suggest::{Hint, escaped, hints, listed, pairs};

/// One thing wrong with a content file, with where it is (a byte range) and hints.
#[derive(Debug, PartialEq, Eq)]
pub struct Problem {
    pub span: Option<Range<usize>>,
    pub message: String,
    pub hints: Vec<Hint>,
}

impl Problem {
    pub fn new(span: Range<usize>, message: impl Into<String>) -> Self {
        Problem {
            span: Some(span),
            message: message.into(),
            hints: Vec::new(),
        }
    }

    /// A problem of the file as a whole, with no one place.
    pub fn whole(message: impl Into<String>) -> Self {
        Problem {
            span: None,
            message: message.into(),
            hints: Vec::new(),
        }
    }

    #[must_use]
    pub fn hint(mut self, hint: impl Into<Hint>) -> Self {
        self.hints.push(hint.into());
        self
    }

    /// Says which record the problem is in: `kind`, and its id if known.
    #[must_use]
    pub fn in_record(mut self, kind: &str, id: Option<&str>) -> Self {
        self.message = match id {
            Some(id) => format!("in [[{kind}]] `{id}`: {}", self.message),
            None => format!("in [[{kind}]]: {}", self.message),
        };
        self
    }

    /// The problem as an error of `origin`, `FILE:LINE:COLUMN: message`,
    /// with its hints; `lines` are those of the text the span is in.
    pub fn report(&self, origin: &impl std::fmt::Display, lines: &Lines) -> Report<'_> {
        let place = match &self.span {
            Some(span) => {
                let (line, column) = lines.locate(span.start);
                format!("{origin}:{line}:{column}")
            }
            None => origin.to_string(),
        };
        Report {
            message: format!("{place}: {}", self.message),
            hints: &self.hints,
        }
    }
}

/// An error as stderr shows it (`present`): `aims: error: MESSAGE`, then
/// each hint.
#[derive(Debug)]
pub struct Report<'a> {
    pub message: String,
    pub hints: &'a [Hint],
}

/// A problem for a value that names nothing valid: the closest valid value, and
/// the list of valid ones (`plural` names them).
pub fn unknown(
    span: Range<usize>,
    message: &str,
    value: &str,
    candidates: &[&str],
    plural: &str,
) -> Problem {
    Problem {
        span: Some(span),
        message: message.to_owned(),
        hints: hints(value, &pairs(candidates), candidates, plural),
    }
}

/// The lines of a text, to locate places in it: where each line starts is
/// found once (on the first question), and each place then by a binary
/// search, so that a file with a problem on every line is answered in time
/// linear in its size, not in its size times its problems.
pub struct Lines<'t> {
    text: &'t str,
    /// The byte offset of each line's start; the first is 0.
    starts: OnceCell<Vec<usize>>,
}

impl<'t> Lines<'t> {
    /// Costs nothing until a place is asked for: most texts have no problem.
    pub fn new(text: &'t str) -> Self {
        Lines {
            text,
            starts: OnceCell::new(),
        }
    }

    /// The 1-based line of byte `offset`.
    pub fn line(&self, offset: usize) -> usize {
        let starts = self.starts.get_or_init(|| {
            std::iter::once(0)
                .chain(memchr::memchr_iter(b'\n', self.text.as_bytes()).map(|at| at + 1))
                .collect()
        });
        // The lines starting at or before the offset: at least the first.
        starts.partition_point(|&start| start <= offset.min(self.text.len()))
    }

    /// The 1-based line and column (in characters) of byte `offset`; inside a
    /// character, of its start; past the end, of the end.
    pub fn locate(&self, offset: usize) -> (usize, usize) {
        let text = self.text;
        let offset = text.floor_char_boundary(offset);
        let line = self.line(offset);
        let start = self.starts.get().map_or(0, |starts| starts[line - 1]);
        (line, text[start..offset].chars().count() + 1)
    }
}

/// How many lines one hint takes at most: a longer list is cut, "and N more".
const HINT_LINES: usize = 3;

/// What stands before a hint's first line, and under which the next ones
/// stand: `  hint: `.
const HINT_INDENT: usize = 8;

/// Errors as stderr shows them: `aims: error: ...`, then `  hint: ...`, each
/// text escaped (`escaped`). On a terminal (`width` given), each hint is
/// wrapped at its width under its first word; elsewhere a hint stays one
/// line, for logs and editors. A list hint is cut to what `HINT_LINES` lines
/// of the width (or of 80 columns) hold, and ends "and N more". With
/// `color`, `error:` is bold red and `hint:` bold cyan.
pub fn present(reports: &[Report], width: Option<usize>, color: bool) -> String {
    let mut out = String::new();
    for report in reports {
        out.push_str(&lead("aims: ", "error:", palette::ERROR, color));
        out.push_str(&escaped(&report.message));
        out.push('\n');
        for hint in report.hints {
            let mut lines = fit_hint(&hint.escaped(), width.unwrap_or(80));
            if width.is_none() {
                lines = vec![lines.join(" ")];
            }
            for (n, part) in lines.iter().enumerate() {
                if n == 0 {
                    out.push_str(&lead("  ", "hint:", palette::HINT, color));
                } else {
                    out.push_str(&" ".repeat(HINT_INDENT));
                }
                out.push_str(part);
                out.push('\n');
            }
        }
    }
    out
}

/// What leads a line: `before`, then `word` (in `style`, when colouring) and
/// a space.
fn lead(before: &str, word: &str, style: anstyle::Style, color: bool) -> String {
    if color {
        format!("{before}{} ", palette::paint(style, word))
    } else {
        format!("{before}{word} ")
    }
}

/// A hint's lines at `width` (the prefix's columns taken off), a list cut,
/// from its values, to `HINT_LINES` lines.
fn fit_hint(hint: &Hint, width: usize) -> Vec<String> {
    let room = width.saturating_sub(HINT_INDENT).max(20);
    let wrap = |text: &str| -> Vec<String> {
        textwrap::wrap(
            text,
            textwrap::Options::new(room)
                .break_words(false)
                .word_splitter(textwrap::WordSplitter::NoHyphenation),
        )
        .into_iter()
        .map(std::borrow::Cow::into_owned)
        .collect()
    };
    let lines = wrap(&hint.to_string());
    let Some((lead, values, more)) = hint.list() else {
        return lines;
    };
    if lines.len() <= HINT_LINES {
        return lines;
    }
    for kept in (1..values.len()).rev() {
        let lines = wrap(&listed(&lead, &values[..kept], values.len() - kept + more));
        if lines.len() <= HINT_LINES {
            return lines;
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(values: &[&str]) -> Vec<String> {
        values.iter().map(|&v| v.to_owned()).collect()
    }

    fn valid(list: &[String], more: usize) -> Hint {
        Hint::Valid {
            plural: "domains".to_owned(),
            values: list.to_vec(),
            more,
        }
    }

    /// One error of `hints`, as `present` shows it.
    fn shown(hints: &[Hint], width: Option<usize>) -> String {
        let report = Report {
            message: "x".to_owned(),
            hints,
        };
        present(&[report], width, false)
            .strip_prefix("aims: error: x\n")
            .expect("the error first")
            .to_owned()
    }

    #[test]
    fn errors_are_shown_with_hints_wrapped_and_long_lists_cut() {
        let list: Vec<String> = (1..=60).map(|n| format!("value-{n}")).collect();
        let report = Report {
            message: "unknown domain `x`".to_owned(),
            hints: &[Hint::DidYouMean(values(&["y"])), valid(&list, 0)],
        };
        let shown_at_40 = present(&[report], Some(40), false);
        assert_eq!(
            shown_at_40,
            "aims: error: unknown domain `x`\n  hint: did you mean `y`?\n  \
             hint: valid domains: value-1, value-2,\n        \
             value-3, value-4, value-5,\n        \
             value-6, value-7, and 53 more\n"
        );
        assert!(
            shown_at_40.lines().all(|line| line.chars().count() <= 40),
            "{shown_at_40}"
        );
        // A list cut already adds to its count; a short hint stays one line.
        let eight = values(&[
            "aaaa", "bbbb", "cccc", "dddd", "eeee", "ffff", "gggg", "hhhh",
        ]);
        let one_of = Hint::OneOf {
            rule: "valid".to_owned(),
            values: eight.clone(),
        };
        assert_eq!(
            shown(&[one_of], Some(28)),
            "  hint: valid: one of aaaa,\n        bbbb, cccc, dddd,\n        eeee, and 3 more\n"
        );
        let cut = Hint::Valid {
            plural: "ids".to_owned(),
            values: eight,
            more: 5,
        };
        assert_eq!(
            shown(&[cut], Some(30)),
            "  hint: valid ids: aaaa, bbbb,\n        cccc, dddd, eeee,\n        ffff, gggg, and 6 more\n"
        );
        assert_eq!(shown(&[Hint::from("short")], Some(80)), "  hint: short\n");
        // A list that fits is kept whole.
        let short = valid(&values(&["trade", "peace", "law"]), 0);
        assert_eq!(
            shown(&[short], Some(80)),
            "  hint: valid domains: trade, peace, law\n"
        );
        // A hint that is no list wraps whole, never cut, whatever its words;
        // off a terminal, nothing wraps.
        let long = Hint::from("one two: three, four five six seven eight nine ten eleven twelve");
        assert_eq!(
            shown(std::slice::from_ref(&long), Some(28)).lines().count(),
            4
        );
        assert_eq!(
            shown(std::slice::from_ref(&long), None),
            "  hint: one two: three, four five six seven eight nine ten eleven twelve\n"
        );
        let cut = shown(&[valid(&list, 0)], None);
        assert_eq!(cut.lines().count(), 1, "{cut}");
        assert!(cut.ends_with(", value-19, and 41 more\n"), "{cut}");
        // One value is never cut, however many lines it takes.
        let one = Hint::Valid {
            plural: "names of things that go on and on and on".to_owned(),
            values: values(&["x"]),
            more: 9,
        };
        let one = shown(&[one], Some(28));
        assert_eq!(one.lines().count(), 4, "{one}");
        assert!(one.ends_with(": x,\n        and 9 more\n"), "{one}");
    }

    #[test]
    fn colour_marks_error_and_hint_only_when_asked() {
        let hints = [Hint::from("good")];
        let report = || Report {
            message: "bad".to_owned(),
            hints: &hints,
        };
        assert_eq!(
            present(&[report()], Some(80), true),
            "aims: \x1b[1;31merror:\x1b[0m bad\n  \x1b[1;36mhint:\x1b[0m good\n"
        );
        assert_eq!(
            present(&[report()], None, false),
            "aims: error: bad\n  hint: good\n"
        );
    }

    #[test]
    fn what_errors_and_hints_hold_is_escaped() {
        let hints = [
            Hint::from("did you mean `\t`?"),
            Hint::DidYouMean(values(&["a\u{1b}[2J"])),
        ];
        let report = Report {
            message: "unknown field `a\u{1b}[2J`".to_owned(),
            hints: &hints,
        };
        assert_eq!(
            present(&[report], None, false),
            "aims: error: unknown field `a\\u{1b}[2J`\n  hint: did you mean `\\t`?\n  \
             hint: did you mean `a\\u{1b}[2J`?\n"
        );
    }

    #[test]
    fn locates_lines_and_columns_in_characters() {
        let text = "a = 1\nbé = 'x'\n";
        let lines = Lines::new(text);
        for (offset, expected) in [
            (0, (1, 1)),
            (5, (1, 6)),
            (6, (2, 1)),
            (text.find('=').unwrap(), (1, 3)),
            (text.rfind('=').unwrap(), (2, 4)),
            // Inside a character: its start.
            (text.find('é').unwrap() + 1, (2, 2)),
            (text.len() - 1, (2, 9)),
            (text.len(), (3, 1)),
            (999, (3, 1)),
        ] {
            assert_eq!(lines.locate(offset), expected, "{offset}");
            assert_eq!(lines.line(offset), expected.0, "{offset}");
        }
        for text in ["", "x"] {
            assert_eq!(Lines::new(text).locate(0), (1, 1), "{text:?}");
            assert_eq!(Lines::new(text).locate(5), (1, text.len() + 1), "{text:?}");
        }
        // CRLF ends a line at its LF; a CR alone ends none.
        let lines = Lines::new("a\r\nb\rc");
        assert_eq!(lines.locate(3), (2, 1));
        assert_eq!(lines.locate(5), (2, 3));
    }

    #[test]
    fn reports_the_place_then_the_hints() {
        let problem = Problem::new(6..7, "bad").hint("try this").hint("or that");
        let report = problem.report(&"f.toml", &Lines::new("a = 1\nbé = 'x'\n"));
        assert_eq!(report.message, "f.toml:2:1: bad");
        assert_eq!(
            present(&[report], None, false),
            "aims: error: f.toml:2:1: bad\n  hint: try this\n  hint: or that\n"
        );
        let whole = Problem::whole("no aims");
        assert_eq!(
            present(&[whole.report(&"f.toml", &Lines::new(""))], None, false),
            "aims: error: f.toml: no aims\n"
        );
        assert_eq!(
            Problem::new(0..1, "x").in_record("aim", Some("a")).message,
            "in [[aim]] `a`: x"
        );
        assert_eq!(
            Problem::new(0..1, "x").in_record("aim", None).message,
            "in [[aim]]: x"
        );
    }
}
