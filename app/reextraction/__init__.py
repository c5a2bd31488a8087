"""Re-extraction of stored articles: a better extractor, or more knowledge, applied to the
archive in short batch transactions while it keeps serving.

``selection`` picks the articles, ``workers`` extracts them in processes, ``apply`` writes
one batch (``compare`` tells what changed, ``store`` rewrites it), ``redirects`` keeps
merged and orphaned entities answering, and ``run`` drives it.
"""
