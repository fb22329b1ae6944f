//! Validation of a parsed content: every rule of fidelity and consistency, every
//! problem with its place in the file.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::ops::Range;

use crate::content::{RawAim, RawClause, RawContent, Text};
use crate::suggest::{closest, hints, pairs, shown};

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

    #[must_use]
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
        self
    }

    /// A problem from the TOML parser or from serde, with a suggestion for a
    /// misspelt field.
    pub fn from_toml(err: &toml::de::Error, text: &str) -> Self {
        let mut message = err.message().trim_end().to_owned();
        // The parser says only "duplicate key": name it.
        if let Some(key) = err.span().and_then(|span| text.get(span))
            && message == "duplicate key"
            && !key.is_empty()
        {
            message = format!("duplicate key `{key}`");
        }
        let mut span = err.span();
        let mut hints = Vec::new();
        // The reader stops at 80 levels of nesting (arrays, inline tables,
        // dotted keys); say so, and find the key it gives no place for.
        if message == "recursion limit" || message.starts_with("cannot recurse further") {
            message = format!(
                "nested deeper than {NESTING_LIMIT} levels, the most a content file may be"
            );
            span = span.or_else(|| deepest_key(text).map(|at| at..at));
            hints
                .push("content records are flat tables: [[aim]] then key = value lines".to_owned());
        }
        let mut problem = Problem {
            span,
            message,
            hints,
        };
        if let Some(suggestion) = misspelt_field(&problem.message) {
            problem = problem.hint(format!("did you mean `{suggestion}`?"));
        }
        problem
    }

    /// Says which kind of record the problem is in (serde's messages do not).
    /// `record` is the kind, then the id if known: "aim `peace`".
    #[must_use]
    pub fn in_record(mut self, record: &str) -> Self {
        let (kind, id) = record.split_once(' ').unwrap_or((record, ""));
        let id = if id.is_empty() {
            String::new()
        } else {
            format!(" {id}")
        };
        self.message = format!("in [[{kind}]]{id}: {}", self.message);
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
        let mut out = format!("aims: error: {place}: {}\n", self.message);
        for hint in &self.hints {
            out.push_str("  hint: ");
            out.push_str(hint);
            out.push('\n');
        }
        out
    }
}

/// How deep TOML may nest in a content file: the `toml` crate's own limit.
pub const NESTING_LIMIT: usize = 80;

/// Where the line with the longest dotted key starts (dots outside quotes
/// counted), if any key is long enough to pass the nesting limit.
fn deepest_key(text: &str) -> Option<usize> {
    let mut start = 0;
    let mut deepest = None;
    for line in text.split_inclusive('\n') {
        let mut quote = None;
        let mut dots = 0;
        for c in line.chars() {
            match (quote, c) {
                (None, '"' | '\'') => quote = Some(c),
                (Some(q), c) if c == q => quote = None,
                (None, '.') => dots += 1,
                (None, '=' | '#') => break,
                _ => {}
            }
        }
        if dots + 1 >= NESTING_LIMIT && deepest.is_none_or(|(most, _)| dots > most) {
            deepest = Some((dots, start));
        }
        start += line.len();
    }
    deepest.map(|(_, at)| at)
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

/// serde says "unknown field `qoute`, expected one of `id`, `quote`, ...":
/// find the field most like the misspelt one.
fn misspelt_field(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let (field, expected) = rest.split_once('`')?;
    let expected: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    closest(field, expected).map(str::to_owned)
}

/// Checks every rule of the content format on `raw`, parsed from `text`, and
/// returns every problem found, in the order of the file.
pub fn check(raw: &RawContent, text: &str) -> Vec<Problem> {
    let mut problems = Vec::new();

    let sources = Kind::new(
        "source",
        raw.sources
            .iter()
            .map(|s| [(&s.id, "id"), (&s.title, "title")]),
        text,
        &mut problems,
    )
    .marked(raw);
    let pillars = Kind::new(
        "pillar",
        raw.pillars
            .iter()
            .map(|p| [(&p.id, "id"), (&p.name, "name")]),
        text,
        &mut problems,
    )
    .marked(raw);
    let domains = Kind::new(
        "domain",
        raw.domains.iter().map(|d| {
            [(&d.id, "id"), (&d.name, "name")]
                .into_iter()
                .chain(d.aliases.iter().map(|alias| (alias, "alias")))
        }),
        text,
        &mut problems,
    )
    .marked(raw);
    let clauses = Kind::new(
        "clause",
        raw.clauses.iter().map(|c| [(&c.id, "id")]),
        text,
        &mut problems,
    )
    .marked(raw);
    // Nothing refers to aims by id; indexing them finds duplicate and malformed ids.
    Kind::new(
        "aim",
        raw.aims.iter().map(|a| [(&a.id, "id")]),
        text,
        &mut problems,
    );

    for source in &raw.sources {
        not_empty(&source.text, "source", &source.id, "text", &mut problems);
    }
    let source_texts: Vec<Normalized> = raw
        .sources
        .iter()
        .map(|s| Normalized::new(s.text.get_ref()))
        .collect();

    let clause_places = check_clauses(raw, &sources, &source_texts, &mut problems);

    let mut cited = HashSet::default();
    let kinds = Kinds {
        raw,
        pillar_terms: Terms::pillars(raw),
        domain_terms: Terms::domains(raw),
        sources: &sources,
        pillars: &pillars,
        domains: &domains,
        clauses: &clauses,
        clause_places: &clause_places,
    };
    let mut cache = QuoteCache::default();
    for aim in &raw.aims {
        check_aim(
            aim,
            &kinds,
            &source_texts,
            &mut cache,
            &mut cited,
            &mut problems,
        );
    }

    check_coverage(raw, &clause_places, &cited, &mut problems);
    problems
}

/// Every clause is an aim, and a content has aims at all. Skipped where some
/// aim could not be read: it may be the one that quotes the clause.
fn check_coverage(
    raw: &RawContent,
    clause_places: &[Option<Range<usize>>],
    cited: &HashSet<usize>,
    problems: &mut Vec<Problem>,
) {
    if raw.unread.iter().any(|(kind, _)| *kind == "aim") {
        return;
    }
    for (index, clause) in raw.clauses.iter().enumerate() {
        if clause_places[index].is_some() && !cited.contains(&index) {
            problems.push(
                Problem::new(
                    clause.id.span(),
                    format!("clause `{}` is quoted by no aim", clause.id.get_ref()),
                )
                .hint(format!(
                    "every clause is an aim: add an [[aim]] with clause = \"{}\"",
                    clause.id.get_ref()
                )),
            );
        }
    }

    if raw.aims.is_empty() {
        problems.push(Problem {
            span: None,
            message: "the content has no [[aim]] records".to_owned(),
            hints: vec!["a content file holds [[source]], [[pillar]], [[domain]], [[clause]] and [[aim]] records; see README.md".to_owned()],
        });
    }
}

/// The records of one kind, by id, for resolving references.
struct Kind<'a> {
    name: &'static str,
    ids: Vec<&'a str>,
    /// Each id's record (the first, where ids repeat).
    index_of: HashMap<&'a str, usize>,
    /// The ids of the records of this kind that could not be read (None: one
    /// without an id). A reference to one of them is not a problem of its own.
    unread: Vec<Option<&'a str>>,
}

impl<'a> Kind<'a> {
    /// Indexes the records of a kind, each given as its keys (id first, then name,
    /// title or aliases). Reports malformed ids and keys that two records share:
    /// users type these keys, so each must name one record.
    fn new<K>(
        name: &'static str,
        records: impl ExactSizeIterator<Item = K>,
        text: &str,
        problems: &mut Vec<Problem>,
    ) -> Self
    where
        K: IntoIterator<Item = (&'a Text<'a>, &'static str)>,
    {
        let count = records.len();
        let mut owners: HashMap<Cow<str>, (usize, &'static str, usize, &str)> =
            HashMap::with_capacity_and_hasher(count, rustc_hash::FxBuildHasher);
        let mut ids = Vec::with_capacity(count);
        let mut index_of = HashMap::with_capacity_and_hasher(count, rustc_hash::FxBuildHasher);
        for (index, keys) in records.enumerate() {
            let mut keys = keys.into_iter();
            let Some(first) = keys.next() else { continue };
            let id = first.0;
            ids.push(id.get_ref().as_ref());
            index_of.entry(id.get_ref().as_ref()).or_insert(index);
            for (key, role) in std::iter::once(first).chain(keys) {
                let value = key.get_ref();
                if value.trim().is_empty() {
                    problems.push(Problem::new(key.span(), format!("{name} {role} is empty")));
                    continue;
                }
                let typed = role == "id" || role == "alias";
                if let Some(bad) = value
                    .chars()
                    .find(|c| typed && (c.is_whitespace() || c.is_control() || *c == ','))
                {
                    problems.push(
                        Problem::new(key.span(), format!("{name} {role} `{value}` holds {bad:?}"))
                            .hint("ids and aliases are typed on the command line, where commas separate values: use letters, digits, `-` or `.`"),
                    );
                }
                // Most ids are lower case already: no copy for them.
                let folded = if value.chars().any(char::is_uppercase) {
                    Cow::Owned(value.to_lowercase())
                } else {
                    Cow::Borrowed(value.as_ref())
                };
                match owners.get(&folded) {
                    Some(&(owner, _, _, _)) if owner == index => {}
                    Some(&(owner, owner_role, start, first)) => {
                        let (line, _) = locate(text, start);
                        let message = if role == "id" && owner_role == "id" && first == value {
                            format!("duplicate {name} id `{value}`")
                        } else if role == "id" && owner_role == "id" {
                            format!(
                                "{name} id `{value}` differs from {name} id `{first}` only in case, and ids are matched ignoring case"
                            )
                        } else {
                            format!(
                                "{name} {role} `{value}` of `{}` is already the {owner_role} of {name} `{}`",
                                id.get_ref(),
                                ids[owner]
                            )
                        };
                        problems.push(
                            Problem::new(key.span(), message)
                                .hint(format!("first defined at line {line}")),
                        );
                    }
                    None => {
                        owners.insert(folded, (index, role, key.span().start, value));
                    }
                }
            }
        }
        Kind {
            name,
            ids,
            index_of,
            unread: Vec::new(),
        }
    }

    fn marked(mut self, raw: &'a RawContent<'a>) -> Self {
        self.unread = raw
            .unread
            .iter()
            .filter(|(kind, _)| *kind == self.name)
            .map(|(_, id)| id.as_deref())
            .collect();
        self
    }

    /// The index of the record `reference` names; if none, a problem with the
    /// closest id (none when it may name a record that could not be read).
    fn resolve(&self, reference: &Text<'_>, owner: &str) -> Result<usize, Option<Problem>> {
        let value = reference.get_ref();
        self.index_of.get(value.as_ref()).copied().ok_or_else(|| {
            let maybe_unread = self.unread.iter().any(|id| id.is_none_or(|id| id == value));
            (!maybe_unread).then(|| {
                unknown(
                    reference.span(),
                    &format!("{owner} names unknown {} `{}`", self.name, shown(value)),
                    value,
                    &self.ids,
                    &format!("{}s", self.name),
                )
            })
        })
    }
}

struct Kinds<'a> {
    raw: &'a RawContent<'a>,
    pillar_terms: Terms,
    domain_terms: Terms,
    /// Where each clause's text stands in its source's folded text.
    clause_places: &'a [Option<Range<usize>>],
    sources: &'a Kind<'a>,
    pillars: &'a Kind<'a>,
    domains: &'a Kind<'a>,
    clauses: &'a Kind<'a>,
}

fn not_empty(
    value: &Text<'_>,
    kind: &str,
    id: &Text<'_>,
    field: &str,
    problems: &mut Vec<Problem>,
) {
    if value.get_ref().trim().is_empty() {
        problems.push(Problem::new(
            value.span(),
            format!("{kind} `{}` has an empty {field}", id.get_ref()),
        ));
    }
}

/// Checks each clause: its id, its verbatim text, and its place among the items
/// of its article. Returns where each clause's text stands in its source (in
/// its folded text), if found.
fn check_clauses(
    raw: &RawContent,
    sources: &Kind,
    source_texts: &[Normalized],
    problems: &mut Vec<Problem>,
) -> Vec<Option<Range<usize>>> {
    let mut places = Vec::with_capacity(raw.clauses.len());
    for clause in &raw.clauses {
        let (id, article, item) = (
            clause.id.get_ref(),
            clause.article.get_ref(),
            clause.item.get_ref(),
        );
        if *id != format!("{article}.{item}") {
            problems.push(
                Problem::new(
                    clause.id.span(),
                    format!(
                        "clause id `{id}` does not match its article {article} and item {item}"
                    ),
                )
                .hint(format!("write id = \"{article}.{item}\"")),
            );
        }
        not_empty(&clause.text, "clause", &clause.id, "text", problems);
        let owner = format!("clause `{id}`");
        let place = match sources.resolve(&clause.source, &owner) {
            Ok(source) => match source_texts[source].find(clause.text.get_ref()) {
                Ok(found) => match (found.first(), found.last()) {
                    (Some(first), Some(last)) => Some(first.start..last.end),
                    _ => None,
                },
                Err(mismatch) => {
                    problems.push(mismatch.problem(
                        clause.text.span(),
                        &format!("the text of {owner}"),
                        &format!("source `{}`", clause.source.get_ref()),
                    ));
                    None
                }
            },
            Err(problem) => {
                problems.extend(problem);
                None
            }
        };
        places.push(place);
    }
    check_clause_order(&raw.clauses, &places, problems);
    places
}

/// The items of one article must stand in their source in the order of their
/// numbers: each is compared with the one numbered before it.
fn check_clause_order(
    clauses: &[RawClause],
    places: &[Option<Range<usize>>],
    problems: &mut Vec<Problem>,
) {
    let mut articles: HashMap<(&str, u32, &str), Vec<usize>> = HashMap::default();
    for (index, clause) in clauses.iter().enumerate() {
        let article = (
            clause.instrument.as_ref(),
            *clause.article.get_ref(),
            clause.source.get_ref().as_ref(),
        );
        articles.entry(article).or_default().push(index);
    }
    for mut items in articles.into_values() {
        items.sort_by_key(|&i| *clauses[i].item.get_ref());
        for pair in items.windows(2) {
            let (first, second) = (&clauses[pair[0]], &clauses[pair[1]]);
            if let (Some(first_place), Some(second_place)) = (&places[pair[0]], &places[pair[1]])
                && second_place.start < first_place.start
            {
                problems.push(
                    Problem::new(
                        second.item.span(),
                        format!(
                            "clause `{}` stands before clause `{}` in source `{}`, but its item number is higher",
                            second.id.get_ref(),
                            first.id.get_ref(),
                            second.source.get_ref()
                        ),
                    )
                    .hint("number the items of an article in the order the source gives them"),
                );
            }
        }
    }
}

/// What checking one quote found, kept for the next aim with the same quote:
/// large contents repeat quotes, and folding and searching is most of the work.
/// Where each excerpt of a quote stands in its source's folded text.
type Found = Result<Vec<Range<usize>>, Mismatch>;

#[derive(Default)]
struct QuoteCache<'a> {
    in_source: HashMap<(usize, &'a str), Found>,
    in_clause: HashMap<(usize, &'a str), Result<(), Mismatch>>,
    words: HashMap<&'a str, Words>,
}

impl<'a> QuoteCache<'a> {
    fn find(&mut self, source: usize, quote: &'a str, texts: &[Normalized]) -> &Found {
        self.in_source
            .entry((source, quote))
            .or_insert_with(|| texts[source].find(quote))
    }

    fn find_in_clause(
        &mut self,
        clause: usize,
        quote: &'a str,
        raw: &RawContent,
    ) -> &Result<(), Mismatch> {
        self.in_clause.entry((clause, quote)).or_insert_with(|| {
            Normalized::new(raw.clauses[clause].text.get_ref())
                .find(quote)
                .map(|_| ())
        })
    }

    fn words(&mut self, quote: &'a str) -> &Words {
        self.words.entry(quote).or_insert_with(|| Words::new(quote))
    }
}

fn check_aim<'a>(
    aim: &'a RawAim,
    kinds: &Kinds,
    source_texts: &[Normalized],
    cache: &mut QuoteCache<'a>,
    cited: &mut HashSet<usize>,
    problems: &mut Vec<Problem>,
) {
    let owner = format!("aim `{}`", aim.id.get_ref());
    not_empty(&aim.title, "aim", &aim.id, "title", problems);
    let quote = aim.quote.get_ref();
    if quote.trim().is_empty() {
        not_empty(&aim.quote, "aim", &aim.id, "quote", problems);
    } else if let Some(excerpt) = wordless_excerpt(quote) {
        problems.push(
            Problem::new(
                aim.quote.span(),
                format!("the quote of {owner} has an excerpt with no words: \"{excerpt}\""),
            )
            .hint("a quote is words of its source; `...` joins excerpts of words"),
        );
    } else {
        match kinds.sources.resolve(&aim.source, &owner) {
            Ok(source) => match cache.find(source, quote, source_texts) {
                Ok(found) if aim.clause.is_none() => {
                    uncited_clause(aim, &owner, source, found, kinds, problems);
                }
                Ok(_) => {}
                Err(mismatch) => problems.push(mismatch.problem(
                    aim.quote.span(),
                    &format!("the quote of {owner}"),
                    &format!("source `{}`", aim.source.get_ref()),
                )),
            },
            Err(problem) => problems.extend(problem),
        }
    }

    if let Some(reference) = &aim.clause {
        match kinds.clauses.resolve(reference, &owner) {
            Ok(index) => {
                cited.insert(index);
                let clause = &kinds.raw.clauses[index];
                if clause.source.get_ref() != aim.source.get_ref() {
                    problems.push(Problem::new(
                        aim.source.span(),
                        format!(
                            "{owner} quotes source `{}`, but its clause `{}` is quoted from source `{}`",
                            aim.source.get_ref(),
                            clause.id.get_ref(),
                            clause.source.get_ref()
                        ),
                    ));
                } else if let Err(mismatch) = cache.find_in_clause(index, quote, kinds.raw) {
                    problems.push(mismatch.problem(
                        aim.quote.span(),
                        &format!("the quote of {owner}"),
                        &format!("the text of its clause `{}`", clause.id.get_ref()),
                    ));
                }
            }
            Err(problem) => problems.extend(problem),
        }
    }

    if aim.pillars.is_empty() && aim.domains.is_empty() {
        return;
    }
    let words = cache.words(quote);
    for reference in &aim.pillars {
        check_tag(
            &owner,
            reference,
            kinds.pillars,
            &kinds.pillar_terms,
            words,
            problems,
        );
    }
    for reference in &aim.domains {
        check_tag(
            &owner,
            reference,
            kinds.domains,
            &kinds.domain_terms,
            words,
            problems,
        );
    }
    for (kind, list) in [("pillar", &aim.pillars), ("domain", &aim.domains)] {
        for (i, reference) in list.iter().enumerate() {
            if list[..i]
                .iter()
                .any(|earlier| earlier.get_ref() == reference.get_ref())
            {
                problems.push(Problem::new(
                    reference.span(),
                    format!("{owner} lists {kind} `{}` twice", reference.get_ref()),
                ));
            }
        }
    }
}

/// An aim that quotes only a clause's text cites that clause, so its citation
/// names the article and item.
fn uncited_clause(
    aim: &RawAim,
    owner: &str,
    source: usize,
    found: &[Range<usize>],
    kinds: &Kinds,
    problems: &mut Vec<Problem>,
) {
    let (Some(first), Some(last)) = (found.first(), found.last()) else {
        return;
    };
    let quoted = first.start..last.end;
    let clause = kinds
        .raw
        .clauses
        .iter()
        .zip(kinds.clause_places)
        .find(|(clause, place)| {
            kinds.sources.ids.get(source) == Some(&clause.source.get_ref().as_ref())
                && place
                    .as_ref()
                    .is_some_and(|place| place.start <= quoted.start && quoted.end <= place.end)
        });
    if let Some((clause, _)) = clause {
        problems.push(
            Problem::new(
                aim.quote.span(),
                format!(
                    "{owner} quotes the text of clause `{}` but does not cite it",
                    clause.id.get_ref()
                ),
            )
            .hint(format!("add clause = \"{}\"", clause.id.get_ref())),
        );
    }
}

/// The first `...`-separated excerpt of `quote` that holds no letter or digit
/// (a quote of only punctuation says nothing), or the whole quote if it has
/// no excerpt at all.
fn wordless_excerpt(quote: &str) -> Option<String> {
    let mut excerpts = excerpts(quote)
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .peekable();
    if excerpts.peek().is_none() {
        return Some(quote.trim().to_owned());
    }
    excerpts
        .find(|excerpt| !excerpt.chars().any(char::is_alphanumeric))
        .map(str::to_owned)
}

/// The words that justify each record of a tagging kind (its id, name and
/// aliases), as written and folded for matching.
struct Terms {
    written: Vec<Vec<String>>,
    folded: Vec<Vec<String>>,
}

impl Terms {
    fn pillars(raw: &RawContent) -> Self {
        Terms::new(
            raw.pillars
                .iter()
                .map(|p| vec![p.id.get_ref().to_string(), p.name.get_ref().to_string()])
                .collect(),
        )
    }

    fn domains(raw: &RawContent) -> Self {
        Terms::new(
            raw.domains
                .iter()
                .map(|d| {
                    let mut terms = vec![d.id.get_ref().to_string(), d.name.get_ref().to_string()];
                    terms.extend(d.aliases.iter().map(|a| a.get_ref().to_string()));
                    terms
                })
                .collect(),
        )
    }

    fn new(written: Vec<Vec<String>>) -> Self {
        let folded = written
            .iter()
            .map(|terms| terms.iter().map(|t| Words::fold(t)).collect())
            .collect();
        Terms { written, folded }
    }
}

/// A tag (pillar or domain) must resolve, and its quote must name it: by its
/// id, name or one of its aliases.
fn check_tag(
    owner: &str,
    reference: &Text<'_>,
    kind: &Kind,
    terms: &Terms,
    words: &Words,
    problems: &mut Vec<Problem>,
) {
    let index = match kind.resolve(reference, owner) {
        Ok(index) => index,
        Err(problem) => return problems.extend(problem),
    };
    if !terms.folded[index]
        .iter()
        .any(|term| words.contains_folded(term))
    {
        let terms: Vec<String> = terms.written[index]
            .iter()
            .map(|t| format!("`{t}`"))
            .collect();
        problems.push(
            Problem::new(
                reference.span(),
                format!(
                    "{owner} is tagged with {} `{}`, but its quote does not say so",
                    kind.name,
                    reference.get_ref()
                ),
            )
            .hint(format!(
                "a tag must be justified by the words of the aim's own quote: one of {}",
                terms.join(", ")
            )),
        );
    }
}

/// A text with each run of white space folded to one space, for verbatim matching.
struct Normalized {
    text: String,
}

/// Where a quote parts from its source.
#[derive(Debug, PartialEq, Eq)]
struct Mismatch {
    /// The part of the quote that does stand in the source (its end, at most).
    matched: String,
    /// What the quote says next.
    quote_next: String,
    /// What the source says next, where the matched part stands (None: nowhere).
    source_next: Option<String>,
}

impl Mismatch {
    fn problem(&self, span: Range<usize>, what: &str, whose: &str) -> Problem {
        let problem = Problem::new(span, format!("{what} is not verbatim in {whose}"));
        let problem = if self.matched.is_empty() {
            problem.hint(format!(
                "its words \"{}\" are not in {whose}",
                self.quote_next
            ))
        } else {
            match &self.source_next {
                Some(next) => problem.hint(format!(
                    "after \"{}\" the quote has \"{}\", the text has \"{}\"",
                    self.matched, self.quote_next, next
                )),
                None => problem.hint(format!(
                    "after \"{}\" the quote has \"{}\", where the text ends",
                    self.matched, self.quote_next
                )),
            }
        };
        problem.hint("letters, case and punctuation must be as in the source; `...` joins excerpts in their order")
    }
}

/// How much of each side a mismatch shows.
const SHOW_CHARS: usize = 24;

/// Where `needle` stands in `haystack`. A source is a few pages, searched a few
/// times, so finding its first byte and comparing beats building a searcher.
fn occurrences<'h>(haystack: &'h [u8], needle: &'h [u8]) -> impl Iterator<Item = usize> + 'h {
    let first = needle.first().copied().unwrap_or(0);
    memchr::memchr_iter(first, haystack)
        .filter(move |&at| haystack[at..].starts_with(needle) && !needle.is_empty())
}

/// Each run of white space folded to one space, and none at either end;
/// borrowed when the text is folded already, as most quotes are.
pub fn fold_whitespace(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    // Loops without early exits, which the compiler makes vector instructions:
    // any white space but a single space, or any non-ASCII byte to look at.
    #[expect(
        clippy::needless_bitwise_bool,
        reason = "branch-free, so it vectorizes"
    )]
    let unusual = bytes.iter().fold(false, |found, &b| {
        found | (b'\t'..=b'\r').contains(&b) | (b >= 0x80)
    });
    #[expect(
        clippy::needless_bitwise_bool,
        reason = "branch-free, so it vectorizes"
    )]
    let doubled = bytes
        .windows(2)
        .fold(false, |found, pair| found | (pair == b"  "));
    let ends = bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ');
    if !unusual && !doubled && !ends {
        return Cow::Borrowed(text);
    }
    if unusual && !doubled && !ends && !text.chars().any(|c| c.is_whitespace() && c != ' ') {
        return Cow::Borrowed(text);
    }
    let mut folded = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !folded.is_empty() {
            folded.push(' ');
        }
        folded.push_str(word);
    }
    Cow::Owned(folded)
}

/// The `...`-separated excerpts of a quote (some may be empty).
fn excerpts(quote: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(quote);
    std::iter::from_fn(move || {
        let text = rest?;
        let bytes = text.as_bytes();
        let mut from = 0;
        while let Some(dot) = memchr::memchr(b'.', &bytes[from..]) {
            let at = from + dot;
            if bytes[at..].starts_with(b"...") {
                rest = Some(&text[at + 3..]);
                return Some(&text[..at]);
            }
            from = at + 1;
        }
        rest = None;
        Some(text)
    })
}

fn tail(text: &str, chars: usize) -> String {
    let count = text.chars().count();
    let kept: String = text.chars().skip(count.saturating_sub(chars)).collect();
    if count > chars {
        format!("...{kept}")
    } else {
        kept
    }
}

fn head(text: &str, chars: usize) -> String {
    let kept: String = text.chars().take(chars).collect();
    if text.chars().count() > chars {
        format!("{kept}...")
    } else {
        kept
    }
}

impl Normalized {
    fn new(text: &str) -> Self {
        Normalized {
            text: fold_whitespace(text).into_owned(),
        }
    }

    /// Finds each `...`-separated excerpt of `quote`, in order, each starting and
    /// ending on a word boundary. Returns their places in the folded text.
    fn find(&self, quote: &str) -> Result<Vec<Range<usize>>, Mismatch> {
        let mut cursor = 0;
        let mut found = Vec::new();
        for excerpt in excerpts(quote) {
            let excerpt = fold_whitespace(excerpt);
            if excerpt.is_empty() {
                continue;
            }
            match self.find_excerpt(&excerpt, cursor) {
                Some(start) => {
                    cursor = start + excerpt.len();
                    found.push(start..cursor);
                }
                None => return Err(self.mismatch(&excerpt, cursor)),
            }
        }
        Ok(found)
    }

    fn find_excerpt(&self, excerpt: &str, from: usize) -> Option<usize> {
        let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let first = excerpt.chars().next();
        let last = excerpt.chars().next_back();
        occurrences(&self.text.as_bytes()[from..], excerpt.as_bytes())
            .map(|start| from + start)
            .find(|&start| {
                let before = self.text[..start].chars().next_back();
                let after = self.text[start + excerpt.len()..].chars().next();
                let cuts_a_word = word(before) && word(first) || word(after) && word(last);
                !cuts_a_word
            })
    }

    /// Finds the longest start of `excerpt` that stands in the text after `from`,
    /// to show where the quote parts from it.
    fn mismatch(&self, excerpt: &str, from: usize) -> Mismatch {
        // A start longer than the text cannot stand in it: look no further.
        let mut longest = excerpt.len().min(self.text.len() - from + 1);
        while !excerpt.is_char_boundary(longest) {
            longest += 1;
        }
        let excerpt = &excerpt[..longest];
        let boundaries: Vec<usize> = excerpt
            .char_indices()
            .map(|(i, _)| i)
            .chain([excerpt.len()])
            .collect();
        let occurs = |len: usize| self.text[from..].find(&excerpt[..len]);
        // A start of the excerpt that occurs makes every shorter start occur too.
        let (mut low, mut high) = (0, boundaries.len() - 1);
        while low < high {
            let mid = (low + high).div_ceil(2);
            if occurs(boundaries[mid]).is_some() {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        let longest = boundaries[low];
        let at = occurs(longest);
        // Part at the start of the word the quote and source differ in, so the
        // hint shows whole words: "peace and" then "security" against "stability".
        let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let mid_word =
            word(excerpt[..longest].chars().next_back()) && word(excerpt[longest..].chars().next());
        let len = if mid_word {
            excerpt[..longest]
                .rfind(|c: char| !c.is_alphanumeric())
                .map_or(0, |i| {
                    i + excerpt[i..].chars().next().map_or(1, char::len_utf8)
                })
        } else {
            longest
        };
        let matched = excerpt[..len].trim_end();
        let source_next = at.and_then(|at| {
            let rest = &self.text[from + at + matched.len()..];
            (!rest.trim().is_empty()).then(|| head(rest.trim_start(), SHOW_CHARS))
        });
        Mismatch {
            matched: tail(matched, SHOW_CHARS),
            quote_next: head(excerpt[matched.len()..].trim_start(), SHOW_CHARS),
            source_next: if matched.is_empty() {
                None
            } else {
                source_next
            },
        }
    }
}

/// The words of a text, lower-cased, for checking that a tag is justified.
struct Words {
    padded: String,
}

impl Words {
    fn new(text: &str) -> Self {
        Words {
            padded: format!(" {} ", Self::fold(text)),
        }
    }

    fn fold(text: &str) -> String {
        if text.is_ascii() {
            // Most text: bytes, without decoding characters.
            let mut bytes = Vec::with_capacity(text.len());
            let mut gap = false;
            for &byte in text.as_bytes() {
                if !byte.is_ascii_alphanumeric() {
                    gap = true;
                    continue;
                }
                if gap && !bytes.is_empty() {
                    bytes.push(b' ');
                }
                gap = false;
                bytes.push(byte.to_ascii_lowercase());
            }
            return String::from_utf8(bytes).expect("ASCII is UTF-8");
        }
        let mut folded = String::with_capacity(text.len());
        let mut gap = false;
        for c in text.chars() {
            if !c.is_alphanumeric() {
                gap = true;
                continue;
            }
            if gap && !folded.is_empty() {
                folded.push(' ');
            }
            gap = false;
            folded.extend(c.to_lowercase());
        }
        folded
    }

    /// Whether `term` stands in the text as whole words (`good-neighbor` matches
    /// "good neighbor"; `transport` does not match "transportation").
    #[cfg(test)]
    fn contains(&self, term: &str) -> bool {
        self.contains_folded(&Self::fold(term))
    }

    /// As `contains`, for a term already folded.
    fn contains_folded(&self, term: &str) -> bool {
        if term.is_empty() {
            return false;
        }
        occurrences(self.padded.as_bytes(), term.as_bytes()).any(|at| {
            self.padded.as_bytes()[at - 1] == b' '
                && self.padded.as_bytes().get(at + term.len()) == Some(&b' ')
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "The Assembly aims  at\n peace; fostering trade and investment; and more.";

    #[test]
    fn finds_quotes_verbatim_with_folded_whitespace_and_ellipses() {
        let text = Normalized::new(SOURCE);
        for quote in [
            "The Assembly aims at peace",
            "The Assembly aims\tat peace;",
            "The Assembly ... trade and investment",
            "...fostering trade",
            "and more.",
        ] {
            assert!(text.find(quote).is_ok(), "{quote:?} should be found");
        }
    }

    #[test]
    fn rejects_quotes_that_differ_cut_words_or_change_order() {
        let text = Normalized::new(SOURCE);
        for quote in [
            "the Assembly aims",
            "The Assembly aims at peace.",
            "ssembly aims",
            "fostering trad",
            "trade and investment ... The Assembly",
            "war",
        ] {
            assert!(text.find(quote).is_err(), "{quote:?} should be rejected");
        }
    }

    #[test]
    fn a_mismatch_shows_where_the_quote_parts_from_the_source() {
        let text = Normalized::new(SOURCE);
        assert_eq!(
            text.find("fostering trade and investments").unwrap_err(),
            Mismatch {
                matched: "fostering trade and".to_owned(),
                quote_next: "investments".to_owned(),
                source_next: Some("investment; and more.".to_owned()),
            }
        );
        assert_eq!(
            text.find("war").unwrap_err(),
            Mismatch {
                matched: String::new(),
                quote_next: "war".to_owned(),
                source_next: None,
            }
        );
    }

    #[test]
    fn a_quote_needs_words_in_every_excerpt() {
        for (quote, expected) in [
            ("The Assembly aims", None),
            ("peace ... trade", None),
            ("...", Some("...")),
            (";", Some(";")),
            ("peace ... ;", Some(";")),
        ] {
            assert_eq!(wordless_excerpt(quote).as_deref(), expected, "{quote:?}");
        }
    }

    #[test]
    fn tags_need_whole_words() {
        let words =
            Words::new("the advancement of amicable and good-neighbor relations; Human Rights");
        for (term, expected) in [
            ("good-neighbor", true),
            ("human-rights", true),
            ("Human rights", true),
            ("relations", true),
            ("relation", false),
            ("neighbor", true),
            ("advance", false),
            ("", false),
        ] {
            assert_eq!(words.contains(term), expected, "{term:?}");
        }
    }

    #[test]
    fn locates_lines_and_columns_in_characters() {
        let text = "a = 1\nbé = 'x'\n";
        assert_eq!(locate(text, 0), (1, 1));
        assert_eq!(locate(text, 6), (2, 1));
        assert_eq!(locate(text, text.find('=').unwrap()), (1, 3));
        assert_eq!(locate(text, text.rfind('=').unwrap()), (2, 4));
        assert_eq!(locate(text, 999), (3, 1));
    }

    #[test]
    fn suggests_a_misspelt_field() {
        assert_eq!(
            misspelt_field("unknown field `qoute`, expected one of `id`, `title`, `quote`"),
            Some("quote".to_owned())
        );
        assert_eq!(misspelt_field("missing field `quote`"), None);
    }
}
