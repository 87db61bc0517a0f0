//! An example on every JSON body of the OpenAPI document. Handlers write
//! examples on the fields that matter (a SIRET, a convention number, a
//! rule id); a body without its own example gets one composed from its
//! schema: each property's own example, else its enumeration's first
//! value, else a value of its type and format. Readers of the document and
//! generated clients' docs then show a whole, plausible body for every
//! operation instead of a bare schema.

use serde_json::{Map, Value, json};
use utoipa::Modify;

/// Nested schemas deeper than this are left out of an example: the
/// document has recursive shapes (a section holds questions).
const MAX_DEPTH: usize = 8;

/// A text of no particular kind, replaced by what the property's name
/// calls for.
const PLACEHOLDER: &str = "texte";

/// A plausible text for a property, from the words of its name.
fn named(property: &str) -> &'static str {
    const BY_WORD: &[(&str, &str)] = &[
        ("email", "claire.dupont@sgi-demo.fr"),
        ("siret", "73282932000074"),
        ("naf", "62.01Z"),
        ("postal_code", "25000"),
        ("city", "Besançon"),
        ("street", "16 route de Gray"),
        ("country", "FR"),
        ("phone", "03 81 66 20 00"),
        ("first_name", "Claire"),
        ("last_name", "Dupont"),
        ("username", "gestionnaire"),
        ("password", "demo"),
        ("academic_year", "2026-2027"),
        ("number", "2026-000123"),
        ("title", "Stage de développement web"),
        (
            "reason",
            "Prolongation de deux semaines à la demande de l'organisme",
        ),
        ("contact_name", "Claire Dupont"),
        ("display_name", "Claire Dupont"),
        ("name", "Société Générale d'Ingénierie"),
        (
            "description",
            "Développement d'une application de suivi des capteurs.",
        ),
        ("subject", "Application de suivi des capteurs"),
        ("language", "fr"),
        ("currency", "EUR"),
        ("code", "FR"),
        ("label", "Informatique"),
        ("message", "Ce champ est obligatoire."),
        ("rule", "DUR-02"),
        ("field", "internship.end"),
    ];
    BY_WORD
        .iter()
        .find(|(word, _)| property.contains(word))
        .map_or("Texte libre", |(_, text)| text)
}

pub struct BodyExamples;

impl Modify for BodyExamples {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let Ok(mut document) = serde_json::to_value(&*openapi) else {
            return;
        };
        add_examples(&mut document);
        if let Ok(with_examples) = serde_json::from_value(document) {
            *openapi = with_examples;
        }
    }
}

/// Sets `example` on each JSON request and response body that has none.
fn add_examples(document: &mut Value) {
    let schemas = document
        .pointer("/components/schemas")
        .cloned()
        .unwrap_or_default();
    let Some(paths) = document.get_mut("paths").and_then(Value::as_object_mut) else {
        return;
    };
    for operation in paths
        .values_mut()
        .filter_map(Value::as_object_mut)
        .flat_map(|item| item.values_mut())
    {
        let request = operation.pointer_mut("/requestBody/content");
        request.into_iter().for_each(|c| fill(c, &schemas));
        if let Some(responses) = operation
            .get_mut("responses")
            .and_then(Value::as_object_mut)
        {
            for response in responses.values_mut() {
                if let Some(content) = response.get_mut("content") {
                    fill(content, &schemas);
                }
            }
        }
    }
}

/// Fills the JSON media types of one body.
fn fill(content: &mut Value, schemas: &Value) {
    let Some(content) = content.as_object_mut() else {
        return;
    };
    for (media_type, body) in content.iter_mut() {
        let Some(body) = body.as_object_mut() else {
            continue;
        };
        if !media_type.contains("json")
            || body.contains_key("example")
            || body.contains_key("examples")
        {
            continue;
        }
        if let Some(example) = body.get("schema").and_then(|s| example_of(s, schemas, 0)) {
            body.insert("example".into(), example);
        }
    }
}

/// An example of a schema, or `None` when the schema gives nothing to
/// build one from (or nests too deep).
fn example_of(schema: &Value, schemas: &Value, depth: usize) -> Option<Value> {
    if depth > MAX_DEPTH {
        return None;
    }
    if let Some(example) = schema.get("example") {
        return Some(example.clone());
    }
    if let Some(first) = schema.get("examples").and_then(|e| e.as_array()?.first()) {
        return Some(first.clone());
    }
    if let Some(default) = schema.get("default") {
        return Some(default.clone());
    }
    if let Some(target) = schema.get("$ref").and_then(Value::as_str) {
        let name = target.rsplit('/').next()?;
        return example_of(schemas.get(name)?, schemas, depth + 1);
    }
    if let Some(first) = schema.get("enum").and_then(|e| e.as_array()?.first()) {
        return Some(first.clone());
    }
    if let Some(parts) = schema.get("allOf").and_then(Value::as_array) {
        let mut merged = Map::new();
        for part in parts {
            match example_of(part, schemas, depth + 1)? {
                Value::Object(fields) => merged.extend(fields),
                other => return Some(other),
            }
        }
        return Some(Value::Object(merged));
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(choices) = schema.get(key).and_then(Value::as_array) {
            return choices
                .iter()
                .filter(|c| c.get("type").and_then(Value::as_str) != Some("null"))
                .find_map(|c| example_of(c, schemas, depth + 1));
        }
    }
    of_type(schema, schemas, depth)
}

/// The example of a typed schema: its first non-null type.
fn of_type(schema: &Value, schemas: &Value, depth: usize) -> Option<Value> {
    let kind = match schema.get("type") {
        Some(Value::String(kind)) => kind.as_str(),
        Some(Value::Array(kinds)) => kinds
            .iter()
            .filter_map(Value::as_str)
            .find(|k| *k != "null")
            .unwrap_or("null"),
        _ if schema.get("properties").is_some() => "object",
        _ => return None,
    };
    let minimum = schema.get("minimum").and_then(Value::as_f64);
    Some(match kind {
        "object" => {
            let mut fields = Map::new();
            if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
                for (name, property) in properties {
                    if let Some(example) = example_of(property, schemas, depth + 1) {
                        let example = match example {
                            Value::String(text) if text == PLACEHOLDER => json!(named(name)),
                            other => other,
                        };
                        fields.insert(name.clone(), example);
                    }
                }
            } else if let Some(values) = schema.get("additionalProperties")
                && let Some(example) = example_of(values, schemas, depth + 1)
            {
                fields.insert("key".into(), example);
            }
            Value::Object(fields)
        }
        "array" => match schema
            .get("items")
            .and_then(|i| example_of(i, schemas, depth + 1))
        {
            Some(item) => json!([item]),
            None => json!([]),
        },
        "string" => json!(match schema.get("format").and_then(Value::as_str) {
            Some("date") => "2027-03-01",
            Some("date-time") => "2026-11-29T09:30:00Z",
            Some("email") => "camille.martin@etu.univ-demo.fr",
            Some("uri") => "https://stages.univ-demo.fr/",
            Some("binary") => return None,
            _ => PLACEHOLDER,
        }),
        "integer" => json!(minimum.map_or(1, |m| m.max(1.0) as i64)),
        "number" => json!(minimum.map_or(1.5, |m| m.max(1.5))),
        "boolean" => json!(true),
        _ => Value::Null,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every JSON body of the served document carries an example.
    #[test]
    fn every_json_body_has_an_example() {
        let document = serde_json::to_value(crate::openapi::document()).expect("document");
        let entries = |v: &Value| v.as_object().cloned().unwrap_or_default();
        let mut missing = Vec::new();
        for (path, item) in entries(&document["paths"]) {
            for (method, operation) in entries(&item) {
                let mut bodies: Vec<(String, Value)> = Vec::new();
                if let Some(content) = operation.pointer("/requestBody/content") {
                    bodies.push(("request".into(), content.clone()));
                }
                for (status, response) in entries(&operation["responses"]) {
                    if let Some(content) = response.get("content") {
                        bodies.push((status, content.clone()));
                    }
                }
                for (which, content) in bodies {
                    for (media_type, body) in entries(&content) {
                        if media_type.contains("json") && body.get("example").is_none() {
                            missing.push(format!("{method} {path} {which} {media_type}"));
                        }
                    }
                }
            }
        }
        assert!(
            missing.is_empty(),
            "bodies without an example: {missing:#?}"
        );
    }

    #[test]
    fn an_example_is_composed_from_the_properties() {
        let schemas = json!({
            "Period": {"type": "object", "properties": {
                "start": {"type": "string", "format": "date"},
                "days": {"type": "integer", "minimum": 0},
                "kind": {"type": "string", "enum": ["leave", "sick"]},
                "note": {"type": ["string", "null"], "example": "Congés d'été"},
                "city": {"type": "string"},
            }},
        });
        let schema = json!({"type": "array", "items": {"$ref": "#/components/schemas/Period"}});
        assert_eq!(
            example_of(&schema, &schemas, 0),
            Some(
                json!([{"start": "2027-03-01", "days": 1, "kind": "leave", "note": "Congés d'été", "city": "Besançon"}])
            )
        );
    }
}
