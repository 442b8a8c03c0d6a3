"""Replay: recorded pages served on 127.0.0.1 as the real sites (``server``), and the download
handler that sends a crawl's requests there while everything else sees the real addresses
(``handler``). The tests, the demo and ``make bench`` crawl through it; no internet is needed."""
