#!/usr/bin/env python3
"""Drives `aims mcp` with the official MCP Python SDK, a client no one here
wrote, as an assistant's host would: it starts the server, lists the tools,
calls `search` and `cite` (and an unknown id), and prints what came back.

    python3 -m venv /tmp/mcp && /tmp/mcp/bin/pip install mcp
    cargo build && /tmp/mcp/bin/python tests/mcp_sdk.py [target/debug/aims]

The SDK checks each structured answer against the tool's output schema, so a
run that ends without an error also says the schemas hold. Not run by `cargo
test` (it needs the SDK); tests/mcp.rs drives the same server with JSON-RPC
lines.
"""

import asyncio
import json
import pathlib
import sys

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

ROOT = pathlib.Path(__file__).resolve().parent.parent


def text(result):
    return "".join(block.text for block in result.content if block.type == "text")


async def main(aims):
    server = StdioServerParameters(command=aims, args=["mcp"], env={"AIMS_CONTENT": ""})
    async with stdio_client(server) as (read, write):
        async with ClientSession(read, write) as session:
            init = await session.initialize()
            info = init.server_info
            print(f"initialize: {info.name} {info.version}, protocol {init.protocol_version}")

            tools = await session.list_tools()
            print("tools/list:")
            for tool in tools.tools:
                inputs = ", ".join(tool.input_schema.get("properties", {}))
                print(f"  {tool.name}({inputs})")

            search = await session.call_tool("search", {"words": ["terrorist"]})
            print("search terrorist: isError", search.is_error)
            for aim in search.structured_content["aims"]:
                print(f"  {aim['id']} (score {aim['score']}): “{aim['quote']}”")

            cite = await session.call_tool("cite", {"ids": ["combat-terrorism"], "style": "apa"})
            print("cite combat-terrorism, apa: isError", cite.is_error)
            print("  " + text(cite).rstrip().replace("\n", "\n  "))
            quote = cite.structured_content["quotes"][0]
            print("  structured:", json.dumps({k: quote[k] for k in ("id", "citation")}, ensure_ascii=False))

            unknown = await session.call_tool("show", {"ids": ["combat-terorism"]})
            print("show combat-terorism: isError", unknown.is_error)
            print("  " + text(unknown).rstrip().replace("\n", "\n  "))


if __name__ == "__main__":
    binary = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "target" / "debug" / "aims")
    asyncio.run(main(binary))
