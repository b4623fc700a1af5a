// The header's search box as an ARIA combobox (list autocomplete): suggestions from /api/search/suggest from the first
// keystroke; Down/Up move through them, Enter opens the chosen one (or searches), Escape closes the list (a second
// Escape clears the box). Without this file the box is a plain search form.
export function enhanceSearch(root) {
  for (const input of root.querySelectorAll("input[data-suggest]")) {
    combobox(input);
  }
}

function combobox(input) {
  const form = input.form;
  const list = document.createElement("ul");
  const status = document.createElement("p");
  list.id = `${input.id}-list`;
  list.className = "search-suggestions";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", input.dataset.label);
  list.hidden = true;
  status.className = "visually-hidden";
  status.setAttribute("aria-live", "polite");
  input.after(list, status);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");

  let items = [];
  let active = -1;
  let pending;
  let timer;

  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };

  const highlight = (index) => {
    active = index;
    list.querySelectorAll("[role=option]").forEach((option, i) => option.setAttribute("aria-selected", String(i === index)));
    if (index >= 0) {
      input.setAttribute("aria-activedescendant", `${list.id}-${index}`);
      list.children[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  };

  const render = (suggestions) => {
    items = suggestions;
    list.replaceChildren(...suggestions.map((s, i) => {
      const option = document.createElement("li");
      option.id = `${list.id}-${i}`;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.textContent = s.name;
      option.addEventListener("mousedown", (event) => event.preventDefault()); // Keep the focus in the box.
      option.addEventListener("click", () => { window.location.href = s.url; });
      return option;
    }));
    active = -1;
    const open = suggestions.length > 0;
    list.hidden = !open;
    input.setAttribute("aria-expanded", String(open));
    status.textContent = open ? input.dataset.count.replace("{0}", suggestions.length) : input.dataset.none;
  };

  // aria-busy marks the list while the suggestions for what was typed are on their way (and tells tests when to look).
  const suggest = async () => {
    const q = input.value.trim();
    pending?.abort();
    if (!q) {
      render([]);
      status.textContent = "";
      list.setAttribute("aria-busy", "false");
      return;
    }
    const request = new AbortController();
    pending = request;
    try {
      const url = `${input.dataset.suggest}?q=${encodeURIComponent(q)}&culture=${encodeURIComponent(input.dataset.culture)}`;
      const response = await fetch(url, { signal: request.signal, headers: { Accept: "application/json" } });
      if (response.ok) {
        render((await response.json()).suggestions);
      }
    } catch (error) {
      if (error.name !== "AbortError") {
        close(); // The form still searches without suggestions.
      }
    } finally {
      if (pending === request) {
        list.setAttribute("aria-busy", "false");
      }
    }
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    list.setAttribute("aria-busy", "true");
    timer = setTimeout(suggest, 60);
  });

  input.addEventListener("keydown", (event) => {
    switch (event.key) {
      case "ArrowDown":
        if (list.hidden && items.length > 0) {
          list.hidden = false;
          input.setAttribute("aria-expanded", "true");
        }
        if (items.length > 0) {
          highlight((active + 1) % items.length);
          event.preventDefault();
        }
        break;
      case "ArrowUp":
        if (items.length > 0 && !list.hidden) {
          highlight(active <= 0 ? items.length - 1 : active - 1);
          event.preventDefault();
        }
        break;
      case "Enter":
        if (active >= 0 && !list.hidden) {
          event.preventDefault();
          window.location.href = items[active].url;
        }
        break;
      case "Escape":
        if (!list.hidden) {
          close();
        } else {
          input.value = "";
        }
        event.preventDefault();
        break;
      case "Tab":
        close();
        break;
    }
  });

  input.addEventListener("blur", close);
  form?.addEventListener("submit", close);
}
