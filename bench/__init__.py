"""Benchmarks and tools that print figures (never tests)."""
