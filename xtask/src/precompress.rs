//! Compresses the built SPA once, after each build: every text or module
//! file of `dist/` gets a brotli (`name.br`, quality 11) and a gzip
//! (`name.gz`, level 9) sibling, which `stages serve` sends to browsers
//! that accept them instead of compressing the 2.5 MB module again for
//! every visitor (`crates/api/src/spa.rs`).

use std::io::Write;
use std::path::Path;

/// Files worth compressing, by extension.
const COMPRESSIBLE: &[&str] = &["wasm", "js", "css", "html", "svg", "json", "ftl", "txt"];
/// Smaller files gain nothing from it.
const MIN_BYTES: u64 = 1024;

/// Writes the compressed siblings of the files under `dir` (once per
/// content: an up-to-date sibling is kept). Returns the module's sizes
/// (raw, gzip, brotli) for the build's log.
pub fn precompress(dir: &Path) -> Result<Option<(u64, u64, u64)>, String> {
    let mut module = None;
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for entry in entries {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                pending.push(path);
                continue;
            }
            let compressible = path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| COMPRESSIBLE.contains(&e));
            let size = std::fs::metadata(&path).map_err(|e| e.to_string())?.len();
            if !compressible || size < MIN_BYTES {
                continue;
            }
            let raw = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let gz = write_if_stale(&path, "gz", || gzip(&raw))?;
            let br = write_if_stale(&path, "br", || brotli(&raw))?;
            if path.extension().is_some_and(|e| e == "wasm") {
                module = Some((size, gz, br));
            }
        }
    }
    Ok(module)
}

/// Writes `path.ext` from `compress` unless it is newer than `path`; its
/// size.
fn write_if_stale(
    path: &Path,
    ext: &str,
    compress: impl FnOnce() -> Result<Vec<u8>, String>,
) -> Result<u64, String> {
    let mut name = path.as_os_str().to_owned();
    name.push(format!(".{ext}"));
    let sibling = Path::new(&name);
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    if let (Some(done), Some(source)) = (modified(sibling), modified(path))
        && done >= source
    {
        return std::fs::metadata(sibling)
            .map(|m| m.len())
            .map_err(|e| e.to_string());
    }
    let bytes = compress()?;
    std::fs::write(sibling, &bytes).map_err(|e| format!("{}: {e}", sibling.display()))?;
    Ok(bytes.len() as u64)
}

fn gzip(raw: &[u8]) -> Result<Vec<u8>, String> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(raw).map_err(|e| e.to_string())?;
    encoder.finish().map_err(|e| e.to_string())
}

fn brotli(raw: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &raw[..], &mut out, &params).map_err(|e| e.to_string())?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn siblings_decompress_to_the_file() {
        let dir = std::env::temp_dir().join(format!("xtask-precompress-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).expect("dir");
        let text = "const a = 1;\n".repeat(500);
        std::fs::write(dir.join("sub/app.js"), &text).expect("write");
        std::fs::write(dir.join("tiny.css"), "a{}").expect("write");
        precompress(&dir).expect("compressed");
        let gz = std::fs::read(dir.join("sub/app.js.gz")).expect("gz");
        let mut back = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&gz[..]), &mut back)
            .expect("gunzip");
        assert_eq!(back, text);
        let br = std::fs::read(dir.join("sub/app.js.br")).expect("br");
        let mut back = Vec::new();
        brotli::BrotliDecompress(&mut &br[..], &mut back).expect("unbrotli");
        assert_eq!(back, text.as_bytes());
        assert!(br.len() < text.len() / 10);
        assert!(!dir.join("tiny.css.gz").exists(), "too small to gain");
        let _ = std::fs::remove_dir_all(dir);
    }
}
