// "Add to my trip" without leaving the page, drag-to-reorder and picking the start on a map on the trip page.
// Without this file all still work: the add button opens a confirmation page, stops move with their buttons, and the
// start takes typed coordinates.
import { loadLeaflet } from "./map.js";

async function requestToken() {
  const response = await fetch("/api/trip/token", { credentials: "same-origin", headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`token ${response.status}`);
  return response.json();
}

async function post(url, fields, token) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  body.append(token.field, token.token);
  return fetch(url, { method: "POST", body, credentials: "same-origin", headers: { Accept: "application/json" } });
}

export function enhanceTripAdd(root) {
  for (const form of root.querySelectorAll("form[data-trip-add]")) {
    const status = form.querySelector(".trip-add-status");
    const button = form.querySelector("button");
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      button.disabled = true;
      status.textContent = form.dataset.adding;
      try {
        const response = await post(form.action, { stop: form.elements.stop.value }, await requestToken());
        const answer = await response.json();
        status.textContent = answer.message ?? answer.title;
        form.classList.toggle("is-added", response.ok);
      } catch {
        form.submit(); // the confirmation page takes over
      } finally {
        button.disabled = false;
      }
    });
  }
}

export async function enhanceTripDays(root) {
  const lists = [...root.querySelectorAll("ol[data-sortable]")];
  if (lists.length === 0) return;
  const source = lists[0].closest("[data-sortable-js]")?.dataset.sortableJs;
  if (!source) return;
  await new Promise((resolve, reject) => {
    const script = Object.assign(document.createElement("script"), { src: source, onload: resolve, onerror: reject });
    document.head.append(script);
  });
  const tokenInput = root.querySelector("input[name=__RequestVerificationToken]");
  for (const list of lists) {
    window.Sortable.create(list, {
      animation: 150,
      filter: "a, button, select, input, label",
      preventOnFilter: false,
      onEnd: async () => {
        const order = [...list.children].map((item) => item.dataset.stop).join(",");
        const url = `${location.pathname}?handler=reorder`;
        const response = await post(url, { day: list.dataset.tripDay, order }, { field: tokenInput.name, token: tokenInput.value });
        if (response.ok) location.reload(); // the times follow the new order
      },
    });
  }
}

// Picking the start point on a map: a click, or panning with the arrow keys and "use the map's centre", fills in
// the coordinates and chooses "Coordinates" as the start.
export function enhanceStartPicker(root) {
  const picker = root.querySelector("[data-pick-map]");
  if (!picker) return;
  const form = picker.closest("form");
  const status = picker.querySelector("[data-pick-status]");
  const open = picker.querySelector("[data-pick-open]");
  const centre = picker.querySelector("[data-pick-centre]");
  picker.hidden = false;
  open.addEventListener("click", async () => {
    const L = await loadLeaflet(picker);
    const canvas = picker.querySelector("[data-pick-canvas]");
    canvas.hidden = false;
    centre.hidden = false;
    open.hidden = true;
    const lat = parseFloat(form.elements.Lat.value) || 21.0285;
    const lng = parseFloat(form.elements.Lng.value) || 105.8524;
    const map = L.map(canvas, { scrollWheelZoom: false }).setView([lat, lng], 11);
    L.tileLayer(picker.dataset.tiles, { attribution: picker.dataset.attribution, maxZoom: 18 }).addTo(map);
    const marker = L.marker([lat, lng], { keyboard: false }).addTo(map);
    const pick = (point) => {
      marker.setLatLng(point);
      form.elements.Lat.value = point.lat.toFixed(5);
      form.elements.Lng.value = point.lng.toFixed(5);
      form.elements.Start.value = "custom";
      status.textContent = picker.dataset.picked.replace("{0}", `${point.lat.toFixed(5)}, ${point.lng.toFixed(5)}`);
    };
    map.on("click", (event) => pick(event.latlng));
    centre.addEventListener("click", () => pick(map.getCenter()));
    canvas.focus();
  });
}
