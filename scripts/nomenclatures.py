#!/usr/bin/env python3
"""Regenerates Stages' reference data files from public npm packages.

Usage:
    mkdir -p /tmp/nomenc && cd /tmp/nomenc && \
      npm install --no-save @socialgouv/codes-naf@1.1.1 i18n-iso-countries@7.14.0 \
        @etalab/decoupage-administratif
    python3 scripts/nomenclatures.py /tmp/nomenc/node_modules

Writes crates/api/data/nomenclatures/*.tsv (UTF-8, tab-separated, one header
line). `stages migrate` loads them into the nomenclature tables.
"""

import json
import pathlib
import sys

OUT = pathlib.Path(__file__).resolve().parent.parent / "crates/api/data/nomenclatures"
LANGS = ["fr", "en", "de", "es", "it"]


def write(name, header, rows):
    path = OUT / name
    with path.open("w", encoding="utf-8", newline="\n") as f:
        f.write("\t".join(header) + "\n")
        for row in rows:
            for cell in row:
                if "\t" in cell or "\n" in cell:
                    raise SystemExit(f"{name}: a cell holds a tab or newline: {cell!r}")
            f.write("\t".join(row) + "\n")
    print(f"{path}: {len(rows)} rows")


def main(modules):
    modules = pathlib.Path(modules)

    naf = json.loads((modules / "@socialgouv/codes-naf/index.json").read_text("utf-8"))
    level5 = sorted((e["id"], e["label"].strip()) for e in naf if len(e["id"]) == 6)
    write("naf-rev2.tsv", ["code", "label"], level5)

    names = {}
    for lang in LANGS:
        data = json.loads((modules / f"i18n-iso-countries/langs/{lang}.json").read_text("utf-8"))
        for code, value in data["countries"].items():
            label = value[0] if isinstance(value, list) else value
            names.setdefault(code, {})[lang] = label
    countries = sorted([code] + [names[code][lang] for lang in LANGS] for code in names)
    write("countries.tsv", ["iso2"] + LANGS, countries)

    deps = json.loads(
        (modules / "@etalab/decoupage-administratif/data/departements.json").read_text("utf-8")
    )
    write(
        "departments.tsv",
        ["code", "name", "region"],
        sorted((d["code"], d["nom"], d["region"]) for d in deps),
    )


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    main(sys.argv[1])
