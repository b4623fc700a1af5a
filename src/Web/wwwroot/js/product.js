// Progressive enhancement only: the variant picker is a plain form. This shows the chosen variant's price up top.
const picker = document.querySelector(".variant-picker");
const price = document.querySelector("#product-price .price");

function show(radio) {
  const label = radio?.labels?.[0];
  if (!price || !label) {
    return;
  }

  // The "from" label and the earlier price belong to the range, not to one variant.
  for (const part of price.querySelectorAll(":scope > span, .price-was")) {
    part.remove();
  }

  price.querySelector(".price-now").textContent = label.querySelector(".variant-price").textContent;
  const was = label.querySelector(".price-was");
  if (was) {
    price.append(" ", was.cloneNode(true));
  }
}

picker?.addEventListener("change", (event) => show(event.target.closest("input[type=radio]")));
