//! What the browser holds and how each key changes it: the search typed, the
//! pillar, domain and clause picked, the aims they select (best first) and
//! the one selected. No terminal here: keys in, an outcome out.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use rustc_hash::FxHashMap as HashMap;

use super::clipboard::Way;
use crate::cite;
use crate::listing::Facet;
use crate::model::{Content, Ref};
use crate::query::Hit;
use crate::search::{Index, Terms};

/// The facets a picker narrows by, in the order of the keys p, d, c.
pub const PICKED: [Facet; 3] = [Facet::Pillar, Facet::Domain, Facet::Clause];

/// What is on the screen over the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum View {
    /// The list of aims, the selected one in full beside or below it.
    List,
    /// Choosing a record of a facet (`PICKED[facet]`): row 0 is "any".
    Picker { facet: usize, row: usize },
    /// The selected aim alone, in full, scrolled by `scroll` lines.
    Detail { scroll: u16 },
}

/// What a key asks of the terminal.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Draw again.
    Stay,
    Quit,
    /// End, and print this aim to stdout (Enter, when stdout is not a terminal).
    Print(Hit),
    /// Put this on a clipboard, and draw again.
    Copy(Clip),
}

/// What the copy key copies: what `aims cite ID` prints, as text and as HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clip {
    pub id: String,
    pub text: String,
    pub html: String,
}

pub struct Browser<'c> {
    pub content: &'c Content<'c>,
    index: Index,
    /// The aims the command line's filters select, in the content's order.
    base: Vec<Hit>,
    /// The narrower domains each aim of `base` came through (`--domain`).
    via: HashMap<usize, Vec<usize>>,
    /// The search typed.
    pub typed: String,
    /// Whether keys type into the search (else they are commands).
    pub typing: bool,
    /// The record picked of each facet of `PICKED`, if any.
    pub picked: [Option<usize>; 3],
    /// The aims shown, best first when searched.
    pub shown: Vec<Hit>,
    /// The words typed, parsed once: what is searched, and highlighted.
    pub marks: Option<Terms>,
    /// The row of `shown` selected.
    pub selected: usize,
    /// The first row of `shown` drawn, kept so that the list scrolls only
    /// when the selection leaves the screen.
    pub offset: usize,
    pub view: View,
    /// Said on the bottom line until the next key (what was copied).
    pub status: Option<String>,
    /// Enter prints the aim and ends (stdout is not a terminal).
    print_on_enter: bool,
    /// Colours on the screen (else bold, dim and reverse only).
    pub color: bool,
    /// The filters of the command line, as typed (`-d security`): they hold
    /// under every search and pick.
    pub given: Option<String>,
}

impl<'c> Browser<'c> {
    /// A browser over `base`, the aims the command line's filters selected.
    pub fn new(content: &'c Content<'c>, base: Vec<Hit>, print_on_enter: bool) -> Self {
        let via = base
            .iter()
            .filter(|hit| !hit.via.is_empty())
            .map(|hit| (hit.aim, hit.via.clone()))
            .collect();
        let mut browser = Browser {
            content,
            index: Index::new(content),
            via,
            shown: base.clone(),
            base,
            typed: String::new(),
            typing: true,
            picked: [None; 3],
            marks: None,
            selected: 0,
            offset: 0,
            view: View::List,
            status: None,
            print_on_enter,
            color: true,
            given: None,
        };
        browser.refresh();
        browser
    }

    /// The aim selected, if any is shown.
    pub fn current(&self) -> Option<&Hit> {
        self.shown.get(self.selected)
    }

    /// The aims of `base` that carry every record picked, but the one of
    /// facet `skip`.
    fn candidates(&self, skip: Option<usize>) -> Vec<usize> {
        let content = self.content;
        let domains = self.picked[1].map(|d| content.under(d));
        self.base
            .iter()
            .map(|hit| hit.aim)
            .filter(|&aim| {
                let aim = &content.aims[aim];
                let carries = |f: usize, tags: &[Ref]| {
                    skip == Some(f)
                        || self.picked[f].is_none_or(|picked| {
                            tags.iter().any(|tag| match (f, &domains) {
                                (1, Some(domains)) => domains[tag.index()],
                                _ => tag.index() == picked,
                            })
                        })
                };
                carries(0, &aim.pillars)
                    && carries(1, &aim.domains)
                    && carries(2, aim.clause.as_slice())
            })
            .collect()
    }

    /// The aims among `candidates` that hold the words typed, best first.
    fn search(&self, candidates: &[usize]) -> Vec<(usize, Option<f64>)> {
        match &self.marks {
            Some(terms) => self
                .index
                .rank(candidates, terms)
                .into_iter()
                .map(|(aim, score)| (aim, Some(score)))
                .collect(),
            None => candidates.iter().map(|&aim| (aim, None)).collect(),
        }
    }

    /// Selects the aims again after the search or a pick changed; the
    /// selection goes back to the best.
    fn refresh(&mut self) {
        self.marks = Terms::typed(&self.typed);
        let candidates = self.candidates(None);
        let found = self.search(&candidates);
        self.shown = found
            .into_iter()
            .map(|(aim, score)| Hit {
                aim,
                score,
                via: self.via.get(&aim).cloned().unwrap_or_default(),
            })
            .collect();
        self.selected = 0;
        self.offset = 0;
    }

    /// The records a picker for `PICKED[facet]` offers, each with how many
    /// aims picking it would show (the search and the other picks kept).
    pub fn choices(&self, facet: usize) -> Vec<usize> {
        let content = self.content;
        let found = self.search(&self.candidates(Some(facet)));
        if PICKED[facet] == Facet::Domain {
            // A domain counts the aims of its narrower domains too.
            return content.domain_counts(found.into_iter().map(|(aim, _)| aim));
        }
        let mut counts = vec![0; self.records(facet)];
        for (aim, _) in found {
            let aim = &content.aims[aim];
            match PICKED[facet] {
                Facet::Pillar => aim.pillars.iter().for_each(|p| counts[p.index()] += 1),
                _ => aim.clause.iter().for_each(|c| counts[c.index()] += 1),
            }
        }
        counts
    }

    /// How many records `PICKED[facet]` has.
    pub fn records(&self, facet: usize) -> usize {
        match PICKED[facet] {
            Facet::Pillar => self.content.pillars.len(),
            Facet::Domain => self.content.domains.len(),
            _ => self.content.clauses.len(),
        }
    }

    /// The name a record of `PICKED[facet]` is shown by.
    pub fn name(&self, facet: usize, record: usize) -> String {
        let content = self.content;
        match PICKED[facet] {
            Facet::Pillar => content.pillars[record].name.to_string(),
            Facet::Domain => content.domains[record].name.to_string(),
            _ => {
                let clause = &content.clauses[record];
                format!("{} {}", clause.id, clause.text)
            }
        }
    }

    /// What the copy key puts on the clipboard: what `aims cite ID` prints,
    /// as text and as HTML.
    fn citation(&self, aim: usize) -> Clip {
        let source = self.content.aims[aim].source.index();
        let cited = cite::cited(self.content, &[aim], &[source], cite::Style::Mla);
        Clip {
            id: self.content.aims[aim].id.to_string(),
            text: cite::text(&cited, false),
            html: cite::html(&cited, false),
        }
    }

    /// Says where a copy went: "copied" only where the system's clipboard
    /// took it; sent, where the terminal may or may not have.
    pub fn copied(&mut self, copy: &Clip, way: Way) {
        self.status = Some(match way {
            Way::System => format!(
                "copied {}'s quote and MLA reference, as text and HTML",
                copy.id
            ),
            Way::Terminal => format!(
                "sent {} to the terminal's clipboard (OSC 52); it may not arrive",
                copy.id
            ),
        });
    }

    /// Takes one key.
    pub fn key(&mut self, key: KeyEvent) -> Outcome {
        self.status = None;
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Char('c') if ctrl => return Outcome::Quit,
            KeyCode::Char('y') if ctrl => return self.copy(),
            _ => {}
        }
        match self.view.clone() {
            View::Picker { facet, row } => self.picker_key(key, facet, row),
            View::Detail { scroll } => self.detail_key(key, scroll),
            View::List if self.typing => self.typing_key(key, ctrl),
            View::List => self.list_key(key),
        }
    }

    fn copy(&mut self) -> Outcome {
        let Some(hit) = self.current() else {
            return Outcome::Stay;
        };
        Outcome::Copy(self.citation(hit.aim))
    }

    /// Enter on an aim: it alone, in full; or, for a pipe, the end.
    fn open(&mut self) -> Outcome {
        match self.current() {
            Some(hit) if self.print_on_enter => Outcome::Print(hit.clone()),
            Some(_) => {
                self.view = View::Detail { scroll: 0 };
                Outcome::Stay
            }
            None => Outcome::Stay,
        }
    }

    /// Keys that move the selection, in the list whether typing or not.
    fn moved(&mut self, code: KeyCode) -> bool {
        let last = self.shown.len().saturating_sub(1);
        self.selected = match code {
            KeyCode::Up => self.selected.saturating_sub(1),
            KeyCode::Down => (self.selected + 1).min(last),
            KeyCode::PageUp => self.selected.saturating_sub(10),
            KeyCode::PageDown => (self.selected + 10).min(last),
            KeyCode::Home => 0,
            KeyCode::End => last,
            _ => return false,
        };
        true
    }

    fn typing_key(&mut self, key: KeyEvent, ctrl: bool) -> Outcome {
        match key.code {
            code if self.moved(code) => {}
            KeyCode::Enter => return self.open(),
            KeyCode::Tab | KeyCode::Esc => self.typing = false,
            KeyCode::Backspace => {
                self.typed.pop();
                self.refresh();
            }
            KeyCode::Char('u') if ctrl => {
                self.typed.clear();
                self.refresh();
            }
            KeyCode::Char('w') if ctrl => {
                let kept = self.typed.trim_end().rfind(' ').map_or(0, |at| at + 1);
                self.typed.truncate(kept);
                self.refresh();
            }
            KeyCode::Char(c) if !ctrl => {
                self.typed.push(c);
                self.refresh();
            }
            _ => {}
        }
        Outcome::Stay
    }

    fn list_key(&mut self, key: KeyEvent) -> Outcome {
        match key.code {
            code if self.moved(code) => {}
            KeyCode::Char('k') => self.selected = self.selected.saturating_sub(1),
            KeyCode::Char('j') => {
                self.selected = (self.selected + 1).min(self.shown.len().saturating_sub(1));
            }
            KeyCode::Char('g') => self.selected = 0,
            KeyCode::Char('G') => self.selected = self.shown.len().saturating_sub(1),
            KeyCode::Enter => return self.open(),
            KeyCode::Char('/' | 'i') | KeyCode::Tab => self.typing = true,
            KeyCode::Char('q') | KeyCode::Esc => return Outcome::Quit,
            KeyCode::Char('y') => return self.copy(),
            KeyCode::Char('x') => {
                self.typed.clear();
                self.picked = [None; 3];
                self.refresh();
            }
            KeyCode::Char(c @ ('p' | 'd' | 'c')) => {
                let facet = "pdc".find(c).expect("p, d or c");
                // The picker opens on what is picked now.
                let row = self.picked[facet].map_or(0, |picked| picked + 1);
                self.view = View::Picker { facet, row };
            }
            _ => {}
        }
        Outcome::Stay
    }

    fn picker_key(&mut self, key: KeyEvent, facet: usize, row: usize) -> Outcome {
        let rows = self.records(facet) + 1;
        let row = match key.code {
            KeyCode::Up | KeyCode::Char('k') => row.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => (row + 1).min(rows - 1),
            KeyCode::PageUp => row.saturating_sub(10),
            KeyCode::PageDown => (row + 10).min(rows - 1),
            KeyCode::Home | KeyCode::Char('g') => 0,
            KeyCode::End | KeyCode::Char('G') => rows - 1,
            KeyCode::Enter => {
                self.picked[facet] = row.checked_sub(1);
                self.view = View::List;
                self.refresh();
                return Outcome::Stay;
            }
            KeyCode::Esc => {
                self.view = View::List;
                return Outcome::Stay;
            }
            KeyCode::Char('q') => return Outcome::Quit,
            _ => row,
        };
        self.view = View::Picker { facet, row };
        Outcome::Stay
    }

    fn detail_key(&mut self, key: KeyEvent, scroll: u16) -> Outcome {
        let scroll = match key.code {
            KeyCode::Up | KeyCode::Char('k') => scroll.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => scroll.saturating_add(1),
            KeyCode::PageUp => scroll.saturating_sub(10),
            KeyCode::PageDown | KeyCode::Char(' ') => scroll.saturating_add(10),
            KeyCode::Home | KeyCode::Char('g') => 0,
            KeyCode::Esc | KeyCode::Enter | KeyCode::Backspace => {
                self.view = View::List;
                return Outcome::Stay;
            }
            KeyCode::Char('y') => return self.copy(),
            KeyCode::Char('q') => return Outcome::Quit,
            _ => scroll,
        };
        self.view = View::Detail { scroll };
        Outcome::Stay
    }
}
