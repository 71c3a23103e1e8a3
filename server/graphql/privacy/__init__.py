"""Personal data seen whole, with a reason, and the access log auditors read."""
