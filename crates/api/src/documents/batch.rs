//! Many agreements at once: a centre's year as one ZIP, rendered on every
//! core (each document is independent).

use super::{ConventionDocument, DocumentError, render_convention};
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;

/// File names and PDF bytes, in order.
type Files = Vec<(String, Vec<u8>)>;

/// PDFs are already compressed: stored as they are.
pub fn zip_conventions(documents: &[ConventionDocument]) -> Result<Vec<u8>, DocumentError> {
    let threads = std::thread::available_parallelism()
        .map(std::num::NonZeroUsize::get)
        .unwrap_or(1)
        .max(1);
    let chunk = documents.len().div_ceil(threads).max(1);
    let rendered: Vec<Result<Files, DocumentError>> = std::thread::scope(|scope| {
        let handles: Vec<_> = documents
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|doc| {
                            Ok((
                                format!("convention-{}.pdf", doc.number),
                                render_convention(doc)?,
                            ))
                        })
                        .collect()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join().unwrap_or_else(|_| {
                    Err(DocumentError::Layout("a rendering thread failed".into()))
                })
            })
            .collect()
    });
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for part in rendered {
        for (name, bytes) in part? {
            zip.start_file(name, options)
                .map_err(|e| DocumentError::Pdf(e.to_string()))?;
            zip.write_all(&bytes)
                .map_err(|e| DocumentError::Pdf(e.to_string()))?;
        }
    }
    zip.finish()
        .map(Cursor::into_inner)
        .map_err(|e| DocumentError::Pdf(e.to_string()))
}
