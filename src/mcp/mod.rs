//! `aims mcp`: the content served to AI assistants over the Model Context
//! Protocol, on stdin and stdout, with rmcp (the protocol's official Rust
//! SDK). Another front door beside the command line, over the same content
//! and the same answers: the tools (`tools.rs`) answer through `answer` and
//! `listing` as the commands do; the resources are each source (its
//! standing and its text) and the content file; one prompt drafts a
//! paragraph of a position paper that quotes through the tools.
//!
//! The protocol is all that goes to stdout; the one line of log goes to
//! stderr. A value that names nothing is a tool error with the closest valid
//! value; a request the protocol cannot carry out is a JSON-RPC error; the
//! session goes on after either.

mod tools;

use std::io::Write as _;
use std::sync::{Mutex, PoisonError};

use anyhow::Context as _;
use rmcp::model::{
    CallToolRequestParams, CallToolResponse, GetPromptRequestParams, GetPromptResponse,
    GetPromptResult, Implementation, ListPromptsResult, ListResourcesResult, ListToolsResult,
    PaginatedRequestParams, Prompt, PromptArgument, PromptMessage, ReadResourceRequestParams,
    ReadResourceResponse, ReadResourceResult, Resource, ResourceContents, Role, ServerCapabilities,
    ServerConfig,
};
use rmcp::service::{RequestContext, ServerInitializeError};
use rmcp::{ErrorData, RoleServer, ServerHandler, ServiceExt};
use serde_json::json;

use crate::check::quote::fold_whitespace;
use crate::cite;
use crate::content::{self, Origin};
use crate::listing;
use crate::model::Content;
use crate::output::{self, Format, Style};
use crate::suggest::{closest, shown};

use tools::Tool;

/// The address of the content file among the resources.
const CONTENT_URI: &str = "aims://content";
/// Where each source's address starts: its id follows.
const SOURCE_URI: &str = "aims://source/";
/// The name of the one prompt.
const PROMPT: &str = "position-paper";

/// What the server tells an assistant when a session starts.
const INSTRUCTIONS: &str = "aims holds the stated aims of the Assembly of \
Turkic-speaking States, each with the exact words of its source and where they \
stand, and cites them in MLA, APA or Chicago. Find aims with `search` or `list` \
(`facets` gives the values to filter by), read them with `show`, and take the \
quotes and references to paste from `cite`. Quote only words these tools \
return, exactly as returned, with the citation they give; never quote from \
memory. Each source's standing (in `facets` and in its resource) says what it \
is: a paraphrase is not a treaty's own text.";

/// Serves the content from `origin` over stdio until the input ends. The
/// content is loaded and checked once, as every command loads it: a content
/// with problems is reported as they are, and nothing is served.
pub fn serve(origin: &Origin) -> anyhow::Result<()> {
    let (file, content) = content::load_with_text(origin)?;
    let _ = writeln!(
        std::io::stderr().lock(),
        "aims mcp: serving the {} aims of {origin} over stdio, until the end of input",
        content.aims.len(),
    );
    let server = Server {
        content: Mutex::new(content),
        file,
        name: origin.to_string(),
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .context("cannot start the MCP server")?;
    let ended = runtime.block_on(session(server));
    // A read of a terminal's stdin, which tokio hands to a thread, cannot be
    // interrupted: the process ends without waiting for it.
    runtime.shutdown_background();
    ended
}

/// One session, from its start to the end of the input.
async fn session(server: Server) -> anyhow::Result<()> {
    // The standard streams as tokio reads and writes any: through its
    // blocking pool, with no I/O driver to carry.
    let running = match server.serve(rmcp::transport::io::stdio()).await {
        Ok(running) => running,
        // The input ended before a session began: nothing was asked.
        Err(ServerInitializeError::ConnectionClosed(_)) => return Ok(()),
        Err(err) => return Err(anyhow::Error::new(err).context("the MCP session did not start")),
    };
    running
        .waiting()
        .await
        .context("the MCP session ended abnormally")?;
    Ok(())
}

/// The server of one session: the content, loaded once.
struct Server {
    /// rmcp wants a handler it could share between threads; the content
    /// remembers what it worked out (`OnceCell`), so it is shared behind a
    /// lock, taken by one call at a time on the one thread there is.
    content: Mutex<Content<'static>>,
    /// The text of the content file, as it was read.
    file: &'static str,
    /// The content file's name in messages (`content/aims.toml` when built in).
    name: String,
}

impl Server {
    fn resources(&self, content: &Content) -> Vec<Resource> {
        let mut resources = vec![
            Resource::new(CONTENT_URI, "content")
                .with_title(format!("The content file ({})", self.name))
                .with_description(
                    "Every source, pillar, domain, clause and aim, in the TOML format \
                     `aims schema` describes: what every answer comes from.",
                )
                .with_mime_type("application/toml")
                .with_size(self.file.len() as u64),
        ];
        resources.extend(content.sources.iter().map(|source| {
            Resource::new(source_uri(&source.id), source.id.to_string())
                .with_title(source.title.to_string())
                .with_description(format!(
                    "The text every quote of the source stands in, and its standing: {}",
                    fold_whitespace(&source.standing)
                ))
                .with_mime_type("text/plain")
        }));
        resources
    }

    /// The text of the resource at `uri`.
    fn read(&self, content: &Content, uri: &str) -> Result<ResourceContents, ErrorData> {
        if uri == CONTENT_URI {
            return Ok(ResourceContents::text(self.file, uri).with_mime_type("application/toml"));
        }
        let Some(index) = (content.sources.iter()).position(|s| source_uri(&s.id) == uri) else {
            let uris: Vec<String> = self
                .resources(content)
                .into_iter()
                .map(|resource| resource.uri)
                .collect();
            let near = closest(uri, uris.iter().map(String::as_str));
            let hint = near.map_or(String::new(), |near| format!("; did you mean `{near}`?"));
            return Err(ErrorData::resource_not_found(
                format!("no resource `{}`{hint}", shown(uri)),
                Some(json!({ "uri": uri, "resources": uris })),
            ));
        };
        let source = &content.sources[index];
        // The source's record as `aims sources` shows it on a terminal, then its text.
        let mut text = Vec::new();
        let style = Style {
            format: Format::Table,
            color: false,
            width: u16::MAX,
            columns: None,
            header: true,
        };
        output::print_records(&mut text, &listing::sources(content).only(&[index]), &style)
            .map_err(|err| ErrorData::internal_error(format!("{err:#}"), None))?;
        let mut text = String::from_utf8_lossy(&text).into_owned();
        text.push_str("\ntext (verbatim):\n");
        text.push_str(&crate::text::visible(source.text.trim()));
        text.push('\n');
        Ok(ResourceContents::text(text, uri))
    }
}

/// A source's address among the resources: its id, escaped for a URI.
fn source_uri(id: &str) -> String {
    let id: String = url::form_urlencoded::byte_serialize(id.as_bytes()).collect();
    format!("{SOURCE_URI}{id}")
}

impl ServerHandler for Server {
    fn get_info(&self) -> ServerConfig {
        ServerConfig::new(
            ServerCapabilities::builder()
                .enable_tools()
                .enable_resources()
                .enable_prompts()
                .build(),
        )
        .with_server_info(
            Implementation::new("aims", env!("CARGO_PKG_VERSION"))
                .with_title("aims: the stated aims of the Assembly of Turkic-speaking States"),
        )
        .with_instructions(INSTRUCTIONS)
    }

    async fn list_tools(
        &self,
        _request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> Result<ListToolsResult, ErrorData> {
        Ok(ListToolsResult::with_all_items(
            Tool::ALL.map(Tool::definition).to_vec(),
        ))
    }

    async fn call_tool(
        &self,
        request: CallToolRequestParams,
        _context: RequestContext<RoleServer>,
    ) -> Result<CallToolResponse, ErrorData> {
        let Some(tool) = Tool::named(&request.name) else {
            // The protocol's own error for a tool that is not there.
            let names = Tool::ALL.map(Tool::name);
            let hint = closest(&request.name, names)
                .map_or(String::new(), |near| format!("; did you mean `{near}`?"));
            return Err(ErrorData::invalid_params(
                format!("unknown tool `{}`{hint}", shown(&request.name)),
                Some(json!({ "tools": names })),
            ));
        };
        let content = self.content.lock().unwrap_or_else(PoisonError::into_inner);
        Ok(tool
            .call(&content, request.arguments.unwrap_or_default())
            .into())
    }

    async fn list_resources(
        &self,
        _request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> Result<ListResourcesResult, ErrorData> {
        let content = self.content.lock().unwrap_or_else(PoisonError::into_inner);
        Ok(ListResourcesResult::with_all_items(
            self.resources(&content),
        ))
    }

    async fn read_resource(
        &self,
        request: ReadResourceRequestParams,
        _context: RequestContext<RoleServer>,
    ) -> Result<ReadResourceResponse, ErrorData> {
        let content = self.content.lock().unwrap_or_else(PoisonError::into_inner);
        let contents = self.read(&content, &request.uri)?;
        Ok(ReadResourceResult::new(vec![contents]).into())
    }

    async fn list_prompts(
        &self,
        _request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> Result<ListPromptsResult, ErrorData> {
        Ok(ListPromptsResult::with_all_items(vec![prompt()]))
    }

    async fn get_prompt(
        &self,
        request: GetPromptRequestParams,
        _context: RequestContext<RoleServer>,
    ) -> Result<GetPromptResponse, ErrorData> {
        if request.name != PROMPT {
            return Err(ErrorData::invalid_params(
                format!(
                    "unknown prompt `{}`; the one prompt is `{PROMPT}`",
                    shown(&request.name)
                ),
                None,
            ));
        }
        let arguments = request.arguments.unwrap_or_default();
        let argument = |name: &str| -> Result<Option<String>, ErrorData> {
            match arguments.get(name) {
                None | Some(serde_json::Value::Null) => Ok(None),
                Some(serde_json::Value::String(value)) if value.trim().is_empty() => Ok(None),
                Some(serde_json::Value::String(value)) => Ok(Some(value.trim().to_owned())),
                Some(_) => Err(ErrorData::invalid_params(
                    format!("the argument `{name}` of `{PROMPT}` is a string"),
                    None,
                )),
            }
        };
        let Some(topic) = argument("topic")? else {
            return Err(ErrorData::invalid_params(
                format!("`{PROMPT}` needs a `topic`, such as \"transport\" or \"terrorism\""),
                None,
            ));
        };
        let style = match argument("style")? {
            None => cite::Style::Mla,
            Some(typed) => cite::Style::ALL
                .into_iter()
                .find(|style| style.name().eq_ignore_ascii_case(&typed))
                .ok_or_else(|| {
                    ErrorData::invalid_params(
                        format!(
                            "invalid value `{}` for `style`: one of mla, apa, chicago",
                            shown(&typed)
                        ),
                        None,
                    )
                })?,
        };
        let text = position_paper(&topic, argument("delegation")?.as_deref(), style);
        Ok(
            GetPromptResult::new(vec![PromptMessage::new_text(Role::User, text)])
                .with_description(format!(
                    "A position paper's paragraph on {topic}, quoting the aims"
                ))
                .into(),
        )
    }
}

/// The prompt as `prompts/list` gives it.
fn prompt() -> Prompt {
    Prompt::new(
        PROMPT,
        Some(
            "Draft a paragraph of a Model UN position paper on a topic, quoting the \
             Assembly's stated aims through the tools, each quote with its citation, \
             and the references to end with.",
        ),
        Some(vec![
            PromptArgument::new("topic")
                .with_description("What the paragraph is about: transport, terrorism, trade...")
                .with_required(true),
            PromptArgument::new("delegation")
                .with_description("The member state or delegation the paper speaks for")
                .with_required(false),
            PromptArgument::new("style")
                .with_description("The citation style: mla (the default), apa or chicago")
                .with_required(false),
        ]),
    )
}

/// What the prompt asks of the assistant.
fn position_paper(topic: &str, delegation: Option<&str>, style: cite::Style) -> String {
    let speaker = delegation.map_or(String::new(), |d| format!(" for the delegation of {d}"));
    let style = style.name();
    format!(
        "Write one paragraph of a Model UN position paper{speaker} on {topic}, grounded \
         in the stated aims of the Assembly of Turkic-speaking States.\n\
         \n\
         1. Call `search` with words for the topic (or `facets`, then `list` with a \
         domain or pillar) to find the aims that bear on it.\n\
         2. Call `cite` with the ids of the aims you will quote, with style \"{style}\".\n\
         3. Write the paragraph. Every quotation must be words `cite` returned, copied \
         exactly, with the in-text citation or note it gave. Put nothing else in \
         quotation marks, and do not paraphrase inside them; where the aims say \
         nothing on a point, argue it in your own words without a quotation.\n\
         4. End with the references `cite` returned, as returned.\n\
         \n\
         Read each source's standing (`facets`, or its resource): where a source \
         paraphrases a treaty, say \"as listed in\" the source, as the citation does, \
         and do not present the words as the treaty's own."
    )
}
