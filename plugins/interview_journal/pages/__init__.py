"""Generated pages: a journal and the options -> Markdown documents and their HTML blocks.

No MkDocs import here. ``site.build_site`` yields every page; ``views`` holds one module per
page; ``blocks`` is the seam between our HTML and MkDocs' Markdown (placeholders, packing,
search texts, the table of contents); ``render`` holds the Jinja environments and filters;
``names`` the page names. This file imports nothing, so ``pages.names`` stays cheap to import.
"""
