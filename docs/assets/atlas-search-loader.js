/* Search costs nothing until the reader opens it (see atlas/search_load.py).
 *
 * MkDocs Material and Zensical both load their whole search index as soon as a page opens
 * (from file:// a <script> search/search_index.js or search.js appended to <head>, over http
 * a fetch of the JSON), then index it. This script runs before their bundle (first entry of
 * extra.polyfills) and holds that request back until the reader opens search: focus in the
 * search box, a click on the search button or the search toggle, or a page opened from a
 * search result (?h=... highlights the terms, which needs the index).
 */
(function () {
  "use strict";
  var INDEX = /(?:\/search\/search_index|\/search)\.js(?:$|\?)/;
  var INDEX_JSON = /(?:\/search\/search_index|\/search)\.json(?:$|\?)/;
  var opened = false;
  var held = [];

  function open() {
    if (opened) return;
    opened = true;
    window.__atlasSearchOpened = performance.now();
    held.splice(0).forEach(function (release) { release(); });
  }

  // The theme asks once, at page load: that request waits. Any later one (a tool that loads
  // the index itself, like atlas/search_eval.py) is a reader's wish: it opens search.
  var append = Node.prototype.appendChild;
  var asked = false;
  Node.prototype.appendChild = function (child) {
    if (!opened && child && child.tagName === "SCRIPT" && INDEX.test(child.src || "")) {
      if (asked) {
        open();
      } else {
        asked = true;
        var parent = this;
        held.push(function () { append.call(parent, child); });
        return child;
      }
    }
    return append.call(this, child);
  };

  if (window.fetch) {
    var fetch = window.fetch;
    window.fetch = function (input) {
      var args = arguments;
      var url = typeof input === "string" ? input : (input && input.url) || String(input);
      if (!opened && INDEX_JSON.test(url)) {
        return new Promise(function (resolve) { held.push(resolve); })
          .then(function () { return fetch.apply(window, args); });
      }
      return fetch.apply(window, args);
    };
  }

  function isSearch(element) {
    return !!(element && element.closest &&
      element.closest(".md-search, [data-md-component=search], dialog[aria-modal], label[for=__search]"));
  }
  document.addEventListener("focusin", function (event) { if (isSearch(event.target)) open(); }, true);
  document.addEventListener("pointerdown", function (event) { if (isSearch(event.target)) open(); }, true);
  document.addEventListener("click", function (event) { if (isSearch(event.target)) open(); }, true);
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) open();
  }, true);
  if (/[?&]h=/.test(location.search)) open();
})();
