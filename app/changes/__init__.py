"""The change feed: every article and entity write, in commit order."""
