//! Parsing any TOML with the `toml` crate, then walking the parsed table into
//! each kind's fields: unknown, missing and mistyped fields are reported from
//! what the walk sees, every one of them, with its place.

use std::fmt;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};

use crate::diagnostic::{Lines, Problem, unknown};
use crate::model::{KINDS, Kind, Number, Records, Shape, Text, Value, Values};
use crate::suggest::{Hint, closest, shown};

use super::structure;

/// Parses `text` into records. Syntax errors stop the parse (what follows them
/// cannot be trusted: no records); field errors (unknown, missing or mistyped)
/// are collected record by record, so that all of them are reported, and the
/// records that could be read are still checked.
pub fn parse_toml(text: &str) -> (Option<Records<'_>>, Vec<Problem>) {
    let (document, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        let shape = structure::Shape::of(text);
        // A file of prose can look nested deep to the parser: say what it is.
        if let Some(problem) = foreign(text, &errors, &shape.shaped) {
            return (None, vec![problem]);
        }
        if let Some(at) = shape.too_deep {
            return (None, vec![structure::too_deep(at)]);
        }
        let problems = errors
            .iter()
            .map(|err| syntax_problem(err, &shape))
            .collect();
        return (None, problems);
    }
    let mut records = Records::default();
    let mut problems = Vec::new();
    for (key, value) in document.into_inner() {
        let name = key.get_ref().as_ref();
        if let Some(kind) = KINDS.iter().find(|kind| kind.name == name) {
            read_records(kind, value, &mut records, &mut problems);
        } else {
            let kinds = KINDS.map(|kind| format!("[[{}]]", kind.name));
            let kinds: Vec<&str> = kinds.iter().map(String::as_str).collect();
            problems.push(unknown(
                key.span(),
                &format!("unknown record kind `[[{}]]`", shown(name)),
                &format!("[[{name}]]"),
                &kinds,
                "kinds",
            ));
        }
    }
    (Some(records), problems)
}

/// How many of the first lines of a file must each hold a syntax error for
/// it to be told it is no TOML at all.
const FOREIGN_LINES: usize = 3;

/// One problem for a file that is no TOML at all (a log, a README, a
/// document), rather than an error on each of its lines: its first
/// `FOREIGN_LINES` lines that are not blank or comments each hold a syntax
/// error, and neither a table header nor a key's `=` (`shaped`: where the
/// parser saw one). A content file with a typo in its first lines has lines
/// that parse around it, or that are TOML in form; a shorter file has its
/// errors said as they are.
fn foreign(text: &str, errors: &[toml::de::Error], shaped: &[usize]) -> Option<Problem> {
    let lines = Lines::new(text);
    let mut failing: Vec<usize> = errors
        .iter()
        .filter_map(|err| Some(lines.line(err.span()?.start)))
        .collect();
    failing.sort_unstable();
    failing.dedup();
    let shaped: Vec<usize> = shaped.iter().map(|&at| lines.line(at)).collect();
    let mut start = 0;
    let mut first = None;
    let mut probed = 0;
    for (index, line) in text.split_inclusive('\n').enumerate() {
        let written = line.trim();
        if !written.is_empty() && !written.starts_with('#') {
            let number = index + 1;
            if failing.binary_search(&number).is_err() || shaped.binary_search(&number).is_ok() {
                return None;
            }
            first.get_or_insert(start + line.len() - line.trim_start().len());
            probed += 1;
            if probed == FOREIGN_LINES {
                break;
            }
        }
        start += line.len();
    }
    let at = first.filter(|_| probed == FOREIGN_LINES)?;
    Some(
        Problem::new(
            at..at,
            format!(
                "this is not a TOML content file: its first {FOREIGN_LINES} lines (blank lines and comments aside) are not TOML"
            ),
        )
        .hint("a content file holds [[source]], [[pillar]], [[domain]], [[clause]] and [[aim]] records of `key = value` lines; see README.md"),
    )
}

/// A syntax error, as the parser says it; where the structure of the text
/// shows a key given twice, the key is named.
fn syntax_problem(err: &toml::de::Error, shape: &structure::Shape) -> Problem {
    let message = err.message().trim_end();
    match err.span() {
        Some(span) => match shape.repeated.iter().find(|(at, _)| *at == span) {
            Some((_, key)) => Problem::new(span, Fault::DuplicateKey(key).to_string()),
            None => Problem::new(span, message),
        },
        None => Problem::whole(message),
    }
}

/// A key of a content file that is wrong in itself.
#[derive(Debug, Clone, Copy)]
enum Fault<'n> {
    /// A field its kind needs that a record lacks.
    MissingField(&'n str),
    /// A field its kind does not have, and the fields it has.
    UnknownField(&'n str, &'n [&'n str]),
    /// A key its table holds already.
    DuplicateKey(&'n str),
}

impl fmt::Display for Fault<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (adjective, noun, name) = match *self {
            Fault::MissingField(name) => ("missing", "field", name),
            Fault::UnknownField(name, _) => ("unknown", "field", name),
            Fault::DuplicateKey(name) => ("duplicate", "key", name),
        };
        write!(f, "{adjective} {noun} `{name}`")?;
        if let Fault::UnknownField(_, fields) = self {
            let fields: Vec<String> = fields.iter().map(|name| format!("`{name}`")).collect();
            write!(f, ", expected one of {}", fields.join(", "))?;
        }
        Ok(())
    }
}

/// Reads each table of the array `value` as a record of `kind`.
fn read_records<'a>(
    kind: &'static Kind,
    value: Spanned<DeValue<'a>>,
    records: &mut Records<'a>,
    problems: &mut Vec<Problem>,
) {
    let name = kind.name;
    let span = value.span();
    let DeValue::Array(array) = value.into_inner() else {
        problems.push(Problem::new(
            span,
            format!("`{name}` must be an array of tables, written as [[{name}]] sections"),
        ));
        return;
    };
    for item in array {
        let span = item.span();
        let DeValue::Table(table) = item.into_inner() else {
            problems.push(
                Problem::new(span, format!("each `{name}` must be a table")).in_record(name, None),
            );
            records.unread.push((name, None));
            continue;
        };
        match fields(kind, span, table) {
            Ok(values) => records.add(kind, values),
            Err((id, found)) => {
                problems.extend(found);
                records.unread.push((name, id));
            }
        }
    }
}

/// The values of a record's fields, in the order of its kind's fields; or,
/// if any is unknown, missing or of the wrong type, its id and every problem.
fn fields<'a>(
    kind: &Kind,
    span: Range<usize>,
    table: DeTable<'a>,
) -> Result<Values<'a>, (Option<String>, Vec<Problem>)> {
    // Name the record in messages by its id, when it has one.
    let id = table
        .get("id")
        .and_then(|id| id.get_ref().as_str())
        .map(str::to_owned);
    let names = kind.field_names();
    let mut values: Values<'a> = Default::default();
    // Fields that are there with a bad value, or that a misspelt key was
    // probably meant to be: not missing as well.
    let mut accounted = vec![false; names.len()];
    let mut problems = Vec::new();
    for (key, value) in table {
        let Some(slot) = names.iter().position(|name| key.get_ref() == name) else {
            let mut problem = Problem::new(
                key.span(),
                Fault::UnknownField(key.get_ref(), &names).to_string(),
            );
            if let Some(meant) = closest(key.get_ref(), names.iter().copied()) {
                accounted[names.iter().position(|name| *name == meant).unwrap_or(0)] = true;
                problem = problem.hint(Hint::DidYouMean(vec![meant.to_owned()]));
            }
            problems.push(problem);
            continue;
        };
        match typed(value, kind.fields[slot].shape) {
            Ok(value) => values[slot] = Some(value),
            Err(problem) => {
                accounted[slot] = true;
                problems.push(problem);
            }
        }
    }
    for (slot, field) in kind.fields.iter().enumerate() {
        if field.required && values[slot].is_none() && !accounted[slot] {
            problems.push(Problem::new(
                span.start..span.start,
                Fault::MissingField(field.name).to_string(),
            ));
        }
    }
    if problems.is_empty() {
        return Ok(values);
    }
    let problems = problems
        .into_iter()
        .map(|problem| problem.in_record(kind.name, id.as_deref()))
        .collect();
    Err((id, problems))
}

/// A value of the shape a field needs, or the problem with it.
fn typed(value: Spanned<DeValue<'_>>, shape: Shape) -> Result<Value<'_>, Problem> {
    let span = value.span();
    match (shape, value.into_inner()) {
        (Shape::Text, DeValue::String(text)) => Ok(Value::Text(Text::new(span, text))),
        (Shape::Number, DeValue::Integer(integer)) => {
            let whole = i64::from_str_radix(integer.as_str(), integer.radix()).ok();
            match whole.and_then(|n| u32::try_from(n).ok()) {
                Some(value) => Ok(Value::Number(Number { value, span })),
                None => Err(Problem::new(
                    span,
                    format!(
                        "invalid value: integer `{}`, expected {}",
                        decimal(&integer),
                        expected(shape)
                    ),
                )),
            }
        }
        (Shape::Texts, DeValue::Array(items)) => texts(items).map(Value::Texts),
        (shape, other) => Err(Problem::new(
            span,
            format!(
                "invalid type: {}, expected {}",
                found(&other),
                expected(shape)
            ),
        )),
    }
}

/// An array of strings, or the problem with its first item that is not one.
fn texts(items: DeArray<'_>) -> Result<Vec<Text<'_>>, Problem> {
    items
        .into_iter()
        .map(|item| match typed(item, Shape::Text)? {
            Value::Text(text) => Ok(text),
            _ => unreachable!("a string was asked for"),
        })
        .collect()
}

/// A whole number in decimal, whatever base it was written in.
fn decimal(integer: &toml::de::DeInteger<'_>) -> String {
    let digits = integer.as_str();
    i128::from_str_radix(digits, integer.radix())
        .map(|n| n.to_string())
        .or_else(|_| u128::from_str_radix(digits, integer.radix()).map(|n| n.to_string()))
        .unwrap_or_else(|_| integer.to_string())
}

fn expected(shape: Shape) -> &'static str {
    match shape {
        Shape::Text => "a string",
        Shape::Number => "u32",
        Shape::Texts => "a sequence",
    }
}

/// What a value of the wrong type is, in the words the messages use.
fn found(value: &DeValue<'_>) -> String {
    match value {
        DeValue::String(text) => format!("string {:?}", text.as_ref()),
        DeValue::Integer(integer) => format!("integer `{}`", decimal(integer)),
        DeValue::Float(float) => {
            let shown = float.as_str().parse::<f64>().map_or_else(
                |_| float.as_str().to_owned(),
                |f| {
                    let shown = f.to_string();
                    // Whole numbers are shown as floats: `1.0`.
                    if f.is_finite() && !shown.contains('.') {
                        format!("{shown}.0")
                    } else {
                        shown
                    }
                },
            );
            format!("floating point `{shown}`")
        }
        DeValue::Boolean(b) => format!("boolean `{b}`"),
        DeValue::Array(_) => "sequence".to_owned(),
        DeValue::Table(_) | DeValue::Datetime(_) => "map".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The messages for a record of `kind` whose fields are `body`.
    fn problems(kind: &str, body: &str) -> Vec<String> {
        let text = format!("[[{kind}]]\n{body}\n");
        let (_, mut problems) = parse_toml(&text);
        problems.sort_by_key(|p| p.span.clone().map_or(0, |s| s.start));
        let lines = crate::diagnostic::Lines::new(&text);
        problems
            .iter()
            .map(|p| {
                let (line, column) = lines.locate(p.span.clone().map_or(0, |s| s.start));
                format!("{line}:{column}: {}", p.message)
            })
            .collect()
    }

    #[test]
    fn a_value_of_the_wrong_type_is_named_with_what_was_expected() {
        let aim = "id = \"a\"\nquote = \"q\"\nsource = \"s\"";
        for (field, expected) in [
            ("title = 5", "integer `5`, expected a string"),
            ("title = -5", "integer `-5`, expected a string"),
            ("title = 0x10", "integer `16`, expected a string"),
            ("title = 1.5", "floating point `1.5`, expected a string"),
            ("title = 1.0", "floating point `1.0`, expected a string"),
            ("title = 1e3", "floating point `1000.0`, expected a string"),
            ("title = -0.0", "floating point `-0.0`, expected a string"),
            ("title = inf", "floating point `inf`, expected a string"),
            ("title = nan", "floating point `NaN`, expected a string"),
            ("title = true", "boolean `true`, expected a string"),
            ("title = 1979-05-27", "map, expected a string"),
            ("title = {a = 1}", "map, expected a string"),
            ("title = [\"a\"]", "sequence, expected a string"),
            (
                "title = \"x\"\npillars = \"p\"",
                "string \"p\", expected a sequence",
            ),
            (
                "title = \"x\"\npillars = \"a\\tb\"",
                "string \"a\\tb\", expected a sequence",
            ),
            (
                "title = \"x\"\npillars = 3",
                "integer `3`, expected a sequence",
            ),
            (
                "title = \"x\"\npillars = [\"a\", 2.5]",
                "floating point `2.5`, expected a string",
            ),
            (
                "title = \"x\"\npillars = [[\"a\"]]",
                "sequence, expected a string",
            ),
            (
                "title = \"x\"\nclause = true",
                "boolean `true`, expected a string",
            ),
        ] {
            let found = problems("aim", &format!("{aim}\n{field}"));
            assert_eq!(found.len(), 1, "{field}: {found:?}");
            assert!(
                found[0].ends_with(&format!("in [[aim]] `a`: invalid type: {expected}")),
                "{field}: {found:?}"
            );
        }
    }

    #[test]
    fn a_number_must_be_whole_and_fit() {
        let clause = "id = \"2.1\"\ninstrument = \"N\"\nitem = 1\nsource = \"s\"\ntext = \"t\"";
        for (field, expected) in [
            (
                "article = \"2\"",
                "invalid type: string \"2\", expected u32",
            ),
            ("article = -1", "invalid value: integer `-1`, expected u32"),
            (
                "article = 4294967296",
                "invalid value: integer `4294967296`, expected u32",
            ),
            (
                "article = 0xffffffffffffffff",
                "invalid value: integer `18446744073709551615`, expected u32",
            ),
            (
                "article = 1.5",
                "invalid type: floating point `1.5`, expected u32",
            ),
            ("article = [1]", "invalid type: sequence, expected u32"),
        ] {
            let found = problems("clause", &format!("{clause}\n{field}"));
            assert_eq!(
                found,
                [format!("7:11: in [[clause]] `2.1`: {expected}")],
                "{field}"
            );
        }
        let found = problems(
            "clause",
            "id = \"2.1\"\narticle = 4294967295\nitem = 0\nsource = \"s\"\ntext = \"t\"\ninstrument = \"N\"",
        );
        assert_eq!(found, Vec::<String>::new());
    }

    #[test]
    fn every_missing_and_unknown_field_is_reported_once() {
        // A misspelt field is not also missing; a field of a bad type is not
        // missing either; every other missing field is.
        let found = problems("clause", "id = 7\ninstrumnt = \"N\"\ntext = 1\nfoo = 1");
        assert_eq!(
            found,
            [
                "1:1: in [[clause]]: missing field `article`",
                "1:1: in [[clause]]: missing field `item`",
                "1:1: in [[clause]]: missing field `source`",
                "2:6: in [[clause]]: invalid type: integer `7`, expected a string",
                "3:1: in [[clause]]: unknown field `instrumnt`, expected one of `id`, `instrument`, `article`, `item`, `source`, `text`, `official_item`, `verified_in`",
                "4:8: in [[clause]]: invalid type: integer `1`, expected a string",
                "5:1: in [[clause]]: unknown field `foo`, expected one of `id`, `instrument`, `article`, `item`, `source`, `text`, `official_item`, `verified_in`",
            ]
        );
        let (_, problems) = parse_toml("[[aim]]\nqoute = 1\n");
        let hints: Vec<&Vec<Hint>> = problems.iter().map(|p| &p.hints).collect();
        assert_eq!(hints.len(), 4, "{problems:?}");
        assert!(hints.contains(&&vec![Hint::DidYouMean(vec!["quote".to_owned()])]));
    }

    #[test]
    fn a_file_of_no_toml_is_one_problem_where_its_text_starts() {
        let log = "2026-11-30T12:00:00Z INFO served\n2026-11-30T12:00:01Z INFO served\n";
        for (text, at) in [
            (format!("{log}{log}"), Some(0)),
            // Comments and blank lines aside: a README's title is a comment.
            (
                "# aims\n\nBrowse the aims.\n```sh\ncargo install aims\n```\n".to_owned(),
                Some(8),
            ),
            (
                "{\n  \"aim\": [\n    {\"id\": \"x\"}\n  ]\n}\n".to_owned(),
                Some(0),
            ),
            ("aim:\n  - id: x\n    title: y\n".to_owned(), Some(0)),
            ("\u{1}\u{2}x\n\u{5}y\n\u{6}z\n".to_owned(), Some(0)),
            ("  \t  one two\nthree four\nfive six\n".to_owned(), Some(5)),
            // A typo in the first lines of a content file: lines parse around it.
            (
                "[[aim]\nid = \"a\"\nbad line\nworse line\n".to_owned(),
                None,
            ),
            (
                "bad line\nworse line\n[[aim]]\nworst line\n".to_owned(),
                None,
            ),
            // Lines of keys and values, if not right ones: TOML in form.
            (
                "id = page\ntitle = A page\nquote = It is\n".to_owned(),
                None,
            ),
            // Too short to tell: the errors as they are.
            ("hello world\n".to_owned(), None),
            ("hello world\n\n# note\nand more\n".to_owned(), None),
        ] {
            let (records, problems) = parse_toml(&text);
            assert!(records.is_none(), "{text:?}");
            let foreign: Vec<_> = problems
                .iter()
                .filter(|p| p.message.starts_with("this is not a TOML content file"))
                .map(|p| p.span.clone())
                .collect();
            match at {
                Some(at) => assert_eq!(foreign, [Some(at..at)], "{text:?}"),
                None => assert!(foreign.is_empty() && !problems.is_empty(), "{text:?}"),
            }
            if at.is_some() {
                assert_eq!(problems.len(), 1, "{text:?}");
            }
        }
    }

    #[test]
    fn a_key_given_twice_is_named_and_deep_nesting_is_one_problem() {
        let (records, problems) = parse_toml("[[aim]]\nid = \"a\"\nid = \"b\"\n");
        assert!(records.is_none());
        assert_eq!(problems[0].message, "duplicate key `id`");
        assert_eq!(problems[0].span, Some(17..19));
        let deep = format!("a = {}{}\nb = ]", "[".repeat(200), "]".repeat(200));
        let (_, problems) = parse_toml(&deep);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].span, Some(84..84));
        assert_eq!(
            problems[0].message,
            "nested deeper than 80 levels, the most a content file may be"
        );
    }
}
