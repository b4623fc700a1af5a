// The header's cart badge on pages served from the output cache: they are the same for everyone, so the count
// comes from the small readable cookie the cart pages keep up to date (the cart id itself is HttpOnly).
export function showCartCount(root) {
  const badge = root.querySelector("[data-cart-count]");
  if (!badge || badge.childElementCount > 0) {
    return;
  }
  const match = /(?:^|;\s*)vcp\.cart-count=(\d{1,4})(?:;|$)/.exec(root.cookie ?? "");
  const count = match ? Number(match[1]) : 0;
  if (count < 1) {
    return;
  }
  const visible = document.createElement("span");
  visible.setAttribute("aria-hidden", "true");
  visible.textContent = String(count);
  const spoken = document.createElement("span");
  spoken.className = "visually-hidden";
  spoken.textContent = (badge.dataset.label ?? "{0}").replace("{0}", String(count));
  badge.append(visible, spoken);
}
