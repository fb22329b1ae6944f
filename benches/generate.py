#!/usr/bin/env python3
"""Writes a valid aims content file of N aims, made from the built-in content.

The built-in file's sources, pillars, domains and clauses are kept as they are;
its aims are repeated, each copy under a new id (`un-charter-7`), until there
are N. With --json, the same content is written as JSON too, for jq. --style
writes it as editors do: `crlf` line ends (Windows), or `multiline` arrays, one
item a line with a trailing comma (taplo's formatter).

    benches/generate.py 100000 target/bench/aims-100000.toml --json target/bench/aims-100000.json
    benches/generate.py 100000 target/bench/aims-100000-crlf.toml --style crlf
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="how many aims")
    parser.add_argument("toml", type=pathlib.Path, help="the content file to write")
    parser.add_argument("--json", type=pathlib.Path, help="also write the content as JSON")
    parser.add_argument("--style", choices=["plain", "crlf", "multiline"], default="plain",
                        help="line ends and arrays as written by hand (plain) or by an editor")
    args = parser.parse_args()

    text = BUILTIN.read_text(encoding="utf-8")
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
