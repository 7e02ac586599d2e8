"""User administration: create accounts, set passwords, (de)activate, and the demo accounts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from core.access.auth import MAX_PASSWORD_CHARS, hash_password, normalise_username, verify_password
from core.codes import MaxLength, Role, SizeClass
from core.errors import DomainError
from core.models import Company, User, utcnow
from core.text import has_controls, without_controls

PASSWORD_MIN_CHARS = 10
USERNAME_PATTERN = re.compile(r"[a-z0-9][a-z0-9._@-]{1,79}")
EMAIL_PATTERN = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
DEMO_PASSWORD = "demo"
# The student's account belongs to a demo participant: core.students.accounts makes it.
DEMO_USERS = {
    "manager": Role.MANAGER,
    "steering": Role.STEERING,
    "sme": Role.SME,
    "student": Role.STUDENT,
}
DEMO_COMPANY = ("9990001-6", "Demo Company Oy (generated)")


class UserError(DomainError, ValueError):
    """A user-administration request that cannot be done; `key` names the UI text."""


@dataclass(frozen=True)
class UserView:
    """A user as the manager sees them in lists: never the password hash."""

    id: int
    username: str
    role: Role
    company: str
    display_name: str
    email: str
    is_active: bool
    locked_until: datetime | None
    last_login_at: datetime | None
    single_sign_on: bool
    has_password: bool


def check_password(password: str, *, username: str = "") -> None:
    """Refuse passwords that are too short, too long, or the user name itself."""
    if len(password) < PASSWORD_MIN_CHARS:
        raise UserError("users.err.password_short", n=PASSWORD_MIN_CHARS)
    if len(password) > MAX_PASSWORD_CHARS:
        raise UserError("users.err.password_long", n=MAX_PASSWORD_CHARS)
    if username and normalise_username(password) == normalise_username(username):
        raise UserError("users.err.password_is_username")
    if len(set(password)) < 4:
        raise UserError("users.err.password_simple")


def create_user(
    session: Session,
    *,
    username: str,
    role: Role,
    password: str | None = None,
    company_id: int | None = None,
    display_name: str = "",
    email: str = "",
    enforce_policy: bool = True,
    participant_id: int | None = None,
) -> User:
    """A new account; `password` None means single sign-on only (then `email` is needed)."""
    name = normalise_username(username)
    if not USERNAME_PATTERN.fullmatch(name):
        raise UserError("users.err.username")
    if session.exec(select(User).where(User.username == name)).first() is not None:
        raise UserError("users.err.username_taken", username=name)
    email = email.strip().lower()
    if email and (not EMAIL_PATTERN.fullmatch(email) or has_controls(email)):
        raise UserError("users.err.email")
    # A student without either comes in through an invitation link (core.students.invitations).
    if password is None and not email and role is not Role.STUDENT:
        raise UserError("users.err.no_way_in")
    if (role is Role.SME) != (company_id is not None):
        raise UserError("users.err.company")
    if company_id is not None and session.get(Company, company_id) is None:
        raise UserError("users.err.company")
    if (role is Role.STUDENT) != (participant_id is not None):  # issue 14
        raise UserError("users.err.student_participant")
    if password is not None and enforce_policy:
        check_password(password, username=name)
    user = User(
        username=name,
        role=role.value,
        company_id=company_id,
        display_name=without_controls(display_name).strip()[: MaxLength.DISPLAY_NAME],
        email=email,
        password_hash=hash_password(password) if password is not None else "",
        password_changed_at=utcnow() if password is not None else None,
        participant_id=participant_id,
    )
    session.add(user)
    session.flush()
    return user


def _user(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise UserError("users.err.not_found")
    return user


def find_user_id(session: Session, username: str) -> int:
    name = without_controls(normalise_username(username))
    user = session.exec(select(User).where(User.username == name)).first()
    if user is None or user.id is None:
        raise UserError("users.err.not_found")
    return user.id


def set_password(session: Session, *, user_id: int, password: str) -> None:
    """A new password (by the manager or the CLI); it also lifts a lockout."""
    user = _user(session, user_id)
    check_password(password, username=user.username)
    user.password_hash = hash_password(password)
    user.password_changed_at = utcnow()
    user.failed_logins, user.locked_until = 0, None
    session.add(user)


def change_own_password(session: Session, *, user_id: int, current: str, new: str) -> None:
    user = _user(session, user_id)
    if not verify_password(user.password_hash, current):
        raise UserError("users.err.current_password")
    set_password(session, user_id=user_id, password=new)


def set_active(session: Session, *, user_id: int, active: bool, acting_user_id: int) -> None:
    if user_id == acting_user_id and not active:
        raise UserError("users.err.not_yourself")
    user = _user(session, user_id)
    user.is_active = active
    session.add(user)


def unlock(session: Session, *, user_id: int) -> None:
    user = _user(session, user_id)
    user.failed_logins, user.locked_until = 0, None
    session.add(user)


def list_users(session: Session) -> list[UserView]:
    companies = {c.id: c.name for c in session.exec(select(Company))}
    users = session.exec(select(User).order_by(col(User.role), col(User.username)))
    return [
        UserView(
            id=u.id or 0,
            username=u.username,
            role=Role(u.role),
            company=companies.get(u.company_id, "") if u.company_id else "",
            display_name=u.display_name,
            email=u.email,
            is_active=u.is_active,
            locked_until=u.locked_until,
            last_login_at=u.last_login_at,
            single_sign_on=u.sso_subject is not None,
            has_password=bool(u.password_hash),
        )
        for u in users
    ]


@dataclass(frozen=True)
class AccountView:
    """What the account page shows a user about their own account."""

    company: str  # "" when the account belongs to no company
    has_password: bool  # False: the account signs in through single sign-on only


def account_of(*, session: Session, user_id: int) -> AccountView:
    user = _user(session, user_id)
    company = session.get(Company, user.company_id) if user.company_id else None
    return AccountView(company.name if company else "", bool(user.password_hash))


def company_choices(session: Session) -> dict[int, str]:
    """Company id → "name (business ID)", for choosing an SME user's company."""
    rows = session.exec(select(Company).order_by(col(Company.name)))
    return {c.id: f"{c.name} ({c.business_id})" for c in rows if c.id is not None}


def count_users(session: Session) -> int:
    return int(session.exec(select(func.count()).select_from(User)).one())


def company_by_business_id(session: Session, business_id: str) -> Company | None:
    wanted = without_controls(business_id).strip()
    return session.exec(select(Company).where(Company.business_id == wanted)).first()


def ensure_demo_users(session: Session) -> list[str]:
    """The demo accounts (password "demo"), created when missing; the `sme` one gets a company."""
    created = []
    for username, role in DEMO_USERS.items():
        if role is Role.STUDENT:
            continue  # needs a participant: core.students.accounts.ensure_demo_student
        if session.exec(select(User).where(User.username == username)).first() is not None:
            continue
        company_id = _demo_company(session) if role is Role.SME else None
        create_user(
            session,
            username=username,
            role=role,
            password=DEMO_PASSWORD,
            company_id=company_id,
            display_name=f"Demo {role.value}",
            enforce_policy=False,
        )
        created.append(username)
    return created


def _demo_company(session: Session) -> int:
    company = session.exec(select(Company).order_by(col(Company.id))).first()
    if company is None:
        business_id, name = DEMO_COMPANY
        company = Company(business_id=business_id, name=name, size_class=SizeClass.MICRO.value)
        session.add(company)
        session.flush()
    assert company.id is not None
    return company.id


def disable_demo_users(session: Session) -> list[str]:
    """Outside demo mode no account may keep the demo password: such accounts are disabled."""
    disabled = []
    for username in DEMO_USERS:
        user = session.exec(select(User).where(User.username == username)).first()
        if user and user.is_active and verify_password(user.password_hash, DEMO_PASSWORD):
            user.is_active = False
            session.add(user)
            disabled.append(username)
    return disabled
