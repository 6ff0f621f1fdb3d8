"""Search: embedders, lexical and vector indexes, question parsing and answering."""
