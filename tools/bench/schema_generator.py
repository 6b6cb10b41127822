"""Deterministic synthetic schemas for the dbmig-vs-Django benchmark.

A project is A apps x M models x F fields (the primary key included) with a realistic mix of
types, nullable fields, defaults, indexes, unique fields and foreign keys within an app and to
earlier apps (so app dependencies never form a cycle). `history()` returns the schema after
step 0 (the initial models) and after each of the K + 1 edit steps that follow; every edit
touches one app, so each step gives exactly one migration on both sides. The same seed always
gives the same schemas.

Edits are chosen so that Django's non-interactive makemigrations can follow them: a renamed
or added field is nullable or has a default, and only models nothing references are renamed
or deleted (Django, without a terminal, sees a rename as a remove and an add).
"""

import copy
import random
from dataclasses import dataclass, field as dataclass_field
from typing import List, Optional, Tuple

SIZES = {
    "small": (5, 10, 8, 20),
    "medium": (20, 25, 10, 40),
    "large": (50, 40, 12, 100),
}

# (kind, weight) of non-key columns.
FIELD_KINDS = [
    ("char", 24), ("text", 8), ("int32", 14), ("int64", 6), ("bool", 10), ("double", 6),
    ("timestamp", 9), ("date", 4), ("decimal", 4), ("fk", 15),
]

EDIT_KINDS = [
    ("add_field", 26), ("remove_field", 12), ("rename_field", 12), ("alter_field", 18),
    ("add_model", 10), ("delete_model", 5), ("rename_model", 5), ("add_index", 12),
]


@dataclass
class Field:
    name: str
    kind: str
    null: bool = False
    default: Optional[object] = None
    unique: bool = False
    index: bool = False
    max_length: int = 0
    target: Optional[Tuple[str, str]] = None  # (app, model) for kind "fk"
    renamed_from: str = ""  # only on the step that renames it


@dataclass
class Model:
    name: str
    fields: List[Field]
    indexes: List[Tuple[str, List[str]]] = dataclass_field(default_factory=list)
    renamed_from: str = ""


@dataclass
class App:
    name: str
    models: List[Model]


def _weighted(rng, choices):
    return rng.choices([c for c, _ in choices], weights=[w for _, w in choices])[0]


class _Generator:
    def __init__(self, apps, models, fields, seed):
        self.rng = random.Random(seed)
        self.fields_per_model = fields
        self.counter = 0  # unique suffixes for new fields, models and index names
        self.apps: List[App] = []
        for a in range(1, apps + 1):
            app = App(f"app{a}", [])
            self.apps.append(app)
            for m in range(1, models + 1):
                app.models.append(self._new_model(app, f"Entity{m}"))

    def _next(self):
        self.counter += 1
        return self.counter

    def _fk_targets(self, app):
        """Models a new foreign key in `app` may reference: its own and earlier apps'."""
        own = [(app.name, m.name) for m in app.models]
        earlier = [(a.name, m.name) for a in self.apps[: self.apps.index(app)] for m in a.models]
        return own, earlier

    def _new_field(self, app, name, optional_or_default=False):
        rng = self.rng
        kind = _weighted(rng, FIELD_KINDS)
        own, earlier = self._fk_targets(app)
        if kind == "fk" and not own and not earlier:
            kind = "int64"
        f = Field(name, kind)
        f.null = rng.random() < 0.2
        if kind == "fk":
            pool = earlier if earlier and (rng.random() < 0.3 or not own) else own
            f.target = rng.choice(pool)
            f.name = name + "_id"
            if optional_or_default:
                f.null = True
            return f
        if kind == "char":
            f.max_length = rng.choice([32, 64, 100, 200, 255])
        if not f.null and kind in ("char", "int32", "int64", "bool", "double") and (
                optional_or_default or rng.random() < 0.4):
            f.default = {"char": "", "int32": 0, "int64": 0, "bool": True, "double": 0.0}[kind]
        elif optional_or_default and f.default is None:
            f.null = True
        if kind in ("char", "int32", "int64") and rng.random() < 0.06:
            f.unique = True
        elif kind in ("char", "int32", "int64", "timestamp", "date") and rng.random() < 0.1:
            f.index = True
        return f

    def _new_model(self, app, name):
        model = Model(name, [Field("id", "pk")])
        for j in range(1, self.fields_per_model):
            model.fields.append(self._new_field(app, f"f{j}"))
        return model

    # --- edits -------------------------------------------------------------------------
    def _referenced(self):
        return {f.target for a in self.apps for m in a.models for f in m.fields if f.target}

    def _indexed_names(self, model):
        return {n for _, names in model.indexes for n in names}

    def _plain_fields(self, model, pred=lambda f: True):
        """Non-key, non-foreign-key fields outside model indexes that satisfy pred."""
        used = self._indexed_names(model)
        return [f for f in model.fields
                if f.kind not in ("pk", "fk") and f.name not in used and pred(f)]

    def edit(self):
        """Applies one random edit to one app; returns a one-line description."""
        for _ in range(100):
            kind = _weighted(self.rng, EDIT_KINDS)
            app = self.rng.choice(self.apps)
            done = getattr(self, "_" + kind)(app)
            if done:
                return done
        raise RuntimeError("no applicable edit found")

    def _add_field(self, app):
        model = self.rng.choice(app.models)
        f = self._new_field(app, f"n{self._next()}", optional_or_default=True)
        model.fields.append(f)
        return f"add field {app.name}.{model.name}.{f.name}"

    def _remove_field(self, app):
        model = self.rng.choice(app.models)
        candidates = self._plain_fields(model)
        if len(model.fields) <= 3 or not candidates:
            return None
        f = self.rng.choice(candidates)
        model.fields.remove(f)
        return f"remove field {app.name}.{model.name}.{f.name}"

    def _rename_field(self, app):
        model = self.rng.choice(app.models)
        candidates = self._plain_fields(
            model, lambda f: (f.null or f.default is not None) and not f.unique)
        if not candidates:
            return None
        f = self.rng.choice(candidates)
        f.renamed_from, f.name = f.name, f"{f.name}_r{self._next()}"
        return f"rename field {app.name}.{model.name}.{f.renamed_from} to {f.name}"

    def _alter_field(self, app):
        model = self.rng.choice(app.models)
        candidates = self._plain_fields(model, lambda f: f.kind == "char" or not f.null)
        if not candidates:
            return None
        f = self.rng.choice(candidates)
        if f.kind == "char":
            f.max_length += 50
            return f"alter field {app.name}.{model.name}.{f.name}: max_length {f.max_length}"
        f.null, f.default = True, None
        return f"alter field {app.name}.{model.name}.{f.name}: nullable"

    def _add_model(self, app):
        model = self._new_model(app, f"Added{self._next()}")
        app.models.append(model)
        return f"add model {app.name}.{model.name}"

    def _unreferenced_model(self, app):
        referenced = self._referenced()
        candidates = [m for m in app.models if (app.name, m.name) not in referenced]
        return self.rng.choice(candidates) if len(app.models) > 2 and candidates else None

    def _delete_model(self, app):
        model = self._unreferenced_model(app)
        if not model:
            return None
        app.models.remove(model)
        return f"delete model {app.name}.{model.name}"

    def _rename_model(self, app):
        model = self._unreferenced_model(app)
        if not model:
            return None
        model.renamed_from, model.name = model.name, f"Renamed{self._next()}"
        return f"rename model {app.name}.{model.renamed_from} to {model.name}"

    def _add_index(self, app):
        model = self.rng.choice(app.models)
        candidates = [f.name for f in model.fields
                      if f.kind in ("char", "int32", "int64", "bool", "timestamp", "date")
                      and not f.unique]
        if len(candidates) < 2:
            return None
        names = self.rng.sample(candidates, 2)
        if any(sorted(names) == sorted(existing) for _, existing in model.indexes):
            return None
        model.indexes.append((f"ix{self._next()}", names))
        return f"add index {app.name}.{model.name}({', '.join(names)})"

    def snapshot(self):
        apps = copy.deepcopy(self.apps)
        for a in self.apps:  # renames are announced on one step only
            for m in a.models:
                m.renamed_from = ""
                for f in m.fields:
                    f.renamed_from = ""
        return apps


def history(size, seed=7):
    """[(description, apps)] for step 0 (initial) and K + 1 edit steps."""
    apps, models, fields, steps = SIZES[size]
    gen = _Generator(apps, models, fields, seed)
    result = [("initial", gen.snapshot())]
    for _ in range(steps + 1):
        description = gen.edit()
        result.append((description, gen.snapshot()))
    return result
