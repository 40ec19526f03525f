"""The stepped Locust load test against the local production stack."""
