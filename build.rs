//! Takes the three CSL styles `aims cite` renders with (MLA 9, APA 7, Chicago
//! 18 notes and bibliography) and the one locale they use (en-US) out of
//! hayagriva's archive, into `OUT_DIR`, as the CBOR the archive holds: the
//! binary embeds these four instead of the archive's ~90 styles and ~60
//! locales (3.4 MB), and renders the same citations from them.

use std::path::Path;
use std::{env, fs};

use hayagriva::archive::{ArchivedStyle, LOCALES};
use hayagriva::citationberg::{Locale, LocaleCode, Style};

fn main() {
    let out = env::var_os("OUT_DIR").expect("cargo sets OUT_DIR for a build script");
    let out = Path::new(&out);
    for (file, archived) in [
        ("mla.cbor", ArchivedStyle::ModernLanguageAssociation),
        ("apa.cbor", ArchivedStyle::AmericanPsychologicalAssociation),
        ("chicago.cbor", ArchivedStyle::ChicagoNotes),
    ] {
        let style = archived.get();
        let Style::Independent(independent) = &style else {
            panic!("{file}: the archive's MLA, APA and Chicago styles stand alone");
        };
        // Only en-US is embedded: hayagriva looks a style's terms up in its
        // default locale, then in en-US.
        assert!(
            independent
                .default_locale
                .as_ref()
                .is_none_or(|locale| *locale == LocaleCode::en_us()),
            "{file}: a style whose default locale is not en-US needs its locale embedded too"
        );
        // The archive's own bytes are private to hayagriva: the style written
        // again, and read back the same.
        let mut bytes = Vec::new();
        ciborium::into_writer(&style, &mut bytes).expect("writing CBOR to memory");
        let again: Style = ciborium::from_reader(bytes.as_slice()).expect("reading it back");
        assert!(again == style, "{file}: the style reads back the same");
        fs::write(out.join(file), bytes).expect("writing to OUT_DIR");
    }
    let en_us = LOCALES
        .iter()
        .find(|bytes| {
            let locale: Locale = ciborium::from_reader(**bytes).expect("an archived locale");
            locale.lang == Some(LocaleCode::en_us())
        })
        .expect("the archive holds the en-US locale");
    fs::write(out.join("en-US.cbor"), en_us).expect("writing to OUT_DIR");
    println!("cargo::rerun-if-changed=build.rs");
}
