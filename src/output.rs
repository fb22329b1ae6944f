//! Printers: table, tsv, csv, json, jsonl, markdown, and the record view of
//! `show`, each over `impl Write`, in a `Style` the settings resolved.

use std::io::{self, Write};
use std::ops::Range;

use comfy_table::{
    Attribute, Cell, CellAlignment, Color, ColumnConstraint, ContentArrangement, Table, TableStyle,
    Width,
};
use serde::ser::{Serialize, SerializeMap, Serializer};
use unicode_width::UnicodeWidthStr;

use crate::listing::{Align, Field, Group, Listing, Role};
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
    /// A whole page to print or hand out (see `page`).
    Html,
}

impl Format {
    /// Every format, in the order help lists them.
    pub const ALL: [Format; 7] = [
        Format::Table,
        Format::Tsv,
        Format::Csv,
        Format::Json,
        Format::Jsonl,
        Format::Markdown,
        Format::Html,
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
                .position(|c| c.name.to_lowercase() == name)
        };
        let valid: Vec<&str> = listing.columns.iter().map(|c| c.name.as_str()).collect();
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
            None if matches!(self.format, Format::Table | Format::Markdown) => {
                let mut brief: Vec<(usize, usize)> = (listing.columns.iter().enumerate())
                    .filter_map(|(c, column)| Some((column.brief?, c)))
                    .collect();
                brief.sort_unstable();
                Ok(brief.into_iter().map(|(_, c)| c).collect())
            }
            None => Ok(plain(listing)),
        }
    }
}

/// The columns TSV and CSV print unless `--columns` says otherwise.
fn plain(listing: &Listing) -> Vec<usize> {
    (0..listing.columns.len())
        .filter(|&c| listing.columns[c].plain)
        .collect()
}

/// Prints `listing` to `out` in the style's format. A bad `--columns` is a usage
/// error, found before anything is written.
pub fn print(out: &mut impl Write, listing: &Listing, style: &Style) -> anyhow::Result<()> {
    if style.format == Format::Markdown && !style.header {
        return Err(UsageError {
            message: "a markdown table cannot drop its header row: without it, it is not a table"
                .to_owned(),
            hints: vec!["--no-header applies to table and csv".into()],
        }
        .into());
    }
    if let Some(groups) = &listing.groups {
        return print_grouped(out, listing, groups, style);
    }
    let picked = style.pick(listing)?;
    match style.format {
        Format::Table => table(out, listing, &picked, style)?,
        Format::Tsv => tsv(out, listing, &picked)?,
        Format::Csv => csv(out, listing, &picked, style.header)?,
        Format::Json => json(out, listing)?,
        Format::Jsonl => jsonl(out, listing)?,
        Format::Markdown => markdown(out, listing, &picked)?,
        Format::Html => {
            let mut heading = listing.noun.to_owned();
            if let Some(first) = heading.get_mut(..1) {
                first.make_ascii_uppercase();
            }
            out.write_all(crate::page::table(listing, &heading).as_bytes())?;
        }
    }
    Ok(())
}

/// A grouped listing: for a person (table, markdown), a heading per group
/// with its count over the group's rows, the notes once at the end; for a
/// script, the flat records with their `group`.
fn print_grouped(
    out: &mut impl Write,
    listing: &Listing,
    groups: &[Group],
    style: &Style,
) -> anyhow::Result<()> {
    let is_group = |name: &String| name.trim().eq_ignore_ascii_case("group");
    if !matches!(style.format, Format::Table | Format::Markdown) {
        // The group always comes first: rows repeat per group, and without
        // it nothing would tell them apart.
        let mut style = style.clone();
        if let Some(columns) = &mut style.columns
            && !columns.iter().any(is_group)
        {
            columns.insert(0, "group".to_owned());
        }
        return print(out, &listing.flattened(), &style);
    }
    // The headings say the group: a `group` column has no place here.
    let mut style = style.clone();
    if let Some(columns) = &mut style.columns {
        columns.retain(|name| !is_group(name));
    }
    let style = &style;
    // A bad --columns is found before anything is written.
    style.pick(listing)?;
    if groups.is_empty() {
        return print(out, &listing.only(&[]), style);
    }
    for (n, group) in groups.iter().enumerate() {
        let mut part = listing.only(&group.rows);
        if n + 1 == groups.len() {
            part.notes.clone_from(&listing.notes);
        }
        let title = format!("{} ({})", visible(&group.name), group.rows.len());
        if style.format == Format::Markdown {
            write!(
                out,
                "{}## {}\n\n",
                if n > 0 { "\n" } else { "" },
                markdown_text(&title)
            )?;
        } else {
            if n > 0 {
                writeln!(out)?;
            }
            let title = wrap(&title, style.width, 0);
            if style.color {
                writeln!(out, "{}", palette::paint(HEADING, &title))?;
            } else {
                writeln!(out, "{title}")?;
            }
        }
        print(out, &part, style)?;
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
        heading(out, &id, &title, style)?;
        // Labelled lines, wrapped at spaces only: a long address stays whole
        // (and copyable) on a line of its own rather than cut in two.
        let labels: Vec<&String> = (shown.iter().skip(2))
            .map(|&c| &listing.columns[c].name)
            .collect();
        let width = labels.iter().map(|l| l.width()).max().unwrap_or(0);
        let indent = " ".repeat(width + 5);
        for (&c, label) in shown.iter().skip(2).zip(&labels) {
            // The marks are styles over parts of the text, laid on its
            // lines once it is wrapped: wrapping measures the text alone.
            let (value, marks) = if style.color {
                row[c].spans()
            } else {
                (row[c].text(", "), Vec::new())
            };
            let value = if value.is_empty() {
                "-".to_owned()
            } else {
                value
            };
            // Padded by columns (`format!` pads by characters).
            let pad = " ".repeat(width - label.width());
            let first = format!("  {label}{pad}   ");
            let options = textwrap::Options::new(usize::from(style.width))
                .initial_indent(&first)
                .subsequent_indent(&indent)
                .word_splitter(textwrap::WordSplitter::NoHyphenation)
                .break_words(false);
            let mut lines = wrapped(&value, &options);
            // As the lines of the text filled: none after a last line break.
            if lines.len() > 1 && lines.last().is_some_and(|line| line.part.is_empty()) {
                lines.pop();
            }
            let emphasis = (palette::on(EMPHASIS), NORMAL_WEIGHT);
            let texts = emphasize(&value, &lines, &marks, (&emphasis.0, emphasis.1));
            for (i, text) in texts.iter().enumerate() {
                let text = text.trim_end();
                let labelled = lines[i].first;
                match text.get(first.len()..) {
                    Some(rest) if i == 0 && labelled && style.color => {
                        let label = palette::paint(LABEL, label);
                        writeln!(out, "  {label}{pad}   {rest}")?;
                    }
                    // The indent's own spaces, trimmed where nothing follows.
                    None if i == 0 && labelled && style.color => {
                        writeln!(out, "  {}", palette::paint(LABEL, label))?;
                    }
                    _ => writeln!(out, "{text}")?,
                }
            }
        }
    }
    notes(out, listing, style)?;
    Ok(())
}

/// A record's heading, its id and title wrapped under the title; coloured,
/// the id in `ID` and the rest in `HEADING`, or all of it in `HEADING` where
/// wrapping broke the id itself.
fn heading(out: &mut impl Write, id: &str, title: &str, style: &Style) -> io::Result<()> {
    let text = format!("{id}  {title}");
    let text = text.trim_end();
    // Indented by the columns the id takes on a terminal, not its bytes:
    // `ıı` is four bytes and two columns.
    let indent = hanging_indent(style.width, id.width() + 2);
    let options = hanging_options(style.width, &indent);
    let lines = wrapped(text, &options);
    let filled: Vec<String> = lines
        .iter()
        .map(|line| format!("{}{}", line.indent, &text[line.part.clone()]))
        .collect();
    let filled = filled.join("\n");
    // Styled after wrapping, so escape codes do not count as width.
    let whole_id = lines
        .first()
        .is_some_and(|line| line.part.start == 0 && line.part.end >= id.len());
    match () {
        () if style.color && whole_id => {
            let (id, rest) = filled.split_at(id.len());
            writeln!(
                out,
                "{}{}",
                palette::paint(ID, id),
                palette::paint(HEADING, rest)
            )
        }
        () if style.color => writeln!(out, "{}", palette::paint(HEADING, &filled)),
        () => writeln!(out, "{filled}"),
    }
}

/// Wraps `text` at word boundaries to `width`, later lines indented by `indent`.
fn wrap(text: &str, width: u16, indent: usize) -> String {
    let indent = hanging_indent(width, indent);
    textwrap::fill(text, hanging_options(width, &indent))
}

/// An indent of `indent` columns, but one that leaves no room for words is
/// no use: 20 columns are kept.
fn hanging_indent(width: u16, indent: usize) -> String {
    " ".repeat(indent.min(usize::from(width).saturating_sub(20)))
}

/// Wrapping at `width`, later lines under `indent`.
fn hanging_options(width: u16, indent: &str) -> textwrap::Options<'_> {
    // Ids hold hyphens: break lines at spaces only.
    textwrap::Options::new(usize::from(width))
        .subsequent_indent(indent)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
}

/// One line of a wrapped text: its indent, and the part of the text it shows.
#[derive(Debug, PartialEq, Eq)]
struct Line<'o> {
    indent: &'o str,
    /// Whether the indent is the first line's (`initial_indent`).
    first: bool,
    part: Range<usize>,
}

/// `text` wrapped as textwrap wraps it with `options`, each line as the part
/// of `text` it shows. textwrap's lines are the text's own words, in order,
/// without the spaces they broke at (and a line break's own line ending), so
/// each is found from where the one before ended.
fn wrapped<'o>(text: &str, options: &textwrap::Options<'o>) -> Vec<Line<'o>> {
    let mut at = 0;
    textwrap::wrap(text, options.clone())
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let indent = if i == 0 {
                options.initial_indent
            } else {
                options.subsequent_indent
            };
            // A line of no words (an empty paragraph) has no indent either.
            let (indent, shown) = match line.strip_prefix(indent) {
                Some(shown) if !indent.is_empty() => (indent, shown),
                _ => ("", line.as_ref()),
            };
            let start = text[at..].find(shown).map_or(at, |found| at + found);
            debug_assert_eq!(text.get(start..start + shown.len()), Some(shown));
            at = start + shown.len();
            Line {
                indent,
                first: i == 0 && !indent.is_empty(),
                part: start..at,
            }
        })
        .collect()
}

/// The `lines` of `text`, each its indent then its part, with a style turned
/// on and off (`on`, `off`) where `marks` (ranges of `text`, in order) start
/// and end: at the place of the text each stands by, on the line that
/// shows it. A style may stay on from one line to the next.
fn emphasize(
    text: &str,
    lines: &[Line],
    marks: &[Range<usize>],
    (on, off): (&str, &str),
) -> Vec<String> {
    // Where each mark starts and ends, in order, with what to write there.
    let mut switches = marks
        .iter()
        .flat_map(|mark| [(mark.start, on), (mark.end, off)])
        .peekable();
    let last = lines.len().saturating_sub(1);
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let mut out = line.indent.to_owned();
            let mut at = line.part.start;
            // A switch between two lines (in the spaces the text broke at)
            // goes at the start of the next; after the last, at its end.
            while let Some((offset, code)) =
                switches.next_if(|&(offset, _)| offset <= line.part.end || i == last)
            {
                let offset = offset.clamp(at, line.part.end);
                out.push_str(&text[at..offset]);
                out.push_str(code);
                at = offset;
            }
            out.push_str(&text[at..line.part.end]);
            out
        })
        .collect()
}

/// How a table is laid out before it is printed: comfy-table's own lines,
/// with a scaffolding that says where each cell's lines stand, taken down
/// again. A left border tells a header line (`HEADER`) from a row's line
/// (`ROW`) and from a line between rows (`BETWEEN`); a line between columns
/// is drawn with a character no cell holds. The table is made wider by the
/// scaffolding's columns, which comfy-table takes off the width before it
/// arranges the columns: the columns are those of the table without it.
const HEADER: char = 'H';
const ROW: char = 'R';
const BETWEEN: char = 'B';

/// A character that stands in none of `texts`, to draw lines between
/// columns with: one of the Private Use Area, which no text needs.
fn unused(texts: &[&str]) -> Option<char> {
    ('\u{e000}'..='\u{f8ff}').find(|&c| texts.iter().all(|text| !text.contains(c)))
}

/// The scaffolded style (see `HEADER`), with `junction` between columns.
fn scaffolded(junction: char) -> TableStyle {
    use comfy_table::{ContentLineStyle, LineStyle};
    TableStyle::new()
        .header_lines(ContentLineStyle::none().left(HEADER).junction(junction))
        .content_lines(ContentLineStyle::none().left(ROW).junction(junction))
        .header_separator(LineStyle::none().left(BETWEEN))
        .row_separator(LineStyle::none().left(BETWEEN))
}

/// A table's lines as comfy-table lays them out, each as its cells' parts
/// (its own padding included), grouped by row: the header's lines first,
/// if it has one. None where the lines are not as the scaffolding drew them.
fn laid_out(table: &Table, junction: char, columns: usize) -> Option<Vec<Vec<Vec<String>>>> {
    let mut rows: Vec<Vec<Vec<String>>> = Vec::new();
    let mut new_row = true;
    for line in table.lines() {
        let mut chars = line.chars();
        let kind = chars.next()?;
        if kind == BETWEEN {
            new_row = true;
            continue;
        }
        if kind != HEADER && kind != ROW {
            return None;
        }
        let parts: Vec<String> = chars.as_str().split(junction).map(str::to_owned).collect();
        if parts.len() != columns {
            return None;
        }
        if new_row {
            rows.push(Vec::new());
            new_row = false;
        }
        rows.last_mut()?.push(parts);
    }
    Some(rows)
}

/// Styles for the parts of one cell's lines: its marks (ranges of `text`,
/// the cell's text) in `EMPHASIS`, each line's share ended on that line;
/// and outside them the words `matches` matched, in `MATCH`. `parts` are
/// the cell's lines as laid out, each a piece of `text` (in order, with the
/// spaces it broke at left out) within its padding. A part that is not such
/// a piece keeps no mark.
fn paint_cell(
    parts: &mut [&mut String],
    text: &str,
    marks: &[Range<usize>],
    matches: Option<&Terms>,
) {
    let mut at = 0;
    for part in parts.iter_mut() {
        let shown = part.trim_matches(' ');
        let offset = part.len() - part.trim_start_matches(' ').len();
        // Where the piece stands in the text, after the spaces it broke at.
        let piece = text[at..]
            .find(shown)
            .map(|found| at + found..at + found + shown.len())
            .filter(|piece| text[at..piece.start].trim().is_empty());
        let mut spans: Vec<(Range<usize>, anstyle::Style)> = Vec::new();
        if let Some(piece) = &piece {
            at = piece.end;
            for mark in marks {
                let (start, end) = (mark.start.max(piece.start), mark.end.min(piece.end));
                if start < end {
                    let shift = |i: usize| i - piece.start + offset;
                    spans.push((shift(start)..shift(end), EMPHASIS));
                }
            }
        }
        if let Some(terms) = matches {
            let marked = |word: &Range<usize>| {
                spans
                    .iter()
                    .any(|(span, _)| span.start < word.end && word.start < span.end)
            };
            let found: Vec<Range<usize>> = words(part)
                .filter(|word| terms.marks(&part[word.clone()]) && !marked(word))
                .collect();
            spans.extend(found.into_iter().map(|word| (word, MATCH)));
            spans.sort_by_key(|(span, _)| span.start);
        }
        if spans.is_empty() {
            continue;
        }
        let mut painted = String::with_capacity(part.len() + 16 * spans.len());
        let mut from = 0;
        for (span, style) in spans {
            painted.push_str(&part[from..span.start]);
            // Emphasis ends in its weight alone, as it does in a record.
            let off = if style == EMPHASIS {
                NORMAL_WEIGHT.to_owned()
            } else {
                palette::off(style)
            };
            painted.push_str(&palette::on(style));
            painted.push_str(&part[span.clone()]);
            painted.push_str(&off);
            from = span.end;
        }
        painted.push_str(&part[from..]);
        **part = painted;
    }
}

/// The words of `text` as a search highlights them: runs of letters and digits.
fn words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = at + text[at..].find(char::is_alphanumeric)?;
        let end = text[start..]
            .find(|c: char| !c.is_alphanumeric())
            .map_or(text.len(), |len| start + len);
        at = end;
        Some(start..end)
    })
}

/// The ranges of a cell's text that its marks cover.
type Marks = Vec<Range<usize>>;

/// The `picked` cells of each row of `listing` as a table shows them: their
/// text, which the columns are measured by, and the marks of each.
fn cells(listing: &Listing, picked: &[usize]) -> (Vec<Vec<String>>, Vec<Vec<Marks>>) {
    listing
        .rows
        .iter()
        .map(|row| {
            picked
                .iter()
                .map(|&c| match &row[c] {
                    marked @ Field::Marked { .. } => {
                        let (text, marks) = marked.spans();
                        // A tab would throw the columns out of line.
                        (text.replace('\t', " "), marks)
                    }
                    field => (field.cell(), Vec::new()),
                })
                .unzip()
        })
        .unzip()
}

/// Styles the cells of `rows` (as `laid_out` gives them) but the ids, which
/// comfy-table styles whole: their marks, and the words a search matched.
fn paint_rows(
    rows: &mut [Vec<Vec<String>>],
    ids: &[bool],
    cells: &[Vec<String>],
    marks: &[Vec<Marks>],
    matches: Option<&Terms>,
) {
    for (r, lines) in rows.iter_mut().enumerate() {
        for (i, _) in ids.iter().enumerate().filter(|(_, id)| !**id) {
            let mut parts: Vec<&mut String> = lines.iter_mut().map(|parts| &mut parts[i]).collect();
            paint_cell(&mut parts, &cells[r][i], &marks[r][i], matches);
        }
    }
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
    let (cells, marks) = cells(listing, picked);
    let mut headers: Vec<String> = picked
        .iter()
        .map(|&c| listing.columns[c].name.to_uppercase())
        .collect();
    let gap: u16 = if listing.compact { 1 } else { 2 };
    let mut legend = Vec::new();
    if listing.compact && style.header && !fits(&cells, &headers, gap, style.width) {
        // Numbers for headers, and a legend under the table.
        for (n, header) in headers.iter_mut().enumerate().skip(1) {
            legend.push(format!("{n}={}", listing.columns[picked[n]].name));
            *header = n.to_string();
        }
    }
    let mut table = new_table(style);
    let headers_and_cells: Vec<&str> = headers
        .iter()
        .chain(cells.iter().flatten())
        .map(String::as_str)
        .collect();
    let junction = unused(&headers_and_cells);
    if let Some(junction) = junction {
        table.load_style(scaffolded(junction));
        // One column for the left border, one between each two columns.
        let scaffolding = u16::try_from(picked.len()).unwrap_or(u16::MAX);
        table.set_width(style.width.saturating_add(scaffolding));
    }
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
    for texts in &cells {
        table.add_row(picked.iter().zip(texts).map(|(&c, text)| {
            let cell = Cell::new(text);
            let column = &listing.columns[c];
            match column.align {
                Align::Right => cell.set_alignment(CellAlignment::Right),
                Align::Left if style.color && column.role == Role::Id => in_style(cell, ID_COLUMN),
                Align::Left => cell,
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
    let laid = junction.and_then(|junction| laid_out(&table, junction, picked.len()));
    match laid {
        Some(mut laid) => {
            if style.color {
                let ids: Vec<bool> = (picked.iter())
                    .map(|&c| listing.columns[c].role == Role::Id)
                    .collect();
                let header = usize::from(style.header);
                paint_rows(
                    &mut laid[header..],
                    &ids,
                    &cells,
                    &marks,
                    listing.marks.as_ref(),
                );
            }
            for line in laid.iter().flatten() {
                // comfy-table pads the last column to the table's width; a
                // terminal does not need the trailing blanks, and copying a
                // line should not carry them.
                writeln!(out, "{}", line.concat().trim_end())?;
            }
        }
        // Lines not as the scaffolding drew them (or no character free to
        // draw it with): the table as comfy-table lays it out, unstyled
        // within its cells.
        None => {
            for line in table.lines() {
                writeln!(out, "{}", line.trim_end())?;
            }
        }
    }
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
    let has_quote = picked
        .iter()
        .any(|&q| listing.columns[q].role == Role::Quote);
    let last = picked.len().saturating_sub(1);
    for (i, (column, &c)) in table.column_iter_mut().zip(picked).enumerate() {
        // A gap between columns; none before the first or after the last.
        let padding = if i == last { 0 } else { gap };
        column.set_padding((0, padding));
        // comfy-table counts the padding within a fixed width.
        let lower = Width::Fixed(longest[i].saturating_add(padding));
        match listing.columns[c].role {
            // The quote is what people came for: the summary yields it room.
            Role::Title if has_quote && words_fit => {
                column.set_constraint(ColumnConstraint::Boundaries {
                    lower,
                    upper: Width::Percentage(30),
                });
            }
            Role::Id if !words_fit && ids_fit(longest[i]) => {
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
        writer.write_record(picked.iter().map(|&c| &listing.columns[c].name))?;
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
    (listing.columns.iter().enumerate())
        .filter(|(_, column)| column.key)
        .map(|(c, column)| (c, column.name.as_str()))
        .collect()
}

fn objects<'a>(listing: &'a Listing, keys: &'a [(usize, &'a str)]) -> Vec<Object<'a>> {
    listing
        .rows
        .iter()
        .map(|row| Object { keys, row })
        .collect()
}

/// The records `--format json` prints, as a JSON value: an object per row,
/// with the listing's keys in their order (the MCP server's structured
/// output, equal to what `json` prints).
pub fn records(listing: &Listing) -> serde_json::Result<serde_json::Value> {
    serde_json::to_value(objects(listing, &keys(listing)))
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

/// A GitHub table, its header row always: without it, it is no table.
fn markdown(out: &mut impl Write, listing: &Listing, picked: &[usize]) -> io::Result<()> {
    let cell = |text: &str| one_line(text);
    let line = |cells: Vec<String>| format!("| {} |", cells.join(" | "));
    writeln!(
        out,
        "{}",
        line(
            picked
                .iter()
                .map(|&c| listing.columns[c].name.clone())
                .collect(),
        )
    )?;
    writeln!(
        out,
        "{}",
        line(picked.iter().map(|_| "---".to_owned()).collect())
    )?;
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
    use crate::listing::{Column, Role};

    fn listing() -> Listing {
        Listing {
            noun: "things",
            columns: vec![
                Column::text("id").brief(0),
                Column::text("text"),
                Column::text("tags"),
                Column::text("clause"),
                Column::number("aims").brief(1),
            ],
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
            render(Format::Markdown, Some("text"), true),
            "| text |\n| --- |\n| one two three \\| four, \"five\" |\n\n*Note: a note*\n"
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
            columns: crate::listing::aim_columns()[..3].to_vec(),
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
    fn printers_decide_by_what_a_column_is_not_by_its_name() {
        // A cross-table whose column record is called `id`: a count, right
        // aligned and plain; the row's id is the id, whatever it is called.
        let listing = Listing {
            noun: "rows",
            columns: vec![
                Column::text("domain").role(Role::Id).brief(0),
                Column::number("id").brief(1),
                Column::text("note").no_key().not_plain(),
            ],
            rows: vec![vec![
                Field::Text("trade".to_owned()),
                Field::Tally(12),
                Field::Text("n".to_owned()),
            ]],
            ..Listing::default()
        };
        let table = shown(&listing, 40, true, false);
        assert_eq!(
            table,
            "\u{1b}[1mDOMAIN\u{1b}[0m  \u{1b}[1mID\u{1b}[0m\n\u{1b}[38;5;14mtrade\u{1b}[39m   12\n"
        );
        let style = |format| Style {
            format,
            color: false,
            width: 80,
            columns: None,
            header: true,
        };
        let printed = |format| {
            let mut out = Vec::new();
            print(&mut out, &listing, &style(format)).expect("prints");
            String::from_utf8(out).expect("UTF-8")
        };
        // Not a key, not plain: for people only.
        assert_eq!(printed(Format::Jsonl), "{\"domain\":\"trade\",\"id\":12}\n");
        assert_eq!(printed(Format::Csv), "domain,id\ntrade,12\n");
    }

    #[test]
    fn the_longest_words_fit_exactly_or_not() {
        let cells = vec![vec!["abc".to_owned(), "de fgh".to_owned()]];
        let names =
            |names: &[&str]| -> Vec<String> { names.iter().map(|&name| name.to_owned()).collect() };
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

    #[test]
    fn wrapped_lines_are_parts_of_the_text_after_their_indent() {
        let text = "one two three four\n\nfive";
        let options = textwrap::Options::new(12)
            .initial_indent("> ")
            .subsequent_indent("  ")
            .break_words(false);
        let lines = wrapped(text, &options);
        let shown: Vec<String> = lines
            .iter()
            .map(|line| format!("{}{}", line.indent, &text[line.part.clone()]))
            .collect();
        assert_eq!(shown, textwrap::wrap(text, options.clone()));
        assert_eq!(
            lines,
            [
                Line {
                    indent: "> ",
                    first: true,
                    part: 0..7
                },
                Line {
                    indent: "  ",
                    first: false,
                    part: 8..18
                },
                // An empty paragraph: no words, no indent, no part.
                Line {
                    indent: "",
                    first: false,
                    part: 18..18
                },
                Line {
                    indent: "  ",
                    first: false,
                    part: 20..24
                },
            ]
        );
    }

    #[test]
    #[allow(clippy::single_range_in_vec_init, reason = "one mark")]
    fn marks_are_laid_on_the_lines_that_show_them() {
        let text = "aa bb cc dd";
        let options = textwrap::Options::new(5).break_words(false);
        let lines = wrapped(text, &options);
        let at = |marks: &[Range<usize>]| emphasize(text, &lines, marks, ("<", ">"));
        // Within a line; over a line break (on until the mark ends, as a
        // record shows it); by the word before it, where that ends a line;
        // at the start of a line; to the very end.
        assert_eq!(at(&[0..2, 3..5]), ["<aa> <bb>", "cc dd"]);
        assert_eq!(at(&[3..8]), ["aa <bb", "cc> dd"]);
        assert_eq!(at(&[5..8]), ["aa bb<", "cc> dd"]);
        assert_eq!(at(&[6..8]), ["aa bb", "<cc> dd"]);
        assert_eq!(at(&[9..11]), ["aa bb", "cc <dd>"]);
    }

    #[test]
    #[allow(clippy::single_range_in_vec_init, reason = "one mark")]
    fn a_cells_marks_end_on_each_line_and_matches_stay_outside_them() {
        let text = "aa bb cc";
        let (mut first, mut second) = ("aa bb  ".to_owned(), "cc     ".to_owned());
        let mut parts = [&mut first, &mut second];
        paint_cell(&mut parts, text, &[3..8], None);
        assert_eq!(first, "aa \x1b[1mbb\x1b[22m  ");
        assert_eq!(second, "\x1b[1mcc\x1b[22m     ");
        // A part that is no piece of the text in order keeps no mark.
        let mut stray = "zz".to_owned();
        paint_cell(&mut [&mut stray], text, &[0..8], None);
        assert_eq!(stray, "zz");
        // A word a search matched is red, but not within a mark.
        let terms = Terms::new(&["bb".to_owned(), "aa".to_owned()]).expect("words");
        let mut line = "aa bb cc".to_owned();
        paint_cell(&mut [&mut line], text, &[0..2], Some(&terms));
        assert_eq!(line, "\x1b[1maa\x1b[22m \x1b[1;31mbb\x1b[0m cc");
    }

    #[test]
    fn the_scaffolding_is_drawn_with_a_character_no_text_holds() {
        assert_eq!(unused(&["a", "b"]), Some('\u{e000}'));
        assert_eq!(unused(&["a\u{e000}", "\u{e001}"]), Some('\u{e002}'));
    }
}
