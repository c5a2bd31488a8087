"""The web pages: a reader's frontend of the public JSON API, served by the same app."""
