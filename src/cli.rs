//! The command line, as clap derive types: what the user can type, and its help.
#![allow(
    clippy::doc_markdown,
    reason = "doc comments here are the user's help text, where backticks would show"
)]

use std::path::PathBuf;

use clap::builder::PossibleValue;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::cite::{self, Style as CiteStyle};
use crate::config::When;
use crate::listing::Facet;
use crate::output::Format;
use crate::query::Filters;

/// Every command's help: what it does, how to call it, examples, then the options.
const HELP: &str = "\
{about-with-newline}
{usage-heading} {usage}{after-help}

{all-args}";

const EXAMPLES: &str = "\
Examples:
  aims list --domain transport            the aims about transport
  aims list --clause 2.7 --format json | jq -r '.[].quote'
  aims list --pillar language | cut -f1   ids of the aims on a pillar
  aims search trade investment            aims that hold both words
  aims show combat-terrorism              one aim in full, with its citation
  aims cite combat-terrorism --style apa  its quote with an APA reference
  aims domains                            the fields of cooperation
  aims check my-aims.toml                 validate a content file of your own

In a pipe, listings are TSV (one record per line, no header); on a terminal,
a table. --format picks table, tsv, csv, json, jsonl or markdown.";

/// Browse the stated aims of the Assembly of Turkic-speaking States, offline,
/// with quotes you can cite.
#[derive(Debug, Parser)]
#[command(name = "aims", version, after_help = EXAMPLES, help_template = HELP)]
pub struct Cli {
    /// Read the content from this TOML file instead of the built-in one
    /// [env: AIMS_CONTENT]
    #[arg(long, global = true, value_name = "PATH")]
    pub content: Option<PathBuf>,

    /// When to colour tables: auto (on a terminal, unless NO_COLOR is set), always, never
    #[arg(
        long,
        global = true,
        value_name = "WHEN",
        default_value = "auto",
        ignore_case = true
    )]
    pub color: When,

    /// When to page long output: auto (on a terminal, when longer than the
    /// screen), always (on a terminal), never. The pager is AIMS_PAGER, else
    /// PAGER, else less (with LESS=FRX when LESS is unset)
    #[arg(
        long,
        global = true,
        value_name = "WHEN",
        default_value = "auto",
        ignore_case = true
    )]
    pub paging: When,

    /// None: `aims` alone, which prints a short help.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// What `aims` alone prints: what it is, the commands most used, where to read more.
pub const SHORT_HELP: &str = "\
aims: the stated aims of the Assembly of Turkic-speaking States (Article 2 of
the Nakhchivan Agreement), offline, with quotes you can cite.

Usage: aims [OPTIONS] <COMMAND>

Most used:
  aims browse                   find an aim as you type; read it, copy it
  aims list -d transport        the aims of a domain (-p pillar, -c clause)
  aims search terrorism         aims that hold a word in any form, best first
  aims show combat-terrorism    one aim in full, with its citation
  aims cite 2.7 -s apa          quotes with a reference: MLA, APA or Chicago

What to filter by: aims domains, aims pillars, aims clauses

More:
  aims --help                   every command and option
  aims <COMMAND> --help         one command, with examples
  aims man | man -l -           the manual page
";

/// Each command's options are built only when it runs (or its help is
/// shown): building all fifteen commands' at every start cost a tenth of the
/// instructions of a query on the built-in content, and an eighth of its page
/// faults.
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum Command {
    /// List aims as a table, filtered by pillar, domain, clause, source or text
    #[command(help_template = HELP, after_help = "\
Examples:
  aims list                                   every aim
  aims list --domain transportation           an alias: the same as transport
  aims list --domain trade,economy            trade OR economy
  aims list -d peace -c 2                     peace AND any item of Article 2
  aims list --clause 2.7 --format json | jq -r '.[].quote'
  aims list --pillar language | cut -f1       ids only
  aims list --columns id,citation --format csv

Values of one filter (repeated, or comma-separated) are OR; different filters
are AND. Values match ids, names and aliases, ignoring case. Short flags: -p
pillar, -d domain, -c clause, -t text, -f format.")]
    List {
        #[command(flatten)]
        filters: FilterArgs,
        #[command(flatten)]
        output: OutputArgs,
        #[command(flatten)]
        handout: HandoutArgs,
    },

    /// Show aims in full: title, quote, citation, clause, pillars, domains
    #[command(help_template = HELP, after_help = "\
Examples:
  aims show combat-terrorism
  aims show trade-investment balanced-economy
  aims show 2.7                               the aims of clause 2.7
  aims show human-rights --context            the sentence around the quote
  aims show rule-of-law --format json | jq -r '.[0].citation'")]
    Show {
        /// The ids of the aims to show (see `aims list | cut -f1`), or clauses (2.7)
        #[arg(value_name = "ID", required = true)]
        ids: Vec<String>,
        /// Also the whole sentence of the source around each quote, the quote
        /// marked (bold on a terminal, ** in markdown)
        #[arg(long)]
        context: bool,
        #[command(flatten)]
        output: OutputArgs,
        #[command(flatten)]
        handout: HandoutArgs,
    },

    /// Find aims that hold every word, in any of its forms, best first
    #[command(help_template = HELP, after_help = "\
Examples:
  aims search terrorist                       finds \"terrorism\" too
  aims search trade investment                both words
  aims search 'rule of law'                   a phrase
  aims search cooperation --domain peace      with the filters of `list`
  aims search nakhchivan --format jsonl | jq -r '\"\\(.score) \\(.id)\"'

Words match whole words in their English forms, ignoring case (economic finds
\"the economy\"; UN does not find \"unique\"), in an aim's title and quote (which
weigh most), its pillars and domains (ids, names, aliases) and its clause.")]
    Search {
        /// Words (or quoted phrases) that an aim must all hold
        #[arg(value_name = "WORD", required = true)]
        words: Vec<String>,
        #[command(flatten)]
        filters: FilterArgs,
        #[command(flatten)]
        output: OutputArgs,
        #[command(flatten)]
        handout: HandoutArgs,
    },

    /// Quote aims with a full reference in MLA, APA or Chicago; BibTeX, CSL-JSON
    #[command(help_template = HELP, after_help = "\
Examples:
  aims cite combat-terrorism                      MLA 9: the quote, then Works Cited
  aims cite combat-terrorism --style apa          APA 7
  aims cite human-rights democracy --style chicago    Chicago 18, notes and bibliography
  aims cite 2.7 --format markdown                 to paste into a markdown paper
  aims cite 2.7 --style chicago --format docx > quotes.docx   Word, with footnotes
  aims cite combat-terrorism --format bibtex > aims.bib       for Zotero, pandoc
  aims cite combat-terrorism --format csl-json > aims.json    for Zotero, pandoc

The references are rendered by hayagriva from the CSL styles of MLA (9th
edition), APA (7th) and Chicago (18th, notes and bibliography). A clause is
cited by its place in the source's list, never as the treaty's numbering.")]
    Cite {
        /// The ids of the aims to cite, or clauses (2.7)
        #[arg(value_name = "ID", required = true)]
        ids: Vec<String>,
        /// The citation style
        #[arg(
            long,
            short = 's',
            value_name = "STYLE",
            default_value = "mla",
            ignore_case = true
        )]
        style: CiteStyle,
        /// What to print
        #[arg(
            long,
            short = 'f',
            value_name = "FORMAT",
            default_value = "text",
            ignore_case = true
        )]
        format: cite::Output,
        /// Head each quote with its aim's id and, for a clause, where it stands
        #[arg(long = "ids")]
        with_ids: bool,
    },

    /// List the four pillars, with how many aims each
    #[command(help_template = HELP, after_help = "\
Examples:
  aims pillars
  aims pillars --format json")]
    Pillars {
        #[command(flatten)]
        output: OutputArgs,
    },

    /// List the domains of cooperation, with aliases and how many aims each
    #[command(help_template = HELP, after_help = "\
Examples:
  aims domains
  aims domains --columns id,aims --format csv")]
    Domains {
        #[command(flatten)]
        output: OutputArgs,
    },

    /// List the article clauses, with their text and how many aims each
    #[command(help_template = HELP, after_help = "\
Examples:
  aims clauses
  aims clauses --format json | jq -r '.[] | \"\\(.id) \\(.text)\"'

In the built-in content, the clauses are Article 2 of the Nakhchivan Agreement
as the source lists it, in its paraphrase: numbered in the source's order,
which differs from the Agreement's own. A source says this of its clauses
itself (clause_note), and listings print it as a note. official_item gives an
item's place in the instrument's own list where it was verified, and
verified_in where.")]
    Clauses {
        #[command(flatten)]
        output: OutputArgs,
    },

    /// List the source documents: their standing and what a citation needs
    #[command(help_template = HELP, after_help = "\
Examples:
  aims sources
  aims sources --format json | jq -r '.[].standing'")]
    Sources {
        #[command(flatten)]
        output: OutputArgs,
    },

    /// Count the aims each pair of pillars, domains, clauses or sources shares
    #[command(help_template = HELP, after_help = "\
Examples:
  aims matrix                                  domains by pillars
  aims matrix --rows clause --cols domain      what each item of Article 2 covers
  aims matrix --rows source --cols pillar --format csv
  aims matrix --domain peace,security          only the aims about peace or security

A cell counts the aims that carry both its row and its column; on a terminal
an empty cell is a dot.")]
    Matrix {
        /// What the rows are
        #[arg(
            long,
            value_name = "FACET",
            default_value = "domain",
            ignore_case = true
        )]
        rows: Facet,
        /// What the columns are
        #[arg(
            long,
            value_name = "FACET",
            default_value = "pillar",
            ignore_case = true
        )]
        cols: Facet,
        #[command(flatten)]
        filters: FilterArgs,
        #[command(flatten)]
        output: OutputArgs,
    },

    /// Find an aim as you type, narrow by pillar, domain or clause, copy its citation
    #[command(help_template = HELP, after_help = "\
Examples:
  aims browse                                 every aim; type to search
  aims browse -d security                     start from the aims about security
  aims browse -f json | jq -r '.[0].citation' Enter prints the aim chosen

When stdout is not a terminal, Enter prints the aim chosen (exit 0); leaving
without choosing exits 130, as fzf does, so that a script can tell.

Keys: type to search (ranked as `search` ranks); Up/Down move; Enter opens the
aim (or, when stdout is not a terminal, prints it and ends); Tab leaves the
search box, where p, d and c pick a pillar, domain or clause, x clears them,
y copies the quote with its citation, / searches again, and q quits. Esc goes
back, then quits; Ctrl-C quits. Needs a terminal.")]
    Browse {
        #[command(flatten)]
        filters: FilterArgs,
        #[command(flatten)]
        output: OutputArgs,
    },

    /// Serve the aims to AI assistants over the Model Context Protocol, on stdio
    #[command(help_template = HELP, after_help = "\
Examples:
  aims mcp                                    the built-in content
  aims --content my-aims.toml mcp             a content file of your own

An assistant (Claude Desktop, VS Code, and others) starts it and speaks MCP
(JSON-RPC, a message a line) on its stdin and stdout. Its tools search, list,
show, cite and facets answer as the commands of those names do, with the
records of --format json; the sources and the content file are resources, and
a prompt drafts a paragraph of a position paper that quotes through the tools.
It ends at the end of its input. The README shows the configuration to add.")]
    Mcp,

    /// Print a shell completion script that knows the content's ids
    #[command(help_template = HELP, after_help = "\
Examples:
  aims completions bash > ~/.local/share/bash-completion/completions/aims
  aims completions zsh > ~/.zfunc/_aims
  aims completions fish > ~/.config/fish/completions/aims.fish

The script offers the domains, pillars, clauses, sources and aim ids of the
content in use: make it again after changing --content or AIMS_CONTENT.")]
    Completions {
        /// The shell to complete in
        #[arg(value_name = "SHELL")]
        shell: clap_complete::Shell,
    },

    /// Print the manual page, in roff
    #[command(help_template = HELP, after_help = "\
Examples:
  aims man | man -l -
  aims man > ~/.local/share/man/man1/aims.1")]
    Man,

    /// Print the JSON Schema of the content format, for editors
    #[command(help_template = HELP, after_help = "\
Examples:
  aims schema > aims.schema.json

A content file that starts with `#:schema ./aims.schema.json` is checked as you
type by editors whose TOML support is taplo (VS Code's Even Better TOML, Helix,
Zed, Neovim's taplo LSP).")]
    Schema,

    /// Validate a content file: every rule, every problem with its line and column
    #[command(help_template = HELP, after_help = "\
Examples:
  aims check                  the content in use (built in, or --content / AIMS_CONTENT)
  aims check my-aims.toml     a file of your own
  aims check my-aims.toml --all   every problem, not only the first 20

Exit status: 0 when the content is valid, 1 when it has problems.")]
    Check {
        /// The content file to check [default: the content in use]
        path: Option<PathBuf>,

        /// List every problem; without it, the first 20 and how many more
        #[arg(long)]
        all: bool,
    },
}

// Filters of `list`, `search` and `matrix`. (Not a doc comment: clap would
// make it the about of each command it is in, once the command is built.)
#[derive(Debug, Args)]
#[command(next_help_heading = "Filters")]
pub struct FilterArgs {
    /// Aims on these pillars (id, name or alias)
    #[arg(long, short = 'p', value_name = "PILLAR", value_delimiter = ',')]
    pub pillar: Vec<String>,

    /// Aims in these domains (id, name or alias), and in their narrower domains
    #[arg(long, short = 'd', value_name = "DOMAIN", value_delimiter = ',')]
    pub domain: Vec<String>,

    /// Keep --domain to the domains named, without their narrower domains
    #[arg(long)]
    pub no_narrower: bool,

    /// Aims quoting these clauses: 2.7 for one item, 2 for all of Article 2
    #[arg(long, short = 'c', value_name = "CLAUSE", value_delimiter = ',')]
    pub clause: Vec<String>,

    /// Aims quoted from these sources (id or title)
    #[arg(long, value_name = "SOURCE", value_delimiter = ',')]
    pub source: Vec<String>,

    /// Aims that hold these words, in any of their forms, as `search` matches them
    #[arg(long, short = 't', value_name = "TEXT", value_delimiter = ',')]
    pub text: Vec<String>,
}

impl FilterArgs {
    pub fn into_filters(self) -> Filters {
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

// How a listing is printed. (Not a doc comment, as for `FilterArgs`.)
#[derive(Debug, Args)]
#[command(next_help_heading = "Output")]
pub struct OutputArgs {
    /// Output format [default: table on a terminal, tsv otherwise]
    #[arg(long, short = 'f', value_name = "FORMAT", ignore_case = true)]
    pub format: Option<Format>,

    /// Pick and order the columns of table, tsv, csv and markdown, e.g. id,citation.
    /// Aims have id, title, quote, source, citation, clause, pillars, domains,
    /// via (the narrower domain a row came through) and, in a search, score;
    /// the other listings have the keys of their JSON

    #[arg(long, value_name = "COLUMNS", value_delimiter = ',')]
    pub columns: Option<Vec<String>>,

    /// Drop the header row of table, csv and markdown
    #[arg(long)]
    pub no_header: bool,
}

// How aims are laid out for a reader: in sections, and cited in a style. (A
// doc comment here would become the about of each command it is flattened in.)
#[derive(Debug, Args)]
pub struct HandoutArgs {
    /// A section per pillar, domain, clause or source, with its name and count,
    /// the aims under none last (machine formats get a `group` field instead)
    #[arg(long, value_name = "FACET", ignore_case = true)]
    pub group_by: Option<Facet>,

    /// The citation style of --format html's quotes and references (no -s:
    /// it would read as --source)
    #[arg(long, value_name = "STYLE", default_value = "mla", ignore_case = true)]
    pub style: CiteStyle,
}

// The plain enums of the layers below, as values the user can type: their
// help lives here, with the rest of the command line.

impl ValueEnum for Format {
    fn value_variants<'a>() -> &'a [Self] {
        &Format::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(match self {
            Format::Table => {
                PossibleValue::new("table").help("Aligned columns that fit the terminal")
            }
            Format::Tsv => {
                PossibleValue::new("tsv").help("Tab-separated, one record per line, no header")
            }
            Format::Csv => PossibleValue::new("csv").help("RFC 4180, with a header row"),
            Format::Json => PossibleValue::new("json").help("One array of objects"),
            Format::Jsonl => PossibleValue::new("jsonl").help("One object per line"),
            Format::Markdown => PossibleValue::new("markdown").help("A GitHub table"),
            Format::Html => PossibleValue::new("html")
                .help("A whole page to print or hand out: aims with quotes and references"),
        })
    }
}

impl ValueEnum for CiteStyle {
    fn value_variants<'a>() -> &'a [Self] {
        &CiteStyle::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(match self {
            CiteStyle::Mla => PossibleValue::new("mla").help("MLA Handbook, 9th edition"),
            CiteStyle::Apa => PossibleValue::new("apa").help("APA Publication Manual, 7th edition"),
            CiteStyle::Chicago => PossibleValue::new("chicago")
                .help("Chicago Manual of Style, 18th edition, notes and bibliography"),
        })
    }
}

impl ValueEnum for cite::Output {
    fn value_variants<'a>() -> &'a [Self] {
        &cite::Output::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(match self {
            cite::Output::Text => {
                PossibleValue::new("text").help("Each quote with its citation, then the references")
            }
            cite::Output::Markdown => {
                PossibleValue::new("markdown").help("The same in markdown, notes as footnotes")
            }
            cite::Output::Html => PossibleValue::new("html")
                .help("The same as HTML to paste into Word or Google Docs, notes as footnotes"),
            cite::Output::Docx => PossibleValue::new("docx").help(
                "The same as a Word document, notes as Word footnotes (redirect it to a file)",
            ),
            cite::Output::Json => PossibleValue::new("json")
                .help("The quotes with ids, locators and citations, and the references"),
            cite::Output::Bibtex => {
                PossibleValue::new("bibtex").help("A biblatex entry per source")
            }
            cite::Output::CslJson => {
                PossibleValue::new("csl-json").help("A CSL-JSON array, an item per source")
            }
        })
    }
}

impl ValueEnum for Facet {
    fn value_variants<'a>() -> &'a [Self] {
        &[Facet::Pillar, Facet::Domain, Facet::Clause, Facet::Source]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(match self {
            Facet::Pillar => "pillar",
            Facet::Domain => "domain",
            Facet::Clause => "clause",
            Facet::Source => "source",
        }))
    }
}

impl ValueEnum for When {
    fn value_variants<'a>() -> &'a [Self] {
        &[When::Auto, When::Always, When::Never]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(match self {
            When::Auto => "auto",
            When::Always => "always",
            When::Never => "never",
        }))
    }
}
