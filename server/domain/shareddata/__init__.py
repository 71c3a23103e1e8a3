"""Shared base data (一处填报、全网通用): population, legal persons, e-licences and credit behind one
interface, every pull logged (issue 13; articles 4, 22, 27 and 29)."""
