"""Where a Korean term ends: Korean writes particles (josa) onto the noun, with no space.

"비슈케크에서" is 비슈케크 + 에서 and "한반도의" is 한반도 + 의; a term is matched when the rest of
its Hangul word is a sequence of such particles (at most three: 에서 + 의, 으로 + 는 + 도), and
not when it is the start of a longer noun (한국 in 한국가스공사).
"""

from __future__ import annotations

import re
from functools import lru_cache

from kogloss.scripts import HANGUL_CHARS

_PARTICLE_LIST = """
    의 에 에서 에게 에게서 께 께서 한테 은 는 이 가 을 를 과 와 로 으로 도 만 까지 부터 보다 처럼
    서 나 이나 며 이며 고 이고 다 이다 였다 이었다 입니다 이라는 라는 랑 이랑 마저 조차 뿐 대로
    들 야 이야 로서 으로서 로써 으로써 란 이란 든 이든 라도 이라도
"""
PARTICLES = frozenset(_PARTICLE_LIST.split())
MAX_PARTICLES = 3
# Prefixes written onto a place name: 주카자흐스탄 대사관 (駐, "resident in").
PREFIXES = frozenset({"주"})

HANGUL_WORD = re.compile(f"[{HANGUL_CHARS}]+")


@lru_cache(maxsize=4096)
def is_particle_sequence(word: str, depth: int = MAX_PARTICLES) -> bool:
    """Whether ``word`` splits into at most ``depth`` particles."""
    if not word:
        return True
    if depth == 0:
        return False
    return any(
        word.startswith(particle) and is_particle_sequence(word[len(particle) :], depth - 1)
        for particle in PARTICLES
    )


def particle_after(text: str, end: int) -> str | None:
    """The particles written onto a term ending at ``end``; None if a longer word goes on."""
    if end >= len(text) or not text[end].isalnum():
        return ""
    word = HANGUL_WORD.match(text, end)
    if word is None or not is_particle_sequence(word.group()):
        return None
    after = word.end()
    if after < len(text) and text[after].isalnum():
        return None
    return word.group()


def starts_word(text: str, start: int) -> bool:
    """Whether a Korean term may begin at ``start`` (a word start, or after a prefix like 주)."""
    if start == 0 or not text[start - 1].isalnum():
        return True
    if text[start - 1] in PREFIXES:
        return start == 1 or not text[start - 2].isalnum()
    return False
