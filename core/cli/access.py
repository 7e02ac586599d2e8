"""Command-line tools for accounts and retention: create-user, set-password, list-users,
apply-retention. Registered on `core.cli.main` when that module loads."""

from __future__ import annotations

import argparse
import getpass
import sys

from core.access import audit
from core.access.retention import apply_retention, summary
from core.access.users import (
    UserError,
    company_by_business_id,
    create_user,
    find_user_id,
    list_users,
    set_password,
)
from core.cli.base import command, fail, say
from core.codes import Role
from core.db import session_scope
from core.schema import upgrade_database


def _read_password(args: argparse.Namespace) -> str:
    """The password from stdin (`--password-stdin`, first line) or typed twice at a prompt."""
    if args.password_stdin or not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Password again: ") != first:
        raise UserError("account.passwords_differ")
    return first


def _user_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("username", help="lower-case letters, digits and . _ @ -")
    parser.add_argument("--role", required=True, choices=[r.value for r in Role])
    parser.add_argument("--company", help="business ID (Y-tunnus) of an sme user's company")
    parser.add_argument("--name", default="", help="display name")
    parser.add_argument("--email", default="", help="e-mail for single sign-on")
    parser.add_argument(
        "--sso-only", action="store_true", help="no password: signs in only through SSO"
    )
    parser.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )


@command("create-user", "create a sign-in account (the password is prompted)", _user_arguments)
def create_user_command(args: argparse.Namespace) -> int:
    upgrade_database()
    try:
        password = None if args.sso_only else _read_password(args)
        with audit.acting_as("cli:create-user"), session_scope() as session:
            company_id = None
            if args.company:
                company = company_by_business_id(session, args.company)
                if company is None:
                    return fail(f"no company with business ID {args.company!r}")
                company_id = company.id
            user = create_user(
                session,
                username=args.username,
                role=Role(args.role),
                password=password,
                company_id=company_id,
                display_name=args.name,
                email=args.email,
            )
            name, role = user.username, user.role
    except UserError as error:
        return fail(error, "Nothing was written.")
    say(f"Created {role} account {name!r}.")
    return 0


def _password_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("username")
    parser.add_argument("--password-stdin", action="store_true")


@command(
    "set-password", "set a new password for an account (also lifts a lockout)", _password_arguments
)
def set_password_command(args: argparse.Namespace) -> int:
    upgrade_database()
    try:
        password = _read_password(args)
        with audit.acting_as("cli:set-password"), session_scope() as session:
            user_id = find_user_id(session, args.username)
            set_password(session, user_id=user_id, password=password)
    except UserError as error:
        return fail(error, "Nothing was changed.")
    say(f"Password of {args.username!r} changed.")
    return 0


@command("list-users", "list the accounts (never their passwords)")
def list_users_command(_args: argparse.Namespace) -> int:
    upgrade_database()
    with session_scope() as session:
        users = list_users(session)
    if not users:
        say(NO_USERS_HINT)
    for user in users:
        state = "active" if user.is_active else "switched off"
        company = f" ({user.company})" if user.company else ""
        say(f"{user.username:<24} {user.role.value:<9} {state}{company}")
    return 0


NO_USERS_HINT = (
    "No accounts exist yet, so nobody can sign in. Create the first project manager:\n"
    "  python -m core create-user NAME --role manager"
)


def _retention_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--dry-run", action="store_true", help="list what would go and why; change nothing"
    )


@command(
    "apply-retention",
    "remove personal data past its retention (Regulation (EU) 2021/1060 Art. 82; "
    "SILTA_PROFILE_RETENTION_DAYS for profiles after consent ends)",
    _retention_arguments,
)
def apply_retention_command(args: argparse.Namespace) -> int:
    upgrade_database()
    with audit.acting_as("cli:apply-retention"), session_scope() as session:
        report = apply_retention(session, dry_run=args.dry_run)
    say(summary(report))
    say("Dry run: nothing was changed." if args.dry_run else "Done.")
    return 0
