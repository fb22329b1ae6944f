//! A fast reader for the plain TOML content files are written in: `[[kind]]`
//! headers and `key = value` lines whose values are strings, whole numbers and
//! one-line arrays of strings. It reads such a file in one pass, straight into
//! the records the checks take.
//!
//! It decides nothing: a file with any other TOML (dotted keys, tables, inline
//! tables, other escapes...), or with anything wrong in it (a syntax error, an
//! unknown, missing, repeated or mistyped field), is handed back, and the `toml`
//! crate reads it, rejects what is invalid and reports every problem with its
//! place. So this reader only ever says yes to a valid document, and then
//! yields what the `toml` crate would.

use std::borrow::Cow;

use toml::Spanned;

use crate::content::{RawAim, RawClause, RawContent, RawDomain, RawPillar, RawSource, Text};

/// Reads `text` if it is plain, valid and every record well-formed; None hands
/// it to the `toml` crate.
pub fn read(text: &str) -> Option<RawContent<'_>> {
    // One pass for what TOML forbids anywhere but as escapes: control
    // characters other than tab and line feed. A carriage return (even in a
    // CRLF line ending) is left to toml too, so strings need no check later.
    let forbidden = |b: u8| (b < 0x20 && b != b'\t' && b != b'\n') || b == 0x7f;
    // Without an early exit, the compiler makes this loop vector instructions.
    if text.bytes().fold(false, |found, b| found | forbidden(b)) {
        return None;
    }
    let mut scanner = Scanner {
        text,
        bytes: text.as_bytes(),
        at: 0,
    };
    let mut raw = RawContent::default();
    let mut record: Option<(&str, Vec<Field>)> = None;
    loop {
        scanner.blanks();
        let Some(byte) = scanner.peek() else { break };
        match byte {
            b'\n' | b'#' => scanner.line_end()?,
            b'[' => {
                if let Some((kind, fields)) = record.take() {
                    add(&mut raw, kind, fields)?;
                }
                record = Some((scanner.header()?, Vec::new()));
                scanner.line_end()?;
            }
            _ => {
                // A key outside a record (at the top of the file) is left to toml.
                let fields = &mut record.as_mut()?.1;
                let field = scanner.key_value()?;
                if fields.iter().any(|f| f.key == field.key) {
                    return None; // a repeated key: the toml crate says where
                }
                fields.push(field);
                scanner.line_end()?;
            }
        }
    }
    if let Some((kind, fields)) = record {
        add(&mut raw, kind, fields)?;
    }
    Some(raw)
}

/// One `key = value` of a record.
struct Field<'a> {
    key: &'a str,
    value: Value<'a>,
}

enum Value<'a> {
    String(Text<'a>),
    Integer(Spanned<u32>),
    Strings(Vec<Text<'a>>),
}

struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Scanner<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn starts_with(&self, prefix: &str) -> bool {
        self.bytes[self.at..].starts_with(prefix.as_bytes())
    }

    /// Spaces and tabs.
    fn blanks(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.at += 1;
        }
    }

    /// Blanks, a comment, then the end of the line or of the file.
    fn line_end(&mut self) -> Option<()> {
        self.blanks();
        if self.peek() == Some(b'#') {
            self.at = memchr::memchr(b'\n', &self.bytes[self.at..])
                .map_or(self.bytes.len(), |n| self.at + n);
        }
        match self.peek() {
            None => Some(()),
            Some(b'\n') => {
                self.at += 1;
                Some(())
            }
            Some(_) => None,
        }
    }

    /// `[[kind]]`, for the five kinds of record.
    fn header(&mut self) -> Option<&'static str> {
        let (header, kind) = [
            ("[[aim]]", "aim"),
            ("[[source]]", "source"),
            ("[[pillar]]", "pillar"),
            ("[[domain]]", "domain"),
            ("[[clause]]", "clause"),
        ]
        .into_iter()
        .find(|(header, _)| self.starts_with(header))?;
        self.at += header.len();
        Some(kind)
    }

    /// `key = value`, with a bare key.
    fn key_value(&mut self) -> Option<Field<'a>> {
        let start = self.at;
        while matches!(
            self.peek(),
            Some(b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'_' | b'-')
        ) {
            self.at += 1;
        }
        if self.at == start {
            return None;
        }
        let key = &self.text[start..self.at];
        self.blanks();
        if self.peek() != Some(b'=') {
            return None;
        }
        self.at += 1;
        self.blanks();
        let value = match self.peek()? {
            b'"' | b'\'' => Value::String(self.string(true)?),
            b'0'..=b'9' => Value::Integer(self.integer()?),
            b'[' => Value::Strings(self.strings()?),
            _ => return None,
        };
        Some(Field { key, value })
    }

    /// A whole number: digits, no leading zero, within u32.
    fn integer(&mut self) -> Option<Spanned<u32>> {
        let start = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        let digits = &self.text[start..self.at];
        if digits.len() > 1 && digits.starts_with('0') {
            return None;
        }
        // Anything that would make it another kind of number is left to toml.
        if matches!(
            self.peek(),
            Some(b'_' | b'.' | b'e' | b'E' | b'x' | b'o' | b'b' | b':' | b'-')
        ) {
            return None;
        }
        Some(Spanned::new(start..self.at, digits.parse().ok()?))
    }

    /// `["a", 'b']` on one line.
    fn strings(&mut self) -> Option<Vec<Text<'a>>> {
        self.at += 1; // [
        let mut items = Vec::new();
        loop {
            self.blanks();
            match self.peek()? {
                b']' => {
                    self.at += 1;
                    return Some(items);
                }
                b'"' | b'\'' => items.push(self.string(false)?),
                _ => return None,
            }
            self.blanks();
            match self.peek()? {
                b',' => self.at += 1,
                b']' => {
                    self.at += 1;
                    return Some(items);
                }
                _ => return None,
            }
        }
    }

    /// A basic or literal string; multi-line ones only where `multiline`.
    fn string(&mut self, multiline: bool) -> Option<Text<'a>> {
        let start = self.at;
        let value = if self.starts_with("\"\"\"") {
            if !multiline {
                return None;
            }
            self.at += 3;
            self.basic(true)?
        } else if self.starts_with("'''") {
            if !multiline {
                return None;
            }
            self.at += 3;
            self.literal(true)?
        } else if self.peek() == Some(b'"') {
            self.at += 1;
            self.basic(false)?
        } else {
            self.at += 1;
            self.literal(false)?
        };
        Some(Spanned::new(start..self.at, value))
    }

    /// A multi-line string's first line break is not part of it.
    fn skip_first_newline(&mut self) {
        if self.peek() == Some(b'\n') {
            self.at += 1;
        }
    }

    /// The closing delimiter of a multi-line string: three quotes, and one or
    /// two more that belong to the string. Returns how many belong to it.
    fn closing(&mut self, quote: u8) -> Option<usize> {
        let run = self.bytes[self.at..]
            .iter()
            .take_while(|&&b| b == quote)
            .count();
        if run > 5 {
            return None;
        }
        self.at += run;
        Some(run - 3)
    }

    /// The rest of a literal string, after its opening quotes.
    fn literal(&mut self, multiline: bool) -> Option<Cow<'a, str>> {
        let rest = &self.bytes[self.at..];
        if !multiline {
            let end = memchr::memchr2(b'\'', b'\n', rest)?;
            if rest[end] != b'\'' {
                return None;
            }
            let value = &self.text[self.at..self.at + end];
            self.at += end + 1;
            return Some(Cow::Borrowed(value));
        }
        self.skip_first_newline();
        let start = self.at;
        let end = start + memchr::memmem::find(&self.bytes[start..], b"\'\'\'")?;
        self.at = end;
        let value = &self.text[start..end];
        Some(match self.closing(b'\'')? {
            0 => Cow::Borrowed(value),
            extra => Cow::Owned(format!("{value}{}", "'".repeat(extra))),
        })
    }

    /// The rest of a basic string, after its opening quotes: escapes decoded.
    fn basic(&mut self, multiline: bool) -> Option<Cow<'a, str>> {
        if multiline {
            self.skip_first_newline();
        } else {
            // Most strings hold no escape: then the string is a slice of the text.
            let rest = &self.bytes[self.at..];
            let end = memchr::memchr3(b'"', b'\\', b'\n', rest)?;
            if rest[end] == b'"' {
                let value = &self.text[self.at..self.at + end];
                self.at += end + 1;
                return Some(Cow::Borrowed(value));
            }
        }
        let mut value = String::new();
        loop {
            let rest = &self.bytes[self.at..];
            let next = if multiline {
                memchr::memchr2(b'"', b'\\', rest)?
            } else {
                memchr::memchr3(b'"', b'\\', b'\n', rest)?
            };
            value.push_str(&self.text[self.at..self.at + next]);
            self.at += next;
            match self.bytes[self.at] {
                b'\n' => return None,
                b'\\' => {
                    self.at += 1;
                    self.escape(&mut value, multiline)?;
                }
                _ if !multiline => {
                    self.at += 1;
                    return Some(Cow::Owned(value));
                }
                _ if self.starts_with("\"\"\"") => {
                    let extra = self.closing(b'"')?;
                    value.push_str(&"\"".repeat(extra));
                    return Some(Cow::Owned(value));
                }
                _ => {
                    value.push('"');
                    self.at += 1;
                }
            }
        }
    }

    /// An escape, after its backslash: TOML 1.0's, and a line-ending backslash
    /// in a multi-line string. Any other is left to the toml crate.
    fn escape(&mut self, value: &mut String, multiline: bool) -> Option<()> {
        let byte = self.peek()?;
        self.at += 1;
        let decoded = match byte {
            b'b' => '\u{8}',
            b't' => '\t',
            b'n' => '\n',
            b'f' => '\u{c}',
            b'r' => '\r',
            b'"' => '"',
            b'\\' => '\\',
            b'u' => self.hex(4)?,
            b'U' => self.hex(8)?,
            b' ' | b'\t' | b'\n' if multiline => {
                // A line-ending backslash: white space and line breaks after
                // it are not part of the string, but it must end its line.
                self.at -= 1;
                self.blanks();
                if self.peek() != Some(b'\n') {
                    return None;
                }
                while matches!(self.peek(), Some(b' ' | b'\t' | b'\n')) {
                    self.at += 1;
                }
                return Some(());
            }
            _ => return None,
        };
        value.push(decoded);
        Some(())
    }

    fn hex(&mut self, digits: usize) -> Option<char> {
        let hex = self.text.get(self.at..self.at + digits)?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        self.at += digits;
        char::from_u32(u32::from_str_radix(hex, 16).ok()?)
    }
}

/// The fields of one record, taken by name; any left over, or of the wrong
/// type, hands the file to the toml crate.
struct Fields<'a>(Vec<Field<'a>>);

impl<'a> Fields<'a> {
    /// Builds a record from the fields, then makes sure none is left over.
    fn done_with<T>(mut self, build: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        let record = build(&mut self)?;
        self.0.is_empty().then_some(record)
    }

    fn take(&mut self, key: &str) -> Option<Value<'a>> {
        let at = self.0.iter().position(|f| f.key == key)?;
        Some(self.0.swap_remove(at).value)
    }

    fn string(&mut self, key: &str) -> Option<Text<'a>> {
        match self.take(key)? {
            Value::String(value) => Some(value),
            _ => None,
        }
    }

    /// An optional string: Err when present with another type.
    fn maybe_string(&mut self, key: &str) -> Result<Option<Text<'a>>, ()> {
        match self.take(key) {
            None => Ok(None),
            Some(Value::String(value)) => Ok(Some(value)),
            Some(_) => Err(()),
        }
    }

    fn integer(&mut self, key: &str) -> Option<Spanned<u32>> {
        match self.take(key)? {
            Value::Integer(value) => Some(value),
            _ => None,
        }
    }

    /// An optional array of strings, empty when absent.
    fn strings(&mut self, key: &str) -> Option<Vec<Text<'a>>> {
        match self.take(key) {
            None => Some(Vec::new()),
            Some(Value::Strings(values)) => Some(values),
            Some(_) => None,
        }
    }
}

fn add<'a>(raw: &mut RawContent<'a>, kind: &str, fields: Vec<Field<'a>>) -> Option<()> {
    let f = Fields(fields);
    match kind {
        "source" => raw.sources.push(f.done_with(|f| {
            Some(RawSource {
                id: f.string("id")?,
                title: f.string("title")?,
                standing: f.string("standing")?.into_inner(),
                text: f.string("text")?,
            })
        })?),
        "pillar" => raw.pillars.push(f.done_with(|f| {
            Some(RawPillar {
                id: f.string("id")?,
                name: f.string("name")?,
                description: f.string("description")?.into_inner(),
            })
        })?),
        "domain" => raw.domains.push(f.done_with(|f| {
            Some(RawDomain {
                id: f.string("id")?,
                name: f.string("name")?,
                aliases: f.strings("aliases")?,
                description: f.string("description")?.into_inner(),
            })
        })?),
        "clause" => raw.clauses.push(f.done_with(|f| {
            Some(RawClause {
                id: f.string("id")?,
                instrument: f.string("instrument")?.into_inner(),
                article: f.integer("article")?,
                item: f.integer("item")?,
                source: f.string("source")?,
                text: f.string("text")?,
            })
        })?),
        _ => raw.aims.push(f.done_with(|f| {
            Some(RawAim {
                id: f.string("id")?,
                title: f.string("title")?,
                quote: f.string("quote")?,
                source: f.string("source")?,
                clause: f.maybe_string("clause").ok()?,
                pillars: f.strings("pillars")?,
                domains: f.strings("domains")?,
            })
        })?),
    }
    Some(())
}
