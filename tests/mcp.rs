//! `aims mcp` driven as an assistant's host drives it: JSON-RPC lines on the
//! real binary's stdin, the answers read from its stdout. Each tool's
//! structured output is compared with what the command of its name prints
//! with `--format json`, and its errors with what the command says on stderr.

use std::io::Write;
use std::process::Stdio;

use serde_json::{Value, json};

mod common;

use common::{aims, run};

const VALID: &str = "tests/data/valid.toml";

/// The protocol version the tests ask for: the last one with an
/// `initialize` handshake.
const VERSION: &str = "2025-11-25";

fn initialize() -> Value {
    json!({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
        "protocolVersion": VERSION,
        "capabilities": {},
        "clientInfo": {"name": "tests/mcp.rs", "version": "0"},
    }})
}

fn initialized() -> Value {
    json!({"jsonrpc": "2.0", "method": "notifications/initialized"})
}

fn request(id: u64, method: &str, params: &Value) -> Value {
    json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params})
}

fn call(id: u64, tool: &str, arguments: &Value) -> Value {
    request(
        id,
        "tools/call",
        &json!({"name": tool, "arguments": arguments}),
    )
}

/// What a session answered: every line of stdout (each a JSON-RPC message),
/// stderr, and the exit code.
struct Session {
    messages: Vec<Value>,
    stderr: String,
    code: i32,
}

impl Session {
    /// The answer to request `id`: its `result`, or its `error`.
    fn answer(&self, id: u64) -> &Value {
        self.messages
            .iter()
            .find(|message| message["id"] == id)
            .unwrap_or_else(|| panic!("no answer to request {id}: {:?}", self.messages))
    }

    fn result(&self, id: u64) -> &Value {
        let answer = self.answer(id);
        assert!(answer.get("error").is_none(), "request {id}: {answer}");
        &answer["result"]
    }

    fn error(&self, id: u64) -> &Value {
        let answer = self.answer(id);
        assert!(answer.get("result").is_none(), "request {id}: {answer}");
        &answer["error"]
    }
}

/// Runs `aims ARGS mcp` with `lines` (an initialize and its notification
/// before them) on stdin, then the end of input.
fn session(args: &[&str], env: &[(&str, &str)], lines: &[Value]) -> Session {
    let mut input = String::new();
    for line in [initialize(), initialized()].iter().chain(lines) {
        input.push_str(&line.to_string());
        input.push('\n');
    }
    session_raw(args, env, &input)
}

/// Runs `aims ARGS mcp` with `input` on stdin as it is.
fn session_raw(args: &[&str], env: &[(&str, &str)], input: &str) -> Session {
    let mut command = aims();
    command.args(args).arg("mcp");
    for (key, value) in env {
        command.env(key, value);
    }
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("aims mcp starts");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(input.as_bytes()).expect("input written");
    drop(stdin);
    let output = child.wait_with_output().expect("aims mcp ends");
    let stdout = String::from_utf8(output.stdout).expect("stdout is UTF-8");
    let messages = stdout
        .lines()
        .map(|line| {
            let message: Value = serde_json::from_str(line)
                .unwrap_or_else(|err| panic!("not protocol on stdout ({err}): {line}"));
            assert_eq!(message["jsonrpc"], "2.0", "{line}");
            message
        })
        .collect();
    Session {
        messages,
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
        code: output.status.code().expect("aims exits, not killed"),
    }
}

/// What `aims ARGS` prints, parsed as JSON.
fn printed_json(args: &[&str]) -> Value {
    let (stdout, stderr, code) = run(args, &[]);
    assert_eq!((stderr.as_str(), code), ("", 0), "aims {}", args.join(" "));
    serde_json::from_str(&stdout).expect("JSON")
}

/// The one text block of a tool's result.
fn text(result: &Value) -> &str {
    let content = result["content"].as_array().expect("content");
    assert_eq!(content.len(), 1, "{result}");
    assert_eq!(content[0]["type"], "text");
    content[0]["text"].as_str().expect("text")
}

/// The tools/list entry of `tool`.
fn tool<'a>(tools: &'a Value, name: &str) -> &'a Value {
    tools["tools"]
        .as_array()
        .expect("tools")
        .iter()
        .find(|tool| tool["name"] == name)
        .unwrap_or_else(|| panic!("no tool {name}"))
}

/// A tool's answer: no error, and structured output that its output schema
/// holds.
#[track_caller]
fn structured<'a>(tools: &Value, name: &str, result: &'a Value) -> &'a Value {
    assert_eq!(result["isError"], false, "{result}");
    let schema = &tool(tools, name)["outputSchema"];
    let validator = jsonschema::validator_for(schema).expect("a valid schema");
    let output = &result["structuredContent"];
    let errors: Vec<String> = validator
        .iter_errors(output)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{name}: {errors:?}");
    output
}

#[test]
fn a_session_starts_and_lists_the_tools_each_with_its_schemas() {
    let session = session(&[], &[], &[request(1, "tools/list", &json!({}))]);
    assert_eq!(session.code, 0, "{}", session.stderr);
    let init = session.result(0);
    assert_eq!(init["protocolVersion"], VERSION);
    assert_eq!(init["serverInfo"]["name"], "aims");
    assert_eq!(init["serverInfo"]["version"], env!("CARGO_PKG_VERSION"));
    for capability in ["tools", "resources", "prompts"] {
        assert!(init["capabilities"][capability].is_object(), "{init}");
    }
    assert!(
        init["instructions"]
            .as_str()
            .expect("instructions")
            .contains("Quote only words these tools return")
    );
    let tools = session.result(1);
    let names: Vec<&str> = tools["tools"]
        .as_array()
        .expect("tools")
        .iter()
        .map(|tool| tool["name"].as_str().expect("a name"))
        .collect();
    assert_eq!(names, ["search", "list", "show", "cite", "facets"]);
    for name in names {
        let tool = tool(tools, name);
        let description = tool["description"].as_str().expect("a description");
        assert!(
            description.contains("Quote only words this server returns, exactly as returned"),
            "{name}: {description}"
        );
        assert_eq!(tool["inputSchema"]["type"], "object", "{name}");
        assert_eq!(tool["outputSchema"]["type"], "object", "{name}");
        assert_eq!(tool["annotations"]["readOnlyHint"], true, "{name}");
        jsonschema::validator_for(&tool["inputSchema"]).expect("a valid input schema");
    }
    assert_eq!(
        tool(tools, "show")["inputSchema"]["required"],
        json!(["ids"])
    );
    assert_eq!(
        tool(tools, "cite")["inputSchema"]["properties"]["style"]["enum"],
        json!(["mla", "apa", "chicago"])
    );
}

/// A session that lists the tools (request 1) and calls them (`calls`,
/// from request 2 on): its answers, and the tools.
fn calls(calls: &[Value]) -> (Session, Value) {
    let mut lines = vec![request(1, "tools/list", &json!({}))];
    lines.extend_from_slice(calls);
    let session = session(&[], &[], &lines);
    assert_eq!(session.code, 0, "{}", session.stderr);
    let tools = session.result(1).clone();
    (session, tools)
}

#[test]
fn search_and_list_answer_with_the_aims_format_json_prints() {
    let (session, tools) = calls(&[
        call(2, "search", &json!({"words": ["terrorist"]})),
        call(
            3,
            "list",
            &json!({"domain": ["transportation"], "pillar": "culture,language"}),
        ),
        call(
            4,
            "search",
            &json!({"words": ["trade", "xylophone"], "domain": "economy"}),
        ),
    ]);
    let search = session.result(2);
    assert_eq!(
        structured(&tools, "search", search),
        &json!({"aims": printed_json(&["search", "terrorist", "--format", "json"])})
    );
    assert_eq!(
        text(search),
        "combat-terrorism  Coordinate action against international terrorism, separatism, \
         extremism and cross-border crime\n  \
         quote      coordinating actions to combat international terrorism, separatism, \
         extremism, and cross-border crime\n  \
         source     assembly-aims\n  \
         citation   Nakhchivan Agreement, Art. 2, 7th item as listed in \"What does the \
         Assembly aim to achieve?\"\n  \
         clause     2.7\n  \
         pillars    -\n  \
         domains    counter-terrorism\n\
         note: clauses are numbered as the page \"What does the Assembly aim to achieve?\" \
         lists them, in its paraphrase; the Nakhchivan Agreement's own order and wording differ\n"
    );
    // Values of one filter as the command line takes them: a list, or
    // one value, commas splitting it.
    assert_eq!(
        structured(&tools, "list", session.result(3)),
        &json!({"aims": printed_json(&[
            "list", "-d", "transportation", "-p", "culture,language", "--format", "json"
        ])})
    );
    // No aim holds both words: those that hold some, and the text says so.
    let some = session.result(4);
    assert_eq!(
        structured(&tools, "search", some),
        &json!({"aims": printed_json(&[
            "search", "trade", "xylophone", "-d", "economy", "--format", "json"
        ])})
    );
    assert!(
        text(some).contains(
            "note: no aim holds all of `trade`, `xylophone`: these hold some of them, best first"
        ),
        "{}",
        text(some)
    );
}

#[test]
fn show_answers_with_the_aims_in_full_as_the_command_prints_them() {
    let (session, tools) = calls(&[call(
        2,
        "show",
        &json!({"ids": ["combat-terrorism", "2.9"], "context": true}),
    )]);
    let show = session.result(2);
    let args = ["show", "combat-terrorism", "2.9", "--context", "--format"];
    let json_args = [&args[..], &["json"]].concat();
    assert_eq!(
        structured(&tools, "show", show),
        &json!({"aims": printed_json(&json_args)})
    );
    let table_args = [&args[..], &["table"]].concat();
    let (printed, _, _) = run(&table_args, &[("COLUMNS", "1000")]);
    assert_eq!(
        text(show),
        printed,
        "as `show` prints aims on a wide terminal"
    );
}

#[test]
fn cite_answers_with_the_quotes_and_references_aims_cite_prints() {
    let (session, tools) = calls(&[
        call(
            2,
            "cite",
            &json!({"ids": ["combat-terrorism", "human-rights"], "style": "chicago"}),
        ),
        call(
            3,
            "cite",
            &json!({"ids": "combat-terrorism", "format": "bibtex"}),
        ),
    ]);
    let cite = session.result(2);
    let args = [
        "cite",
        "combat-terrorism",
        "human-rights",
        "--style",
        "chicago",
        "--format",
    ];
    assert_eq!(
        structured(&tools, "cite", cite),
        &printed_json(&[&args[..], &["json"]].concat())
    );
    assert_eq!(text(cite), run(&[&args[..], &["text"]].concat(), &[]).0);
    assert!(text(cite).contains("Notes\n1. "), "{}", text(cite));
    let bibtex = session.result(3);
    structured(&tools, "cite", bibtex);
    assert_eq!(
        text(bibtex),
        run(&["cite", "combat-terrorism", "--format", "bibtex"], &[]).0
    );
}

#[test]
fn facets_answer_with_the_records_of_each_listing() {
    let (session, tools) = calls(&[
        call(2, "facets", &json!({})),
        call(3, "facets", &json!({"facet": "clauses"})),
    ]);
    let facets = session.result(2);
    let expected: serde_json::Map<String, Value> = ["pillars", "domains", "clauses", "sources"]
        .into_iter()
        .map(|facet| (facet.to_owned(), printed_json(&[facet, "--format", "json"])))
        .collect();
    assert_eq!(
        structured(&tools, "facets", facets),
        &Value::Object(expected)
    );
    for heading in [
        "## pillars\n\n| id |",
        "\n## domains\n",
        "\n## clauses\n",
        "\n## sources\n",
    ] {
        assert!(
            text(facets).contains(heading),
            "{heading}: {}",
            text(facets)
        );
    }
    assert_eq!(
        structured(&tools, "facets", session.result(3)),
        &json!({"clauses": printed_json(&["clauses", "--format", "json"])})
    );
}

#[test]
fn an_unknown_id_or_value_is_a_tool_error_with_the_closest_as_the_cli_says() {
    let session = session(
        &[],
        &[],
        &[
            call(1, "show", &json!({"ids": ["combat-terorism"]})),
            call(2, "list", &json!({"domain": ["transprt"]})),
            call(
                3,
                "cite",
                &json!({"ids": ["combat-terrorism"], "style": "chicgo"}),
            ),
            call(4, "list", &json!({"domian": ["transport"]})),
            call(5, "show", &json!({"ids": 7})),
            call(6, "search", &json!({"words": []})),
            call(7, "facets", &json!({"facet": "pilars"})),
            // The session goes on after each.
            call(8, "show", &json!({"ids": ["combat-terrorism"]})),
            call(9, "show", &json!({"ids": []})),
            call(10, "cite", &json!({"ids": []})),
        ],
    );
    assert_eq!(session.code, 0, "{}", session.stderr);
    let tool_error = |id: u64| -> &str {
        let result = session.result(id);
        assert_eq!(result["isError"], true, "{result}");
        assert!(result.get("structuredContent").is_none(), "{result}");
        text(result)
    };
    // Word for word what the command line says on stderr.
    for (id, args) in [
        (1, &["show", "combat-terorism"][..]),
        (2, &["list", "--domain", "transprt"]),
    ] {
        let (_, stderr, code) = run(args, &[]);
        assert_eq!(code, 2);
        assert_eq!(tool_error(id), stderr, "aims {}", args.join(" "));
    }
    assert!(
        tool_error(1).starts_with(
            "aims: error: unknown aim `combat-terorism`\n  hint: did you mean `combat-terrorism`?\n"
        ),
        "{}",
        tool_error(1)
    );
    assert_eq!(
        tool_error(3),
        "aims: error: invalid value `chicgo` for `style`\n  \
         hint: did you mean `chicago`?\n  \
         hint: valid values: mla, apa, chicago\n"
    );
    assert_eq!(
        tool_error(4),
        "aims: error: `list` takes no argument `domian`\n  \
         hint: did you mean `domain`?\n  \
         hint: valid arguments: clause, domain, no_narrower, pillar, source, text\n"
    );
    assert_eq!(
        tool_error(5),
        "aims: error: invalid arguments for `show`: invalid type: integer `7`, expected a \
         string or a list of strings\n  \
         hint: the tool's input schema (tools/list) says what each takes\n"
    );
    assert!(tool_error(6).starts_with("aims: error: search needs a word\n"));
    assert!(
        tool_error(7).contains("hint: did you mean `pillars`?"),
        "{}",
        tool_error(7)
    );
    assert_eq!(session.result(8)["isError"], false);
    // No id at all, as `aims show` with none is refused.
    for id in [9, 10] {
        assert!(
            tool_error(id).starts_with("aims: error: `ids` names no aim\n"),
            "{}",
            tool_error(id)
        );
    }
}

#[test]
fn malformed_requests_get_json_rpc_errors_and_the_session_goes_on() {
    let lines = [
        initialize().to_string(),
        initialized().to_string(),
        // Not JSON: nothing to answer (no id can be read), as the other SDKs do.
        "this is not json".to_owned(),
        // JSON, but not a request: Invalid Request, with no id.
        json!({"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": "oops"}).to_string(),
        request(2, "no/such/method", &json!({})).to_string(),
        call(3, "serch", &json!({})).to_string(),
        request(
            4,
            "resources/read",
            &json!({"uri": "aims://source/assembly-aim"}),
        )
        .to_string(),
        request(5, "prompts/get", &json!({"name": "position-paper"})).to_string(),
        request(6, "ping", &json!({})).to_string(),
        // A topic of spaces is no topic.
        request(
            7,
            "prompts/get",
            &json!({"name": "position-paper", "arguments": {"topic": "  "}}),
        )
        .to_string(),
    ];
    let session = session_raw(&[], &[], &(lines.join("\n") + "\n"));
    assert_eq!(session.code, 0, "{}", session.stderr);
    let invalid: Vec<&Value> = (session.messages.iter())
        .filter(|message| message["id"].is_null())
        .collect();
    assert_eq!(
        invalid,
        [&json!({"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid request"}})]
    );
    assert_eq!(session.error(2)["code"], -32601);
    assert_eq!(
        session.error(3),
        &json!({
            "code": -32602,
            "message": "unknown tool `serch`; did you mean `search`?",
            "data": {"tools": ["search", "list", "show", "cite", "facets"]},
        })
    );
    let missing = session.error(4);
    assert_eq!(missing["code"], -32002);
    assert_eq!(
        missing["message"],
        "no resource `aims://source/assembly-aim`; did you mean `aims://source/assembly-aims`?"
    );
    assert_eq!(session.error(5)["code"], -32602);
    assert_eq!(session.result(6), &json!({}));
    assert_eq!(session.error(7), session.error(5));
    // Answered once each: the initialize, the Invalid Request, six requests.
    assert_eq!(session.messages.len(), 8, "{:?}", session.messages);
}

#[test]
fn the_end_of_input_ends_the_server_with_nothing_but_protocol_on_stdout() {
    // Before any session: nothing was asked, nothing is answered.
    let empty = session_raw(&[], &[], "");
    assert_eq!(
        (empty.messages.len(), empty.code),
        (0, 0),
        "{}",
        empty.stderr
    );
    // After one: only its answers (`session` parses each line as JSON-RPC).
    let ended = session(&[], &[], &[call(1, "facets", &json!({"facet": "sources"}))]);
    assert_eq!((ended.messages.len(), ended.code), (2, 0));
    assert_eq!(
        ended.stderr,
        "aims mcp: serving the 29 aims of content/aims.toml over stdio, until the end of input\n"
    );
}

#[test]
fn the_sources_and_the_content_file_are_resources_and_a_prompt_quotes_through_the_tools() {
    let session = session(
        &["--content", VALID],
        &[],
        &[
            request(1, "resources/list", &json!({})),
            request(2, "resources/read", &json!({"uri": "aims://content"})),
            request(
                3,
                "resources/read",
                &json!({"uri": "aims://source/charter-note"}),
            ),
            request(4, "prompts/list", &json!({})),
            request(
                5,
                "prompts/get",
                &json!({"name": "position-paper", "arguments": {
                    "topic": "trade", "delegation": "Uzbekistan", "style": "apa"
                }}),
            ),
        ],
    );
    assert_eq!(session.code, 0, "{}", session.stderr);
    let uris: Vec<&str> = session.result(1)["resources"]
        .as_array()
        .expect("resources")
        .iter()
        .map(|resource| resource["uri"].as_str().expect("a uri"))
        .collect();
    assert_eq!(
        uris,
        [
            "aims://content",
            "aims://source/aims-page",
            "aims://source/charter-note"
        ]
    );
    let file = &session.result(2)["contents"][0];
    assert_eq!(file["mimeType"], "application/toml");
    assert_eq!(
        file["text"],
        std::fs::read_to_string(VALID).expect("the fixture")
    );
    let source = session.result(3)["contents"][0]["text"]
        .as_str()
        .expect("text");
    assert!(
        source.starts_with("charter-note  On the UN Charter\n  standing    A second excerpt, kept apart to test filters by source.\n"),
        "{source}"
    );
    assert!(source.contains("\ntext (verbatim):\n"), "{source}");
    let prompts = session.result(4);
    assert_eq!(prompts["prompts"][0]["name"], "position-paper");
    assert_eq!(prompts["prompts"][0]["arguments"][0]["name"], "topic");
    assert_eq!(prompts["prompts"][0]["arguments"][0]["required"], true);
    let message = &session.result(5)["messages"][0];
    assert_eq!(message["role"], "user");
    let asked = message["content"]["text"].as_str().expect("text");
    for said in [
        "position paper for the delegation of Uzbekistan on trade",
        "Call `cite`",
        "with style \"apa\"",
        "Every quotation must be words `cite` returned, copied exactly",
    ] {
        assert!(asked.contains(said), "{said}: {asked}");
    }
}

#[test]
fn the_content_flag_and_variable_apply_and_a_broken_content_is_reported_as_the_cli_does() {
    let asked = [call(1, "facets", &json!({"facet": "sources"}))];
    let expected =
        json!({"sources": printed_json(&["--content", VALID, "sources", "--format", "json"])});
    let by_flag = session(&["--content", VALID], &[], &asked);
    assert_eq!(by_flag.result(1)["structuredContent"], expected);
    let by_variable = session(&[], &[("AIMS_CONTENT", VALID)], &asked);
    assert_eq!(by_variable.result(1)["structuredContent"], expected);

    let broken = "tests/data/broken/duplicate-id.toml";
    let served = session(&["--content", broken], &[], &asked);
    let (_, stderr, code) = run(&["--content", broken, "list"], &[]);
    assert_eq!(
        (served.messages.len(), served.stderr.as_str(), served.code),
        (0, stderr.as_str(), code)
    );
    assert_eq!(code, 1);
}

#[test]
fn the_readme_exchange_is_what_the_server_answers() {
    let readme = std::fs::read_to_string("README.md").expect("the README");
    let sent: Vec<Value> = readme
        .lines()
        .filter_map(|line| line.strip_prefix("→ "))
        .map(|line| serde_json::from_str(line).expect("a JSON-RPC line"))
        .collect();
    let shown: Vec<Value> = readme
        .lines()
        .filter_map(|line| line.strip_prefix("← "))
        .map(|line| serde_json::from_str(line).expect("a JSON-RPC line"))
        .collect();
    assert!(!sent.is_empty() && sent.len() == shown.len());
    let session = session(&[], &[], &sent);
    for answer in shown {
        let id = answer["id"].as_u64().expect("an id");
        assert_eq!(session.answer(id), &answer, "request {id}");
    }
}

#[test]
fn an_empty_list_says_only_that_and_an_empty_search_what_the_content_holds() {
    let session = session(
        &[],
        &[],
        &[
            call(
                1,
                "list",
                &json!({"domain": ["transport"], "pillar": ["language"]}),
            ),
            call(2, "search", &json!({"words": ["zzyzx"]})),
        ],
    );
    assert_eq!(session.code, 0, "{}", session.stderr);
    assert_eq!(text(session.result(1)), "no aims match\n");
    assert!(
        text(session.result(2)).contains("the content holds 29 aims"),
        "{}",
        text(session.result(2))
    );
}
