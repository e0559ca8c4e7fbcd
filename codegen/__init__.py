"""The SDK's own code generator: ``python -m codegen`` rewrites every generated file.

It reads ``spec/marketingsolutions_2020-10.json`` (plus the hand-written
``descriptions.json`` and ``examples.json`` beside this file) and writes:

* ``criteo_api_marketingsolutions_v2020_10/model/<module>.py``: one per schema,
  and one per inline object property (``Audience.attributes`` ->
  ``AudienceAttributes``);
* ``criteo_api_marketingsolutions_v2020_10/api/<module>.py``: one per tag;
* ``criteo_api_marketingsolutions_v2020_10/aio/api/<module>.py``: the same
  classes for the asyncio client, on the same ``Endpoint`` declarations;
* the ``__init__`` of ``api``, ``aio/api`` and ``model``, and the ``apis``,
  ``aio/apis`` and ``models`` aggregator packages;
* ``docs/<Name>.md`` for every API class and model, ``docs/README_API_INDEX.md``, and
  ``docs/Operations.md`` (every operation as a Python call and as a command line);
* the tables between the ``BEGIN/END GENERATED`` markers of ``README.md``.

The stages are plain functions: ``spec.load_api`` builds an intermediate
model, ``render_python`` (models, packages), ``render_api``, ``render_aio``
(the asyncio surface) and ``render_docs`` turn it into text (``annotations``
decides the static types), and ``generate`` maps output paths to that text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Dict, Optional

from codegen.annotations import response_models
from codegen.render_aio import render_aio_api, render_aio_api_package_init, render_aio_apis_init
from codegen.render_api import render_api
from codegen.render_docs import readme_sections, render_api_doc, render_index, render_model_doc, replace_sections
from codegen.render_operations import render_operations
from codegen.render_python import (
    PACKAGE,
    SPEC_FILE,
    render_api_package_init,
    render_apis_init,
    render_model,
    render_model_package_init,
    render_models_init,
)
from codegen.spec import ApiSpec, load_api
from codegen.texts import Texts

ROOT = Path(__file__).resolve().parent.parent
GENERATED_DIRS = (f"{PACKAGE}/model", f"{PACKAGE}/api", f"{PACKAGE}/aio/api")
"""Folders whose modules (``__init__.py`` aside) all come from the generator."""

__all__ = ["ROOT", "GENERATED_DIRS", "ApiSpec", "build", "generate"]


def build(root: Path = ROOT, texts: Optional[Texts] = None) -> ApiSpec:
    """Read the spec of the repository at ``root`` into the intermediate model."""
    return load_api(root / SPEC_FILE, texts if texts is not None else Texts.load())


def generate(root: Path = ROOT, texts: Optional[Texts] = None) -> Dict[str, str]:
    """Every generated file of the repository at ``root``: relative path -> text.

    ``README.md`` is included only when it exists and has generation markers.
    """
    texts = texts if texts is not None else Texts.load()
    spec = build(root, texts)
    files: Dict[str, str] = {}
    lenient = response_models(spec)
    for model in spec.models:
        files[f"{PACKAGE}/model/{model.module}.py"] = render_model(model, model.name in lenient)
        files[f"docs/{model.name}.md"] = render_model_doc(spec, model)
    for api in spec.apis:
        files[f"{PACKAGE}/api/{api.module}.py"] = render_api(api)
        files[f"{PACKAGE}/aio/api/{api.module}.py"] = render_aio_api(api)
        files[f"docs/{api.class_name}.md"] = render_api_doc(spec, api, texts)
    files[f"{PACKAGE}/api/__init__.py"] = render_api_package_init(spec)
    files[f"{PACKAGE}/aio/api/__init__.py"] = render_aio_api_package_init(spec)
    files[f"{PACKAGE}/aio/apis/__init__.py"] = render_aio_apis_init(spec)
    files[f"{PACKAGE}/model/__init__.py"] = render_model_package_init(spec)
    files[f"{PACKAGE}/apis/__init__.py"] = render_apis_init(spec)
    files[f"{PACKAGE}/models/__init__.py"] = render_models_init(spec)
    files["docs/README_API_INDEX.md"] = render_index(spec)
    files["docs/Operations.md"] = render_operations(spec, texts)
    readme = root / "README.md"
    if readme.is_file():
        updated = replace_sections(readme.read_text(encoding="utf-8"), readme_sections(spec))
        if updated is not None:
            files["README.md"] = updated
    return dict(sorted(files.items()))
