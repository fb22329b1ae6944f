//! A fast reader for the plain TOML content files are written in: `[[kind]]`
//! headers and `key = value` lines whose values are strings, whole numbers and
//! arrays of strings (on one line or several, with comments), with LF or CRLF
//! line ends and an optional byte-order mark: what people and editors write.
//! It reads such a file in one pass, straight into the records the checks take.
//!
//! It decides nothing: a file with any other TOML (dotted keys, tables, inline
//! tables, other escapes...), or with anything wrong in it (a syntax error, an
//! unknown, missing, repeated or mistyped field), is handed back, and the `toml`
//! crate reads it, rejects what is invalid and reports every problem with its
//! place. So this reader only ever says yes to a valid document, and then
//! yields what the `toml` crate would.

use std::borrow::Cow;

use crate::model::{KINDS, Kind, Number, Records, Shape, Text, Value, Values};

/// Reads `text` if it is plain, valid and every record well-formed; None hands
/// it to the `toml` crate.
pub fn read(text: &str) -> Option<Records<'_>> {
    let forbidden = |b: u8| (b < 0x20 && b != b'\t' && b != b'\n' && b != b'\r') || b == 0x7f;
    // Without an early exit, the compiler makes this loop vector instructions.
    #[expect(
        clippy::needless_bitwise_bool,
        reason = "branch-free, so it vectorizes"
    )]
    let (found, cr) = text.bytes().fold((false, false), |(found, cr), b| {
        (found | forbidden(b), cr | (b == b'\r'))
    });
    // From here on, a CR is always the start of a CRLF line end.
    if found || (cr && !crlf_only(text.as_bytes())) {
        return None;
    }
    let mut scanner = Scanner {
        text,
        bytes: text.as_bytes(),
        // A byte-order mark is not part of the document; places count it.
        at: if text.starts_with('\u{feff}') { 3 } else { 0 },
    };
    let mut raw = Records::default();
    let mut record: Option<Record> = None;
    loop {
        scanner.blanks();
        let Some(byte) = scanner.peek() else { break };
        match byte {
            b'\n' | b'\r' | b'#' => scanner.line_end()?,
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

/// Whether every carriage return ends a line (CRLF): TOML allows no other.
fn crlf_only(bytes: &[u8]) -> bool {
    memchr::memchr_iter(b'\r', bytes).all(|at| bytes.get(at + 1) == Some(&b'\n'))
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

    /// A line break, LF or CRLF, if one is next.
    fn newline(&mut self) -> bool {
        match self.peek() {
            Some(b'\n') => self.at += 1,
            // Every CR is followed by LF (`crlf_only`).
            Some(b'\r') => self.at += 2,
            _ => return false,
        }
        true
    }

    /// A comment, if one is next, up to the end of its line.
    fn comment(&mut self) {
        if self.peek() == Some(b'#') {
            // To the LF: the CR of a CRLF goes with the comment (every CR
            // comes before an LF: `crlf_only`).
            self.at = memchr::memchr(b'\n', &self.bytes[self.at..])
                .map_or(self.bytes.len(), |n| self.at + n);
        }
    }

    /// Blanks, a comment, then the end of the line or of the file.
    fn line_end(&mut self) -> Option<()> {
        self.blanks();
        self.comment();
        (self.peek().is_none() || self.newline()).then_some(())
    }

    /// `[[kind]]`, for the five kinds of record.
    fn header(&mut self) -> Option<&'static Kind> {
        if !self.starts_with("[[") {
            return None;
        }
        let rest = &self.bytes[self.at + 2..];
        let kind = KINDS.into_iter().find(|kind| {
            rest.starts_with(kind.name.as_bytes()) && rest[kind.name.len()..].starts_with(b"]]")
        })?;
        self.at += kind.name.len() + 4;
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
            b'"' | b'\'' => Value::Text(self.string(true)?),
            b'0'..=b'9' => Value::Number(self.integer()?),
            b'[' => Value::Texts(self.strings()?),
            _ => return None,
        };
        Some((key, value))
    }

    /// A whole number: digits, no leading zero, within u32.
    fn integer(&mut self) -> Option<Number> {
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
        Some(Number {
            value: digits.parse().ok()?,
            span: start..self.at,
        })
    }

    /// Blanks, line breaks and comments between the items of an array.
    fn array_space(&mut self) {
        loop {
            self.blanks();
            self.comment();
            if !self.newline() {
                return;
            }
        }
    }

    /// `["a", 'b']`, on one line or several, a comma after the last allowed.
    fn strings(&mut self) -> Option<Vec<Text<'a>>> {
        self.at += 1; // [
        let mut items = Vec::new();
        loop {
            self.array_space();
            match self.peek()? {
                b']' => {
                    self.at += 1;
                    return Some(items);
                }
                b'"' | b'\'' => items.push(self.string(false)?),
                _ => return None,
            }
            self.array_space();
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
        Some(Text::new(start..self.at, value))
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
            // A CR is followed by LF (`crlf_only`): stopping at LF is enough.
            let end = memchr::memchr2(b'\'', b'\n', rest)?;
            if rest[end] != b'\'' {
                return None;
            }
            let value = &self.text[self.at..self.at + end];
            self.at += end + 1;
            return Some(Cow::Borrowed(value));
        }
        // A multi-line string's first line break is not part of it.
        self.newline();
        let start = self.at;
        let end = start + memchr::memmem::find(&self.bytes[start..], b"'''")?;
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
            // A multi-line string's first line break is not part of it.
            self.newline();
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
            b' ' | b'\t' | b'\n' | b'\r' if multiline => {
                // A line-ending backslash: white space and line breaks after
                // it are not part of the string, but it must end its line.
                self.at -= 1;
                self.blanks();
                if !self.newline() {
                    return None;
                }
                loop {
                    self.blanks();
                    if !self.newline() {
                        return Some(());
                    }
                }
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

/// One record being read: its kind, and the value of each of its fields. A
/// key the kind does not have, or one given twice, hands the file to toml.
struct Record<'a> {
    kind: &'static Kind,
    values: Values<'a>,
}

impl<'a> Record<'a> {
    fn new(kind: &'static Kind) -> Self {
        Record {
            kind,
            values: Default::default(),
        }
    }

    fn set(&mut self, key: &str, value: Value<'a>) -> Option<()> {
        let slot = self
            .kind
            .fields
            .iter()
            .position(|field| field.name == key)?;
        if self.values[slot].is_some() {
            return None;
        }
        self.values[slot] = Some(value);
        Some(())
    }

    /// Adds the record, if every field it needs is there with its shape.
    fn add_to(self, records: &mut Records<'a>) -> Option<()> {
        for (field, value) in self.kind.fields.iter().zip(&self.values) {
            let fits = match value {
                None => !field.required,
                Some(Value::Text(_)) => field.shape == Shape::Text,
                Some(Value::Number(_)) => field.shape == Shape::Number,
                Some(Value::Texts(_)) => field.shape == Shape::Texts,
            };
            if !fits {
                return None;
            }
        }
        records.add(self.kind, self.values);
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::read;
    use crate::content::{BUILTIN_TEXT, parse_toml};

    /// The fast reader's records are the `toml` crate's, places included.
    #[track_caller]
    fn agrees(name: &str, text: &str) -> bool {
        let Some(fast) = read(text) else {
            return false;
        };
        let (slow, problems) = parse_toml(text);
        assert!(
            problems.is_empty(),
            "{name}: fast reader took a file toml rejects"
        );
        assert_eq!(
            format!("{fast:?}"),
            format!("{:?}", slow.expect("read")),
            "{name}"
        );
        true
    }

    /// It reads the plain files content is written in, and hands over the rest.
    #[test]
    fn the_fast_reader_agrees_with_the_toml_crate() {
        let mut files = vec![("content/aims.toml".to_owned(), BUILTIN_TEXT.to_owned())];
        for dir in ["tests/data", "tests/data/broken"] {
            for entry in std::fs::read_dir(dir).expect("fixtures") {
                let path = entry.expect("readable").path();
                if path.extension().is_some_and(|e| e == "toml")
                    && let Ok(text) = std::fs::read_to_string(&path)
                {
                    files.push((path.display().to_string(), text));
                }
            }
        }
        let read: Vec<&str> = files
            .iter()
            .filter(|(name, text)| agrees(name, text))
            .map(|(name, _)| name.as_str())
            .collect();
        for plain in [
            "content/aims.toml",
            "tests/data/valid.toml",
            "tests/data/broken/not-verbatim.toml",
        ] {
            assert!(read.contains(&plain), "the fast reader should read {plain}");
        }
        for special in [
            "tests/data/broken/syntax.toml",
            "tests/data/broken/unknown-field.toml",
            "tests/data/broken/bad-fields.toml",
        ] {
            assert!(!read.contains(&special), "{special} is for the toml crate");
        }
    }

    /// What editors write: CRLF line ends, arrays over several lines with
    /// comments and a trailing comma, a byte-order mark.
    #[test]
    fn the_fast_reader_reads_what_editors_write() {
        let crlf = BUILTIN_TEXT.replace('\n', "\r\n");
        assert!(agrees("built-in, CRLF", &crlf));
        assert!(agrees("built-in, BOM", &format!("\u{feff}{BUILTIN_TEXT}")));
        let arrays = "[[aim]]\r\nid = \"a\"\r\ntitle = 'T'\r\nquote = \"q\"\r\nsource = \"s\"\r\n\
            domains = [\r\n  \"peace\", # why\r\n  'trade',\r\n]\r\npillars = [ # none\n]\n\
            [[domain]] # after\nid = \"x\"\nname = \"\"\"\r\nX \\\r\n  Y\"\"\"\naliases = [\n\n  \"a\"\n\n  ,\"b\"]\ndescription = '''\r\nd\r\ne'''\n";
        assert!(agrees("multi-line arrays", arrays));
        let records = read(arrays).expect("plain");
        assert_eq!(records.aims[0].domains.len(), 2);
        assert_eq!(&*records.domains[0].name, "X Y");
        assert_eq!(&*records.domains[0].description, "d\r\ne");
    }

    /// A complete aim, then `line`: whatever the fast reader makes of the
    /// file, it is because of that line alone.
    fn aim(line: &str) -> String {
        format!("[[aim]]\nid = \"a\"\ntitle = \"t\"\nquote = \"q\"\nsource = \"s\"\n{line}")
    }

    fn clause(item: &str) -> String {
        format!(
            "[[clause]]\nid = \"2.1\"\ninstrument = \"N\"\narticle = 2\nitem = {item}\nsource = \"s\"\ntext = \"t\"\n"
        )
    }

    /// TOML the fast reader leaves to the toml crate, each case one construct
    /// away from a file it reads.
    #[test]
    fn the_fast_reader_hands_over_what_it_does_not_read() {
        for read_as_is in [
            aim(""),
            aim("clause = \"c\"\n"),
            aim("clause = \"c\"\n# the end, with no line break"),
            aim("pillars = [\"a\", 'b',]\n\n"),
            clause("10"),
            clause("0"),
        ] {
            assert!(agrees("plain", &read_as_is), "{read_as_is:?}");
        }
        for text in [
            aim("clause = \"a\"\nclause = \"b\"\n"), // a repeated key
            aim("clause.x = \"a\"\n"),               // a dotted key
            aim("clause = \"a\\e\"\n"),              // a TOML 1.1 escape
            aim("clause = \"a\\\n b\"\n"),           // a line-ending backslash in one line
            aim("clause = \"a\\ \n\n"),              // the same, at a line's end
            aim("clause = 'a''\n"),                  // a stray quote
            aim("clause = \"a\\t\n\n"),              // no closing quote after an escape
            aim("clause = \"a\n\n"),                 // no closing quote
            aim("clause = \"a\" x\n"),               // text after a value
            aim("clause = \"tab\u{1}\"\n"),          // a control character
            aim("clause = \"del\u{7f}\"\n"),         // another
            aim("clause = \"\u{1}\u{1}\"\n"),        // two
            aim("# a\u{1}\n"),                       // in a comment
            aim("clause = '''a''''''\n"),            // six closing quotes
            aim("clause = \"a\rb\"\n"),              // a CR that ends no line
            aim("clause = 'a\r\n'\n"),               // a line break in a string
            aim("clause = \"a\r\nb\"\n"),            // a line break in a string
            aim("# a\rb\n"),                         // a CR in a comment
            aim("# a\rb\rc\n"),                      // two
            aim("\r"),                               // a CR at the end
            aim("pillars = [\"a\" \"b\"]\n"),        // no comma
            aim("pillars = [,]\n"),                  // no item
            aim("pillars = [\"\"\"a\"\"\"]\n"),      // a multi-line string in an array
            aim("pillars = [1]\n"),                  // not a string
            aim("pillars = [\n"),                    // no end
            aim("pillars = \"a\"\n"),                // a string for an array
            aim("clause = [\"a\"]\n"),               // an array for a string
            aim("clause = 1\n"),                     // a number for a string
            aim("unknown = \"a\"\n"),                // a field the kind lacks
            clause("007"),                           // a leading zero
            clause("1_0"),                           // an underscore
            clause("1e3"),                           // a float
            clause("4294967296"),                    // past u32
            "[[aim]]\nid = \"a\"\ntitle = \"t\"\nquote = \"q\"\n".to_owned(), // a field missing
            format!("id = \"top\"\n{}", aim("")),    // a key outside a record
            aim("").replace("[[aim]]", "[aim]"),     // a table, not an array of tables
            aim("").replace("[[aim]]", "[[aims]]"),  // an unknown kind
            format!("\u{feff}\u{feff}{}", aim("")),  // two byte-order marks
        ] {
            assert!(read(&text).is_none(), "{text:?}");
        }
    }

    /// Plain strings are slices of the text: not copied.
    #[test]
    fn the_fast_reader_borrows_plain_strings() {
        let text = aim("clause = 'c'\n");
        let records = read(&text).expect("plain");
        let aim = &records.aims[0];
        for text in [&aim.id, &aim.title, &aim.quote, &aim.source.id] {
            assert!(matches!(text.value, Cow::Borrowed(_)), "{text:?}");
        }
        let clause = aim.clause.as_ref().expect("a clause");
        assert!(matches!(clause.id.value, Cow::Borrowed(_)));
    }

    /// Multi-line strings and escapes read as the toml crate reads them.
    #[test]
    fn the_fast_reader_decodes_strings_as_toml_does() {
        let escapes = aim("clause = \"\\b\\t\\n\\f\\r\\\"\\\\ \\u00e9\"\n");
        assert!(agrees("escapes", &escapes));
        let records = read(&escapes).expect("plain");
        let clause = records.aims[0].clause.as_ref().expect("a clause");
        assert_eq!(&*clause.id, "\u{8}\t\n\u{c}\r\"\\ é");
        let text = "[[source]]\nid = \"s\"\ntitle = 'T'\nstanding = \"\"\"\nA \\\n   b \\\"c\\\" \\u00e9\\U0001F600\"\"\"\"\ntext = '''\nx ''y'' '''''\n";
        assert!(agrees("strings", text));
        let fast = read(text).expect("plain");
        assert_eq!(&*fast.sources[0].standing, "A b \"c\" é😀\"");
        assert_eq!(&*fast.sources[0].text, "x ''y'' ''");
    }
}
