//! Reading a content file's bytes: a regular file of UTF-8 text, stopped at
//! the first sign that it is not one (a NUL byte, invalid UTF-8) or is too
//! large, so that a binary named by mistake fails at once instead of filling
//! memory, and a device, pipe or folder is refused before it is opened.

use std::path::Path;

use crate::diagnostic::Lines;

/// The largest content file `aims` reads: far above any real content (a
/// million aims take about a third of this), low enough that a wrong path
/// cannot exhaust memory.
pub const MAX_CONTENT_BYTES: usize = 1 << 30;

/// How much is read at a time, and checked before the next.
const CHUNK_BYTES: usize = 1 << 20;

/// Reads a content file in chunks, stopping at the first sign that it is not a
/// TOML text (a NUL byte, invalid UTF-8) or is too large: a binary named by
/// mistake fails at once instead of filling memory. Only a regular file is
/// read: opening a named pipe with no writer would wait for ever.
pub fn read_file(path: &Path) -> anyhow::Result<String> {
    read_limited(path, MAX_CONTENT_BYTES, CHUNK_BYTES)
}

/// `read_file` with its limits as arguments, so that tests can reach them.
fn read_limited(path: &Path, most: usize, chunk: usize) -> anyhow::Result<String> {
    let cannot =
        |err: std::io::Error| anyhow::anyhow!("cannot read content file {}: {err}", path.display());
    // Asked of the path, not of the file opened: opening a named pipe waits
    // for a writer, and a device may never end.
    let kind = std::fs::metadata(path).map_err(cannot)?.file_type();
    if !kind.is_file() {
        anyhow::bail!(
            "cannot read content file {}: it is {}, not a TOML file",
            path.display(),
            special(kind)
        );
    }
    let mut file = std::fs::File::open(path).map_err(cannot)?;
    let size_hint = file
        .metadata()
        .map_or(0, |m| usize::try_from(m.len()).unwrap_or(usize::MAX));
    // A file that says it is too large is refused before it is read.
    if size_hint > most {
        return Err(too_large(path, most));
    }
    let mut bytes = Vec::with_capacity(size_hint.min(most) + 1);
    let mut checked = 0;
    loop {
        // A chunk at a time, so that a device or a binary is caught early.
        let start = bytes.len();
        let read = std::io::Read::read_to_end(
            &mut std::io::Read::take(&mut file, chunk as u64),
            &mut bytes,
        )
        .map_err(cannot)?;
        if read == 0 {
            break;
        }
        if bytes.len() > most {
            return Err(too_large(path, most));
        }
        if let Some(nul) = bytes[start..].iter().position(|&b| b == 0) {
            let at = start + nul;
            // A bad byte before the NUL is the first problem.
            let text = match std::str::from_utf8(&bytes[..at]) {
                Ok(text) => text,
                Err(err) => return Err(utf8_invalid(path, &bytes, err.valid_up_to())),
            };
            let (line, column) = Lines::new(text).locate(at);
            anyhow::bail!(
                "{}:{line}:{column}: a NUL byte: this is binary data, not a TOML text file",
                path.display()
            );
        }
        checked = utf8_checked(path, &bytes, checked)?;
    }
    if checked < bytes.len() {
        // The file ends inside a multi-byte character.
        return Err(utf8_invalid(path, &bytes, checked));
    }
    String::from_utf8(bytes).map_err(|err| anyhow::anyhow!("{}: {err}", path.display()))
}

/// What a path that is not a regular file is, as a message names it.
fn special(kind: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
    }
    if kind.is_dir() {
        "a directory"
    } else {
        "a special file"
    }
}

fn too_large(path: &Path, most: usize) -> anyhow::Error {
    anyhow::anyhow!(
        "{}: larger than {} MiB, the most a content file may be",
        path.display(),
        most >> 20
    )
}

/// Checks the bytes after `checked` as UTF-8, allowing a character cut at the
/// end of the chunk; returns how far the bytes are valid.
fn utf8_checked(path: &Path, bytes: &[u8], checked: usize) -> anyhow::Result<usize> {
    match std::str::from_utf8(&bytes[checked..]) {
        Ok(_) => Ok(bytes.len()),
        Err(err) if err.error_len().is_none() => Ok(checked + err.valid_up_to()),
        Err(err) => Err(utf8_invalid(path, bytes, checked + err.valid_up_to())),
    }
}

fn utf8_invalid(path: &Path, bytes: &[u8], at: usize) -> anyhow::Error {
    // Everything before `at` is valid UTF-8, so it can be located.
    let (line, column) = Lines::new(&String::from_utf8_lossy(&bytes[..at])).locate(at);
    anyhow::anyhow!(
        "{}:{line}:{column}: invalid UTF-8 (byte 0x{:02x}); a content file must be UTF-8 text",
        path.display(),
        bytes[at]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A scratch file of `bytes`, unique to the test.
    fn scratch(name: &str, bytes: &[u8]) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("aims-read-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join(name);
        std::fs::write(&path, bytes).expect("written");
        path
    }

    fn error(result: anyhow::Result<String>) -> String {
        format!("{:#}", result.expect_err("an error"))
    }

    #[test]
    fn a_character_cut_by_a_chunk_boundary_is_read_whole() {
        // "é" is two bytes: with chunks of 4, the first ends inside it.
        let path = scratch("cut.toml", "abcé = 1\né".as_bytes());
        assert_eq!(read_limited(&path, 100, 4).expect("valid"), "abcé = 1\né");
        assert_eq!(read_limited(&path, 100, 1).expect("valid"), "abcé = 1\né");
    }

    #[test]
    fn invalid_utf8_is_located_in_any_chunk() {
        let path = scratch("bad.toml", b"ab\ncd\xffe");
        for chunk in [1, 2, 4, 5, 6, 100] {
            assert_eq!(
                error(read_limited(&path, 100, chunk)),
                format!(
                    "{}:2:3: invalid UTF-8 (byte 0xff); a content file must be UTF-8 text",
                    path.display()
                ),
                "chunks of {chunk}"
            );
        }
        // The first problem is the one reported, in one chunk or across two.
        let path = scratch("bad-nul-one-chunk.toml", b"a\xffb\0");
        assert!(
            error(read_limited(&path, 100, 100))
                .ends_with(":1:2: invalid UTF-8 (byte 0xff); a content file must be UTF-8 text")
        );
        let path = scratch("accent-nul.toml", "é\0".as_bytes());
        assert!(
            error(read_limited(&path, 100, 100))
                .ends_with(":1:2: a NUL byte: this is binary data, not a TOML text file")
        );
        let path = scratch("bad-then-nul.toml", b"\xffabcdefgh\0");
        assert!(
            error(read_limited(&path, 100, 4))
                .ends_with(":1:1: invalid UTF-8 (byte 0xff); a content file must be UTF-8 text")
        );
        // A file that ends inside a character.
        let path = scratch("end.toml", b"ab\xc3");
        assert!(
            error(read_limited(&path, 100, 2))
                .ends_with(":1:3: invalid UTF-8 (byte 0xc3); a content file must be UTF-8 text")
        );
    }

    #[test]
    fn a_nul_byte_is_located() {
        let path = scratch("nul.toml", b"a = 1\nbc\0");
        assert_eq!(
            error(read_limited(&path, 100, 3)),
            format!(
                "{}:2:3: a NUL byte: this is binary data, not a TOML text file",
                path.display()
            )
        );
    }

    #[test]
    fn the_size_limit_takes_a_file_of_its_size_and_refuses_one_byte_more() {
        let most = 3 << 20;
        let at_most = scratch("most.toml", &vec![b'#'; most]);
        assert_eq!(
            read_limited(&at_most, most, 1 << 20)
                .expect("at the limit")
                .len(),
            most
        );
        let over = scratch("over.toml", &vec![b'#'; most + 1]);
        let refused = format!(
            "{}: larger than 3 MiB, the most a content file may be",
            over.display()
        );
        assert_eq!(error(read_limited(&over, most, 1 << 20)), refused);
    }

    // Linux: /proc is Linux's, and its files are the ones that say they are
    // empty (a size of 0) and are not.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_file_that_says_it_is_empty_is_refused_as_it_is_read() {
        let status = Path::new("/proc/self/status");
        assert_eq!(
            error(read_limited(status, 100, 10)),
            "/proc/self/status: larger than 0 MiB, the most a content file may be"
        );
        assert!(read_limited(status, 1 << 20, 10).is_ok());
    }

    // Unix: named pipes, Unix sockets and /dev/null (`special` tells them
    // apart only there).
    #[cfg(unix)]
    #[test]
    fn a_pipe_a_socket_or_a_device_is_refused_before_it_is_opened() {
        let dir = std::env::temp_dir().join(format!("aims-special-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let refused = |path: &Path, what: &str| {
            format!(
                "cannot read content file {}: it is {what}, not a TOML file",
                path.display()
            )
        };
        // Opened, a named pipe with no writer would wait for ever.
        let pipe = dir.join("pipe.toml");
        let _ = std::fs::remove_file(&pipe);
        let made = std::process::Command::new("mkfifo")
            .arg(&pipe)
            .status()
            .expect("mkfifo runs");
        assert!(made.success());
        assert_eq!(
            error(read_file(&pipe)),
            refused(&pipe, "a named pipe (FIFO)")
        );
        let socket = dir.join("socket.toml");
        let _ = std::fs::remove_file(&socket);
        let _listening = std::os::unix::net::UnixListener::bind(&socket).expect("a socket");
        assert_eq!(error(read_file(&socket)), refused(&socket, "a socket"));
        let null = Path::new("/dev/null");
        assert_eq!(error(read_file(null)), refused(null, "a device"));
        std::fs::remove_dir_all(&dir).expect("removed");
    }

    #[test]
    fn a_directory_or_a_missing_file_is_named() {
        let dir = std::env::temp_dir();
        assert_eq!(
            error(read_file(&dir)),
            format!(
                "cannot read content file {}: it is a directory, not a TOML file",
                dir.display()
            )
        );
        assert!(
            error(read_file(Path::new("/no/such.toml")))
                .starts_with("cannot read content file /no/such.toml: ")
        );
    }
}
