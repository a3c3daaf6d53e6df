"""Ketamine for PTSD: what to know and what to ask. An offline decision aid."""

__version__ = "0.1.0"
