//! Any words as a search of the built-in content: resolving, selecting
//! (every word, topics, the ranked fallback), the empty answer's notes and
//! the typed search of the browser never panic, whatever the bytes.
#![no_main]

use aims::content::{Origin, load};
use aims::query::{self, Filters, Query};
use aims::search::Terms;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // Loaded once: the content is the same for every input.
    thread_local! {
        static CONTENT: aims::model::Content<'static> =
            load(&Origin::Builtin).expect("the built-in content loads");
    }
    CONTENT.with(|content| search(content, text));
});

fn search(content: &aims::model::Content<'static>, text: &str) {
    // Split at U+0001, as separate arguments; each may hold spaces (a phrase).
    let words: Vec<String> = text.split('\u{1}').map(str::to_owned).collect();
    if let Ok(query) = Query::resolve(content, &Filters::default(), &words) {
        let (hits, _) = query::select_with(content, &query);
        if hits.is_empty() {
            let _ = query::emptiness(content, &words);
        }
    }
    let _ = Terms::typed(text);
}
