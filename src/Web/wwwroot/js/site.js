// Progressive enhancement only: every page works without this file.
import { enhanceMaps } from "./map.js";
import { showCartCount } from "./cart.js";
import { enhanceSearch } from "./search.js";
import { enhanceStartPicker, enhanceTripAdd, enhanceTripDays } from "./trip.js";

enhanceMaps(document);
showCartCount(document);
enhanceSearch(document);
enhanceTripAdd(document);
enhanceTripDays(document);
enhanceStartPicker(document);

// Videos load from the provider's privacy-enhanced domain only when the visitor asks for them.
for (const block of document.querySelectorAll(".block-video[data-embed]")) {
  const link = block.querySelector(".video-link");
  link?.addEventListener("click", (event) => {
    event.preventDefault();
    const frame = document.createElement("iframe");
    frame.src = block.dataset.embed;
    frame.title = block.dataset.title || link.textContent.trim();
    frame.allow = "accelerometer; encrypted-media; picture-in-picture; fullscreen";
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    link.replaceWith(frame);
    frame.focus();
  });
}
