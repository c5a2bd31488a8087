"""The extractor's version, recorded with every article it reads; kept apart from the
pipeline so that naming it (``/ready``) loads no extraction code."""

EXTRACTOR_VERSION = "1.0.0"
