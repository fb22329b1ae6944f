//! A problem with a content file: what is wrong, where (a byte range of the
//! file), hints, and how it is shown (`FILE:LINE:COLUMN: message`).

use std::ops::Range;

use crate::suggest::{escaped, hints, pairs};

/// One thing wrong with a content file, with where it is (a byte range) and hints.
#[derive(Debug, PartialEq, Eq)]
pub struct Problem {
    pub span: Option<Range<usize>>,
    pub message: String,
    pub hints: Vec<String>,
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
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
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

    /// Renders the problem as `aims: error: FILE:LINE:COLUMN: message`, then hints.
    pub fn render(&self, origin: &impl std::fmt::Display, text: &str) -> String {
        let place = match &self.span {
            Some(span) => {
                let (line, column) = locate(text, span.start);
                format!("{origin}:{line}:{column}")
            }
            None => origin.to_string(),
        };
        let mut out = format!("aims: error: {place}: {}\n", escaped(&self.message));
        for hint in &self.hints {
            out.push_str("  hint: ");
            out.push_str(&escaped(hint));
            out.push('\n');
        }
        out
    }
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

/// The 1-based line and column (in characters) of byte `offset` in `text`.
pub fn locate(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_lines_and_columns_in_characters() {
        let text = "a = 1\nbé = 'x'\n";
        assert_eq!(locate(text, 0), (1, 1));
        assert_eq!(locate(text, 6), (2, 1));
        assert_eq!(locate(text, text.find('=').unwrap()), (1, 3));
        assert_eq!(locate(text, text.rfind('=').unwrap()), (2, 4));
        // Inside a character: its start.
        assert_eq!(locate(text, text.find('é').unwrap() + 1), (2, 2));
        assert_eq!(locate(text, 999), (3, 1));
    }

    #[test]
    fn renders_the_place_then_the_hints() {
        let problem = Problem::new(6..7, "bad").hint("try this").hint("or that");
        assert_eq!(
            problem.render(&"f.toml", "a = 1\nbé = 'x'\n"),
            "aims: error: f.toml:2:1: bad\n  hint: try this\n  hint: or that\n"
        );
        assert_eq!(
            Problem::whole("unknown field `a\u{1b}[2J`")
                .hint("did you mean `\t`?")
                .render(&"f.toml", ""),
            "aims: error: f.toml: unknown field `a\\u{1b}[2J`\n  hint: did you mean `\\t`?\n"
        );
        assert_eq!(
            Problem::whole("no aims").render(&"f.toml", ""),
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
