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
    let forbidden = |b: u8| (b < 0x20 && b != b'\t' && b != b'\n') || b == 0x7f;
    // Without an early exit, the compiler makes this loop vector instructions.
    let found = text.bytes().fold(false, |found, b| found | forbidden(b));
    if found {
        return None;
    }
    let mut scanner = Scanner {
        text,
        bytes: text.as_bytes(),
        at: 0,
    };
    let mut raw = RawContent::default();
    let mut record: Option<Record> = None;
    loop {
        scanner.blanks();
        let Some(byte) = scanner.peek() else { break };
        match byte {
            b'\n' | b'#' => scanner.line_end()?,
            b'[' => {
                if let Some(record) = record.take() {
                    record.add_to(&mut raw)?;
                }
                record = Some(Record::new(scanner.header()?));
                scanner.line_end()?;
            }
            _ => {
                // A key outside a record (at the top of the file) is left to toml.
                let record = record.as_mut()?;
                let (key, value) = scanner.key_value()?;
                record.set(key, value)?;
                scanner.line_end()?;
            }
        }
    }
    if let Some(record) = record {
        record.add_to(&mut raw)?;
    }
    Some(raw)
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

    /// `[[kind]]`, for the five kinds of record: the kind's index in `KINDS`.
    fn header(&mut self) -> Option<usize> {
        if !self.starts_with("[[") {
            return None;
        }
        let (kind, (name, _)) = KINDS.iter().enumerate().find(|(_, (name, _))| {
            self.bytes[self.at + 2..].starts_with(name.as_bytes())
                && self.bytes[self.at + 2 + name.len()..].starts_with(b"]]")
        })?;
        self.at += name.len() + 4;
        Some(kind)
    }

    /// `key = value`, with a bare key.
    fn key_value(&mut self) -> Option<(&'a str, Value<'a>)> {
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
        Some((key, value))
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

/// The kinds of record, each with its fields, in the order of its slots.
const KINDS: [(&str, &[&str]); 5] = [
    ("source", &["id", "title", "standing", "text"]),
    ("pillar", &["id", "name", "description"]),
    ("domain", &["id", "name", "aliases", "description"]),
    (
        "clause",
        &["id", "instrument", "article", "item", "source", "text"],
    ),
    (
        "aim",
        &[
            "id", "title", "quote", "source", "clause", "pillars", "domains",
        ],
    ),
];

/// One record being read: its kind, and a slot for each of its fields. A key
/// the kind does not have, or one given twice, hands the file to toml.
struct Record<'a> {
    kind: usize,
    slots: [Option<Value<'a>>; 7],
}

impl<'a> Record<'a> {
    fn new(kind: usize) -> Self {
        Record {
            kind,
            slots: Default::default(),
        }
    }

    fn set(&mut self, key: &str, value: Value<'a>) -> Option<()> {
        let slot = KINDS[self.kind].1.iter().position(|field| *field == key)?;
        if self.slots[slot].is_some() {
            return None;
        }
        self.slots[slot] = Some(value);
        Some(())
    }

    fn string(&mut self, slot: usize) -> Option<Text<'a>> {
        match self.slots[slot].take()? {
            Value::String(value) => Some(value),
            _ => None,
        }
    }

    /// An optional string: Err when present with another type.
    fn maybe_string(&mut self, slot: usize) -> Result<Option<Text<'a>>, ()> {
        match self.slots[slot].take() {
            None => Ok(None),
            Some(Value::String(value)) => Ok(Some(value)),
            Some(_) => Err(()),
        }
    }

    fn integer(&mut self, slot: usize) -> Option<Spanned<u32>> {
        match self.slots[slot].take()? {
            Value::Integer(value) => Some(value),
            _ => None,
        }
    }

    /// An optional array of strings, empty when absent.
    fn strings(&mut self, slot: usize) -> Option<Vec<Text<'a>>> {
        match self.slots[slot].take() {
            None => Some(Vec::new()),
            Some(Value::Strings(values)) => Some(values),
            Some(_) => None,
        }
    }

    /// Adds the record, if every field it needs is there with its type.
    fn add_to(mut self, raw: &mut RawContent<'a>) -> Option<()> {
        match KINDS[self.kind].0 {
            "source" => raw.sources.push(RawSource {
                id: self.string(0)?,
                title: self.string(1)?,
                standing: self.string(2)?.into_inner(),
                text: self.string(3)?,
            }),
            "pillar" => raw.pillars.push(RawPillar {
                id: self.string(0)?,
                name: self.string(1)?,
                description: self.string(2)?.into_inner(),
            }),
            "domain" => raw.domains.push(RawDomain {
                id: self.string(0)?,
                name: self.string(1)?,
                aliases: self.strings(2)?,
                description: self.string(3)?.into_inner(),
            }),
            "clause" => raw.clauses.push(RawClause {
                id: self.string(0)?,
                instrument: self.string(1)?.into_inner(),
                article: self.integer(2)?,
                item: self.integer(3)?,
                source: self.string(4)?,
                text: self.string(5)?,
            }),
            _ => raw.aims.push(RawAim {
                id: self.string(0)?,
                title: self.string(1)?,
                quote: self.string(2)?,
                source: self.string(3)?,
                clause: self.maybe_string(4).ok()?,
                pillars: self.strings(5)?,
                domains: self.strings(6)?,
            }),
        }
        Some(())
    }
}
