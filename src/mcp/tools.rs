//! The tools of `aims mcp`: what each takes (its input schema, from the
//! types below and their docs), what it answers (the records of `--format
//! json` as structured output, under an output schema, and a short text),
//! and its errors: tool errors, said as the command line says them.

use std::fmt::Write as _;

use rmcp::handler::server::common::schema_for_type;
use rmcp::model::{self, CallToolResult, ContentBlock, JsonObject, ToolAnnotations};
use schemars::JsonSchema;
use serde::Deserialize;
use serde::de::{DeserializeOwned, Deserializer, SeqAccess, Visitor};
use serde_json::{Value, json};

use crate::answer;
use crate::cite;
use crate::diagnostic::{self, Report};
use crate::listing::{self, Listing};
use crate::model::Content;
use crate::output::{self, Format, Style};
use crate::query::{self, Filters};
use crate::suggest::{self, Hint, UsageError, pairs, shown};

/// What every tool's description ends with: an assistant that quotes from
/// memory is the failure this server exists to prevent.
const QUOTE_ONLY: &str = "Quote only words this server returns, exactly as \
returned, each with the citation it gives; never put words in quotation marks \
that no tool returned, and never paraphrase inside quotation marks.";

/// A tool of the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tool {
    Search,
    List,
    Show,
    Cite,
    Facets,
}

impl Tool {
    pub const ALL: [Tool; 5] = [
        Tool::Search,
        Tool::List,
        Tool::Show,
        Tool::Cite,
        Tool::Facets,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Tool::Search => "search",
            Tool::List => "list",
            Tool::Show => "show",
            Tool::Cite => "cite",
            Tool::Facets => "facets",
        }
    }

    /// The tool called `name`, if any.
    pub fn named(name: &str) -> Option<Tool> {
        Tool::ALL.into_iter().find(|tool| tool.name() == name)
    }

    /// What an assistant reads to choose the tool and use its answer.
    fn description(self) -> String {
        let what = match self {
            Tool::Search => {
                "Search the stated aims of the Assembly of Turkic-speaking States \
                 by words, in any of their forms (\"terrorist\" finds \"terrorism\"), \
                 best first, with scores; the filters of `list` narrow it. Each aim \
                 has its exact quote from its source and the citation of where it \
                 stands. A word that names a topic also finds the aims under it."
            }
            Tool::List => {
                "List the stated aims of the Assembly of Turkic-speaking States by \
                 pillar, domain, clause or source (the values `facets` lists), each \
                 with its exact quote and citation. Values of one filter are OR, \
                 different filters AND."
            }
            Tool::Show => {
                "Show aims in full by id (or a clause, such as \"2.7\", for its \
                 aims): exact quote, citation, clause, pillars, domains; with \
                 `context`, the whole sentence of the source around the quote."
            }
            Tool::Cite => {
                "Cite aims by id: each quote with its in-text citation (MLA, APA) \
                 or note (Chicago), then the references, exactly as `aims cite` \
                 prints them, as text, markdown or an HTML page; or the sources as \
                 BibTeX or CSL-JSON for a reference manager. Paste the text as it \
                 is. A clause is cited by its place in its source's list."
            }
            Tool::Facets => {
                "The pillars, domains (with their broader, narrower and related \
                 domains), article clauses and sources of the content, each with \
                 how many aims it has: the values the filters of `list` and \
                 `search` take. A source's `standing` says what it is and how far \
                 it can be relied on: read it before quoting."
            }
        };
        format!("{what} {QUOTE_ONLY}")
    }

    fn input_schema(self) -> JsonObject {
        let mut schema = match self {
            Tool::Search => schema_for_type::<SearchInput>(),
            Tool::List => schema_for_type::<ListInput>(),
            Tool::Show => schema_for_type::<ShowInput>(),
            Tool::Cite => schema_for_type::<CiteInput>(),
            Tool::Facets => schema_for_type::<FacetsInput>(),
        }
        .as_ref()
        .clone();
        // The type's own name and docs (for `search`, those of the filters
        // it flattens) say nothing to an assistant the tool's do not.
        schema.remove("title");
        schema.remove("description");
        schema
    }

    /// The schema of the structured output: an object (as the protocol's
    /// versions before 2026 require), its arrays the records of `--format
    /// json`.
    fn output_schema(self) -> Value {
        match self {
            Tool::Search | Tool::List | Tool::Show => json!({
                "type": "object",
                "properties": {"aims": records(AIM, &["score", "context"])},
                "required": ["aims"],
                "additionalProperties": false,
            }),
            Tool::Cite => json!({
                "type": "object",
                "properties": {
                    "style": {"type": "string", "enum": cite::Style::ALL.map(cite::Style::name)},
                    "quotes": records(QUOTE, &[]),
                    "references": {"type": "array", "items": {"type": "string"}},
                },
                "required": ["style", "quotes", "references"],
                "additionalProperties": false,
            }),
            Tool::Facets => {
                let properties: serde_json::Map<String, Value> = FACETS
                    .iter()
                    .map(|(name, _, fields)| ((*name).to_owned(), records(fields, &[])))
                    .collect();
                json!({
                    "type": "object",
                    "properties": properties,
                    "additionalProperties": false,
                })
            }
        }
    }

    /// The tool as `tools/list` gives it.
    pub fn definition(self) -> model::Tool {
        let mut tool = model::Tool::new(self.name(), self.description(), self.input_schema());
        if let Value::Object(output) = self.output_schema() {
            tool.output_schema = Some(output.into());
        }
        tool.annotations = Some(
            ToolAnnotations::new()
                .read_only(true)
                .destructive(false)
                .idempotent(true)
                .open_world(false),
        );
        tool
    }

    /// Calls the tool on `content` with `arguments`: its answer, or a tool
    /// error that says what was wrong and the closest valid value.
    pub fn call(self, content: &Content, arguments: JsonObject) -> CallToolResult {
        match self.answer(content, arguments) {
            Ok((structured, text)) => {
                let mut result = CallToolResult::structured(structured);
                result.content = vec![ContentBlock::text(text)];
                result
            }
            Err(err) => CallToolResult::error(vec![ContentBlock::text(said(&err))]),
        }
    }

    /// The structured answer and its text.
    fn answer(self, content: &Content, arguments: JsonObject) -> anyhow::Result<(Value, String)> {
        match self {
            Tool::Search => {
                let input: SearchInput = self.arguments(arguments)?;
                if input.words.is_empty() {
                    return Err(UsageError {
                        message: "search needs a word".to_owned(),
                        hints: vec!["give `words`, or call `list` for the aims by filter".into()],
                    }
                    .into());
                }
                aims(content, &input.filters.into_filters(), &input.words)
            }
            Tool::List => {
                let input: ListInput = self.arguments(arguments)?;
                aims(content, &input.into_filters(), &[])
            }
            Tool::Show => {
                let input: ShowInput = self.arguments(arguments)?;
                needs_ids(&input.ids)?;
                let (_, listing) = answer::show(content, &input.ids, input.context)?;
                Ok((
                    json!({"aims": output::records(&listing)?}),
                    records_text(&listing, &[])?,
                ))
            }
            Tool::Cite => {
                let input: CiteInput = self.arguments(arguments)?;
                needs_ids(&input.ids)?;
                let style = value("style", &input.style, &cite::Style::ALL, |s| s.name())?;
                let format = value("format", &input.format, &CITE_FORMATS, |f| f.0)?.1;
                let citing = answer::Citing::new(content, &input.ids, style)?;
                let text = citing.output(format, false)?;
                Ok((citing.json(), String::from_utf8_lossy(&text).into_owned()))
            }
            Tool::Facets => {
                let input: FacetsInput = self.arguments(arguments)?;
                let asked = match &input.facet {
                    Some(facet) => Some(value("facet", facet, &FACETS, |f| f.0)?.0),
                    None => None,
                };
                let mut structured = serde_json::Map::new();
                let mut text = String::new();
                for (name, listing, _) in FACETS {
                    if asked.is_some_and(|asked| asked != name) {
                        continue;
                    }
                    let listing = listing(content);
                    structured.insert(name.to_owned(), output::records(&listing)?);
                    let _ = write!(
                        text,
                        "{}## {name}\n\n",
                        if text.is_empty() { "" } else { "\n" }
                    );
                    text.push_str(&table_text(&listing)?);
                }
                Ok((Value::Object(structured), text))
            }
        }
    }

    /// The arguments as the tool's input, or a usage error: a name the tool
    /// does not take (with the closest it does), or a value of the wrong kind.
    fn arguments<T: DeserializeOwned>(self, arguments: JsonObject) -> Result<T, UsageError> {
        let schema = self.input_schema();
        let known: Vec<&str> = schema
            .get("properties")
            .and_then(Value::as_object)
            .map(|properties| properties.keys().map(String::as_str).collect())
            .unwrap_or_default();
        if let Some(name) = arguments
            .keys()
            .find(|name| !known.contains(&name.as_str()))
        {
            let mut error = UsageError::unknown("argument", name, &pairs(&known), &known);
            error.message = format!("`{}` takes no argument `{}`", self.name(), shown(name));
            return Err(error);
        }
        serde_json::from_value(Value::Object(arguments)).map_err(|err| UsageError {
            message: format!("invalid arguments for `{}`: {err}", self.name()),
            hints: vec![Hint::Say(
                "the tool's input schema (tools/list) says what each takes".to_owned(),
            )],
        })
    }
}

/// `ids` name an aim at least, as the command line's `ID...` must.
fn needs_ids(ids: &[String]) -> Result<(), UsageError> {
    if ids.is_empty() {
        return Err(UsageError {
            message: "`ids` names no aim".to_owned(),
            hints: vec![
                "give the ids `search` or `list` answered with, or a clause such as 2.7".into(),
            ],
        });
    }
    Ok(())
}

/// The aims the filters (and words) select, as `list` and `search` answer.
fn aims(content: &Content, filters: &Filters, words: &[String]) -> anyhow::Result<(Value, String)> {
    let selected = answer::select(content, filters, words)?;
    let mut said = Vec::new();
    if let query::Answer::Some(apart) = &selected.answer {
        let apart: Vec<String> = apart.iter().map(|w| format!("`{}`", shown(w))).collect();
        said.push(format!(
            "note: no aim holds all of {}: these hold some of them, best first",
            apart.join(", ")
        ));
    }
    if selected.hits.is_empty() && !words.is_empty() {
        said.extend(query::emptiness(content, words));
    }
    let text = records_text(&selected.listing, &said)?;
    Ok((json!({"aims": output::records(&selected.listing)?}), text))
}

/// The aims of `listing` as `show` prints them on a terminal, each in full,
/// unwrapped and uncoloured, then what is `said` of them.
fn records_text(listing: &Listing, said: &[String]) -> anyhow::Result<String> {
    let mut text = Vec::new();
    if listing.rows.is_empty() {
        text.extend_from_slice(b"no aims match\n");
    }
    output::print_records(&mut text, listing, &plain(Format::Table))?;
    let mut text = String::from_utf8_lossy(&text).into_owned();
    for line in said {
        text.push_str(line.trim_start());
        text.push('\n');
    }
    Ok(text)
}

/// A facet's records as a markdown table of the columns a table shows.
fn table_text(listing: &Listing) -> anyhow::Result<String> {
    let mut text = Vec::new();
    output::print(&mut text, listing, &plain(Format::Markdown))?;
    Ok(String::from_utf8_lossy(&text).into_owned())
}

/// Text for an assistant: no colour, and no width to wrap at (a quote's
/// line breaks would be copied into it).
fn plain(format: Format) -> Style {
    Style {
        format,
        color: false,
        width: u16::MAX,
        columns: None,
        header: true,
    }
}

/// An error as the command line says it on stderr: the message, then each
/// hint (the closest valid value first), uncoloured, a line each.
fn said(err: &anyhow::Error) -> String {
    let hints = Vec::new();
    let report = match err
        .chain()
        .find_map(|cause| cause.downcast_ref::<UsageError>())
    {
        Some(usage) => Report {
            message: usage.message.clone(),
            hints: &usage.hints,
        },
        None => Report {
            message: format!("{err:#}"),
            hints: &hints,
        },
    };
    diagnostic::present(&[report], None, false)
}

/// The value of `values` named `typed`, ignoring case (as the command line
/// takes it), or a usage error with the closest.
fn value<T: Copy>(
    argument: &str,
    typed: &str,
    values: &[T],
    name: impl Fn(&T) -> &'static str,
) -> Result<T, UsageError> {
    let wanted = typed.trim();
    if let Some(found) = values.iter().find(|v| name(v).eq_ignore_ascii_case(wanted)) {
        return Ok(*found);
    }
    let names: Vec<&str> = values.iter().map(name).collect();
    Err(UsageError {
        message: format!("invalid value `{}` for `{argument}`", shown(typed)),
        hints: suggest::hints(typed, &pairs(&names), &names, "values"),
    })
}

/// The formats `cite` gives: those of `aims cite` but docx, a binary file.
const CITE_FORMATS: [(&str, cite::Output); 6] = [
    ("text", cite::Output::Text),
    ("markdown", cite::Output::Markdown),
    ("html", cite::Output::Html),
    ("json", cite::Output::Json),
    ("bibtex", cite::Output::Bibtex),
    ("csl-json", cite::Output::CslJson),
];

/// The JSON type of a field of a record, as its `listing::Field` serializes.
#[derive(Clone, Copy)]
enum JsonType {
    Text,
    MaybeText,
    Texts,
    Count,
    MaybeCount,
    Score,
}

/// The fields of each record `--format json` prints, and their kinds.
/// The fields of a record, each with its JSON type.
type Fields = &'static [(&'static str, JsonType)];

const AIM: Fields = &[
    ("id", JsonType::Text),
    ("title", JsonType::Text),
    ("quote", JsonType::Text),
    ("source", JsonType::Text),
    ("citation", JsonType::Text),
    ("clause", JsonType::MaybeText),
    ("pillars", JsonType::Texts),
    ("domains", JsonType::Texts),
    // A search's, and `show`'s with `context`.
    ("score", JsonType::Score),
    ("context", JsonType::Text),
];

const QUOTE: Fields = &[
    ("id", JsonType::Text),
    ("source", JsonType::Text),
    ("locator", JsonType::MaybeText),
    ("quote", JsonType::Text),
    ("citation", JsonType::Text),
    ("note", JsonType::MaybeCount),
];

/// Each facet: its name (the key of its records), its listing, and its fields.
type FacetListing = fn(&Content) -> Listing;
const FACETS: [(&str, FacetListing, Fields); 4] = [
    (
        "pillars",
        listing::pillars,
        &[
            ("id", JsonType::Text),
            ("name", JsonType::Text),
            ("aliases", JsonType::Texts),
            ("description", JsonType::Text),
            ("aims", JsonType::Count),
        ],
    ),
    (
        "domains",
        listing::domains,
        &[
            ("id", JsonType::Text),
            ("name", JsonType::Text),
            ("aliases", JsonType::Texts),
            ("description", JsonType::Text),
            ("broader", JsonType::Texts),
            ("narrower", JsonType::Texts),
            ("related", JsonType::Texts),
            ("aims", JsonType::Count),
            ("see_also", JsonType::Texts),
        ],
    ),
    (
        "clauses",
        listing::clauses_listing,
        &[
            ("id", JsonType::Text),
            ("text", JsonType::Text),
            ("instrument", JsonType::Text),
            ("article", JsonType::Count),
            ("item", JsonType::Count),
            ("source", JsonType::Text),
            ("official_item", JsonType::MaybeCount),
            ("verified_in", JsonType::MaybeText),
            ("aims", JsonType::Count),
        ],
    ),
    (
        "sources",
        listing::sources,
        &[
            ("id", JsonType::Text),
            ("title", JsonType::Text),
            ("standing", JsonType::Text),
            ("url", JsonType::MaybeText),
            ("site", JsonType::MaybeText),
            ("publisher", JsonType::MaybeText),
            ("section", JsonType::MaybeText),
            ("published", JsonType::MaybeText),
            ("accessed", JsonType::MaybeText),
            ("aims", JsonType::Count),
        ],
    ),
];

/// The schema of an array of records with `fields`, all of them required
/// but the `optional` ones.
fn records(fields: &[(&str, JsonType)], optional: &[&str]) -> Value {
    let properties: serde_json::Map<String, Value> = fields
        .iter()
        .map(|&(name, kind)| {
            let schema = match kind {
                JsonType::Text => json!({"type": "string"}),
                JsonType::MaybeText => json!({"type": ["string", "null"]}),
                JsonType::Texts => json!({"type": "array", "items": {"type": "string"}}),
                JsonType::Count => json!({"type": "integer", "minimum": 0}),
                JsonType::MaybeCount => json!({"type": ["integer", "null"], "minimum": 0}),
                JsonType::Score => json!({"type": "number"}),
            };
            (name.to_owned(), schema)
        })
        .collect();
    let required: Vec<&str> = fields
        .iter()
        .map(|(name, _)| *name)
        .filter(|name| !optional.contains(name))
        .collect();
    json!({
        "type": "array",
        "items": {
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": false,
        },
    })
}

/// The filters of `list`, which `search` takes too.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(default)]
struct ListInput {
    /// Aims on any of these pillars: ids, names or aliases (see `facets`).
    #[serde(deserialize_with = "values")]
    #[schemars(with = "Vec<String>")]
    pillar: Vec<String>,
    /// Aims in any of these domains (ids, names or aliases), or in their
    /// narrower domains.
    #[serde(deserialize_with = "values")]
    #[schemars(with = "Vec<String>")]
    domain: Vec<String>,
    /// Keep `domain` to the domains named, without their narrower domains.
    no_narrower: bool,
    /// Aims quoting any of these clauses: "2.7" for one item, "2" for all of
    /// Article 2.
    #[serde(deserialize_with = "values")]
    #[schemars(with = "Vec<String>")]
    clause: Vec<String>,
    /// Aims quoted from any of these sources (id or title).
    #[serde(deserialize_with = "values")]
    #[schemars(with = "Vec<String>")]
    source: Vec<String>,
    /// Aims that hold any of these words, in any of their forms.
    #[serde(deserialize_with = "values")]
    #[schemars(with = "Vec<String>")]
    text: Vec<String>,
}

impl ListInput {
    fn into_filters(self) -> Filters {
        Filters {
            pillar: self.pillar,
            domain: self.domain,
            clause: self.clause,
            source: self.source,
            text: self.text,
            no_narrower: self.no_narrower,
        }
    }
}

#[derive(Debug, Deserialize, JsonSchema)]
struct SearchInput {
    /// Words (or phrases, such as "rule of law") that an aim must all hold,
    /// in any of their forms; when no aim holds them all, the aims that hold
    /// some, best first.
    #[serde(deserialize_with = "one_or_many")]
    #[schemars(with = "Vec<String>", length(min = 1))]
    words: Vec<String>,
    #[serde(flatten)]
    filters: ListInput,
}

#[derive(Debug, Deserialize, JsonSchema)]
struct ShowInput {
    /// The ids of the aims (from `search` or `list`), or clauses ("2.7") for
    /// the aims that quote them.
    #[serde(deserialize_with = "one_or_many")]
    #[schemars(with = "Vec<String>", length(min = 1))]
    ids: Vec<String>,
    /// Also the whole sentence of the source around each quote.
    #[serde(default)]
    context: bool,
}

#[derive(Debug, Deserialize, JsonSchema)]
struct CiteInput {
    /// The ids of the aims to cite, or clauses ("2.7"), in the order to cite them.
    #[serde(deserialize_with = "one_or_many")]
    #[schemars(with = "Vec<String>", length(min = 1))]
    ids: Vec<String>,
    /// The citation style: MLA 9, APA 7 or Chicago 18 (notes and bibliography).
    #[serde(default = "mla")]
    #[schemars(extend("enum" = ["mla", "apa", "chicago"]))]
    style: String,
    /// What to give: the quotes with their citations and the references as
    /// text, markdown or an HTML page, the same as JSON, or the sources as
    /// BibTeX or CSL-JSON.
    #[serde(default = "text")]
    #[schemars(extend("enum" = ["text", "markdown", "html", "json", "bibtex", "csl-json"]))]
    format: String,
}

#[derive(Debug, Deserialize, JsonSchema)]
struct FacetsInput {
    /// One facet only; all four when left out.
    #[schemars(extend("enum" = ["pillars", "domains", "clauses", "sources"]))]
    facet: Option<String>,
}

fn mla() -> String {
    cite::Style::Mla.name().to_owned()
}

fn text() -> String {
    "text".to_owned()
}

/// A list of strings, or one string as a list of one: an assistant that
/// names one value often gives it alone.
fn one_or_many<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    struct Strings;

    impl<'de> Visitor<'de> for Strings {
        type Value = Vec<String>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a string or a list of strings")
        }

        fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<Self::Value, E> {
            Ok(vec![value.to_owned()])
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut values = Vec::new();
            while let Some(value) = seq.next_element()? {
                values.push(value);
            }
            Ok(values)
        }
    }

    deserializer.deserialize_any(Strings)
}

/// The values of a filter, as the command line takes them: a list, each
/// item split at commas (`trade,economy`).
fn values<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    Ok(one_or_many(deserializer)?
        .iter()
        .flat_map(|value| value.split(','))
        .map(str::to_owned)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_tool_is_found_by_its_name_and_only_by_it() {
        for tool in Tool::ALL {
            assert_eq!(Tool::named(tool.name()), Some(tool));
        }
        for name in ["Search", "serch", "", "cite "] {
            assert_eq!(Tool::named(name), None, "{name:?}");
        }
    }

    #[test]
    fn filter_values_are_a_list_or_one_value_split_at_commas_as_typed() {
        let filters = |arguments: Value| -> Result<Vec<String>, String> {
            serde_json::from_value::<ListInput>(arguments)
                .map(|input| input.domain)
                .map_err(|err| err.to_string())
        };
        for (arguments, expected) in [
            (json!({}), Ok(vec![])),
            (json!({"domain": "transport"}), Ok(vec!["transport"])),
            (
                json!({"domain": ["trade", "economy"]}),
                Ok(vec!["trade", "economy"]),
            ),
            (
                json!({"domain": "trade,economy"}),
                Ok(vec!["trade", "economy"]),
            ),
            (json!({"domain": ["a,b", "c"]}), Ok(vec!["a", "b", "c"])),
            (
                json!({"domain": 5}),
                Err("invalid type: integer `5`, expected a string or a list of strings"),
            ),
            (
                json!({"domain": [5]}),
                Err("invalid type: integer `5`, expected a string"),
            ),
        ] {
            let expected = expected
                .map(|values| values.into_iter().map(str::to_owned).collect())
                .map_err(str::to_owned);
            assert_eq!(filters(arguments.clone()), expected, "{arguments}");
        }
    }

    #[test]
    fn ids_and_words_are_never_split_at_commas() {
        let input: ShowInput = serde_json::from_value(json!({"ids": "a,b"})).expect("one id");
        assert_eq!(input.ids, ["a,b"]);
        let input: SearchInput =
            serde_json::from_value(json!({"words": ["rule of law", "x,y"], "domain": "a,b"}))
                .expect("words and a filter");
        assert_eq!(input.words, ["rule of law", "x,y"]);
        assert_eq!(input.filters.domain, ["a", "b"]);
    }

    #[test]
    fn a_value_is_matched_ignoring_case_or_refused_with_the_closest() {
        let names = |style: &cite::Style| style.name();
        assert_eq!(
            value("style", " APA ", &cite::Style::ALL, names).ok(),
            Some(cite::Style::Apa)
        );
        let refused = value("style", "chicgo", &cite::Style::ALL, names).unwrap_err();
        assert_eq!(refused.message, "invalid value `chicgo` for `style`");
        let said: Vec<String> = refused.hints.iter().map(ToString::to_string).collect();
        assert_eq!(
            said,
            ["did you mean `chicago`?", "valid values: mla, apa, chicago"]
        );
    }

    #[test]
    fn a_records_schema_requires_every_field_but_the_optional_ones() {
        let schema = records(AIM, &["score", "context"]);
        let required: Vec<&str> = schema["items"]["required"]
            .as_array()
            .expect("required")
            .iter()
            .map(|name| name.as_str().expect("a name"))
            .collect();
        assert_eq!(
            required,
            [
                "id", "title", "quote", "source", "citation", "clause", "pillars", "domains"
            ]
        );
        let properties = schema["items"]["properties"]
            .as_object()
            .expect("properties");
        assert_eq!(properties.len(), AIM.len());
        assert_eq!(properties["clause"]["type"], json!(["string", "null"]));
        assert_eq!(properties["score"]["type"], "number");
        assert_eq!(schema["items"]["additionalProperties"], false);
    }

    #[test]
    fn an_unknown_argument_is_refused_with_the_closest_the_tool_takes() {
        let arguments = |value: Value| match value {
            Value::Object(object) => object,
            _ => unreachable!("an object"),
        };
        let refused = Tool::Cite
            .arguments::<CiteInput>(arguments(json!({"ids": ["x"], "styel": "apa"})))
            .unwrap_err();
        assert_eq!(refused.message, "`cite` takes no argument `styel`");
        assert_eq!(refused.hints[0], Hint::DidYouMean(vec!["style".to_owned()]));
        let taken = Tool::Cite
            .arguments::<CiteInput>(arguments(json!({"ids": ["x"]})))
            .expect("the defaults");
        assert_eq!(
            (taken.style.as_str(), taken.format.as_str()),
            ("mla", "text")
        );
    }
}
