"""The exchange in the graph: partners and their keys, the exchange log, a partner answering."""
