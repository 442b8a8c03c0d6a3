"""One module per kind of site: the packaged spiders, and the generic one set by configuration."""
