// Progressive enhancement: with a tiles URL set (PARTNERS_MAP_TILES_URL) and Leaflet on the page, show the
// partners listed below on a map. The list stays the reference; without JavaScript nothing is lost.
(function () {
  var box = document.querySelector(".partner-map");
  if (!box || typeof window.L === "undefined") return;
  var points = JSON.parse(box.dataset.points || "[]");
  if (!points.length) return;
  box.hidden = false;
  var map = window.L.map(box);
  window.L.tileLayer(box.dataset.tiles, { maxZoom: 18 }).addTo(map);
  var bounds = [];
  points.forEach(function (p) {
    window.L.marker([p.lat, p.lon]).addTo(map).bindPopup(p.name);
    bounds.push([p.lat, p.lon]);
  });
  map.fitBounds(bounds, { padding: [20, 20] });
})();
