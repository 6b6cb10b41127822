"""Writes one schema (from schema_generator) as a dbmig project and as a Django project.

Files are rewritten only when their text changes, so unchanged headers keep their mtime.
"""

import os
from pathlib import Path

CPP_TYPES = {
    "pk": "std::int64_t", "char": "std::string", "text": "std::string", "int32": "std::int32_t",
    "int64": "std::int64_t", "bool": "bool", "double": "double",
    "timestamp": "std::chrono::system_clock::time_point",
    "date": "std::chrono::year_month_day", "decimal": "double", "fk": "std::int64_t",
}

DJANGO_FIELDS = {
    "char": "CharField", "text": "TextField", "int32": "IntegerField", "int64": "BigIntegerField",
    "bool": "BooleanField", "double": "FloatField", "timestamp": "DateTimeField",
    "date": "DateField", "decimal": "DecimalField", "fk": "ForeignKey",
}


def _write_if_changed(path: Path, text: str):
    if path.exists() and path.read_text() == text:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def _cpp_literal(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value + '"'
    return repr(value)


def _cpp_field(f):
    options = []
    if f.kind == "pk":
        options.append("primary_key")
    if f.max_length:
        options.append(f"max_length = {f.max_length}")
    if f.kind == "decimal":
        options.append("decimal(12, 2)")
    if f.unique:
        options.append("unique")
    if f.index:
        options.append("index")
    if f.target:
        options.append(f"references = {f.target[0]}::{f.target[1]}")
        options.append("on_delete = " + ("set_null" if f.null else "cascade"))
    if f.renamed_from:
        options.append(f"renamed_from = {f.renamed_from}")
    cpp_type = CPP_TYPES[f.kind]
    if f.null:
        cpp_type = f"std::optional<{cpp_type}>"
    prefix = f"DBMIG_FIELD({', '.join(options)}) " if options else ""
    initializer = f" = {_cpp_literal(f.default)}" if f.default is not None else ""
    return f"  {prefix}{cpp_type} {f.name}{initializer};"


def _cpp_model(model):
    options = [f"index({', '.join(names)}, name = \"{name}\")" for name, names in model.indexes]
    if model.renamed_from:
        options.append(f"renamed_from = {model.renamed_from}")
    lines = [f"struct DBMIG_MODEL({', '.join(options)}) {model.name} {{"]
    lines += [_cpp_field(f) for f in model.fields]
    lines.append("};")
    return "\n".join(lines)


def dbmig_header(app):
    head = ["#pragma once", "", "#include <dbmig/model.hpp>", "", "#include <chrono>",
            "#include <cstdint>", "#include <optional>", "#include <string>", "",
            f"namespace {app.name} {{", ""]
    body = "\n\n".join(_cpp_model(m) for m in app.models)
    return "\n".join(head) + body + f"\n\n}}  // namespace {app.name}\n"


def write_dbmig(root: Path, apps):
    for app in apps:
        _write_if_changed(root / "apps" / app.name / "models.hpp", dbmig_header(app))
    present = {app.name for app in apps}
    for stale in (root / "apps").iterdir():
        if stale.name not in present:
            raise RuntimeError(f"app {stale.name} disappeared")


def _py_literal(value):
    return repr(value)


def _django_field(f):
    if f.kind == "pk":
        return "    id = models.BigAutoField(primary_key=True)"
    args = []
    name = f.name
    if f.kind == "fk":
        name = f.name[: -len("_id")]
        on_delete = "SET_NULL" if f.null else "CASCADE"
        args += [repr(f"{f.target[0]}.{f.target[1]}"), f"on_delete=models.{on_delete}",
                 "related_name='+'"]
    if f.max_length:
        args.append(f"max_length={f.max_length}")
    if f.kind == "decimal":
        args += ["max_digits=12", "decimal_places=2"]
    if f.null:
        args.append("null=True")
    if f.default is not None:
        args.append(f"default={_py_literal(f.default)}")
    if f.unique:
        args.append("unique=True")
    if f.index:
        args.append("db_index=True")
    return f"    {name} = models.{DJANGO_FIELDS[f.kind]}({', '.join(args)})"


def _django_model(model):
    lines = [f"class {model.name}(models.Model):"]
    lines += [_django_field(f) for f in model.fields]
    if model.indexes:
        indexes = ", ".join(f"models.Index(fields={names!r}, name={name!r})"
                            for name, names in model.indexes)
        lines += ["", "    class Meta:", f"        indexes = [{indexes}]"]
    return "\n".join(lines)


DJANGO_SETTINGS = '''import os
from urllib.parse import urlparse

SECRET_KEY = "benchmark"
INSTALLED_APPS = {apps!r}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
USE_TZ = True

_url = urlparse(os.environ.get("BENCH_DATABASE", "sqlite:///db.sqlite3"))
if _url.scheme == "sqlite":
    DATABASES = {{"default": {{"ENGINE": "django.db.backends.sqlite3", "NAME": _url.path[1:]}}}}
else:
    DATABASES = {{"default": {{
        "ENGINE": "django.db.backends.postgresql", "NAME": _url.path[1:], "USER": _url.username,
        "PASSWORD": _url.password, "HOST": _url.hostname, "PORT": _url.port}}}}
'''

MANAGE_PY = '''import os
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings")
from django.core.management import execute_from_command_line

execute_from_command_line(sys.argv)
'''


def write_django(root: Path, apps):
    _write_if_changed(root / "manage.py", MANAGE_PY)
    _write_if_changed(root / "settings.py",
                      DJANGO_SETTINGS.format(apps=[app.name for app in apps]))
    for app in apps:
        package = root / app.name
        _write_if_changed(package / "__init__.py", "")
        _write_if_changed(package / "migrations" / "__init__.py", "")
        text = "from django.db import models\n\n\n" + "\n\n\n".join(
            _django_model(m) for m in app.models) + "\n"
        _write_if_changed(package / "models.py", text)


def clang_translation_unit(root: Path, apps, name="all_models.cpp"):
    """One .cpp including the header of every app of `apps`, for the clang++ -fsyntax-only
    floors."""
    text = "".join(f'#include "{root / "apps" / app.name / "models.hpp"}"\n' for app in apps)
    path = root / name
    _write_if_changed(path, text)
    return path


def remove_new_files(folder: Path, before):
    """Deletes files under folder that are not in the set `before` (paths)."""
    for path in folder.rglob("*"):
        if path.is_file() and path not in before:
            os.remove(path)
