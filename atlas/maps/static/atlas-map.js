/* Atlas de la coopération du Bélarus — draws one map from its JSON payload.
 * Shared by every map (loaded once, cached). No jQuery, no network: polygons
 * come from window.ATLAS_BASE (assets/geo/base.js). */
(function () {
  "use strict";
  var SVG_NS = "http://www.w3.org/2000/svg"; // XML namespace name, never fetched

  function titled(layer, text) {
    // Accessible name on the SVG element itself (screen readers, hover).
    var el = layer.getElement && layer.getElement();
    if (!el || !text) { return; }
    var t = document.createElementNS(SVG_NS, "title");
    t.textContent = text;
    el.appendChild(t);
    el.setAttribute("aria-label", text);
  }

  function pairs(flat) {
    var out = [];
    for (var i = 0; i + 1 < flat.length; i += 2) { out.push([flat[i], flat[i + 1]]); }
    return out;
  }

  function bind(layer, tooltip, popup) {
    if (tooltip) { layer.bindTooltip(tooltip, {sticky: true}); }
    if (popup) { layer.bindPopup(popup); }
  }

  function drawBase(map, d) {
    var base = window.ATLAS_BASE || {countries: {features: []}, regions: {features: []}};
    var wanted = {};
    d.regionCountries.forEach(function (c) { wanted[c] = true; });
    function style(ctx) {
      return function (f) {
        var p = d.polygons[f.properties.id];
        if (p) { return d.styles[p[0]]; }
        return f.properties.country === "BY" ? d.styles._by : d.styles[ctx];
      };
    }
    function each(f, layer) {
      var p = d.polygons[f.properties.id];
      var tip = p ? p[1] : f.properties.name_fr;
      bind(layer, tip, p ? p[2] : null);
      layer.on("add", function () {
        titled(layer, tip);
        // backdrop countries (no partnership) stay out of the keyboard's way
        var el = layer.getElement && layer.getElement();
        if (el && !p) { el.setAttribute("tabindex", "-1"); }
      });
    }
    if (base.world) {
      // The other countries: a plain backdrop, not interactive, so that maps show land.
      L.geoJSON(base.world, {style: d.styles._world || d.styles._country, interactive: false}).addTo(map);
    }
    L.geoJSON(base.countries, {style: style("_country"), onEachFeature: each}).addTo(map);
    L.geoJSON(base.regions, {
      style: style("_region"), onEachFeature: each,
      filter: function (f) { return wanted[f.properties.country] === true; }
    }).addTo(map);
  }

  function frontPane(map) {
    // Lines and cities in their own pane, painted above the polygons (z-index) but placed before
    // them in the page, so that the keyboard reaches the partnerships first.
    if (!map.getPane("atlasFront")) {
      var pane = map.createPane("atlasFront");
      pane.style.zIndex = 450;
      map.getPanes().mapPane.insertBefore(pane, map.getPanes().overlayPane);
    }
    return "atlasFront";
  }

  function drawLines(map, d) {
    var group = L.layerGroup().addTo(map), pane = frontPane(map);
    return d.lines.map(function (ln) {
      var rel = d.relations[ln[0]];
      var layer = L.polyline(pairs(ln[2]), {
        // width grows with the partnerships an overview line stands for (ln[6])
        color: rel[1], dashArray: rel[2] || null, weight: 2.5 + 1.5 * Math.sqrt((ln[6] || 1) - 1),
        opacity: ln[5] ? 0.4 : 0.8,
        className: "atlas-line atlas-rel-" + ln[0], pane: pane
      });
      bind(layer, ln[3], ln[4]);
      layer.on("add", function () { titled(layer, ln[3]); });
      group.addLayer(layer);
      return {rel: ln[0], country: ln[1], layer: layer, group: group};
    });
  }

  function drawPoints(map, d) {
    d.points.forEach(function (p) {
      var opts = L.extend({radius: p[3] === "focus_city" ? 7 : 5, className: "atlas-point", pane: frontPane(map)},
                          d.styles[p[3]]);
      var layer = L.circleMarker([p[1], p[2]], opts);
      bind(layer, p[4], p[5]);
      layer.on("add", function () { titled(layer, p[4]); });
      layer.addTo(map);
    });
  }

  function swatch(rel) {
    var dash = rel[2] ? ' stroke-dasharray="' + rel[2] + '"' : "";
    return '<svg width="22" height="8" aria-hidden="true"><line x1="0" y1="4" x2="22" y2="4" stroke="' +
      rel[1] + '" stroke-width="3"' + dash + "/></svg> ";
  }

  function layerControl(map, d, lines) {
    // Lines are shown when both their partner country and their relation type
    // are ticked; the overlays themselves are empty toggle groups.
    var overlays = {}, byCountry = {}, byRel = {};
    d.countries.forEach(function (c) {
      byCountry[c[0]] = L.layerGroup().addTo(map);
      overlays["Pays : " + c[1]] = byCountry[c[0]];
    });
    Object.keys(d.relations).forEach(function (r) {
      byRel[r] = L.layerGroup().addTo(map);
      overlays[swatch(d.relations[r]) + d.relations[r][0]] = byRel[r];
    });
    if (lines.length === 0) { return; }
    var ctl = L.control.layers(null, overlays, {collapsed: true, position: "topright"}).addTo(map);
    var toggle = ctl.getContainer().querySelector(".leaflet-control-layers-toggle");
    if (toggle) { toggle.title = "Filtrer par pays et par type de relation"; toggle.setAttribute("aria-label", toggle.title); }
    function refresh() {
      lines.forEach(function (l) {
        var on = map.hasLayer(byCountry[l.country]) && map.hasLayer(byRel[l.rel]);
        if (on && !l.group.hasLayer(l.layer)) { l.group.addLayer(l.layer); }
        if (!on && l.group.hasLayer(l.layer)) { l.group.removeLayer(l.layer); }
      });
    }
    map.on("overlayadd overlayremove", refresh);
  }

  function legend(map, d) {
    var ctl = L.control({position: "bottomright"});
    ctl.onAdd = function () {
      var div = L.DomUtil.create("div", "atlas-legend leaflet-bar");
      div.innerHTML = d.legend;
      // Folded by default on every map: the legend never hides the data until the reader opens it.
      L.DomEvent.disableClickPropagation(div);
      L.DomEvent.disableScrollPropagation(div);
      return div;
    };
    ctl.addTo(map);
  }

  function wheel(map) {
    // The page scrolls over the map; ctrl (or cmd) + wheel zooms, and so does the wheel once the
    // reader has clicked the map, until the pointer leaves it.
    var box = map.getContainer();
    var hint = L.DomUtil.create("div", "atlas-wheel-hint", box);
    hint.textContent = "Ctrl + molette pour zoomer (ou cliquez sur la carte)";
    hint.setAttribute("aria-hidden", "true");
    var timer = null;
    box.addEventListener("wheel", function (e) {
      if (map.scrollWheelZoom.enabled()) { return; }
      if (e.ctrlKey || e.metaKey) {
        e.preventDefault();
        map.setZoom(map.getZoom() + (e.deltaY < 0 ? 0.5 : -0.5));
        return;
      }
      hint.className = "atlas-wheel-hint atlas-shown";
      clearTimeout(timer);
      timer = setTimeout(function () { hint.className = "atlas-wheel-hint"; }, 1200);
    }, {passive: false});
    map.on("click", function () { map.scrollWheelZoom.enable(); });
    map.on("mouseout", function () { map.scrollWheelZoom.disable(); });
  }

  function labels(map, d) {
    // Names of the places drawn (cities, partner territories), shown where they fit: all of them
    // when there are few, from a closer zoom when there are many; the home regions coloured by
    // count (overview) from a closer zoom, where their names no longer overlap.
    var start = map.getZoom(), items = [];
    function esc(text) {
      return text.replace(/[&<>]/g, function (c) { return {"&": "&amp;", "<": "&lt;", ">": "&gt;"}[c]; });
    }
    function add(latlng, name, later) {
      items.push({later: later, layer: L.marker(latlng, {
        icon: L.divIcon({className: "atlas-label", html: "<span>" + esc(name) + "</span>", iconSize: null}),
        interactive: false, keyboard: false})});
    }
    d.points.forEach(function (p) { if (p[6]) { add([p[1], p[2]], p[6], false); } });
    Object.keys(d.polygons).sort().forEach(function (id) {
      var p = d.polygons[id];
      if (p[3] && p.length > 5) { add([p[4], p[5]], p[3], p[0].indexOf("choro:") === 0); }
    });
    var many = items.length > 25;
    function refresh() {
      var z = map.getZoom();
      items.forEach(function (it) {
        var show = z >= start + (it.later ? 1.5 : (many ? 1 : 0));
        if (show && !map.hasLayer(it.layer)) { it.layer.addTo(map); }
        if (!show && map.hasLayer(it.layer)) { map.removeLayer(it.layer); }
      });
    }
    map.on("zoomend", refresh);
    refresh();
  }

  function draw(map, d) {
    map.fitBounds(d.bounds, {padding: [8, 8], animate: false});
    drawBase(map, d);
    var lines = drawLines(map, d);
    drawPoints(map, d);
    labels(map, d);
    wheel(map);
    layerControl(map, d, lines);
    legend(map, d);
    if (d.attribution) {
      L.control.attribution({prefix: false}).addAttribution(d.attribution).addTo(map);
    }
    map.getContainer().setAttribute("data-atlas-ready", "1");
  }

  window.AtlasMap = {draw: draw};
}());
