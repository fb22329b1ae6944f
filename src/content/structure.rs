//! The structure of a TOML text that failed to parse, from the typed events
//! of the parser the `toml` crate is built on (`toml_parser`): how deep it
//! nests, which keys it gives twice, and where it is TOML in form at all. So
//! the problems `aims` reports come from what the text is, not from the
//! wording of another crate's messages.

use std::ops::Range;

use rustc_hash::FxHashSet;
use toml_parser::decoder::Encoding;
use toml_parser::parser::EventReceiver;
use toml_parser::{ErrorSink, ParseError, Source, Span};

use crate::diagnostic::Problem;

/// How deep TOML may nest (arrays and inline tables within each other, or
/// the parts of a dotted key): the `toml` crate's own limit.
pub const NESTING_LIMIT: usize = 80;

pub fn too_deep(at: usize) -> Problem {
    Problem::new(
        at..at,
        format!("nested deeper than {NESTING_LIMIT} levels, the most a content file may be"),
    )
    .hint("content records are flat tables: [[aim]] then key = value lines")
}

/// What the events of a text show.
#[derive(Debug, Default)]
pub struct Shape {
    /// Where the text first nests deeper than the limit, if it does.
    pub too_deep: Option<usize>,
    /// Keys given twice in one table, or table headers given twice: the place
    /// of the second, and the key as written there.
    pub repeated: Vec<(Range<usize>, String)>,
    /// Where a table header opens or a key's `=` stands, in order: the
    /// places where the text is TOML in form, if not in every part.
    pub shaped: Vec<usize>,
}

impl Shape {
    pub fn of(text: &str) -> Self {
        let source = Source::new(text);
        let tokens = source.lex().into_vec();
        let mut events = Events {
            text,
            ..Events::default()
        };
        events.tables.push(FxHashSet::default());
        toml_parser::parser::parse_document(&tokens, &mut events, &mut Ignore);
        events.shape
    }
}

struct Ignore;

impl ErrorSink for Ignore {
    fn report_error(&mut self, _: ParseError) {}
}

#[derive(Default)]
struct Events<'t> {
    text: &'t str,
    shape: Shape,
    /// Arrays and inline tables open around the parser.
    open: usize,
    /// The parts of the key being read: where each is, and its name if known.
    parts: Vec<(Range<usize>, Option<String>)>,
    /// The keys of each table being read: the table of the last header, then
    /// each inline table open within it.
    tables: Vec<FxHashSet<String>>,
    /// The `[table]` headers read, as their parts.
    headers: FxHashSet<Vec<String>>,
    /// The path of the table being read: its header's parts (and `[]` for
    /// a table of an array).
    current: Vec<String>,
    /// The paths of the values set by `key = value` lines, outside inline tables.
    values: FxHashSet<Vec<String>>,
}

impl Events<'_> {
    fn open(&mut self, span: Span) -> bool {
        self.open += 1;
        if self.open > NESTING_LIMIT {
            self.shape.too_deep.get_or_insert(span.start());
            return false;
        }
        true
    }

    fn close(&mut self) {
        self.open = self.open.saturating_sub(1);
    }

    /// The key just read, its parts taken: where it is, and its parts' names
    /// (None when one could not be known, as where an escape is decoded).
    fn take_key(&mut self) -> Option<(Range<usize>, Option<Vec<String>>)> {
        let parts = std::mem::take(&mut self.parts);
        let (first, last) = (parts.first()?.0.start, parts.last()?.0.clone());
        if parts.len() > NESTING_LIMIT {
            self.shape.too_deep.get_or_insert(first);
        }
        let names = parts.into_iter().map(|(_, name)| name).collect();
        Some((last, names))
    }

    fn repeated(&mut self, span: Range<usize>) {
        let written = self.text[span.clone()].to_owned();
        self.shape.repeated.push((span, written));
    }
}

impl EventReceiver for Events<'_> {
    fn std_table_open(&mut self, span: Span, _: &mut dyn ErrorSink) {
        self.shape.shaped.push(span.start());
    }
    fn array_table_open(&mut self, span: Span, _: &mut dyn ErrorSink) {
        self.shape.shaped.push(span.start());
    }
    fn std_table_close(&mut self, _: Span, _: &mut dyn ErrorSink) {
        // A table defined twice, or where a value is already (`x = 1`, then `[x]`).
        if let Some((span, Some(path))) = self.take_key() {
            if self.values.contains(&path) || !self.headers.insert(path.clone()) {
                self.repeated(span);
            }
            self.current = path;
        }
        self.tables = vec![FxHashSet::default()];
    }
    fn array_table_close(&mut self, _: Span, _: &mut dyn ErrorSink) {
        // The tables of an array hold values no `[table]` header can name.
        if let Some((_, Some(mut path))) = self.take_key() {
            path.push("[]".to_owned());
            self.current = path;
        }
        self.tables = vec![FxHashSet::default()];
    }
    fn inline_table_open(&mut self, span: Span, _: &mut dyn ErrorSink) -> bool {
        self.tables.push(FxHashSet::default());
        self.open(span)
    }
    fn inline_table_close(&mut self, _: Span, _: &mut dyn ErrorSink) {
        self.tables.pop();
        self.close();
    }
    fn array_open(&mut self, span: Span, _: &mut dyn ErrorSink) -> bool {
        self.open(span)
    }
    fn array_close(&mut self, _: Span, _: &mut dyn ErrorSink) {
        self.close();
    }
    fn simple_key(&mut self, span: Span, encoding: Option<Encoding>, _: &mut dyn ErrorSink) {
        let written = &self.text[span.start()..span.end()];
        let name = match encoding {
            None => Some(written),
            Some(Encoding::LiteralString) => written.get(1..written.len() - 1),
            // A basic string's escapes would need decoding: say nothing of it.
            Some(_) => written
                .get(1..written.len() - 1)
                .filter(|name| !name.contains('\\')),
        };
        self.parts
            .push((span.start()..span.end(), name.map(str::to_owned)));
    }
    fn key_val_sep(&mut self, span: Span, _: &mut dyn ErrorSink) {
        self.shape.shaped.push(span.start());
        // A dotted key extends tables of its own: only a plain key is checked.
        let Some((span, Some(names))) = self.take_key() else {
            return;
        };
        if self.tables.len() == 1 {
            let mut path = self.current.clone();
            path.extend(names.iter().cloned());
            self.values.insert(path);
        }
        if let [name] = names.as_slice()
            && let Some(table) = self.tables.last_mut()
            && !table.insert(name.clone())
        {
            self.repeated(span);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repeated(text: &str) -> Vec<(usize, String)> {
        Shape::of(text)
            .repeated
            .into_iter()
            .map(|(span, key)| (span.start, key))
            .collect()
    }

    #[test]
    fn finds_keys_given_twice_in_one_table() {
        assert_eq!(
            repeated("[[aim]]\nid = 1\nid = 2\n"),
            [(15, "id".to_owned())]
        );
        assert_eq!(
            repeated("[[aim]]\nid = 1\n'id' = 2\n"),
            [(15, "'id'".to_owned())]
        );
        assert_eq!(
            repeated("[[aim]]\nid = 1\n\"id\" = 2\n"),
            [(15, "\"id\"".to_owned())]
        );
        assert_eq!(repeated("a = {x = 1, x = 2}"), [(12, "x".to_owned())]);
        assert_eq!(repeated("[a]\nx = 1\n[a]\n"), [(11, "a".to_owned())]);
        // A table where a value is already.
        assert_eq!(repeated("x = 1\n[x]\n"), [(7, "x".to_owned())]);
        assert_eq!(repeated("[a]\nb = 1\n[a.b]\n"), [(13, "b".to_owned())]);
        // Not twice in one table: each record, header or inline table has its own.
        for text in [
            "[[aim]]\nid = 1\n[[aim]]\nid = 2\n",
            "[a]\nx = 1\n[b]\nx = 1\n",
            "x = 1\na = {x = 1}",
            "a.x = 1\na.y = 2",
            "[[a]]\nb = 1\n[[a]]\nb = 1\n[a.c]\n",
            "[a.b]\nx = 1\n[a]\ny = 1\n",
            "a = \"\\u0061\"\n\"\\u0061\" = 1",
        ] {
            assert_eq!(repeated(text), [], "{text:?}");
        }
    }

    #[test]
    fn finds_where_headers_and_keys_stand_even_amid_errors() {
        for (text, shaped) in [
            ("[[aim]]\nid = 1\n", vec![0, 11]),
            ("[a]\nx =\n", vec![0, 6]),
            ("id = page\ntitle = A page\n", vec![3, 16]),
            ("2026-11-30T12:00:00Z INFO served\nhello world\n", vec![]),
            ("\"aim\": [1]\n", vec![]),
        ] {
            assert_eq!(Shape::of(text).shaped, shaped, "{text:?}");
        }
    }

    #[test]
    fn finds_where_nesting_passes_the_limit() {
        let deep = |n: usize| format!("a = {}{}", "[".repeat(n), "]".repeat(n));
        assert_eq!(Shape::of(&deep(80)).too_deep, None);
        assert_eq!(Shape::of(&deep(81)).too_deep, Some(84));
        let tables = format!("a = {}1{}", "{b=".repeat(81), "}".repeat(81));
        assert_eq!(Shape::of(&tables).too_deep, Some(4 + 80 * 3));
        // Arrays and tables that close count no more.
        let siblings = format!(
            "a = [{}]\nb = [{}]",
            "[],".repeat(100),
            "{x = 1},".repeat(100)
        );
        assert_eq!(Shape::of(&siblings).too_deep, None);
        let dotted = |n: usize| format!("x = 1\n{} = 1", vec!["k"; n].join("."));
        assert_eq!(Shape::of(&dotted(80)).too_deep, None);
        assert_eq!(Shape::of(&dotted(81)).too_deep, Some(6));
    }
}
