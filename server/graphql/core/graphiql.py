"""Self-hosted GraphiQL page.

Government networks are isolated, so the page loads nothing from a CDN: the
four assets (React / ReactDOM 18 UMD builds and GraphiQL 3.8.3's UMD build and
stylesheet) are copied into ``admin-ui/dist/graphiql/`` by
``npm run build:graphiql`` and served by this server under ``assets_url``.

Pure Python on purpose (no strawberry import): the server decides the route,
the Content-Security-Policy header and how the assets are served. The page is
written for this policy, with a fresh ``nonce`` per response::

    default-src 'self'; script-src 'self' 'nonce-<nonce>';
    style-src 'self' 'unsafe-inline'; connect-src 'self' ws: wss:;
    img-src 'self' data:; font-src 'self' data:

``font-src 'self' data:`` is required: graphiql.min.css inlines its fonts
(Roboto, Fira Code) as 34 ``data:font/woff(2)`` URLs, which ``default-src
'self'`` alone blocks. ``style-src`` needs ``'unsafe-inline'`` because
GraphiQL/CodeMirror set inline styles at run time. The page makes no request
to any other host.

Headers (the Bearer token) are never written to localStorage: GraphiQL is run
with ``shouldPersistHeaders: false`` and a storage wrapper that also strips
them from its query history, which GraphiQL would otherwise save with headers.

Every value from Python reaches the browser as JSON inside the one inline
``<script>``, with ``<``, ``>``, ``&``, U+2028 and U+2029 escaped, so no string
(a query, a header, the title) can close the script tag or inject markup.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

__all__ = ["render_graphiql"]

# CSP nonce grammar (base64 / base64url value).
_NONCE_RE = re.compile(r"^[A-Za-z0-9+/_-]+={0,2}$")
_TAB_KEYS = frozenset({"query", "variables", "headers"})
_ASSET_FILES = (
    "react.production.min.js",
    "react-dom.production.min.js",
    "graphiql.min.js",
)
_STYLESHEET = "graphiql.min.css"

_SCRIPT_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_SCRIPT_ESCAPE_RE = re.compile("[<>&\u2028\u2029]")


def _json_for_script(value: Any) -> str:
    """JSON that is safe to embed verbatim inside an HTML ``<script>`` element.

    The escaped characters can only occur inside JSON strings, where ``\\uXXXX``
    is an equivalent spelling, so the parsed value is unchanged.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return _SCRIPT_ESCAPE_RE.sub(lambda m: _SCRIPT_ESCAPES[m.group(0)], text)


def _normalise_tabs(example_tabs: list[dict[str, str]], default_headers: str) -> list[dict[str, str]]:
    tabs: list[dict[str, str]] = []
    for index, tab in enumerate(example_tabs):
        if not isinstance(tab, dict):
            raise TypeError(f"example_tabs[{index}] must be a dict, got {type(tab).__name__}")
        unknown = set(tab) - _TAB_KEYS
        if unknown:
            raise ValueError(f"example_tabs[{index}] has unknown keys {sorted(unknown)}; allowed: {sorted(_TAB_KEYS)}")
        if not isinstance(tab.get("query"), str):
            raise ValueError(f"example_tabs[{index}] needs a 'query' string")
        for key in ("variables", "headers"):
            if key in tab and not isinstance(tab[key], str):
                raise TypeError(f"example_tabs[{index}][{key!r}] must be a str (JSON text)")
        # GraphiQL does not apply defaultHeaders to defaultTabs, so a tab without
        # its own headers gets the default ones (the token placeholder).
        tabs.append(
            {
                "query": tab["query"],
                "variables": tab.get("variables", ""),
                "headers": tab.get("headers", default_headers),
            }
        )
    return tabs


# The only inline script. It reads its configuration from one JSON literal and
# never builds HTML from it.
_BOOT_JS = """\
(function () {
  "use strict";
  var cfg = %(config)s;
  var root = document.getElementById("graphiql");
  function fail(message) {
    root.textContent = message;
    root.className = "liaoyi-graphiql-error";
  }
  if (!window.React || !window.ReactDOM || !window.GraphiQL) {
    fail("GraphiQL 资源未能加载（" + cfg.assetsUrl + "）。请在 admin-ui 目录执行 npm ci && npm run build 后重启服务。");
    return;
  }
  var endpoint = new URL(cfg.endpoint, window.location.href);
  var wsUrl = new URL(endpoint.href);
  wsUrl.protocol = endpoint.protocol === "https:" ? "wss:" : "ws:";

  // fetch() rejects header values outside ISO-8859-1 (e.g. the untouched
  // "<在此粘贴 login 返回的 token>" placeholder). Drop such headers so the
  // request still goes out and the server answers "not logged in" instead of
  // the browser failing with an opaque TypeError.
  function sendableHeaders(headers) {
    var out = {};
    Object.keys(headers || {}).forEach(function (name) {
      var value = headers[name];
      if (value === undefined || value === null) return;
      value = String(value);
      if (/[^\\u0000-\\u00ff]/.test(value)) {
        console.warn("GraphiQL: 请求头 " + name + " 含有非 ASCII 字符（占位符尚未替换？），本次请求不发送该请求头。");
        return;
      }
      out[name] = value;
    });
    return out;
  }
  function httpFetch(url, init) {
    init = Object.assign({}, init || {});
    init.headers = sendableHeaders(init.headers);
    init.credentials = "same-origin";
    return window.fetch(url, init);
  }

  // shouldPersistHeaders:false keeps headers out of the tab state, but GraphiQL's
  // history ("queries"/"favorites") still saves them, token included. This
  // localStorage wrapper (GraphiQL's "graphiql:" namespace, like its default)
  // strips headers from everything it writes, and cleans what older pages left.
  var NS = "graphiql:";
  function withoutHeaders(key, value) {
    if (key === NS + "headers") return null;
    if (key !== NS + "queries" && key !== NS + "favorites" && key !== NS + "tabState") return value;
    try {
      var parsed = JSON.parse(value);
      var items = parsed && (parsed.queries || parsed.tabs);
      if (!Array.isArray(items)) return null;
      items.forEach(function (item) {
        if (item && typeof item === "object") {
          if (parsed.tabs) item.headers = null; else delete item.headers;
        }
      });
      return JSON.stringify(parsed);
    } catch (e) {
      return null;
    }
  }
  function headerFreeStorage() {
    var ls;
    try { ls = window.localStorage; ls.getItem(NS + "tabState"); } catch (e) { return null; }
    function keys() {
      var out = [];
      for (var i = 0; i < ls.length; i++) {
        var k = ls.key(i);
        if (k && k.indexOf(NS) === 0) out.push(k);
      }
      return out;
    }
    function setItem(key, value) {
      var clean = withoutHeaders(key, String(value));
      if (clean === null) ls.removeItem(key); else ls.setItem(key, clean);
    }
    keys().forEach(function (k) {
      var v = ls.getItem(k);
      if (v !== null && withoutHeaders(k, v) !== v) setItem(k, v);
    });
    return {
      getItem: function (key) { return ls.getItem(key); },
      setItem: setItem,
      removeItem: function (key) { ls.removeItem(key); },
      clear: function () { keys().forEach(function (k) { ls.removeItem(k); }); },
      get length() { return keys().length; }
    };
  }
  var storage = headerFreeStorage();

  var tabs = cfg.tabs.length ? cfg.tabs : undefined;
  var props = {
    fetcher: GraphiQL.createFetcher({
      url: endpoint.href,
      subscriptionUrl: wsUrl.href,
      fetch: httpFetch
    }),
    storage: storage,
    defaultTabs: tabs,
    defaultHeaders: cfg.defaultHeaders,
    shouldPersistHeaders: false,
    isHeadersEditorEnabled: true,
    defaultEditorToolsVisibility: "headers"
  };
  // GraphiQL 3 fills only the query editor from defaultTabs[0] on a first
  // visit; hand it that tab's variables and headers too. (With tabs stored
  // from an earlier visit, GraphiQL restores those and ignores defaultTabs.)
  if (tabs && !(storage && storage.getItem(NS + "tabState"))) {
    props.variables = tabs[0].variables;
    props.headers = tabs[0].headers;
  }
  ReactDOM.createRoot(root).render(React.createElement(GraphiQL, props));
})();
"""

_PAGE = """\
<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>%(title)s</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="%(stylesheet)s" nonce="%(nonce)s">
<style nonce="%(nonce)s">
html, body, #graphiql { height: 100%%; margin: 0; }
body { overflow: hidden; }
.liaoyi-graphiql-error { padding: 2em; font: 16px/1.6 sans-serif; color: #b00020; }
</style>
</head>
<body>
<div id="graphiql">正在加载 GraphiQL…</div>
<noscript>GraphiQL 需要启用 JavaScript。</noscript>
%(scripts)s
<script nonce="%(nonce)s">
%(boot)s</script>
</body>
</html>
"""


def render_graphiql(
    *,
    endpoint: str,
    assets_url: str,
    title: str,
    example_tabs: list[dict[str, str]],
    default_headers: str,
    nonce: str,
) -> str:
    """Return the full GraphiQL HTML page.

    endpoint: URL of the GraphQL endpoint (``"/graphql"`` or absolute). The
        subscription URL is the same URL with ws:/wss: (from the page's scheme).
    assets_url: URL prefix under which the server serves ``admin-ui/dist/graphiql``
        (e.g. ``"/graphiql-assets"``; a trailing ``/`` is ignored). Put a content
        hash / version in it if the assets are served with immutable caching.
    title: text of ``<title>``.
    example_tabs: GraphiQL default tabs, each ``{"query": ...}`` with optional
        ``"variables"`` and ``"headers"`` (JSON text). A tab without
        ``"headers"`` gets ``default_headers``.
    default_headers: JSON text for the headers editor of new tabs, e.g.
        ``'{"Authorization": "Bearer <在此粘贴 login 返回的 token>"}'``.
        Headers are never persisted in localStorage.
    nonce: the CSP nonce of this response, put on every ``<script>``,
        ``<style>`` and ``<link>`` tag; base64 / base64url characters only.
    """
    for name, value in (
        ("endpoint", endpoint),
        ("assets_url", assets_url),
        ("title", title),
        ("default_headers", default_headers),
        ("nonce", nonce),
    ):
        if not isinstance(value, str):
            raise TypeError(f"{name} must be a str, got {type(value).__name__}")
    if not endpoint:
        raise ValueError("endpoint must not be empty")
    if not _NONCE_RE.match(nonce):
        raise ValueError("nonce must be a non-empty base64 / base64url string")

    base = assets_url.rstrip("/")
    tabs = _normalise_tabs(example_tabs, default_headers)
    config = {
        "endpoint": endpoint,
        "assetsUrl": base + "/",
        "tabs": tabs,
        "defaultHeaders": default_headers,
    }
    attr = lambda s: html.escape(s, quote=True)  # noqa: E731
    scripts = "\n".join(
        f'<script src="{attr(f"{base}/{name}")}" nonce="{attr(nonce)}"></script>' for name in _ASSET_FILES
    )
    return _PAGE % {
        "title": html.escape(title, quote=False),
        "stylesheet": attr(f"{base}/{_STYLESHEET}"),
        "nonce": attr(nonce),
        "scripts": scripts,
        "boot": _BOOT_JS % {"config": _json_for_script(config)},
    }
