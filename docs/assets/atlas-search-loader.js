/* Search costs nothing until the reader opens it (see atlas/search_load.py).
 *
 * MkDocs Material and Zensical both load their whole search index as soon as a page opens
 * (from file:// a <script> search/search_index.js or search.js appended to <head>, over http
 * a fetch of the JSON), then index it. This script runs before their bundle (it is listed in
 * extra.polyfills) and holds that request back until the reader opens search: focus in the
 * search box, a click on the search button or the search toggle, or a page opened from a
 * search result (?h=... highlights the terms, which needs the index).
 *
 * Under MkDocs Material from file://, it also runs Material's own search worker as real
 * workers (Blobs made from search/atlas-worker.js, written by atlas/search_load.py) instead of
 * the iframe shim, which runs the worker on the page's own thread. When the index is large
 * (more than BIG characters of text), a first worker indexes only the pages (titles, names,
 * first lines) and answers at once, while a second indexes everything; once ready, the second
 * answers the last query again and every later one. It must come before the iframe shim in
 * extra.polyfills (it keeps the browser's own Worker and lets the shim serve any other worker).
 */
(function () {
  "use strict";
  var INDEX = /(?:\/search\/search_index|\/search)\.js(?:$|\?)/;
  var INDEX_JSON = /(?:\/search\/search_index|\/search)\.json(?:$|\?)/;
  var opened = false;
  var held = [];

  // Stages of opening search, for `make bench` (atlas/search_timing.py reads them).
  function mark(name) { if (performance.mark) performance.mark("atlas-search-" + name); }

  function open() {
    if (opened) return;
    opened = true;
    mark("open");
    held.splice(0).forEach(function (release) { release(); });
  }

  // The theme asks once, at page load: that request waits. Any later one (a tool that loads
  // the index itself, like atlas/search_eval.py) is a reader's wish: it opens search, and gets
  // the theme's copy of the index (one `__index`, as the theme prepared it) once it has loaded.
  var append = Node.prototype.appendChild;
  var themeScript = null;
  Node.prototype.appendChild = function (child) {
    if (child && child.tagName === "SCRIPT" && INDEX.test(child.src || "")) {
      if (themeScript && themeScript !== child) {
        var loaded = function () { setTimeout(function () { child.dispatchEvent(new Event("load")); }, 0); };
        if (themeScript.atlasLoaded) loaded(); else themeScript.addEventListener("load", loaded);
        open();
        return child;
      }
      if (!opened && !themeScript) {
        themeScript = child;
        child.addEventListener("load", function () { child.atlasLoaded = true; });
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

  // ---- Material's search worker as real workers, in two tiers for a large index ----------
  var BIG = 1000000;          // characters of text above which a first, pages-only index answers
  var FIRST_TEXT = 300;       // characters of a page's own text kept in that first index
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;   // Material's worker messages
  var Native = window.Worker;   // before the iframe shim replaces it (see the end)

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = function () { reject(new Error(src + " did not load")); };
      append.call(document.head, script);
    });
  }

  function spawn(sources) {
    var prelude = "var __atlasImports = " + JSON.stringify(sources.imports) + ";\n" +
      "self.importScripts = function () { for (var i = 0; i < arguments.length; i++) {" +
      " var name = String(arguments[i]).split('/').pop();" +
      " if (!(name in __atlasImports)) throw new Error('not bundled: ' + name);" +
      " (0, eval)(__atlasImports[name]); } };\n";
    var blob = new Blob([prelude, sources.main], {type: "text/javascript"});
    return new Native(URL.createObjectURL(blob));
  }

  function textSize(docs) {
    var n = 0;
    for (var i = 0; i < docs.length; i++) n += (docs[i].text || "").length;
    return n;
  }

  function pagesOnly(docs) {
    return docs.filter(function (doc) { return doc.location.indexOf("#") < 0; }).map(function (doc) {
      var copy = Object.assign({}, doc);
      copy.text = (doc.text || "").slice(0, FIRST_TEXT);
      return copy;
    });
  }

  function TieredWorker(url) {
    this.url = url;
    this.onmessage = null;
    this.onerror = null;
    this.listeners = {message: [], error: []};
    this.first = null;
    this.full = null;
    this.fullReady = false;
    this.told = false;
    this.last = null;
  }
  TieredWorker.prototype.addEventListener = function (type, fn) {
    (this.listeners[type] = this.listeners[type] || []).push(fn);
  };
  TieredWorker.prototype.removeEventListener = function (type, fn) {
    this.listeners[type] = (this.listeners[type] || []).filter(function (f) { return f !== fn; });
  };
  TieredWorker.prototype.emit = function (type, event) {
    if (type === "message" && this.onmessage) this.onmessage(event);
    if (type === "error" && this.onerror) this.onerror(event);
    (this.listeners[type] || []).forEach(function (fn) { fn(event); });
  };
  TieredWorker.prototype.tell = function (data) { this.emit("message", new MessageEvent("message", {data: data})); };
  TieredWorker.prototype.terminate = function () {
    if (this.first) this.first.terminate();
    if (this.full) this.full.terminate();
  };
  TieredWorker.prototype.start = function (sources, setup) {
    var self = this;
    var startFull = function () {
      var full = self.full = spawn(sources);
      full.onmessage = function (event) {
        if (event.data.type === READY) {
          self.fullReady = true;
          mark("full-ready");
          if (!self.told) { self.told = true; self.tell(event.data); }
          else if (self.last) full.postMessage(self.last);
          if (self.first) { self.first.terminate(); self.first = null; }
        } else {
          self.tell(event.data);
        }
      };
      full.onerror = function (event) { self.emit("error", event); };
      full.postMessage(setup);
    };
    if (textSize(setup.data.docs) <= BIG) { startFull(); return; }
    // A large index: the pages first; the full index starts once they answer (2 cores at most).
    var first = this.first = spawn(sources);
    first.onmessage = function (event) {
      if (self.fullReady) return;
      if (event.data.type === READY) {
        mark("first-ready");
        if (!self.told) { self.told = true; self.tell(event.data); }
        startFull();
      } else {
        self.tell(event.data);
      }
    };
    first.onerror = function (event) { self.emit("error", event); };
    first.postMessage({type: SETUP, data: Object.assign({}, setup.data, {docs: pagesOnly(setup.data.docs)})});
  };
  TieredWorker.prototype.postMessage = function (message) {
    var self = this;
    if (message && message.type === SETUP) {
      mark("setup");
      var base = document.querySelector("script[src*='atlas-search-loader.js']").src;
      var bundle = new URL("../search/atlas-worker.js", base).href;
      (window.__atlasSearchWorker ? Promise.resolve() : loadScript(bundle)).then(function () {
        self.start(window.__atlasSearchWorker, message);
      }, function (error) { self.emit("error", new ErrorEvent("error", {message: String(error)})); });
      return;
    }
    if (message && message.type === QUERY) self.last = message;
    var target = this.fullReady || !this.first ? this.full : this.first;
    if (target) target.postMessage(message);
  };

  var MATERIAL_WORKER = /\/workers\/search\.[0-9a-f]+\.min\.js(?:$|\?)/;
  if (location.protocol === "file:" && Native) {
    // The iframe shim, loaded next, sets window.Worker: it becomes the worker for everything else.
    var Fallback = Native;
    var Worker = function (url, options) {
      if (MATERIAL_WORKER.test(String(url)) && document.querySelector("input.md-search__input")) {
        return new TieredWorker(url);
      }
      return new Fallback(url, options);
    };
    Object.defineProperty(window, "Worker", {
      configurable: true,
      get: function () { return Worker; },
      set: function (value) { Fallback = value; }
    });
  }
})();
