//! Many agreements at once: a centre's year as one ZIP. Agreements signed
//! by every party go in as their sealed PDF, kept since the last signature
//! (the legal document, never rendered again); the others are rendered on
//! every core (each document is independent).

use super::{ConventionDocument, DocumentError, render_convention};
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;

/// One agreement of a batch.
pub enum BatchItem {
    /// Not signed yet: rendered as it stands.
    Render(Box<ConventionDocument>),
    /// Signed by every party: the sealed PDF, as kept.
    Signed {
        /// The convention number, for the file name.
        number: String,
        pdf: Vec<u8>,
    },
}

/// File names and PDF bytes, in order.
type Files = Vec<(String, Vec<u8>)>;

/// PDFs are already compressed: stored as they are. Signed agreements are
/// named `convention-<number>-signee.pdf`, the others
/// `convention-<number>.pdf`.
pub fn zip_conventions(items: &[BatchItem]) -> Result<Vec<u8>, DocumentError> {
    let threads = std::thread::available_parallelism()
        .map(std::num::NonZeroUsize::get)
        .unwrap_or(1)
        .max(1);
    let chunk = items.len().div_ceil(threads).max(1);
    let rendered: Vec<Result<Files, DocumentError>> = std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|item| match item {
                            BatchItem::Render(doc) => Ok((
                                format!("convention-{}.pdf", doc.number),
                                render_convention(doc)?,
                            )),
                            BatchItem::Signed { number, pdf } => {
                                Ok((format!("convention-{number}-signee.pdf"), pdf.clone()))
                            }
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
