"""Schemathesis hooks of the contract fuzzing (fuzz.py loads them through
SCHEMATHESIS_HOOKS): bodies of the media types the API takes that
schemathesis does not generate by itself.

A paper signature's scan is `application/pdf`: the fuzzer sends a well-formed
one-page PDF, a truncated one and bytes that are no PDF at all, which the
server must refuse with a 4xx (FMT-05) or take, never answer with a 5xx.
"""

import schemathesis
from hypothesis import strategies as st

ONE_PAGE_PDF = (
    b"%PDF-1.4\n1 0 obj\n<</Type/Catalog/Pages 2 0 R>>\nendobj\n"
    b"2 0 obj\n<</Type/Pages/Kids[3 0 R]/Count 1>>\nendobj\n"
    b"3 0 obj\n<</Type/Page/Parent 2 0 R/MediaBox[0 0 1 1]>>\nendobj\n"
    b"trailer\n<</Size 4/Root 1 0 R>>\n%%EOF\n"
)

schemathesis.openapi.media_type(
    "application/pdf",
    st.one_of(
        st.just(ONE_PAGE_PDF),
        st.just(ONE_PAGE_PDF[:40]),
        st.binary(max_size=256),
    ),
)
