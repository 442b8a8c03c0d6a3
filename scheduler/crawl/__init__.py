"""A crawl as processes: the parent that starts and bounds a child, and the child that crawls."""
