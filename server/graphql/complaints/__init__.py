"""The graph of complaints (吐槽找茬) and assistance requests (帮办代办)."""
