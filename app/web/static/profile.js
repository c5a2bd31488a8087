// What the entity and country pages share: the facts list, the timeline and the way a
// profile that cannot be loaded is shown.
import { $, api, h, problem } from "./common.js";
import { drawTimeline } from "./chart.js";

export function fact(term, ...value) {
  return [h("dt", {}, term), h("dd", {}, ...value)];
}

export async function chart(slug) {
  const figure = $("[data-chart]");
  try {
    await drawTimeline(figure, slug);
  } catch (error) {
    problem(figure, error);
  }
}

// The profile's own record, or null once the failure is on the page (the rest is hidden,
// since every other section hangs off this record).
export async function profile(path, what) {
  try {
    return await api(path);
  } catch (error) {
    $("[data-name]").textContent = `This ${what} could not be shown`;
    problem($("[data-facts]"), error);
    for (const section of document.querySelectorAll(".layout")) section.hidden = true;
    return null;
  }
}
