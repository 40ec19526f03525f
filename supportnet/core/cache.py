"""A Redis cache that keeps the site working while Redis is away.

The cache holds rate-limit counters and other conveniences, never the only copy of anything.
When Redis cannot be reached, reads miss, writes are dropped and counters start again (rate
limits fail open for that while) instead of every page and every post failing with a 500.
Each failure is logged as a warning, without keys or values.
"""

import logging
from typing import Any

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


def _down(operation: str) -> None:
    logger.warning("cache unavailable during %s; carrying on without it", operation)


class ResilientRedisCache(RedisCache):
    def add(self, *args: Any, **kwargs: Any) -> bool:
        try:
            return super().add(*args, **kwargs)
        except RedisError:
            _down("add")
            return True  # fail open: locks built on add() (allauth's rate limits) proceed

    def get(self, key: Any, default: Any = None, version: int | None = None) -> Any:
        try:
            return super().get(key, default, version)
        except RedisError:
            _down("get")
            return default

    def set(self, *args: Any, **kwargs: Any) -> None:
        try:
            super().set(*args, **kwargs)
        except RedisError:
            _down("set")

    def touch(self, *args: Any, **kwargs: Any) -> bool:
        try:
            return super().touch(*args, **kwargs)
        except RedisError:
            _down("touch")
            return False

    def delete(self, *args: Any, **kwargs: Any) -> bool:
        try:
            return super().delete(*args, **kwargs)
        except RedisError:
            _down("delete")
            return False

    def get_many(self, *args: Any, **kwargs: Any) -> dict[Any, Any]:
        try:
            return super().get_many(*args, **kwargs)
        except RedisError:
            _down("get_many")
            return {}

    def has_key(self, *args: Any, **kwargs: Any) -> bool:
        try:
            return super().has_key(*args, **kwargs)
        except RedisError:
            _down("has_key")
            return False

    def incr(self, key: Any, delta: int = 1, version: int | None = None) -> int:
        try:
            return super().incr(key, delta, version)
        except RedisError:
            _down("incr")
            return delta

    def set_many(self, *args: Any, **kwargs: Any) -> list[Any]:
        try:
            return super().set_many(*args, **kwargs)
        except RedisError:
            _down("set_many")
            return []

    def delete_many(self, *args: Any, **kwargs: Any) -> None:
        try:
            super().delete_many(*args, **kwargs)
        except RedisError:
            _down("delete_many")

    def clear(self) -> None:
        try:
            super().clear()
        except RedisError:
            _down("clear")
