//! Printers: table, tsv, csv, json, jsonl, markdown, and the record view of
//! `show`, each over `impl Write`, in a `Style` the settings resolved.

use std::io::{self, Write};

use comfy_table::{
    Attribute, Cell, CellAlignment, Color, ColumnConstraint, ContentArrangement, Table, TableStyle,
    Width,
};
use serde::ser::{Serialize, SerializeMap, Serializer};
use unicode_width::UnicodeWidthStr;

use crate::listing::{Field, Listing};
use crate::palette::{self, EMPHASIS, HEADING, ID, ID_COLUMN, LABEL, MATCH, NORMAL_WEIGHT, NOTE};
use crate::search::Terms;
use crate::suggest::{UsageError, pairs};
use crate::text::{json_safe, markdown_text, visible};

/// How a listing is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Tsv,
    Csv,
    Json,
    Jsonl,
    Markdown,
}

impl Format {
    /// Every format, in the order help lists them.
    pub const ALL: [Format; 6] = [
        Format::Table,
        Format::Tsv,
        Format::Csv,
        Format::Json,
        Format::Jsonl,
        Format::Markdown,
    ];
}

/// How to print: resolved from the arguments, the environment and the terminal.
#[derive(Debug, Clone)]
pub struct Style {
    pub format: Format,
    pub color: bool,
    /// The width a table fits, in columns.
    pub width: u16,
    pub columns: Option<Vec<String>>,
    pub header: bool,
}

impl Style {
    /// The indices of the columns to print, for the formats that pick columns.
    fn pick(&self, listing: &Listing) -> Result<Vec<usize>, UsageError> {
        let index = |name: &str| {
            let name = name.trim().to_lowercase();
            listing
                .columns
                .iter()
                .position(|c| c.to_lowercase() == name)
        };
        let valid: Vec<&str> = listing.columns.iter().map(String::as_str).collect();
        match &self.columns {
            Some(_) if matches!(self.format, Format::Json | Format::Jsonl) => Err(UsageError {
                message: "--columns does not apply to json or jsonl".to_owned(),
                hints: vec![
                    "JSON objects have every key: pick some with jq '.[] | {id, quote}'".into(),
                ],
            }),
            Some(names) => names
                .iter()
                .map(|name| {
                    index(name)
                        .ok_or_else(|| UsageError::unknown("column", name, &pairs(&valid), &valid))
                })
                .collect(),
            None if matches!(self.format, Format::Table | Format::Markdown) => Ok(listing
                .brief
                .iter()
                .filter_map(|name| index(name))
                .collect()),
            None => Ok(plain(listing)),
        }
    }
}

/// The columns TSV and CSV print unless `--columns` says otherwise.
fn plain(listing: &Listing) -> Vec<usize> {
    match &listing.plain {
        Some(plain) => plain
            .iter()
            .filter_map(|name| listing.columns.iter().position(|c| c == name))
            .collect(),
        None => (0..listing.columns.len()).collect(),
    }
}

/// Prints `listing` to `out` in the style's format. A bad `--columns` is a usage
/// error, found before anything is written.
pub fn print(out: &mut impl Write, listing: &Listing, style: &Style) -> anyhow::Result<()> {
    let picked = style.pick(listing)?;
    match style.format {
        Format::Table => table(out, listing, &picked, style)?,
        Format::Tsv => tsv(out, listing, &picked)?,
        Format::Csv => csv(out, listing, &picked, style.header)?,
        Format::Json => json(out, listing)?,
        Format::Jsonl => jsonl(out, listing)?,
        Format::Markdown => markdown(out, listing, &picked, style.header)?,
    }
    Ok(())
}

/// Prints each row as a block: a heading of its first two fields, then the
/// others as labelled lines. For `show` on a terminal.
pub fn print_records(out: &mut impl Write, listing: &Listing, style: &Style) -> anyhow::Result<()> {
    // The fields TSV would print, each on its line.
    let shown = plain(listing);
    for (n, row) in listing.rows.iter().enumerate() {
        if n > 0 {
            writeln!(out)?;
        }
        let field = |i: usize| row.get(i).map(|f| f.text(", ")).unwrap_or_default();
        let (id, title) = (field(0), field(1));
        // Indented by the columns the id takes on a terminal, not its bytes:
        // `ıı` is four bytes and two columns.
        let heading = wrap(
            format!("{id}  {title}").trim_end(),
            style.width,
            id.width() + 2,
        );
        // Style after wrapping, so escape codes do not count as width; where
        // wrapping broke the id itself, the heading is styled as one.
        match heading.strip_prefix(id.as_str()) {
            Some(rest) if style.color => {
                let (id, rest) = (palette::paint(ID, &id), palette::paint(HEADING, rest));
                writeln!(out, "{id}{rest}")?;
            }
            _ if style.color => writeln!(out, "{}", palette::paint(HEADING, &heading))?,
            _ => writeln!(out, "{heading}")?,
        }
        // Labelled lines, wrapped at spaces only: a long address stays whole
        // (and copyable) on a line of its own rather than cut in two.
        let labels: Vec<&String> = shown.iter().skip(2).map(|&c| &listing.columns[c]).collect();
        let width = labels.iter().map(|l| l.width()).max().unwrap_or(0);
        let indent = " ".repeat(width + 5);
        for (&c, label) in shown.iter().skip(2).zip(&labels) {
            let value = match styled(&row[c], style) {
                text if text.is_empty() => "-".to_owned(),
                text => text,
            };
            // Padded by columns (`format!` pads by characters).
            let first = format!("  {label}{}   ", " ".repeat(width - label.width()));
            let options = textwrap::Options::new(usize::from(style.width))
                .initial_indent(&first)
                .subsequent_indent(&indent)
                .word_splitter(textwrap::WordSplitter::NoHyphenation)
                .break_words(false);
            let text = textwrap::fill(&value, options);
            let text = text
                .replace(MARK_OPEN, &palette::on(EMPHASIS))
                .replace(MARK_CLOSE, NORMAL_WEIGHT);
            for (i, line) in text.lines().enumerate() {
                let line = line.trim_end();
                match line
                    .strip_prefix("  ")
                    .and_then(|l| l.strip_prefix(label.as_str()))
                {
                    Some(rest) if i == 0 && style.color => {
                        writeln!(out, "  {}{rest}", palette::paint(LABEL, label))?;
                    }
                    _ => writeln!(out, "{line}")?,
                }
            }
        }
    }
    notes(out, listing, style)?;
    Ok(())
}

/// Wraps `text` at word boundaries to `width`, later lines indented by `indent`.
fn wrap(text: &str, width: u16, indent: usize) -> String {
    // An indent that leaves no room for words is no use: keep 20 columns.
    let indent = " ".repeat(indent.min(usize::from(width).saturating_sub(20)));
    // Ids hold hyphens: break lines at spaces only.
    let options = textwrap::Options::new(usize::from(width))
        .subsequent_indent(&indent)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    textwrap::fill(text, options)
}

/// Where a marked part starts and ends in a cell: characters of no width,
/// which comfy-table measures as nothing, made bold once the table is laid out.
const MARK_OPEN: &str = "\u{2060}";
const MARK_CLOSE: &str = "\u{feff}";

/// A field as a table cell: its marks set apart for bold when there is colour.
fn styled(field: &Field, style: &Style) -> String {
    if style.color {
        field.marked(MARK_OPEN, MARK_CLOSE, str::to_owned)
    } else {
        field.text(", ")
    }
}

/// Writes a table's lines, with the words of `marks` (if any) highlighted.
fn write_marked(out: &mut impl Write, table: &Table, marks: Option<&Terms>) -> io::Result<()> {
    for line in table.lines() {
        // comfy-table pads the last column to the table's width; a terminal does
        // not need the trailing blanks, and copying a line should not carry them.
        let line = line.trim_end();
        let bolded;
        let line =
            if line.contains([MARK_OPEN, MARK_CLOSE].map(|m| m.chars().next().unwrap_or(' '))) {
                bolded = line
                    .replace(MARK_OPEN, &palette::on(EMPHASIS))
                    .replace(MARK_CLOSE, NORMAL_WEIGHT);
                bolded.as_str()
            } else {
                line
            };
        match marks {
            Some(marks) => writeln!(out, "{}", highlight(line, marks))?,
            None => writeln!(out, "{line}")?,
        }
    }
    Ok(())
}

/// Marks the words of a coloured line that `marks` matched, in bold red as
/// ripgrep does. Text already styled (ids, headers) keeps its own style.
fn highlight(line: &str, marks: &Terms) -> String {
    let mut out = String::with_capacity(line.len() + 32);
    let mut styled = false;
    let mut rest = line;
    while let Some(c) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix("\x1b[") {
            // A control sequence: copied whole; a colour sets `styled`, a reset clears it.
            let end = after
                .find(|c: char| ('@'..='~').contains(&c))
                .map_or(after.len(), |i| i + 1);
            let (sequence, tail) = after.split_at(end);
            if let Some(parameters) = sequence.strip_suffix('m') {
                styled = !parameters
                    .split(';')
                    .all(|p| matches!(p, "" | "0" | "22" | "39"));
            }
            out.push_str("\x1b[");
            out.push_str(sequence);
            rest = tail;
        } else if c.is_alphanumeric() {
            let end = rest
                .find(|c: char| !c.is_alphanumeric())
                .unwrap_or(rest.len());
            let word = &rest[..end];
            if !styled && marks.marks(word) {
                out.push_str(&palette::paint(MATCH, word));
            } else {
                out.push_str(word);
            }
            rest = &rest[end..];
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

fn new_table(style: &Style) -> Table {
    let mut table = Table::new();
    table
        .load_style(TableStyle::new())
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(style.width);
    if style.color {
        table.enforce_styling();
        // Style the words, not the padding, so trailing blanks can be trimmed.
        table.style_text_only();
    } else {
        table.force_no_tty();
    }
    table
}

fn table(
    out: &mut impl Write,
    listing: &Listing,
    picked: &[usize],
    style: &Style,
) -> io::Result<()> {
    if listing.rows.is_empty() {
        return Ok(());
    }
    let cells: Vec<Vec<String>> = listing
        .rows
        .iter()
        .map(|row| {
            picked
                .iter()
                .map(|&c| match &row[c] {
                    marked @ Field::Marked { .. } => styled(marked, style),
                    field => field.cell(),
                })
                .collect()
        })
        .collect();
    let mut headers: Vec<String> = picked
        .iter()
        .map(|&c| listing.columns[c].to_uppercase())
        .collect();
    let gap: u16 = if listing.compact { 1 } else { 2 };
    let mut legend = Vec::new();
    if listing.compact && style.header && !fits(&cells, &headers, gap, style.width) {
        // Numbers for headers, and a legend under the table.
        for (n, header) in headers.iter_mut().enumerate().skip(1) {
            legend.push(format!("{n}={}", listing.columns[picked[n]]));
            *header = n.to_string();
        }
    }
    let mut table = new_table(style);
    if style.header {
        table.set_header(headers.iter().map(|header| {
            // Upper case sets the header apart where there is no colour.
            let cell = Cell::new(header);
            if style.color {
                in_style(cell, HEADING)
            } else {
                cell
            }
        }));
    }
    for (row, texts) in listing.rows.iter().zip(&cells) {
        table.add_row(picked.iter().zip(texts).map(|(&c, text)| {
            let cell = Cell::new(text);
            match &row[c] {
                Field::Count(_) | Field::Tally(_) | Field::Score(_) | Field::MaybeCount(_) => {
                    cell.set_alignment(CellAlignment::Right)
                }
                _ if style.color && listing.columns[c] == "id" => in_style(cell, ID_COLUMN),
                _ => cell,
            }
        }));
    }
    let shown_headers = if style.header {
        Some(headers.as_slice())
    } else {
        None
    };
    arrange(
        &mut table,
        listing,
        picked,
        &cells,
        shown_headers,
        gap,
        style.width,
    );
    let marks = listing.marks.as_ref().filter(|_| style.color);
    write_marked(out, &table, marks)?;
    if !legend.is_empty() {
        let legend = wrap(&legend.join("  "), style.width, 0);
        writeln!(out, "{legend}")?;
    }
    notes(out, listing, style)
}

/// A cell in a style of the palette, as comfy-table styles a cell (its lines
/// each, leaving the padding plain): a weight and a colour.
fn in_style(mut cell: Cell, style: anstyle::Style) -> Cell {
    let effects = style.get_effects();
    for (effect, attribute) in [
        (anstyle::Effects::BOLD, Attribute::Bold),
        (anstyle::Effects::DIMMED, Attribute::Dim),
    ] {
        if effects.contains(effect) {
            cell = cell.add_attribute(attribute);
        }
    }
    match style.get_fg_color() {
        Some(anstyle::Color::Ansi(color)) => cell.fg(Color::AnsiValue(
            anstyle::Ansi256Color::from_ansi(color).index(),
        )),
        Some(anstyle::Color::Ansi256(color)) => cell.fg(Color::AnsiValue(color.index())),
        Some(anstyle::Color::Rgb(color)) => cell.fg(Color::Rgb {
            r: color.r(),
            g: color.g(),
            b: color.b(),
        }),
        None => cell,
    }
}

/// The longest word of each column (its header among them, if shown), in
/// the columns it takes on a terminal: a CJK letter takes two.
fn longest_words(cells: &[Vec<String>], headers: Option<&[String]>) -> Vec<u16> {
    let columns = cells.first().map_or(0, Vec::len);
    (0..columns)
        .map(|i| {
            let header = headers.map(|h| h[i].as_str());
            let words = cells
                .iter()
                .flat_map(|row| row[i].split_whitespace())
                .chain(header);
            let longest = words.map(UnicodeWidthStr::width).max().unwrap_or(0);
            u16::try_from(longest).unwrap_or(u16::MAX)
        })
        .collect()
}

/// Whether every column's longest word fits in `width`, with `gap` between columns.
fn fits(cells: &[Vec<String>], headers: &[String], gap: u16, width: u16) -> bool {
    let longest = longest_words(cells, Some(headers));
    let gaps = u32::from(gap) * u32::try_from(longest.len().saturating_sub(1)).unwrap_or(u32::MAX);
    longest.iter().map(|&w| u32::from(w)).sum::<u32>() + gaps <= u32::from(width)
}

/// Sets padding and width constraints: words are cut only where the terminal
/// is too narrow to hold the longest word of every column, and ids (one word
/// each: a broken id cannot be copied) stay whole while they can.
fn arrange(
    table: &mut Table,
    listing: &Listing,
    picked: &[usize],
    cells: &[Vec<String>],
    headers: Option<&[String]>,
    gap: u16,
    width: u16,
) {
    let longest = longest_words(cells, headers);
    let words_fit = headers.map_or_else(
        || fits(cells, &vec![String::new(); picked.len()], gap, width),
        |headers| fits(cells, headers, gap, width),
    );
    // Failing that, ids stay whole if the other columns keep a few letters each.
    let others = u32::try_from(picked.len().saturating_sub(1)).unwrap_or(u32::MAX);
    let ids_fit = |id: u16| u32::from(id) + (u32::from(gap) + 6) * others <= u32::from(width);
    let has_quote = picked.iter().any(|&q| listing.columns[q] == "quote");
    let last = picked.len().saturating_sub(1);
    for (i, (column, &c)) in table.column_iter_mut().zip(picked).enumerate() {
        // A gap between columns; none before the first or after the last.
        let padding = if i == last { 0 } else { gap };
        column.set_padding((0, padding));
        // comfy-table counts the padding within a fixed width.
        let lower = Width::Fixed(longest[i].saturating_add(padding));
        match listing.columns[c].as_str() {
            // The quote is what people came for: the summary yields it room.
            "title" if has_quote && words_fit => {
                column.set_constraint(ColumnConstraint::Boundaries {
                    lower,
                    upper: Width::Percentage(30),
                });
            }
            "id" if !words_fit && ids_fit(longest[i]) => {
                column.set_constraint(ColumnConstraint::LowerBoundary(lower));
            }
            _ if words_fit => {
                column.set_constraint(ColumnConstraint::LowerBoundary(lower));
            }
            _ => {}
        }
    }
}

fn notes(out: &mut impl Write, listing: &Listing, style: &Style) -> io::Result<()> {
    for note in &listing.notes {
        let note = wrap(&format!("note: {}", visible(note)), style.width, 6);
        if style.color {
            writeln!(out, "{}", palette::paint(NOTE, &note))?;
        } else {
            writeln!(out, "{note}")?;
        }
    }
    Ok(())
}

/// Tabs and line breaks inside a field would split it: they become spaces.
fn one_line(text: &str) -> String {
    text.replace(['\t', '\n', '\r'], " ")
}

fn tsv(out: &mut impl Write, listing: &Listing, picked: &[usize]) -> io::Result<()> {
    for row in &listing.rows {
        let fields: Vec<String> = picked
            .iter()
            .map(|&c| one_line(&row[c].text(",")))
            .collect();
        writeln!(out, "{}", fields.join("\t"))?;
    }
    Ok(())
}

fn csv(out: &mut impl Write, listing: &Listing, picked: &[usize], header: bool) -> io::Result<()> {
    let mut writer = ::csv::Writer::from_writer(out);
    if header {
        writer.write_record(picked.iter().map(|&c| &listing.columns[c]))?;
    }
    for row in &listing.rows {
        writer.write_record(picked.iter().map(|&c| row[c].text(",")))?;
    }
    writer.flush()
}

/// A row as a JSON object with the listing's keys in their order.
struct Object<'a> {
    keys: &'a [(usize, &'a str)],
    row: &'a [Field],
}

impl Serialize for Object<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.keys.len()))?;
        for &(column, key) in self.keys {
            map.serialize_entry(key, &self.row[column])?;
        }
        map.end()
    }
}

/// The listing's JSON keys, each with its column.
fn keys(listing: &Listing) -> Vec<(usize, &str)> {
    let all = || {
        listing
            .columns
            .iter()
            .map(String::as_str)
            .enumerate()
            .collect()
    };
    listing.keys.as_ref().map_or_else(all, |keys| {
        keys.iter()
            .filter_map(|key| {
                let column = listing.columns.iter().position(|c| c == key)?;
                Some((column, key.as_str()))
            })
            .collect()
    })
}

fn objects<'a>(listing: &'a Listing, keys: &'a [(usize, &'a str)]) -> Vec<Object<'a>> {
    listing
        .rows
        .iter()
        .map(|row| Object { keys, row })
        .collect()
}

fn json(out: &mut impl Write, listing: &Listing) -> io::Result<()> {
    let json = serde_json::to_string_pretty(&objects(listing, &keys(listing)))?;
    writeln!(out, "{}", json_safe(&json))
}

fn jsonl(out: &mut impl Write, listing: &Listing) -> io::Result<()> {
    let keys = keys(listing);
    for object in objects(listing, &keys) {
        writeln!(out, "{}", json_safe(&serde_json::to_string(&object)?))?;
    }
    Ok(())
}

fn markdown(
    out: &mut impl Write,
    listing: &Listing,
    picked: &[usize],
    header: bool,
) -> io::Result<()> {
    let cell = |text: &str| one_line(text);
    let line = |cells: Vec<String>| format!("| {} |", cells.join(" | "));
    if header {
        writeln!(
            out,
            "{}",
            line(picked.iter().map(|&c| listing.columns[c].clone()).collect())
        )?;
        writeln!(
            out,
            "{}",
            line(picked.iter().map(|_| "---".to_owned()).collect())
        )?;
    }
    for row in &listing.rows {
        writeln!(
            out,
            "{}",
            line(
                picked
                    .iter()
                    .map(|&c| cell(&row[c].marked("**", "**", markdown_text)))
                    .collect()
            )
        )?;
    }
    if !listing.notes.is_empty() && !listing.rows.is_empty() {
        writeln!(out)?;
        for note in &listing.notes {
            writeln!(out, "*Note: {}*", note.replace('*', "\\*"))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::listing::names;

    fn listing() -> Listing {
        Listing {
            noun: "things",
            columns: names(&["id", "text", "tags", "clause", "aims"]),
            brief: names(&["id", "aims"]),
            compact: false,
            rows: vec![vec![
                Field::Text("a".to_owned()),
                Field::Text("one\ttwo\nthree | four, \"five\"".to_owned()),
                Field::List(vec!["x".to_owned(), "y".to_owned()]),
                Field::Maybe(None),
                Field::Count(3),
            ]],
            notes: vec!["a note".to_owned()],
            ..Listing::default()
        }
    }

    fn render(format: Format, columns: Option<&str>, header: bool) -> String {
        let style = Style {
            format,
            color: false,
            width: 80,
            columns: columns.map(|c| c.split(',').map(str::to_owned).collect()),
            header,
        };
        let mut out = Vec::new();
        print(&mut out, &listing(), &style).expect("prints");
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn each_format_escapes_what_would_break_it() {
        for (format, expected) in [
            (Format::Tsv, "a\tone two three | four, \"five\"\tx,y\t\t3\n"),
            (
                Format::Csv,
                "id,text,tags,clause,aims\na,\"one\ttwo\nthree | four, \"\"five\"\"\",\"x,y\",,3\n",
            ),
            (
                Format::Jsonl,
                "{\"id\":\"a\",\"text\":\"one\\ttwo\\nthree | four, \\\"five\\\"\",\"tags\":[\"x\",\"y\"],\"clause\":null,\"aims\":3}\n",
            ),
            (
                Format::Markdown,
                "| id | aims |\n| --- | --- |\n| a | 3 |\n\n*Note: a note*\n",
            ),
            (Format::Table, "ID  AIMS\na      3\nnote: a note\n"),
        ] {
            assert_eq!(render(format, None, true), expected, "{format:?}");
        }
    }

    #[test]
    fn columns_pick_and_order_and_header_can_go() {
        assert_eq!(render(Format::Csv, Some("aims,id"), true), "aims,id\n3,a\n");
        assert_eq!(render(Format::Csv, Some("aims,id"), false), "3,a\n");
        assert_eq!(
            render(Format::Markdown, Some("text"), false),
            "| one two three \\| four, \"five\" |\n\n*Note: a note*\n"
        );
    }

    #[test]
    fn an_unknown_column_is_a_usage_error() {
        let style = Style {
            format: Format::Tsv,
            color: false,
            width: 80,
            columns: Some(vec!["idd".to_owned()]),
            header: true,
        };
        let err = print(&mut Vec::new(), &listing(), &style).unwrap_err();
        let err = err.downcast::<UsageError>().expect("a usage error");
        assert_eq!(err.message, "unknown column `idd`");
        assert_eq!(err.hints[0].to_string(), "did you mean `id`?");
    }

    /// An aim-like listing: an id, a title and a quote.
    fn aim(id: &str, title: &str, quote: &str) -> Listing {
        Listing {
            noun: "aims",
            columns: names(&["id", "title", "quote"]),
            brief: names(&["id", "title", "quote"]),
            compact: false,
            rows: vec![vec![
                Field::Text(id.to_owned()),
                Field::Text(title.to_owned()),
                Field::Text(quote.to_owned()),
            ]],
            ..Listing::default()
        }
    }

    fn shown(listing: &Listing, width: u16, color: bool, records: bool) -> String {
        let style = Style {
            format: Format::Table,
            color,
            width,
            columns: None,
            header: true,
        };
        let mut out = Vec::new();
        if records {
            print_records(&mut out, listing, &style).expect("prints");
        } else {
            print(&mut out, listing, &style).expect("prints");
        }
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn a_record_heading_wraps_under_its_title_and_is_coloured_on_request() {
        let listing = aim(
            "combat-terrorism",
            "Coordinate action against terrorism and crime",
            "",
        );
        assert_eq!(
            shown(&listing, 40, false, true),
            "combat-terrorism  Coordinate action\n                  against terrorism and\n                  crime\n  quote   -\n"
        );
        assert_eq!(
            shown(&listing, 80, true, true),
            "\u{1b}[1;36mcombat-terrorism\u{1b}[0m\u{1b}[1m  Coordinate action against terrorism and crime\u{1b}[0m\n  \u{1b}[2mquote\u{1b}[0m   -\n"
        );
        // Where the id itself breaks, the whole heading is bold.
        let long = aim("an-id-longer-than-the-terminal-is-wide", "T", "");
        assert!(shown(&long, 20, true, true).starts_with("\u{1b}[1man-id-longer"));
    }

    #[test]
    fn a_record_heading_is_indented_by_the_columns_of_its_id() {
        // `ıı` is four bytes and two columns; `交通` four columns.
        for (id, indent) in [("ıı", 4), ("交通", 6)] {
            let listing = aim(id, "A very good summit in Istanbul", "");
            let heading = shown(&listing, 30, false, true);
            let second = heading.lines().nth(1).expect("a wrapped heading");
            assert_eq!(second, format!("{}Istanbul", " ".repeat(indent)), "{id}");
        }
    }

    #[test]
    fn only_ids_are_cyan_in_a_coloured_table() {
        let listing = aim("peace", "Peace", "q");
        let table = shown(&listing, 80, true, false);
        assert!(
            table.contains("\u{1b}[38;5;14mpeace\u{1b}[39m"),
            "{table:?}"
        );
        assert!(!table.contains("\u{1b}[38;5;14mPeace"), "{table:?}");
        assert!(!shown(&listing, 80, false, false).contains('\u{1b}'));
    }

    #[test]
    fn the_longest_words_fit_exactly_or_not() {
        let cells = vec![vec!["abc".to_owned(), "de fgh".to_owned()]];
        let headers = names(&["ID", "TEXT"]);
        // 3 + 2 + 4 ("TEXT" is the longest word of its column).
        assert!(fits(&cells, &headers, 2, 9));
        assert!(!fits(&cells, &headers, 2, 8));
        let three = vec![vec!["a".to_owned(), "b".to_owned(), "c".to_owned()]];
        let blank = vec![String::new(); 3];
        assert!(fits(&three, &blank, 2, 7));
        assert!(!fits(&three, &blank, 2, 6));
        // Measured in the columns a terminal gives them: a CJK letter takes two.
        let wide = vec![vec!["culture".to_owned(), "1".to_owned()]];
        let headers = names(&["ID", "交通"]);
        assert!(fits(&wide, &headers, 1, 12));
        assert!(!fits(&wide, &headers, 1, 11));
    }

    #[test]
    fn ids_stay_whole_while_the_other_columns_keep_six_letters() {
        let listing = aim(
            "a-long-identifier",
            "Cooperation-oriented summary",
            "A quote about internationalization",
        );
        let at = |width| shown(&listing, width, false, false);
        let id_whole = |table: &str| table.lines().any(|l| l.starts_with("a-long-identifier "));
        // Every word fits from 17 + 2 + 20 + 2 + 20 = 61 columns: none is cut.
        let wide = at(61);
        for word in [
            "a-long-identifier",
            "Cooperation-oriented",
            "internationalization",
        ] {
            assert!(wide.contains(word), "{wide}");
        }
        assert!(!at(60).contains("internationalization"), "{}", at(60));
        // Narrower, the id (17) stays whole while 17 + 2 * (2 + 6) = 33 columns
        // are there, and is cut below.
        assert!(id_whole(&at(60)), "{}", at(60));
        assert!(id_whole(&at(33)), "{}", at(33));
        assert!(!id_whole(&at(32)), "{}", at(32));
    }
}
