// The re-identification gate as the map shows it: how many people the server left out of this
// view, and how many it shows coarsened, so an analyst knows the picture is incomplete and why.
// The server never says who; neither does the page.

/** One legend line from the graph view's `withheld` summary (absent when nothing was left out). */
export function showWithheld(graph) {
  const line = document.getElementById('legend-withheld');
  if (!line) return;
  const summary = graph && graph.withheld;
  const people = summary ? summary.people || 0 : 0;
  const coarsened = summary ? summary.coarsened || 0 : 0;
  line.dataset.withheld = String(people);
  line.dataset.coarsened = String(coarsened);
  if (!people && !coarsened) {
    line.hidden = true;
    line.textContent = '';
    return;
  }
  const parts = [];
  if (people) {
    parts.push(`${people} ${people === 1 ? 'person' : 'people'} withheld to keep them unrecognisable`
      + ` (fewer than ${summary.k} people alike in kind, region, number of ties and neighbours); their ties are not drawn.`);
  }
  if (coarsened) {
    parts.push(`${coarsened} shown with their region withheld and ties counted only in ranges (marked "region withheld").`);
  }
  line.textContent = parts.join(' ');
  line.hidden = false;
}

/** What a node's sub-title says of its region: the region, or that it is withheld. */
export function regionText(data, enumLabel) {
  return data.coarsened ? `region withheld (ties: ${data.degreeRange || 'a range'})` : enumLabel(data.region);
}
