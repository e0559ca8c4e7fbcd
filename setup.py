"""Packaging lives in pyproject.toml (metadata, dependencies, entry points); this file only lets
tools that still call ``setup.py`` build the same package."""

from setuptools import setup

setup()
