// Replaces the server-drawn SVG map with a Leaflet map when tiles are configured.
// "auto" maps load when they come near the viewport; "button" maps load when asked (keeps pages light).

let leafletReady;

export function loadLeaflet(figure) {
  // The map is sized from Leaflet's CSS, so both files must be in before it is drawn.
  const load = (element) => new Promise((resolve, reject) => {
    element.onload = resolve;
    element.onerror = reject;
    document.head.append(element);
  });
  const css = Object.assign(document.createElement("link"), { rel: "stylesheet", href: figure.dataset.leafletCss });
  const script = Object.assign(document.createElement("script"), { src: figure.dataset.leafletJs });
  leafletReady ??= Promise.all([load(css), load(script)]).then(() => window.L);
  return leafletReady;
}

async function showMap(figure) {
  const data = JSON.parse(figure.dataset.map);
  const L = await loadLeaflet(figure);
  const canvas = figure.querySelector(".map-canvas");
  const container = document.createElement("div");
  container.className = "map-leaflet";
  canvas.replaceChildren(container);
  const map = L.map(container, { scrollWheelZoom: false });
  L.tileLayer(data.tiles, { attribution: data.attribution, maxZoom: 18 }).addTo(map);
  const points = [];
  for (const m of data.markers) {
    const icon = L.divIcon({
      className: m.reference ? "leaflet-ref" : "leaflet-pin",
      html: m.reference ? "" : `<span>${m.n}</span>`,
      iconSize: [26, 26],
    });
    const marker = L.marker([m.lat, m.lng], { icon, title: m.name, alt: m.name, keyboard: true }).addTo(map);
    const popup = document.createElement("div");
    if (m.url) {
      const a = document.createElement("a");
      a.href = m.url;
      a.textContent = m.name;
      popup.append(a);
    } else {
      popup.textContent = m.name;
    }
    marker.bindPopup(popup);
    points.push([m.lat, m.lng]);
  }
  if (data.route) L.polyline(data.route, { className: "leaflet-leg", interactive: false }).addTo(map);
  map.fitBounds(points, { padding: [30, 30], maxZoom: 14 });
  figure.querySelector(".map-activate")?.remove();
}

export function enhanceMaps(root) {
  for (const figure of root.querySelectorAll("figure.map[data-map]")) {
    const data = JSON.parse(figure.dataset.map);
    if (!data.tiles) continue; // without tiles the drawn map is the better map
    if (figure.dataset.mapLoad === "button") {
      const button = figure.querySelector(".map-activate");
      if (!button) continue;
      button.hidden = false;
      button.addEventListener("click", () => showMap(figure), { once: true });
    } else if ("IntersectionObserver" in window) {
      const observer = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          observer.disconnect();
          showMap(figure);
        }
      }, { rootMargin: "200px" });
      observer.observe(figure);
    }
  }
}
