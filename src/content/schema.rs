//! The JSON Schema of the content format, written from the kinds of record
//! (`model`): what editors check a content file against as you type.

use serde_json::{Map, Value, json};

use crate::model::{Field, KINDS, Kind, Shape};

/// The JSON Schema of the content format, in draft 7 (the draft taplo, the TOML
/// language server behind most editors, reads), pretty-printed.
pub fn schema() -> String {
    let mut properties = Map::new();
    let mut definitions = Map::new();
    for kind in KINDS {
        properties.insert(
            kind.name.to_owned(),
            json!({"type": "array", "items": {"$ref": format!("#/definitions/{}", kind.name)}}),
        );
        definitions.insert(kind.name.to_owned(), record(kind));
    }
    let root = json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "aims content",
        "description": "The content format of `aims`: sources, pillars, domains, clauses and aims. `aims check` validates a file against every rule, including those a schema cannot say (verbatim quotes, justified tags).",
        "type": "object",
        "properties": properties,
        "additionalProperties": false,
        "definitions": definitions,
    });
    // schemars orders a schema's keywords for people to read ($schema, title,
    // description, type first).
    let schema = schemars::Schema::try_from(root).expect("an object is a schema");
    let mut json = serde_json::to_string_pretty(&schema).expect("a schema is JSON");
    json.push('\n');
    json
}

fn record(kind: &Kind) -> Value {
    let properties: Map<String, Value> = kind
        .fields
        .iter()
        .map(|field| (field.name.to_owned(), property(field)))
        .collect();
    let required: Vec<&str> = kind
        .fields
        .iter()
        .filter(|f| f.required)
        .map(|f| f.name)
        .collect();
    json!({
        "description": docs(kind.docs),
        "type": "object",
        "properties": properties,
        "additionalProperties": false,
        "required": required,
    })
}

fn property(field: &Field) -> Value {
    let description = docs(field.docs);
    match (field.shape, field.required) {
        (Shape::Text, true) => json!({"description": description, "type": "string"}),
        (Shape::Text, false) => {
            json!({"description": description, "type": ["string", "null"], "default": null})
        }
        (Shape::Number, _) => json!({
            "description": description,
            "type": "integer",
            "format": "uint32",
            "minimum": 0,
        }),
        (Shape::Texts, _) => json!({
            "description": description,
            "type": "array",
            "default": [],
            "items": {"type": "string"},
        }),
    }
}

/// A doc comment's lines, as one description.
fn docs(lines: &[&str]) -> String {
    let lines: Vec<&str> = lines
        .iter()
        .map(|line| line.strip_prefix(' ').unwrap_or(line))
        .collect();
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schema_describes_every_kind_and_closes_records() {
        let schema: serde_json::Value = serde_json::from_str(&schema()).expect("JSON");
        assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
        assert_eq!(schema["additionalProperties"], false);
        for kind in KINDS {
            let name = kind.name;
            assert_eq!(schema["properties"][name]["type"], "array", "{name}");
            assert_eq!(
                schema["definitions"][name]["additionalProperties"], false,
                "{name}"
            );
        }
        assert_eq!(
            schema["definitions"]["aim"]["required"],
            serde_json::json!(["id", "title", "quote", "source"])
        );
        assert_eq!(
            schema["definitions"]["aim"]["properties"]["quote"]["description"],
            "Verbatim from the source: letters, case and punctuation as there; runs\nof white space may differ; `...` joins excerpts that stand in that order."
        );
    }
}
