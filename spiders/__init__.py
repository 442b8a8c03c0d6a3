"""Scrapy spiders and the normalisers that turn a page's text into event fields."""
