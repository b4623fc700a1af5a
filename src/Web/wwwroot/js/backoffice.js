// Backoffice enhancements. Every screen works without this file: rich text falls back to an HTML textarea,
// block order to the up/down buttons, focal points and uploads to plain inputs.
const body = document.body;

const loadScript = (src) => new Promise((resolve, reject) => {
  const script = Object.assign(document.createElement("script"), { src });
  script.onload = resolve;
  script.onerror = reject;
  document.head.append(script);
});

const loadStyle = (href) => document.head.append(Object.assign(document.createElement("link"), { rel: "stylesheet", href }));

// Rich text: Trix edits the HTML that the server sanitises again on save.
async function enhanceRichText(root) {
  const areas = [...root.querySelectorAll("textarea[data-rich-text]:not([disabled])")];
  if (areas.length === 0) return;
  loadStyle(body.dataset.trixCss);
  const { default: Trix } = await import(body.dataset.trixJs);
  // Paragraphs stay paragraphs: Trix's default block is a <div>, which the server's sanitiser does not keep.
  Trix.config.blockAttributes.default.tagName = "p";
  for (const area of areas) {
    const input = Object.assign(document.createElement("input"), { type: "hidden", name: area.name, id: `${area.id}-value`, value: area.value });
    const editor = document.createElement("trix-editor");
    editor.setAttribute("input", input.id);
    const label = root.querySelector(`label[for="${area.id}"]`);
    if (label) {
      label.id ||= `${area.id}-label`;
      editor.setAttribute("aria-labelledby", label.id);
      label.htmlFor = "";
      label.addEventListener("click", () => editor.focus());
    }
    area.replaceWith(input, editor);
  }
}

// Blocks: move by buttons (no round trip) or by dragging; the hidden "order" inputs carry the new order.
function renumber(list) {
  [...list.querySelectorAll(":scope > [data-block]")].forEach((item, index, all) => {
    item.querySelector("[data-block-order]").value = index;
    const up = item.querySelector("[data-block-move=up]");
    const down = item.querySelector("[data-block-move=down]");
    if (up) up.disabled = index === 0;
    if (down) down.disabled = index === all.length - 1;
  });
}

async function enhanceBlocks(root) {
  const lists = [...root.querySelectorAll("[data-blocks]")];
  if (lists.length === 0) return;
  for (const list of lists) {
    list.addEventListener("click", (event) => {
      const button = event.target.closest("[data-block-move], [data-block-remove]");
      if (!button) return;
      event.preventDefault();
      const item = button.closest("[data-block]");
      if (button.hasAttribute("data-block-remove")) {
        item.remove();
      } else if (button.dataset.blockMove === "up" && item.previousElementSibling) {
        item.previousElementSibling.before(item);
      } else if (button.dataset.blockMove === "down" && item.nextElementSibling) {
        item.nextElementSibling.after(item);
      }
      renumber(list);
      (button.disabled ? item.querySelector("button:not([disabled])") : button)?.focus();
      list.closest("form")?.setAttribute("data-dirty", "true");
    });
  }
  await loadScript(body.dataset.sortableJs);
  for (const list of lists) {
    window.Sortable.create(list, { handle: ".bo-drag", animation: 150, onEnd: () => renumber(list) });
  }
}

// Focal point: click the picture; the two number inputs remain the accessible way to set it.
function enhanceFocal(root) {
  for (const box of root.querySelectorAll("[data-focal]")) {
    const key = box.dataset.focal;
    const x = root.querySelector(`[data-focal-x="${key}"]`);
    const y = root.querySelector(`[data-focal-y="${key}"]`);
    const marker = Object.assign(document.createElement("span"), { className: "bo-focal-marker" });
    box.append(marker);
    const place = () => {
      marker.style.left = `${x.value}%`;
      marker.style.top = `${y.value}%`;
    };
    box.querySelector("img").addEventListener("click", (event) => {
      const rect = event.target.getBoundingClientRect();
      x.value = Math.round(((event.clientX - rect.left) / rect.width) * 100);
      y.value = Math.round(((event.clientY - rect.top) / rect.height) * 100);
      place();
    });
    x.addEventListener("input", place);
    y.addEventListener("input", place);
    place();
  }
}

// Uploads: drop files anywhere on the drop zone.
function enhanceUploads(root) {
  for (const form of root.querySelectorAll("[data-drop-upload]")) {
    const zone = form.querySelector(".bo-dropzone");
    const input = form.querySelector("input[type=file]");
    zone.addEventListener("dragover", (event) => {
      event.preventDefault();
      zone.classList.add("is-over");
    });
    zone.addEventListener("dragleave", () => zone.classList.remove("is-over"));
    zone.addEventListener("drop", (event) => {
      event.preventDefault();
      zone.classList.remove("is-over");
      input.files = event.dataTransfer.files;
      form.requestSubmit();
    });
  }
}

for (const form of document.querySelectorAll("form[data-confirm]")) {
  form.addEventListener("submit", (event) => {
    if (!window.confirm(form.dataset.confirm)) event.preventDefault();
  });
}

enhanceFocal(document);
enhanceUploads(document);
enhanceBlocks(document);
enhanceRichText(document);
