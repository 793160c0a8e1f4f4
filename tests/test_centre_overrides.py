"""A centre's own data files are checked when they are read: a mistake is refused with its name,
never a certificate that silently lacks a line or a fee that silently stays as shipped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from khidmat_desk.app.context import CounterContext
from khidmat_desk.app.data_checks import layout_problems
from khidmat_desk.app.settings import CounterSettings, SettingsError
from khidmat_desk.core.catalogue import TariffError, load_tariff
from khidmat_desk.paths import resource_path
from khidmat_desk.printing.templates import TemplateError, load_templates


def test_the_shipped_layouts_cover_every_output_and_name_real_fields() -> None:
    assert layout_problems(load_templates()) == []


def test_a_misspelt_field_in_a_centres_layout_is_refused(centre_folder: Path) -> None:
    shipped = json.loads(resource_path("templates", "documents.json").read_text("utf-8"))
    applicant = shipped["verification-letter"]["sections"][0]
    applicant["fields"] = ["name", "guardian_nme", *applicant["fields"][2:]]
    del shipped["fir-copy-receipt"]
    (centre_folder / "templates").mkdir()
    (centre_folder / "templates" / "documents.json").write_text(json.dumps(shipped), "utf-8")
    with CounterContext.open(CounterSettings.load(centre_folder)) as ctx, \
            pytest.raises(TemplateError) as refused:
        _ = ctx.templates
    assert "'guardian_nme', which is not a field of police-verification" in str(refused.value)
    assert "no layout for 'fir-copy-receipt'" in str(refused.value)


def test_a_tariff_key_no_service_reads_is_refused(tmp_path: Path) -> None:
    override = tmp_path / "tariff.json"
    override.write_text(json.dumps({"fees": {"police-verificaton": {"pkr": 600}}}), "utf-8")
    with pytest.raises(TariffError, match="'police-verificaton' is not a fee key"):
        load_tariff(override)
    override.write_text(json.dumps({"sla_days": {"charcter-certificate": 4}}), "utf-8")
    with pytest.raises(TariffError, match="'charcter-certificate' is not a SLA key"):
        load_tariff(override)
    override.write_text(json.dumps({"fees": {"police-verification": {"pkr": 600}}}), "utf-8")
    assert load_tariff(override).fee("police-verification") == 600


@pytest.mark.parametrize(("key", "value", "words"), [
    ("language", "fr", "must be one of: en, ur"),
    ("receipt_format", "a5", "must be one of: thermal, a4"),
    ("after_submit", "email", "must be one of: print, preview, nothing"),
    ("secret_store", "plaintext", "must be one of: keyring, file"),
    ("timezone", "Asia/Lahore", "is not a time zone"),
    ("idle_lock_minutes", 0, "must be at least 1"),
])
def test_settings_hold_allowed_values(tmp_path: Path, key: str, value: object,
                                      words: str) -> None:
    (tmp_path / "settings.json").write_text(json.dumps({key: value}), "utf-8")
    with pytest.raises(SettingsError, match=words):
        CounterSettings.load(tmp_path)
