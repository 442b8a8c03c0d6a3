"""Remembering answers about the short texts of the page being read.

A page's sentences are asked the same questions by several readers (title, dates, place,
organisers): does it say an event is held, what are its tokens, its event names, its stated
length. ``short_text_cache`` answers the repeats from an ``lru_cache``. A long text (a whole body,
a paragraph without a sentence end) is read each time and never kept, so that a long crawl holds
at most ``maxsize`` texts of ``MAX_CACHED`` characters per cached question, whatever it reads.
Only for pure functions of one text whose answer is immutable.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import Protocol, TypeVar, cast

__all__ = ["MAX_CACHED", "CachedText", "short_text_cache"]

MAX_CACHED = 2_000  # characters: sentences and headings, not bodies
_T = TypeVar("_T")
_T_co = TypeVar("_T_co", covariant=True)


class CachedText(Protocol[_T_co]):
    """A function of one text with its answers for short texts cached."""

    def __call__(self, text: str) -> _T_co: ...

    def cache_clear(self) -> None: ...


def short_text_cache(maxsize: int) -> Callable[[Callable[[str], _T]], CachedText[_T]]:
    def decorate(function: Callable[[str], _T]) -> CachedText[_T]:
        cached = lru_cache(maxsize=maxsize)(function)

        @wraps(function)
        def call(text: str) -> _T:
            if isinstance(text, str) and len(text) <= MAX_CACHED:
                return cached(text)
            return function(text)  # a long text, or not a text: as the function answers

        call.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
        return cast(CachedText[_T], call)

    return decorate
