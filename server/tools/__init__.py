"""Tools over the domain that are not the domain: the demo and benchmark case generator."""
