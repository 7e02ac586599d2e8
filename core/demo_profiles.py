"""Competence profiles of demo students (placeholder while the texts are written)."""

from __future__ import annotations

from dataclasses import dataclass

from core.demo_people import Person
from core.demo_plan import DemoPlan


@dataclass(frozen=True)
class ProfileSpec:
    person: int


def build_profiles(plan: DemoPlan, people: list[Person], *, seed: int) -> list[ProfileSpec]:
    return []
