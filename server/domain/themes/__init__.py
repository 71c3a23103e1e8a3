"""Themed "one thing" services (主题式服务 · 高效办成一件事) and the city's service menu (菜单式服务).

A theme bundles items of several departments into one application: a questionnaire (情形引导) decides
which items and situations apply, :func:`resolve.resolve` turns a published version and the answers
into a :class:`resolve.Bundle` (items by stage, one merged form, one set of materials).
"""
