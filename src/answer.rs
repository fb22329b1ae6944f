//! What the commands answer, as values over a loaded content: the aims a
//! query selects or ids name, as a listing, and quotes with their references
//! in a format (`Citing`). `app` prints them on the command line and `mcp` hands them to
//! an assistant: one code path for each answer, whatever the front door.

use std::cell::OnceCell;

use crate::cite;
use crate::listing::{self, Listing};
use crate::model::{Content, Source};
use crate::query::{self, Answer, Filters, Hit, Query};
use crate::suggest::{Hint, UsageError};
use crate::text::{json_safe, visible};

/// The aims `list` or `search` selected.
pub struct Selected {
    pub query: Query,
    pub hits: Vec<Hit>,
    /// How a search answered: every word, or only some.
    pub answer: Answer,
    /// The rows of the aims, ranked with scores for a search, the words
    /// searched marked for a table to highlight.
    pub listing: Listing,
}

/// `list` (no `words`) and `search WORDS`: the aims the filters select and
/// the words rank, or a usage error with the closest valid value.
pub fn select(
    content: &Content,
    filters: &Filters,
    words: &[String],
) -> Result<Selected, UsageError> {
    let query = Query::resolve(content, filters, words)?;
    let (hits, answer) = query::select_with(content, &query);
    let mut listing = listing::aims(content, &hits, query.ranks());
    listing.marks = query.marks();
    Ok(Selected {
        query,
        hits,
        answer,
        listing,
    })
}

/// `show ID...`: the aims named (or the aims of the clauses named), with
/// where their clauses stand in their instrument; `with_context`, also the
/// sentence of the source around each quote.
pub fn show(
    content: &Content,
    ids: &[String],
    with_context: bool,
) -> Result<(Vec<Hit>, Listing), UsageError> {
    let hits: Vec<Hit> = query::find(content, ids)?
        .into_iter()
        .map(|aim| Hit {
            aim,
            score: None,
            via: Vec::new(),
        })
        .collect();
    let mut listing = listing::aims(content, &hits, false);
    listing
        .notes
        .extend(listing::position_notes(content, &hits));
    if with_context {
        listing::add_context(content, &mut listing, &hits);
    }
    Ok((hits, listing))
}

/// The aims `ids` name, cited in a style: what `cite` writes in each format,
/// from one rendering of their citations and references.
pub struct Citing<'c> {
    content: &'c Content<'c>,
    aims: Vec<usize>,
    /// The sources they quote, in the order of their first aim.
    sources: Vec<usize>,
    style: cite::Style,
    cited: OnceCell<cite::Cited>,
}

impl<'c> Citing<'c> {
    /// The aims `ids` name (or the aims of the clauses named), to cite in
    /// `style`; a usage error with the closest id for one that names none.
    pub fn new(
        content: &'c Content<'c>,
        ids: &[String],
        style: cite::Style,
    ) -> Result<Self, UsageError> {
        let aims = query::find(content, ids)?;
        let mut sources: Vec<usize> = Vec::new();
        for &aim in &aims {
            let source = content.aims[aim].source.index();
            if !sources.contains(&source) {
                sources.push(source);
            }
        }
        Ok(Citing {
            content,
            aims,
            sources,
            style,
            cited: OnceCell::new(),
        })
    }

    /// The quotes with their citations, and the references, rendered the
    /// first time they are asked for.
    fn cited(&self) -> &cite::Cited {
        self.cited
            .get_or_init(|| cite::cited(self.content, &self.aims, &self.sources, self.style))
    }

    /// What `cite --format json` prints, as a JSON value: the style, each
    /// quote with its id, locator and citation, and the references.
    pub fn json(&self) -> serde_json::Value {
        cite::json(self.cited())
    }

    /// What `cite` prints in `format` (a Word document's bytes for docx, text
    /// for the rest); `with_ids` heads each quote with its aim's id.
    pub fn output(&self, format: cite::Output, with_ids: bool) -> anyhow::Result<Vec<u8>> {
        if with_ids && matches!(format, cite::Output::Bibtex | cite::Output::CslJson) {
            return Err(UsageError {
                message: "--ids heads quotes, and a reference manager's entries hold none"
                    .to_owned(),
                hints: vec![Hint::Say(
                    "leave out --ids, or use --format text, markdown, html, docx or json"
                        .to_owned(),
                )],
            }
            .into());
        }
        let content = self.content;
        let text = match format {
            cite::Output::Bibtex => {
                let sources: Vec<&Source> =
                    self.sources.iter().map(|&s| &content.sources[s]).collect();
                cite::bibtex(&sources)
            }
            cite::Output::CslJson => {
                let items: Vec<serde_json::Value> = self
                    .sources
                    .iter()
                    .map(|&s| cite::csl_json(&content.sources[s]))
                    .collect();
                json_safe(&serde_json::to_string_pretty(&items)?).into_owned() + "\n"
            }
            cite::Output::Json => {
                json_safe(&serde_json::to_string_pretty(&self.json())?).into_owned() + "\n"
            }
            cite::Output::Docx => return Ok(cite::docx(self.cited(), with_ids)),
            cite::Output::Text | cite::Output::Markdown | cite::Output::Html => {
                let cited = self.cited();
                let text = match format {
                    cite::Output::Text => cite::text(cited, with_ids),
                    cite::Output::Markdown => cite::markdown(cited, with_ids),
                    // A whole page, to open in a browser and copy from, or to
                    // hand out; the browser's copy takes the fragment alone.
                    _ => crate::page::whole(
                        &format!("Quotes and {}", cited.style.heading()),
                        &cite::html(cited, with_ids),
                    ),
                };
                visible(&text).into_owned()
            }
        };
        Ok(text.into_bytes())
    }
}
