"""The embedding model: the embedder interface, the e5 embedders, the factory, and its build."""
