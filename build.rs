//! What the build needs beyond the Rust code: the CSL styles `aims cite`
//! renders with, and, on Linux with glibc, a static link of the binary.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::{env, fs};

use hayagriva::archive::{ArchivedStyle, LOCALES};
use hayagriva::citationberg::{Locale, LocaleCode, Style};

fn main() {
    let out = env::var_os("OUT_DIR").expect("cargo sets OUT_DIR for a build script");
    let out = Path::new(&out);
    styles(out);
    if let Err(why) = link_statically(out) {
        println!("cargo::warning=aims links dynamically: {why}");
    }
    println!("cargo::rerun-if-changed=build.rs");
}

/// Takes the three CSL styles `aims cite` renders with (MLA 9, APA 7, Chicago
/// 18 notes and bibliography) and the one locale they use (en-US) out of
/// hayagriva's archive, into `out`, as the CBOR the archive holds: the binary
/// embeds these four instead of the archive's ~60 locales, and renders the
/// same citations from them.
fn styles(out: &Path) {
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
}

/// Links the binary statically, at a fixed address, on Linux with glibc: a
/// query on the built-in content costs about what starting a process costs,
/// and loading the shared libraries and relocating a position-independent
/// binary were a third of that (about 155 page faults and 1.13 million
/// instructions where grep takes 104 and 0.61 million; 80 and 0.78 million
/// static).
/// Elsewhere, and where the archives are missing, the binary links as Rust
/// links it.
///
/// `-C target-feature=+crt-static` would say it to rustc, but a flag for the
/// target reaches the proc-macros too when no `--target` is named, and they
/// cannot be static; and rustc asks for `-lc`, `-lgcc_s` and the rest as
/// shared libraries. So the binaries' link gets `-static -no-pie` and, ahead
/// of the system's, a folder where each of those names is the static
/// archive: a linker script naming it (`libgcc_eh` for `libgcc_s`, the
/// unwinder).
fn link_statically(out: &Path) -> Result<(), String> {
    let target = |key: &str| env::var(format!("CARGO_CFG_TARGET_{key}")).unwrap_or_default();
    if target("OS") != "linux" || target("ENV") != "gnu" {
        return Ok(());
    }
    if target("FEATURE")
        .split(',')
        .any(|feature| feature == "crt-static")
    {
        // rustc links statically itself.
        return Ok(());
    }
    // The C compiler that links, asked where its archives are: the target's.
    let linker = match env::var("RUSTC_LINKER") {
        Ok(linker) => linker,
        Err(_) if env::var("HOST") == env::var("TARGET") => "cc".to_owned(),
        Err(_) => return Err("no linker is named for the target".to_owned()),
    };
    let folder = out.join("static");
    fs::create_dir_all(&folder).map_err(|err| err.to_string())?;
    for (name, archive) in [
        ("gcc_s", "libgcc_eh.a"),
        ("c", "libc.a"),
        ("m", "libm.a"),
        ("pthread", "libpthread.a"),
        ("dl", "libdl.a"),
        ("rt", "librt.a"),
        ("util", "libutil.a"),
    ] {
        let path = archive_path(&linker, archive)?;
        let script = format!("INPUT(\"{}\")\n", path.display());
        fs::write(folder.join(format!("lib{name}.a")), script).map_err(|err| err.to_string())?;
    }
    println!("cargo::rustc-link-arg-bins=-L{}", folder.display());
    println!("cargo::rustc-link-arg-bins=-static");
    println!("cargo::rustc-link-arg-bins=-no-pie");
    Ok(())
}

/// Where `linker` finds `archive`, by `-print-file-name`.
fn archive_path(linker: &str, archive: &str) -> Result<PathBuf, String> {
    let output = Command::new(linker)
        .arg(format!("-print-file-name={archive}"))
        .output()
        .map_err(|err| format!("cannot run {linker}: {err}"))?;
    let path = PathBuf::from(String::from_utf8_lossy(&output.stdout).trim());
    // A name it cannot find, it prints back as it was given.
    if output.status.success() && path.is_absolute() && path.is_file() {
        Ok(path)
    } else {
        Err(format!("{linker} finds no {archive}"))
    }
}
