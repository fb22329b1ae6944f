//! One function per command, over the resolved settings and the content: each
//! loads what it needs, asks the query layer for a listing, and prints it.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use anyhow::Context;
use clap_complete::Shell;

use crate::answer;
use crate::browse::{self, Browser};
use crate::cite;
use crate::cli::{self, Command, FilterArgs, HandoutArgs, OutputArgs};
use crate::config::Config;
use crate::content::{self, Origin};
use crate::listing::{self, Facet, Listing};
use crate::mcp;
use crate::model::Content;
use crate::output::{self, Format};
use crate::pager::Screen;
use crate::query::{self, Query};
use crate::shell;
use crate::suggest::{Hint, UsageError};

/// Runs `command` on the content from `origin`, printing to stdout (through
/// the pager when it is long); `None` is `aims` alone.
pub fn run(command: Option<Command>, origin: Origin, config: &Config) -> anyhow::Result<()> {
    if matches!(command, Some(Command::Mcp)) {
        // Stdout is the protocol's alone: no screen, and never a pager.
        return mcp::serve(&origin);
    }
    let mut out = Screen::new(config);
    let Some(command) = command else {
        out.write_all(cli::SHORT_HELP.as_bytes())?;
        return Ok(out.finish()?);
    };
    match command {
        // `--all` is for `main`, which reports the problems.
        Command::Check { path, all: _ } => check(&mut out, origin, path),
        Command::List {
            filters,
            output,
            handout,
        } => list(&mut out, &origin, (filters, &[]), (output, handout), config),
        Command::Search {
            words,
            filters,
            output,
            handout,
        } => list(
            &mut out,
            &origin,
            (filters, &words),
            (output, handout),
            config,
        ),
        Command::Show {
            ids,
            context: with_context,
            output,
            handout,
        } => show(
            &mut out,
            &origin,
            (&ids, with_context),
            (output, handout),
            config,
        ),
        Command::Cite {
            ids,
            style,
            format,
            with_ids,
        } => cite(&mut out, &origin, &ids, style, format, with_ids),
        Command::Matrix {
            rows,
            cols,
            filters,
            output,
        } => matrix(&mut out, &origin, (rows, cols), filters, output, config),
        Command::Pillars { output } => facets(&mut out, &origin, listing::pillars, output, config),
        Command::Domains { output } => facets(&mut out, &origin, listing::domains, output, config),
        Command::Clauses { output } => {
            facets(&mut out, &origin, listing::clauses_listing, output, config)
        }
        Command::Sources { output } => {
            // A few records of many fields: each in full, as `show` prints aims.
            let listing = listing::sources(&content::load(&origin)?);
            print(&mut out, &listing, output, config, true)
        }
        Command::Browse { filters, output } => browse(&mut out, &origin, filters, output, config),
        // Served before the screen was set up; the same answer here.
        Command::Mcp => mcp::serve(&origin),
        Command::Completions { shell } => completions(&mut out, &origin, shell),
        Command::Man => man(&mut out),
        Command::Schema => schema(&mut out),
    }?;
    out.finish().context("cannot write output")
}

/// `aims completions SHELL`: a script that completes the content's values.
fn completions(out: &mut impl Write, origin: &Origin, shell: Shell) -> anyhow::Result<()> {
    shell::completions(out, shell, &content::load(origin)?)?;
    done(out)
}

/// `aims man`: the manual page, in roff.
fn man(out: &mut impl Write) -> anyhow::Result<()> {
    shell::man(out)?;
    done(out)
}

/// `aims schema`: the JSON Schema of the content format.
fn schema(out: &mut impl Write) -> anyhow::Result<()> {
    out.write_all(content::schema().as_bytes())?;
    done(out)
}

/// `aims check [PATH]`: the content passes every rule, or every problem is reported.
fn check(out: &mut impl Write, origin: Origin, path: Option<PathBuf>) -> anyhow::Result<()> {
    let origin = path.map_or(origin, |path| Origin::File {
        path,
        from_env: false,
    });
    let content = content::load_checked(&origin)?;
    // Say which content: a user's own content/aims.toml is not the built-in one.
    let name = match origin {
        Origin::Builtin => format!("{origin} (built in)"),
        Origin::File { .. } => origin.to_string(),
    };
    writeln!(out, "{name}: ok, {}", summary(&content))?;
    done(out)
}

/// `aims list` and `aims search WORDS`: the aims the filters (and words) select.
fn list(
    out: &mut Screen,
    origin: &Origin,
    (filters, words): (FilterArgs, &[String]),
    (output, handout): (OutputArgs, HandoutArgs),
    config: &Config,
) -> anyhow::Result<()> {
    let content = content::load(origin)?;
    let answer::Selected {
        query,
        hits,
        answer: answered,
        mut listing,
    } = answer::select(&content, &filters.into_filters(), words)?;
    if let Some(facet) = handout.group_by {
        listing.groups = Some(listing::groups(&content, &hits, facet));
    }
    if output.format == Some(Format::Html) {
        let heading = match (words.is_empty(), handout.group_by) {
            (true, None) => "Aims".to_owned(),
            (true, Some(facet)) => format!("Aims by {}", facet.noun()),
            (false, _) => format!("Aims that hold “{}”", words.join(" ")),
        };
        return handout_page(
            out,
            &content,
            (&hits, &listing),
            (&heading, output.columns.as_deref()),
            handout.style,
        );
    }
    print(out, &listing, output, config, false)?;
    if config.interactive {
        // Where to look next, for a person: a script has `aims domains`.
        let next: Vec<String> = query::see_also(&content, &query)
            .into_iter()
            .map(|(name, count)| format!("{name} ({count})"))
            .collect();
        if !next.is_empty() {
            out.note(format!("see also: {}", next.join(", ")));
        }
        if let query::Answer::Some(apart) = &answered {
            let apart: Vec<String> = apart
                .iter()
                .map(|w| format!("`{}`", crate::suggest::shown(w)))
                .collect();
            out.note(format!(
                "note: no aim holds all of {}: these hold some of them, best first",
                apart.join(", ")
            ));
        }
        if hits.is_empty() && !words.is_empty() {
            for note in query::emptiness(&content, words) {
                out.note(note);
            }
        }
    }
    Ok(())
}

/// The aims of `listing` (the rows of `hits`) as a page to print. It shows
/// each aim whole: `--columns` does not apply.
fn handout_page(
    out: &mut Screen,
    content: &Content,
    (hits, listing): (&[query::Hit], &Listing),
    (heading, columns): (&str, Option<&[String]>),
    style: cite::Style,
) -> anyhow::Result<()> {
    if columns.is_some() {
        return Err(UsageError {
            message: "--columns does not apply to html: the page shows each aim whole".to_owned(),
            hints: vec!["pick columns in a table, tsv, csv or markdown".into()],
        }
        .into());
    }
    let page = crate::page::handout(
        content,
        hits,
        listing.groups.as_deref(),
        heading,
        &listing.notes,
        style,
    );
    out.write_all(page.as_bytes())?;
    done(out)
}

/// `aims browse`: the browser, over the aims the filters select; an aim
/// chosen with Enter (when stdout is not a terminal) is printed as `list`
/// prints it.
fn browse(
    out: &mut Screen,
    origin: &Origin,
    filters: FilterArgs,
    output: OutputArgs,
    config: &Config,
) -> anyhow::Result<()> {
    let content = content::load(origin)?;
    // The filters given hold throughout: the header says which.
    let given: Vec<String> = [
        ("-p", &filters.pillar),
        ("-d", &filters.domain),
        ("-c", &filters.clause),
        ("--source", &filters.source),
        ("-t", &filters.text),
    ]
    .into_iter()
    .filter(|(_, values)| !values.is_empty())
    .map(|(flag, values)| format!("{flag} {}", values.join(",")))
    .collect();
    let base = filtered(&content, filters)?;
    let mut browser = Browser::new(&content, base, !config.interactive);
    browser.color = config.screen_color;
    browser.given = (!given.is_empty()).then(|| given.join(" "));
    let Some(hit) = browse::run(&mut browser)? else {
        // A script asked for an aim and got none.
        return if config.interactive {
            Ok(())
        } else {
            Err(browse::Cancelled.into())
        };
    };
    let listing = listing::aims(&content, &[hit], false);
    print(out, &listing, output, config, true)
}

/// `aims show ID...`: the aims named, each in full.
fn show(
    out: &mut Screen,
    origin: &Origin,
    (ids, with_context): (&[String], bool),
    (output, handout): (OutputArgs, HandoutArgs),
    config: &Config,
) -> anyhow::Result<()> {
    let content = content::load(origin)?;
    let (hits, mut listing) = answer::show(&content, ids, with_context)?;
    if let Some(facet) = handout.group_by {
        listing.groups = Some(listing::groups(&content, &hits, facet));
    }
    if output.format == Some(Format::Html) {
        if with_context {
            return Err(UsageError {
                message: "--context does not apply to html".to_owned(),
                hints: vec![
                    "the sentence around a quote is in table, tsv, csv, json and markdown".into(),
                ],
            }
            .into());
        }
        let heading = if hits.len() == 1 { "Aim" } else { "Aims" };
        return handout_page(
            out,
            &content,
            (&hits, &listing),
            (heading, output.columns.as_deref()),
            handout.style,
        );
    }
    print(out, &listing, output, config, true)
}

/// `aims cite ID...`: each aim's quote with its citation, then the references;
/// or an entry per source for a reference manager.
fn cite(
    out: &mut impl Write,
    origin: &Origin,
    ids: &[String],
    style: cite::Style,
    format: cite::Output,
    with_ids: bool,
) -> anyhow::Result<()> {
    if format == cite::Output::Docx && std::io::stdout().is_terminal() {
        // The command as typed, options and all, so that the hint runs as is.
        let typed: Vec<String> = std::env::args().skip(1).collect();
        return Err(UsageError {
            message: "a Word document is binary: it would garble the terminal".to_owned(),
            hints: vec![Hint::Say(format!(
                "redirect it to a file: aims {} > quotes.docx",
                shell_words::join(&typed)
            ))],
        }
        .into());
    }
    let content = content::load(origin)?;
    let citing = answer::Citing::new(&content, ids, style)?;
    out.write_all(&citing.output(format, with_ids)?)?;
    done(out)
}

/// `aims matrix`: how many of the selected aims each pair of facets shares.
fn matrix(
    out: &mut Screen,
    origin: &Origin,
    (rows, cols): (Facet, Facet),
    filters: FilterArgs,
    output: OutputArgs,
    config: &Config,
) -> anyhow::Result<()> {
    let content = content::load(origin)?;
    let selected = filtered(&content, filters)?;
    let listing = listing::matrix(&content, &selected, rows, cols);
    if output.format == Some(Format::Html) {
        let heading = format!("Aims by {} and {}", rows.noun(), cols.noun());
        let page = crate::page::matrix(
            &listing,
            &listing::facet_names(&content, rows),
            &listing::facet_names(&content, cols),
            &heading,
        );
        out.write_all(page.as_bytes())?;
        return done(out);
    }
    print(out, &listing, output, config, false)
}

/// The aims the filters select, in the content's order.
fn filtered(content: &Content, filters: FilterArgs) -> anyhow::Result<Vec<query::Hit>> {
    let query = Query::resolve(content, &filters.into_filters(), &[])?;
    Ok(query::select(content, &query))
}

/// `aims pillars`, `domains`, `clauses`, `sources`: one kind of record, with counts.
fn facets(
    out: &mut Screen,
    origin: &Origin,
    listing: fn(&Content) -> Listing,
    output: OutputArgs,
    config: &Config,
) -> anyhow::Result<()> {
    let listing = listing(&content::load(origin)?);
    print(out, &listing, output, config, false)
}

/// Prints a listing in the style the settings and `output` ask for; `records`
/// prints each row as a block on a terminal (unless columns are asked for).
fn print(
    out: &mut Screen,
    listing: &Listing,
    output: OutputArgs,
    config: &Config,
    records: bool,
) -> anyhow::Result<()> {
    let style = config.style(output.format, output.columns, !output.no_header);
    // Records in full, unless grouped: then tables under headings.
    if records
        && style.format == Format::Table
        && style.columns.is_none()
        && listing.groups.is_none()
    {
        output::print_records(out, listing, &style)
    } else {
        output::print(out, listing, &style)
    }
    .context("cannot write output")?;
    done(out)?;
    if listing.rows.is_empty() && style.format == Format::Table {
        // A terminal that shows nothing leaves a person wondering.
        out.note(format!("aims: no {} match", listing.noun));
    }
    Ok(())
}

fn done(out: &mut impl Write) -> anyhow::Result<()> {
    out.flush().context("cannot write output")
}

/// "29 aims, 4 pillars, ...": what a valid content holds.
fn summary(content: &Content) -> String {
    let count = |n: usize, noun: &str| {
        if n == 1 {
            format!("{n} {noun}")
        } else {
            format!("{n} {noun}s")
        }
    };
    [
        count(content.aims.len(), "aim"),
        count(content.pillars.len(), "pillar"),
        count(content.domains.len(), "domain"),
        count(content.clauses.len(), "clause"),
        count(content.sources.len(), "source"),
    ]
    .join(", ")
}
