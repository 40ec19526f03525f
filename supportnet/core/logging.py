"""Logging that keeps people private: JSON lines for log collectors, and IP addresses
truncated (IPv4 to /24, IPv6 to /48) in every message, whoever wrote it."""

import json
import logging
import re
from datetime import UTC, datetime

_IPV4 = re.compile(r"\b(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.\d{1,3}\b")
_IPV6 = re.compile(
    r"\b([0-9a-fA-F]{1,4}):([0-9a-fA-F]{1,4}):([0-9a-fA-F]{1,4})(?::[0-9a-fA-F]{0,4}){2,5}\b"
)


def truncate_ips(text: str) -> str:
    text = _IPV4.sub(r"\1.\2.\3.0", text)
    return _IPV6.sub(r"\1:\2:\3::", text)


class TruncateIPFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        truncated = truncate_ips(message)
        if truncated != message:
            record.msg, record.args = truncated, None
        return True


class JSONFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)
