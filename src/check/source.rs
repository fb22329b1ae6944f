//! What a citation needs, checked: a source's address is a well-formed web
//! address, its dates are real days (published no later than read), and a
//! clause's own position in its instrument says where it was verified.

use crate::diagnostic::Problem;
use crate::model::{Clause, Source, Text};

/// Checks the publication details of every source.
pub fn check_sources(sources: &[Source], problems: &mut Vec<Problem>) {
    for source in sources {
        let owner = format!("source `{}`", source.id);
        if let Some(url) = &source.url
            && let Some(why) = bad_address(url)
        {
            problems.push(
                Problem::new(url.span.clone(), format!("the url of {owner} {why}"))
                    .hint("write the whole address, as in https://example.org/page"),
            );
        }
        if let Some(short) = &source.short_title
            && !starts_the_title(short, &source.title)
        {
            problems.push(
                Problem::new(
                    short.span.clone(),
                    format!("the short title of {owner} does not begin its title"),
                )
                .hint(format!(
                    "a short title is the title's first words, as in \"{}\"",
                    first_words(&source.title)
                )),
            );
        }
        let published = date(source.published.as_ref(), "published", &owner, problems);
        let accessed = date(source.accessed.as_ref(), "accessed", &owner, problems);
        if let (Some(published), Some(accessed), Some(text)) =
            (published, accessed, &source.published)
            && published > accessed
        {
            problems.push(Problem::new(
                text.span.clone(),
                format!("{owner} was published on {text}, after it was accessed"),
            ));
        }
    }
}

/// Whether `short` is `title`'s first whole words (case aside), as MLA and
/// CSL shorten a title: a shorter form of some other title would cite a
/// different work.
fn starts_the_title(short: &str, title: &str) -> bool {
    let short = short.trim();
    let Some(rest) = title
        .get(..short.len())
        .filter(|head| !short.is_empty() && head.to_lowercase() == short.to_lowercase())
        .map(|_| &title[short.len()..])
    else {
        return false;
    };
    rest.chars().next().is_none_or(|c| !c.is_alphanumeric())
}

/// A title's first four words, as a short title could be.
fn first_words(title: &str) -> String {
    title
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .to_owned()
}

/// What is wrong with a web address, if anything.
fn bad_address(url: &str) -> Option<String> {
    match url::Url::parse(url.trim()) {
        Err(error) => Some(format!("is not a web address ({error})")),
        Ok(parsed) if !matches!(parsed.scheme(), "http" | "https") => Some(format!(
            "is not a web address: it starts with `{}:`, not `https:`",
            parsed.scheme()
        )),
        Ok(parsed) if parsed.host_str().is_none_or(|host| !host.contains('.')) => {
            Some("is not a web address: it names no site".to_owned())
        }
        Ok(_) => None,
    }
}

/// A date field as (year, month, day), if it is a real day; a problem if not.
fn date(
    text: Option<&Text>,
    field: &str,
    owner: &str,
    problems: &mut Vec<Problem>,
) -> Option<(u32, u32, u32)> {
    let text = text?;
    let day = calendar_day(text);
    if day.is_none() {
        problems.push(
            Problem::new(
                text.span.clone(),
                format!(
                    "the {field} date of {owner}, `{}`, is not a day of the calendar",
                    &**text
                ),
            )
            .hint("write it as YYYY-MM-DD, as in 2026-11-26"),
        );
    }
    day
}

/// `YYYY-MM-DD` as (year, month, day), if that day exists.
pub fn calendar_day(text: &str) -> Option<(u32, u32, u32)> {
    let mut parts = text.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some()
        || year.len() != 4
        || month.len() != 2
        || day.len() != 2
        || ![year, month, day]
            .iter()
            .all(|part| part.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let (year, month, day): (u32, u32, u32) =
        (year.parse().ok()?, month.parse().ok()?, day.parse().ok()?);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&day).then_some((year, month, day))
}

/// A clause's own position and where it was verified come together.
pub fn check_clause_position(clause: &Clause, problems: &mut Vec<Problem>) {
    let owner = format!("clause `{}`", clause.id);
    match (&clause.official_item, &clause.verified_in) {
        (Some(item), None) => problems.push(
            Problem::new(
                item.span.clone(),
                format!("{owner} gives its official_item but not where it was verified"),
            )
            .hint("add verified_in = \"...\": the text, with its address, that shows the position"),
        ),
        (None, Some(verified)) => problems.push(Problem::new(
            verified.span.clone(),
            format!("{owner} says where its position was verified, but gives no official_item"),
        )),
        (Some(item), Some(_)) if item.value == 0 => problems.push(Problem::new(
            item.span.clone(),
            format!("{owner} gives official_item 0: items are numbered from 1"),
        )),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_calendar_day_exists() {
        for (text, expected) in [
            ("2026-11-26", Some((2026, 11, 26))),
            ("2024-02-29", Some((2024, 2, 29))),
            ("2026-02-28", Some((2026, 2, 28))),
            ("2026-02-29", None),
            ("1900-02-29", None),
            ("2000-02-29", Some((2000, 2, 29))),
            ("2026-04-31", None),
            ("2026-13-01", None),
            ("2026-00-10", None),
            ("2026-11-00", None),
            ("2026-1-26", None),
            ("26-11-2026", None),
            ("2026-11-26-1", None),
            ("2026-+1-26", None),
            ("", None),
        ] {
            assert_eq!(calendar_day(text), expected, "{text}");
        }
    }

    #[test]
    fn a_page_may_be_read_on_the_day_it_was_published_but_not_before() {
        let text = |s: &'static str| Text::new(0..0, s);
        let source = |published: &'static str| Source {
            id: text("page"),
            title: text("A page"),
            short_title: None,
            standing: text("s"),
            text: text("t"),
            url: None,
            site: None,
            publisher: None,
            section: None,
            published: Some(text(published)),
            accessed: Some(text("2026-11-26")),
            clause_note: None,
        };
        let mut problems = Vec::new();
        check_sources(&[source("2026-11-26"), source("2026-11-25")], &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        check_sources(&[source("2026-11-27")], &mut problems);
        assert_eq!(problems.len(), 1);
    }

    #[test]
    fn a_short_title_is_the_titles_first_words() {
        let title = "What does the Assembly aim to achieve?";
        for (short, expected) in [
            ("What does the Assembly", true),
            ("what Does the assembly", true),
            ("What does the Assembly aim to achieve?", true),
            ("What does the Assem", false),
            ("the Assembly", false),
            ("", false),
            ("What does the Assembly aim to achieve?!", false),
        ] {
            assert_eq!(starts_the_title(short, title), expected, "{short:?}");
        }
        assert_eq!(first_words(title), "What does the Assembly");
        assert_eq!(first_words("Aims: a list"), "Aims: a list");
        assert_eq!(first_words("One, two"), "One, two");
    }

    #[test]
    fn a_web_address_is_whole() {
        assert_eq!(
            bad_address("https://aots.ilerimun.com/introduction/x"),
            None
        );
        assert_eq!(bad_address("http://hozir.org/a.html"), None);
        assert!(
            bad_address("aots.ilerimun.com")
                .is_some_and(|w| w.starts_with("is not a web address ("))
        );
        assert!(bad_address("ftp://example.org/x").is_some_and(|w| w.contains("`ftp:`")));
        assert!(bad_address("https://localhost/x").is_some_and(|w| w.contains("names no site")));
    }
}
