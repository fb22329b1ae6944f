//! Verbatim quote matching: whether a quote stands in its source (runs of white
//! space folded, `...` joining excerpts in order, whole words only), where it
//! parts from it if not, and the words that justify a tag.

use std::borrow::Cow;
use std::ops::Range;

use crate::diagnostic::Problem;

/// A text with each run of white space folded to one space, for verbatim matching.
pub struct Normalized {
    text: String,
}

/// Where a quote parts from its source.
#[derive(Debug, PartialEq, Eq)]
pub struct Mismatch {
    /// The part of the quote that does stand in the source (its end, at most).
    matched: String,
    /// What the quote says next.
    quote_next: String,
    /// What the source says next, where the matched part stands (None: nowhere).
    source_next: Option<String>,
}

impl Mismatch {
    pub fn problem(&self, span: Range<usize>, what: &str, whose: &str) -> Problem {
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

/// A needle for Knuth, Morris and Pratt's search: for each start of it, the
/// longest shorter start that is also its end, so that a search never reads
/// a byte of the haystack twice. memchr's `memmem` (Two-Way, also linear)
/// finds a first place faster, but skips the places that overlap one found,
/// and says nothing of the starts of the needle that stand in a haystack.
struct Needle<'n> {
    bytes: &'n [u8],
    /// For the start of each length `n + 1`, the length of its border.
    borders: Vec<usize>,
}

impl<'n> Needle<'n> {
    fn new(bytes: &'n [u8]) -> Self {
        let mut borders = vec![0; bytes.len()];
        let mut border = 0;
        for (n, &byte) in bytes.iter().enumerate().skip(1) {
            while border > 0 && bytes[border] != byte {
                border = borders[border - 1];
            }
            if bytes[border] == byte {
                border += 1;
            }
            borders[n] = border;
        }
        Needle { bytes, borders }
    }

    /// After each byte of `haystack`, the length of the longest start of the
    /// needle that ends there (the whole needle at most).
    fn ends<'h>(&'h self, haystack: &'h [u8]) -> impl Iterator<Item = usize> + 'h {
        let needle = self.bytes;
        let mut matched = 0;
        haystack.iter().map(move |&byte| {
            while matched > 0 && (matched == needle.len() || needle[matched] != byte) {
                matched = self.borders[matched - 1];
            }
            if needle.get(matched) == Some(&byte) {
                matched += 1;
            }
            matched
        })
    }

    /// Every place the needle (not empty) starts in `haystack`, overlapping
    /// places too.
    fn places<'h>(&'h self, haystack: &'h [u8]) -> impl Iterator<Item = usize> + 'h {
        let len = self.bytes.len();
        self.ends(haystack)
            .enumerate()
            .filter(move |&(_, matched)| matched == len && len > 0)
            .map(move |(at, _)| at + 1 - len)
    }
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
    pub fn new(text: &str) -> Self {
        Normalized {
            text: fold_whitespace(text).into_owned(),
        }
    }

    /// The whole sentence (or sentences) around the excerpts found at `places`
    /// (as `find` gave them), and the excerpts' places within it: a quote
    /// as it stands in its source, to quote it fairly.
    pub fn context(&self, places: &[Range<usize>]) -> (String, Vec<Range<usize>>) {
        let text = &self.text;
        let (Some(first), Some(last)) = (places.first(), places.last()) else {
            return (String::new(), Vec::new());
        };
        // A sentence ends at `.`, `?` or `!` (and any closing quotes) before a space.
        let ends: Vec<usize> = text
            .char_indices()
            .filter(|&(_, c)| matches!(c, '.' | '?' | '!'))
            .map(|(at, c)| {
                let mut end = at + c.len_utf8();
                while let Some(q) = text[end..]
                    .chars()
                    .next()
                    .filter(|q| matches!(q, '’' | '”' | '"' | '\''))
                {
                    end += q.len_utf8();
                }
                end
            })
            .filter(|&end| end == text.len() || text[end..].starts_with(' '))
            .collect();
        let start = ends
            .iter()
            .rev()
            .find(|&&end| end <= first.start)
            .map_or(0, |&end| end + usize::from(end < text.len()));
        let end = ends
            .iter()
            .find(|&&end| end >= last.end)
            .copied()
            .unwrap_or(text.len());
        let marks = places
            .iter()
            .map(|place| place.start - start..place.end - start)
            .collect();
        (text[start..end].to_owned(), marks)
    }

    /// Finds each `...`-separated excerpt of `quote`, in order, each starting and
    /// ending on a word boundary. Returns their places in the folded text.
    pub fn find(&self, quote: &str) -> Result<Vec<Range<usize>>, Mismatch> {
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

    /// Where `excerpt` (not empty) first stands after `from` on word
    /// boundaries; in time linear in the text and the excerpt.
    fn find_excerpt(&self, excerpt: &str, from: usize) -> Option<usize> {
        let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let first = excerpt.chars().next();
        let last = excerpt.chars().next_back();
        let fits = |start: usize| {
            let before = self.text[..start].chars().next_back();
            let after = self.text[start + excerpt.len()..].chars().next();
            let cuts_a_word = word(before) && word(first) || word(after) && word(last);
            !cuts_a_word
        };
        let haystack = &self.text.as_bytes()[from..];
        // Most often the first place is the one: found the fastest way.
        let first_place = from + memchr::memmem::find(haystack, excerpt.as_bytes())?;
        if fits(first_place) {
            return Some(first_place);
        }
        // Else one that cuts a word may overlap one that does not: every
        // place from there on.
        Needle::new(excerpt.as_bytes())
            .places(&self.text.as_bytes()[first_place..])
            .map(|start| first_place + start)
            .find(|&start| fits(start))
    }

    /// Finds the longest start of `excerpt` that stands in the text after `from`,
    /// to show where the quote parts from it.
    fn mismatch(&self, whole: &str, from: usize) -> Mismatch {
        let rest = &self.text.as_bytes()[from..];
        // A start longer than the rest of the text cannot stand in it: look no further.
        let excerpt = &whole[..whole.floor_char_boundary(rest.len())];
        // One pass finds the longest start that stands in the rest, cut to
        // whole characters (a start that stands makes every shorter one stand).
        let longest = Needle::new(excerpt.as_bytes()).ends(rest).max();
        let longest = excerpt.floor_char_boundary(longest.unwrap_or(0));
        let at = memchr::memmem::find(rest, &excerpt.as_bytes()[..longest]);
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
            quote_next: head(whole[matched.len()..].trim_start(), SHOW_CHARS),
            source_next: if matched.is_empty() {
                None
            } else {
                source_next
            },
        }
    }
}

/// The words of a text, lower-cased, for checking that a tag is justified.
pub struct Words {
    padded: String,
}

impl Words {
    pub fn new(text: &str) -> Self {
        Words {
            padded: format!(" {} ", Self::fold(text)),
        }
    }

    pub fn fold(text: &str) -> String {
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
        self.contains_padded(&Self::pad(term))
    }

    /// As `contains`, for a term as `pad` gives it.
    pub fn contains_padded(&self, term: &str) -> bool {
        // Folded, words stand between single spaces: a term with a space at
        // each end stands in the text only as whole words.
        !term.is_empty() && memchr::memmem::find(self.padded.as_bytes(), term.as_bytes()).is_some()
    }

    /// `term` folded as a text's words are, with a space at each end; empty
    /// if it has no words, and then it stands in no text.
    pub fn pad(term: &str) -> String {
        let folded = Self::fold(term);
        if folded.is_empty() {
            folded
        } else {
            format!(" {folded} ")
        }
    }
}
/// The first `...`-separated excerpt of `quote` that holds no letter or digit
/// (a quote of only punctuation says nothing), or the whole quote if it has
/// no excerpt at all.
pub fn wordless_excerpt(quote: &str) -> Option<String> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::suggest::Hint;

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
    fn a_needle_is_found_everywhere_and_its_longest_start_anywhere() {
        for (haystack, needle, places, longest) in [
            ("aaaa", "aa", vec![0, 1, 2], 2),
            ("abababa", "aba", vec![0, 2, 4], 3),
            ("abcabd", "abd", vec![3], 3),
            ("aabaabaaa", "aabaaa", vec![3], 6),
            ("abcab", "abcabx", vec![], 5),
            ("xyz", "abc", vec![], 0),
            ("", "a", vec![], 0),
            ("abc", "", vec![], 0),
        ] {
            let prepared = Needle::new(needle.as_bytes());
            let found: Vec<usize> = prepared.places(haystack.as_bytes()).collect();
            assert_eq!(found, places, "{needle:?} in {haystack:?}");
            let most = prepared.ends(haystack.as_bytes()).max().unwrap_or(0);
            assert_eq!(most, longest, "{needle:?} in {haystack:?}");
        }
    }

    proptest::proptest! {
        /// Against the plain definition, over a small alphabet where places
        /// overlap and starts repeat.
        #[test]
        fn a_needle_finds_what_comparing_at_every_place_finds(
            haystack in "[ab ]{0,40}",
            needle in "[ab ]{1,6}",
        ) {
            let (haystack, needle) = (haystack.as_bytes(), needle.as_bytes());
            let prepared = Needle::new(needle);
            let places: Vec<usize> = (0..haystack.len())
                .filter(|&at| haystack[at..].starts_with(needle))
                .collect();
            proptest::prop_assert_eq!(prepared.places(haystack).collect::<Vec<_>>(), places);
            let longest = (0..=needle.len())
                .filter(|&n| haystack.windows(n.max(1)).any(|w| n == 0 || w == &needle[..n]))
                .max()
                .unwrap_or(0);
            proptest::prop_assert_eq!(prepared.ends(haystack).max().unwrap_or(0), longest);
        }
    }

    #[test]
    fn a_place_that_cuts_a_word_does_not_hide_one_that_overlaps_it() {
        // "a a" first stands at 1, inside "aa"; then at 3, whole.
        let text = Normalized::new("aa a a");
        assert_eq!(text.find("a a").expect("at 3"), vec![3..6]);
        let text = Normalized::new("xab ab ab");
        assert_eq!(text.find("ab ab").expect("at 4"), vec![4..9]);
        // The first place, at the start, cuts the word after it.
        let text = Normalized::new("ab ab a");
        assert_eq!(text.find("ab a").expect("at 3"), vec![3..7]);
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
    fn white_space_folds_to_single_spaces_borrowing_what_is_folded_already() {
        for (text, expected, borrowed) in [
            ("", "", true),
            ("a b", "a b", true),
            ("é b", "é b", true),
            ("éb", "éb", true),
            ("a  b", "a b", false),
            ("a   b", "a b", false),
            ("a    b", "a b", false),
            (" a", "a", false),
            ("a ", "a", false),
            ("a\tb", "a b", false),
            ("a\t\tb", "a b", false),
            ("a\nb", "a b", false),
            ("a\r\nb", "a b", false),
            ("a\u{b}\u{c}b", "a b", false),
            ("é\tb", "é b", false),
            ("é  b", "é b", false),
            (" é", "é", false),
            ("é ", "é", false),
            ("\u{a0}", "", false),
            ("é\u{a0}é", "é é", false),
            ("é\u{3000} é", "é é", false),
        ] {
            let folded = fold_whitespace(text);
            assert_eq!(folded, expected, "{text:?}");
            assert_eq!(matches!(folded, Cow::Borrowed(_)), borrowed, "{text:?}");
        }
    }

    #[test]
    fn a_shown_end_or_start_is_cut_only_past_its_length() {
        assert_eq!(tail("abc", 3), "abc");
        assert_eq!(tail("abcd", 3), "...bcd");
        assert_eq!(tail("çé", 3), "çé");
        assert_eq!(head("abc", 3), "abc");
        assert_eq!(head("abcd", 3), "abc...");
        assert_eq!(head("çéàü", 3), "çéà...");
    }

    #[test]
    fn the_context_of_a_quote_is_its_whole_sentence() {
        let source = Normalized::new(
            "Title? First one. It says: ‘a; b; c.’ Then, at last, more!  It grew 2.5 times. End",
        );
        let context = |quote: &str| {
            let places = source.find(quote).expect("in the source");
            let (text, marks) = source.context(&places);
            let marked: Vec<String> = marks.iter().map(|m| text[m.clone()].to_owned()).collect();
            (text, marked.join("|"))
        };
        let expect = |text: &str, marked: &str| (text.to_owned(), marked.to_owned());
        assert_eq!(context("First"), expect("First one.", "First"));
        assert_eq!(context("b"), expect("It says: ‘a; b; c.’", "b"));
        assert_eq!(context("a; ... c"), expect("It says: ‘a; b; c.’", "a;|c"));
        assert_eq!(context("Title"), expect("Title?", "Title"));
        assert_eq!(
            context("at last, more!"),
            expect("Then, at last, more!", "at last, more!")
        );
        assert_eq!(context("End"), expect("End", "End"));
        // A point within a number ends no sentence.
        assert_eq!(context("5 times"), expect("It grew 2.5 times.", "5 times"));
        assert_eq!(source.context(&[]), (String::new(), Vec::new()));
    }

    #[test]
    fn excerpts_part_at_each_ellipsis() {
        let parts: Vec<&str> = excerpts("a. b... c....d...").collect();
        assert_eq!(parts, ["a. b", " c", ".d", ""]);
        assert_eq!(excerpts("no dots").collect::<Vec<_>>(), ["no dots"]);
    }

    #[test]
    fn a_mismatch_shows_whole_words_in_any_script() {
        let text = Normalized::new("Türk dünyası birliği; and peace and stability.");
        for (quote, matched, quote_next, source_next) in [
            // Parted inside a word: the hint starts at that word.
            (
                "Türk dünyası birlik",
                "Türk dünyası",
                "birlik",
                Some("birliği; and peace and s..."),
            ),
            (
                "peace and security",
                "peace and",
                "security",
                Some("stability."),
            ),
            // Parted at a word's end.
            ("and stability!", "and stability", "!", Some(".")),
            // The quote goes on where the text ends.
            ("stability. More", "stability.", "More", None),
            // Longer than the text after the cursor: no start of it stands.
            (
                "war and peace and war and peace and war and peace and war",
                "",
                "war and peace and war an...",
                None,
            ),
        ] {
            let mismatch = text.find(quote).expect_err(quote);
            assert_eq!(
                mismatch,
                Mismatch {
                    matched: matched.to_owned(),
                    quote_next: quote_next.to_owned(),
                    source_next: source_next.map(str::to_owned),
                },
                "{quote:?}"
            );
        }
    }

    #[test]
    fn a_mismatch_after_an_ellipsis_is_looked_for_after_the_excerpt_before() {
        let text = Normalized::new("one two three. one two four.");
        let mismatch = text.find("three ... one two five").expect_err("five");
        assert_eq!(mismatch.matched, "one two");
        assert_eq!(mismatch.quote_next, "five");
        assert_eq!(mismatch.source_next.as_deref(), Some("four."));
        // Each excerpt is found after the one before it.
        assert_eq!(text.find("two ... two").expect("in order"), [4..7, 19..22]);
    }

    /// Parted inside a word after a hyphen: the hyphen is matched.
    #[test]
    fn a_mismatch_inside_a_hyphenated_word_keeps_the_hyphen() {
        let text = Normalized::new("work for peace-building now");
        let mismatch = text.find("peace-bringing").expect_err("differs");
        assert_eq!(mismatch.matched, "peace-");
        assert_eq!(mismatch.quote_next, "bringing");
        assert_eq!(mismatch.source_next.as_deref(), Some("building now"));
    }

    /// A quote longer than its whole source still shows what it goes on with.
    #[test]
    fn a_mismatch_past_a_short_source_shows_the_rest_of_the_quote() {
        let text = Normalized::new("peace");
        let mismatch = text.find("peace and more").expect_err("longer");
        assert_eq!(mismatch.matched, "peace");
        assert_eq!(mismatch.quote_next, "and more");
        assert_eq!(mismatch.source_next, None);
        let text = Normalized::new("péace");
        let mismatch = text.find("péace é").expect_err("longer");
        assert_eq!(
            (mismatch.matched.as_str(), mismatch.quote_next.as_str()),
            ("péace", "é")
        );
    }

    #[test]
    fn a_mismatch_renders_its_hints() {
        let text = Normalized::new("peace and stability");
        let render = |quote: &str| {
            let problem = text
                .find(quote)
                .expect_err(quote)
                .problem(0..1, "the quote", "the page");
            (problem.message, problem.hints)
        };
        let rule = "letters, case and punctuation must be as in the source; `...` joins excerpts in their order";
        assert_eq!(
            render("war"),
            (
                "the quote is not verbatim in the page".to_owned(),
                vec![
                    Hint::from("its words \"war\" are not in the page"),
                    Hint::from(rule)
                ]
            )
        );
        assert_eq!(
            render("stability now").1[0].to_string(),
            "after \"stability\" the quote has \"now\", where the text ends"
        );
    }

    #[test]
    fn words_fold_the_same_in_ascii_and_in_any_script() {
        for (text, folded) in [
            ("Good-Neighbor  Relations", "good neighbor relations"),
            ("  -Hello, World!", "hello world"),
            ("¡Hola, Señor!", "hola señor"),
            ("Türk-Dünyası", "türk dünyası"),
            ("x", "x"),
            ("", ""),
            ("--", ""),
        ] {
            assert_eq!(Words::fold(text), folded, "{text:?}");
        }
    }
}
