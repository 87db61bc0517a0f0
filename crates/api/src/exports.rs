//! Tables handed to spreadsheets: the same rows as CSV (UTF-8 with a byte
//! order mark and semicolons, which is what a French Excel opens without an
//! import dialog) or as an XLSX workbook whose numbers stay numbers.

use actix_web::HttpResponse;
use actix_web::http::header;
use rust_xlsxwriter::{Format, Workbook};
use stages_domain::requests;

use crate::error::ApiError;

/// One cell: numbers are written as numbers so that a spreadsheet sums them.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Empty,
}

impl From<String> for Cell {
    fn from(value: String) -> Self {
        Self::Text(value)
    }
}

impl From<&str> for Cell {
    fn from(value: &str) -> Self {
        Self::Text(value.to_owned())
    }
}

impl From<Option<String>> for Cell {
    fn from(value: Option<String>) -> Self {
        value.map_or(Self::Empty, Self::Text)
    }
}

impl From<i64> for Cell {
    fn from(value: i64) -> Self {
        Self::Number(value as f64)
    }
}

impl From<f64> for Cell {
    fn from(value: f64) -> Self {
        Self::Number(value)
    }
}

/// A titled table: the sheet's name, a header line and rows of cells.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub title: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    pub fn new(title: &str, headers: &[&str]) -> Self {
        Self {
            title: title.to_owned(),
            headers: headers.iter().map(|h| (*h).to_owned()).collect(),
            rows: Vec::new(),
        }
    }
}

/// The spreadsheet formats offered by exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetFormat {
    Csv,
    Xlsx,
}

/// Reads the `format` query parameter (`csv` when absent).
pub fn parse_format(value: Option<&str>) -> Result<SheetFormat, ApiError> {
    match value.unwrap_or("csv") {
        "csv" => Ok(SheetFormat::Csv),
        "xlsx" => Ok(SheetFormat::Xlsx),
        _ => Err(ApiError::bad_request(requests::query_one_of(
            "format",
            &["csv", "xlsx"],
        ))),
    }
}

/// A text a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+1+1`,
/// `@SUM`, or after a tab or a carriage return) when the CSV file is
/// opened, made inert with a leading apostrophe (OWASP's advice). Numbers
/// are written as numbers and never need it.
fn inert(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

fn cell_text(cell: &Cell) -> String {
    match cell {
        Cell::Text(text) => inert(text),
        Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
        Cell::Number(n) => format!("{n}").replace('.', ","),
        Cell::Empty => String::new(),
    }
}

/// The tables one after the other, a blank line between them.
pub fn to_csv(tables: &[Table]) -> Result<Vec<u8>, ApiError> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    for (i, table) in tables.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(b"\r\n");
        }
        let mut writer = csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(csv::Terminator::CRLF)
            .flexible(true)
            .from_writer(Vec::new());
        if tables.len() > 1 {
            writer
                .write_record([inert(&table.title)])
                .map_err(ApiError::internal)?;
        }
        writer
            .write_record(table.headers.iter().map(|h| inert(h)))
            .map_err(ApiError::internal)?;
        for row in &table.rows {
            writer
                .write_record(row.iter().map(cell_text))
                .map_err(ApiError::internal)?;
        }
        out.extend(writer.into_inner().map_err(ApiError::internal)?);
    }
    Ok(out)
}

/// Sheet names are at most 31 characters and exclude `[]:*?/\`.
fn sheet_name(title: &str, index: usize) -> String {
    let clean: String = title
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .take(31)
        .collect();
    if clean.trim().is_empty() {
        format!("Sheet {}", index + 1)
    } else {
        clean
    }
}

/// One sheet per table, headers in bold and frozen, columns sized to fit.
pub fn to_xlsx(tables: &[Table]) -> Result<Vec<u8>, ApiError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    for (index, table) in tables.iter().enumerate() {
        let sheet = workbook.add_worksheet();
        sheet
            .set_name(sheet_name(&table.title, index))
            .map_err(ApiError::internal)?;
        for (col, header) in table.headers.iter().enumerate() {
            let col = u16::try_from(col).map_err(ApiError::internal)?;
            sheet
                .write_string_with_format(0, col, header, &bold)
                .map_err(ApiError::internal)?;
        }
        for (r, row) in table.rows.iter().enumerate() {
            let r = u32::try_from(r + 1).map_err(ApiError::internal)?;
            for (col, cell) in row.iter().enumerate() {
                let col = u16::try_from(col).map_err(ApiError::internal)?;
                match cell {
                    Cell::Text(text) => sheet.write_string(r, col, text),
                    Cell::Number(n) => sheet.write_number(r, col, *n),
                    Cell::Empty => continue,
                }
                .map_err(ApiError::internal)?;
            }
        }
        sheet.set_freeze_panes(1, 0).map_err(ApiError::internal)?;
        sheet.autofit();
    }
    workbook.save_to_buffer().map_err(ApiError::internal)
}

/// The tables as a download named `name` (without extension).
/// The academic year of an export's or a report's query, which also names
/// the file: anything but `2026-2027` is refused before it reaches a header.
pub fn academic_year(text: &str) -> Result<stages_domain::model::AcademicYear, ApiError> {
    stages_domain::model::AcademicYear::parse(text.trim())
        .map_err(|_| ApiError::bad_request(requests::academic_year_format("academic_year")))
}

pub fn respond(
    tables: &[Table],
    format: SheetFormat,
    name: &str,
) -> Result<HttpResponse, ApiError> {
    let (bytes, content_type, extension) = match format {
        SheetFormat::Csv => (to_csv(tables)?, "text/csv; charset=utf-8", "csv"),
        SheetFormat::Xlsx => (
            to_xlsx(tables)?,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
        ),
    };
    Ok(HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}.{extension}\""),
        ))
        .body(bytes))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn sample() -> Table {
        let mut table = Table::new("Conventions", &["Statut", "Nombre", "Part"]);
        table
            .rows
            .push(vec!["validée; signée".into(), 12i64.into(), 0.25.into()]);
        table.rows.push(vec![Cell::Empty, 3i64.into(), Cell::Empty]);
        table
    }

    #[test]
    fn csv_opens_in_a_french_spreadsheet() {
        let text = String::from_utf8(to_csv(&[sample()]).unwrap()).unwrap();
        assert_eq!(
            text,
            "\u{feff}Statut;Nombre;Part\r\n\"validée; signée\";12;0,25\r\n;3;\r\n"
        );
    }

    #[test]
    fn formulas_are_made_inert_in_csv() {
        let mut table = Table::new("Organismes", &["Nom", "Téléphone", "Solde"]);
        for text in [
            "=HYPERLINK(\"http://x\")",
            "+33 3 81",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ] {
            table
                .rows
                .push(vec![text.into(), Cell::Empty, (-4i64).into()]);
        }
        table
            .rows
            .push(vec!["Cœur = Sàrl".into(), Cell::Empty, Cell::Empty]);
        let text = String::from_utf8(to_csv(&[table]).unwrap()).unwrap();
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b';')
            .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let first: Vec<String> = reader.records().map(|r| r.unwrap()[0].to_owned()).collect();
        assert_eq!(
            first,
            [
                "'=HYPERLINK(\"http://x\")",
                "'+33 3 81",
                "'-2+3",
                "'@SUM(A1)",
                "'\tx",
                "'\rx",
                "Cœur = Sàrl"
            ]
        );
        assert!(text.contains(";-4\r\n"), "numbers stay numbers: {text}");
    }

    #[test]
    fn several_tables_are_titled_in_csv() {
        let text = String::from_utf8(to_csv(&[sample(), sample()]).unwrap()).unwrap();
        assert_eq!(text.matches("Conventions\r\n").count(), 2);
    }

    #[test]
    fn xlsx_is_a_zip_workbook() {
        let bytes = to_xlsx(&[sample()]).unwrap();
        assert_eq!(&bytes[..2], b"PK");
    }

    #[test]
    fn sheet_names_fit_excel_rules() {
        assert_eq!(
            sheet_name("Durées / stages [2026]", 0),
            "Durées  stages 2026"
        );
        assert_eq!(sheet_name("", 2), "Sheet 3");
        assert_eq!(sheet_name(&"x".repeat(40), 0).len(), 31);
    }

    #[test]
    fn unknown_format_is_refused() {
        assert!(parse_format(Some("pdf")).is_err());
        assert_eq!(parse_format(None).unwrap(), SheetFormat::Csv);
    }
}
