"""The demo's structured skill vocabulary: areas, their EN/FI phrases, and who studies what."""

from __future__ import annotations

from types import MappingProxyType

from core.demo.skill_area import SkillArea
from core.demo.vocab_devices import DEVICE_AREAS
from core.demo.vocab_software import SOFTWARE_AREAS

# Area code → SkillArea (English and Finnish phrases). Search tests and benchmarks may rely
# on every demo profile naming at least two phrases of its main area verbatim.
DEMO_SKILL_AREAS: MappingProxyType[str, SkillArea] = MappingProxyType(
    {area.code: area for area in DEVICE_AREAS + SOFTWARE_AREAS}
)

# Which areas a programme's students make their main one (relative weights).
PROGRAMME_AREAS: dict[str, dict[str, float]] = {
    "CE-MSC": {"embedded": 4, "fpga": 3, "iot": 2, "robotics": 1.5, "electronics": 1},
    "ECE-MSC": {"electronics": 3, "rf": 2.5, "embedded": 2, "power": 1.5, "wireless": 1.5},
    "WCE-MSC": {"wireless": 4, "rf": 3, "fpga": 1, "iot": 1, "embedded": 1},
    "CSE-MSC": {"backend": 3, "data_ml": 3, "cloud": 2, "security": 2, "web": 1.5, "data_eng": 1.5},
    "SE-MSC": {"backend": 3, "web": 2.5, "testing": 2, "cloud": 1.5, "mobile": 1.5, "product": 1.5},
    "IPS-MSC": {"ux": 3, "product": 2.5, "web": 2, "data_eng": 1.5, "data_ml": 1, "games": 1},
    "TITE-BSC": {
        "backend": 2,
        "web": 2,
        "data_ml": 1.5,
        "embedded": 1.5,
        "games": 1,
        "security": 1,
        "mobile": 1,
    },
    "TOL-BSC": {
        "web": 2.5,
        "ux": 2,
        "product": 1.5,
        "backend": 1.5,
        "data_eng": 1,
        "games": 1,
        "mobile": 1,
    },
    "SATE-BSC": {"embedded": 3, "electronics": 3, "iot": 2, "rf": 1, "power": 1, "wireless": 1},
}


def area_weights(programme: str, spearhead: str) -> dict[str, float]:
    """Main-area weights for a programme; unknown programmes use their spearhead's areas."""
    if programme in PROGRAMME_AREAS:
        return PROGRAMME_AREAS[programme]
    return {code: 1.0 for code, area in DEMO_SKILL_AREAS.items() if area.spearhead == spearhead}
