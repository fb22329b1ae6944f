#!/usr/bin/env python3
"""Writes a valid aims content file of N aims, made from the built-in content.

The built-in file's sources, pillars, domains and clauses are kept as they are;
its aims are repeated, each copy under a new id (`un-charter-7`), until there
are N. With --json, the same content is written as JSON too, for jq. --style
writes it as editors do: `crlf` line ends (Windows), or `multiline` arrays, one
item a line with a trailing comma (taplo's formatter).

--hostile writes instead a file made to find what is slower than linear in
`aims`, of size N: `log`, N lines of a server's log (no TOML at all); `keys`, N
top-level keys (valid TOML, N problems); `chain`, the built-in content with N
domains more, each broader than the next, and an aim (and a source) for each;
`quote`, the built-in content with a source of 2N characters repeating a few
words, and an aim whose quote of N characters repeats them too but for its
last word, which the source never has.

    benches/generate.py 100000 target/bench/aims-100000.toml --json target/bench/aims-100000.json
    benches/generate.py 100000 target/bench/aims-100000-crlf.toml --style crlf
    benches/generate.py 5000 target/bench/chain-5000.toml --hostile chain
"""

import argparse
import json
import pathlib
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent
BUILTIN = ROOT / "content" / "aims.toml"


def toml_string(value: str) -> str:
    # A JSON string is a valid TOML basic string (same escapes), kept as UTF-8.
    return json.dumps(value, ensure_ascii=False)


def aims(base: list[dict], count: int):
    for n in range(count):
        aim = dict(base[n % len(base)])
        aim["id"] = f"{aim['id']}-{n // len(base) + 1}"
        yield aim


def write_toml(path: pathlib.Path, head: str, generated, style: str = "plain") -> None:
    # newline="\r\n" turns every "\n" written into CRLF, the head's included.
    newline = "\r\n" if style == "crlf" else "\n"
    with path.open("w", encoding="utf-8", newline=newline) as out:
        out.write(head)
        for aim in generated:
            out.write("\n[[aim]]\n")
            for key in ("id", "title", "quote", "source", "clause"):
                if key in aim:
                    out.write(f"{key} = {toml_string(aim[key])}\n")
            for key in ("pillars", "domains"):
                if aim.get(key) and style == "multiline":
                    items = "".join(f"  {toml_string(v)},\n" for v in aim[key])
                    out.write(f"{key} = [\n{items}]\n")
                elif aim.get(key):
                    values = ", ".join(toml_string(v) for v in aim[key])
                    out.write(f"{key} = [{values}]\n")


def hostile(kind: str, count: int, head: str) -> str:
    """The text of a hostile file of size `count` (see the module's doc)."""
    if kind == "log":
        return "".join(
            f"2026-11-30T12:{n // 60 % 60:02}:{n % 60:02}Z INFO aims-server: request {n} served in {n % 7 + 1} ms\n"
            for n in range(count)
        )
    if kind == "keys":
        return "".join(f"key-{n} = {n}\n" for n in range(count))
    parts = [head]
    if kind == "chain":
        for n in range(1, count + 1):
            broader = f'"area-{n - 1}"' if n > 1 else '"transport"'
            parts.append(
                f'\n[[domain]]\nid = "area-{n}"\nname = "Area {n}"\n'
                f'description = "Area {n}, a part of the one before it."\nbroader = [{broader}]\n'
            )
        for n in range(1, count + 1):
            parts.append(
                f'\n[[source]]\nid = "notes-{n}"\ntitle = "Notes {n}"\nstanding = "Generated."\n'
                f'text = "Cooperation in area-{n}."\n'
            )
        for n in range(1, count + 1):
            parts.append(
                f'\n[[aim]]\nid = "area-aim-{n}"\ntitle = "Area {n}"\nquote = "Cooperation in area-{n}."\n'
                f'source = "notes-{n}"\ndomains = ["area-{n}"]\n'
            )
        return "".join(parts)
    if kind == "quote":
        words = "peace and "
        source = words * (2 * count // len(words)) + "end."
        quote = words * (count // len(words) - 1) + "war"
        parts.append(
            f'\n[[source]]\nid = "long"\ntitle = "A long text"\nstanding = "Generated."\ntext = "{source}"\n'
            f'\n[[aim]]\nid = "near-miss"\ntitle = "Nearly a quote"\nquote = "{quote}"\nsource = "long"\n'
        )
        return "".join(parts)
    raise ValueError(kind)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="how many aims")
    parser.add_argument("toml", type=pathlib.Path, help="the content file to write")
    parser.add_argument("--json", type=pathlib.Path, help="also write the content as JSON")
    parser.add_argument("--style", choices=["plain", "crlf", "multiline"], default="plain",
                        help="line ends and arrays as written by hand (plain) or by an editor")
    parser.add_argument("--hostile", choices=["log", "keys", "chain", "quote"],
                        help="write a hostile file of size N instead (see above)")
    args = parser.parse_args()

    text = BUILTIN.read_text(encoding="utf-8")
    if args.hostile:
        args.toml.write_text(hostile(args.hostile, args.count, text), encoding="utf-8")
        return
    content = tomllib.loads(text)
    # Everything before the first aim: the schema line, sources, pillars,
    # domains and clauses, verbatim.
    head = text[: text.index("\n[[aim]]\n")] + "\n"
    write_toml(args.toml, head, aims(content["aim"], args.count), args.style)
    if args.json:
        content["aim"] = list(aims(content["aim"], args.count))
        args.json.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
