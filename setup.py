"""Packaging for the Criteo Marketing Solutions API 2020-10 SDK; build settings live in pyproject.toml."""

import re
from pathlib import Path

from setuptools import find_packages, setup

HERE = Path(__file__).parent
VERSION = re.search(
    r'^__version__ = "([^"]+)"', (HERE / "criteo_api_marketingsolutions_v2020_10" / "_constants.py").read_text(), re.M
).group(1)

setup(
    name="criteo-api-marketingsolutions-v2020-10",
    version=VERSION,
    description="Python SDK for the Criteo Marketing Solutions API, version 2020-10",
    long_description=(HERE / "README.md").read_text(encoding="utf-8"),
    long_description_content_type="text/markdown",
    license="Apache-2.0",
    keywords=["Criteo", "Marketing Solutions", "OpenAPI", "SDK", "advertising"],
    python_requires=">=3.10",
    packages=find_packages(include=["criteo_api_marketingsolutions_v2020_10*"]),
    package_data={"criteo_api_marketingsolutions_v2020_10": ["py.typed"]},
    include_package_data=True,
    # Floors are tested: CI runs the suite with constraints-lowest.txt, which pins each floor.
    install_requires=["urllib3>=2.2.0,<3", "python-dateutil>=2.7.0"],
    extras_require={
        "requests": ["requests>=2.30.0"],
        # Reports and contact lists at scale (criteo_api_marketingsolutions_v2020_10.reports / .audiences).
        "progress": ["tqdm>=4.60.0"],
        "excel": ["openpyxl>=3.1.0"],
        "pandas": ["pandas>=2.2.2"],
        "polars": ["polars>=1.0.0"],
        # One rate budget and one token for every process sharing credentials (Configuration.shared_state).
        "redis": ["redis>=5.0.0", "cryptography>=42.0.0"],
        # The asyncio client (criteo_api_marketingsolutions_v2020_10.aio): aiohttp by default, or httpx.
        "aiohttp": ["aiohttp>=3.11.0"],
        "httpx": ["httpx>=0.27.0"],
    },
    entry_points={
        "console_scripts": ["criteo-marketing = criteo_api_marketingsolutions_v2020_10.cli:main"],
        "pytest11": ["criteo_sandbox = criteo_api_marketingsolutions_v2020_10.sandbox.pytest_plugin"],
    },
    classifiers=[
        "Development Status :: 5 - Production/Stable",
        "Intended Audience :: Developers",
        "License :: OSI Approved :: Apache Software License",
        "Operating System :: OS Independent",
        "Programming Language :: Python :: 3",
        "Programming Language :: Python :: 3 :: Only",
        "Programming Language :: Python :: 3.10",
        "Programming Language :: Python :: 3.11",
        "Programming Language :: Python :: 3.12",
        "Programming Language :: Python :: 3.13",
        "Topic :: Internet :: WWW/HTTP",
        "Topic :: Software Development :: Libraries :: Python Modules",
        "Typing :: Typed",
    ],
    zip_safe=False,
)
