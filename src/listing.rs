//! Listings: the rows and columns each command prints, as pure functions of
//! the content (and, for aims, of what a query selected).

use std::ops::Range;

use serde::ser::{Serialize, Serializer};

use crate::check::quote::{Normalized, fold_whitespace as fold};
use crate::model::{Aim, Content, Ref};
use crate::query::Hit;
use crate::search::Terms;
use crate::text::visible;

/// One value of a row, typed for JSON.
#[derive(Debug, Clone, PartialEq)]
pub enum Field {
    Text(String),
    /// A string or JSON null.
    Maybe(Option<String>),
    List(Vec<String>),
    Count(usize),
    /// A number or JSON null.
    MaybeCount(Option<usize>),
    /// A count in a cross-table: a dot when zero in a table, so the eye finds
    /// the numbers.
    Tally(usize),
    /// A search's score, to three decimals.
    Score(f64),
    /// Text with parts to mark (a quote within its sentence): bold on a
    /// terminal, `**` in markdown, plain elsewhere.
    Marked {
        text: String,
        marks: Vec<Range<usize>>,
    },
}

impl Field {
    /// The field as text for a person or a text format, with lists joined by
    /// `separator`: what could drive a terminal shown as escapes (JSON, which
    /// escapes for itself, serializes the field as it is).
    pub fn text(&self, separator: &str) -> String {
        let text = match self {
            Field::Text(text) | Field::Maybe(Some(text)) | Field::Marked { text, .. } => {
                return visible(text).into_owned();
            }
            Field::Maybe(None) | Field::MaybeCount(None) => String::new(),
            Field::List(items) => items.join(separator),
            Field::Count(n) | Field::Tally(n) | Field::MaybeCount(Some(n)) => n.to_string(),
            Field::Score(score) => format!("{score:.3}"),
        };
        visible(&text).into_owned()
    }

    /// The field as `text` shows it, with the byte ranges of that text its
    /// marks cover: styles over parts of the text, kept apart from it, for
    /// each printer to show its way. A field with no marks has none.
    pub fn spans(&self) -> (String, Vec<Range<usize>>) {
        let Field::Marked { text, marks } = self else {
            return (self.text(", "), Vec::new());
        };
        let mut shown = String::with_capacity(text.len());
        let mut ranges = Vec::with_capacity(marks.len());
        let mut at = 0;
        for mark in marks {
            shown.push_str(&visible(&text[at..mark.start]));
            let start = shown.len();
            shown.push_str(&visible(&text[mark.clone()]));
            ranges.push(start..shown.len());
            at = mark.end;
        }
        shown.push_str(&visible(&text[at..]));
        (shown, ranges)
    }

    /// The field as text, its marks between `open` and `close`, and each part
    /// of the text (never the marks) through `escape` for the format.
    pub fn marked(&self, open: &str, close: &str, escape: impl Fn(&str) -> String) -> String {
        let (text, marks) = self.spans();
        let mut out = String::with_capacity(text.len() + 8 * marks.len());
        let mut at = 0;
        for mark in marks {
            out.push_str(&escape(&text[at..mark.start]));
            out.push_str(open);
            out.push_str(&escape(&text[mark.clone()]));
            out.push_str(close);
            at = mark.end;
        }
        out.push_str(&escape(&text[at..]));
        out
    }

    /// The field as a table shows it.
    pub fn cell(&self) -> String {
        match self {
            Field::Tally(0) => ".".to_owned(),
            // A tab would throw the columns out of line.
            field => field.text(", ").replace('\t', " "),
        }
    }
}

impl Serialize for Field {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Field::Text(text) | Field::Marked { text, .. } => serializer.serialize_str(text),
            Field::Maybe(maybe) => maybe.serialize(serializer),
            Field::List(items) => items.serialize(serializer),
            Field::Count(n) | Field::Tally(n) => serializer.serialize_u64(*n as u64),
            Field::MaybeCount(n) => n.serialize(serializer),
            Field::Score(score) => serializer.serialize_f64((score * 1000.0).round() / 1000.0),
        }
    }
}

/// What a column holds, where a printer treats it apart from the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A record's id: one word that is copied whole, in its own colour.
    Id,
    /// A summary, which yields room to the quote.
    Title,
    /// The words quoted, what people came for.
    Quote,
    Other,
}

/// Where a table puts a column's values in their cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    /// Numbers, which line up by their last digit.
    Right,
}

/// A column of a listing: its name (its header, its JSON key, what
/// `--columns` picks it by), what it holds, and where it is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub name: String,
    pub role: Role,
    pub align: Align,
    /// Whether JSON objects have it as a key: some columns are for people only.
    pub key: bool,
    /// Whether TSV and CSV print it unless `--columns` says otherwise.
    pub plain: bool,
    /// Its place among the columns a table and markdown show unless
    /// `--columns` says otherwise, if it is one of them.
    pub brief: Option<usize>,
}

impl Column {
    /// A column of text, in every format, shown in a table unasked only if
    /// `brief` says where.
    pub fn text(name: &str) -> Self {
        Column {
            name: name.to_owned(),
            role: Role::Other,
            align: Align::Left,
            key: true,
            plain: true,
            brief: None,
        }
    }

    /// A column of numbers.
    pub fn number(name: &str) -> Self {
        Column {
            align: Align::Right,
            ..Column::text(name)
        }
    }

    #[must_use]
    pub fn role(self, role: Role) -> Self {
        Column { role, ..self }
    }

    /// Shown in a table unasked, at `place` among such columns.
    #[must_use]
    pub fn brief(self, place: usize) -> Self {
        Column {
            brief: Some(place),
            ..self
        }
    }

    /// Not a key of JSON objects.
    #[must_use]
    pub fn no_key(self) -> Self {
        Column { key: false, ..self }
    }

    /// Not printed by TSV and CSV unless asked for.
    #[must_use]
    pub fn not_plain(self) -> Self {
        Column {
            plain: false,
            ..self
        }
    }
}

/// What a listing command prints: rows of fields under named columns.
#[derive(Debug, Default)]
pub struct Listing {
    /// What the rows are, for "no aims match".
    pub noun: &'static str,
    /// Every column, in the order of the JSON keys.
    pub columns: Vec<Column>,
    /// A cross-table: one space between columns, and numbers for headers (with
    /// a legend) when the names do not fit.
    pub compact: bool,
    pub rows: Vec<Vec<Field>>,
    /// Said under a table or markdown (never in machine formats).
    pub notes: Vec<String>,
    /// The words a search matched, which a coloured table highlights.
    pub marks: Option<Terms>,
    /// Sections of the rows, for `--group-by` (None when not asked; no
    /// sections when no row was selected).
    pub groups: Option<Vec<Group>>,
}

/// A section of a grouped listing: a pillar, domain, clause or source (or
/// the aims under none), and its rows (indices into the listing's rows). A
/// row under several appears in each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The record's id, as scripts get it; None for the aims under none.
    pub key: Option<String>,
    /// What a heading calls it: the record's name ("Clause 2.7"), or "No pillar".
    pub name: String,
    pub rows: Vec<usize>,
}

impl Listing {
    /// These rows alone, under the same columns, without notes.
    #[must_use]
    pub fn only(&self, rows: &[usize]) -> Listing {
        Listing {
            noun: self.noun,
            columns: self.columns.clone(),
            compact: self.compact,
            rows: rows.iter().map(|&r| self.rows[r].clone()).collect(),
            notes: Vec::new(),
            marks: self.marks.clone(),
            groups: None,
        }
    }

    /// The grouped rows as one flat listing for scripts: a record per row
    /// in each group, in the groups' order, its group's id first (`group`).
    #[must_use]
    pub fn flattened(&self) -> Listing {
        let mut columns = vec![Column::text("group")];
        columns.extend(self.columns.iter().cloned());
        let rows = self
            .groups
            .iter()
            .flatten()
            .flat_map(|group| {
                group.rows.iter().map(|&r| {
                    let mut row = vec![Field::Maybe(group.key.clone())];
                    row.extend(self.rows[r].iter().cloned());
                    row
                })
            })
            .collect();
        Listing {
            noun: self.noun,
            columns,
            compact: self.compact,
            rows,
            notes: self.notes.clone(),
            marks: self.marks.clone(),
            groups: None,
        }
    }
}

/// The groups of `hits` (the rows of `aims`) by `facet`: a group per record
/// of the facet that any of them carries, in the facet's own order, then the
/// aims under none ("No pillar").
pub fn groups(content: &Content, hits: &[Hit], facet: Facet) -> Vec<Group> {
    let names = facet_names(content, facet);
    let ids = facet_ids(content, facet);
    let mut rows: Vec<Vec<usize>> = vec![Vec::new(); names.len()];
    let mut none = Vec::new();
    for (row, hit) in hits.iter().enumerate() {
        let tags = tags(&content.aims[hit.aim], facet);
        if tags.is_empty() {
            none.push(row);
        }
        for tag in tags {
            rows[tag.index()].push(row);
        }
    }
    let mut groups: Vec<Group> = names
        .into_iter()
        .zip(ids)
        .zip(rows)
        .filter(|(_, rows)| !rows.is_empty())
        .map(|((name, id), rows)| Group {
            key: Some(id.to_owned()),
            name,
            rows,
        })
        .collect();
    if !none.is_empty() {
        groups.push(Group {
            key: None,
            name: format!("No {}", facet.noun()),
            rows: none,
        });
    }
    groups
}

/// A kind of record aims are tagged with, for the rows and columns of
/// `matrix` and the sections of `--group-by`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Facet {
    Pillar,
    Domain,
    Clause,
    Source,
}

impl Facet {
    /// What one record of it is called.
    pub fn noun(self) -> &'static str {
        match self {
            Facet::Pillar => "pillar",
            Facet::Domain => "domain",
            Facet::Clause => "clause",
            Facet::Source => "source",
        }
    }
}

/// The columns of an aim, in the order of the JSON keys.
pub fn aim_columns() -> Vec<Column> {
    let mut columns = vec![
        Column::text("id").role(Role::Id).brief(0),
        Column::text("title").role(Role::Title).brief(2),
        Column::text("quote").role(Role::Quote).brief(3),
    ];
    columns.extend(
        ["source", "citation", "clause", "pillars", "domains"]
            .into_iter()
            .map(Column::text),
    );
    columns
}

/// How to cite an aim: its clause, by its place in its source's list (never
/// as the instrument's own numbering), or its source.
pub fn citation(content: &Content, aim: &Aim) -> String {
    let source = &content.sources[aim.source.index()];
    match aim.clause.as_ref().map(|c| &content.clauses[c.index()]) {
        Some(clause) => format!(
            "{}, Art. {}, {} item as listed in \"{}\"",
            clause.instrument,
            clause.article.value,
            ordinal(clause.item.value),
            source.title
        ),
        None => format!("\"{}\"", source.title),
    }
}

/// `1st`, `2nd`, `3rd`, `4th`, `11th`, `21st`.
pub fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// The rows of the aims a query selected (or `show` named). A search's rows
/// (`ranked`) carry their score; where any aim came through a narrower domain
/// than the one named, a `via` column says which.
pub fn aims(content: &Content, hits: &[Hit], ranked: bool) -> Listing {
    let narrower = hits.iter().any(|hit| !hit.via.is_empty());
    let rows = hits
        .iter()
        .map(|hit| {
            let aim = &content.aims[hit.aim];
            let mut row = vec![
                Field::Text(aim.id.to_string()),
                Field::Text(aim.title.to_string()),
                Field::Text(fold(&aim.quote).into_owned()),
                Field::Text(aim.source.id.to_string()),
                Field::Text(citation(content, aim)),
                Field::Maybe(aim.clause.as_ref().map(|c| c.id.to_string())),
                Field::List(aim.pillars.iter().map(|p| p.id.to_string()).collect()),
                Field::List(aim.domains.iter().map(|d| d.id.to_string()).collect()),
            ];
            if ranked {
                row.push(Field::Score(hit.score.unwrap_or_default()));
            }
            let via = hit.via.iter().map(|&d| content.domains[d].id.to_string());
            row.push(Field::List(via.collect()));
            row
        })
        .collect();
    let clauses: Vec<usize> = hits
        .iter()
        .filter_map(|hit| content.aims[hit.aim].clause.as_ref().map(Ref::index))
        .collect();
    // The keys of JSON are the spec's, with a search's score. `via` is a
    // column for people and scripts (`--columns id,via`), shown unasked, last
    // in TSV and CSV, where any row came through a narrower domain.
    let mut columns = aim_columns();
    if ranked {
        columns.push(Column::number("score").not_plain());
    }
    let via = Column::text("via").no_key();
    columns.push(if narrower {
        via.brief(1)
    } else {
        via.not_plain()
    });
    Listing {
        noun: "aims",
        columns,
        rows,
        notes: clause_notes(content, &clauses),
        ..Listing::default()
    }
}

/// The records of a facet an aim carries (indices into that facet's records).
fn tags<'c>(aim: &'c Aim<'c>, facet: Facet) -> &'c [Ref<'c>] {
    match facet {
        Facet::Pillar => &aim.pillars,
        Facet::Domain => &aim.domains,
        Facet::Clause => aim.clause.as_slice(),
        Facet::Source => std::slice::from_ref(&aim.source),
    }
}

/// What a person calls each of a facet's records: its name ("Clause 2.7").
pub fn facet_names(content: &Content, facet: Facet) -> Vec<String> {
    match facet {
        Facet::Pillar => content.pillars.iter().map(|p| p.name.to_string()).collect(),
        Facet::Domain => content.domains.iter().map(|d| d.name.to_string()).collect(),
        Facet::Clause => content
            .clauses
            .iter()
            .map(|c| format!("Clause {}", c.id))
            .collect(),
        Facet::Source => content
            .sources
            .iter()
            .map(|s| s.title.to_string())
            .collect(),
    }
}

/// The ids of a facet's records.
fn facet_ids<'c>(content: &'c Content<'_>, facet: Facet) -> Vec<&'c str> {
    match facet {
        Facet::Pillar => content.pillars.iter().map(|p| &*p.id).collect(),
        Facet::Domain => content.domains.iter().map(|d| &*d.id).collect(),
        Facet::Clause => content.clauses.iter().map(|c| &*c.id).collect(),
        Facet::Source => content.sources.iter().map(|s| &*s.id).collect(),
    }
}

/// How many aims carry each record of a facet.
fn counts(content: &Content, facet: Facet) -> Vec<usize> {
    let mut counts = vec![0; facet_ids(content, facet).len()];
    for aim in &content.aims {
        for tag in tags(aim, facet) {
            counts[tag.index()] += 1;
        }
    }
    counts
}

/// How many of the selected aims carry each pair of a row and a column record.
pub fn matrix(content: &Content, selected: &[Hit], rows: Facet, cols: Facet) -> Listing {
    let row_ids = facet_ids(content, rows);
    let col_ids = facet_ids(content, cols);
    let mut cells = vec![vec![0; col_ids.len()]; row_ids.len()];
    for hit in selected {
        let aim = &content.aims[hit.aim];
        for r in tags(aim, rows) {
            for c in tags(aim, cols) {
                cells[r.index()][c.index()] += 1;
            }
        }
    }
    // Every column shown, in order: the row's id, then a count for each
    // column record (whose id may be any, `id` too).
    let mut columns = vec![Column::text("id").role(Role::Id).brief(0)];
    columns.extend(
        (1..)
            .zip(&col_ids)
            .map(|(place, &id)| Column::number(id).brief(place)),
    );
    let clauses_shown = rows == Facet::Clause || cols == Facet::Clause;
    Listing {
        noun: "rows",
        columns,
        rows: row_ids
            .iter()
            .zip(cells)
            .map(|(id, counts)| {
                let mut row = vec![Field::Text((*id).to_owned())];
                row.extend(counts.into_iter().map(Field::Tally));
                row
            })
            .collect(),
        compact: true,
        notes: if clauses_shown {
            clause_notes(content, &(0..content.clauses.len()).collect::<Vec<_>>())
        } else {
            Vec::new()
        },
        ..Listing::default()
    }
}

pub fn pillars(content: &Content) -> Listing {
    let counts = counts(content, Facet::Pillar);
    Listing {
        noun: "pillars",
        columns: vec![
            Column::text("id").role(Role::Id).brief(0),
            Column::text("name").brief(1),
            Column::text("aliases").brief(2),
            Column::text("description").brief(4),
            Column::number("aims").brief(3),
        ],
        rows: content
            .pillars
            .iter()
            .zip(counts)
            .map(|(p, n)| {
                vec![
                    Field::Text(p.id.to_string()),
                    Field::Text(p.name.to_string()),
                    Field::List(p.aliases.iter().map(ToString::to_string).collect()),
                    Field::Text(p.description.to_string()),
                    Field::Count(n),
                ]
            })
            .collect(),
        ..Listing::default()
    }
}

/// The domains, with their relations, and how many aims `--domain` lists for
/// each (its own and its narrower domains').
pub fn domains(content: &Content) -> Listing {
    let ids = |domains: &mut dyn Iterator<Item = usize>| {
        Field::List(domains.map(|d| content.domains[d].id.to_string()).collect())
    };
    let counts = content.domain_counts(0..content.aims.len());
    Listing {
        noun: "domains",
        columns: vec![
            Column::text("id").role(Role::Id).brief(0),
            Column::text("name").brief(1),
            Column::text("aliases").brief(2),
            Column::text("description"),
            Column::text("broader"),
            Column::text("narrower"),
            Column::text("related"),
            Column::number("aims").brief(3),
            Column::text("see_also"),
            // The three lists and the see-also words in one column, for a
            // table that fits a terminal.
            Column::text("relations").no_key().not_plain().brief(4),
        ],
        rows: content
            .domains
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let relations = [
                    ("broader", ids(&mut d.broader.iter().map(Ref::index))),
                    ("narrower", ids(&mut content.narrower(i).iter().copied())),
                    ("related", ids(&mut content.related(i).iter().copied())),
                ];
                let see_also = Field::List(d.see_also.iter().map(ToString::to_string).collect());
                let said: Vec<String> = relations
                    .iter()
                    .chain([&("see also words", see_also.clone())])
                    .filter(|(_, list)| !list.text(", ").is_empty())
                    .map(|(name, list)| format!("{name}: {}", list.text(", ")))
                    .collect();
                let [broader, narrower, related] = relations.map(|(_, list)| list);
                vec![
                    Field::Text(d.id.to_string()),
                    Field::Text(d.name.to_string()),
                    Field::List(d.aliases.iter().map(ToString::to_string).collect()),
                    Field::Text(d.description.to_string()),
                    broader,
                    narrower,
                    related,
                    Field::Count(counts[i]),
                    see_also,
                    Field::Text(said.join("; ")),
                ]
            })
            .collect(),
        ..Listing::default()
    }
}

pub fn clauses_listing(content: &Content) -> Listing {
    let counts = counts(content, Facet::Clause);
    Listing {
        noun: "clauses",
        columns: vec![
            Column::text("id").role(Role::Id).brief(0),
            Column::text("text").brief(1),
            Column::text("instrument"),
            Column::number("article"),
            Column::number("item"),
            Column::text("source"),
            Column::number("official_item").brief(2),
            Column::text("verified_in"),
            Column::number("aims").brief(3),
        ],
        rows: content
            .clauses
            .iter()
            .zip(counts)
            .map(|(c, n)| {
                vec![
                    Field::Text(c.id.to_string()),
                    Field::Text(fold(&c.text).into_owned()),
                    Field::Text(c.instrument.to_string()),
                    Field::Count(c.article.value as usize),
                    Field::Count(c.item.value as usize),
                    Field::Text(c.source.id.to_string()),
                    Field::MaybeCount(c.official_item.as_ref().map(|i| i.value as usize)),
                    Field::Maybe(c.verified_in.as_ref().map(ToString::to_string)),
                    Field::Count(n),
                ]
            })
            .collect(),
        notes: clause_notes(content, &(0..content.clauses.len()).collect::<Vec<_>>()),
        ..Listing::default()
    }
}

/// The sources, with their standing and what a citation needs.
pub fn sources(content: &Content) -> Listing {
    let counts = counts(content, Facet::Source);
    let maybe =
        |text: &Option<crate::model::Text>| Field::Maybe(text.as_ref().map(ToString::to_string));
    Listing {
        noun: "sources",
        columns: vec![
            Column::text("id").role(Role::Id).brief(0),
            Column::text("title").role(Role::Title).brief(1),
            Column::text("standing").brief(3),
            Column::text("url"),
            Column::text("site"),
            Column::text("publisher"),
            Column::text("section"),
            Column::text("published"),
            Column::text("accessed"),
            Column::number("aims").brief(2),
        ],
        rows: content
            .sources
            .iter()
            .zip(counts)
            .map(|(s, n)| {
                vec![
                    Field::Text(s.id.to_string()),
                    Field::Text(s.title.to_string()),
                    Field::Text(fold(&s.standing).into_owned()),
                    maybe(&s.url),
                    maybe(&s.site),
                    maybe(&s.publisher),
                    maybe(&s.section),
                    maybe(&s.published),
                    maybe(&s.accessed),
                    Field::Count(n),
                ]
            })
            .collect(),
        ..Listing::default()
    }
}

/// Where clauses are shown, what their sources say of them (`clause_note`):
/// one note per source, and none from a source that says nothing.
fn clause_notes(content: &Content, clauses: &[usize]) -> Vec<String> {
    let mut notes: Vec<String> = Vec::new();
    for &c in clauses {
        let source = &content.sources[content.clauses[c].source.index()];
        if let Some(note) = &source.clause_note {
            let note = crate::check::quote::fold_whitespace(note).into_owned();
            if !notes.contains(&note) {
                notes.push(note);
            }
        }
    }
    notes
}

/// For `show --context`: a `context` column, the whole sentence (or
/// sentences) of the source around each quote, the quote marked in it. JSON,
/// TSV and CSV have it last.
pub fn add_context(content: &Content, listing: &mut Listing, hits: &[Hit]) {
    let sources: Vec<Normalized> = content
        .sources
        .iter()
        .map(|source| Normalized::new(&source.text))
        .collect();
    for (row, hit) in listing.rows.iter_mut().zip(hits) {
        let aim = &content.aims[hit.aim];
        // A checked content's quotes stand in their sources.
        let places = sources[aim.source.index()]
            .find(&aim.quote)
            .unwrap_or_default();
        let (text, marks) = sources[aim.source.index()].context(&places);
        // Before `via`, which is not a key, so that the keys come first.
        let at = row.len() - 1;
        row.insert(at, Field::Marked { text, marks });
    }
    let at = listing.columns.len() - 1;
    listing.columns.insert(at, Column::text("context"));
}

/// For `show`: where a clause's own place in its instrument is known, what it
/// is and where it was verified.
pub fn position_notes(content: &Content, hits: &[Hit]) -> Vec<String> {
    let mut notes = Vec::new();
    for hit in hits {
        let Some(reference) = &content.aims[hit.aim].clause else {
            continue;
        };
        let clause = &content.clauses[reference.index()];
        if let (Some(item), Some(verified)) = (&clause.official_item, &clause.verified_in) {
            let note = format!(
                "clause {} is the {} item in the {}'s own list (verified in {verified})",
                clause.id,
                ordinal(item.value),
                clause.instrument
            );
            if !notes.contains(&note) {
                notes.push(note);
            }
        }
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::{Field, ordinal};

    #[test]
    #[allow(clippy::single_range_in_vec_init, reason = "one mark")]
    fn marks_are_ranges_of_the_text_as_shown() {
        // An escape shown as `\u{1b}` is longer than the byte it stands for:
        // the marks move with the text they cover.
        let field = Field::Marked {
            text: "a\u{1b}b quote c".to_owned(),
            marks: vec![4..9],
        };
        let (text, marks) = field.spans();
        assert_eq!(text, "a\\u{1b}b quote c");
        assert_eq!(marks, [9..14]);
        assert_eq!(&text[marks[0].clone()], "quote");
        assert_eq!(
            field.marked("**", "**", str::to_owned),
            "a\\u{1b}b **quote** c"
        );
        let plain = Field::List(vec!["x".to_owned(), "y".to_owned()]);
        assert_eq!(plain.spans(), ("x, y".to_owned(), Vec::new()));
    }

    #[test]
    fn ordinals_take_their_english_suffixes() {
        let written: Vec<String> = [1, 2, 3, 4, 9, 10, 11, 12, 13, 14, 21, 22, 23, 101, 111, 112]
            .into_iter()
            .map(ordinal)
            .collect();
        assert_eq!(
            written,
            [
                "1st", "2nd", "3rd", "4th", "9th", "10th", "11th", "12th", "13th", "14th", "21st",
                "22nd", "23rd", "101st", "111th", "112th"
            ]
        );
    }
}
