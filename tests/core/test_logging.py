import json
import logging

from supportnet.core.logging import JSONFormatter, TruncateIPFilter, truncate_ips


def test_ip_addresses_are_truncated_in_any_message():
    assert truncate_ips("from 203.0.113.77 and 2001:db8:85a3:8d3:1319:8a2e:370:7348") == (
        "from 203.0.113.0 and 2001:db8:85a3::"
    )
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "client %s", ("198.51.100.9",), None)
    assert TruncateIPFilter().filter(record)
    assert record.getMessage() == "client 198.51.100.0"


def test_json_lines_carry_time_level_logger_and_message():
    record = logging.LogRecord("supportnet", logging.WARNING, __file__, 1, "careful", None, None)
    entry = json.loads(JSONFormatter().format(record))
    assert entry["level"] == "WARNING"
    assert entry["logger"] == "supportnet"
    assert entry["message"] == "careful"
