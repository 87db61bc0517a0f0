//! A request body checked against its schema in the served OpenAPI
//! document: the JSON type of every value the schema describes (an object
//! where it says object, a string where it says string…) and the allowed
//! values of an enumeration.
//!
//! serde is more lenient than the document: a derived struct also reads its
//! fields from a positional array (`"stipend": [null, null]`, see
//! serde-rs/serde#1587), including inside internally tagged enums, where
//! no deserializer wrapper can reach. A client must not get a 2xx for a
//! body the document forbids, so the document itself is the check.
//! Presence (`required`) and the domain's rules stay with serde and the
//! domain, whose errors name their rule.

use serde_json::Value;
use std::sync::LazyLock;

/// The document's schemas, as JSON, read once from the served document
/// (the committed one, kept equal to the routes by
/// `committed_document_is_fresh`): building the document with utoipa at
/// the first request took the server from 44 to 110 MB resident.
static SCHEMAS: LazyLock<Value> = LazyLock::new(|| {
    serde_json::from_slice::<Value>(crate::openapi::COMMITTED)
        .ok()
        .and_then(|mut document| document.pointer_mut("/components/schemas").map(Value::take))
        .unwrap_or(Value::Null)
});

/// Where a body first departs from its schema.
#[derive(Debug, PartialEq, Eq)]
pub struct Mismatch {
    /// The JSON path, as serde's errors name fields (`terms.amount`,
    /// `periods[0]`); empty for the body itself.
    pub field: String,
    pub message: String,
}

/// The component schema `name` of the document.
pub fn schema(name: &str) -> Option<&'static Value> {
    SCHEMAS.get(name)
}

/// Checks `body` against `schema`.
pub fn check(schema: &Value, body: &Value) -> Result<(), Mismatch> {
    walk(&SCHEMAS, schema, body, "")
}

/// The schema a `$ref` points to (the schema itself otherwise).
fn resolve<'a>(schemas: &'a Value, schema: &'a Value) -> &'a Value {
    match schema
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix("#/components/schemas/"))
    {
        Some(name) => resolve(schemas, &schemas[name]),
        None => schema,
    }
}

/// Whether `v` carries the tag of the variant `schema`: a property whose
/// schema allows a single value, which `v` has.
fn tag_matches(schema: &Value, v: &Value) -> bool {
    schema
        .get("properties")
        .and_then(Value::as_object)
        .is_some_and(|properties| {
            properties.iter().any(|(name, property)| {
                matches!(property.get("enum").and_then(Value::as_array),
                    Some(values) if values.len() == 1 && v.get(name) == values.first())
            })
        })
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_f64() => "number",
        Value::Number(_) => "integer",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn is_of(type_: &str, v: &Value) -> bool {
    let found = json_type(v);
    found == type_ || (type_ == "number" && found == "integer")
}

fn child(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

fn walk(schemas: &Value, schema: &Value, v: &Value, path: &str) -> Result<(), Mismatch> {
    let schema = resolve(schemas, schema);
    let mismatch = |message: String| {
        Err(Mismatch {
            field: path.to_owned(),
            message,
        })
    };
    if let Some(all) = schema.get("allOf").and_then(Value::as_array) {
        for part in all {
            walk(schemas, part, v, path)?;
        }
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(alternatives) = schema.get(key).and_then(Value::as_array) {
            // A tagged enum's variant is the one whose tag the body names;
            // otherwise any alternative that fits will do.
            let tagged: Vec<&Value> = alternatives
                .iter()
                .filter(|a| tag_matches(resolve(schemas, a), v))
                .collect();
            let candidates: Vec<&Value> = if tagged.is_empty() {
                alternatives.iter().collect()
            } else {
                tagged
            };
            let mut first: Option<Mismatch> = None;
            for alternative in candidates {
                match walk(schemas, alternative, v, path) {
                    Ok(()) => {
                        first = None;
                        break;
                    }
                    Err(e) => {
                        first.get_or_insert(e);
                    }
                }
            }
            if let Some(e) = first {
                return Err(e);
            }
        }
    }
    match schema.get("type") {
        Some(Value::String(t)) if !is_of(t, v) => {
            return mismatch(format!("expected {t}, found {}", json_type(v)));
        }
        Some(Value::Array(types))
            if !types.iter().filter_map(Value::as_str).any(|t| is_of(t, v)) =>
        {
            let names: Vec<&str> = types.iter().filter_map(Value::as_str).collect();
            return mismatch(format!(
                "expected {}, found {}",
                names.join(" or "),
                json_type(v)
            ));
        }
        _ => {}
    }
    if let Some(allowed) = schema.get("enum").and_then(Value::as_array)
        && !allowed.contains(v)
    {
        return mismatch(format!(
            "{v} is not one of {}",
            Value::Array(allowed.clone())
        ));
    }
    match v {
        Value::Object(map) => {
            let properties = schema.get("properties").and_then(Value::as_object);
            let others = schema.get("additionalProperties").filter(|a| a.is_object());
            for (key, value) in map {
                if let Some(sub) = properties.and_then(|p| p.get(key)).or(others) {
                    walk(schemas, sub, value, &child(path, key))?;
                }
            }
        }
        Value::Array(items) => {
            if let Some(sub) = schema.get("items") {
                for (i, item) in items.iter().enumerate() {
                    walk(schemas, sub, item, &format!("{path}[{i}]"))?;
                }
            }
        }
        _ => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn internship_with(field: &str, value: Value) -> Value {
        let mut body = json!({"subject": "Un sujet"});
        body[field] = value;
        body
    }

    #[test]
    fn every_request_body_of_the_document_has_its_schema_here() {
        let doc = serde_json::to_value(crate::openapi::document()).unwrap_or_default();
        let mut bodies = 0;
        for operation in doc["paths"]
            .as_object()
            .into_iter()
            .flat_map(|p| p.values())
        {
            for op in operation.as_object().into_iter().flat_map(|o| o.values()) {
                if let Some(r) =
                    op["requestBody"]["content"]["application/json"]["schema"]["$ref"].as_str()
                {
                    let name = r.trim_start_matches("#/components/schemas/");
                    assert!(schema(name).is_some_and(Value::is_object), "{name}");
                    bodies += 1;
                }
            }
        }
        assert!(bodies > 20, "{bodies} JSON bodies");
    }

    #[test]
    fn a_well_formed_body_passes() {
        let body = json!({
            "title": "Prolongation",
            "reason": "Retard",
            "changes": [
                {"kind": "dates", "start": "2027-03-01", "end": "2027-06-11"},
                {"kind": "interruptions", "periods": [{"start": "2027-04-01", "end": "2027-04-02"}]}
            ]
        });
        assert_eq!(check(&SCHEMAS["AmendmentInput"], &body), Ok(()));
    }

    #[test]
    fn an_array_where_an_object_belongs_is_named() {
        let err = check(
            &SCHEMAS["Internship"],
            &internship_with("stipend", json!([null, null])),
        )
        .expect_err("a positional stipend");
        assert_eq!(err.field, "stipend");
        assert!(err.message.contains("found array"), "{}", err.message);
    }

    #[test]
    fn inside_a_tagged_variant_the_variant_meant_is_checked() {
        let body = json!({
            "title": "Gratification",
            "reason": "Hausse",
            "changes": [{"kind": "interruptions", "periods": [["2027-04-01", "2027-04-02"]]}]
        });
        let err = check(&SCHEMAS["AmendmentInput"], &body).expect_err("a positional period");
        assert_eq!(err.field, "changes[0].periods[0]");
    }

    #[test]
    fn a_value_outside_an_enumeration_is_refused() {
        let body = json!({"title": "t", "reason": "r", "changes": [{"kind": "holidays"}]});
        assert!(check(&SCHEMAS["AmendmentInput"], &body).is_err());
    }
}
