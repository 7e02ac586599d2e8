"""Accounts: creating them (rules and refusals), demo accounts, and the command line."""

from __future__ import annotations

import io
from dataclasses import fields
from pathlib import Path

import pytest
from sqlmodel import Session, select

from core.access.auth import verify_password
from core.access.users import (
    DEMO_COMPANY,
    UserError,
    create_user,
    disable_demo_users,
    ensure_demo_users,
    list_users,
    set_password,
)
from core.cli.main import main
from core.codes import Role
from core.meta import DEMO, set_meta
from core.models import AuditLog, Company, User
from tests.people import company


@pytest.mark.parametrize(
    ("fields", "key"),
    [
        ({"username": "x"}, "users.err.username"),
        ({"username": "bad name"}, "users.err.username"),
        ({"username": "<script>"}, "users.err.username"),
        ({"username": "a" * 81}, "users.err.username"),
        ({"password": "short"}, "users.err.password_short"),
        ({"password": "aaaaaaaaaaaa"}, "users.err.password_simple"),
        ({"password": "newmanager1", "username": "newmanager1"}, "users.err.password_is_username"),
        ({"password": "y" * 2000}, "users.err.password_long"),
        ({"password": None}, "users.err.no_way_in"),
        ({"email": "not-an-address"}, "users.err.email"),
        ({"role": Role.SME}, "users.err.company"),
    ],
)
def test_bad_accounts_are_refused_with_a_reason(
    session: Session, fields: dict[str, object], key: str
) -> None:
    values: dict[str, object] = {
        "username": "newmanager",
        "role": Role.MANAGER,
        "password": "a fine long password",
    }
    values.update(fields)
    with pytest.raises(UserError) as refused:
        create_user(session, **values)  # type: ignore[arg-type]
    assert refused.value.key == key
    assert session.exec(select(User)).first() is None


def test_user_names_are_unique_whatever_the_case(session: Session) -> None:
    create_user(session, username="pekka", role=Role.STEERING, password="a fine long password")
    with pytest.raises(UserError, match="pekka is already taken") as refused:
        create_user(session, username="PEKKA", role=Role.STEERING, password="another fine one")
    assert refused.value.key == "users.err.username_taken"


def test_lists_never_carry_the_hash(session: Session) -> None:
    create_user(session, username="pekka", role=Role.STEERING, password="a fine long password")
    (view,) = list_users(session)
    assert not any("hash" in field.name for field in fields(view))
    assert view.has_password and "$argon2" not in repr(view)


def test_demo_accounts_get_a_company_and_the_demo_password(session: Session) -> None:
    assert ensure_demo_users(session) == ["manager", "steering", "sme"]
    sme = session.exec(select(User).where(User.username == "sme")).one()
    demo_company = session.get(Company, sme.company_id)
    assert demo_company is not None and demo_company.business_id == DEMO_COMPANY[0]
    assert verify_password(sme.password_hash, "demo")
    assert ensure_demo_users(session) == []  # idempotent


def test_demo_sme_joins_an_existing_company(session: Session) -> None:
    existing = company(session)
    ensure_demo_users(session)
    sme = session.exec(select(User).where(User.username == "sme")).one()
    assert sme.company_id == existing.id


def test_outside_demo_mode_demo_passwords_are_switched_off(session: Session) -> None:
    ensure_demo_users(session)
    set_password(session, user_id=1, password="a real password now")
    assert disable_demo_users(session) == ["steering", "sme"]
    manager = session.get(User, 1)
    assert manager is not None and manager.is_active


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))


def test_cli_creates_users_and_never_echoes_the_password(
    database_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, "s3cret passphrase\n")
    assert main(["create-user", "Boss", "--role", "manager", "--name", "The Boss"]) == 0
    out = capsys.readouterr()
    assert "Created manager account 'boss'" in out.out
    assert "s3cret" not in out.out + out.err
    _stdin(monkeypatch, "short\n")
    assert main(["create-user", "boss2", "--role", "manager"]) == 2
    assert "at least 10 characters" in capsys.readouterr().err
    _stdin(monkeypatch, "whatever long one\n")
    assert main(["create-user", "firm", "--role", "sme", "--company", "0000000-0"]) == 2
    assert "no company" in capsys.readouterr().err
    assert main(["list-users"]) == 0
    listing = capsys.readouterr().out
    assert "boss" in listing and "$argon2" not in listing


def test_cli_set_password_lifts_a_lockout(
    database_url: str, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    create_user(session, username="boss", role=Role.MANAGER, password="first password 1")
    user = session.exec(select(User)).one()
    user.failed_logins = 3
    session.add(user)
    session.commit()
    _stdin(monkeypatch, "second password 2\n")
    assert main(["set-password", "boss"]) == 0
    session.expire_all()
    user = session.exec(select(User)).one()
    assert verify_password(user.password_hash, "second password 2") and user.failed_logins == 0
    entry = session.exec(select(AuditLog).where(AuditLog.entity == "user")).all()[-1]
    assert entry.username == "cli:set-password"
    assert entry.after == {
        "password_hash": "[secret]",
        "password_changed_at": entry.after["password_changed_at"],
    }


def test_setup_on_an_empty_database_says_how_to_create_a_manager(
    database_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SILTA_DEMO", "0")
    from core.config import get_settings

    get_settings.cache_clear()
    assert main(["setup"]) == 0
    assert "python -m core create-user NAME --role manager" in capsys.readouterr().out


def test_setup_in_a_demo_database_makes_the_demo_accounts(
    database_url: str, session: Session, project: object, capsys: pytest.CaptureFixture[str]
) -> None:
    set_meta(session, DEMO, "true")
    session.commit()
    from core.cli.main import _prepare_accounts

    _prepare_accounts()
    assert "manager, steering, sme" in capsys.readouterr().out


def test_readme_mentions_the_account_commands() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert "create-user" in readme and "apply-retention" in readme
