/* The partnership explorer (explorateur.html): filters, sort, counts, CSV download of the
 * selection, selection kept in the URL hash. Data: window.ATLAS_EXPLORER, set by
 * assets/generated/explorer-data.js (a script, because file:// forbids fetch() of JSON).
 * Every value from the data is written with textContent or as an attribute value: document
 * text stays inert. No framework, no network. */
(function () {
  "use strict";
  var DATA = window.ATLAS_EXPLORER;
  var root = document.getElementById("atlas-explorer");
  if (!DATA || !root) return;
  var PAGE = 300; // rows drawn at once; "Afficher plus" draws the next ones
  var places = DATA.places, labels = DATA.labels;

  function fold(text) {
    return String(text == null ? "" : text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function name(id) { return id && places[id] ? places[id][0] : (id || ""); }
  function label(kind, value) { return value != null && labels[kind] && labels[kind][value] ? labels[kind][value] : (value == null ? "" : String(value)); }

  /* --- the two tables: their filters and columns ----------------------------------------- */
  function table(spec) {
    var cols = {};
    spec.data.columns.forEach(function (c, i) { cols[c] = i; });
    spec.cols = cols;
    spec.rows = spec.data.rows.map(function (row) {
      var r = {raw: row};
      spec.data.columns.forEach(function (c, i) { r[c] = row[i]; });
      r.text = fold(spec.text(r));
      return r;
    });
    return spec;
  }
  function yearOf(period) { return period ? parseInt(String(period).slice(0, 4), 10) : null; }
  function options(rows, key, show) {
    var seen = {};
    rows.forEach(function (r) { var v = key(r); if (v != null && v !== "") seen[v] = show(v); });
    return Object.keys(seen).map(function (v) { return [v, seen[v]]; })
      .sort(function (a, b) { return fold(a[1]).localeCompare(fold(b[1]), "fr"); });
  }
  function placeOption(id) {
    var p = places[id];
    if (!p) return id;
    var country = p[1] !== "pays" && places[p[2]] ? " (" + places[p[2]][0] + ")" : "";
    return p[0] + country;
  }

  var P = table({
    key: "p", what: ["partenariat", "partenariats"], data: DATA.partnerships,
    text: function (r) { return [r.id, r.by_name_fr, r.partner_name_fr, name(r.partner_country), name(r.by_region_id), name(r.partner_region_id), label("relation", r.relation), r.quote].join(" "); },
    filters: [
      {key: "by", label: "Partie biélorusse", type: "select",
       values: function (rows) {
         var ids = {};
         rows.forEach(function (r) { ids[r.by_id] = 1; if (r.by_region_id) ids[r.by_region_id] = 1; });
         return Object.keys(ids).map(function (v) { return [v, placeOption(v)]; })
           .sort(function (a, b) { return fold(a[1]).localeCompare(fold(b[1]), "fr"); });
       },
       test: function (r, v) { return r.by_id === v || r.by_region_id === v; }},
      {key: "country", label: "Pays partenaire", type: "select",
       values: function (rows) { return options(rows, function (r) { return r.partner_country; }, name); },
       test: function (r, v) { return r.partner_country === v; }},
      {key: "region", label: "Région partenaire", type: "select",
       values: function (rows) { return options(rows, function (r) { return r.partner_region_id; }, placeOption); },
       test: function (r, v) { return r.partner_region_id === v; }},
      {key: "rel", label: "Relation", type: "select",
       values: function (rows) { return options(rows, function (r) { return r.relation; }, function (v) { return label("relation", v); }); },
       test: function (r, v) { return r.relation === v; }},
      {key: "status", label: "Statut", type: "select",
       values: function (rows) { return options(rows, function (r) { return r.status; }, function (v) { return label("status", v); }); },
       test: function (r, v) { return r.status === v; }},
      {key: "origin", label: "Origine", type: "select",
       values: function (rows) { return options(rows, function (r) { return r.origin; }, function (v) { return label("origin", v); }); },
       test: function (r, v) { return r.origin === v; }},
      {key: "from", label: "Année depuis", type: "number", test: function (r, v) { return r.year != null && r.year >= +v; }},
      {key: "to", label: "Année jusqu'à", type: "number", test: function (r, v) { return r.year != null && r.year <= +v; }},
      {key: "q", label: "Texte", type: "search", test: function (r, v) { return r.text.indexOf(fold(v)) >= 0; }}
    ],
    columns: [
      {key: "by_name_fr", label: "Partie biélorusse", cell: function (td, r) { placeLink(td, r.by_id); }},
      {key: "partner_name_fr", label: "Partenaire", cell: function (td, r) { placeLink(td, r.partner_id); }},
      {key: "partner_country", label: "Pays", sort: function (r) { return fold(name(r.partner_country)); },
       cell: function (td, r) { placeLink(td, r.partner_country); }},
      {key: "relation", label: "Relation", sort: function (r) { return label("relation", r.relation); },
       cell: function (td, r) { td.textContent = label("relation", r.relation); auto(td, r); }},
      {key: "year", label: "Année", cell: function (td, r) { td.textContent = r.year == null ? "—" : String(r.year); }},
      {key: "status", label: "Statut", cell: function (td, r) { td.textContent = label("status", r.status); }},
      {key: "paragraph_url", label: "Source", sort: function (r) { return r.id; }, cell: sourceCell}
    ]
  });

  var F = table({
    key: "f", what: ["chiffre", "chiffres"], data: DATA.figures,
    text: function (r) { return [r.id, r.subject_name_fr, name(r.counterpart_id), label("indicator", r.indicator), r.quote].join(" "); },
    filters: [
      {key: "ind", label: "Indicateur", type: "select",
       values: function (rows) { return options(rows, function (r) { return r.indicator; }, function (v) { return label("indicator", v); }); },
       test: function (r, v) { return r.indicator === v; }},
      {key: "place", label: "Lieu", type: "select",
       values: function (rows) {
         var ids = {};
         rows.forEach(function (r) { ids[r.subject_id] = 1; if (r.counterpart_id) ids[r.counterpart_id] = 1; });
         return Object.keys(ids).map(function (v) { return [v, placeOption(v)]; })
           .sort(function (a, b) { return fold(a[1]).localeCompare(fold(b[1]), "fr"); });
       },
       test: function (r, v) { return r.subject_id === v || r.counterpart_id === v; }},
      {key: "origin", label: "Origine", type: "select",
       values: function (rows) { return options(rows, function (r) { return r.origin; }, function (v) { return label("origin", v); }); },
       test: function (r, v) { return r.origin === v; }},
      {key: "from", label: "Période depuis", type: "number",
       test: function (r, v) { var y = yearOf(r.period_end || r.period_start); return y != null && y >= +v; }},
      {key: "to", label: "Période jusqu'à", type: "number",
       test: function (r, v) { var y = yearOf(r.period_start || r.period_end); return y != null && y <= +v; }},
      {key: "q", label: "Texte", type: "search", test: function (r, v) { return r.text.indexOf(fold(v)) >= 0; }}
    ],
    columns: [
      {key: "subject_name_fr", label: "Lieu", cell: function (td, r) { placeLink(td, r.subject_id); }},
      {key: "indicator", label: "Indicateur", sort: function (r) { return label("indicator", r.indicator); },
       cell: function (td, r) { td.textContent = label("indicator", r.indicator) + (label("measure", r.measure) ? " (" + label("measure", r.measure) + ")" : ""); auto(td, r); }},
      {key: "value", label: "Valeur", cell: function (td, r) {
        td.textContent = [r.qualifier ? label("qualifier", r.qualifier) : "", Number(r.value).toLocaleString("fr-FR"), label("unit", r.unit)].join(" ").trim();
      }},
      {key: "period_start", label: "Période", cell: function (td, r) {
        td.textContent = r.period_start ? (r.period_end && r.period_end !== r.period_start ? r.period_start + " – " + r.period_end : r.period_start) : "—";
      }},
      {key: "counterpart_id", label: "Avec", sort: function (r) { return fold(name(r.counterpart_id)); },
       cell: function (td, r) { if (r.counterpart_id) placeLink(td, r.counterpart_id); else td.textContent = "—"; }},
      {key: "paragraph_url", label: "Source", sort: function (r) { return r.id; }, cell: sourceCell}
    ]
  });
  var TABLES = {p: P, f: F};

  /* --- cells -------------------------------------------------------------------------------- */
  function placeLink(td, id) {
    var p = places[id];
    if (p && p[3]) {
      var a = document.createElement("a");
      a.href = p[3];
      a.textContent = p[0];
      td.appendChild(a);
    } else {
      td.textContent = name(id);
    }
  }
  function auto(td, r) {
    if (r.origin !== "automatique") return;
    var em = document.createElement("em");
    em.className = "atlas-auto";
    em.textContent = " (" + label("origin", r.origin) + ")";
    td.appendChild(em);
  }
  function sourceCell(td, r) {
    var a = document.createElement("a");
    a.href = r.paragraph_url;
    a.title = r.quote;
    var m = /-(\d+)\.html#p-(\d+)$/.exec(r.paragraph_url || "");
    a.textContent = m ? "art.\u00a0" + parseInt(m[1], 10) + ", §\u00a0" + m[2] : "source";
    td.appendChild(a);
    var id = document.createElement("code");
    id.className = "atlas-fact-id";
    id.textContent = r.id;
    td.appendChild(document.createTextNode(" "));
    td.appendChild(id);
  }

  /* --- state in the URL hash ----------------------------------------------------------------- */
  var state = {tab: "p", p: {}, f: {}, sort: {p: null, f: null}, shown: PAGE};

  function readHash() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ""));
    state.tab = params.get("t") === "f" ? "f" : "p";
    var t = TABLES[state.tab];
    state[state.tab] = {};
    t.filters.forEach(function (f) { var v = params.get(f.key); if (v) state[state.tab][f.key] = v; });
    var s = params.get("sort");
    state.sort[state.tab] = s ? {key: s.replace(/^-/, ""), desc: s.charAt(0) === "-"} : null;
  }
  function writeHash() {
    var params = new URLSearchParams();
    if (state.tab === "f") params.set("t", "f");
    var t = TABLES[state.tab], values = state[state.tab];
    t.filters.forEach(function (f) { if (values[f.key]) params.set(f.key, values[f.key]); });
    var s = state.sort[state.tab];
    if (s) params.set("sort", (s.desc ? "-" : "") + s.key);
    var hash = params.toString();
    if (("#" + hash) !== location.hash && !(hash === "" && location.hash === "")) {
      history.replaceState(null, "", hash ? "#" + hash : location.pathname + location.search);
    }
  }

  /* --- drawing ------------------------------------------------------------------------------- */
  var form = document.getElementById("atlas-filters");
  var thead = root.querySelector("#atlas-results thead");
  var tbody = root.querySelector("#atlas-results tbody");
  var count = document.getElementById("atlas-count");
  var more = document.getElementById("atlas-more");

  function buildFilters() {
    var t = TABLES[state.tab], values = state[state.tab];
    form.textContent = "";
    t.filters.forEach(function (f) {
      var wrap = document.createElement("label");
      wrap.className = "atlas-filter";
      var span = document.createElement("span");
      span.textContent = f.label;
      wrap.appendChild(span);
      var input;
      if (f.type === "select") {
        input = document.createElement("select");
        var all = document.createElement("option");
        all.value = "";
        all.textContent = "Tous";
        input.appendChild(all);
        f.values(t.rows).forEach(function (pair) {
          var o = document.createElement("option");
          o.value = pair[0];
          o.textContent = pair[1];
          input.appendChild(o);
        });
      } else {
        input = document.createElement("input");
        input.type = f.type;
        if (f.type === "number") { input.min = "1990"; input.max = "2030"; input.step = "1"; input.inputMode = "numeric"; }
        else input.placeholder = "nom, citation…";
      }
      input.name = f.key;
      input.value = values[f.key] || "";
      input.addEventListener(f.type === "select" ? "change" : "input", function () {
        if (input.value) values[f.key] = input.value; else delete values[f.key];
        state.shown = PAGE;
        update();
      });
      wrap.appendChild(input);
      form.appendChild(wrap);
    });
  }

  function buildHead() {
    var t = TABLES[state.tab], s = state.sort[state.tab];
    thead.textContent = "";
    var tr = document.createElement("tr");
    t.columns.forEach(function (c) {
      var th = document.createElement("th");
      th.scope = "col";
      var b = document.createElement("button");
      b.type = "button";
      b.className = "atlas-sort";
      b.textContent = c.label;
      if (s && s.key === c.key) {
        th.setAttribute("aria-sort", s.desc ? "descending" : "ascending");
        b.textContent += s.desc ? " ▼" : " ▲";
      }
      b.addEventListener("click", function () {
        var cur = state.sort[state.tab];
        state.sort[state.tab] = {key: c.key, desc: !!(cur && cur.key === c.key && !cur.desc)};
        update();
        var again = thead.querySelectorAll("button")[t.columns.indexOf(c)];
        if (again) again.focus();
      });
      th.appendChild(b);
      tr.appendChild(th);
    });
    thead.appendChild(tr);
  }

  function selection() {
    var t = TABLES[state.tab], values = state[state.tab];
    var active = t.filters.filter(function (f) { return values[f.key]; });
    var rows = t.rows.filter(function (r) {
      for (var i = 0; i < active.length; i++) if (!active[i].test(r, values[active[i].key])) return false;
      return true;
    });
    var s = state.sort[state.tab];
    if (s) {
      var col = t.columns.filter(function (c) { return c.key === s.key; })[0];
      var key = col && col.sort ? col.sort : function (r) { var v = r[s.key]; return typeof v === "string" ? fold(v) : v; };
      rows = rows.map(function (r, i) { return [key(r), i, r]; }).sort(function (a, b) {
        var x = a[0], y = b[0];
        if (x == null && y != null) return 1;
        if (y == null && x != null) return -1;
        var c = x == null ? 0 : (typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "fr"));
        return (s.desc ? -c : c) || a[1] - b[1];
      }).map(function (x) { return x[2]; });
    }
    return rows;
  }

  var current = [];
  function update() {
    var t = TABLES[state.tab];
    current = selection();
    buildHead();
    tbody.textContent = "";
    var frag = document.createDocumentFragment();
    current.slice(0, state.shown).forEach(function (r) {
      var tr = document.createElement("tr");
      tr.dataset.id = r.id;
      t.columns.forEach(function (c) {
        var td = document.createElement("td");
        td.dataset.label = c.label;
        c.cell(td, r);
        tr.appendChild(td);
      });
      frag.appendChild(tr);
    });
    tbody.appendChild(frag);
    var n = current.length;
    count.textContent = n + " " + t.what[n > 1 ? 1 : 0] + " sur " + t.rows.length +
      (n > state.shown ? " (" + state.shown + " affichés)" : "");
    count.dataset.count = String(n);
    more.hidden = n <= state.shown;
    writeHash();
  }

  /* --- CSV of the selection: the columns of the site's CSV, BOM, formulas neutralised -------- */
  var FORMULA = /^[=+\-@\t\r]/;
  function csvCell(v) {
    if (v == null) return "";
    if (typeof v === "string" && FORMULA.test(v)) v = "'" + v;
    v = String(v);
    return /[",\n\r]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v;
  }
  function csvText() {
    var t = TABLES[state.tab];
    var lines = [t.data.columns.join(",")];
    current.forEach(function (r) { lines.push(r.raw.map(csvCell).join(",")); });
    return "\ufeff" + lines.join("\n") + "\n";
  }
  document.getElementById("atlas-download").addEventListener("click", function () {
    var blob = new Blob([csvText()], {type: "text/csv;charset=utf-8"});
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = TABLES[state.tab].data.file.replace(/\.csv$/, "") + "-selection.csv";
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  });
  document.getElementById("atlas-reset").addEventListener("click", function () {
    state[state.tab] = {};
    state.sort[state.tab] = null;
    state.shown = PAGE;
    buildFilters();
    update();
  });
  more.addEventListener("click", function () { state.shown += PAGE; update(); });

  /* --- tabs ---------------------------------------------------------------------------------- */
  var tabs = root.querySelectorAll("[role=tab]");
  function showTab(key) {
    state.tab = key;
    state.shown = PAGE;
    Array.prototype.forEach.call(tabs, function (b) { b.setAttribute("aria-selected", String(b.dataset.tab === key)); });
    buildFilters();
    update();
  }
  Array.prototype.forEach.call(tabs, function (b) {
    b.addEventListener("click", function () { showTab(b.dataset.tab); });
  });
  window.addEventListener("hashchange", function () { readHash(); showTab(state.tab); });

  readHash();
  showTab(state.tab);
  root.dataset.ready = "1";
  root.dataset.readyMs = String(Math.round(performance.now())); // time since navigation start (make bench)
  window.ATLAS_EXPLORER_API = {csv: csvText, count: function () { return current.length; }};
})();
